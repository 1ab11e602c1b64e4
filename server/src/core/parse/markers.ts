/**
 * Markers of a flattened text's parts (stage 2b of the structure parser, ./inline.ts): attachment
 * labels (附件 / 附件2) and lists (附件：1.…2.…), signature dates, document titles run into the text
 * (…工作细则(会签稿)), and numbered notes (注：1.…2.…).
 */

/** The set of the characters of `s` (as char codes). */
export const codes = (s: string) => new Set([...s].map((c) => c.charCodeAt(0)));
/** marks after which a heading may start in mid-line */
export const BOUNDARY = codes('。；：！？;:!?');
/** punctuation that ends a heading's title: a token after it is not glued to the title */
export const TITLE_END = /[。，；：、,;:！？!?]/;

const RE_ATTACHMENT = /附件[ \t\u3000]*([0-9０-９一二三四五六七八九十]{0,2})/g;
const RE_DATE = /(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日/g;
/** a date that is a deadline or part of a sentence, not a signature: 于2021年8月17日前 */
const DATE_BEFORE_PROSE = codes('于在至到自从止截和及与、，,（(');
const DATE_AFTER_PROSE = codes('前后起至以之到止的内，,。；;、及和与开召举期0123456789:：）)');

export interface Marker {
  at: number;
  /**
   * 'part': a new part may start after it; 'list': 附件：1.… 2.… (a list of attachments, not
   * headings); 'notes': 注：1.… 2.… (the numbered notes under a table or a text, not headings);
   * 'title': a document's title run into the text (…工作细则(会签稿)), a part marker once a part had headings
   */
  kind: 'part' | 'list' | 'notes' | 'title';
}

/**
 * The genre word that ends a document's title (GB/T 9704-2012 §7.2.5: 发文机关 + 事由 + 文种; the
 * 文种 of plans and rules), with a draft status after it: …工作细则(会签稿).
 */
const RE_GENRE =
  /(?:规则|细则|办法|方案|意见|计划|要点|规划|预案|措施|条例|规定|实施方案|工作方案)(?:[(（](?:会签稿|送审稿|征求意见稿|试行|草案|代拟稿)[)）])?/g;
/** a line that ends with a genre word (or 报告, 总结, 安排, 通知): a title complete in itself */
const GENRE_END = new RegExp(`(?:${RE_GENRE.source}|报告|总结|安排|通知)$`);
export function endsWithGenre(text: string): boolean {
  return GENRE_END.test(text);
}
/** a document title run into the text: at least this long, at most TITLE_MAX */
const DOC_TITLE_MIN = 6;
const DOC_TITLE_MAX = 60;
/** marks that never stand in a title (a sentence, or a title quoted in one: 《…规则》) */
const NOT_IN_TITLE = codes('，,：:《》“”');

/**
 * Whether text[start, end) ends a document title that stands between two sentences of a flattened
 * text (…施行。省委…领导小组办公室工作细则(会签稿)为完善…): after a sentence's end, short, without
 * a comma, colon or quotation, and followed by text (not by a mark: 制定本规则。 is a sentence).
 */
function isDocumentTitle(text: string, start: number, end: number): boolean {
  const after = text.charCodeAt(end);
  if (end >= text.length || BOUNDARY.has(after) || TITLE_END.test(text[end]!)) return false;
  for (let q = start - 1; q >= 0 && start - q <= DOC_TITLE_MAX; q--) {
    const c = text.charCodeAt(q);
    if (BOUNDARY.has(c)) return end - q - 1 >= DOC_TITLE_MIN;
    if (NOT_IN_TITLE.has(c) || TITLE_END.test(text[q]!)) return false;
  }
  return false;
}

/** after 附件N these make it a reference in running text (附件1中, 附件2的, 附件1、2) */
const ATTACHMENT_REFERENCE_AFTER = codes('中的所要规内，,。、和及与）)');
/** 注：/ 备注： opening numbered notes (not 关注：, 批注：, where 注 belongs to another word) */
const RE_NOTES = /(备注|注)[ \t\u3000]*[:：]/g;
const NOT_NOTES_BEFORE = codes('关专投倾贯灌标批加赌押下');

/** Part markers and attachment lists in a block's text, in text order. */
export function markers(text: string): Marker[] {
  const out: Marker[] = [];
  RE_ATTACHMENT.lastIndex = 0;
  for (let m = RE_ATTACHMENT.exec(text); m; m = RE_ATTACHMENT.exec(text)) {
    const before = m.index > 0 ? text.charCodeAt(m.index - 1) : -1;
    // (附件1) and 见附件2 refer to an attachment; 附件 at a line or sentence start begins one
    if (before === 0xff08 /* （ */ || before === 40 /* ( */ || before === 0x89c1 /* 见 */ || before === 0x548c /* 和 */) continue;
    const next = text.charCodeAt(m.index + m[0].length);
    // 填写附件1中…, 附件2的要求, 附件1、2: a reference inside a sentence
    if (m[1] && ATTACHMENT_REFERENCE_AFTER.has(next)) continue;
    out.push({ at: m.index, kind: next === 0xff1a /* ： */ || next === 58 /* : */ ? 'list' : 'part' });
  }
  RE_DATE.lastIndex = 0;
  for (let m = RE_DATE.exec(text); m; m = RE_DATE.exec(text)) {
    const before = m.index > 0 ? text.charCodeAt(m.index - 1) : -1;
    const end = m.index + m[0].length;
    const after = end < text.length ? text.charCodeAt(end) : -1;
    if (DATE_BEFORE_PROSE.has(before) || DATE_AFTER_PROSE.has(after)) continue;
    out.push({ at: end, kind: 'part' });
  }
  RE_GENRE.lastIndex = 0;
  for (let m = RE_GENRE.exec(text); m; m = RE_GENRE.exec(text)) {
    const end = m.index + m[0].length;
    if (isDocumentTitle(text, m.index, end)) out.push({ at: end, kind: 'title' });
  }
  RE_NOTES.lastIndex = 0;
  for (let m = RE_NOTES.exec(text); m; m = RE_NOTES.exec(text)) {
    if (m[1] === '注' && m.index > 0 && NOT_NOTES_BEFORE.has(text.charCodeAt(m.index - 1))) continue;
    out.push({ at: m.index, kind: 'notes' });
  }
  return out.sort((a, b) => a.at - b.at);
}
