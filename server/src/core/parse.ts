/**
 * Structure parser: text → lines → blocks (paragraphs, joining PDF hard wraps) → sections and
 * inline enumerations → indicators. Pure and linear in the size of the text.
 */
import { yaml } from './yaml.js';
import { activeSession, type AnalysisSession } from './session.js';
import type { Block, Enumeration, FrontMatter, Level, NumberToken, Plan, Section } from './model.js';
import { LineIndex, isSpace, segmentOffset } from './text.js';
import { matchNumberToken, nextEnumerationMarker, parseChineseNumeral } from './numbering.js';
import { extractIndicators } from './indicators.js';

/** Characters that end a paragraph when they end a line (as char codes). */
const TERMINAL = new Set(['。', '！', '？', '；', '：', '!', '?', ';', ':', '…'].map((c) => c.charCodeAt(0)));
const CLOSERS = new Set(['”', '’', '）', ')', '」', '』', '】', '》', '"', "'"].map((c) => c.charCodeAt(0)));
const SENTENCE_PUNCT = /[，。；、,;]/;

/** Display width of s[from, to): half for ASCII and other narrow characters. */
function width(s: string, from = 0, to = s.length): number {
  let w = 0;
  for (let i = from; i < to; i++) w += s.charCodeAt(i) < 0x2e80 ? 0.5 : 1;
  return w;
}

function endsTerminal(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && CLOSERS.has(s.charCodeAt(i))) i--;
  return i >= 0 && TERMINAL.has(s.charCodeAt(i));
}

export function parseFrontMatter(text: string): FrontMatter | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom)) return undefined;
  const firstEol = text.indexOf('\n', bom);
  if (firstEol < 0 || text.slice(bom + 3, firstEol).trim() !== '') return undefined;
  const sourceStart = firstEol + 1;
  const closing = /^(---|\.\.\.)[ \t]*\r?$/m;
  closing.lastIndex = 0;
  const rest = text.slice(sourceStart);
  const m = closing.exec(rest);
  if (!m) return undefined;
  const sourceEnd = sourceStart + m.index;
  let end = sourceEnd + m[0].length;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  const source = text.slice(sourceStart, sourceEnd);
  const errors: FrontMatter['errors'] = [];
  let data: Record<string, unknown> | undefined;
  try {
    const doc = yaml().parseDocument(source, { prettyErrors: false });
    for (const e of doc.errors) {
      errors.push({ message: e.message, span: { start: sourceStart + e.pos[0], end: sourceStart + Math.max(e.pos[1], e.pos[0] + 1) } });
    }
    if (doc.errors.length === 0) {
      const js: unknown = doc.toJS();
      if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
      else if (js !== null && js !== undefined) {
        errors.push({ message: 'front matter must be a mapping', span: { start: sourceStart, end: sourceEnd } });
      } else data = {};
    }
  } catch (e) {
    errors.push({ message: String(e), span: { start: sourceStart, end: sourceEnd } });
  }
  return { start: bom, end, source, sourceStart, data, errors };
}

/** A Markdown ATX heading marker (`#` … `######`) and the space after it, matched at a position (sticky). */
const MARKDOWN_HEADING = /(#{1,6})[ \t]+/y;

/**
 * Where a line's content lies (offsets in `t`, within the line [s, e)): after indentation and a
 * Markdown `#`, before trailing space and a trailing comment. Nothing is sliced.
 */
function contentBounds(t: string, s: number, e: number): { i: number; j: number; markdownLevel: number | undefined } {
  let i = s;
  while (i < e && isSpace(t[i])) i++;
  let markdownLevel: number | undefined;
  if (t.charCodeAt(i) === 35 /* # */ && i < e) {
    MARKDOWN_HEADING.lastIndex = i;
    const md = MARKDOWN_HEADING.exec(t);
    if (md && i + md[0].length <= e) {
      markdownLevel = md[1]!.length;
      i += md[0].length;
    }
  }
  let j = e;
  while (j > i && isSpace(t[j - 1])) j--;
  // a trailing HTML comment (a suppression marker such as <!-- planlint-disable-line … -->)
  // is not part of the text: it must not end up in a heading's title or a paragraph
  if (j - i > 7 && t.charCodeAt(j - 1) === 62 /* > */ && t.endsWith('-->', j)) {
    const open = t.lastIndexOf('<!--', j - 3);
    if (open > i) {
      j = open;
      while (j > i && isSpace(t[j - 1])) j--;
    }
  }
  return { i, j, markdownLevel };
}

/** Whether t[i, j) is an HTML comment (`<!-- … -->`) and nothing else. */
function isComment(t: string, i: number, j: number): boolean {
  return j - i >= 7 && t.startsWith('<!--', i) && /^<!--.*-->$/.test(t.slice(i, j));
}

/** What the first pass finds of each line (LineShape.kind). */
const BLANK = 0;
const COMMENT = 1;
const CONTENT = 2;

/**
 * Each line's content bounds, kind and display width (from `firstLine` on, at index k − firstLine),
 * and the widths of the lines with content (not blank, not a comment) for wrapWidth. Typed arrays:
 * nothing is sliced or kept per line as an object (keeping every line's analysis for the whole
 * parse made the collector copy 130,000 objects on a 10 MB draft).
 */
interface LineShapes {
  /** content start and end (after indentation and a Markdown #, before trailing space and comment) */
  start: Int32Array;
  end: Int32Array;
  /** Markdown heading level, 0 when none */
  markdown: Uint8Array;
  /** BLANK, COMMENT or CONTENT */
  kind: Uint8Array;
  width: Float64Array;
  /** widths of the CONTENT lines */
  contentWidths: Float64Array;
}

function lineShapes(index: LineIndex, firstLine: number): LineShapes {
  const count = Math.max(0, index.lineCount - firstLine);
  const shapes: LineShapes = {
    start: new Int32Array(count),
    end: new Int32Array(count),
    markdown: new Uint8Array(count),
    kind: new Uint8Array(count),
    width: new Float64Array(count),
    contentWidths: new Float64Array(count),
  };
  const t = index.text;
  let n = 0;
  for (let k = 0; k < count; k++) {
    const { i, j, markdownLevel } = contentBounds(t, index.lineStart(firstLine + k), index.lineEnd(firstLine + k));
    const w = width(t, i, j);
    shapes.start[k] = i;
    shapes.end[k] = j;
    shapes.markdown[k] = markdownLevel ?? 0;
    shapes.width[k] = w;
    if (i === j && markdownLevel === undefined) shapes.kind[k] = BLANK;
    else if (isComment(t, i, j)) shapes.kind[k] = COMMENT;
    else {
      shapes.kind[k] = CONTENT;
      shapes.contentWidths[n++] = w;
    }
  }
  shapes.contentWidths = shapes.contentWidths.subarray(0, n);
  return shapes;
}

/** The typical full width of a wrapped line: 85th percentile of non-blank line widths. */
function wrapWidth(ws: Float64Array): number {
  const n = ws.length;
  if (n === 0) return 40;
  // a typed array sorts numerically without a comparator call per comparison
  ws.sort();
  return Math.max(4, ws[Math.min(n - 1, Math.floor(n * 0.85))]!);
}

/** Whether a character code is an ASCII letter or digit. */
function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

class BlockBuilder {
  text = '';
  segments: Block['segments'] = [];
  /**
   * code of the text's last character: reading it from `text` (a concatenation) would flatten
   * the concatenation, copying the paragraph so far once per line
   */
  private lastCode = -1;
  constructor(
    public kind: Block['kind'],
    public start: number,
    public firstLine: number,
    public lastLine: number,
    public markdownLevel?: number,
  ) {}
  add(docStart: number, s: string): void {
    if (this.text.length > 0 && isAsciiAlnum(this.lastCode) && s.length > 0 && isAsciiAlnum(s.charCodeAt(0))) {
      // two Latin words across a line break keep a (virtual) space, mapped to the break
      this.segments.push({ textStart: this.text.length, docStart: docStart - 1, length: 0 });
      this.text += ' ';
    }
    this.segments.push({ textStart: this.text.length, docStart, length: s.length });
    this.text += s;
    if (s.length > 0) this.lastCode = s.charCodeAt(s.length - 1);
  }
  build(): Block {
    const last = this.segments[this.segments.length - 1];
    const end = last ? last.docStart + last.length : this.start;
    const b: Block = {
      kind: this.kind,
      start: this.start,
      end,
      text: this.text,
      firstLine: this.firstLine,
      lastLine: this.lastLine,
      segments: this.segments,
    };
    if (this.markdownLevel !== undefined) b.markdownLevel = this.markdownLevel;
    return b;
  }
}

/** Whether a numbering token fits the structure so far (not a number that starts a wrapped line). */
function fitsStructure(token: NumberToken, lastValue: Map<Level, number>, lastL3: number): boolean {
  const last = lastValue.get(token.level) ?? 0;
  if (token.value === 1 || token.value === last + 1 || token.value === last) return true;
  if (token.level === 3 && token.value === lastL3 + 1) return true;
  // small gaps and out-of-order numbers are reported by numbering/sequence, wild values are not headings
  return token.value > last && token.value <= last + 3;
}

export interface ParseOptions {
  /** extract quantitative indicators (default true; off for the structural-only analysis of huge drafts) */
  indicators?: boolean;
}

/**
 * Parses a draft in `session` (default: the active one; see ./session.ts), which begins a new
 * analysis there: the paragraph memos keep what this one and the previous one use.
 */
export function parsePlan(text: string, options: ParseOptions = {}, session: AnalysisSession = activeSession()): Plan {
  return session.run(() => {
    session.beginAnalysis();
    return parseInSession(text, options);
  });
}

function parseInSession(text: string, options: ParseOptions): Plan {
  const index = new LineIndex(text);
  const frontMatter = parseFrontMatter(text);
  const firstLine = frontMatter ? index.lineAt(frontMatter.end) + (frontMatter.end >= text.length ? 1 : 0) : 0;
  const lines = lineShapes(index, firstLine);
  const W = wrapWidth(lines.contentWidths);

  const blocks: Block[] = [];
  let cur: BlockBuilder | undefined;
  let curHeadingRunIn = false;
  let prevContent = '';
  let prevWidth = 0;
  let blankBetween = false;
  const lastValue = new Map<Level, number>();
  let lastL3 = 0;

  const close = () => {
    if (cur) blocks.push(cur.build());
    cur = undefined;
  };

  for (let lineNo = firstLine; lineNo < index.lineCount; lineNo++) {
    // the line, from the first pass: offsets in the whole text, the content the only string made
    const k = lineNo - firstLine;
    const kind = lines.kind[k]!;
    if (kind === BLANK) {
      blankBetween = true;
      continue;
    }
    if (kind === COMMENT) {
      close();
      blankBetween = false;
      continue;
    }
    const contentStart = lines.start[k]!;
    const content = text.slice(contentStart, lines.end[k]!);
    const markdownLevel = lines.markdown[k]! || undefined;
    const lineWidth = lines.width[k]!;
    const prevTerminated = !cur || endsTerminal(prevContent) || (cur.kind === 'heading' && !curHeadingRunIn);
    const tk = matchNumberToken(content);
    let token: NumberToken | undefined = tk && { ...tk, start: contentStart, end: contentStart + tk.raw.length };
    if (token) {
      const fits = fitsStructure(token, lastValue, lastL3);
      // a number at the start of a line that continues an unfinished sentence is text, unless it fits
      if (!prevTerminated && !fits) token = undefined;
      else if (!fits && token.value > 30) token = undefined;
    }
    if (token) {
      close();
      cur = new BlockBuilder('heading', contentStart, lineNo, lineNo, markdownLevel);
      cur.add(contentStart, content);
      const afterToken = content.slice(token.raw.length);
      const stop = runInStop(afterToken);
      curHeadingRunIn = stop >= 0 && afterToken.slice(stop + 1).trim().length > 0;
      lastValue.set(token.level, token.value);
      for (const lv of [2, 3, 4] as Level[]) if (lv > token.level && lv !== 3) lastValue.delete(lv);
      if (token.level < 3) lastValue.delete(3);
      if (token.level === 3) lastL3 = token.value;
      prevContent = content;
      prevWidth = lineWidth;
      blankBetween = false;
      continue;
    }
    if (markdownLevel !== undefined) {
      close();
      cur = new BlockBuilder('title', contentStart, lineNo, lineNo, markdownLevel);
      cur.add(contentStart, content);
      close();
      prevContent = content;
      prevWidth = lineWidth;
      blankBetween = false;
      continue;
    }
    let join = false;
    if (cur && cur.kind !== 'title' && !prevTerminated) {
      const prevW = prevWidth;
      const hasComma = SENTENCE_PUNCT.test(prevContent);
      if (blankBetween) join = hasComma || prevW >= 0.75 * W;
      else join = hasComma || prevW >= 0.6 * W;
    }
    if (join && cur) {
      cur.add(contentStart, content);
      cur.lastLine = lineNo;
    } else {
      close();
      cur = new BlockBuilder('paragraph', contentStart, lineNo, lineNo);
      cur.add(contentStart, content);
      curHeadingRunIn = false;
    }
    prevContent = content;
    prevWidth = lineWidth;
    blankBetween = false;
  }
  close();

  // Titles: short unpunctuated paragraphs before the first heading become 'title' blocks.
  for (const b of blocks) {
    if (b.kind === 'heading') break;
    if (b.kind === 'paragraph' && !SENTENCE_PUNCT.test(b.text) && !endsTerminal(b.text) && width(b.text) <= 40) b.kind = 'title';
  }

  const { sections, allSections, owner } = buildSections(blocks);
  const enumerations = findEnumerations(blocks, owner);
  const level3Continuous = detectContinuity(sections);
  const base = { text, index, frontMatter, blocks, sections, allSections, enumerations, level3Continuous };
  if (!frontMatter) delete (base as { frontMatter?: FrontMatter }).frontMatter;
  return { ...base, indicators: options.indicators === false ? [] : extractIndicators(base) };
}

/**
 * Where a run-in heading's title ends: at the first 。, or at a ： that comes early (a short
 * title such as "总体目标：到2025年……"). -1 when the line has neither.
 */
function runInStop(after: string): number {
  const full = after.indexOf('。');
  const colon = after.search(/[：:]/);
  if (colon >= 0 && colon <= 24 && (full < 0 || colon < full)) return colon;
  return full;
}

/**
 * Sections from the heading blocks; `owner[i]`: the id of the section whose heading or body block
 * i is (−1 for none: text before the first heading, a heading without a number token)
 */
function buildSections(blocks: Block[]): { sections: Section[]; allSections: Section[]; owner: Int32Array } {
  const sections: Section[] = [];
  const allSections: Section[] = [];
  const stack: Section[] = [];
  const owner = new Int32Array(blocks.length).fill(-1);
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi]!;
    if (b.kind !== 'heading') {
      const top = stack[stack.length - 1];
      if (top) {
        top.body.push(b);
        owner[bi] = top.id;
      }
      continue;
    }
    const tk = matchNumberToken(b.text);
    if (!tk) continue;
    owner[bi] = allSections.length;
    const token: NumberToken = { ...tk, start: b.start, end: b.start + tk.raw.length };
    const after = b.text.slice(tk.raw.length);
    let lead = 0;
    while (lead < after.length && isSpace(after[lead])) lead++;
    const stop = runInStop(after);
    const runIn = stop >= 0 && after.slice(stop + 1).trim().length > 0;
    let titleEnd = runIn ? stop : after.length;
    let title = after.slice(lead, titleEnd);
    while (title.length > 0 && /[。，；：、,;:.\s]/.test(title[title.length - 1]!)) {
      title = title.slice(0, -1);
      titleEnd = lead + title.length;
    }
    titleEnd = lead + title.length;
    const off = (i: number) => textToDoc(b, tk.raw.length + i);
    const headingEnd = runIn ? off(stop + 1) : b.end;
    while (stack.length > 0 && stack[stack.length - 1]!.level >= tk.level) stack.pop();
    const parent = stack[stack.length - 1];
    const section: Section = {
      level: tk.level,
      id: allSections.length,
      token,
      number: tk.numberText,
      title,
      titleSpan: { start: off(lead), end: title.length > 0 ? textToDoc(b, tk.raw.length + titleEnd - 1) + 1 : off(lead) },
      heading: { start: b.start, end: headingEnd },
      runIn,
      block: b,
      body: [],
      children: [],
      start: b.start,
      end: b.end,
    };
    if (parent) {
      section.parentId = parent.id;
      parent.children.push(section);
    } else sections.push(section);
    allSections.push(section);
    stack.push(section);
  }
  // extents: a section ends where its last block or descendant ends
  for (let i = allSections.length - 1; i >= 0; i--) {
    const s = allSections[i]!;
    let end = s.block.end;
    for (const b of s.body) end = Math.max(end, b.end);
    for (const c of s.children) end = Math.max(end, c.end);
    s.end = end;
  }
  return { sections, allSections, owner };
}

function textToDoc(b: Block, i: number): number {
  return b.segments.length === 0 ? b.start : segmentOffset(b.segments, i);
}

/** Inline enumerations 一是……二是…… grouped per enclosing section and marker kind. */
function findEnumerations(blocks: Block[], owner: Int32Array): Enumeration[] {
  const out: Enumeration[] = [];
  let current: Enumeration | undefined;
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi]!;
    const sectionId = owner[bi]! >= 0 ? owner[bi] : undefined;
    if (current && current.sectionId !== sectionId) current = undefined;
    for (let m = nextEnumerationMarker(b.text, 0); m; m = nextEnumerationMarker(b.text, m.at + m.numeral.length + m.kind.length)) {
      const { at, numeral, kind } = m;
      const value = parseChineseNumeral(numeral);
      if (!Number.isFinite(value) || value <= 0 || value > 30) continue;
      const start = textToDoc(b, at);
      const end = textToDoc(b, at + numeral.length + kind.length - 1) + 1;
      const numeralEnd = textToDoc(b, at + numeral.length - 1) + 1;
      const item = { number: value, marker: numeral + kind, start, end, numeralEnd };
      const last = current?.items[current.items.length - 1];
      if (!current || current.kind !== kind || value === 1 || (last && value > last.number + 3)) {
        // a lone later ordinal far from the running list is prose, not an item (一是 restarts)
        if (value > 3 && (!current || current.kind !== kind)) continue;
        current = { kind, items: [item], start, end };
        if (sectionId !== undefined) current.sectionId = sectionId;
        out.push(current);
      } else {
        current.items.push(item);
        current.end = end;
      }
    }
  }
  return out;
}

function detectContinuity(top: Section[]): boolean {
  let continuous = 0;
  let restart = 0;
  let prevLast: number | undefined;
  for (const s of top) {
    if (s.level !== 1) continue;
    const l3 = collect(s, 3);
    if (l3.length === 0) continue;
    if (prevLast !== undefined) {
      const first = l3[0]!.token.value;
      if (first === 1) restart++;
      else if (first > prevLast) continuous++;
    }
    prevLast = l3[l3.length - 1]!.token.value;
  }
  return continuous > restart;
}

function collect(s: Section, level: Level): Section[] {
  const out: Section[] = [];
  const walk = (x: Section) => {
    for (const c of x.children) {
      if (c.level === level) out.push(c);
      walk(c);
    }
  };
  walk(s);
  return out;
}
