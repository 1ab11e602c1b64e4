/**
 * Sentence-level extraction of quantitative statements from one paragraph of joined text.
 *
 * The paragraph is first compacted (white space removed, with an index map back), so PDF
 * spacing ("达到 90%以上", "2021 年", "9.5/10 万", "提 高 到") reads like clean text. Every
 * number with a unit is read together with its range partner, qualifier and list partners
 * ("4.2‰、5.3‰、9.5/10 万以下"); it is a statement when the value closes a clause (a number
 * followed by a noun is part of a name: "5岁以下儿童", "24 小时发热门诊"). The name is read
 * backwards from the comparator to the clause boundary and cleaned of fillers; 、-lists of names
 * pair with 分别-lists of values. One pass, bounded look-behind: linear in the paragraph length.
 */
import { activeSession } from '../session.js';
import type { IndicatorKind, IndicatorOp } from '../model.js';
import {
  BASE_UNITS,
  CLOSERS,
  COMPARATORS,
  DATE_AFTER,
  ENTITY_END,
  GENERIC_NAME,
  MAGNITUDES,
  isMetricName,
  NAME_BOUNDARY,
  NAME_LEAD,
  nameTrail,
  NEEDS_COMPARATOR,
  OPENERS,
  PER_CAPITA_PREFIX,
  QUALIFIERS,
  STATEMENT_END,
  TARGET_CUE,
  ACHIEVED_CUE,
  type OpClass,
} from './lexicon.js';
import { parseArabic, parseChineseDecimal } from './numbers.js';

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
  group: number;
  /** a share whose subject follows the value ("94%的疑难危重疾病……"): a part of a whole */
  share?: boolean;
}

export interface ScanOptions {
  /** the plan's own year: earlier years are the past, this and later ones the future */
  planYear?: number;
}

const NUM_RE =
  /(?:百分之|千分之)[零〇一二两三四五六七八九十百点]+|[-－]?[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?/g;
const NUM_AT = /(?:百分之|千分之)[零〇一二两三四五六七八九十百点]+|[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?/y;
const RANGE_SEP = new Set(['～', '~', '〜', '-', '－', '—', '–', '至']);
const PER_UNIT = /\/(?:10万|十万|万|千|100|1000|10000|100000)/y;
const DEADLINE_RE =
  /(到|至|截至|截止|于)?((?:19|20)[0-9]{2})年(底|末|年底|年末|上半年|下半年|全年)?(前|以前|之前)?|(年内|年底前|年底|年末|上半年|下半年|当年)|([0-9]{1,2})月(?:份)?(?=底|末|中旬|上旬|下旬|前|以前|之前)(?:底|末|中旬|上旬|下旬)?(?:前|以前|之前)?|[“"]?十([一二三四五六七八九])五[”"]?(?:末|期末|期间|时期)/g;
const BASE_BEFORE = new Set(['比', '较', '由', '从', '—', '-', '～', '~', '《']);
const PER_BEFORE_NUMBER = /(?:每人每年|每人|人均|每年|每[十百千万]人口)$/;
const TIME_BEFORE_NUMBER = /(?:(?:19|20)[0-9]{2}年(?:底|末)?|上年|去年)的?$/;
const ISDIGIT = /[0-9０-９]/;
/** a clause that ends in a value is a statement of its own, not a name in a list */
const VALUE_AT_END = /[0-9０-９](?:[%‰％]|[\u4e00-\u9fa5]{0,3})(?:以上|以下|左右|以内)?$/;
/** “三个 100%”: a count word, not a name */
const COUNT_WORD = /^[一二两三四五六七八九十]+[个项种类批]$/;
const LATIN = /[A-Za-z]/;
const BASE_CLAUSE = /(?:比|较|由|从)(?=[0-9０-９]|上年|去年|同期|上一年|前|基期|“|"|十)/g;
const NOT_FOR_WEI = new Set(['作', '成', '认', '行', '因', '称', '视', '改', '分', '划', '更', '变', '以', '即']);

const UNITS_BY_FIRST = new Map<number, string[]>();
for (const u of BASE_UNITS) {
  const list = UNITS_BY_FIRST.get(u.charCodeAt(0)) ?? [];
  list.push(u);
  UNITS_BY_FIRST.set(u.charCodeAt(0), list);
}

interface UnitMatch {
  unit: string;
  end: number;
  /** 余 or 多 as written around the magnitude ("60余万份", "1.1万余次"), "" when none */
  more: string;
}

/** compact()'s map buffer, reused within a session (./session.ts) */
const SCRATCH: object = Object.freeze({ name: 'compact map buffer' });

const SENTENCE_END_RE = /[。；;！!？?\n]/g;
const WHITESPACE_RUN = /[ \t\u3000\u00a0\r\n\ufeff]+/g;

/** Removes white space, keeping a map from compact indices to original ones. */
function compact(t: string): { c: string; map: Int32Array } {
  // one scratch buffer: scanText is synchronous and the map never escapes it
  const buf = activeSession().state(SCRATCH, () => ({ scratch: new Int32Array(1024) }));
  if (buf.scratch.length < t.length + 1) buf.scratch = new Int32Array(Math.max(t.length + 1, buf.scratch.length * 2));
  const map = buf.scratch;
  const parts: string[] = [];
  let n = 0;
  let runStart = 0;
  WHITESPACE_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WHITESPACE_RUN.exec(t))) {
    for (let k = runStart; k < m.index; k++) map[n++] = k;
    if (m.index > runStart) parts.push(t.slice(runStart, m.index));
    runStart = m.index + m[0].length;
  }
  for (let k = runStart; k < t.length; k++) map[n++] = k;
  map[n] = t.length;
  if (parts.length === 0 && runStart === 0) return { c: t, map };
  if (t.length > runStart) parts.push(t.slice(runStart));
  return { c: parts.join(''), map };
}


function matchUnit(c: string, j: number): UnitMatch | undefined {
  const ch = c[j];
  if (ch === '%' || ch === '％') return { unit: '%', end: j + 1, more: '' };
  if (ch === '‰') return { unit: '‰', end: j + 1, more: '' };
  let k = j;
  let more = '';
  if (c[k] === '余' || c[k] === '多') {
    more = c[k]!;
    k++;
  }
  let mag = '';
  for (const m of MAGNITUDES) {
    if (c.startsWith(m, k)) {
      mag = m;
      k += m.length;
      break;
    }
  }
  if (c[k] === '余' || c[k] === '多') {
    more = c[k]!;
    k++;
  }
  let base = '';
  for (const u of UNITS_BY_FIRST.get(c.charCodeAt(k)) ?? []) {
    if (c.startsWith(u, k)) {
      base = u;
      k += u.length;
      break;
    }
  }
  if (!base && !mag) {
    PER_UNIT.lastIndex = j;
    const per = PER_UNIT.exec(c);
    if (per) return { unit: per[0].replace('十万', '10万'), end: j + per[0].length, more: '' };
    return undefined;
  }
  if (base === 'm2') base = 'm²';
  let unit = mag + base;
  // a rate per population: 例/10万
  PER_UNIT.lastIndex = k;
  const per = PER_UNIT.exec(c);
  if (per) {
    unit += per[0].replace('十万', '10万');
    k += per[0].length;
  }
  return { unit, end: k, more };
}

function readNumber(c: string, at: number): { text: string; value: number; end: number; percent?: string } | undefined {
  NUM_AT.lastIndex = at;
  const m = NUM_AT.exec(c);
  if (!m) return undefined;
  return numberOf(m[0], at);
}

function numberOf(text: string, at: number): { text: string; value: number; end: number; percent?: string } | undefined {
  if (text.startsWith('百分之') || text.startsWith('千分之')) {
    const v = parseChineseDecimal(text.slice(3));
    if (!Number.isFinite(v)) return undefined;
    return { text, value: v, end: at + text.length, percent: text.startsWith('百') ? '%' : '‰' };
  }
  const v = parseArabic(text);
  if (!Number.isFinite(v)) return undefined;
  return { text, value: v, end: at + text.length };
}

const QUALIFIER_FIRST = new Set(QUALIFIERS.map((q) => q.text.charCodeAt(0)));

function qualifierAt(c: string, k: number): string | undefined {
  if (!QUALIFIER_FIRST.has(c.charCodeAt(k))) return undefined;
  for (const q of QUALIFIERS) if (c.startsWith(q.text, k)) return q.text;
  return undefined;
}

function isDigitCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}
function isLatinCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
const RANGE_SEP_CODES = new Set([...RANGE_SEP].map((x) => x.charCodeAt(0)));
/** Before a number these make it an ordinal, a code or part of another token: 第3, P2, 4G/5G, 10:1, 〔2021〕 */
const NOT_BEFORE_NUMBER = new Set(['第', '/', ':', '：', '.', '〔', '[', '×', '+', '＋'].map((x) => x.charCodeAt(0)));

function closesStatement(c: string, k: number): boolean {
  if (k >= c.length) return true;
  const ch = c[k]!;
  if (STATEMENT_END.has(ch)) return true;
  return c.startsWith('目标', k) || c.startsWith('的目标', k) || c.startsWith('的水平', k);
}

function hanCount(s: string): number {
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

function cleanName(c: string, s: number, e: number): { s: number; e: number } {
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
    break;
  }
  // unbalanced quotes or brackets at the edges
  while (s < e && (c[s] === '”' || c[s] === '）' || c[s] === ')' || ((c[s] === '“' || c[s] === '（' || c[s] === '(') && !hasCloser(c, s, e)))) s++;
  while (e > s && (c[e - 1] === '“' || c[e - 1] === '（' || c[e - 1] === '(')) e--;
  return { s, e };
}

function hasCloser(c: string, s: number, e: number): boolean {
  const open = c[s];
  const close = open === '“' ? '”' : open === '（' ? '）' : ')';
  return c.indexOf(close, s + 1) >= 0 && c.indexOf(close, s + 1) < e;
}

/** Character classes for the backwards clause scan: 1 closer, 2 opener, 3 boundary. */
const CLASS = new Uint8Array(65536);
for (const ch of CLOSERS) CLASS[ch.charCodeAt(0)] = 1;
for (const ch of OPENERS) CLASS[ch.charCodeAt(0)] = 2;
for (const ch of NAME_BOUNDARY) CLASS[ch.charCodeAt(0)] = 3;

/** Scans back from `end` to the start of the clause; returns the segment start. */
function clauseStart(c: string, end: number, limit = 48): number {
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
function cutBase(c: string, s: number, e: number): number {
  BASE_CLAUSE.lastIndex = 0;
  const seg = c.slice(s, e);
  const m = BASE_CLAUSE.exec(seg);
  return m ? s + m.index : e;
}

/** Metric tail of an entity-first name: "三级综合医院基本药物配备品种数量占比" → "基本药物配备品种数量占比". */
function metricTail(name: string): string {
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
function findCmpInside(c: string, s: number, e: number): { cmp: { text: string; op: OpClass }; end: number } | undefined {
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

/** The comparator ending exactly at `end`, longest first. */
function findCmp(c: string, end: number): { text: string; op: OpClass } | undefined {
  const cands = CMP_BY_LAST.get(c.charCodeAt(end - 1));
  if (!cands) return undefined;
  for (const cand of cands) {
    if (cand.text.length <= end && c.startsWith(cand.text, end - cand.text.length)) {
      if (cand.text === '为' && NOT_FOR_WEI.has(c[end - 2] ?? '')) continue;
      return cand;
    }
  }
  return undefined;
}

const PER_LAST = new Set(['年', '人', '均', '口'].map((x) => x.charCodeAt(0)));
const TIME_LAST = new Set(['的', '年', '底', '末'].map((x) => x.charCodeAt(0)));
/** First characters after a number that may make it a date or ordinal (checked by DATE_AFTER). */
const DATE_FIRST = new Set(['年', '月', '日', '号', '时', '点', '周', '届', '期', '级', '代', '批', '季'].map((x) => x.charCodeAt(0)));

function isDateAfter(c: string, j: number): boolean {
  return DATE_FIRST.has(c.charCodeAt(j)) && DATE_AFTER.test(c.slice(j, j + 2));
}

function nameOk(c: string, s: number, e: number): boolean {
  if (e <= s) return false;
  const txt = c.slice(s, e);
  return (hanCount(txt) >= 2 || ABBREVIATION.test(txt)) && !GENERIC_NAME.test(txt) && !COUNT_WORD.test(txt);
}

/** Words before a count whose subject follows it. */
const COUNT_LEAD = /(?:再有|新增|另有|还有)$/;

/** "GDP增长6%": an abbreviation is a name of its own. */
const ABBREVIATION = /[A-Z]{2,}/;
const YEAR_NOT_DURATION = new Set(['底', '末', '内', '度', '前', '初', '级', '代', '以', '来', '中', '年']);

/** "达到11年" (a duration after a comparator), not "2021年", "3年内", "10年以来". */
function isDuration(c: string, num: string, j: number): boolean {
  if (num.length > 4 || Number(num.replace(/[．]/g, '.')) >= 100) return false;
  if (YEAR_NOT_DURATION.has(c[j + 1] ?? '') && !c.startsWith('以上', j + 1) && !c.startsWith('以下', j + 1)) return false;
  return findCmp(c, j - num.length) !== undefined;
}

/** The subject after a share ("…%的乡镇卫生院已设置中医馆"): to the clause end, at most 40 characters. */
function shareSubject(c: string, k: number): { s: number; e: number } | undefined {
  let s = k;
  if (c.charCodeAt(s) === 0x7684 /* 的 */) s++;
  if (s >= c.length || ISDIGIT.test(c[s]!)) return undefined;
  let depth = 0;
  let e = s;
  for (; e < c.length && e - s <= 40; e++) {
    const cls = CLASS[c.charCodeAt(e)]!;
    if (cls === 2) depth++;
    else if (cls === 1) {
      if (depth === 0) break;
      depth--;
    } else if (cls === 3 && depth === 0 && c.charCodeAt(e) !== 0x3001 /* 、 */) break;
  }
  if (e - s > 40 || depth !== 0) return undefined;
  const phrase = c.slice(s, e);
  // a figure line ("98.73%整理"), another value ("52.25%提高到2020年的92.73%") or a stub is not a subject
  if (hanCount(phrase) < 4 || ISDIGIT.test(phrase)) return undefined;
  return nameOk(c, s, e) ? { s, e } : undefined;
}

interface NameSeg {
  s: number;
  e: number;
  text: string;
}

export function scanText(t: string, options: ScanOptions = {}): RawQuantity[] {
  const out: RawQuantity[] = [];
  if (!ISDIGIT.test(t) && !t.includes('分之')) return out;
  const { c, map } = compact(t);
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
  let prevInSentence: { sentence: number; name: string; nameStart: number; nameEnd: number } | undefined;

  const toT = (ci: number): number => map[Math.min(ci, c.length)]!;
  const endT = (ce: number): number => (ce <= 0 ? 0 : map[ce - 1]! + 1);

  NUM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUM_RE.exec(c))) {
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
    const prev = c.charCodeAt(i - 1); // NaN at the start
    if (isDigitCode(prev) || isLatinCode(prev) || NOT_BEFORE_NUMBER.has(prev)) continue;
    if (RANGE_SEP_CODES.has(prev) && isDigitCode(c.charCodeAt(i - 2))) continue;
    const n1 = numberOf(text, i);
    if (!n1) continue;
    let j = n1.end;
    // a duration after a comparator ("受教育年限达到11年") is a quantity; a year or date is not
    const years = !n1.percent && c.charCodeAt(j) === 0x5e74 /* 年 */ && isDuration(c, n1.text, j);
    if (!n1.percent && !years && isDateAfter(c, j)) continue;
    let u1: UnitMatch | undefined = n1.percent ? { unit: n1.percent, end: j, more: '' } : years ? { unit: '年', end: j + 1, more: '' } : matchUnit(c, j);
    if (!u1 && LATIN.test(c[j] ?? '')) continue; // 4G, 3P
    // range
    let value2: number | undefined;
    let unit: UnitMatch | undefined = u1;
    let afterValue = u1 ? u1.end : j;
    const sepAt = afterValue;
    if (RANGE_SEP_CODES.has(c.charCodeAt(sepAt)) && !(c[sepAt] === '—' && c[sepAt + 1] === '—')) {
      const n2 = readNumber(c, sepAt + 1);
      if (n2) {
        if (!n2.percent && isDateAfter(c, n2.end)) {
          NUM_RE.lastIndex = n2.end;
          continue;
        }
        const u2 = n2.percent ? { unit: n2.percent, end: n2.end, more: '' } : matchUnit(c, n2.end);
        if (!u1 && !u2) {
          NUM_RE.lastIndex = n2.end;
          continue;
        }
        if (!u1 || !u2 || u1.unit === u2.unit) {
          value2 = n2.value;
          unit = u2 ?? u1;
          afterValue = u2 ? u2.end : n2.end;
          NUM_RE.lastIndex = afterValue;
        }
      }
    }
    if (!unit) continue;
    if (value2 === undefined) NUM_RE.lastIndex = Math.max(resume, unit.end);
    // qualifier
    let k = afterValue;
    const qualifier = qualifierAt(c, k);
    const qualStart = k;
    if (qualifier) k += qualifier.length;
    // list of values: 4.2‰、5.3‰、9.5/10万以下
    const values: { v: number; v2?: number; s: number; e: number; unit: string; more: string; qualifier?: string; qs?: number; qe?: number }[] = [
      { v: n1.value, v2: value2, s: i, e: afterValue, unit: unit.unit, more: unit.more, qualifier, qs: qualifier ? qualStart : undefined, qe: qualifier ? k : undefined },
    ];
    while (c[k] === '、') {
      const nx = readNumber(c, k + 1);
      if (!nx) break;
      const ux = nx.percent ? { unit: nx.percent, end: nx.end, more: '' } : matchUnit(c, nx.end);
      if (!ux) break;
      const qx = qualifierAt(c, ux.end);
      values.push({ v: nx.value, s: k + 1, e: ux.end, unit: ux.unit, more: ux.more, qualifier: qx, qs: qx ? ux.end : undefined, qe: qx ? ux.end + qx.length : undefined });
      k = ux.end + (qx ? qx.length : 0);
    }
    if (values.length > 1) NUM_RE.lastIndex = k;
    // "40%左右的县（市）……达到优良标准", "94%的疑难危重疾病在省内得到救治": a share whose
    // subject follows the value
    let share: { s: number; e: number } | undefined;
    if (!closesStatement(c, k)) {
      if (i > 0 && values.length === 1 && value2 === undefined && (unit.unit === '%' || unit.unit === '‰')) share = shareSubject(c, k);
      // "再有30所县级医院晋升三级医疗机构", "新增100张床位": a count whose subject follows it
      else if (values.length === 1 && value2 === undefined && COUNT_LEAD.test(c.slice(Math.max(0, i - 2), i))) share = shareSubject(c, k);
      if (!share) continue;
    }
    // a trailing qualifier applies to every value of the list
    const lastQ = values[values.length - 1]!;
    if (lastQ.qualifier) for (const v of values) if (!v.qualifier) Object.assign(v, { qualifier: lastQ.qualifier, qs: lastQ.qs, qe: lastQ.qe });

    // comparator
    let cmpEnd = i;
    let cmp = findCmp(c, cmpEnd);
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
      const seg0 = clauseStart(c, i);
      const found = findCmpInside(c, seg0, i);
      if (found) {
        cmp = found.cmp;
        cmpEnd = found.end;
      }
    }
    const cmpStart = cmp ? cmpEnd - cmp.text.length : i;
    if (!cmp) cmpEnd = i;
    if (unit && NEEDS_COMPARATOR.has(unit.unit) && !cmp) continue;

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
    const first = cleanName(c, segStart, cut);
    const names: NameSeg[] = [];
    if (nameOk(c, first.s, first.e)) names.push({ s: first.s, e: first.e, text: c.slice(first.s, first.e) });
    // 、-list of names before this one: "感染者和病人抗病毒治疗率、病毒抑制率达到90%以上"
    let b = segStart - 1;
    while (names.length > 0 && names.length < 8 && c[b] === '、') {
      const s0 = clauseStart(c, b);
      const raw = c.slice(s0, b);
      if (raw.length === 0 || VALUE_AT_END.test(raw)) break;
      const cl = cleanName(c, s0, b);
      if (cl.e <= cl.s) break;
      names.unshift({ s: cl.s, e: cl.e, text: c.slice(cl.s, cl.e) });
      b = s0 - 1;
    }

    events ??= cueEvents(c, planYear);
    const cue = sentenceCue(events, periodStart, share ? share.e : cmpStart);
    const deadline = cue.deadline;
    const opClass: OpClass | 'range' = value2 !== undefined ? 'range' : cmp ? cmp.op : 'eq';
    const comparator = cmp ? cmp.text : '';
    const g = group++;

    const emit = (name: string, ns: number, ne: number, v: (typeof values)[number]): void => {
      const startC = ne > ns ? Math.min(ns, v.s) : v.s;
      const endC = Math.max(v.qe ?? v.e, ne);
      out.push({
        start: toT(startC),
        end: endT(endC),
        name,
        nameStart: ne > ns ? toT(ns) : toT(v.s),
        nameEnd: ne > ns ? endT(ne) : toT(v.s),
        comparator,
        comparatorStart: toT(cmpStart),
        comparatorEnd: cmp ? endT(cmpEnd) : toT(cmpStart),
        opClass: v.v2 !== undefined ? 'range' : v.more && opClass === 'eq' ? 'gt' : opClass,
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
        cue: cue.kind,
        sentence: sentIdx,
        group: g,
      });
    };

    if (share) {
      const nm = c.slice(share.s, share.e);
      emit(nm, share.s, share.e, values[0]!);
      const last = out[out.length - 1]!;
      // a percentage share is a part of a whole; a count ("再有30所…") is not
      if (unit.unit === '%' || unit.unit === '‰') last.share = true;
      // the statement as written starts at its comparator ("再有30所县级医院……")
      if (cmp && cmpStart < i) last.start = toT(cmpStart);
      prevInSentence = { sentence: sentIdx, name: nm, nameStart: share.s, nameEnd: share.e };
      continue;
    }

    if (names.length === 0) {
      // elliptical subject: "经费达到74元，比2015年增加34元" (nothing but a base clause before the verb)
      if (first.e <= first.s && prevInSentence && prevInSentence.sentence === sentIdx && values.length === 1) {
        emit(prevInSentence.name, -1, -1, values[0]!);
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
    prevInSentence = { sentence: sentIdx, name: values.length > 1 ? lastN.text : out[out.length - 1]!.name, nameStart: lastN.s, nameEnd: lastN.e };
  }
  return out;
}

interface SentenceCue {
  kind?: IndicatorKind;
  deadline?: { text: string; year?: number };
}

interface CueEvent {
  at: number;
  kind?: IndicatorKind;
  deadline?: { text: string; year?: number };
}

const PLAN_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Time cues of a paragraph, in order: deadlines and time references (a year before the plan
 * year marks the past, the plan year or later the future; 年内/年底前 the plan's own year), and
 * the words of plan language (力争, 确保, 计划…) and summary language (累计, 已, 截至…).
 * Titles in 《》 are skipped; a year after 比/较/由 is a base, not a time.
 */
function cueEvents(c: string, planYear: number | undefined): CueEvent[] {
  const text = c.includes('《') ? c.replace(/《[^》]*》/g, (x) => '\u0000'.repeat(x.length)) : c;
  const events: CueEvent[] = [];
  DEADLINE_RE.lastIndex = text.includes('年') || text.includes('月') || text.includes('五') ? 0 : text.length;
  let m: RegExpExecArray | null;
  while ((m = DEADLINE_RE.exec(text))) {
    const before = text[m.index - 1];
    if (before !== undefined && (BASE_BEFORE.has(before) || ISDIGIT.test(before))) continue;
    let year: number | undefined;
    let kind: IndicatorKind | undefined;
    if (m[2]) {
      year = Number(m[2]);
      if (planYear !== undefined) kind = year >= planYear ? 'target' : 'achieved';
      else if (m[1] === '到' || m[1] === '至' || m[4]) kind = 'target';
    } else if (m[7]) {
      year = 2000 + 5 * PLAN_NUMERALS.indexOf(m[7]) + 5;
      if (planYear !== undefined) kind = year >= planYear ? 'target' : 'achieved';
    } else {
      kind = 'target';
      year = planYear;
    }
    events.push({ at: m.index, kind, deadline: { text: m[0], year } });
  }
  for (const [re, kind] of [
    [TARGET_CUE, 'target'],
    [ACHIEVED_CUE, 'achieved'],
  ] as const) {
    re.lastIndex = 0;
    while ((m = re.exec(text))) events.push({ at: m.index, kind });
  }
  events.sort((a, b) => a.at - b.at);
  return events;
}

/**
 * What the sentence itself says about time before the comparator: the nearest cue wins; the
 * deadline is the nearest time reference.
 */
function sentenceCue(events: readonly CueEvent[], sentStart: number, end: number): SentenceCue {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.at < end) lo = mid + 1;
    else hi = mid;
  }
  let kind: IndicatorKind | undefined;
  let deadline: { text: string; year?: number } | undefined;
  // cue words far back in a run-on sentence do not speak for this value (and the walk stays short)
  const floor = Math.max(sentStart, end - 300);
  for (let k = lo - 1; k >= 0 && events[k]!.at >= floor; k--) {
    const e = events[k]!;
    if (!kind && e.kind) kind = e.kind;
    if (!deadline && e.deadline) deadline = e.deadline;
    if (kind && deadline) break;
  }
  return { kind, deadline };
}

/** Final relation of a statement, given its kind. */
export function resolveOp(q: Pick<RawQuantity, 'opClass' | 'qualifier'>, kind: IndicatorKind): IndicatorOp {
  const cls = q.opClass;
  if (cls === 'range') return 'range';
  if (cls === 'ge' || cls === 'le' || cls === 'gt' || cls === 'lt' || cls === 'increase' || cls === 'decrease') return cls;
  const qual = q.qualifier ? QUALIFIERS.find((x) => x.text === q.qualifier)?.op : undefined;
  if (qual && qual !== 'range') return qual;
  if (q.qualifier === '余' || q.qualifier === '多') return 'gt';
  if (cls === 'reach') return kind === 'target' ? 'ge' : 'eq';
  if (cls === 'lower') return kind === 'target' ? 'le' : 'eq';
  return cls;
}
