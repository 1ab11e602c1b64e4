/**
 * Positions and offsets. Offsets are UTF-16 code-unit indices into the document text
 * (JavaScript string indices); positions follow LSP: zero-based line, UTF-16 character.
 * One LineIndex is built per document version and shared by every stage.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span of document offsets [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface SourceLine {
  /** zero-based line number */
  index: number;
  /** offset of the first character of the line */
  start: number;
  /** offset just past the last character, before the line break */
  end: number;
  /** offset just past the line break (== end on the last line) */
  next: number;
  text: string;
}

export class LineIndex {
  readonly text: string;
  /** offsets at which each line starts */
  private readonly starts: number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // no carriage returns (the usual case): let the native search find the line feeds
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line >= this.starts.length - 1) return this.text.length;
    let end = this.starts[line + 1]!;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  line(index: number): SourceLine {
    const start = this.lineStart(index);
    const end = this.lineEnd(index);
    const next = index >= this.starts.length - 1 ? this.text.length : this.starts[index + 1]!;
    return { index, start, end, next, text: this.text.slice(start, end) };
  }

  lines(): SourceLine[] {
    const out: SourceLine[] = [];
    for (let i = 0; i < this.starts.length; i++) out.push(this.line(i));
    return out;
  }

  /** Line number containing the offset (binary search). */
  lineAt(offset: number): number {
    const starts = this.starts;
    return lastAtOrBefore(starts.length, (i) => starts[i]! <= offset);
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    const character = Math.min(o, this.lineEnd(line)) - this.starts[line]!;
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    const end = this.lineEnd(position.line);
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/** Full-width ASCII variants (！-～) to half-width; other characters unchanged. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * True for horizontal white space, including the ideographic space, NBSP, the typographic spaces
 * (U+2000–200A, U+202F, U+205F) and the zero-width characters pasted text carries (U+200B–200D,
 * U+2060, U+FEFF): WeChat and web pages put a zero-width space before paragraphs.
 */
export function isSpace(ch: string | undefined): boolean {
  if (ch === undefined || ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200d) || c === 0x202f || c === 0x205f || c === 0x2060;
}

/** A digit, half- or full-width (0–9, ０–９), by code unit. */
export function isDigitCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}

/** An ASCII letter, by code unit. */
export function isLatinCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** A CJK unified ideograph of the basic block (U+4E00–9FFF), by code unit. */
export function isHanCode(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/**
 * `s.replace(/《[^》]*》/g, by)` in one pass: each 《 pairs with the next 》 after it (a 《 inside
 * is part of the title, as in the expression). Once no 》 follows a 《, none follows a later one
 * either, so the scan stops there; the expression rescanned to the end of the text for every such
 * 《 (quadratic on a run of them).
 */
export function replaceBookTitles(s: string, by: (title: string) => string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = s.indexOf('《', from);
    if (open < 0) break;
    const close = s.indexOf('》', open + 1);
    if (close < 0) break;
    out += s.slice(from, open) + by(s.slice(open, close + 1));
    from = close + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * `/[《〈](.+?)[》〉]/.exec(s)?.[1]` in linear time: the text between the first 《 or 〈 that has a 》
 * or 〉 at least two characters later on its line (`.` stops at line terminators) and the first
 * such closer. The expression tried every opener and rescanned its line from each (quadratic on
 * a run of openers).
 */
export function firstBracketedTitle(s: string): string | undefined {
  const isOpen = (c: string) => c === '《' || c === '〈';
  const isClose = (c: string) => c === '》' || c === '〉';
  const isBreak = (c: string) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
  let lineStart = 0;
  while (lineStart <= s.length) {
    let lineEnd = lineStart;
    while (lineEnd < s.length && !isBreak(s[lineEnd]!)) lineEnd++;
    // the last closer of the line: an opener before it (by two or more) is the first that matches
    let lastClose = -1;
    for (let i = lineEnd - 1; i >= lineStart + 2 && lastClose < 0; i--) if (isClose(s[i]!)) lastClose = i;
    if (lastClose >= 0) {
      for (let open = lineStart; open <= lastClose - 2; open++) {
        if (!isOpen(s[open]!)) continue;
        let close = open + 2;
        while (!isClose(s[close]!)) close++;
        return s.slice(open + 1, close);
      }
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** Maps an index in a joined text back to a document offset via its segments. */
/**
 * Binary search: the first index in [0, length) at which `before(i)` is false, for a predicate
 * that holds on a prefix of the range and not after it (length when it holds everywhere).
 */
export function lowerBound(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last index in [0, length) at which `atOrBefore(i)` holds (prefix predicate); 0 when none. */
export function lastAtOrBefore(length: number, atOrBefore: (i: number) => boolean): number {
  return Math.max(0, lowerBound(length, atOrBefore) - 1);
}

export function segmentOffset(segments: readonly { textStart: number; docStart: number; length: number }[], textIndex: number): number {
  if (segments.length === 0) return 0;
  const seg = segments[lastAtOrBefore(segments.length, (i) => segments[i]!.textStart <= textIndex)]!;
  return seg.docStart + Math.min(Math.max(0, textIndex - seg.textStart), seg.length);
}

/**
 * Whether a span lies inside one of `spans` (top sections or paragraphs: they do not overlap): a
 * binary search for the last one starting at or before it, so that testing every paragraph and
 * indicator of a large draft against a hundred sections stays O(n log n).
 */
export function spanTest(spans: readonly { start: number; end: number }[]): (s: { start: number; end: number }) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return (s) => {
    const lo = lowerBound(sorted.length, (i) => sorted[i]!.start <= s.start);
    return lo > 0 && s.end <= sorted[lo - 1]!.end;
  };
}

/**
 * The words of a Chinese text (ICU's dictionary-based segmentation, `Intl.Segmenter`, granularity
 * "word"). A segmenter is made for each call: only the first one ever made in a process is costly
 * (ICU loads its dictionary, 3–13 ms), so none is made at load time, when most runs (plans whose
 * headings stand on lines of their own) never ask for one; later ones take microseconds.
 */
export function chineseWords(text: string): Intl.Segments {
  return new Intl.Segmenter('zh', { granularity: 'word' }).segment(text);
}
