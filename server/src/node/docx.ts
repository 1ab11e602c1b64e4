/**
 * The text of a .docx as planlint analyses it, read from word/document.xml directly (JSZip +
 * @xmldom/xmldom, both bundled and loaded on first use), not from mammoth's raw text, which drops
 * Word's automatic numbering and runs table cells into loose paragraphs.
 *
 * - One line per body paragraph, in document order (empty paragraphs are empty lines), as before.
 * - Automatic numbering (ECMA-376 Part 1 §17.9): a paragraph's w:numPr (or its style's, following
 *   w:basedOn) names a w:num and a level; the label Word displays is the level's w:lvlText with each
 *   %N replaced by level N's counter in its w:numFmt (decimal, chineseCounting 一二三, ideographTraditional
 *   甲乙丙, chineseLegalSimplified 壹贰叁, enclosed forms …). Counters belong to the abstract
 *   numbering (w:num instances sharing one continue each other), a level restarts when a lower level
 *   is used (w:lvlRestart), and a w:lvlOverride/w:startOverride restarts the instance where it is first
 *   used. The label is prepended to the line; bullets and `none` add nothing.
 * - Tables (w:tbl): one line per table row, its cells in reading order separated by a TAB (the shape
 *   Word itself gives a table copied as plain text); the paragraphs of one cell are joined by a space;
 *   a nested table's rows go into its cell the same way.
 * - What cannot be read as text (text boxes, embedded objects, charts, pictures with no text) is
 *   counted and reported once by the caller.
 */
import type { Localized } from '../core/model.js';
import { NumberingState, intVal, kid, kids, val } from './docx-numbering.js';

export { formatNumber } from './docx-numbering.js';

const MAX_STYLE_DEPTH = 16;

/** Where a line of the decoded text comes from. */
export interface DocxLine {
  /** index of the (first) paragraph of the line among the document body's w:p elements, in document order */
  paragraph: number;
  /** length of the automatic numbering label prepended to the paragraph's own text (0 when none) */
  label: number;
  /** for a table row: the table (0-based, in document order) and the row */
  table?: { index: number; row: number };
  /** for a table row: each cell's first paragraph and the column in the line where its text starts */
  cells?: { paragraph: number; column: number }[];
}

export interface DocxText {
  text: string;
  lines: DocxLine[];
  /** content that is not part of the text: kind → count */
  unread: Record<string, number>;
  /** parts with invalid byte sequences (read with U+FFFD) and the first U+FFFD in the text */
  invalid?: { parts: string[]; offset: number };
}

import type { El } from './docx-numbering.js';

/** A paragraph's numbering: its own w:numPr, else its style's (following w:basedOn). */
function numberingOf(p: El, styles: Map<string, El>): { numId: string; ilvl: number } | undefined {
  const pPr = kid(p, 'w:pPr');
  const own = kid(pPr, 'w:numPr');
  let numId = val(kid(own, 'w:numId'));
  let ilvl = intVal(kid(own, 'w:ilvl'));
  let style = val(kid(pPr, 'w:pStyle'));
  for (let depth = 0; style !== undefined && depth < MAX_STYLE_DEPTH && (numId === undefined || ilvl === undefined); depth++) {
    const s = styles.get(style);
    if (!s) break;
    const sPr = kid(s, 'w:pPr');
    const numPr = kid(sPr, 'w:numPr');
    numId ??= val(kid(numPr, 'w:numId'));
    ilvl ??= intVal(kid(numPr, 'w:ilvl'));
    style = val(kid(s, 'w:basedOn'));
  }
  if (numId === undefined) return undefined;
  return { numId, ilvl: Math.min(8, Math.max(0, ilvl ?? 0)) };
}

/** Text of one paragraph: w:t, w:tab as a tab, hyphens; deleted text, field codes and drawings skipped. */
function paragraphText(p: El, unread: Record<string, number>): string {
  let out = '';
  const walk = (el: El) => {
    for (const c of kids(el)) {
      const n = c.nodeName;
      if (n === 'w:del' || n === 'w:pPr' || n === 'w:rPr' || n === 'w:instrText' || n === 'w:delText' || n === 'w:moveFrom') continue;
      if (n === 'w:t') out += c.textContent ?? '';
      else if (n === 'w:tab' || n === 'w:ptab') out += '\t';
      else if (n === 'w:noBreakHyphen') out += '\u2011';
      else if (n === 'w:softHyphen') continue;
      else if (n === 'w:br' || n === 'w:cr') {
        // a page or column break is layout; a line break inside a paragraph reads as a space
        if (c.getAttribute('w:type') !== 'page' && c.getAttribute('w:type') !== 'column') out += ' ';
      } else if (n === 'w:drawing' || n === 'w:pict' || n === 'w:object' || n === 'mc:AlternateContent') countUnread(c, unread);
      else walk(c);
    }
  };
  walk(p);
  return out;
}

/** What a drawing, picture, object or alternate content holds that is not read. */
function countUnread(el: El, unread: Record<string, number>): void {
  const has = (tag: string) => el.getElementsByTagName(tag).length > 0;
  let kind: string;
  if (has('w:txbxContent')) kind = 'textbox';
  else if (has('c:chart')) kind = 'chart';
  else if (el.nodeName === 'w:object' || has('o:OLEObject')) kind = 'object';
  else if (has('pic:pic') || has('v:imagedata'))
    return; // a picture: nothing to read, nothing lost of the text
  else kind = 'object';
  unread[kind] = (unread[kind] ?? 0) + 1;
}

export const unreadNames: Record<string, Localized> = {
  textbox: { zh: '文本框', en: 'text box(es)' },
  chart: { zh: '图表', en: 'chart(s)' },
  object: { zh: '嵌入对象', en: 'embedded object(s)' },
};

interface Walker {
  lines: string[];
  map: DocxLine[];
  unread: Record<string, number>;
  styles: Map<string, El>;
  numbering: NumberingState;
  /** running index of w:p elements in document order (all of them, as getElementsByTagName counts) */
  pIndex: number;
  tables: number;
}

/** A paragraph's label + text, advancing the numbering counters. */
function paragraphLine(w: Walker, p: El): { text: string; label: number } {
  const num = numberingOf(p, w.styles);
  const label = num ? w.numbering.next(num.numId, num.ilvl) : '';
  return { text: label + paragraphText(p, w.unread), label: label.length };
}

/** Counts the w:p elements inside `el` (text boxes included) so paragraph indexes stay document order. */
function skipParagraphs(w: Walker, el: El): void {
  w.pIndex += el.getElementsByTagName('w:p').length;
}

/** The text of a table cell: its paragraphs (and nested tables' rows) joined by a space. */
function cellText(w: Walker, tc: El): string {
  const parts: string[] = [];
  for (const c of kids(tc)) {
    if (c.nodeName === 'w:p') {
      const first = w.pIndex;
      w.pIndex++;
      const { text } = paragraphLine(w, c);
      w.pIndex = Math.max(w.pIndex, first + 1 + c.getElementsByTagName('w:p').length);
      if (text.trim()) parts.push(text.trim());
    } else if (c.nodeName === 'w:tbl') {
      for (const tr of rowsOf(c))
        parts.push(
          kids(tr, 'w:tc')
            .map((x) => cellText(w, x))
            .join(' '),
        );
    } else if (c.nodeName === 'w:sdt') {
      const content = kid(c, 'w:sdtContent');
      if (content) parts.push(cellText(w, content));
    } else skipParagraphs(w, c);
  }
  return parts.join(' ').replace(/\t/g, ' ');
}

function rowsOf(tbl: El): El[] {
  const rows: El[] = [];
  for (const c of kids(tbl)) {
    if (c.nodeName === 'w:tr') rows.push(c);
    else if (c.nodeName === 'w:sdt') for (const r of kids(kid(c, 'w:sdtContent') ?? c, 'w:tr')) rows.push(r);
  }
  return rows;
}

function walkBlocks(w: Walker, container: El): void {
  for (const c of kids(container)) {
    const n = c.nodeName;
    if (n === 'w:p') {
      const index = w.pIndex;
      const { text, label } = paragraphLine(w, c);
      // paragraphs nested in the paragraph (text boxes) are counted, not read
      w.pIndex += 1 + c.getElementsByTagName('w:p').length;
      w.lines.push(text);
      w.map.push({ paragraph: index, label });
    } else if (n === 'w:tbl') {
      const table = w.tables++;
      let row = 0;
      for (const tr of rowsOf(c)) {
        const index = w.pIndex;
        const cells: { paragraph: number; column: number }[] = [];
        let line = '';
        for (const tc of kids(tr, 'w:tc')) {
          if (cells.length > 0) line += '\t';
          cells.push({ paragraph: w.pIndex, column: line.length });
          line += cellText(w, tc);
        }
        w.lines.push(line);
        w.map.push({ paragraph: index, label: 0, table: { index: table, row: row++ }, cells });
      }
    } else if (n === 'w:sdt') {
      const content = kid(c, 'w:sdtContent');
      if (content) walkBlocks(w, content);
    } else if (n === 'w:customXml' || n === 'w:ins' || n === 'w:moveTo') walkBlocks(w, c);
    else if (n === 'w:sectPr' || n === 'w:del' || n === 'w:moveFrom') skipParagraphs(w, c);
    else if (n === 'mc:AlternateContent' || n === 'w:altChunk') {
      w.unread['object'] = (w.unread['object'] ?? 0) + 1;
      skipParagraphs(w, c);
    } else skipParagraphs(w, c);
  }
}

export class DocxFormatError extends Error {}

/** Elements nested deeper than this are refused (Word nests tables and content controls a few dozen levels at most). */
export const MAX_XML_DEPTH = 512;

/**
 * The offset of the first element nested deeper than `max` in XML text, or −1: a linear scan of
 * the tags (comments, CDATA, declarations and processing instructions skipped). Reading a part
 * walks its elements recursively (xmldom's getElementsByTagName, the table and content-control
 * walks below), and a stack exhausted there is at best an error and at worst, when V8 compiles
 * a regular expression near the stack's end, an abort of the whole process.
 */
export function xmlTooDeep(xml: string, max = MAX_XML_DEPTH): number {
  let depth = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      const close = xml.startsWith('<!--', i) ? '-->' : xml.startsWith('<![CDATA[', i) ? ']]>' : '>';
      const end = xml.indexOf(close, i + 2);
      if (end < 0) return -1; // unterminated: the parser reports it
      i = end;
    } else if (next === 0x2f /* / */) depth = Math.max(0, depth - 1);
    else {
      const end = xml.indexOf('>', i + 1);
      if (end < 0) return -1;
      if (xml.charCodeAt(end - 1) !== 0x2f /* / */ && ++depth > max) return i;
      i = end;
    }
  }
  return -1;
}

/** The analysed text of a .docx package (already checked for size by the caller). */
export async function readDocxText(buf: Uint8Array): Promise<DocxText> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip') as typeof import('jszip');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DOMParser } = require('@xmldom/xmldom') as typeof import('@xmldom/xmldom');
  const zip = await JSZip.loadAsync(buf);
  const invalidParts: string[] = [];
  const part = async (name: string): Promise<Document | undefined> => {
    const f = zip.file(name);
    if (!f) return undefined;
    const bytes = await f.async('uint8array');
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
    let xml: string;
    try {
      xml = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      // invalid bytes in the part: read with U+FFFD, reported as input/encoding
      xml = new TextDecoder(utf16).decode(bytes);
      invalidParts.push(name);
    }
    const deep = xmlTooDeep(xml);
    if (deep >= 0) throw new DocxFormatError(`${name}: elements nested deeper than ${MAX_XML_DEPTH} levels (at character ${deep})`);
    const errors: string[] = [];
    const doc = new DOMParser({
      errorHandler: {
        warning: () => undefined,
        error: () => undefined,
        fatalError: (msg: string) => void errors.push(msg),
      },
    }).parseFromString(xml, 'text/xml') as unknown as Document;
    if (errors.length) throw new DocxFormatError(`${name}: ${errors[0]!.split('\n')[0]}`);
    return doc;
  };
  const main = await mainDocumentPart(zip);
  const doc = await part(main);
  const body = doc?.documentElement ? kid(doc.documentElement, 'w:body') : undefined;
  if (!body) throw new DocxFormatError(`${main}: no w:body`);
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const stylesDoc = await part(`${dir}styles.xml`);
  const styles = new Map<string, El>();
  if (stylesDoc?.documentElement) {
    for (const s of kids(stylesDoc.documentElement, 'w:style')) {
      const id = s.getAttribute('w:styleId');
      if (id !== null && s.getAttribute('w:type') !== 'character') styles.set(id, s);
    }
  }
  const w: Walker = {
    lines: [],
    map: [],
    unread: {},
    styles,
    numbering: new NumberingState(await part(`${dir}numbering.xml`)),
    pIndex: 0,
    tables: 0,
  };
  walkBlocks(w, body);
  // no trailing empty lines (the text ends in one line break)
  while (w.lines.length > 0 && w.lines[w.lines.length - 1] === '') {
    w.lines.pop();
    w.map.pop();
  }
  const text = w.lines.length ? w.lines.join('\n') + '\n' : '';
  const invalid = invalidParts.length > 0 ? { parts: invalidParts, offset: Math.max(0, text.indexOf('\ufffd')) } : undefined;
  return { text, lines: w.map, unread: w.unread, ...(invalid ? { invalid } : {}) };
}

/** word/document.xml, or the part the package relationships name as the main document. */
async function mainDocumentPart(zip: import('jszip')): Promise<string> {
  const rels = zip.file('_rels/.rels');
  if (rels) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DOMParser } = require('@xmldom/xmldom') as typeof import('@xmldom/xmldom');
    const xml = await rels.async('string');
    if (xmlTooDeep(xml) >= 0) throw new DocxFormatError(`_rels/.rels: elements nested deeper than ${MAX_XML_DEPTH} levels`);
    const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: () => undefined } }).parseFromString(xml, 'text/xml');
    const all = doc.getElementsByTagName('Relationship');
    for (let i = 0; i < all.length; i++) {
      const r = all[i]!;
      if (!(r.getAttribute('Type') ?? '').endsWith('/officeDocument')) continue;
      const target = (r.getAttribute('Target') ?? '').replace(/^\//, '');
      if (target && zip.file(target)) return target;
    }
  }
  return 'word/document.xml';
}
