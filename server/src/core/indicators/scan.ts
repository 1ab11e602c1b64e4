/**
 * Sentence-level extraction of quantitative statements from one paragraph of joined text, in three
 * stages over one coordinate system (the compact text: white space removed, with an index map back,
 * so PDF spacing such as "达到 90%以上", "2021 年", "提 高 到" reads like clean text):
 *
 * 1. ./lexer.ts reads each value: number, magnitude, unit, range partner, qualifier, list partners;
 * 2. ./reader.ts reads the comparator that governs it and the name (the governing noun phrase before
 *    it, or the counted object / share subject after it), 、-lists of names and 分别-lists of values;
 * 3. ./classify.ts tells target, achieved and parameter apart and reads the deadline.
 *
 * A value is a statement when it closes a clause (a number followed by a noun is part of a name:
 * "5岁以下儿童", "24 小时发热门诊"), or when a plan verb or a share governs the noun after it. Records
 * are mapped back to the paragraph's own offsets once, at the end. One pass, bounded look-behind:
 * linear in the paragraph length; no state outside the call.
 */
import type { IndicatorKind } from '../model.js';
import {
  COUNT_OBJECT_UNITS,
  isMetricName,
  NEEDS_COMPARATOR,
  PER_CAPITA_PREFIX,
  STATEMENT_END,
  type OpClass,
} from './lexicon.js';
import {
  compact,
  isDigitCode,
  isLatinCode,
  numberOf,
  NUM_RE,
  ARABIC_NUM_RE,
  qualifierAt,
  RANGE_SEP_CODES,
  readListPartners,
  readNumber,
  unitOf,
  type UnitMatch,
  type ValueItem,
} from './lexer.js';
import {
  afterGluedTitle,
  clauseStart,
  cleanName,
  COORDINATORS,
  countVerbBefore,
  cutBase,
  findCmp,
  findCmpInside,
  ISDIGIT,
  metricTail,
  nameOk,
  shareSubject,
  type Cmp,
} from './reader.js';
import { cueEvents, sentenceCue, shapeKind, type CueEvent } from './classify.js';

export { resolveOp } from './classify.js';

/** A quantitative statement found in a paragraph; indices are into the scanned text. */
export interface RawQuantity {
  /** statement span: name start (or value start when nameless) to the end of value/qualifier */
  start: number;
  end: number;
  /** the name as read (may be composed for lists: "执业（助理）医师数"); "" when none */
  name: string;
  nameStart: number;
  nameEnd: number;
  comparator: string;
  comparatorStart: number;
  comparatorEnd: number;
  opClass: OpClass | 'range';
  value: number;
  value2?: number;
  /** number (and unit) as written */
  valueStart: number;
  valueEnd: number;
  unit: string;
  qualifier?: string;
  qualifierStart?: number;
  qualifierEnd?: number;
  /** deadline or time reference as written (compact): 年内, 2021年底, 6月底前, 到2025年 */
  deadline?: string;
  deadlineYear?: number;
  /** kind from the sentence's own wording, when it says */
  cue?: IndicatorKind;
  /** index of the sentence within the paragraph; statements of one list share `group` */
  sentence: number;
  /** index of the full sentence (。！？, not ；) within the paragraph */
  period: number;
  group: number;
  /** a share whose subject follows the value ("94%的疑难危重疾病……"): a part of a whole */
  share?: boolean;
}

export interface ScanOptions {
  /** the plan's own year: earlier years are the past, this and later ones the future */
  planYear?: number;
  /**
   * A scratch buffer for the index map of the compact text, reused when it is long enough (the
   * caller owns it, e.g. per analysis session; scanText keeps no state of its own)
   */
  buffer?: Int32Array;
}

const PER_BEFORE_NUMBER = /(?:每人每年|每人|人均|每年|每[十百千万]人口)$/;
const TIME_BEFORE_NUMBER = /(?:(?:19|20)[0-9]{2}年(?:底|末)?|上年|去年)的?$/;
/** a clause that ends in a value is a statement of its own, not a name in a list */
const VALUE_AT_END = /[0-9０-９](?:[%‰％]|[\u4e00-\u9fa5]{0,3})(?:以上|以下|左右|以内)?$/;
const LATIN = /[A-Za-z]/;
const SENTENCE_END_RE = /[。；;！!？?\n]/g;
/** Paragraphs worth scanning: a digit, 百分之/千分之, or a Chinese numeral with a measure word (一半 too). */
const HAS_CHINESE_VALUE = /[一二两三四五六七八九十百千万亿][个条次名项家所座处台套人户成倍番半]/;
/** Before a number these make it an ordinal, a code or part of another token: 第3, P2, 4G/5G, 10:1, 〔2021〕 */
const NOT_BEFORE_NUMBER = new Set(['第', '/', ':', '：', '.', '〔', '[', '×', '+', '＋'].map((x) => x.charCodeAt(0)));
const PER_LAST = new Set(['年', '人', '均', '口'].map((x) => x.charCodeAt(0)));
const TIME_LAST = new Set(['的', '年', '底', '末'].map((x) => x.charCodeAt(0)));
/** First characters after a number that may make it a date or ordinal (checked by DATE_AFTER). */
const DATE_FIRST = new Set(['年', '月', '日', '号', '时', '点', '周', '届', '期', '级', '代', '批', '季'].map((x) => x.charCodeAt(0)));
const DATE_AFTER = /^(?:年|月|日|号|时|点|周年|届|期|级|代|批|季度|期间)/;
/** Words before a count whose subject follows it. */
const YEAR_NOT_DURATION = new Set(['底', '末', '内', '度', '前', '初', '级', '代', '以', '来', '中', '年']);
/** Ratios stated without a unit: 拆建比不大于2, 面积比值控制在0.6-0.8. */
const RATIO_NAME = /(?:(?<!占)比|比值|系数|倍数)$/;
/** Measure words a Chinese numeral may count (not grades or kinds: 二类水质, 两位数, 一期工程) */
const CN_FIRST = new Set([...'一二两三四五六七八九十'].map((x) => x.charCodeAt(0)));
const CN_NEXT = new Set([...'个条次名项家所座处台套人户倍番成辆艘件张支'].map((x) => x.charCodeAt(0)));
const CN_COUNT_UNITS = new Set(['个', '条', '次', '名', '项', '家', '所', '座', '处', '台', '套', '人', '户', '倍', '番', '%', '辆', '艘', '件', '张', '支', '人次', '个百分点']);
/** Verbs that open the clause before an elliptical statement's metric: 提升城乡生活垃圾焚烧处理率，2025年达到85%. */
const CLAUSE_VERB = /^(?:进一步)?(?:提升|提高|推进|加快|实现|强化|扩大|降低|保持|稳定|控制|压减|减少|增加|推动)/;
/** "二" before "、": a heading's numbering token, not a list member */
const HEADING_NUMERAL = /^[一二三四五六七八九十]{1,3}$/;
/** A predicate that completes a value: 水质100%达标, 覆盖率100%覆盖. */
const VALUE_PREDICATE = /达标|覆盖|全覆盖|完成|到位|落实|合格|通过|实现/y;
/** A clause head that is only a time: 2025年达到85%以上 */
const TIME_ONLY = /^(?:到|至|在)?(?:(?:19|20)[0-9]{2}年(?:年?底|末)?(?:前)?|年内|年底前|今年|明年)$/;
const MILESTONE = /新台阶|大关|关口/y;
const APPLIED = /安排|执行|计算|掌握|确定|发放|征收|核定/y;
/** Names made only of fillers, subjects and cue words: no name of their own */
const FILLER_ONLY = /^(?:确保|力争|争取|努力|预计|计划|全省|全市|全县|全区|全国|其中|累计|共|均|同时|年内|全年|再)+$/;
/** Verbs that take things away: their counts are decreases */
const CLOSING_VERB = /关闭|关停|淘汰|退出|整合|转移|压减|化解/;
const BOUNDING = new Set<OpClass>(['ge', 'le', 'gt', 'lt', 'reach', 'lower']);

/** Units whose count a plan verb may govern with its object after it: 个, 家, 亿亩, 万千瓦, 万元. */
function governsObject(unit: string): boolean {
  let k = 0;
  while (k < unit.length && '十百千万亿'.includes(unit[k]!)) k++;
  return COUNT_OBJECT_UNITS.has(unit.slice(k)) || (k > 0 && k === unit.length);
}

function isDateAfter(c: string, j: number): boolean {
  return DATE_FIRST.has(c.charCodeAt(j)) && DATE_AFTER.test(c.slice(j, j + 2));
}

/** "达到11年" (a duration after a comparator), not "2021年", "3年内", "10年以来". */
function isDuration(c: string, num: string, j: number): boolean {
  if (num.length > 4 || Number(num.replace(/[．]/g, '.')) >= 100) return false;
  if (YEAR_NOT_DURATION.has(c[j + 1] ?? '') && !c.startsWith('以上', j + 1) && !c.startsWith('以下', j + 1)) return false;
  return findCmp(c, j - num.length) !== undefined;
}

function closesStatement(c: string, k: number, unit: string): boolean {
  if (k >= c.length) return true;
  const ch = c[k]!;
  if (STATEMENT_END.has(ch)) return true;
  if ((ch === '和' || ch === '或') && ISDIGIT.test(c[k + 1] ?? '')) return true;
  // a period as an adverbial: 集中2-3个月时间, 安排1-2个月时间开展…
  if ((unit.endsWith('月') || unit === '天' || unit === '年' || unit === '小时') && c.startsWith('时间', k)) return true;
  // a milestone: 跃上1.4万亿斤新台阶, 突破1万亿元大关
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

export function scanText(t: string, options: ScanOptions = {}): RawQuantity[] {
  const out: RawQuantity[] = [];
  const chinese = HAS_CHINESE_VALUE.test(t);
  if (!chinese && !ISDIGIT.test(t) && !t.includes('分之')) return out;
  const { c, map, shift } = compact(t, options.buffer);
  const planYear = options.planYear;
  // sentence ids
  const sentStarts: number[] = [0];
  /** full sentences (。！？): a deadline or cue word scopes over the ；-clauses that follow it */
  const periodStarts: number[] = [0];
  SENTENCE_END_RE.lastIndex = 0;
  let se: RegExpExecArray | null;
  while ((se = SENTENCE_END_RE.exec(c))) {
    sentStarts.push(se.index + 1);
    if (se[0] !== '；' && se[0] !== ';') periodStarts.push(se.index + 1);
  }
  let periodIdx = 0;
  let events: CueEvent[] | undefined;
  let sentIdx = 0;
  let group = 0;
  /** entity parts of the last 分别 list in the current sentence, for carry-over */
  let lastEntities: { sentence: number; parts: string[] } | undefined;
  let prevInSentence: { sentence: number; period: number; name: string; nameStart: number; nameEnd: number } | undefined;
  /** end of the last counted object governed by a plan verb (建成100个示范乡镇|和1000个示范村) */
  let lastObjectEnd = -1;
  let lastObjectVerb: { start: number; text: string } | undefined;

  const toT = (ci: number): number => (map ? map[Math.min(ci, c.length)]! : Math.min(ci, c.length) + shift);
  const endT = (ce: number): number => (ce <= 0 ? shift : map ? map[ce - 1]! + 1 : ce + shift);

  // the candidates: Chinese numerals only where one stands before a measure word
  const NUM = chinese ? NUM_RE : ARABIC_NUM_RE;
  NUM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUM.exec(c))) {
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
    if (CN_FIRST.has(text.charCodeAt(0)) && text !== '一半') {
      if (!CN_NEXT.has(c.charCodeAt(resume))) continue;
      // only after a comparator or a plan verb (adjacent, or a comparator earlier in the clause)
      if (!findCmp(c, m.index) && !countVerbBefore(c, m.index) && !findCmpInside(c, clauseStart(c, m.index), m.index)) continue;
    }
    const prev = c.charCodeAt(i - 1); // NaN at the start
    if (isDigitCode(prev) || isLatinCode(prev) || NOT_BEFORE_NUMBER.has(prev)) continue;
    if (RANGE_SEP_CODES.has(prev) && isDigitCode(c.charCodeAt(i - 2))) continue;
    const n1 = numberOf(text, i);
    if (!n1) continue;
    const j = n1.end;
    // a duration after a comparator ("受教育年限达到11年") is a quantity; a year or date is not
    const years = !n1.percent && !n1.chinese && c.charCodeAt(j) === 0x5e74 /* 年 */ && isDuration(c, n1.text, j);
    if (!n1.percent && !years && isDateAfter(c, j)) continue;
    let u1: UnitMatch | undefined = years ? { unit: '年', end: j + 1, more: '' } : unitOf(c, n1);
    if (!u1 && LATIN.test(c[j] ?? '')) continue; // 4G, 3P
    if (n1.chinese && !(u1 && CN_COUNT_UNITS.has(u1.unit.replace(/^[十百千万亿]+/, '')))) continue;
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
          continue;
        }
        const u2 = unitOf(c, n2) ?? (u1 && u1.unit === '' ? { unit: '', end: n2.end, more: '' } : undefined);
        if (!u1 && !u2) {
          NUM.lastIndex = n2.end;
          continue;
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
    if (!unit) continue;
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
      { v: v1, v2: value2, s: i, e: afterValue, unit: unit.unit, more: unit.more, qualifier, qs: qualifier ? qualStart : undefined, qe: qualifier ? k : undefined },
    ];
    k = readListPartners(c, k, values);
    if (values.length > 1) NUM.lastIndex = k;
    // a trailing qualifier applies to every value of the list
    const lastQ = values[values.length - 1]!;
    if (lastQ.qualifier) for (const v of values) if (!v.qualifier) Object.assign(v, { qualifier: lastQ.qualifier, qs: lastQ.qs, qe: lastQ.qe });

    // comparator
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
    // a plan verb governing a counted object: 建成5000个示范村, 推动超9000家企业, 和1000个示范村
    const counted = governsObject(unit.unit);
    let verb = counted && value2 === undefined ? countVerbBefore(c, i) : undefined;
    // 每培育1家…给予补助: a distributive rule, not a count
    if (verb && c[verb.start - 1] === '每') verb = undefined;
    if (!verb && counted && COORDINATORS.has(before) && lastObjectEnd === i - 1) verb = lastObjectVerb;
    const closes = closesStatement(c, k, unit.unit);
    if (!cmp && !closes) {
      // "不低于编制总额85%": a bounding comparator with its object before the number
      const seg0 = clauseStart(c, i);
      const found = findCmpInside(c, seg0, i);
      if (found) {
        cmp = found.cmp;
        cmpEnd = found.end;
      }
    } else if (!cmp && closes) {
      const seg0 = clauseStart(c, i);
      const found = findCmpInside(c, seg0, i);
      if (found) {
        cmp = found.cmp;
        cmpEnd = found.end;
      }
    }
    // Chinese numerals are values only after a comparator or a plan verb (只能有一条, 减少一半)
    // (一个 after a verb is an article: 建成一个现代化新广东)
    if (n1.chinese && !(cmp && closes) && !(verb && n1.value >= 2)) continue;
    // "年龄一般分别在50岁、45岁以下": 在 with a qualified value is a comparator
    if (!cmp && closes && c[i - 1] === '在' && values[values.length - 1]!.qualifier) {
      cmp = { text: '在', op: 'eq' };
      cmpEnd = i;
    }
    let cmpStart = cmp ? cmpEnd - cmp.text.length : i;
    if (!cmp) cmpEnd = i;
    if (NEEDS_COMPARATOR.has(unit.unit) && !cmp) continue;

    // "40%左右的县（市）……达到优良标准", "94%的疑难危重疾病在省内得到救治": a share whose
    // subject follows the value; "再有30所县级医院晋升三级医疗机构", "建成5000个示范村": a count whose
    // object follows it
    let share: { s: number; e: number } | undefined;
    let shareIsCount = false;
    if (!closes) {
      if (i > 0 && values.length === 1 && value2 === undefined && (unit.unit === '%' || unit.unit === '‰')) share = shareSubject(c, k);
      else if (values.length === 1 && (verb || (cmp && cmpEnd === i && counted))) {
        // a counted object may carry a threshold of its own: 至少有1名35岁以下的年轻干部
        share = shareSubject(c, k, 2, true);
        shareIsCount = true;
      }
      if (!share) continue;
    }

    // sentence
    while (sentIdx + 1 < sentStarts.length && sentStarts[sentIdx + 1]! <= i) sentIdx++;
    while (periodIdx + 1 < periodStarts.length && periodStarts[periodIdx + 1]! <= i) periodIdx++;
    const periodStart = periodStarts[periodIdx]!;

    // names
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

    events ??= cueEvents(c, planYear);
    // the comparator's own wording counts (达到了, 延长): the lookup ends after it
    const cue = sentenceCue(events, periodStart, share ? share.e : cmp ? cmpEnd : cmpStart);
    const deadline = cue.deadline;
    if (shareIsCount && !cmp && verb) {
      // the verb that governs a counted object is its comparator as written (再培养, 新建, 关闭): a
      // count of things made is an increase, of things closed a decrease
      const again = c[verb.start - 1] === '再' ? 1 : 0;
      cmp = { text: c.slice(verb.start - again, verb.start + verb.text.length), op: CLOSING_VERB.test(verb.text) ? 'decrease' : 'increase' };
      cmpStart = verb.start - again;
      cmpEnd = verb.start + verb.text.length;
    }
    const opClass: OpClass | 'range' = value2 !== undefined ? 'range' : cmp ? cmp.op : 'eq';
    const comparator = cmp ? cmp.text : '';
    const g = group++;
    const after = c.slice(k, k + 2);

    const emit = (name: string, ns: number, ne: number, v: ValueItem): void => {
      const startC = ne > ns ? Math.min(ns, v.s) : v.s;
      const endC = Math.max(v.qe ?? v.e, ne);
      const vOp: OpClass | 'range' = v.v2 !== undefined ? 'range' : v.more && opClass === 'eq' ? 'gt' : opClass;
      const kind: IndicatorKind | undefined = shapeKind(v.unit, vOp, name, after) ?? cue.kind;
      out.push({
        start: toT(startC),
        end: endT(endC),
        name,
        nameStart: ne > ns ? toT(ns) : toT(v.s),
        nameEnd: ne > ns ? endT(ne) : toT(v.s),
        comparator,
        comparatorStart: toT(cmpStart),
        comparatorEnd: cmp ? endT(cmpEnd) : toT(cmpStart),
        opClass: vOp,
        value: v.v,
        value2: v.v2,
        valueStart: toT(v.s),
        valueEnd: endT(v.e),
        unit: v.unit,
        qualifier: v.qualifier ?? (v.more || undefined),
        qualifierStart: v.qs !== undefined ? toT(v.qs) : undefined,
        qualifierEnd: v.qe !== undefined ? endT(v.qe) : undefined,
        deadline: deadline?.text,
        deadlineYear: deadline?.year,
        cue: kind,
        sentence: sentIdx,
        period: periodIdx,
        group: g,
      });
    };

    if (share) {
      const nm = c.slice(share.s, share.e);
      emit(nm, share.s, share.e, values[0]!);
      const last = out[out.length - 1]!;
      // a percentage share is a part of a whole; a count ("再有30所…") is not
      if (unit.unit === '%' || unit.unit === '‰') last.share = true;
      // the statement as written starts at its comparator or verb ("再有30所县级医院……")
      const lead = cmp && cmpStart < i ? cmpStart : verb && verb.start < i ? verb.start : -1;
      if (lead >= 0) last.start = toT(lead);
      prevInSentence = { sentence: sentIdx, period: periodIdx, name: nm, nameStart: share.s, nameEnd: share.e };
      if (shareIsCount) {
        lastObjectEnd = share.e;
        lastObjectVerb = verb ?? (cmp ? { start: cmpStart, text: cmp.text } : undefined);
      }
      continue;
    }

    if (names.length === 0) {
      // elliptical subject: "经费达到74元，比2015年增加34元" (nothing but a base clause before the verb)
      const carried = prevInSentence && (prevInSentence.sentence === sentIdx || (fillerOnly && prevInSentence.period === periodIdx));
      if ((first.e <= first.s || fillerOnly) && prevInSentence && carried && values.length === 1) {
        emit(prevInSentence.name, -1, -1, values[0]!);
      } else if ((first.e <= first.s || TIME_ONLY.test(c.slice(first.s, first.e))) && values.length === 1 && c[segStart - 1] === '，') {
        // the metric named by the clause before: "提升城乡生活垃圾焚烧处理率，2025年达到85%以上"
        const ps = clauseStart(c, segStart - 1);
        let pn = cleanName(c, ps, segStart - 1);
        const lead = CLAUSE_VERB.exec(c.slice(pn.s, pn.e));
        if (lead) pn = { s: pn.s + lead[0].length, e: pn.e };
        if (lead && isMetricName(c.slice(pn.s, pn.e)) && nameOk(c, pn.s, pn.e)) emit(c.slice(pn.s, pn.e), pn.s, pn.e, values[0]!);
        else emit('', -1, -1, values[0]!);
      } else {
        for (const v of values) emit('', -1, -1, v);
      }
      continue;
    }

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
      if (tail) lastEntities = { sentence: sentIdx, parts: entities };
    } else if (values.length > 1) {
      const only = names[names.length - 1]!;
      const carry = lastEntities && lastEntities.sentence === sentIdx && lastEntities.parts.length === values.length ? lastEntities.parts : undefined;
      values.forEach((v, idx) => emit(carry ? carry[idx] + only.text : only.text, only.s, only.e, v));
    } else if (names.length > 1 && names.every((n) => isMetricName(n.text))) {
      for (const n of names) emit(n.text, n.s, n.e, values[0]!);
    } else {
      // "二、三级医院平均住院日": short leading parts belong to the name; long ones are other items
      while (names.length > 1 && names[names.length - 2]!.e - names[names.length - 2]!.s > 4) names.splice(0, names.length - 1);
      const s0 = names[0]!.s;
      const e0 = names[names.length - 1]!.e;
      emit(c.slice(s0, e0), s0, e0, values[0]!);
    }
    const lastN = names[names.length - 1]!;
    prevInSentence = { sentence: sentIdx, period: periodIdx, name: values.length > 1 ? lastN.text : out[out.length - 1]!.name, nameStart: lastN.s, nameEnd: lastN.e };
  }
  return out;
}
