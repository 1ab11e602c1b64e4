/**
 * Stage 1 of the structure parser: lines. Each line's content bounds (after indentation and a
 * Markdown `#`, before trailing space and a trailing comment), kind and display width, in
 * document offsets; the typical wrap width of the text.
 */
import { LineIndex, isSpace } from '../text.js';

/** Characters that end a paragraph when they end a line (as char codes). */
export const TERMINAL = new Set(['。', '！', '？', '；', '：', '!', '?', ';', ':', '…'].map((c) => c.charCodeAt(0)));
export const CLOSERS = new Set(['”', '’', '）', ')', '」', '』', '】', '》', '"', "'"].map((c) => c.charCodeAt(0)));
export const SENTENCE_PUNCT = /[，。；、,;]/;

/** a run of narrow characters (below the CJK radicals, U+2E80: ASCII, Latin, general punctuation) */
const NARROW_RUN = /[\u0000-\u2e7f]+/g;

/**
 * Display width of s[from, to): 1 for CJK and full-width characters, half for ASCII and other
 * narrow characters (UTF-16 code units below U+2E80). The regex finds the narrow runs: a draft's
 * lines are mostly CJK, and a loop asking of every character runs in V8's interpreter in a short
 * CLI run (a sixth of the parse of five seeds). The slice bounds the search to the range.
 */
export function width(s: string, from = 0, to = s.length): number {
  if (to <= from) return 0;
  const range = from === 0 && to === s.length ? s : s.slice(from, to);
  let narrow = 0;
  NARROW_RUN.lastIndex = 0;
  for (let m = NARROW_RUN.exec(range); m !== null; m = NARROW_RUN.exec(range)) narrow += NARROW_RUN.lastIndex - m.index;
  return to - from - narrow / 2;
}

export function endsTerminal(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && CLOSERS.has(s.charCodeAt(i))) i--;
  return i >= 0 && TERMINAL.has(s.charCodeAt(i));
}

/** Where a line's content lies: after indentation and a Markdown `#`, before trailing space and a trailing comment. */
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
export const BLANK = 0;
export const COMMENT = 1;
export const CONTENT = 2;
/** a page number between pages of a text taken from a printed document (— 3 —) */
export const PAGE = 3;
/** a running head or foot beside a page number: a line the printed pages repeat (runningHeads) */
export const RUNNING = 4;

/**
 * A page number on a line of its own, as GB/T 9704-2012 §7.5 sets it: the Arabic number with a
 * dash (一字线) on either side (— 3 —; also - 3 - and －3－ as PDF and OCR give it). Text copied
 * from a printed document keeps these lines between its pages, often in mid-sentence.
 */
const PAGE_NUMBER = /^[—－–-]{1,2}[ \t\u3000]*\d{1,4}[ \t\u3000]*[—－–-]{1,2}$/;

/**
 * Each line's content bounds, kind and display width (from `firstLine` on, at index k − firstLine),
 * and the widths of the lines with content (not blank, not a comment) for wrapWidth. Typed arrays:
 * nothing is sliced or kept per line as an object (keeping every line's analysis for the whole
 * parse made the collector copy 130,000 objects on a 10 MB draft).
 */
export interface LineShapes {
  /** content start and end (after indentation and a Markdown #, before trailing space and comment) */
  start: Int32Array;
  end: Int32Array;
  /** Markdown heading level, 0 when none */
  markdown: Uint8Array;
  /** BLANK, COMMENT or CONTENT */
  kind: Uint8Array;
  width: Float64Array;
  /** 1 where the line's content is indented (space or full-width space before it) */
  indent: Uint8Array;
  /** widths of the CONTENT lines */
  contentWidths: Float64Array;
}

export function lineShapes(index: LineIndex, firstLine: number): LineShapes {
  const count = Math.max(0, index.lineCount - firstLine);
  const shapes: LineShapes = {
    start: new Int32Array(count),
    end: new Int32Array(count),
    markdown: new Uint8Array(count),
    kind: new Uint8Array(count),
    width: new Float64Array(count),
    indent: new Uint8Array(count),
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
    shapes.indent[k] = i > index.lineStart(firstLine + k) ? 1 : 0;
    if (i === j && markdownLevel === undefined) shapes.kind[k] = BLANK;
    else if (isComment(t, i, j)) shapes.kind[k] = COMMENT;
    else if (markdownLevel === undefined && j - i <= 12 && PAGE_NUMBER.test(t.slice(i, j))) shapes.kind[k] = PAGE;
    else {
      shapes.kind[k] = CONTENT;
      shapes.contentWidths[n++] = w;
    }
  }
  shapes.contentWidths = shapes.contentWidths.subarray(0, n);
  runningHeads(shapes, t);
  return shapes;
}

/** The nearest line with content before (`step` −1) or after (+1) line k, skipping blank lines; −1 when none. */
function contentBeside(shapes: LineShapes, k: number, step: -1 | 1): number {
  for (let m = k + step; m >= 0 && m < shapes.kind.length; m += step) {
    if (shapes.kind[m] === CONTENT) return m;
    if (shapes.kind[m] !== BLANK) return -1;
  }
  return -1;
}

/**
 * Running heads and feet of a printed text (the document's title, an office's name repeated at the
 * top or bottom of every page): a line beside a page number whose text the text repeats, beside
 * another page number or elsewhere (its title), and which ends no sentence. Marked RUNNING: like
 * the page number, it is no paragraph, and a sentence broken across it stays one.
 */
function runningHeads(shapes: LineShapes, t: string): void {
  const beside: number[] = [];
  for (let k = 0; k < shapes.kind.length; k++) {
    if (shapes.kind[k] !== PAGE) continue;
    for (const step of [-1, 1] as const) {
      const m = contentBeside(shapes, k, step);
      if (m >= 0 && shapes.width[m]! >= 4 && !endsTerminal(t.slice(shapes.start[m]!, shapes.end[m]!))) beside.push(m);
    }
  }
  if (beside.length === 0) return;
  const texts = new Map<string, number>();
  for (const m of beside) texts.set(t.slice(shapes.start[m]!, shapes.end[m]!), 0);
  for (let k = 0; k < shapes.kind.length; k++) {
    if (shapes.kind[k] !== CONTENT) continue;
    const s = t.slice(shapes.start[k]!, shapes.end[k]!);
    const seen = texts.get(s);
    if (seen !== undefined) texts.set(s, seen + 1);
  }
  for (const m of beside) if (texts.get(t.slice(shapes.start[m]!, shapes.end[m]!))! >= 2) shapes.kind[m] = RUNNING;
}

/** The typical full width of a wrapped line: 85th percentile of non-blank line widths. */
export function wrapWidth(ws: Float64Array): number {
  const n = ws.length;
  if (n === 0) return 40;
  // a typed array sorts numerically without a comparator call per comparison
  ws.sort();
  return Math.max(4, ws[Math.min(n - 1, Math.floor(n * 0.85))]!);
}
