/** Stage 2 of the structure parser: lines → blocks (see buildBlocks). */
import type { Block, Level, NumberToken } from '../model.js';
import type { LineIndex } from '../text.js';
import { matchNumberToken } from '../numbering.js';
import { runInStop } from './sections.js';
import { LINE_ROW, LINE_SKIP, markdownLines, rowBlock } from './markdown.js';
import { BLANK, COMMENT, CONTENT, PAGE, RUNNING, SENTENCE_PUNCT, endsTerminal, lineShapes, width, wrapWidth } from './lines.js';
import type { LineShapes } from './lines.js';
import { DecimalOutline, citedSection, quantityFollows } from './decimal.js';
import { endsWithGenre } from './markers.js';

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
  /** how the heading's token reads where it is text elsewhere (Block.tokenForm) */
  tokenForm: Block['tokenForm'];
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
    if (this.tokenForm) b.tokenForm = this.tokenForm;
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

/** Whether a token is exactly the next number of its level's running sequence. */
function nextOf(token: NumberToken, lastValue: Map<Level, number>, lastL3: number): boolean {
  const last = lastValue.get(token.level) ?? 0;
  return token.value === last + 1 || (token.level === 3 && token.value === lastL3 + 1);
}

/**
 * A line's token in a form that is text elsewhere (./decimal.ts), after a finished sentence or a
 * heading: a decimal section number that continues the outline (1.1 after 1., 3.2.1 after 3.2), or
 * an Arabic ordinal that lost its point as exactly the next item (4一网通办 after 3.); never before
 * a quantity (1.5万吨, 4个县).
 */
function vettedForm(
  content: string,
  tk: NumberToken | undefined,
  decimal: DecimalOutline,
  lastValue: Map<Level, number>,
  lastL3: number,
): NumberToken | undefined {
  // only where the line reads as no token or as a plain N. (`1. 2编制依据` is 1. then 2…)
  if (tk && !(tk.level === 3 && !tk.scheme && (tk.punct === '.' || tk.punct === '．'))) return undefined;
  const d = matchNumberToken(content, { decimal: true });
  if (d?.scheme === 'decimal') {
    const rest = content.slice(d.raw.length);
    return decimal.continues(d) && !quantityFollows(rest) && !citedSection('', rest) ? d : undefined;
  }
  if (d) return undefined;
  const bare = matchNumberToken(content, { bare: true });
  return bare && nextOf(bare, lastValue, lastL3) && !quantityFollows(content.slice(bare.raw.length)) ? bare : undefined;
}

/** Records a heading token's value (a decimal section leaves the others: only its （1） items restart). */
function record(token: NumberToken, lastValue: Map<Level, number>, decimal: DecimalOutline): void {
  decimal.see(token);
  if (token.scheme === 'decimal') {
    lastValue.delete(4);
    return;
  }
  lastValue.set(token.level, token.value);
  for (const lv of [2, 3, 4] as Level[]) if (lv > token.level && lv !== 3) lastValue.delete(lv);
  if (token.level < 3) lastValue.delete(3);
}

/** The content of line k (relative to the shapes' first line), '' when there is none. */
function lineContent(lines: LineShapes, k: number, text: string): string {
  if (k >= lines.kind.length || lines.kind[k] !== CONTENT || lines.markdown[k]) return '';
  return text.slice(lines.start[k]!, lines.end[k]!);
}

/**
 * A line that holds only an opening bracket whose token goes on at the start of the next line
 * (`（` then `三）改革开放…`: the line break fell inside the token): the bracket, else undefined.
 */
function brokenOpener(content: string, lines: LineShapes, k: number, text: string): string | undefined {
  if (content !== '（' && content !== '(') return undefined;
  const next = lineContent(lines, k + 1, text);
  return next.length > 0 && /^[零〇一二三四五六七八九十百0-9０-９]{1,4}[）)]/.test(next) ? content : undefined;
}

/** a line at least this share of the wrap width fills the line */
const FULL_LINE = 0.9;

/**
 * Whether the text is hard-wrapped (copied from a PDF or a fixed-width page): it has lines that fill
 * the wrap width, and most of them stop in mid-sentence. Text that kept its paragraphs has its
 * long lines end with the paragraph's 。.
 */
function hardWrapped(lines: LineShapes, text: string, W: number): boolean {
  let full = 0;
  let open = 0;
  for (let k = 0; k < lines.kind.length; k++) {
    if (lines.kind[k] !== CONTENT || lines.width[k]! < FULL_LINE * W) continue;
    full++;
    if (!endsTerminal(text.slice(Math.max(lines.start[k]!, lines.end[k]! - 4), lines.end[k]!))) open++;
  }
  return full >= 4 && open >= 0.6 * full;
}

/**
 * Whether the text marks where a paragraph starts by indenting it (GB/T 9704-2012 §7.3.3 sets each
 * paragraph 左空二字; a PDF paste keeps the full-width spaces): the lines after a finished sentence
 * are nearly all indented, while some lines, the continuations, are not. There a line without the
 * indent continues the line before it, even where that line is a short heading the drafter broke.
 */
function indentMarksStarts(lines: LineShapes, text: string): boolean {
  let starts = 0;
  let indented = 0;
  let flush = 0;
  let prevEnded = false;
  for (let k = 0; k < lines.kind.length; k++) {
    if (lines.kind[k] !== CONTENT || lines.markdown[k]) continue;
    if (!lines.indent[k]) flush++;
    if (prevEnded) {
      starts++;
      if (lines.indent[k]) indented++;
    }
    prevEnded = endsTerminal(text.slice(Math.max(lines.start[k]!, lines.end[k]! - 4), lines.end[k]!));
  }
  return starts >= 4 && indented >= 0.8 * starts && flush > 0;
}

/** Whether a heading's text after its token holds a title sentence and then body text (a run-in heading). */
function bodyFollowsTitle(afterToken: string): boolean {
  const stop = runInStop(afterToken);
  return stop >= 0 && afterToken.slice(stop + 1).trim().length > 0;
}

/**
 * Whether a numbering token read at a line's start (not a vetted form) starts a heading: a number
 * that continues an unfinished sentence is text unless it fits the structure; 11。 only as the next
 * number of a running sequence after a finished sentence; a token broken over two lines only where
 * it continues the numbering exactly (never a lone bracket of prose).
 */
function startsHeading(token: NumberToken, prevTerminated: boolean, broken: boolean, lastValue: Map<Level, number>, lastL3: number): boolean {
  const fits = fitsStructure(token, lastValue, lastL3);
  if (!prevTerminated && !fits) return false;
  if (!fits && token.value > 30) return false;
  if (token.punct === '。' && !(prevTerminated && token.value > 1 && nextOf(token, lastValue, lastL3))) return false;
  return !broken || (prevTerminated && fits && nextOf(token, lastValue, 0));
}

/**
 * Stage 2: blocks. Lines joined into paragraphs (PDF hard wraps), numbered lines become heading
 * blocks, Markdown headings titles (and, after splitInlineHeadings, markTitles the short
 * unpunctuated lines before the first heading).
 * Blocks keep the mapping of their text to document offsets (segments).
 */
export function buildBlocks(text: string, index: LineIndex, firstLine: number): Block[] {
  const lines = lineShapes(index, firstLine);
  const W = wrapWidth(lines.contentWidths);
  const wrapped = hardWrapped(lines, text, W);
  const indentStarts = indentMarksStarts(lines, text);
  const md = markdownLines(index, firstLine); // code is skipped, each table row is a block (./markdown.ts)

  const blocks: Block[] = [];
  let cur: BlockBuilder | undefined;
  let curHeadingRunIn = false;
  /** the length of the current heading block's token (its run-in state is read again when a wrapped line joins it) */
  let curTokenLength = 0;
  /** a page number was passed since the last line of text: the blank lines of the page break are not a paragraph break */
  let pageBreak = false;
  let prevContent = '';
  let prevWidth = 0;
  let blankBetween = false;
  const lastValue = new Map<Level, number>();
  let lastL3 = 0;
  const decimal = new DecimalOutline();

  const close = () => {
    if (cur) blocks.push(cur.build());
    cur = undefined;
  };

  for (let lineNo = firstLine; lineNo < index.lineCount; lineNo++) {
    // the line, from the first pass: offsets in the whole text, the content the only string made
    const k = lineNo - firstLine;
    const kind = lines.kind[k]!;
    if (md && (md.role[k] === LINE_SKIP || md.role[k] === LINE_ROW)) {
      close();
      if (md.role[k] === LINE_ROW) blocks.push(rowBlock(md, k, lineNo, text));
      [prevContent, blankBetween] = ['', false];
      continue;
    }
    if (kind === PAGE || kind === RUNNING || kind === BLANK) {
      // (— 3 — between two pages, and the running head beside it: the text runs on across them and the page break's blank lines)
      if (kind !== BLANK) [pageBreak, blankBetween] = [true, false];
      else if (!pageBreak) blankBetween = true;
      continue;
    }
    pageBreak = false;
    if (kind === COMMENT) {
      close();
      blankBetween = false;
      continue;
    }
    const contentStart = lines.start[k]!;
    const content = text.slice(contentStart, lines.end[k]!);
    const markdownLevel = lines.markdown[k]! || undefined;
    const lineWidth = lines.width[k]!;
    // a heading stopping in mid-sentence runs on: its line fills a hard wrap, or the next is unindented (softBreak)
    const softBreak = indentStarts && !lines.indent[k] && !blankBetween && cur !== undefined && !endsTerminal(prevContent);
    const headingRunsOn = (wrapped && !endsTerminal(prevContent) && prevWidth >= FULL_LINE * W) || softBreak;
    const prevTerminated = !cur || endsTerminal(prevContent) || (cur.kind === 'heading' && !curHeadingRunIn && !headingRunsOn);
    // a token broken over two lines: a lone opening bracket, the rest of the token on the next line
    const opener = markdownLevel === undefined ? brokenOpener(content, lines, k, text) : undefined;
    const tk = matchNumberToken(opener === undefined ? content : opener + lineContent(lines, k + 1, text), { fullStop: true });
    const form = opener === undefined && prevTerminated ? vettedForm(content, tk, decimal, lastValue, lastL3) : undefined;
    const read = form ?? tk;
    const placed = read && { ...read, start: contentStart, end: contentStart + read.raw.length };
    const token = placed && (form || startsHeading(placed, prevTerminated, opener !== undefined, lastValue, lastL3)) ? placed : undefined;
    if (token) {
      close();
      cur = new BlockBuilder('heading', contentStart, lineNo, lineNo, markdownLevel);
      cur.add(contentStart, content);
      if (form) cur.tokenForm = form.scheme === 'decimal' ? 'decimal' : 'bare';
      if (opener !== undefined) {
        // the rest of the token and the title on the next line join the bracket in one heading block
        lineNo++;
        const next = lineContent(lines, k + 1, text);
        cur.add(lines.start[k + 1]!, next);
        cur.lastLine = lineNo;
        prevContent = next;
        prevWidth = lines.width[k + 1]!;
      }
      const headingText = opener === undefined ? content : opener + lineContent(lines, k + 1, text);
      curHeadingRunIn = bodyFollowsTitle(headingText.slice(token.raw.length));
      curTokenLength = token.raw.length;
      record(token, lastValue, decimal);
      if (token.level === 3 && !token.scheme) lastL3 = token.value;
      if (opener === undefined) {
        prevContent = content;
        prevWidth = lineWidth;
      }
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
    // a line continues an unfinished paragraph after a soft break, a comma, or a line that filled the width
    const join = cur && cur.kind !== 'title' && !prevTerminated && (softBreak || continues(prevContent, prevWidth / W, blankBetween, lastValue.size === 0));
    if (join && cur) {
      cur.add(contentStart, content);
      cur.lastLine = lineNo;
      // a wrapped heading line: the title sentence may end on this line and the body follow
      if (cur.kind === 'heading' && !curHeadingRunIn) curHeadingRunIn = bodyFollowsTitle(cur.text.slice(curTokenLength));
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
  return blocks;
}

/**
 * Whether a line continues the unfinished paragraph before it: after a comma, or after a line that
 * filled most of the width (`fill`: its share of the wrap width); in the title zone (before the
 * first heading) not after a line that ends with its genre word (…2027年工作计划: a whole title).
 */
function continues(prevContent: string, fill: number, blankBetween: boolean, titleZone: boolean): boolean {
  if (SENTENCE_PUNCT.test(prevContent)) return true;
  return fill >= (blankBetween ? 0.75 : 0.6) && !(titleZone && endsWithGenre(prevContent));
}

/** Whether a paragraph reads as a title line: short, without sentence punctuation, not ending a sentence. */
export function isTitleLike(text: string): boolean {
  return !SENTENCE_PUNCT.test(text) && !endsTerminal(text) && width(text) <= 40;
}

/** Titles: short unpunctuated paragraphs before the first heading become 'title' blocks. */
export function markTitles(blocks: Block[]): void {
  for (const b of blocks) {
    if (b.kind === 'heading') break;
    if (b.kind === 'paragraph' && isTitleLike(b.text)) b.kind = 'title';
  }
}
