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
import { lastAtOrBefore } from '../text.js';
import { carryBodies, markCompositions } from './composition.js';
import { isMetricName, NEEDS_COMPARATOR, POLICY_INSTRUMENT, SAMPLING_VERB, type OpClass } from './lexicon.js';
import { compact, durationOfPolicy, NUM_RE, ARABIC_NUM_RE, type ValueItem } from './lexer.js';
import { attributiveVerb, CLASS, clauseStart, cleanName, COORDINATORS, countVerbBefore, ISDIGIT, nameOk, WHOLE_JURISDICTION, type Cmp } from './reader.js';
import { madeUpOf, verbAsComparator } from './verbs.js';
import { objectAfter, spentOn } from './after.js';
import { scanAllOrNone, type AllOrNone } from './allornone.js';
import { assignedProvision, cueEvents, normKind, permits, sentenceCue, shapeKind, type CueEvent, type SentenceCue } from './classify.js';

import {
  chineseComparator,
  sentenceBounds,
  HAS_CHINESE_VALUE,
  CLAUSE_VERB,
  TIME_ONLY,
  governsObject,
  closesStatement,
  readValue,
  readComparator,
  readNames,
  pairNames,
} from './statement.js';

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
  /**
   * In plan language a parameter, not a target: a value of an instrument of policy (税率, 财政支出), a
   * sampling quota (至少抽查2个县) or a part of a whole (占40%…占60%); in a review it stays achieved
   */
  norm?: boolean;
  /** index of the sentence within the paragraph; statements of one list share `group` */
  sentence: number;
  /** index of the full sentence (。！？, not ；) within the paragraph */
  period: number;
  group: number;
  /** a share whose subject follows the value ("94%的疑难危重疾病……"): a part of a whole */
  share?: boolean;
  /** the body that sets up the post this names (领导小组设组长1人: 领导小组), for the posts after it */
  body?: string;
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

interface Named {
  sentence: number;
  period: number;
  name: string;
  nameStart: number;
  nameEnd: number;
  /** the names of a list paired with its values (A、B分别新认定60家和30家) */
  list?: string[];
}

/**
 * A statement with no name of its own: the subject of the sentence before it ("经费达到74元，比2015年
 * 增加34元"; "2022年确保达到1300万吨" after a ；), the metric of the clause before ("提升…处理率，
 * 2025年达到85%以上"), or no name.
 */
function emitNameless(
  c: string,
  values: ValueItem[],
  emit: (name: string, ns: number, ne: number, v: ValueItem) => void,
  at: {
    first: { s: number; e: number };
    fillerOnly: boolean;
    segStart: number;
    prev?: Named;
    sentIdx: number;
    periodIdx: number;
  },
): void {
  const { first, fillerOnly, segStart, prev, sentIdx, periodIdx } = at;
  // elliptical subject: "经费达到74元，比2015年增加34元" (nothing but a base clause before the verb)
  const carried = prev && (prev.sentence === sentIdx || (fillerOnly && prev.period === periodIdx));
  if ((first.e <= first.s || fillerOnly) && prev && carried && values.length === 1) {
    emit(prev.name, -1, -1, values[0]!);
  } else if ((first.e <= first.s || fillerOnly) && carried && prev.list?.length === values.length) {
    // "A、B分别新认定60家和30家，累计分别达到1016家和591家": the list pairs again
    values.forEach((v, idx) => emit(prev.list![idx]!, -1, -1, v));
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
}

/** What the values of one statement share: comparator, relation, cues, sentence and list group. */
interface Statement {
  /** a sampling quota (the governing verb inspects) */
  norm?: boolean;
  comparator: string;
  cmpStart: number;
  cmpEnd: number;
  hasCmp: boolean;
  opClass: OpClass | 'range';
  cue: SentenceCue;
  /** the comparator is the verb that opens the name (新增|电力装机1800万千瓦) */
  opened?: boolean;
  /** two characters after the value group (…个月时间) */
  after: string;
  sentIdx: number;
  periodIdx: number;
  group: number;
}

/**
 * A sentence adverb inside a name is no part of it: 联席会议原则上每年召开1次 names 联席会议每年召开
 * (the frequency's name reads up to its verb, past the adverb between subject and predicate).
 */
const INNER_ADVERB = /原则上/g;
function withoutAdverbs(name: string): string {
  if (!name.includes('原则上')) return name;
  const n = name.replace(INNER_ADVERB, '');
  return n.length >= 2 ? n : name;
}

/** One value of a statement as a record in the paragraph's own offsets (toT/endT map them back). */
function record(st: Statement, name: string, ns: number, ne: number, v: ValueItem, toT: (ci: number) => number, endT: (ce: number) => number): RawQuantity {
  // the statement as written starts at the verb that opens it (新增|电力装机1800万千瓦)
  // and one without a name of its own (its name carried from before) at its comparator (同比增长12%)
  const startC = st.opened ? st.cmpStart : ne > ns ? Math.min(ns, v.s) : st.hasCmp ? Math.min(st.cmpStart, v.s) : v.s;
  const endC = Math.max(v.qe ?? v.e, ne);
  const vOp: OpClass | 'range' = v.v2 !== undefined ? 'range' : v.more && st.opClass === 'eq' ? 'gt' : st.opClass;
  const kind: IndicatorKind | undefined = shapeKind(v.unit, vOp, name, st.after) ?? st.cue.kind;
  const deadline = st.cue.deadline;
  const made = kind === 'parameter' ? madeUpOf(name) : undefined;
  return {
    start: toT(startC),
    end: endT(endC),
    name: withoutAdverbs(made ? made.post : name),
    body: made?.body,
    nameStart: ne > ns ? toT(ns) : toT(v.s),
    nameEnd: ne > ns ? endT(ne) : toT(v.s),
    comparator: st.comparator,
    comparatorStart: toT(st.cmpStart),
    comparatorEnd: st.hasCmp ? endT(st.cmpEnd) : toT(st.cmpStart),
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
    norm: st.norm === true || POLICY_INSTRUMENT.test(name) || undefined,
    sentence: st.sentIdx,
    period: st.periodIdx,
    group: st.group,
  };
}

/** The subject a later nameless statement of the sentence takes: the last name (as emitted, when one value). */
function lastNamed(names: { s: number; e: number; text: string }[], values: number, emitted: string | undefined, sentence: number, period: number): Named {
  const lastN = names[names.length - 1]!;
  const list = values > 1 && names.length === values ? names.map((n) => n.text) : undefined;
  return { sentence, period, name: emitted ?? lastN.text, nameStart: lastN.s, nameEnd: lastN.e, list };
}

/**
 * The plan verb that governs a counted object at the value (建成5000个示范村, 推动超9000家企业,
 * 关闭3万吨/年及以下8处煤矿), or the verb of the count before it (建成100个示范乡镇和|1000个示范村: `prior`).
 */
function governingVerb(
  c: string,
  read: { i: number; n1: { chinese?: boolean }; value2?: number },
  counted: boolean,
  prior: { start: number; text: string } | undefined,
): { start: number; text: string; designated?: boolean } | undefined {
  const { i } = read;
  // 完成全省1000所学校周边道路…治理: the whole jurisdiction (全省, 我市) between the verb and its count
  const at = WHOLE_JURISDICTION.test(c.slice(Math.max(0, i - 2), i)) ? i - 2 : i;
  const near = counted && read.value2 === undefined ? countVerbBefore(c, at) : undefined;
  // 布局建设10家概念验证中心: the compound verb as written
  const outer = near ? countVerbBefore(c, near.start) : undefined;
  const joined = near && outer && outer.start + outer.text.length === near.start ? { start: outer.start, text: outer.text + near.text } : near;
  const verb = joined ?? (counted && read.value2 === undefined && !read.n1.chinese ? attributiveVerb(c, i) : undefined);
  // 每培育1家…给予补助: a distributive rule, not a count
  if (verb && c[verb.start - 1] === '每') return undefined;
  return verb ?? (counted && COORDINATORS.has(c.charCodeAt(i - 1)) ? prior : undefined);
}

/** A verb of one to three characters between a comparator and its count (至少|明确|2-3个), not a per-capita or time phrase. */
function verbBetween(c: string, from: number, to: number): boolean {
  const v = c.slice(from, to);
  return /^[\u4e00-\u9fff]{1,3}$/.test(v) && !/^(?:每|人均|年|月|的)|的$/.test(v);
}

/** An amount earmarked for a purpose (拿出1000亿元，用于…; 安排300万元作为专项资金): an allocation, a parameter. */
function earmarked(c: string, k: number, unit: string): boolean {
  return unit.endsWith('元') && /^[，,]?(?:专项)?(?:用于|作为)/.test(c.slice(k, k + 5));
}

/** A share's record: a percentage is a part of a whole (a count is not); its kind; where it starts. */
function markShare(last: RawQuantity, unit: string, parameter: boolean, start: number): void {
  if (unit === '%' || unit === '‰') last.share = true;
  if (parameter) last.cue = 'parameter';
  if (start >= 0) last.start = start;
}

/**
 * A budget proposal's next sentence with no word of its own continues it, amount by amount
 * (拟按4%左右安排…。一般公共预算支出规模29.7万亿元。拟发行…。合计新增政府债务总规模11.86万亿元): the
 * statement's cue becomes parameter. Returns the full sentence a later one may continue, or -1.
 */
function carryParameter(cue: SentenceCue, unit: string, periodIdx: number, paramPeriod: number): number {
  const amount = unit.endsWith('元');
  if (cue.kind === 'parameter' || (amount && !cue.kind && !cue.deadline && paramPeriod >= 0 && paramPeriod >= periodIdx - 1)) {
    cue.kind = 'parameter';
    return periodIdx;
  }
  return -1;
}

/** The kind a rule's wording gives (原则上, 每…至少, 各…一次, 可降至): see normKind and permits. */
function ruleKind(c: string, cue: SentenceCue, at: { from: number; cmpStart: number; cmp: Cmp | undefined; unit: string }): void {
  cue.kind ??= normKind(c, at.from, at.cmpStart, at.cmp?.op, at.unit);
  if (permits(c, at.cmp, at.cmpStart)) cue.kind = 'parameter';
}

/** A nameless value (compact start and end of its group) at out[at]. */
interface Unnamed {
  at: number;
  s: number;
  e: number;
}

/** Between the members of a list of dated values: 、 and the member's own time (、2025年). */
const LIST_GAP = /^、(?:(?:到|至)?(?:19|20)[0-9]{2}年(?:年?底|末)?(?:前)?)?$/;

/**
 * “2022年70%以上、2025年80%以上县级及以上机关达到…”: the values of a 、-list that wait for a subject
 * take the one stated after the list's last value (at i, as recorded in `named`).
 */
function nameList(c: string, out: RawQuantity[], unnamed: Unnamed[], i: number, named: RawQuantity): void {
  let next = i;
  while (unnamed.length > 0) {
    const u = unnamed.pop()!;
    if (!LIST_GAP.test(c.slice(u.e, next)) || out[u.at]!.name) break;
    Object.assign(out[u.at]!, { name: named.name, nameStart: named.nameStart, nameEnd: named.nameEnd, share: named.share });
    next = u.s;
  }
  unnamed.length = 0;
}

export function scanText(t: string, options: ScanOptions = {}): RawQuantity[] {
  const out: RawQuantity[] = [];
  const chinese = HAS_CHINESE_VALUE.test(t);
  if (!chinese && !ISDIGIT.test(t) && !t.includes('分之') && !t.includes('全覆盖') && !t.includes('零')) return out;
  const { c, map, shift } = compact(t, options.buffer);
  const planYear = options.planYear;
  const { sentStarts, periodStarts } = sentenceBounds(c);
  let periodIdx = 0;
  let events: CueEvent[] | undefined;
  let sentIdx = 0;
  let group = 0;
  /** entity parts of the last 分别 list in the current sentence, for carry-over */
  let lastEntities: { sentence: number; parts: string[] } | undefined;
  let prevInSentence: Named | undefined;
  /** the last full sentence whose wording makes its statements parameters (拟按…安排), -1 when none */
  let paramPeriod = -1;
  /** end of the last counted object governed by a plan verb (建成100个示范乡镇|和1000个示范村) */
  let lastObjectEnd = -1;
  let lastObjectVerb: { start: number; text: string } | undefined;
  /** nameless values of a 、-list, waiting for the subject after the list */
  const unnamed: Unnamed[] = [];

  const toT = (ci: number): number => (map ? map[Math.min(ci, c.length)]! : Math.min(ci, c.length) + shift);
  const endT = (ce: number): number => (ce <= 0 ? shift : map ? map[ce - 1]! + 1 : ce + shift);

  // the candidates: Chinese numerals only where one stands before a measure word
  const NUM = chinese ? NUM_RE : ARABIC_NUM_RE;
  NUM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUM.exec(c))) {
    const read = readValue(c, m, NUM);
    if (!read) continue;
    const { i, unit, value2, values, k } = read;
    const before = c.charCodeAt(i - 1);
    const closes = closesStatement(c, k, unit.unit) || durationOfPolicy(c, i, k, unit.unit);
    const found = readComparator(c, i, closes && values[values.length - 1]!.qualifier !== undefined);
    // a plan verb governing a counted object: 建成5000个示范村, 推动超9000家企业, 和1000个示范村
    const counted = governsObject(unit.unit);
    const verb = governingVerb(c, read, counted, lastObjectEnd === i - 1 ? lastObjectVerb : undefined);
    const ruled = chineseComparator(c, read, found, closes, verb);
    if (!ruled) continue;
    let { cmp, cmpEnd } = ruled;
    let cmpStart = cmp ? cmpEnd - cmp.text.length : i;
    if (!cmp) cmpEnd = i;
    if (NEEDS_COMPARATOR.has(unit.unit) && !cmp) continue;

    // "40%左右的县（市）……达到优良标准", "94%的疑难危重疾病在省内得到救治": a share whose
    // subject follows the value; "再有30所县级医院晋升三级医疗机构", "建成5000个示范村": a count whose
    // object follows it
    // 近14亿人口的发展中大国: a population (人口) is counted by a verb (覆盖2000万人口的…), never by 近/约
    // 至少明确2-3个阶段性目标: a bounding comparator before the verb that governs the count
    const governed = verb !== undefined || (cmp !== undefined && (cmpEnd === i || verbBetween(c, cmpEnd, i)) && counted && !unit.unit.endsWith('人口'));
    const head = i === 0 || CLASS[before] === 3;
    const obj = closes ? { isCount: false } : objectAfter(c, k, read, governed, head);
    const { share, isCount: shareIsCount } = obj;
    if (!closes && !share) continue;
    if (obj.scope) Object.assign(values[0]!, obj.scope);

    // sentence
    while (sentIdx + 1 < sentStarts.length && sentStarts[sentIdx + 1]! <= i) sentIdx++;
    while (periodIdx + 1 < periodStarts.length && periodStarts[periodIdx + 1]! <= i) periodIdx++;
    const periodStart = periodStarts[periodIdx]!;

    // names
    const { names, first, fillerOnly, segStart } = readNames(c, ruled.frequency ? i : cmpStart);

    events ??= cueEvents(c, planYear);
    // the comparator's own wording counts (达到了, 延长): the lookup ends after it
    const cue = sentenceCue(events, periodStart, share ? share.e : cmp ? cmpEnd : cmpStart);
    paramPeriod = carryParameter(cue, unit.unit, periodIdx, paramPeriod);
    ruleKind(c, cue, { from: sentStarts[sentIdx]!, cmpStart, cmp, unit: unit.unit });
    const opened = cmp
      ? undefined
      : verbAsComparator(c, shareIsCount ? (verb ?? obj.verb) : undefined, !share && values.length === 1 && !ruled.frequency ? names : []);
    if (opened) ({ cmp, cmpStart, cmpEnd } = opened);
    const opClass: OpClass | 'range' = value2 !== undefined ? 'range' : cmp ? cmp.op : 'eq';
    const norm = SAMPLING_VERB.test(verb?.text ?? '') || assignedProvision(c, periodStart, i) || earmarked(c, k, unit.unit);
    const where = { sentIdx, periodIdx, group: group++, after: c.slice(k, k + 2), opened: opened?.opening };
    const stmt: Statement = { comparator: cmp?.text ?? '', cmpStart, cmpEnd, hasCmp: cmp !== undefined, opClass, cue, norm, ...where };
    const emit = (name: string, ns: number, ne: number, v: ValueItem): number => out.push(record(stmt, name, ns, ne, v, toT, endT));

    if (share) {
      const nm = c.slice(share.s, share.e) + (obj.suffix ?? '');
      emit(nm, share.s, share.e, values[0]!);
      const last = out[out.length - 1]!;
      // the statement as written starts at its comparator or verb ("再有30所县级医院……")
      const lead = cmp && cmpStart < i ? cmpStart : verb && verb.start < i ? verb.start : -1;
      // the count of a designated set (将…确定的20个县作为…), a spatial scope: parameters of the measure
      markShare(last, unit.unit, verb?.designated === true || (obj.scope !== undefined && !stmt.hasCmp), lead >= 0 ? toT(lead) : -1);
      prevInSentence = { sentence: sentIdx, period: periodIdx, name: nm, nameStart: share.s, nameEnd: share.e };
      nameList(c, out, unnamed, i, last);
      if (shareIsCount) {
        lastObjectEnd = share.e;
        lastObjectVerb = verb ?? (cmp ? { start: cmpStart, text: cmp.text } : undefined);
      }
      continue;
    }

    const spent = spentOn(c, k, values);
    if (spent) {
      emit(c.slice(spent.s, spent.e), spent.s, spent.e, values[0]!);
      continue;
    }
    if (names.length === 0) {
      const at = out.length;
      emitNameless(c, values, emit, { first, fillerOnly, segStart, prev: prevInSentence, sentIdx, periodIdx });
      // 2022年70%以上、2025年80%以上…: waits for the subject after the last value of the list
      if (out.length === at + 1 && !out[at]!.name && c[k] === '、') unnamed.push({ at, s: i, e: k });
      continue;
    }

    lastEntities = pairNames(names, values, emit, sentIdx, lastEntities, c);
    prevInSentence = lastNamed(names, values.length, values.length > 1 ? undefined : out[out.length - 1]!.name, sentIdx, periodIdx);
  }
  const words = scanAllOrNone(c);
  if (words.length === 0) return markCompositions(carryBodies(out));
  events ??= cueEvents(c, planYear);
  for (const w of words) out.push(allOrNoneRecord(w, { sentStarts, periodStarts, events, group: group++, toT, endT }));
  return markCompositions(carryBodies(out)).sort((a, b) => a.valueStart - b.valueStart);
}

/** Index of the last start at or before i. */
function indexAt(starts: readonly number[], i: number): number {
  return lastAtOrBefore(starts.length, (k) => starts[k]! <= i);
}

/** A statement without a number (全覆盖 = 100%, 零事故 = 0) as a record, with its sentence's kind and deadline. */
function allOrNoneRecord(
  w: AllOrNone,
  at: {
    sentStarts: number[];
    periodStarts: number[];
    events: CueEvent[];
    group: number;
    toT: (ci: number) => number;
    endT: (ce: number) => number;
  },
): RawQuantity {
  const sentIdx = indexAt(at.sentStarts, w.s);
  const periodIdx = indexAt(at.periodStarts, w.s);
  const cue = sentenceCue(at.events, at.periodStarts[periodIdx]!, w.e);
  const stmt: Statement = { comparator: '', cmpStart: w.s, cmpEnd: w.s, hasCmp: false, opClass: 'eq', cue, after: '', sentIdx, periodIdx, group: at.group };
  return record(stmt, w.name, w.ns, w.ne, { v: w.value, s: w.s, e: w.e, unit: w.unit, more: '' }, at.toT, at.endT);
}
