/**
 * Stage 2b of the structure parser: headings that lost their line break. Text copied from web
 * pages, chat apps and datasets often arrives as one line (`…完成率达到105%。三、提升防灾减灾救灾能力`,
 * `一、…落实(一)压实…。(二)压实…`). A numbering token in mid-paragraph is a heading when it
 * continues the document's numbering at a level that fits (`二、` after `一、`, `（一）` under a
 * level-1 heading, `1.` under a level-2 one) and stands where a heading can start: after a
 * sentence's end (。；：！？), or glued to a short heading title, or — bracketed forms only — glued
 * to the text before it. Look-alikes (`2.2月16日`, `1.5万亿元`, `3、4月`, `一、二季度`, `第一、二批`,
 * dates, decimals, versions, `1.1` subsections, `第X条`) are no tokens or no continuation.
 *
 * The stage also tracks the document's parts: after an attachment marker (附件 / 附件2), a signature
 * date or a title line, a numbering that restarts at 1 begins a new part (a notice's own 一、二、
 * and its attached plan's 一、二、 are separate sequences). Blocks are split in place; every record
 * keeps document offsets.
 */
import type { Block, Level, NumberToken } from '../model.js';
import type { LineIndex } from '../text.js';
import { isHanCode, isLatinCode, isSpace } from '../text.js';
import { fitsParagraphMemo } from '../generation-memo.js';
import type { AnalysisSession } from '../session.js';
import { matchNumberToken, mayStartToken } from '../numbering.js';
import { textToDoc } from './sections.js';
import { BOUNDARY, TITLE_END, codes } from './markers.js';
import { inlineFactsOfAll, NUMBER_PART, WINDOW, type InlineFacts } from './inline-facts.js';
import { citedSection, quantityFollows } from './decimal.js';
import { Numbering } from './numbering-state.js';

/** closing quotes and brackets between a sentence's end and the next heading */
const CLOSER = codes('”’」』》】"\'');
/** a heading title a later token may be glued to is short */
const GLUED_TITLE_MAX = 30;

/** how far back a bracketed note (（省乡村振兴局牵头，有关部门按职责分工负责）) is skipped */
const NOTE_MAX = 200;

/**
 * The index of the last mark before `p` that is not a closing quote, a space or a bracketed note
 * after a sentence (`…帮扶。(省乡村振兴局牵头…负责)2.强化…`: the 。 before the note ends the item).
 */
function sentenceEndBefore(text: string, p: number): number {
  let q = p - 1;
  for (;;) {
    while (q > 0 && (CLOSER.has(text.charCodeAt(q)) || isSpace(text[q]))) q--;
    const c = text.charCodeAt(q);
    if (c !== 0xff09 /* ） */ && c !== 41 /* ) */) return q;
    let depth = 0;
    let o = q;
    for (; o >= 0 && q - o <= NOTE_MAX; o--) {
      const d = text.charCodeAt(o);
      if (d === 0xff09 || d === 41) depth++;
      else if (d === 0xff08 || d === 40) {
        if (--depth === 0) break;
      }
    }
    if (o < 1 || depth !== 0) return q;
    const before = text.charCodeAt(o - 1);
    if (!BOUNDARY.has(before) && !CLOSER.has(before)) return q;
    q = o - 1;
  }
}

/** an attachment's title after its marker is short and holds no sentence punctuation */
const PART_TITLE_MAX = 60;
const SENTENCE_MARK = /[。，；：！？,;:!?]/;

/** Whether `p` follows a part marker at `partAt` and nothing but a title line (附件1 …方案 then 一、). */
function afterPartTitle(text: string, partAt: number, p: number): boolean {
  return partAt >= 0 && p - partAt <= PART_TITLE_MAX && !SENTENCE_MARK.test(text.slice(partAt, p));
}

/** a caption between a sentence and a heading (2023年目标指标表, the title of a lost table) is short */
const CAPTION_MAX = 16;

/** Whether text[…p) after the last sentence end is a short caption without punctuation (…改善。2023年目标指标表二、). */
function afterCaption(text: string, p: number): boolean {
  for (let q = p - 1; q >= 0 && p - q <= CAPTION_MAX + 1; q--) {
    const c = text.charCodeAt(q);
    if (BOUNDARY.has(c)) return p - q > 2;
    if (!isHanCode(c) && !(c >= 48 && c <= 57)) return false;
  }
  return false;
}

/** a level-2 token glued to a short title: （三）淘汰… right after 二、深入调整产业结构 */
const RE_CHILD_AFTER_TITLE = /^[\u4e00-\u9fff“”]{2,30}[（(][一二三四五六七八九十]{1,3}[）)]/;

/** a table of contents' entry repeats this much of the heading (token + the title's first characters) */
const TOC_KEY = 2;
const TOC_MAX = 4000;

/**
 * Where the body starts again when the heading at `p` opens a table of contents: the same token
 * and title start reappear before any sentence has ended; −1 otherwise.
 */
function tableOfContentsEnd(text: string, p: number, tokenLength: number): number {
  const key = text.slice(p, p + tokenLength + TOC_KEY);
  if (key.length < tokenLength + TOC_KEY || SENTENCE_MARK.test(key)) return -1;
  // (bounded: the list ends at the first sentence mark, and a table of contents is short)
  let stop = p;
  while (stop < text.length && stop - p < TOC_MAX && !BOUNDARY.has(text.charCodeAt(stop))) stop++;
  const again = text.slice(0, stop).indexOf(key, p + key.length);
  return again < 0 ? -1 : again;
}

/**
 * The titles a table of contents gives (text[from, to): `1.总则1.1编制目的…8.3 预案实施时间`), by
 * canonical token: its entries are the tokens that continue a numbering of their own, each title
 * runs to the next entry. Bounded by the list (TOC_MAX).
 */
function tableOfContents(text: string, from: number, to: number): Map<string, string> {
  const state = new Numbering();
  const entries: { at: number; end: number; canonical: string }[] = [];
  for (let p = from; p < to; p++) {
    if (!mayStartToken(text.charCodeAt(p)) || (p > from && NUMBER_PART.has(text.charCodeAt(p - 1)))) continue;
    const window = text.slice(p, Math.min(to, p + WINDOW));
    const decimal = matchNumberToken(window, { decimal: true });
    const tk = decimal?.scheme === 'decimal' && state.decimal.continues(decimal) ? decimal : matchNumberToken(window);
    if (!tk || !state.continuesToken(tk, true)) continue;
    state.acceptToken(tk);
    entries.push({ at: p, end: p + tk.raw.length, canonical: tk.canonical });
    p += tk.raw.length - 1;
  }
  const out = new Map<string, string>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const title = text.slice(e.end, i + 1 < entries.length ? entries[i + 1]!.at : to).trim();
    if (title.length > 0 && !out.has(e.canonical)) out.set(e.canonical, title);
  }
  return out;
}

/** The title the table of contents gives the heading at p, when the heading's text starts with it. */
function tocTitleAt(toc: Map<string, string> | undefined, tk: NumberToken, text: string, p: number): string | undefined {
  const title = toc?.get(tk.canonical);
  if (!title) return undefined;
  let at = p + tk.raw.length;
  while (at < text.length && isSpace(text[at])) at++;
  return text.startsWith(title, at) ? title : undefined;
}

/** Whether the token at place e (at p) continues the numbering and its table of contents' title follows it. */
function listedHeading(facts: InlineFacts, e: number, text: string, p: number, state: Numbering, toc: Map<string, string>): boolean {
  const read = readToken(facts, e, text, p, state, false);
  return read !== undefined && state.continuesToken(read.tk, false) && tocTitleAt(toc, read.tk, text, p) !== undefined;
}

/**
 * The token at place e of the paragraph's facts (at p; ./decimal.ts): a decimal section number that continues the document's decimal
 * outline, else the usual forms, else — after a sentence's end — an Arabic ordinal that lost its
 * point as exactly the next item of the running N. list; neither before a quantity (1.5万, 4个县)
 * nor after a Latin letter (V2.1.3).
 */
function readToken(
  facts: InlineFacts,
  e: number,
  text: string,
  p: number,
  state: Numbering,
  sentenceEnd: boolean,
): { tk: NumberToken; form?: Block['tokenForm'] } | undefined {
  const latin = isLatinCode(text.charCodeAt(p - 1));
  const decimal = latin ? undefined : facts.decimals[e];
  if (decimal && state.decimal.continues(decimal)) {
    const rest = text.slice(p + decimal.raw.length, p + WINDOW);
    if (!quantityFollows(rest) && !citedSection(text[p - 1] ?? '', rest)) return { tk: decimal, form: 'decimal' };
  }
  const tk = facts.tokens[e];
  if (tk) return { tk };
  if (!sentenceEnd || latin) return undefined;
  const bare = facts.bares[e];
  if (bare && state.next(3, bare.value) && !quantityFollows(text.slice(p + bare.raw.length, p + WINDOW))) return { tk: bare, form: 'bare' };
  return undefined;
}

/** After a comma: only N. that is exactly the next item of the running level-3 sequence. */
function afterCommaFits(tk: NumberToken, state: Numbering): boolean {
  return tk.level === 3 && (tk.punct === '.' || tk.punct === '．') && state.next(3, tk.value);
}

/**
 * After a caption (…改善。2023年目标指标表二、深入调整产业结构(三)…): the next level-1 heading only,
 * confirmed by a level-2 token glued to its short title.
 */
function afterCaptionFits(tk: NumberToken, state: Numbering, text: string, p: number): boolean {
  return tk.level === 1 && state.next(1, tk.value) && RE_CHILD_AFTER_TITLE.test(text.slice(p + tk.raw.length, p + tk.raw.length + 40));
}

/** the marks that end a sentence (not a clause: an item list inside a sentence runs on after ；/：) */
const FULL_STOP = codes('。！？!?');

/**
 * A numbering slip at a heading that lost its line break: after a full stop, a level-1 or level-2
 * token one off the running sequence — the same number again (（一）（二）（二）（四）) or one skipped
 * (一、二、四、) — is a heading when what follows confirms it: the next token of its level after a
 * sentence is the number after the one it stands for (after a duplicate, the number it should have
 * had; after a skip, its own), or its first child （一）/1. follows its short title
 * (四、深化行业治理（一）压实…). Anything else stays text (五、六项任务, (三)项规定, a list （一）…；（二）…
 * inside an item), and so does a duplicate the numbering goes on from (（二）（二）（三）: a miss, where
 * the look-alike would be a false heading). Returns the token as the numbering goes on from it.
 */
function numberingSlip(facts: InlineFacts, e: number, text: string, tk: NumberToken, state: Numbering): NumberToken | undefined {
  if (tk.scheme || tk.level > 2 || !FULL_STOP.has(text.charCodeAt(sentenceEndBefore(text, facts.at[e]!)))) return undefined;
  const last = state.last[tk.level]!;
  if (last === 0 || (tk.value !== last && tk.value !== last + 2)) return undefined;
  /** a duplicate stands for the number after the last (（二）（二）（四）) */
  const standsFor = tk.value === last ? { ...tk, value: last + 1 } : tk;
  const titleFrom = facts.at[e]! + tk.raw.length;
  for (let f = e + 1; f < facts.at.length; f++) {
    const next = facts.tokens[f];
    if (!next || next.scheme) continue;
    const q = facts.at[f]!;
    // its first child glued to its short title
    if (next.level === tk.level + 1 && next.value === 1 && q - titleFrom <= GLUED_TITLE_MAX && !TITLE_END.test(text.slice(titleFrom, q))) return standsFor;
    if (next.level > tk.level || !BOUNDARY.has(text.charCodeAt(sentenceEndBefore(text, q)))) continue;
    // the next token of its level (or a higher one) after a sentence
    return next.level === tk.level && next.value === standsFor.value + 1 ? standsFor : undefined;
  }
  return undefined;
}

/** A piece [from, to) of a block as a block of its own (its segments re-based, its lines recomputed). */
function sliceBlock(b: Block, from: number, to: number, kind: Block['kind'], index: LineIndex): Block {
  while (to > from && isSpace(b.text[to - 1])) to--;
  const segments: Block['segments'] = [];
  for (const seg of b.segments) {
    const s0 = Math.max(seg.textStart, from);
    const s1 = Math.min(seg.textStart + seg.length, to);
    if (s1 > s0 || (seg.length === 0 && seg.textStart > from && seg.textStart < to)) {
      segments.push({ textStart: s0 - from, docStart: seg.docStart + (s0 - seg.textStart), length: Math.max(0, s1 - s0) });
    }
  }
  const start = textToDoc(b, from);
  const last = segments[segments.length - 1];
  const end = last ? last.docStart + last.length : start;
  const out: Block = {
    kind,
    start,
    end,
    text: b.text.slice(from, to),
    firstLine: index.lineAt(start),
    lastLine: index.lineAt(Math.max(start, end - 1)),
    segments,
  };
  if (b.markdownLevel !== undefined && from === 0) out.markdownLevel = b.markdownLevel;
  return out;
}

/**
 * Splits blocks at headings that lost their line break (the new heading blocks are `inline`) and
 * numbers the parts of the document (`part` on every heading block).
 */
export function splitInlineHeadings(blocks: Block[], index: LineIndex, session: AnalysisSession): Block[] {
  const out: Block[] = [];
  const state = new Numbering();
  const keep = fitsParagraphMemo(blocks.length);
  const allFacts = inlineFactsOfAll(session, blocks, keep);
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi]!;
    if (b.tableRow) {
      // a table row's cells are data, never a heading run into text (./markdown.ts)
      out.push(b);
      continue;
    }
    if (b.kind === 'title') {
      if (state.headingsInPart > 0) state.marker = true;
      out.push(b);
      continue;
    }
    const text = b.text;
    let scanFrom = 1;
    /** the heading token of the piece being read: a later token may be glued to its short title */
    let headingEnd = -1;
    let headingLevel: Level | 0 = 0;
    const facts = allFacts[bi]!;
    if (b.kind === 'heading') {
      // a heading read as a decimal section or an ordinal that lost its point (./blocks.ts tokenForm) is read so again
      const tk = b.tokenForm ? matchNumberToken(text, { fullStop: true, decimal: b.tokenForm === 'decimal', bare: b.tokenForm === 'bare' }) : facts.head;
      if (tk) {
        state.acceptToken(tk);
        b.part = state.part;
        scanFrom = tk.raw.length;
        headingEnd = tk.raw.length;
        headingLevel = tk.level;
      }
    } else if (state.headingsInPart > 0 && facts.titleLike) {
      // a title line between numbered parts (附件1 / 2026年省十件民生实事)
      state.marker = true;
    }
    const cuts = scanParagraph(text, facts, state, scanFrom, headingEnd, headingLevel);
    pushPieces(out, b, cuts, index);
  }
  return out;
}

/**
 * The headings run into a paragraph's text from `scanFrom` on: where to cut it, each piece's part.
 * Only the places of InlineFacts are read: between them every character would pass by.
 */
function scanParagraph(text: string, facts: InlineFacts, state: Numbering, scanFrom: number, headingEnd: number, headingLevel: Level | 0): Cut[] {
  const { marks, at, stops } = facts;
  let mi = 0;
  /** inside an attachment list (附件：1.…2.…) up to the sentence's end or the next marker */
  let inList = false;
  /** where the last part marker (附件 / a signature date) stands: a title may follow it, then the part's first heading */
  let partAt = -1;
  /** where the body starts again after a table of contents (a heading may start there) */
  let tocEnd = -1;
  /** the titles the table of contents gives, by canonical token */
  let toc: Map<string, string> | undefined;
  /** inside numbered notes (注：1.…2.…): the last note's number, −1 outside */
  let notes = -1;
  const cuts: Cut[] = [];
  /** the markers up to `p`, as the scan reaches it */
  const passMarkers = (p: number) => {
    while (mi < marks.length && marks[mi]!.at <= p) {
      const m = marks[mi++]!;
      inList = m.kind === 'list';
      notes = m.kind === 'notes' ? 0 : -1;
      // a document title only separates parts once some part has headings (a cover letter's
      // title, or a plan's title before its table of contents, does not)
      if (m.kind === 'part' || (m.kind === 'title' && state.headingsInPart > 0)) {
        partAt = m.at;
        if (state.headingsInPart > 0) state.marker = true;
      }
    }
  };
  /** the next position the scan reads (a heading, a note or a table of contents is passed over) */
  let from = scanFrom;
  for (let e = 0; e < at.length; e++) {
    const p = at[e]!;
    if (p < from) continue;
    passMarkers(p);
    if (stops[e]) {
      // a 。 or ； ends an attachment list
      inList = false;
      continue;
    }
    if (inList) continue;
    const c = text.charCodeAt(p);
    const before = text.charCodeAt(p - 1);
    const end = sentenceEndBefore(text, p);
    const endCode = text.charCodeAt(end);
    // after a part marker and the attachment's title line (附件不得担任…的主要情形一、…): a new line
    const boundary = BOUNDARY.has(endCode) || afterPartTitle(text, partAt, p) || p === tocEnd;
    /** after a bracketed note that closes an item (…(省发展改革委牵头…负责)10.推进…) */
    const afterNote = !boundary && (endCode === 0xff09 || endCode === 41) && end === p - 1;
    const bracketed = c === 0xff08 || c === 40 || (c >= 0x2474 && c <= 0x249b) || (c >= 0x3220 && c <= 0x3229);
    const glued =
      !boundary &&
      headingEnd >= 0 &&
      p - headingEnd <= GLUED_TITLE_MAX &&
      (isHanCode(before) || CLOSER.has(before)) &&
      !TITLE_END.test(text.slice(headingEnd, p));
    const captioned = !boundary && !bracketed && !glued && !afterNote && afterCaption(text, p);
    /** after a comma typed where the item should have ended (…应选用符合要求的光缆，5.通信线…) */
    const afterComma = !boundary && !bracketed && (endCode === 0xff0c || endCode === 44) && end === p - 1;
    /** a heading the table of contents lists, at its place in the numbering, after text whose end mark was lost (…保障等工作2.2现场指挥机构…) */
    const listed = !boundary && !glued && toc !== undefined && isHanCode(before) && listedHeading(facts, e, text, p, state, toc);
    if (!boundary && !bracketed && !glued && !afterNote && !captioned && !afterComma && !listed) continue;
    const read = readToken(facts, e, text, p, state, boundary && !bracketed);
    if (!read) continue;
    const tk = read.tk;
    if ((afterComma && !afterCommaFits(tk, state)) || (captioned && !afterCaptionFits(tk, state, text, p))) continue;
    if (notes >= 0 && tk.level >= 3 && tk.value === notes + 1) {
      // the next note of 注：1.…2.…, not a heading
      notes++;
      from = p + tk.raw.length;
      continue;
    }
    // 11。 for 11.: only the next number of a running sequence, after a sentence or a note
    if (tk.punct === '。' && !((boundary || afterNote) && state.next(tk.level, tk.value))) continue;
    // glued to a title: only a deeper level, or the next one of the title's own level
    if (glued && !bracketed && tk.level < headingLevel && tk.scheme !== 'decimal') continue;
    // glued to running text: a bracketed token that exactly continues (never a new part's first)
    if (!boundary && !glued && state.headingsInPart === 0) continue;
    // a first article 第一条 in running text opens a regulation's articles only glued to a heading's
    // title (一、机构设置第一条…) or before any heading of the part; after a sentence of a plan's
    // body it is a citation (…第一条为规范管理制定本规则)
    if (tk.scheme === 'article' && tk.value === 1 && !glued && state.headingsInPart > 0) continue;
    /** the token as the numbering goes on from it (a confirmed slip: ./numberingSlip) */
    let accepted = tk;
    if (!state.continuesToken(tk, boundary)) {
      const slip = boundary && !glued && state.headingsInPart > 0 ? numberingSlip(facts, e, text, tk, state) : undefined;
      if (!slip) continue;
      accepted = slip;
    }
    // a table of contents lists the headings without a sentence, then the body starts again with
    // the same first heading: read the body's, titled as the list titles them (…(会签稿)1.总则1.1编制目的…8.3预案实施时间1.总则1.1编制目的建立…)
    const again = tk.value === 1 && state.headingsInPart === 0 ? tableOfContentsEnd(text, p, tk.raw.length) : -1;
    if (again > 0) {
      [toc, tocEnd, from] = [tableOfContents(text, p, again), again, again];
      continue;
    }
    // after a note only the next number of a running sequence (never a first item)
    if (afterNote && !boundary && !glued && !bracketed && tk.value === 1) continue;
    state.acceptToken(accepted);
    cuts.push({ at: p, part: state.part, form: read.form, tocTitle: tocTitleAt(toc, tk, text, p) });
    headingEnd = p + tk.raw.length;
    headingLevel = tk.level;
    from = headingEnd;
  }
  // the characters after the last place pass by: their markers still count, up to the text's end
  if (from < text.length) passMarkers(text.length - 1);
  return cuts;
}

/** A heading found in mid-line: where, in which part, how its token reads, the title its table of contents gives. */
interface Cut {
  at: number;
  part: number;
  form: Block['tokenForm'];
  tocTitle: string | undefined;
}

/** Pushes `b` split at `cuts` (the pieces from each cut on are inline heading blocks), or `b` itself. */
function pushPieces(out: Block[], b: Block, cuts: Cut[], index: LineIndex): void {
  if (cuts.length === 0) {
    out.push(b);
    return;
  }
  const first = sliceBlock(b, 0, cuts[0]!.at, b.kind, index);
  if (b.part !== undefined) first.part = b.part;
  if (first.text.length > 0) out.push(first);
  for (let i = 0; i < cuts.length; i++) {
    const piece = sliceBlock(b, cuts[i]!.at, i + 1 < cuts.length ? cuts[i + 1]!.at : b.text.length, 'heading', index);
    piece.inline = true;
    piece.part = cuts[i]!.part;
    if (cuts[i]!.form) piece.tokenForm = cuts[i]!.form;
    if (cuts[i]!.tocTitle) piece.tocTitle = cuts[i]!.tocTitle;
    out.push(piece);
  }
}
