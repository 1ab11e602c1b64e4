/**
 * Stage 3 of the structure parser: blocks → the section tree (heading, title, run-in, body,
 * extents), in document offsets.
 */
import type { Block, Level, NumberToken, Section } from '../model.js';
import { chineseWords, isHanCode, isSpace, segmentOffset, type LineIndex } from '../text.js';
import { matchNumberToken } from '../numbering.js';
import { restatedSubject, secondPredicate } from './second-predicate.js';

/**
 * Where a run-in heading's title ends: at the first 。, or at a ： that comes early (a short
 * title such as "总体目标：到2025年……"). -1 when the line has neither.
 */
export function runInStop(after: string): number {
  const full = after.search(/[。；;]/);
  const colon = after.search(/[：:]/);
  if (colon >= 0 && colon <= 24 && (full < 0 || colon < full)) return colon;
  return full;
}

/** lines at least this long hold a whole document or a large part of one (text whose breaks were lost) */
const FLATTENED_LINE = 1000;
/** a first clause longer than this is more than a heading title */
const TITLE_CLAUSE_MAX = 12;
/** a title has at least this many characters */
const TITLE_MIN = 4;
/**
 * Words that open a sentence of plan prose and rarely stand inside a title or after a subject
 * (sentence-initial prepositions 以/按照/根据/围绕…, 坚持, 请, 各地/各级 …): where a title run into its
 * body ends when no mark separates them (一、准确把握总体要求以…为指导).
 */
const OPENERS = new Set(['以', '按照', '根据', '依据', '围绕', '聚焦', '针对', '结合', '为了', '坚持', '请', '各地', '各级', '各省', '各市', '各县']);
/** characters after which a figure is part of the title (第一阶段(2022年7月…)) */
const FIGURE_IN_TITLE = /[年月日第(（至—-]/;

/**
 * The outline level of a heading: its token's level (一、 1, （一） 2, 1. 3, （1） 4), except under
 * an article 第N条 (level 2, under 一、 or 第N章), whose items （一）… and their sub-items nest one
 * level deeper (capped at 4): the article is a level of its own between the two; and in a part
 * numbered by decimal sections (./decimal.ts), whose N. chapters stand at level 1 (N.M 2, N.M.K 3
 * by their tokens).
 */
function depthLevel(tk: NumberToken, stack: Section[], decimalPart: boolean): Level {
  if (decimalPart && tk.level === 3 && !tk.scheme) return 1;
  if (tk.scheme === 'article' || tk.scheme === 'decimal' || tk.level === 1) return tk.level;
  for (let i = stack.length - 1; i >= 0; i--) {
    const s = stack[i]!;
    if (s.token.scheme === 'article' && s.token.level === 2) return Math.min(4, tk.level + 1) as Level;
    if (s.level === 1) break;
  }
  return tk.level;
}

/** The token of a heading block, read as the parse stages vetted it (11。, a decimal section, 4 without its point). */
export function headingToken(b: Block): NumberToken | undefined {
  return matchNumberToken(b.text, { fullStop: true, decimal: b.tokenForm === 'decimal', bare: b.tokenForm === 'bare' });
}

/** Whether a heading's block lost the line break after its title: recovered in mid-line, or on a flattened line. */
function lostBreak(b: Block, index: LineIndex | undefined): boolean {
  if (b.inline) return true;
  if (!index) return false;
  return index.lineEnd(b.firstLine) - index.lineStart(b.firstLine) >= FLATTENED_LINE;
}

/**
 * Where a title run into its body ends (an index in `after`, the text after the token), or −1: in
 * a first clause too long for a title, before a figure (分批实现联网结算2020年11月底前), a sentence
 * opener (准确把握总体要求以…为指导) or a second predicate (严格控制搬迁撤并范围严格落实…,
 * ./second-predicate.ts), or at a colon before any comma (…运营商):按照…); failing those, where the
 * body takes the title's verb phrase up again before a modal (稳妥开展村级建制调整…。开展村级建制调整应…).
 */
function gluedTitleEnd(after: string, lead: number, subsection?: string): number {
  const clause = after.slice(lead).search(/[，。；！？,;!?]/);
  if (subsection !== undefined) {
    // a sub-section numbered under this heading starts the body (2.组织指挥体系2.1省级…, 6.保障措施6. 1通信…),
    // right after a short title (不得小于2.5米 deep in an item's sentence is a quantity)
    const limit = Math.min(clause < 0 ? after.length : lead + clause, lead + TITLE_CLAUSE_MAX + 1);
    for (let at = after.indexOf(subsection, lead + 1); at >= 0 && at < limit; at = after.indexOf(subsection, at + 1)) {
      if (/^ ?[0-9]/.test(after.slice(at + subsection.length, at + subsection.length + 2)) && isHanCode(after.charCodeAt(at - 1))) return at;
    }
  }
  const clauseEnd = clause < 0 ? after.length : lead + clause;
  const colon = after.slice(lead, clauseEnd).search(/[：:]/);
  if (colon >= TITLE_MIN) return lead + colon;
  if (clauseEnd - lead <= TITLE_CLAUSE_MAX) return -1;
  // a clause that ends the sentence or a list item (；。) is the item itself, not a title and more
  if (clause >= 0 && /[。；;！？!?]/.test(after[clauseEnd]!)) return -1;
  const opener = openerAt(after, lead, clauseEnd);
  // before it, a second predicate (the title's directive adverb again, an eventive subject of a modal)
  const span = after.slice(lead, opener < 0 ? Math.min(clauseEnd, lead + PREDICATE_SPAN) : opener);
  const words = Array.from(chineseWords(span), (w) => ({ segment: w.segment, at: lead + w.index }));
  const second = secondPredicate(after, words, lead, clauseEnd, TITLE_MIN);
  if (second >= 0) return second;
  if (opener >= 0) return opener;
  // the body takes the title up again as the subject of a duty (…调整行政村…可以…。开展村级建制调整应…)
  return restatedSubject(after, words, lead, clauseEnd, TITLE_MIN);
}

/** how far into the first clause a second predicate is looked for (a title and a short subject) */
const PREDICATE_SPAN = 48;

/**
 * Where a sentence opener, a time or a sentence-initial adverbial starts the body in the first
 * clause (`clauseEnd`: its mark, or the text's end), or −1.
 */
function openerAt(after: string, lead: number, clauseEnd: number): number {
  const limit = Math.min(clauseEnd, lead + 30);
  let depth = 0;
  let at = lead;
  for (const w of chineseWords(after.slice(lead, limit))) {
    const i = lead + w.index;
    for (; at < i; at++) {
      const c = after[at]!;
      if (c === '(' || c === '（') depth++;
      else if ((c === ')' || c === '）') && depth > 0) depth--;
    }
    if (i - lead < TITLE_MIN || depth > 0) continue;
    const prev = after.charCodeAt(i - 1);
    if (!(prev >= 0x4e00 && prev <= 0x9fff)) continue;
    // a body sentence opens with a time (2020年11月底前…); a quantity inside a clause (不满2年的) is the title's
    if (/^[0-9]{4}$/.test(w.segment) && after[i + 4] === '年' && !FIGURE_IN_TITLE.test(after[i - 1]!)) return i;
    if (OPENERS.has(w.segment)) return i;
    // 地方各级 (党委和政府, 人民政府): the subject formula that opens a sentence of duties
    if (w.segment === '地方' && OPENERS.has(after.slice(i + 2, i + 4))) return i;
    // a sentence-initial adverbial of time or place closed by its comma (在村庄撤并过程中，…)
    if (w.segment === '在' && /[，,]/.test(after[clauseEnd] ?? '') && ADVERBIAL_END.test(after.slice(i, clauseEnd))) return i;
  }
  return -1;
}

/** 在 + a time or place + 中/时/后/前/下/期间 (up to a comma): an adverbial that opens a sentence */
const ADVERBIAL_END = /^在[^，,。；;：:]{1,14}(?:中|时|后|前|下|期间)$/;

const SENTENCE_MARK = /[，。；：！？,;:!?]/;

/** A heading whose title was ended by a mark on a line that lost its breaks: it may hold body text. */
interface UncertainTitle {
  section: Section;
  /** where the title starts in the block's text */
  from: number;
}

/**
 * Parallel headings (对仗): when every sibling whose title end is certain (a line end, a glued
 * token or a sentence opener after it) has a title of one length L, a title of the list that ran
 * into its body (一、整治原则安全、整齐、美观，… beside 二、技术要求 and 三、其他要求) has that length too,
 * where a word ends at L. Siblings of mixed lengths say nothing and the title is left as it is.
 * One certain sibling is enough where the titles also share its head noun, its last character at
 * L (（1）综合协调组省交通运输厅牵头… （2）抢险救援组… beside （6）其他工作组根据需要…).
 */
function parallelTitle(u: UncertainTitle, siblings: readonly Section[], uncertain: ReadonlySet<Section>, memo: Map<string, number>): void {
  const s = u.section;
  // the one length of the certain titles of this list (0: none, or mixed), counted once per list
  const key = `${s.parentId ?? -1}:${s.level}:${s.part ?? 0}`;
  let L = memo.get(key);
  if (L === undefined) {
    const list = siblings.filter((x) => x.level === s.level && x.part === s.part);
    const certain = list.filter((x) => !uncertain.has(x));
    L = certain.length >= 2 && certain.every((x) => x.title.length === certain[0]!.title.length) ? certain[0]!.title.length : 0;
    if (certain.length === 1 && list.length >= 3) {
      const head = certain[0]!.title;
      const n = head.length;
      if (list.every((x) => x === certain[0] || x.title[n - 1] === head[n - 1])) L = n;
    }
    memo.set(key, L);
  }
  if (L < TITLE_MIN || s.title.length <= L + 1) return;
  let boundary = false;
  for (const w of chineseWords(s.title)) if (w.index === L) boundary = true;
  if (!boundary) return;
  const b = s.block;
  const end = textToDoc(b, u.from + L - 1) + 1;
  s.title = s.title.slice(0, L);
  s.titleSpan = { start: s.titleSpan.start, end };
  s.heading = { start: s.heading.start, end };
  s.runIn = true;
}

/** a Markdown heading depth stands for one numbering level when at least this many of its numbered headings … */
const MARKDOWN_DEPTH_MIN = 3;
/** … and this share of them carry that level's token */
const MARKDOWN_DEPTH_SHARE = 0.75;

/**
 * The numbering level each Markdown heading depth stands for in this document (## 一、 → 1,
 * ### （一） → 2), where the document keeps to one: the depth is the author's explicit structure, so a
 * heading written with another level's token at that depth (### 3.深化… among ### （一）（二）（四）)
 * sits at the depth's level, its token a wrong marker.
 */
function markdownDepthLevels(blocks: readonly Block[]): Map<number, Level> {
  const counts = new Map<number, number[]>();
  for (const b of blocks) {
    if (b.kind !== 'heading' || b.markdownLevel === undefined || b.inline) continue;
    const tk = headingToken(b);
    if (!tk || tk.scheme) continue;
    const c = counts.get(b.markdownLevel) ?? [0, 0, 0, 0, 0];
    c[tk.level]!++;
    counts.set(b.markdownLevel, c);
  }
  const out = new Map<number, Level>();
  for (const [depth, c] of counts) {
    const n = c.reduce((a, x) => a + x, 0);
    const top = c.indexOf(Math.max(...c));
    if (n >= MARKDOWN_DEPTH_MIN && c[top]! >= MARKDOWN_DEPTH_SHARE * n) out.set(depth, top as Level);
  }
  return out;
}

/**
 * Sections from the heading blocks; `owner[i]`: the id of the section whose heading or body block
 * i is (−1 for none: text before the first heading, a heading without a number token)
 */
export function buildSections(blocks: Block[], index?: LineIndex): { sections: Section[]; allSections: Section[]; owner: Int32Array } {
  const sections: Section[] = [];
  const allSections: Section[] = [];
  const stack: Section[] = [];
  const owner = new Int32Array(blocks.length).fill(-1);
  let part = 0;
  const uncertain: UncertainTitle[] = [];
  // the parts numbered by decimal sections (1. → 1.1 → 1.1.1): their N. are chapters
  const decimalParts = new Set<number>();
  for (const b of blocks) if (b.kind === 'heading' && b.tokenForm === 'decimal') decimalParts.add(b.part ?? 0);
  const depthLevels = markdownDepthLevels(blocks);
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
    // a heading block was vetted by the earlier stages (an ordinal typed 11。 only where it runs on)
    const tk = headingToken(b);
    if (!tk) continue;
    // a new part of the document (an attached plan after its notice): its numbering starts afresh
    if (b.part !== undefined && b.part !== part) {
      part = b.part;
      stack.length = 0;
    }
    owner[bi] = allSections.length;
    // a token may be broken over two lines (（ / 三）…): its end is mapped through the block's segments
    const token: NumberToken = { ...tk, start: b.start, end: textToDoc(b, tk.raw.length - 1) + 1 };
    const after = b.text.slice(tk.raw.length);
    let lead = 0;
    while (lead < after.length && isSpace(after[lead])) lead++;
    const stop = runInStop(after);
    let runIn = stop >= 0 && after.slice(stop + 1).trim().length > 0;
    let titleEnd = runIn ? stop : after.length;
    /** where the heading ends in `after` (past its closing 。 or ：) */
    let headEnd = runIn ? stop + 1 : after.length;
    const decimalPart = decimalParts.has(b.part ?? 0);
    const atDepth = b.markdownLevel !== undefined && !b.inline && !tk.scheme ? depthLevels.get(b.markdownLevel) : undefined;
    const level = atDepth ?? depthLevel(tk, stack, decimalPart);
    // a title run into its body with no mark between them (the line break was lost); an article and
    // its items (legal 项) are provisions, titled by their first sentence, never by a phrase glued to it
    const provision = tk.scheme === 'article' || (level !== tk.level && !decimalPart);
    // the title the document's table of contents gives it ends the title for sure (1.1编制目的建立健全…)
    const toc = b.tocTitle !== undefined && after.startsWith(b.tocTitle, lead) ? lead + b.tocTitle.length : -1;
    const fromToc = toc >= 0 && after.slice(toc).trim().length > 0 ? toc : -1;
    const glued = toc >= 0 ? fromToc : lostBreak(b, index) && !provision ? gluedTitleEnd(after, lead, tk.level === 3 ? `${tk.value}.` : undefined) : -1;
    if (glued > 0 && (!runIn || glued < stop || fromToc >= 0)) {
      runIn = true;
      titleEnd = glued;
      headEnd = glued;
    }
    let title = after.slice(lead, titleEnd);
    while (title.length > 0 && /[。，；：、,;:.\s]/.test(title[title.length - 1]!)) title = title.slice(0, -1);
    titleEnd = lead + title.length;
    const off = (i: number) => textToDoc(b, tk.raw.length + i);
    const headingEnd = runIn ? off(headEnd) : b.end;
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
    const parent = stack[stack.length - 1];
    const section: Section = {
      level,
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
    if (b.part) section.part = b.part;
    // a title that may have swallowed its body: ended by 。 or ： on a line whose break was lost
    if ((runIn || SENTENCE_MARK.test(title)) && glued < 0 && toc < 0 && !provision && lostBreak(b, index))
      uncertain.push({ section, from: tk.raw.length + lead });
    if (parent) {
      section.parentId = parent.id;
      parent.children.push(section);
    } else sections.push(section);
    allSections.push(section);
    stack.push(section);
  }
  const uncertainSet = new Set(uncertain.map((u) => u.section));
  const lengths = new Map<string, number>();
  for (const u of uncertain) {
    const siblings = u.section.parentId === undefined ? sections : allSections[u.section.parentId]!.children;
    parallelTitle(u, siblings, uncertainSet, lengths);
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

/** The document offset of a block's text index (segmentOffset; a block without segments starts where it starts). */
export function textToDoc(b: Block, i: number): number {
  return b.segments.length === 0 ? b.start : segmentOffset(b.segments, i);
}

/** Whether the numbers at `level` (3, or 2) run on across the level-1 sections rather than restart in each. */
export function detectContinuity(top: Section[], level: Level = 3): boolean {
  let continuous = 0;
  let restart = 0;
  let prevLast: number | undefined;
  for (const s of top) {
    if (s.level !== 1) continue;
    const l3 = collect(s, level);
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

/** Every section in document order at a level beneath `s` (helper for rules). */
export function descendantsAtLevel(s: Section, level: Level): Section[] {
  return collect(s, level);
}
