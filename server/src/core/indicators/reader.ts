/**
 * Stage 2 of indicator extraction: the name and comparator reader. Given a value found by the
 * lexer (./lexer.ts), reads backwards the comparator that governs it (达到, 不低于, 控制在, 新增 …,
 * longest first) and the name: the governing noun phrase from the clause boundary to the comparator,
 * cleaned of fillers, never across a sentence end or a heading; or, when a plan verb governs a
 * counted object (建成 5000 个示范村, 推动超 9000 家企业…) or a share names its subject after the
 * value (94% 的疑难危重疾病…), the noun phrase after the value. Indices are into compact text.
 * No state outside the call.
 */
import {
  CLOSERS,
  COMPARATORS,
  COUNT_VERBS,
  ENTITY_END,
  GENERIC_NAME,
  NAME_BOUNDARY,
  NAME_LEAD,
  nameTrail,
  OPENERS,
  YEAR_SPAN,
  type OpClass,
} from './lexicon.js';

export const ISDIGIT = /[0-9０-９]/;
/** “三个 100%”: a count word, not a name */
const COUNT_WORD = /^[一二两三四五六七八九十]+[个项种类批]$/;
/** A span of years alone (五年, 十年来): an adverbial, no name. */
const SPAN_ONLY = new RegExp(`^${YEAR_SPAN}$`);
// 较五年前, 比三年前: a time N years back as the base (十 alone was there for 比十三五…);
// 是十年前的3倍, 是上年的1.2倍: a multiple of a past value, the subject before it (carried when none)
const BASE_CLAUSE =
  /(?:比|较|由|从)(?=[0-9０-９]|上年|去年|同期|上一年|前|基期|“|"|十|[一二两三四五六七八九]{1,2}年前)|是(?=(?:[一二两三四五六七八九十]{1,2}年前|上年|去年|同期|(?:19|20)[0-9]{2}年)的)/g;
const NOT_FOR_WEI = new Set(['作', '成', '认', '行', '因', '称', '视', '改', '分', '划', '更', '变', '以', '即']);
/** "GDP增长6%": an abbreviation is a name of its own. */
const ABBREVIATION = /[A-Z]{2,}/;

export interface Cmp {
  text: string;
  op: OpClass;
}

export function hanCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x3400 && code <= 0x9fff) n++;
  }
  return n;
}

/** Cleans a raw name segment [s, e) of compact text; returns the cleaned bounds. */

/** NAME_LEAD matched in place (sticky), without slicing the name out first. */
const NAME_LEAD_AT = new RegExp(NAME_LEAD.source.replace(/^\^/, ''), 'y');

/**
 * A time phrase at the end of a name: a year (2021年底前), or a time relative to the plan's year (a
 * closed class of time nouns: 今年, 明年, 当年, 年内, 年底, 年末, 年中, 上半年, 下半年, N月底) with 前/以前.
 */
const TRAIL_TIME =
  /(?:(?:到|至|在|于)?(?:19|20)[0-9]{2}年(?:年?底|末|上半年|下半年)?|(?:今年|明年|当年)(?:年?底|末|内|上半年|下半年)?|年内|年底|年末|年中|上半年|下半年|(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})月(?:底|末|份))(?:前|以前)?$/;
/** 连续 + a count of periods: how long a level has held (连续9年, 连续三个季度), an adverbial, no name. */
const PERSISTENCE = /连续(?:[0-9]+|[一二两三四五六七八九十]+)个?(?:年|月|季度|周|天)$/;
/**
 * A span or a frequency between the subject and the comparator, adverbials of the statement:
 * 基础研究经费五年|增长1倍, 财政收入十年|接近翻一番, 教育经费占比每年|都保持在4%以上.
 */
const SPAN_OR_FREQUENCY = new RegExp(`(?:${YEAR_SPAN}|每(?:年|半年|季度|月))$`);
/**
 * The markers that put the object before its verb (把, 将) or introduce a topic (关于): what precedes
 * them is the subject or an adverb (坚决|把|文件压减三分之一以上; 国家|关于|土地承包期再延长30年), the name
 * is what follows. 将 only as that marker, not in 将来, 将近, 将要, 即将, 必将, 终将, 行将.
 */
const OBJECT_MARKER = /(?:把|(?<![即必终行])将(?![来近要])|关于)(?=[\u4e00-\u9fff“（(])/g;
function afterObjectMarker(c: string, s: number, e: number): number {
  OBJECT_MARKER.lastIndex = 0;
  const seg = c.slice(s, e);
  let from = -1;
  let m: RegExpExecArray | null;
  while ((m = OBJECT_MARKER.exec(seg))) if (m.index > 0 && hanCount(seg.slice(m.index + m[0].length)) >= 2) from = m.index + m[0].length;
  return from > 0 ? s + from : s;
}

export function cleanName(c: string, s: number, e: number): { s: number; e: number } {
  s = afterObjectMarker(c, s, e);
  for (let guard = 0; guard < 12 && s < e; guard++) {
    NAME_LEAD_AT.lastIndex = s;
    const lead = NAME_LEAD_AT.exec(c);
    if (lead && lead[0].length > 0 && lead[0].length < e - s) {
      s += lead[0].length;
      continue;
    }
    const trail = nameTrail(c, s, e);
    if (trail > 0 && trail < e - s) {
      e -= trail;
      continue;
    }
    // a time phrase between the subject and the comparator: 储备能力2021年确保达到…; a duration of
    // persistence (粮食总产量连续9年稳定在…)
    const tail = c.slice(Math.max(s, e - 10), e);
    // a distributive name keeps its frequency: 每家载体每年 (per carrier and year) is a rate
    const time = TRAIL_TIME.exec(tail) ?? PERSISTENCE.exec(tail) ?? (c[s] === '每' ? null : SPAN_OR_FREQUENCY.exec(tail));
    if (time && time[0].length < e - s) {
      e -= time[0].length;
      continue;
    }
    break;
  }
  // a note in brackets closing the name (储备能力(包括发电企业…), 供电专家(分组情况附后)): not part of it
  const note = NAME_NOTE.exec(c.slice(s, e));
  if (note && note.index > 1) e = s + note.index;
  // unbalanced quotes or brackets at the edges
  while (s < e && (c[s] === '”' || c[s] === '）' || c[s] === ')' || ((c[s] === '“' || c[s] === '（' || c[s] === '(') && !hasCloser(c, s, e)))) s++;
  while (e > s && (c[e - 1] === '“' || c[e - 1] === '（' || c[e - 1] === '(')) e--;
  return { s, e };
}

/** a bracketed note at a name's end: what it includes or leaves out, an abbreviation, a pointer elsewhere */
const NAME_NOTE = /[（(](?:包括|包含|含|不含|其中|以下简称|简称|详见|见附件)[^（）()]*[）)]$|[（(][^（）()]*附后[）)]$/;

function hasCloser(c: string, s: number, e: number): boolean {
  const open = c[s];
  const close = open === '“' ? '”' : open === '（' ? '）' : ')';
  return c.indexOf(close, s + 1) >= 0 && c.indexOf(close, s + 1) < e;
}

/** Character classes for the backwards clause scan: 1 closer, 2 opener, 3 boundary. */
export const CLASS = new Uint8Array(65536);
for (const ch of CLOSERS) CLASS[ch.charCodeAt(0)] = 1;
for (const ch of OPENERS) CLASS[ch.charCodeAt(0)] = 2;
for (const ch of NAME_BOUNDARY) CLASS[ch.charCodeAt(0)] = 3;

/** Scans back from `end` to the start of the clause; returns the segment start. */
export function clauseStart(c: string, end: number, limit = 48): number {
  let depth = 0;
  let i = end - 1;
  const stop = Math.max(0, end - limit);
  for (; i >= stop; i--) {
    const cls = CLASS[c.charCodeAt(i)]!;
    if (cls === 0) continue;
    if (cls === 1) depth++;
    else if (cls === 2) {
      if (depth === 0) return i + 1;
      depth--;
    } else if (depth === 0) return i + 1;
  }
  return i + 1;
}

/** The name segment cut before a base clause (比2015年…, 由…提高到): the subject comes first. */
export function cutBase(c: string, s: number, e: number): number {
  BASE_CLAUSE.lastIndex = 0;
  const seg = c.slice(s, e);
  const m = BASE_CLAUSE.exec(seg) ?? BASE_AT_END.exec(seg);
  return m ? s + m.index : e;
}
/** A base named before its value, right before the comparator: 起征点从月销售额3万元|提高到10万元. */
const BASE_AT_END = /(?:由|从)[\u4e00-\u9fff]{1,6}[0-9０-９][0-9０-９.．]*[%‰\u4e00-\u9fff]{0,4}$/;

/** Metric tail of an entity-first name: "三级综合医院基本药物配备品种数量占比" → "基本药物配备品种数量占比". */
export function metricTail(name: string): string {
  ENTITY_END.lastIndex = 0;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = ENTITY_END.exec(name))) {
    if (m.index + m[0].length < name.length) last = m.index + m[0].length;
  }
  return last > 0 ? name.slice(last) : '';
}

const INSIDE_OPS = new Set<OpClass>(['ge', 'le', 'gt', 'lt', 'reach', 'lower']);
/** comparators by their last character (longest first), for matching backwards */
const CMP_BY_LAST = new Map<number, { text: string; op: OpClass }[]>();
for (const cand of COMPARATORS) {
  const last = cand.text.charCodeAt(cand.text.length - 1);
  const list = CMP_BY_LAST.get(last) ?? [];
  list.push(cand);
  CMP_BY_LAST.set(last, list);
}

/** The last bounding comparator (two characters or more) inside [s, e). */
export function findCmpInside(c: string, s: number, e: number): { cmp: { text: string; op: OpClass }; end: number } | undefined {
  for (let k = e - 1; k > s; k--) {
    const cands = CMP_BY_LAST.get(c.charCodeAt(k));
    if (!cands) continue;
    for (const cand of cands) {
      if (cand.text.length < 2 || !INSIDE_OPS.has(cand.op)) continue;
      const st = k - cand.text.length + 1;
      if (st >= s && c.startsWith(cand.text, st)) return { cmp: cand, end: k + 1 };
    }
  }
  return undefined;
}

/**
 * The comparator ending exactly at `end`, longest first. A negated modal before a strict comparator
 * turns it round (不得小于6.5米 is ≥ 6.5米, 最迟不得超过1小时 is ≤ 1小时): the comparator is the whole phrase.
 */
export function findCmp(c: string, end: number): { text: string; op: OpClass } | undefined {
  const cands = CMP_BY_LAST.get(c.charCodeAt(end - 1));
  if (!cands) return undefined;
  for (const cand of cands) {
    if (cand.text.length <= end && c.startsWith(cand.text, end - cand.text.length)) {
      if (cand.text === '为' && NOT_FOR_WEI.has(c[end - 2] ?? '')) continue;
      const turned = NEGATED[cand.op];
      const modal = turned ? NEGATING_MODAL.exec(c.slice(Math.max(0, end - cand.text.length - 3), end - cand.text.length)) : null;
      if (modal && turned) return { text: modal[0] + cand.text, op: turned };
      // a change verb before an approximation governs the value: 增长近70% grows by about 70%
      const verb = cand.op === 'approx' ? changeVerbBefore(c, end - cand.text.length) : undefined;
      return verb ? { text: verb.text + cand.text, op: verb.op } : cand;
    }
  }
  return undefined;
}

const CHANGE_OPS = new Set<OpClass>(['increase', 'decrease', 'reach']);
/** A comparator of change (增长, 下降, 达到 …, two characters or more) ending at `at`, longest first. */
function changeVerbBefore(c: string, at: number): { text: string; op: OpClass } | undefined {
  for (const cand of CMP_BY_LAST.get(c.charCodeAt(at - 1)) ?? []) {
    if (cand.text.length >= 2 && CHANGE_OPS.has(cand.op) && cand.text.length <= at && c.startsWith(cand.text, at - cand.text.length)) return cand;
  }
  return undefined;
}

/** modal auxiliaries of prohibition right before a comparator (不得, 不应, 不能, 不宜, 不可, 严禁) */
const NEGATING_MODAL = /(?:不得|不应|不能|不宜|不可|严禁)$/;
/** the relation a prohibited strict comparison leaves */
const NEGATED: Partial<Record<OpClass, OpClass>> = { lt: 'ge', gt: 'le' };

export function nameOk(c: string, s: number, e: number): boolean {
  if (e <= s) return false;
  const txt = c.slice(s, e);
  return (hanCount(txt) >= 2 || ABBREVIATION.test(txt)) && !GENERIC_NAME.test(txt) && !COUNT_WORD.test(txt) && !SPAN_ONLY.test(txt);
}

/** The subject after a share ("…%的乡镇卫生院已设置中医馆"): to the clause end, at most 40 characters. */
export function shareSubject(c: string, k: number, minHan = 4, digits = false): { s: number; e: number } | undefined {
  let s = k;
  if (c.charCodeAt(s) === 0x7684 /* 的 */) s++;
  if (s >= c.length || (!digits && ISDIGIT.test(c[s]!))) return undefined;
  let depth = 0;
  let e = s;
  for (; e < c.length && e - s <= 40; e++) {
    const cls = CLASS[c.charCodeAt(e)]!;
    if (cls === 2) depth++;
    else if (cls === 1) {
      if (depth === 0) break;
      depth--;
    } else if (cls === 3 && depth === 0 && c.charCodeAt(e) !== 0x3001 /* 、 */) break;
    // the next member of a coordinated list of counts: "示范乡镇和1000个左右示范村", "名城、60处街区"
    if (depth === 0 && COORDINATORS.has(c.charCodeAt(e)) && startsValue(c, e + 1)) break;
    // a count of what holds the next count: 抽查2个县(市、区)|的10处现场
    if (depth === 0 && digits && c.charCodeAt(e) === 0x7684 /* 的 */ && startsValue(c, e + 1)) break;
  }
  if (e - s > 40 || depth !== 0) return undefined;
  const phrase = c.slice(s, e);
  // “…的4个省份之一”: one of a set, not a count of it
  if (phrase.endsWith('之一')) return undefined;
  // a figure line ("98.73%整理"), another value ("52.25%提高到2020年的92.73%") or a stub is not a subject
  const named = digits ? unquoted(phrase) : phrase;
  if (hanCount(phrase) < minHan || (ISDIGIT.test(named) && !(digits && thresholdsOnly(named)))) return undefined;
  return nameOk(c, s, e) ? { s, e } : undefined;
}

/** The phrase without its quoted names (“1小时交通圈”: a name may hold digits). */
function unquoted(phrase: string): string {
  let out = '';
  let depth = 0;
  for (const ch of phrase) {
    if (ch === '“') depth++;
    else if (ch === '”' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/** Every number in the phrase is a threshold of the object (35岁以下的年轻干部, 20户以上自然村). */
// (?<!digit): a threshold starts where its digits start (linear: a run of digits is read once)
export const THRESHOLD = /(?<![0-9０-９])[0-9０-９]+(?:[.．][0-9０-９]+)?[\u4e00-\u9fff]{1,2}(?:及)?(?:以下|以上)/g;
function thresholdsOnly(phrase: string): boolean {
  return !ISDIGIT.test(phrase.replace(THRESHOLD, ''));
}

/** Words joining coordinated counts: 建成 100 个示范乡镇和 1000 个示范村. */
export const COORDINATORS = new Set(['和', '与', '及', '、'].map((x) => x.charCodeAt(0)));
const CN_COUNT = /[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*[个条次名项家所座处台套人户]/y;

/** Whether a value starts at k (a digit, or a Chinese numeral with a measure word). */
export function startsValue(c: string, k: number): boolean {
  if (ISDIGIT.test(c[k] ?? '')) return true;
  CN_COUNT.lastIndex = k;
  return CN_COUNT.test(c);
}

/** Qualifiers written before a count: 超 9000 家, 近 30 个, 约 200 人, 逾 100 项. */
const PRE_QUALIFIER = new Set(['超', '近', '约', '逾'].map((x) => x.charCodeAt(0)));
const COUNT_VERBS_BY_LAST = new Map<number, string[]>();
for (const v of COUNT_VERBS) {
  const last = v.charCodeAt(v.length - 1);
  const list = COUNT_VERBS_BY_LAST.get(last) ?? [];
  list.push(v);
  COUNT_VERBS_BY_LAST.set(last, list);
}

/**
 * The plan verb that governs a count at i, as in 建成 5000 个示范村 or 推动超 9000 家企业 (its start
 * and text), or undefined. A 超/近/约/逾 between the verb and the number is part of the count.
 */
export function countVerbBefore(c: string, i: number): { start: number; text: string } | undefined {
  let end = i;
  if (PRE_QUALIFIER.has(c.charCodeAt(end - 1))) end--;
  for (const v of COUNT_VERBS_BY_LAST.get(c.charCodeAt(end - 1)) ?? []) {
    const st = end - v.length;
    if (st >= 0 && c.startsWith(v, st)) return { start: st, text: v };
  }
  return undefined;
}

/**
 * The plan verb ending exactly at `end`, joined with one right before it (整合退出, 关停退出,
 * 开工建设), or undefined.
 */
export function compoundVerbBefore(c: string, end: number): { start: number; text: string } | undefined {
  const verb = countVerbBefore(c, end);
  if (!verb || verb.start + verb.text.length !== end) return undefined;
  const outer = countVerbBefore(c, verb.start);
  if (outer && outer.start + outer.text.length === verb.start) return { start: outer.start, text: outer.text + verb.text };
  return verb;
}

export const COUNT_VERB_SET: ReadonlySet<string> = new Set(COUNT_VERBS);
/** Whether a plan verb starts at k (支持项目建设). */
export function startsWithVerb(c: string, k: number): boolean {
  return COUNT_VERB_SET.has(c.slice(k, k + 2)) || COUNT_VERB_SET.has(c.slice(k, k + 3));
}

/** A threshold of the object written before its count: 3万吨/年及以下|8处煤矿, 20户以上|自然村. */
const THRESHOLD_BEFORE = /[0-9０-９][^，。；;：:、]{0,8}(?:以下|以上)$/;

/** Verbs that designate a set (确定的20个县, 列入试点的70个县): the count refers to the set, a scope. */
const DESIGNATING = /确定|选定|认定|列入|纳入|命名/;

/**
 * The plan verb that governs a count with an attributive between them: a relative clause ending in
 * 的 (关停退出参与项目整合的|6家地炼企业, 支持符合条件的|12家企业) or a threshold of the object
 * (关闭3万吨/年及以下|8处煤矿). The main verb (the first of the clause) governs; with no verb, the
 * count refers to what exists (全省的16个市), and is no statement. `designated` when the relative
 * clause designates the set (将…确定的20个县作为…, 支持列入试点的70个县…): the count is the scope
 * of the measure, a parameter.
 */
export function attributiveVerb(c: string, i: number): { start: number; text: string; designated: boolean } | undefined {
  const de = c.charCodeAt(i - 1) === 0x7684; /* 的 */
  if (!de && !THRESHOLD_BEFORE.test(c.slice(Math.max(0, i - 16), i))) return undefined;
  const s = clauseStart(c, i);
  const designated = de && DESIGNATING.test(c.slice(s, i - 1));
  for (let k = s + 2; k < i; k++) {
    const v = countVerbBefore(c, k);
    // 超/近/约 belong to a count, not to a verb found before them
    if (!v || v.start + v.text.length !== k) continue;
    return { ...v, designated };
  }
  return undefined;
}

/**
 * Titles of plan parts end in these nouns (工作目标及进度安排, 保障措施, 基本原则): on text whose line
 * breaks were lost, a name that starts right after a numbering token (二、, （三）) begins with such a
 * title, which is cut off.
 */
const TITLE_END =
  /(?:目标|安排|任务|要求|措施|原则|思路|机制|保障|举措|重点|内容|范围|职责|分工|步骤|计划|指标|背景|意义|形势|成效|情况)(?:及(?:其)?[\u4e00-\u9fff]{0,6}?(?:目标|安排|任务|要求|措施|计划|进度))?/g;
const NUMBERING_BEFORE =
  /(?:^|[。；;！？:：\n]|[\u4e00-\u9fff])(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.．](?![0-9]))$/;

const TOKEN_EDGE = new Set([...'、）).．（('].map((x) => x.charCodeAt(0)));

/** Start of the name after a heading title glued before it (see TITLE_END), or s itself. */
export function afterGluedTitle(c: string, s: number, e: number): number {
  // only after 、 ） ) . ． or at an opening bracket / numeral can a numbering token touch the name
  if (!TOKEN_EDGE.has(c.charCodeAt(s - 1)) && !TOKEN_EDGE.has(c.charCodeAt(s)) && !/[一二三四五六七八九十]/.test(c[s] ?? '')) return s;
  const before = c.slice(Math.max(0, s - 6), s);
  let from = s;
  if (!NUMBERING_BEFORE.test(before)) {
    // the numbering token may sit at the start of the segment ("(一)煤炭采购机制…")
    const lead = /^(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/.exec(c.slice(s, Math.min(e, s + 6)));
    if (!lead) return s;
    from = s + lead[0].length;
  }
  TITLE_END.lastIndex = 0;
  const seg = c.slice(from, e);
  let cut = -1;
  let m: RegExpExecArray | null;
  while ((m = TITLE_END.exec(seg))) {
    if (m.index + m[0].length > 12) break; // titles are short
    cut = m.index + m[0].length;
  }
  if (cut < 0 || hanCount(seg.slice(cut)) < 2) return s;
  return from + cut;
}

/** “综合查一次”, “最多跑一次”: a value that ends a quotation opened before it is part of a name (a slogan). */
export function quoted(c: string, i: number, e: number): boolean {
  return c[e] === '”' && c.lastIndexOf('“', i) > c.lastIndexOf('”', i);
}

/**
 * A determiner of the whole jurisdiction (全省, 全市, 我县; a closed class: 全 or 我 and an
 * administrative level), which may stand between a verb and the count it governs, or open the clause before a count.
 */
export const WHOLE_JURISDICTION = /^[全我][国省市县区州盟旗乡镇村]$/;

/**
 * 一半 closing its clause right after a verb of two characters (清偿一半以上, 完成一半): the share of
 * what the verb acts on, whatever the verb; not after a particle or a function word (其中一半, 各一半).
 */
const NOT_IN_VERB = /[的之了是有其各和与及或约近占每]/;
export function verbOfHalf(c: string, i: number): { start: number; text: string } | undefined {
  const v = c.slice(Math.max(0, i - 2), i);
  return v.length === 2 && hanCount(v) === 2 && !NOT_IN_VERB.test(v) ? { start: i - 2, text: v } : undefined;
}
