/**
 * The statement reader that joins the stages at one candidate value: the value group (stage 1,
 * ./lexer.ts, with the guards against dates, codes and words), whether it closes a statement, its
 * comparator and its name (stage 2, ./reader.ts) and the pairing of names with values. Used by
 * ./scan.ts, which walks a paragraph and keeps the sentence state. No state outside the call.
 */
import { COUNT_OBJECT_UNITS, DATE_AFTER, isMetricName, PER_CAPITA_PREFIX, STATEMENT_END, YEAR_SPAN, type OpClass } from './lexicon.js';
import {
  isDigitCode,
  isLatinCode,
  numberOf,
  qualifierAt,
  RANGE_SEP_CODES,
  readListPartners,
  readNumber,
  chineseLimitAt,
  timeLimitEnd,
  unitOf,
  type NumberToken,
  type UnitMatch,
  type ValueItem,
} from './lexer.js';
import {
  afterGluedTitle,
  clauseStart,
  cleanName,
  compoundVerbBefore,
  countVerbBefore,
  cutBase,
  findCmp,
  findCmpInside,
  ISDIGIT,
  metricTail,
  nameOk,
  quoted,
  verbOfHalf,
  type Cmp,
} from './reader.js';

const PER_BEFORE_NUMBER = /(?:每人每年|每人|人均|每年|每[十百千万]人口)$/;
const TIME_BEFORE_NUMBER = /(?:(?:19|20)[0-9]{2}年(?:底|末)?|上年|去年)的?$/;
/** a clause that ends in a value is a statement of its own, not a name in a list */
const VALUE_AT_END = /[0-9０-９](?:[%‰％]|[\u4e00-\u9fa5]{0,3})(?:以上|以下|左右|以内)?$/;
const LATIN = /[A-Za-z]/;
const SENTENCE_END_RE = /[。；;！!？?\n]/g;

/** Starts of the sentences (。；！？ and line ends) and of the full sentences (not ；) of compact text. */
export function sentenceBounds(c: string): { sentStarts: number[]; periodStarts: number[] } {
  const sentStarts: number[] = [0];
  /** full sentences (。！？): a deadline or cue word scopes over the ；-clauses that follow it */
  const periodStarts: number[] = [0];
  SENTENCE_END_RE.lastIndex = 0;
  let se: RegExpExecArray | null;
  while ((se = SENTENCE_END_RE.exec(c))) {
    sentStarts.push(se.index + 1);
    if (se[0] !== '；' && se[0] !== ';') periodStarts.push(se.index + 1);
  }
  return { sentStarts, periodStarts };
}
/** Paragraphs worth scanning: a digit, 百分之/千分之, or a Chinese numeral with a measure word (一半 too). */
export const HAS_CHINESE_VALUE = /[一二两三四五六七八九十百千万亿][个条次名项家所座处台套人户成倍番半]/;
/** Before a number these make it an ordinal, a code or part of another token: 第3, P2, 4G/5G, 10:1, 〔2021〕 */
const NOT_BEFORE_NUMBER = new Set(['第', '/', ':', '：', '.', '〔', '[', '×', '+', '＋'].map((x) => x.charCodeAt(0)));
const PER_LAST = new Set(['年', '人', '均', '口'].map((x) => x.charCodeAt(0)));
const TIME_LAST = new Set(['的', '年', '底', '末'].map((x) => x.charCodeAt(0)));
/** First characters after a number that may make it a date or ordinal (checked by DATE_AFTER). */
const DATE_FIRST = new Set(['年', '月', '日', '号', '时', '点', '周', '届', '期', '级', '代', '批', '季'].map((x) => x.charCodeAt(0)));
/** Words before a count whose subject follows it. */
const YEAR_NOT_DURATION = new Set(['底', '末', '内', '度', '前', '初', '级', '代', '以', '来', '中', '年']);
/** Ratios stated without a unit: 拆建比不大于2, 面积比值控制在0.6-0.8. */
const RATIO_NAME = /(?:(?<!占)比|比值|系数|倍数)$/;
/** Measure words a Chinese numeral may count (not grades or kinds: 二类水质, 两位数, 一期工程) */
const CN_FIRST = new Set([...'一二两三四五六七八九十百千万'].map((x) => x.charCodeAt(0)));
const CN_NEXT = new Set([...'个条次名项家所座处台套人户倍番成辆艘件张支'].map((x) => x.charCodeAt(0)));
const CN_COUNT_UNITS = new Set([
  '个',
  '条',
  '次',
  '名',
  '项',
  '家',
  '所',
  '座',
  '处',
  '台',
  '套',
  '人',
  '户',
  '倍',
  '番',
  '%',
  '辆',
  '艘',
  '件',
  '张',
  '支',
  '人次',
  '个百分点',
]);
/** Verbs that open the clause before an elliptical statement's metric: 提升城乡生活垃圾焚烧处理率，2025年达到85%. */
export const CLAUSE_VERB = /^(?:进一步)?(?:提升|提高|推进|加快|实现|强化|扩大|降低|保持|稳定|控制|压减|减少|增加|推动)/;
/** "二" before "、": a heading's numbering token, not a list member */
const HEADING_NUMERAL = /^[一二三四五六七八九十]{1,3}$/;
/** A predicate that completes a value: 水质100%达标, 覆盖率100%覆盖. */
const VALUE_PREDICATE = /达标|覆盖|全覆盖|完成|到位|落实|合格|通过|实现/y;
/** A clause head that is only a time: 2025年达到85%以上 */
export const TIME_ONLY = /^(?:到|至|在)?(?:(?:19|20)[0-9]{2}年(?:年?底|末)?(?:前)?|年内|年底前|今年|明年)$/;
const MILESTONE = /的?(?:新台阶|新阶段|新水平)|大关|关口/y;
const APPLIED = /安排|执行|计算|掌握|确定|发放|征收|核定/y;
/** Names made only of fillers, subjects and cue words: no name of their own */
// a span of years (五年, 十年来) is an adverbial of a review: 五年年均增长5.2% carries the subject before it
const FILLER_ONLY = new RegExp(
  `^(?:确保|力争|争取|努力|预计|计划|全省|全市|全县|全区|全国|其中|累计|共|均|年均|同比|环比|同时|年内|全年|再|最多|${YEAR_SPAN})+$`,
);
/** Verbs that take things away: their counts are decreases */
export const CLOSING_VERB = /关闭|关停|淘汰|退出|整合|转移|压减|化解/;
const BOUNDING = new Set<OpClass>(['ge', 'le', 'gt', 'lt', 'reach', 'lower']);

/** Units whose count a plan verb may govern with its object after it: 个, 家, 亿亩, 万千瓦, 万元. */
export function governsObject(unit: string): boolean {
  let k = 0;
  while (k < unit.length && '十百千万亿'.includes(unit[k]!)) k++;
  return COUNT_OBJECT_UNITS.has(unit.slice(k)) || (k > 0 && k === unit.length);
}

function isDateAfter(c: string, j: number): boolean {
  if (!DATE_FIRST.has(c.charCodeAt(j)) || !DATE_AFTER.test(c.slice(j, j + 2))) return false;
  // N期 / N批 closing its clause counts sessions or batches (组织业务培训4期，分3批。); before a noun
  // it is a phase or an ordinal (二期工程, 3批次)
  return !((c[j] === '期' || c[j] === '批') && (j + 1 >= c.length || STATEMENT_END.has(c[j + 1]!)));
}

/** "达到11年" (a duration after a comparator), not "2021年", "3年内", "10年以来". */
function isDuration(c: string, num: string, j: number): boolean {
  if (num.length > 4 || Number(num.replace(/[．]/g, '.')) >= 100) return false;
  if (YEAR_NOT_DURATION.has(c[j + 1] ?? '') && !c.startsWith('以上', j + 1) && !c.startsWith('以下', j + 1)) return false;
  return findCmp(c, j - num.length) !== undefined;
}

const NOT_AFTER_DENG = new Set([...'级次同于效值额'].map((x) => x.charCodeAt(0)));

export function closesStatement(c: string, k: number, unit: string): boolean {
  if (k >= c.length) return true;
  const ch = c[k]!;
  if (STATEMENT_END.has(ch)) return true;
  if ((ch === '和' || ch === '或') && ISDIGIT.test(c[k + 1] ?? '')) return true;
  // an example of a list closed by 等 (起征点提高到10万元等税收优惠政策), not 等级, 等次, 等同, 等于
  if (ch === '等' && !NOT_AFTER_DENG.has(c.charCodeAt(k + 1))) return true;
  // a period as an adverbial: 集中2-3个月时间, 安排1-2个月时间开展…
  if ((unit.endsWith('月') || unit === '天' || unit === '年' || unit === '小时') && c.startsWith('时间', k)) return true;
  // a milestone: 跃上1.4万亿斤新台阶, 突破1万亿元大关, 进入了5万亿元以上的新阶段
  MILESTONE.lastIndex = k;
  if (MILESTONE.test(c)) return true;
  // a value applied by a verb: 赤字率拟按4%左右安排
  APPLIED.lastIndex = k;
  if (APPLIED.test(c) && c.charCodeAt(k - 1) !== 0x7684 && (k + 2 >= c.length || STATEMENT_END.has(c[k + 2]!))) return true;
  VALUE_PREDICATE.lastIndex = k;
  const pred = VALUE_PREDICATE.exec(c);
  if (pred && (k + pred[0].length >= c.length || STATEMENT_END.has(c[k + pred[0].length]!))) return true;
  return c.startsWith('目标', k) || c.startsWith('的目标', k) || c.startsWith('的水平', k) || c.startsWith('的比例', k);
}

interface NameSeg {
  s: number;
  e: number;
  text: string;
}

interface ValueRead {
  i: number;
  n1: NumberToken;
  unit: UnitMatch;
  value2?: number;
  values: ValueItem[];
  /** end of the value group (after unit, qualifier and list partners) */
  k: number;
}

/**
 * Stage 1 at one candidate number (the lexer's match m): the value group it starts, or undefined
 * when it is no quantity (a date, a code, an ordinal, a Chinese numeral that is a word). Moves
 * NUM.lastIndex past what it read.
 */
export function readValue(c: string, m: RegExpExecArray, NUM: RegExp): ValueRead | undefined {
  let i = m.index;
  let text = m[0];
  if (text[0] === '-' || text[0] === '－') {
    const p = c.charCodeAt(i - 1);
    if (isDigitCode(p) || isLatinCode(p) || RANGE_SEP_CODES.has(p)) {
      i++;
      text = text.slice(1);
    }
  }
  const resume = m.index + m[0].length;
  // a Chinese numeral is a value only before a measure word of counts (most are words: 统一, 一是)
  let limit = false;
  if (CN_FIRST.has(text.charCodeAt(0)) && text !== '一半' && text[1] !== '分') {
    if (!CN_NEXT.has(c.charCodeAt(resume))) return undefined;
    // only after a comparator or a plan verb (adjacent, or a comparator earlier in the clause), or
    // before a time limit (两个月内将报告报省政府)
    limit = chineseLimitAt(c, resume) || frequencyAfterVerb(c, m.index, resume);
    if (!limit && !findCmp(c, m.index) && !countVerbBefore(c, m.index) && !findCmpInside(c, clauseStart(c, m.index), m.index)) return undefined;
  }
  const prev = c.charCodeAt(i - 1); // NaN at the start
  if (isDigitCode(prev) || isLatinCode(prev) || NOT_BEFORE_NUMBER.has(prev)) return undefined;
  if (RANGE_SEP_CODES.has(prev) && isDigitCode(c.charCodeAt(i - 2))) return undefined;
  const n1 = numberOf(text, i);
  if (!n1) return undefined;
  const j = n1.end;
  // a duration after a comparator ("受教育年限达到11年") is a quantity; a year or date is not
  const years = !n1.percent && !n1.chinese && c.charCodeAt(j) === 0x5e74 /* 年 */ && isDuration(c, n1.text, j);
  if (!n1.percent && !years && isDateAfter(c, j)) return undefined;
  let u1: UnitMatch | undefined = years ? { unit: '年', end: j + 1, more: '' } : unitOf(c, n1);
  if (!u1 && LATIN.test(c[j] ?? '')) return undefined; // 4G, 3P
  if (n1.chinese && !limit && !(u1 && CN_COUNT_UNITS.has(u1.unit.replace(/^[十百千万亿]+/, '')))) return undefined;
  // a ratio needs no unit: 拆建比不大于2, 面积比值控制在0.6-0.8
  if (!u1 && !n1.chinese) {
    const rc = findCmp(c, i);
    if (rc && BOUNDING.has(rc.op) && RATIO_NAME.test(c.slice(Math.max(0, i - rc.text.length - 4), i - rc.text.length))) u1 = { unit: '', end: j, more: '' };
  }
  // range
  let value2: number | undefined;
  let unit: UnitMatch | undefined = u1;
  let afterValue = u1 ? u1.end : j;
  const sepAt = afterValue;
  if (!n1.chinese && RANGE_SEP_CODES.has(c.charCodeAt(sepAt)) && !(c[sepAt] === '—' && c[sepAt + 1] === '—')) {
    const n2 = readNumber(c, sepAt + 1);
    if (n2 && !n2.chinese) {
      if (!n2.percent && isDateAfter(c, n2.end)) {
        NUM.lastIndex = n2.end;
        return undefined;
      }
      const u2 = unitOf(c, n2) ?? (u1 && u1.unit === '' ? { unit: '', end: n2.end, more: '' } : undefined);
      if (!u1 && !u2) {
        NUM.lastIndex = n2.end;
        return undefined;
      }
      // 0.6-1万人: the magnitude written once, after the second number
      if (!u1 || !u1.unit || !u2 || u1.unit === u2.unit) {
        value2 = n2.value;
        unit = u2 ?? u1;
        afterValue = u2 ? u2.end : n2.end;
        NUM.lastIndex = afterValue;
      }
    }
  }
  if (!unit) return undefined;
  if (value2 === undefined) NUM.lastIndex = Math.max(resume, unit.end);
  // qualifier
  let k = afterValue;
  const qualifier = qualifierAt(c, k);
  const qualStart = k;
  if (qualifier) k += qualifier.length;
  // list of values: 4.2‰、5.3‰、9.5/10万以下; 3人或5人
  // 七成 = 70%
  const v1 = n1.chinese && c[n1.end] === '成' ? n1.value * 10 : n1.value;
  const values: ValueItem[] = [
    {
      v: v1,
      v2: value2,
      s: i,
      e: afterValue,
      unit: unit.unit,
      more: unit.more,
      qualifier,
      qs: qualifier ? qualStart : undefined,
      qe: qualifier ? k : undefined,
    },
  ];
  k = readListPartners(c, k, values);
  if (values.length > 1) NUM.lastIndex = k;
  // a trailing qualifier applies to every value of the list
  const lastQ = values[values.length - 1]!;
  if (lastQ.qualifier) for (const v of values) if (!v.qualifier) Object.assign(v, { qualifier: lastQ.qualifier, qs: lastQ.qs, qe: lastQ.qe });
  return { i, n1, unit, value2, values, k };
}

/**
 * Stage 2, the comparator of a value at i: the one written right before it (达到, 不低于, 提高到 …),
 * before a per-capita or time phrase (提高到每人每年79元, 达到2025年的…), or a bounding one earlier in
 * the clause with its object between (不低于编制总额85%), or 在 before a qualified value that closes the
 * statement (qualifiedEnd). cmpEnd = i when there is none.
 */
export function readComparator(c: string, i: number, qualifiedEnd = false): { cmp?: Cmp; cmpEnd: number } {
  let cmpEnd = i;
  let cmp: Cmp | undefined = findCmp(c, cmpEnd);
  const before = c.charCodeAt(i - 1);
  if (!cmp && PER_LAST.has(before)) {
    // "提高到每人每年 79 元": a per-capita phrase between comparator and number
    const pm = PER_BEFORE_NUMBER.exec(c.slice(Math.max(0, i - 8), i));
    const alt = pm ? findCmp(c, i - pm[0].length) : undefined;
    if (alt) {
      cmp = alt;
      cmpEnd = i - pm![0].length;
    }
  }
  const tb = !cmp && TIME_LAST.has(before) ? TIME_BEFORE_NUMBER.exec(c.slice(Math.max(0, i - 9), i)) : null;
  if (!cmp && tb) {
    const alt = findCmp(c, i - tb[0].length);
    if (alt) {
      cmp = alt;
      cmpEnd = i - tb[0].length;
    }
  }
  if (!cmp) {
    // "不低于编制总额85%": a bounding comparator with its object before the number
    const inside = findCmpInside(c, clauseStart(c, i), i);
    if (inside) return { cmp: inside.cmp, cmpEnd: inside.end };
  }
  // "年龄一般分别在50岁、45岁以下": 在 before a value that closes with a qualifier is a comparator
  if (!cmp && qualifiedEnd && c[i - 1] === '在') return { cmp: { text: '在', op: 'eq' }, cmpEnd: i };
  return { cmp, cmpEnd };
}

interface NamesRead {
  /** the name, and the names of a 、-list before it */
  names: NameSeg[];
  /** the cleaned segment before the comparator (may be empty or a filler) */
  first: { s: number; e: number };
  fillerOnly: boolean;
  segStart: number;
}

/** Stage 2, the name: the governing noun phrase before the comparator at cmpStart, with its 、-list. */
export function readNames(c: string, cmpStart: number): NamesRead {
  let nameEnd = cmpStart;
  const beforeCmp = c.slice(Math.max(0, nameEnd - 2), nameEnd);
  if (beforeCmp.endsWith('分别')) nameEnd -= 2;
  const segStart = clauseStart(c, nameEnd);
  const cut = cutBase(c, segStart, nameEnd);
  const nameFrom = afterGluedTitle(c, segStart, cut);
  const first = cleanName(c, nameFrom, cut);
  const names: NameSeg[] = [];
  // "2022年确保达到1300万吨": only fillers before the comparator, the subject is the one before
  const fillerOnly = first.e > first.s && FILLER_ONLY.test(c.slice(first.s, first.e));
  if (!fillerOnly && nameOk(c, first.s, first.e)) names.push({ s: first.s, e: first.e, text: c.slice(first.s, first.e) });
  // 、-list of names before this one: "感染者和病人抗病毒治疗率、病毒抑制率达到90%以上"; never
  // across a heading (二、…) glued before the name
  let b = segStart - 1;
  while (nameFrom === segStart && names.length > 0 && names.length < 8 && c[b] === '、') {
    const s0 = clauseStart(c, b);
    const raw = c.slice(s0, b);
    if (raw.length === 0 || VALUE_AT_END.test(raw) || HEADING_NUMERAL.test(raw)) break;
    const cl = cleanName(c, s0, b);
    if (cl.e <= cl.s) break;
    names.unshift({ s: cl.s, e: cl.e, text: c.slice(cl.s, cl.e) });
    b = s0 - 1;
  }
  return { names, first, fillerOnly, segStart };
}

type Emit = (name: string, ns: number, ne: number, v: ValueItem) => void;
type Entities = { sentence: number; parts: string[] } | undefined;

/**
 * Names paired with values: a 、-list of names with a 分别-list of values (entity lists carry their
 * metric: “A、B医院…占比分别…”), one name for several values, several rates for one value, or one
 * name whose short leading parts belong to it (二、三级医院平均住院日). Returns the entity list for
 * the next 分别 list of the sentence.
 */
export function pairNames(names: NameSeg[], values: ValueItem[], emit: Emit, sentIdx: number, lastEntities: Entities, c: string): Entities {
  if (values.length > 1 && names.length === values.length) {
    // 分别: pair names with values
    const lastName = names[names.length - 1]!.text;
    const allMetric = names.every((n) => isMetricName(n.text));
    const tail = allMetric ? '' : metricTail(lastName);
    const prefix = PER_CAPITA_PREFIX.exec(names[0]!.text)?.[0] ?? '';
    const entities: string[] = [];
    names.forEach((n, idx) => {
      let nm = n.text;
      if (tail && idx < names.length - 1 && !isMetricName(nm)) nm += tail;
      if (prefix && idx > 0 && !PER_CAPITA_PREFIX.test(nm)) nm = prefix + nm;
      entities.push(idx === names.length - 1 && tail ? lastName.slice(0, lastName.length - tail.length) : n.text);
      emit(nm, n.s, n.e, values[idx]!);
    });
    if (tail) return { sentence: sentIdx, parts: entities };
  } else if (values.length > 1) {
    const only = names[names.length - 1]!;
    const carry = lastEntities && lastEntities.sentence === sentIdx && lastEntities.parts.length === values.length ? lastEntities.parts : undefined;
    values.forEach((v, idx) => emit(carry ? carry[idx] + only.text : only.text, only.s, only.e, v));
  } else if (names.length > 1 && names.every((n) => isMetricName(n.text))) {
    for (const n of names) emit(n.text, n.s, n.e, values[0]!);
  } else {
    // "二、三级医院平均住院日": short leading parts belong to the name; long ones are other items, unless
    // 等 closes them as examples of the head noun after it (人工智能、养生保健等老年教育课程)
    const examples = EXAMPLES_OF.test(names[names.length - 1]!.text);
    while (!examples && names.length > 1 && names[names.length - 2]!.e - names[names.length - 2]!.s > 4) names.splice(0, names.length - 1);
    const s0 = names[0]!.s;
    const e0 = names[names.length - 1]!.e;
    emit(c.slice(s0, e0), s0, e0, values[0]!);
  }
  return lastEntities;
}

/** 等 closing a list of examples before its head noun (…、村跑等全民健身赛事活动); not 高等, 平等, 中等, 等级, 等于 */
const EXAMPLES_OF = /(?<![高平同对均中初上下次])等(?![级次于同待候])[\u4e00-\u9fff]{2}/;

/**
 * The verb that governs a counted object as its comparator as written (再培养, 新建, 关闭): a count of
 * things made is an increase, of things closed a decrease.
 */
export function verbComparator(c: string, verb: { start: number; text: string }): { cmp: Cmp; cmpStart: number; cmpEnd: number } {
  const again = c[verb.start - 1] === '再' ? 1 : 0;
  const cmpEnd = verb.start + verb.text.length;
  const op: OpClass = CLOSING_VERB.test(verb.text) ? 'decrease' : 'increase';
  return { cmp: { text: c.slice(verb.start - again, cmpEnd), op }, cmpStart: verb.start - again, cmpEnd };
}

/**
 * The comparator of a value as read, or undefined when the value is no statement: Chinese numerals are
 * values only after a comparator or a plan verb (只能有一条, 减少一半; 一个 after a verb is an article:
 * 建成一个现代化新广东) or before a time limit (两个月内…); 一半 after a verb is a share of what it acts
 * on (整合退出一半, 清偿一半以上), not an increase by half.
 */
export function chineseComparator(
  c: string,
  read: { i: number; n1: { text: string; value: number; chinese?: boolean }; unit: { unit: string }; values: ValueItem[] },
  found: { cmp?: Cmp; cmpEnd: number },
  closes: boolean,
  verb: { start: number } | undefined,
): { cmp?: Cmp; cmpEnd: number; frequency?: boolean } | undefined {
  const { i, n1 } = read;
  let { cmp, cmpEnd } = found;
  const half = n1.text === '一半' && !cmp && closes ? (compoundVerbBefore(c, i) ?? verbOfHalf(c, i)) : undefined;
  // 督导一次, 召开两次: a frequency after the verb it counts
  const often = !half && !cmp && closes && n1.chinese && read.unit.unit === '次' && !quoted(c, i, read.values[0]!.e) ? verbOfHalf(c, i) : undefined;
  if (half ?? often) {
    ({ cmp, cmpEnd } = verbComparator(c, (half ?? often)!));
    if (cmp.op === 'increase') cmp = { text: cmp.text, op: 'eq' };
  }
  // 一名 after a verb counts a person (确定一名联络员), where 一个 is an article (建成一个现代化新广东)
  if (
    n1.chinese &&
    !(cmp && closes) &&
    !(verb && (n1.value >= 2 || read.unit.unit === '名')) &&
    (closes || timeLimitEnd(c, read.unit.unit, read.values[0]!.e) < 0)
  )
    return undefined;
  // the verb of a frequency is what is done that often: it belongs to the name (实地督导|一次)
  return often ? { cmp, cmpEnd, frequency: true } : { cmp, cmpEnd };
}

/** 督导一次。/ 召开两次，: a Chinese numeral counting how often the verb right before it is done. */
function frequencyAfterVerb(c: string, i: number, end: number): boolean {
  // 只报一次, 仅跑一次: a principle of a reform (data reported once), not a schedule
  const only = /[只仅]/.test(c.slice(Math.max(0, i - 3), i));
  return !only && c[end] === '次' && (end + 1 >= c.length || STATEMENT_END.has(c[end + 1]!)) && verbOfHalf(c, i) !== undefined;
}
