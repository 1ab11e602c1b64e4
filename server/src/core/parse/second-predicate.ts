/**
 * Where the body's first predicate opens after a heading title it was run into (a flattened line,
 * no mark between them). A heading title of plan prose is one predicate, [adverbial] verb object
 * (严格控制村庄搬迁撤并范围); the body that follows it opens a sentence of its own. Two shapes of
 * that sentence are told apart by closed classes of words only (no vocabulary of a sector):
 *
 * - a coordinate predicate under the title's own directive adverb: the adverb that opens the title
 *   (严格, 切实, 认真 …) opens a second verb phrase after the title's object (…范围严格落实…规定，).
 *   A directive adverb qualifies one predicate, so its recurrence starts another; an adverb used as
 *   an adjective (最严格的制度) is not a predicate;
 * - an eventive verb phrase as the subject of a modal (开展村庄撤并必须尊重…, 实施项目应当…): a
 *   light verb (开展, 进行, 实施) whose phrase is followed, in the same clause, by a modal auxiliary
 *   (必须, 应当, 要, 可以, 不得 …) is the subject of a duty, a sentence a title never is.
 *
 * Neither applies where the title's verb takes a predicate as its complement (a pivot verb
 * 督促/推动/引导… whose object is the subject of the next verb: 督促企业切实履行…, 推动各地开展…),
 * nor (for the light verb) after a stacked adverbial (扎实有序开展…) or after an agent that is the
 * light verb's own subject (县级人民政府开展…要…: a sentence, not a title), nor where the modal's
 * phrase is closed by 的 (开展培训应当遵循的程序: a modifier inside the title).
 *
 * Where neither shape is there, the body may still name the title: `restatedSubject` ends a title
 * whose verb phrase the body takes up again as the subject of a duty (稳妥开展村级建制调整…。开展村级建制调整应…).
 */
import { chineseWords, isHanCode } from '../text.js';

/** adverbs of directive prose that qualify the predicate they open (never a noun's modifier) */
const DIRECTIVE = new Set(['严格', '切实', '认真', '坚决', '扎实', '大力', '着力', '全力', '务必']);
/** adverbials that stack before a verb: a light verb after one of them is still the title's verb */
const ADVERBIAL = [
  ...DIRECTIVE,
  '积极',
  '稳妥',
  '稳步',
  '有序',
  '深入',
  '全面',
  '持续',
  '不断',
  '进一步',
  '依法',
  '依规',
  '规范',
  '统筹',
  '加快',
  '主动',
  '广泛',
  '精准',
  '科学',
  '有效',
  '集中',
  '协同',
  '联合',
  '逐步',
  '及时',
  '定期',
  '分类',
  '分批',
  '分步',
];
/**
 * heads of the agents of administrative prose: an item that opens with one (县级人民政府开展…要…)
 * is a sentence whose subject does the light verb, not a title
 */
const AGENTS = ['政府', '党委', '部门', '单位', '机关', '机构', '委员会', '企业', '学校', '医院', '地区', '各地', '各级'];
/** verbs whose phrase names an event (the subject of a duty: 开展…必须…) */
const LIGHT_VERBS = new Set(['开展', '进行', '实施']);
/** modal auxiliaries of duty and permission */
const MODALS = new Set(['必须', '务必', '应当', '应该', '应', '要', '须', '需', '需要', '可以', '可', '不得', '不能', '不宜', '不应']);
/**
 * verbs whose complement is a predicate: pivot verbs (督促企业履行…) and verbs of prohibition or
 * assurance (严禁…强行…, 确保…落实…); a second predicate after one of them is its complement
 */
const PIVOTS = new Set([
  '推动',
  '督促',
  '引导',
  '鼓励',
  '支持',
  '组织',
  '指导',
  '要求',
  '动员',
  '帮助',
  '促进',
  '促使',
  '责令',
  '允许',
  '协助',
  '确保',
  '保证',
  '保障',
]);
const PROHIBITIONS = new Set(['严禁', '禁止', '防止', '避免', '杜绝']);

/** a word of the clause after a title's token: its text and where it starts in `after` */
export interface ClauseWord {
  segment: string;
  at: number;
}

/**
 * The index in `after` where the body's first predicate opens, or −1. `words` are the words of
 * the first clause from the title's start (`lead`) to its end (`clauseEnd`, the clause mark or the
 * text's end); `titleMin` is the shortest title.
 */
export function secondPredicate(after: string, words: readonly ClauseWord[], lead: number, clauseEnd: number, titleMin: number): number {
  const first = words[0]?.segment;
  const modals: number[] = [];
  for (let k = 0; k < words.length; k++) if (MODALS.has(words[k]!.segment)) modals.push(k);
  let pivot = false;
  let prohibition = false;
  let nextModal = 0;
  /** the last 的 of the clause (looked up once) */
  let lastDe: number | undefined;
  for (let k = 1; k < words.length; k++) {
    const w = words[k - 1]!.segment;
    if (PIVOTS.has(w)) pivot = true;
    if (PROHIBITIONS.has(w)) prohibition = true;
    const { segment, at } = words[k]!;
    if (at - lead < titleMin || !isHanCode(after.charCodeAt(at - 1))) continue;
    const next = words[k + 1]?.segment;
    // the title's directive adverb again, before a verb (not 严格的 / 最严格的, an adjective; not 严格、规范)
    if (
      segment === first &&
      DIRECTIVE.has(segment) &&
      !pivot &&
      !prohibition &&
      next !== undefined &&
      isHanCode(next.charCodeAt(0)) &&
      next !== '的' &&
      next !== '地'
    )
      return at;
    if (LIGHT_VERBS.has(segment) && !pivot) {
      while (nextModal < modals.length && modals[nextModal]! <= k + 1) nextModal++;
      const m = modals[nextModal];
      if (m === undefined) continue;
      const modalAt = words[m]!.at;
      const title = after.slice(lead, at);
      if (modalAt - at > SUBJECT_MAX || ADVERBIAL.some((a) => title.endsWith(a)) || AGENTS.some((a) => title.endsWith(a))) continue;
      // 开展培训应当遵循的程序: the modal's phrase modifies a noun of the title
      if (lastDe === undefined) lastDe = after.lastIndexOf('的', clauseEnd - 1);
      if (lastDe > modalAt) continue;
      return at;
    }
  }
  return -1;
}

/** the longest eventive subject (light verb and its object) before its modal */
const SUBJECT_MAX = 16;

/**
 * Where a title ends that its body restates as the subject of a duty, or −1: a phrase that starts
 * the title's verb phrase (at the title's start or past adverbials of `ADVERBIAL` only, within
 * `RESTATED_LEAD` characters of its start) recurs later in the same text followed by a
 * modal (二、稳妥开展村级建制调整行政村数量较多的省…可以…。开展村级建制调整应坚持…): official prose takes up the
 * task it is told as the topic of the duty that follows, so the title is that phrase, up to where
 * its two occurrences part. The phrase is at least `RESTATED_MIN` characters, ends at a word's end
 * inside the first clause, and the first occurrence runs on into more text (not into the same
 * modal: then the item itself is the sentence). Only the `RESTATED_WINDOW` characters after the
 * first clause are searched (linear per heading).
 */
export function restatedSubject(after: string, words: readonly ClauseWord[], lead: number, clauseEnd: number, titleMin: number): number {
  const ends = new Set(words.map((w) => w.at + w.segment.length));
  const limit = Math.min(after.length, clauseEnd + RESTATED_WINDOW);
  for (let k = 0; k < words.length; k++) {
    const a = words[k]!.at;
    // the phrase starts at the title's start or past its adverbials only (稳妥|开展…, not 保持|宏观政策…)
    if (a - lead > RESTATED_LEAD || (k > 0 && !ADVERBIAL.includes(words[k - 1]!.segment))) break;
    const needle = after.slice(a, a + RESTATED_MIN);
    if (needle.length < RESTATED_MIN) break;
    for (let j = after.indexOf(needle, clauseEnd + 1); j >= 0 && j < limit; j = after.indexOf(needle, j + 1)) {
      let m = RESTATED_MIN;
      while (a + m < clauseEnd && j + m < limit && after[a + m] === after[j + m]) m++;
      const e = a + m;
      if (e >= clauseEnd || e - lead < titleMin || !ends.has(e) || !isHanCode(after.charCodeAt(e))) continue;
      if (opensModal(after, j + m) && !opensModal(after, e)) return e;
    }
  }
  return -1;
}

/** whether a modal auxiliary is the word that starts at `at` */
function opensModal(text: string, at: number): boolean {
  for (const w of chineseWords(text.slice(at, at + 6))) return MODALS.has(w.segment);
  return false;
}

/** how far into the title its restated phrase may start (past adverbials such as 稳妥, 进一步) */
const RESTATED_LEAD = 6;
/** the shortest restated phrase (two words) */
const RESTATED_MIN = 4;
/** how far after the first clause a restatement is looked for */
const RESTATED_WINDOW = 2000;
