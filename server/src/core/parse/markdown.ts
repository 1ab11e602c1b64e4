/**
 * Markdown and table lines, a stage of its own before blocks are built (issue 14):
 *
 * - Code (CommonMark §4.4–4.5): fenced blocks (``` or ~~~, at most 3 spaces of indentation, closed
 *   by a fence of the same character at least as long; an unclosed fence runs to the end) and
 *   indented blocks (4 spaces or a tab, after a blank line, not interrupting a paragraph) are not
 *   part of the plan: no block, no section, no indicator, so no finding inside. Indented code is
 *   only recognised in a document that uses Markdown block syntax (a fence, an ATX heading or a pipe
 *   table) and while it stays a minority of the lines: in plain text, and in a draft indented
 *   throughout, 4 spaces are a paragraph indent, not code.
 * - Tables: a GFM pipe table (a header row, a delimiter row `| --- | :-: |` with as many cells, body
 *   rows with a pipe, up to a blank line) and a run of two or more rows of TAB-separated cells
 *   (what Word gives for a table copied as plain text, and how planlint reads a .docx table). Each
 *   row is one paragraph block of its own, never joined to its neighbours; its cells keep their
 *   exact ranges (segments) and are separated in the block text by a TAB (a zero-length segment at
 *   the pipe for pipe tables), so an indicator's name in one cell and its value in the next read as
 *   one statement. The delimiter row and the pipes are not text: no finding on them.
 */
import type { Block } from '../model.js';
import type { LineIndex } from '../text.js';
import { matchNumberToken } from '../numbering.js';

/** what a line is, for the block builder */
export const LINE_TEXT = 0;
/** code or a table's delimiter row: not part of the plan */
export const LINE_SKIP = 1;
/** a table row: one block of its own (rowBlock) */
export const LINE_ROW = 2;

export interface MarkdownLines {
  /** role of line firstLine + k */
  role: Uint8Array;
  /** cells of the LINE_ROW lines: k → [start0, end0, start1, end1, …] (document offsets, trimmed) */
  cells: Map<number, number[]>;
  /** pipe table rows (true) or TAB rows (false), by k */
  piped: Set<number>;
  /** the first row of each table, by k */
  starts: Set<number>;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})([^`]*)$/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const DELIM_CELL = /^:?-+:?$/;

function isBlank(s: string): boolean {
  return s.trim() === '';
}

/** Cells of a pipe row: [start, end) offsets within the line (trimmed), split on unescaped pipes. */
function pipeCells(line: string): [number, number][] | undefined {
  let i = 0;
  let e = line.length;
  while (i < e && (line[i] === ' ' || line[i] === '\t')) i++;
  while (e > i && (line[e - 1] === ' ' || line[e - 1] === '\t' || line[e - 1] === '\r')) e--;
  if (i >= e || !line.includes('|')) return undefined;
  const leading = line[i] === '|';
  const trailing = e - 1 > i && line[e - 1] === '|' && line[e - 2] !== '\\';
  const from = leading ? i + 1 : i;
  const to = trailing ? e - 1 : e;
  const out: [number, number][] = [];
  let start = from;
  for (let j = from; j <= to; j++) {
    if (j === to || (line[j] === '|' && line[j - 1] !== '\\')) {
      let s = start;
      let t = j;
      while (s < t && (line[s] === ' ' || line[s] === '\t')) s++;
      while (t > s && (line[t - 1] === ' ' || line[t - 1] === '\t')) t--;
      out.push([s, t]);
      start = j + 1;
    }
  }
  return out;
}

function isDelimiterRow(line: string, count: number): boolean {
  const cells = pipeCells(line);
  if (!cells || cells.length !== count) return false;
  return cells.every(([s, t]) => DELIM_CELL.test(line.slice(s, t).replace(/ /g, '')));
}

/** Cells of a TAB row (trimmed offsets), when it has at least two non-empty cells and is not a numbering token + TAB. */
function tabCells(line: string): [number, number][] | undefined {
  if (!line.includes('\t')) return undefined;
  const out: [number, number][] = [];
  let start = 0;
  let e = line.length;
  while (e > 0 && (line[e - 1] === '\r' || line[e - 1] === ' ' || line[e - 1] === '\t')) e--;
  for (let j = 0; j <= e; j++) {
    if (j === e || line[j] === '\t') {
      let s = start;
      let t = j;
      while (s < t && (line[s] === ' ' || line[s] === '\u3000')) s++;
      while (t > s && (line[t - 1] === ' ' || line[t - 1] === '\u3000')) t--;
      out.push([s, t]);
      start = j + 1;
    }
  }
  // a leading TAB is indentation, not an empty first cell
  while (out.length > 0 && out[0]![0] === out[0]![1] && line.slice(0, out[0]![1]).trim() === '') out.shift();
  if (out.filter(([s, t]) => t > s).length < 2) return undefined;
  // a numbering token followed by a TAB (Word's numbering suffix, pasted as text) is a heading, not a row
  const first = line.slice(out[0]![0], out[0]![1]);
  const tk = matchNumberToken(first);
  if (tk && tk.raw.length === first.length) return undefined;
  return out;
}

/** Roles of the lines from `firstLine` on; undefined when no line is code or a table (the common case). */
export function markdownLines(index: LineIndex, firstLine: number): MarkdownLines | undefined {
  const t = index.text;
  // cheap exit: no fence, no pipe, no TAB, no indentation → nothing to do
  if (!/`{3}|~{3}|\||\t|\n {4}/.test(t)) return undefined;
  const count = Math.max(0, index.lineCount - firstLine);
  const role = new Uint8Array(count);
  const cells = new Map<number, number[]>();
  const piped = new Set<number>();
  const starts = new Set<number>();
  const line = (k: number) => t.slice(index.lineStart(firstLine + k), index.lineEnd(firstLine + k)).replace(/\r$/, '');
  const at = (k: number) => index.lineStart(firstLine + k);
  let markdown = false;
  let any = false;
  const setRow = (k: number, c: [number, number][], pipe: boolean) => {
    role[k] = LINE_ROW;
    const base = at(k);
    cells.set(
      k,
      c.flatMap(([s, e]) => [base + s, base + e]),
    );
    if (pipe) piped.add(k);
    any = true;
  };
  for (let k = 0; k < count; k++) {
    const s = line(k);
    const fence = FENCE.exec(s);
    if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
      markdown = any = true;
      const ch = fence[1]![0]!;
      const len = fence[1]!.length;
      role[k] = LINE_SKIP;
      let j = k + 1;
      for (; j < count; j++) {
        role[j] = LINE_SKIP;
        const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line(j));
        if (close && close[1]![0] === ch && close[1]!.length >= len) break;
      }
      k = j;
      continue;
    }
    if (ATX.test(s)) markdown = true;
    const head = pipeCells(s);
    if (head && k + 1 < count && isDelimiterRow(line(k + 1), head.length)) {
      markdown = true;
      setRow(k, head, true);
      starts.add(k);
      role[k + 1] = LINE_SKIP;
      let j = k + 2;
      for (; j < count; j++) {
        const r = line(j);
        if (isBlank(r) || !r.includes('|') || FENCE.test(r) || ATX.test(r)) break;
        setRow(j, pipeCells(r)!, true);
      }
      k = j - 1;
      continue;
    }
    // a run of TAB rows with the same number of cells
    const first = tabCells(s);
    if (first) {
      let j = k + 1;
      const rows: [number, [number, number][]][] = [[k, first]];
      for (; j < count; j++) {
        const c = tabCells(line(j));
        if (!c || c.length !== first.length) break;
        rows.push([j, c]);
      }
      if (rows.length >= 2) {
        for (const [r, c] of rows) setRow(r, c, false);
        starts.add(k);
        k = j - 1;
      }
    }
  }
  if (markdown) indentedCode();
  return any ? { role, cells, piped, starts } : undefined;

  function indentedCode(): void {
    const code: number[] = [];
    let nonBlank = 0;
    let prevBlank = true;
    let inCode = false;
    for (let k = 0; k < count; k++) {
      const s = line(k);
      if (isBlank(s)) {
        prevBlank = true;
        continue;
      }
      nonBlank++;
      const indented = role[k] === LINE_TEXT && /^( {4}|\t)/.test(s);
      if (indented && (prevBlank || inCode)) {
        code.push(k);
        inCode = true;
      } else inCode = false;
      prevBlank = false;
    }
    // a draft indented throughout uses the indent for paragraphs
    if (code.length === 0 || code.length * 2 > nonBlank) return;
    for (const k of code) role[k] = LINE_SKIP;
    any = true;
  }
}

/** The block of a table row: its cells, each at its exact range, separated by a TAB. */
export function rowBlock(md: MarkdownLines, k: number, lineNo: number, text: string): Block {
  const c = md.cells.get(k)!;
  const pipe = md.piped.has(k);
  const segments: Block['segments'] = [];
  let out = '';
  for (let i = 0; i < c.length; i += 2) {
    const s = c[i]!;
    const e = c[i + 1]!;
    if (i > 0) {
      if (pipe) {
        // the pipe is not text: a zero-length segment maps the separator to it
        segments.push({ textStart: out.length, docStart: s, length: 0 });
        out += '\t';
      } else {
        const tab = text.lastIndexOf('\t', s - 1);
        segments.push({ textStart: out.length, docStart: tab, length: 1 });
        out += '\t';
      }
    }
    segments.push({ textStart: out.length, docStart: s, length: e - s });
    out += text.slice(s, e);
  }
  return {
    tableRow: true,
    ...(md.starts.has(k) ? { tableStart: pipe ? ('pipe' as const) : ('tab' as const) } : {}),
    kind: 'paragraph',
    start: c[0]!,
    end: c[c.length - 1]!,
    text: out,
    firstLine: lineNo,
    lastLine: lineNo,
    segments,
  };
}
