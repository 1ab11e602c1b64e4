/**
 * Stage 2, the noun phrase after a value that names it, when the value does not close its clause:
 * a share's subject (40%左右的县…), the object of a governed count (建成5000个示范村), a counted
 * subject at the head of its clause (71.3万监测对象稳定消除返贫致贫风险), a quantity whose noun and
 * verb follow it (115万吨产能整合退出), a spatial scope (20公里供热半径内) and a time limit (24小时内
 * 举行新闻发布会). Indices are into
 * compact text. No state outside the call.
 */
import { COMPARATORS, STATEMENT_END } from './lexicon.js';
import { timeLimitEnd, type ValueItem } from './lexer.js';
import { CLASS, cleanName, compoundVerbBefore, hanCount, ISDIGIT, shareSubject, startsWithVerb } from './reader.js';

export interface ObjectAfter {
  /** the name after the value */
  share?: { s: number; e: number };
  /** a counted object or subject (a part of a whole when not) */
  isCount: boolean;
  /** the verb after the noun that states what happens to the quantity (整合退出) */
  verb?: { start: number; text: string };
  /** a spatial scope: the 内/以内 that bounds the value (compact indices) */
  scope?: { qs: number; qe: number; qualifier: string };
}

/** A percentage that may name its subject after it (40%左右的县…): not the first character, no range */
function isShareUnit(unit: string, i: number, value2: number | undefined): boolean {
  return i > 0 && value2 === undefined && (unit === '%' || unit === '‰');
}

/** 万, 亿, 万余: a magnitude with no unit counts the noun after it (71.3万监测对象). */
const BARE_MAGNITUDE = /^[十百千万亿]+$/;
/** Units of time and age: a period before its verb (30个工作日内办结) is no quantity of things. */
const NOT_OF_THINGS = /(?:年|月|日|天|周|小时|分钟|秒|岁|工作日)$/;
/** Adverbs between a noun and its verb: 产能全部整合退出. */
const ADVERBS = ['全部', '逐步', '有序', '基本', '依法', '全面', '稳步', '分批', '陆续', '相继', '圆满', '顺利', '正式', '率先', '均', '全', '已'];
/** A noun never starts with a preposition: 37项|向全国推广 is no noun and verb. */
const PREPOSITION_FIRST = new Set([...'向在从由对被为把将给于按经以与和及'].map((x) => x.charCodeAt(0)));
const ASPECT = new Set([...'了着过'].map((x) => x.charCodeAt(0)));
/** 以下/以上 after the value: a threshold of the noun after it (3.2米及以下水泥磨机), no statement. */
const THRESHOLD_QUALIFIERS = new Set(['以下', '以上', '及以下', '及以上']);
/** Nouns of a spatial scope before 内/以内: 20公里供热半径内, 500米范围内. */
const SCOPE_NOUN = /^[\u4e00-\u9fff]{0,4}?(?:半径|范围)(?:以内|之内|内)/;

/** A verb of change starts at k (降低, 提高, 下调: a comparator of two characters or more). */
function startsWithChange(c: string, k: number): boolean {
  return COMPARATORS.some((x) => x.text.length >= 2 && (x.op === 'increase' || x.op === 'decrease') && c.startsWith(x.text, k));
}

/** End of the clause that starts at k (a boundary or the text end), or -1 past `limit` characters. */
function clauseEnd(c: string, k: number, limit: number): number {
  let e = k;
  while (e < c.length && e - k <= limit && !STATEMENT_END.has(c[e]!)) e++;
  return e - k > limit ? -1 : e;
}

/**
 * “产能整合退出”: a short noun (2–6 characters) and a verb of plan language that ends the clause,
 * the verb possibly compound (整合退出) or after an adverb (全部淘汰).
 */
function predicateAfter(c: string, k: number): { nounEnd: number; verb: { start: number; text: string } } | undefined {
  const e = clauseEnd(c, k, 14);
  if (e < 0) return undefined;
  for (let x = k; x < e; x++) if (CLASS[c.charCodeAt(x)] !== 0 || ISDIGIT.test(c[x]!)) return undefined;
  const verb = compoundVerbBefore(c, e);
  if (!verb) return undefined;
  let nounEnd = verb.start;
  const adverb = ADVERBS.find((a) => c.startsWith(a, nounEnd - a.length));
  if (adverb) nounEnd -= adverb.length;
  if (c.charCodeAt(nounEnd - 1) === 0x7684 /* 的 */) nounEnd--;
  const noun = c.slice(k, nounEnd);
  if (noun.length < 2 || noun.length > 6 || hanCount(noun) !== noun.length || PREPOSITION_FIRST.has(noun.charCodeAt(0))) return undefined;
  // 170人参加了培训: an aspect particle ends a verb, not a noun
  if (ASPECT.has(noun.charCodeAt(noun.length - 1))) return undefined;
  // 1327亿元|支持项目建设: a verb after the value opens a clause of purpose, not a noun
  if (startsWithVerb(c, k)) return undefined;
  return { nounEnd, verb };
}

/**
 * The noun phrase after a value that names it, for a value that does not close its clause. `governed`:
 * a plan verb or comparator governs the count; `head`: the value opens its clause.
 */
export function objectAfter(
  c: string,
  k: number,
  read: { i: number; unit: { unit: string }; value2?: number; values: ValueItem[] },
  governed: boolean,
  head: boolean,
): ObjectAfter {
  if (read.values.length !== 1) return { isCount: false };
  const unit = read.unit.unit;
  if (isShareUnit(unit, read.i, read.value2)) return { share: shareSubject(c, k), isCount: false };
  // 30万吨级航道, 千万级城市: a grade, not a quantity
  if (c.charCodeAt(k) === 0x7ea7 /* 级 */) return { isCount: false };
  if (governed) {
    // 安排300万元作为专项资金: an amount is named by the fund it is earmarked as, not by the verb that earmarks it
    const at = unit.endsWith('元') ? k + (EARMARKED_AS.exec(c.slice(k, k + 4))?.[0].length ?? 0) : k;
    return { share: inRelativeClause(c, k) ? undefined : shareSubject(c, at, 2, true), isCount: true };
  }
  if (THRESHOLD_QUALIFIERS.has(read.values[0]!.qualifier ?? '')) return { isCount: false };
  if (head && BARE_MAGNITUDE.test(unit)) return { share: shareSubject(c, k, 4), isCount: true };
  if (!unit || unit === '%' || unit === '‰' || read.value2 !== undefined) return { isCount: false };
  const scope = SCOPE_NOUN.exec(c.slice(k, k + 9));
  if (scope) {
    const q = scope[0].endsWith('以内') || scope[0].endsWith('之内') ? 2 : 1;
    const e = k + scope[0].length;
    return { share: { s: k, e: e - q }, isCount: false, scope: { qs: e - q, qe: e, qualifier: '以内' } };
  }
  // a time limit: 24小时内举行新闻发布会 (the action it bounds names it), a parameter of the procedure
  const limitEnd = timeLimitEnd(c, unit, read.values[0]!.e);
  if (limitEnd >= 0) {
    const action = shareSubject(c, limitEnd, 2, true);
    if (action) return { share: cleanName(c, action.s, action.e), isCount: false, scope: { qs: read.values[0]!.e, qe: limitEnd, qualifier: '以内' } };
  }
  if (NOT_OF_THINGS.test(unit)) return { isCount: false };
  // 先后4次降低存款准备金率: the number of times an action was taken, named by the action
  if (unit === '次' && startsWithChange(c, k)) {
    const action = shareSubject(c, k, 2);
    if (action) return { share: action, isCount: true };
  }
  const pred = predicateAfter(c, k);
  if (pred) return { share: { s: k, e: pred.nounEnd }, isCount: true, verb: pred.verb };
  // 17种抗癌药大幅降价并纳入医保目录: a counted subject opening its clause, then what happens to it
  return head && c[read.i - 1] !== '、' && subjectThenChange(c, k) ? { share: shareSubject(c, k, 4), isCount: true } : { isCount: false };
}

/** the words that earmark an amount for a fund or a use (作为, 专项用于) */
const EARMARKED_AS = /^(?:专项)?(?:作为|用于)/;

/** Adverbs of manner and degree between a subject and its verb of change. */
const MANNER = /^(?:大幅|明显|显著|进一步|分别|全部|均|已|相继|陆续)?/;
/** A short noun (2–6 characters), an adverb, then a verb of change (抗癌药|大幅|降价). */
function subjectThenChange(c: string, k: number): boolean {
  for (let n = k + 2; n <= k + 6 && n < c.length; n++) {
    if (CLASS[c.charCodeAt(n - 1)] !== 0 || ISDIGIT.test(c[n - 1]!)) return false;
    const adv = MANNER.exec(c.slice(n, n + 3))![0].length;
    if (startsWithChange(c, n + adv) && (adv > 0 || n > k + 2)) return true;
  }
  return false;
}

/**
 * 建设56个民族共同团结奋斗、共同繁荣发展的美好家园: the count is the subject of a relative clause (a noun,
 * then an adverb of joint action, then its verb, …的) whose head the verb governs, uncounted.
 */
const JOINT = /^[\u4e00-\u9fff]{1,4}?(?:共同|一起|一道|携手|同心)[^，。；]{0,20}的/;
function inRelativeClause(c: string, k: number): boolean {
  return JOINT.test(c.slice(k, k + 24));
}

/**
 * 安排1-2个月时间开展“回头看”: a period of 时间 named by the action it is spent on (集中2-3个月时间…: the
 * verb before is the spending, not the name); not 时间内/时间以 (a limit).
 */
export function spentOn(c: string, k: number, values: readonly ValueItem[]): { s: number; e: number } | undefined {
  if (values.length !== 1 || !c.startsWith('时间', k) || /[内以]/.test(c[k + 2] ?? '')) return undefined;
  const action = shareSubject(c, k + 2, 2, true);
  return action ? cleanName(c, action.s, action.e) : undefined;
}
