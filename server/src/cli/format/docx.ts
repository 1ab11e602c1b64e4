/**
 * `planlint check draft.docx --format docx --output reviewed.docx`: a copy of the Word document with
 * every finding as a Word comment (批注) anchored on the text it is about. The original is only
 * read. The copy keeps every other part of the package byte for byte (JSZip re-zips them).
 *
 * Library choice: no maintained docx library edits an existing document's comments (`docx` only
 * writes new documents), so the package is opened with JSZip and
 * word/document.xml edited with @xmldom/xmldom (both also read .docx input, both bundled). What
 * Word, WPS and LibreOffice need for a comment (ECMA-376 Part 1 §17.13.4):
 * - word/comments.xml with `<w:comment w:id w:author w:date w:initials>` paragraphs (created, or
 *   appended to with fresh ids when the document already has comments);
 * - its content-type override in [Content_Types].xml and a relationship from document.xml;
 * - in document.xml `<w:commentRangeStart/>` before the first character, `<w:commentRangeEnd/>`
 *   after the last, and a run holding `<w:commentReference/>` right after the end: runs are split at
 *   the finding's offsets, the split-off run keeping the run properties (font, size, colour).
 *
 * Paragraphs are matched to the lines planlint analysed (one paragraph per line, the text node/docx.ts
 * reads: w:t, w:tab as a tab, no-break and soft hyphens, deleted text skipped), so a finding's
 * line and UTF-16 columns are a paragraph and offsets in it.
 */
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LocatedFinding } from '../../core/model.js';
import { CliError, type CliEnv } from '../env.js';
import type { RunOutcome } from './model.js';
import type { DocxLine } from '../../node/docx.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** Usage checks before any work: one .docx in, another file out. */
export function checkDocxUsage(paths: readonly string[], opts: { output?: string; stdin?: boolean; fix?: boolean }): void {
  if (opts.stdin || paths.length !== 1 || path.extname(paths[0]!).toLowerCase() !== '.docx') {
    throw new CliError({
      zh: '--format docx 需要且只能有一个 .docx 文件参数',
      en: '--format docx needs exactly one .docx file argument',
    });
  }
  if (!opts.output)
    throw new CliError({
      zh: '--format docx 需要 --output 指定写出的 .docx 文件',
      en: '--format docx needs --output FILE.docx',
    });
  if (opts.fix) throw new CliError({ zh: '--format docx 不能与 --fix 同用', en: '--format docx cannot be combined with --fix' });
  let same = path.resolve(paths[0]!) === path.resolve(opts.output);
  try {
    same ||= realpathSync(paths[0]!) === realpathSync(opts.output);
  } catch {
    /* the output does not exist yet */
  }
  if (same)
    throw new CliError({
      zh: '--output 不能是原文件（原文件保持不变）',
      en: '--output must not be the input file (the original is left untouched)',
    });
}

export interface DocxComment {
  /** 0-based paragraph (line) and UTF-16 offsets, as planlint reports them */
  start: { line: number; character: number };
  end: { line: number; character: number };
  text: string[];
}

type El = Element;

function children(el: Node, name?: string): El[] {
  const out: El[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (!name || (c as El).nodeName === name)) out.push(c as El);
  return out;
}

/** text pieces of a paragraph in reading order: each a run-level child node and its text */
interface Piece {
  run: El;
  node: El;
  text: string;
}

function pieces(p: El): Piece[] {
  const out: Piece[] = [];
  const walk = (el: El) => {
    for (const c of children(el)) {
      const n = c.nodeName;
      if (n === 'w:del' || n === 'w:p' || n === 'w:txbxContent' || n === 'w:pPr' || n === 'w:rPr' || n === 'w:drawing' || n === 'w:pict') continue;
      if (n === 'w:r') {
        for (const t of children(c)) {
          const tn = t.nodeName;
          const text =
            tn === 'w:t' ? (t.textContent ?? '') : tn === 'w:tab' ? '\t' : tn === 'w:noBreakHyphen' ? '\u2011' : tn === 'w:softHyphen' ? '\u00ad' : '';
          if (text) out.push({ run: c, node: t, text });
        }
      } else walk(c);
    }
  };
  walk(p);
  return out;
}

function paragraphText(p: El): string {
  return pieces(p)
    .map((x) => x.text)
    .join('');
}

/**
 * The place for a marker at `offset` in paragraph `p`: { parent, before } (before = null: append).
 * Splits the run holding `offset` so that the marker sits exactly between two characters.
 */
function pointAt(doc: Document, p: El, offset: number): { parent: Node; before: Node | null } {
  let pos = 0;
  const list = pieces(p);
  for (const piece of list) {
    const len = piece.text.length;
    if (offset <= pos) return { parent: piece.run.parentNode!, before: piece.run };
    if (offset < pos + len) {
      // split the run at (piece, offset - pos)
      const k = offset - pos;
      const run = piece.run;
      const tail = doc.createElementNS(W, 'w:r');
      const rPr = children(run, 'w:rPr')[0];
      if (rPr) tail.appendChild(rPr.cloneNode(true));
      if (k > 0) {
        // piece.node is a w:t (tabs and hyphens have length 1, so k > 0 only splits text)
        const t2 = doc.createElementNS(W, 'w:t');
        t2.setAttribute('xml:space', 'preserve');
        t2.appendChild(doc.createTextNode(piece.text.slice(k)));
        piece.node.textContent = piece.text.slice(0, k);
        piece.node.setAttribute('xml:space', 'preserve');
        tail.appendChild(t2);
      }
      // everything after the split point moves to the new run
      let next = k > 0 ? piece.node.nextSibling : piece.node;
      while (next) {
        const after = next.nextSibling;
        tail.appendChild(next);
        next = after;
      }
      run.parentNode!.insertBefore(tail, run.nextSibling);
      return { parent: tail.parentNode!, before: tail };
    }
    pos += len;
  }
  const last = list[list.length - 1];
  if (last) return { parent: last.run.parentNode!, before: last.run.nextSibling };
  return { parent: p, before: null };
}

/**
 * A position of the analysed text in the document, from the reader's line map (node/docx.ts): a
 * numbered paragraph's label is not in the paragraph (Word draws it), a table row's cells are
 * paragraphs of their own.
 */
function mapped(paras: readonly El[], map: readonly DocxLine[], line: number, character: number): { p: El; offset: number } | undefined {
  const l = map[line];
  if (!l) return undefined;
  if (l.cells && l.cells.length > 0) {
    let cell = l.cells[0]!;
    for (const c of l.cells) if (c.column <= character) cell = c;
    const p = paras[cell.paragraph];
    return p && { p, offset: Math.min(character - cell.column, paragraphText(p).length) };
  }
  const p = paras[l.paragraph];
  return p && { p, offset: Math.min(Math.max(0, character - l.label), paragraphText(p).length) };
}

interface Anchor {
  startP: El | undefined;
  endP: El | undefined;
  start: number;
  end: number;
}

/** A comment's paragraphs and offsets by the reader's line map; a finding across cells of one row is anchored on its first cell. */
function remap(paras: readonly El[], map: readonly DocxLine[], c: DocxComment, a: Anchor): Anchor {
  const ms = mapped(paras, map, c.start.line, c.start.character);
  const me = mapped(paras, map, c.end.line, c.end.character);
  const out = { ...a };
  if (ms) {
    out.startP = ms.p;
    out.start = ms.offset;
  }
  if (me) {
    out.endP = me.p;
    out.end = me.offset;
  }
  if (ms && me && me.p !== ms.p && c.start.line === c.end.line) {
    out.endP = ms.p;
    out.end = paragraphText(ms.p).length;
  }
  return out;
}

/** Matches the document's paragraphs to the analysed lines (equal text, in order). */
function paragraphsByLine(body: El, lines: readonly string[]): (El | undefined)[] {
  const paras = Array.from(body.getElementsByTagName('w:p')) as El[];
  const texts = paras.map(paragraphText);
  const byLine: (El | undefined)[] = new Array(lines.length);
  let j = 0;
  for (let i = 0; i < lines.length && j < paras.length; i++) {
    const line = lines[i]!;
    let k = j;
    while (k < paras.length && texts[k] !== line) k++;
    if (k < paras.length) {
      byLine[i] = paras[k];
      j = k + 1;
    }
  }
  return byLine;
}

function nextId(...docs: Document[]): number {
  let max = -1;
  for (const d of docs) {
    for (const tag of ['w:comment', 'w:commentRangeStart', 'w:commentReference']) {
      for (const el of Array.from(d.getElementsByTagName(tag))) max = Math.max(max, Number(el.getAttribute('w:id')) || 0);
    }
  }
  return max + 1;
}

/** The relationship document.xml → comments.xml and the content-type override, unless present. */
async function registerCommentsPart(zip: import('jszip'), parse: (xml: string) => Document, serialize: (d: Document) => string): Promise<void> {
  // relationship document.xml → comments.xml
  const relsPath = 'word/_rels/document.xml.rels';
  const rels = parse(
    (await zip.file(relsPath)?.async('string')) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`,
  );
  const relList = Array.from(rels.getElementsByTagName('Relationship')) as El[];
  if (!relList.some((r) => r.getAttribute('Type') === COMMENTS_TYPE)) {
    const ids = new Set(relList.map((r) => r.getAttribute('Id')));
    let n = relList.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const rel = rels.createElementNS(RELS_NS, 'Relationship');
    rel.setAttribute('Id', `rId${n}`);
    rel.setAttribute('Type', COMMENTS_TYPE);
    rel.setAttribute('Target', 'comments.xml');
    rels.documentElement.appendChild(rel);
    zip.file(relsPath, serialize(rels));
  }
  // content type override
  const ctPath = '[Content_Types].xml';
  const ct = parse((await zip.file(ctPath)?.async('string')) ?? '');
  const overrides = Array.from(ct.getElementsByTagName('Override')) as El[];
  if (!overrides.some((o) => o.getAttribute('PartName') === '/word/comments.xml')) {
    const o = ct.createElementNS(CT_NS, 'Override');
    o.setAttribute('PartName', '/word/comments.xml');
    o.setAttribute('ContentType', COMMENTS_CT);
    ct.documentElement.appendChild(o);
    zip.file(ctPath, serialize(ct));
  }
}

/** Returns the .docx bytes with the comments added. `lines`: the text planlint analysed, one paragraph per line. */
export async function addDocxComments(
  original: Uint8Array,
  lines: readonly string[],
  comments: readonly DocxComment[],
  date = new Date(),
  map?: readonly DocxLine[],
): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip') as typeof import('jszip');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DOMParser, XMLSerializer } = require('@xmldom/xmldom') as typeof import('@xmldom/xmldom');
  const zip = await JSZip.loadAsync(original);
  const docPath = 'word/document.xml';
  const docXml = await zip.file(docPath)?.async('string');
  if (!docXml)
    throw new CliError({
      zh: '不是有效的 .docx 文件（缺少 word/document.xml）',
      en: 'not a valid .docx file (no word/document.xml)',
    });
  const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  const doc = parse(docXml);
  const body = doc.getElementsByTagName('w:body')[0] as El | undefined;
  if (!body) throw new CliError({ zh: '不是有效的 .docx 文件（缺少 w:body）', en: 'not a valid .docx file (no w:body)' });

  const commentsPath = 'word/comments.xml';
  const existing = await zip.file(commentsPath)?.async('string');
  const cdoc = parse(existing ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}"></w:comments>`);
  const croot = cdoc.documentElement as El;
  let id = nextId(doc, cdoc);
  const byLine = paragraphsByLine(body, lines);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');

  // the last comments first: markers of later comments never move earlier offsets (they hold no text)
  const ordered = [...comments].sort((a, b) => b.start.line - a.start.line || b.start.character - a.start.character);
  // a finding on a line no paragraph matched (content the reader reads differently) is not lost: it is
  // anchored on the first paragraph, its comment saying which line it is about
  const firstP = byLine.find((p) => p !== undefined) ?? (body.getElementsByTagName('w:p')[0] as El | undefined);
  const paras = map ? (Array.from(body.getElementsByTagName('w:p')) as El[]) : [];
  for (const c of ordered) {
    let startP = byLine[c.start.line];
    let endP = byLine[c.end.line];
    let start = c.start.character;
    let end = c.end.character;
    if (map) ({ startP, endP, start, end } = remap(paras, map, c, { startP, endP, start, end }));
    let text = c.text;
    if (!startP) {
      if (!firstP) continue;
      startP = endP = firstP;
      start = 0;
      end = paragraphText(firstP).length;
      text = [`（第 ${c.start.line + 1} 段 / paragraph ${c.start.line + 1}）${c.text[0] ?? ''}`, ...c.text.slice(1)];
    }
    if (!endP || c.end.line < c.start.line) {
      endP = startP;
      end = paragraphText(startP).length;
    }
    // a point finding marks the character after it (or before it at the end of the paragraph)
    if (startP === endP && end <= start) {
      const len = paragraphText(startP).length;
      if (start < len) end = start + 1;
      else start = Math.max(0, len - 1);
    }
    const cid = String(id++);
    const rangeEnd = doc.createElementNS(W, 'w:commentRangeEnd');
    rangeEnd.setAttribute('w:id', cid);
    const refRun = doc.createElementNS(W, 'w:r');
    const ref = doc.createElementNS(W, 'w:commentReference');
    ref.setAttribute('w:id', cid);
    refRun.appendChild(ref);
    const e = pointAt(doc, endP, end);
    e.parent.insertBefore(rangeEnd, e.before);
    e.parent.insertBefore(refRun, rangeEnd.nextSibling);
    const rangeStart = doc.createElementNS(W, 'w:commentRangeStart');
    rangeStart.setAttribute('w:id', cid);
    const s = pointAt(doc, startP, start);
    s.parent.insertBefore(rangeStart, s.before);

    const comment = cdoc.createElementNS(W, 'w:comment');
    comment.setAttribute('w:id', cid);
    comment.setAttribute('w:author', 'planlint');
    comment.setAttribute('w:date', stamp);
    comment.setAttribute('w:initials', 'PL');
    for (const line of text) {
      const p = cdoc.createElementNS(W, 'w:p');
      const r = cdoc.createElementNS(W, 'w:r');
      const t = cdoc.createElementNS(W, 'w:t');
      t.setAttribute('xml:space', 'preserve');
      t.appendChild(cdoc.createTextNode(line));
      r.appendChild(t);
      p.appendChild(r);
      comment.appendChild(p);
    }
    croot.appendChild(comment);
  }
  // comments.xml lists them in document order (Word and WPS number them by position anyway)
  const serialize = (d: Document) => new XMLSerializer().serializeToString(d as never);
  zip.file(docPath, serialize(doc));
  const cxml = serialize(cdoc);
  zip.file(commentsPath, cxml.startsWith('<?xml') ? cxml : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${cxml}`);

  await registerCommentsPart(zip, parse, serialize);
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}

/** The comment of one finding: the message, then the rule id and the standard clause. */
export function commentText(f: LocatedFinding, lang: 'zh' | 'en'): string[] {
  const out = [f.message[lang]];
  out.push(`planlint: ${f.ruleId}${f.standard ? `（${f.standard}）` : ''}`);
  if (f.fix) out.push(`${lang === 'zh' ? '建议' : 'Suggested fix'}: ${f.fix.title[lang]}`);
  return out;
}

/** Writes the reviewed copy of the one .docx checked (nothing when it could not be read). */
export async function writeDocxReport(outcome: RunOutcome, output: string, env: CliEnv): Promise<void> {
  const r = outcome.results[0];
  if (!r) return;
  const lines = r.decoded.text.split('\n');
  const comments = r.findings.map((f) => ({ start: f.range.start, end: f.range.end, text: commentText(f, env.lang) }));
  const bytes = await addDocxComments(readFileSync(r.file), lines, comments, new Date(), r.decoded.docx);
  writeFileSync(output, bytes);
}
