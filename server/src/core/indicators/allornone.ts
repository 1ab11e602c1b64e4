/**
 * Quantities stated without a number (issue 14): 全覆盖 (实现重点县科技特派员服务全覆盖: 100%) and zero
 * (实现城市污水“零直排”, 安全生产零事故, “散乱污”企业动态清零: 0). Such a word is a statement only when it
 * closes its clause (全覆盖的监测网络, 以“零容忍”的态度, 零部件产业, 近零排放示范 are not), and 全覆盖
 * never inside 健全覆盖. Indices are into compact text. No state outside the call.
 */
import { STATEMENT_END } from './lexicon.js';
import { clauseStart, cleanName, hanCount, ISDIGIT, nameOk } from './reader.js';

export interface AllOrNone {
  /** the word as written (全覆盖, 零直排, 清零) */
  s: number;
  e: number;
  value: number;
  unit: string;
  /** the name: the clause before the word (after 实现), plus what is zero (直排) */
  name: string;
  ns: number;
  ne: number;
}

/** 全覆盖 states 100% of a coverage: the measure is named 覆盖面 of its subject (乡村两级公共文化服务覆盖面). */
const COVERAGE = '覆盖面';

/** 全覆盖, 清零, or 零 + one or two characters (零事故, “零直排”) at a clause end. */
const WORD = /全覆盖|清零|零[\u4e00-\u9fff]{1,2}(?=”?(?:[，,。；;：:！？!?）)\n]|$))/g;
const ADVERB_TRAIL = /(?:动态|基本|逐步|全面|率先|实现)+$/;
/** Adverbs and verbs of plan language before the subject: 推进城镇污水管网全覆盖, 实施“散乱污”企业动态清零. */
const ADVERB_LEAD = new Set(['基本', '逐步', '全面', '率先', '实现', '推动', '推进', '加快', '实施', '做到', '保持', '确保', '力争', '促进']);

function closesAt(c: string, e: number): boolean {
  const end = c[e] === '”' ? e + 1 : e;
  return end >= c.length || STATEMENT_END.has(c[end]!);
}

/**
 * The action of the clause before a comma at `ns` - 1, without the count that may close it (举办名中医…
 * 服务活动|1000场; 开展巡回医疗服务): what a following 实现X全覆盖 with only its extent X spreads.
 * Undefined when that clause is another sentence, is short, or holds other figures.
 */
const COUNT_AT_END = /^(.*?[\u4e00-\u9fff”）)])[0-9０-９.．]+[万亿]?[\u4e00-\u9fff]{1,2}(?:以上|左右)?$/;
function previousClause(c: string, ns: number): { text: string } | undefined {
  if (c[ns - 1] !== '，' && c[ns - 1] !== ',') return undefined;
  const ps = clauseStart(c, ns - 1);
  const clause = c.slice(ps, ns - 1);
  const action = COUNT_AT_END.exec(clause)?.[1] ?? clause;
  if (hanCount(action) < 4 || ISDIGIT.test(action)) return undefined;
  const cl = cleanName(c, ps, ps + action.length);
  return cl.e > cl.s ? { text: c.slice(cl.s, cl.e) } : undefined;
}

export function scanAllOrNone(c: string): AllOrNone[] {
  if (!c.includes('全覆盖') && !c.includes('零')) return [];
  const out: AllOrNone[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(c))) {
    const s = m.index;
    const e = s + m[0].length;
    const zero = m[0] !== '全覆盖';
    if (!closesAt(c, e)) continue;
    if (m[0] === '全覆盖' && c[s - 1] === '健') continue;
    // 实现100%全覆盖: the number states it
    if (/[0-9０-９%％]/.test(c[s - 1] ?? '')) continue;
    // 近零排放: near zero, a type of emission
    if (m[0][0] === '零' && (c[s - 1] === '近' || c[s - 1] === '趋')) continue;
    let to = c[s - 1] === '“' ? s - 1 : s;
    const trail = ADVERB_TRAIL.exec(c.slice(Math.max(0, to - 8), to));
    if (trail) to -= trail[0].length;
    const cs = clauseStart(c, to);
    const cl = cleanName(c, cs, to);
    let ns = cl.s;
    // a note in brackets before the subject ((省能源局牵头，…配合)实施…): not part of the name
    if (c[ns] === '(' || c[ns] === '（') {
      const close = c.slice(ns, cl.e).search(/[)）]/);
      if (close > 0) ns += close + 1;
    }
    while (ns < cl.e && ADVERB_LEAD.has(c.slice(ns, ns + 2))) ns += 2;
    // 客运班线公交化运营实现乡镇全覆盖: the subject is the clause without its verb
    const raw = c.slice(ns, cl.e);
    const verb = raw.indexOf('实现');
    const name = verb >= 0 ? raw.slice(0, verb) + raw.slice(verb + 2) : raw;
    const what = m[0][0] === '零' ? m[0].slice(1) : '';
    // 举办服务活动1000场，实现市县全覆盖: only the extent is left, the subject is the previous clause's
    const carried = ns > cs && !zero && hanCount(name) <= 3 ? previousClause(c, cs) : undefined;
    if (carried) {
      out.push({ s, e, value: 100, unit: '%', name: carried.text + name + COVERAGE, ns, ne: cl.e });
      continue;
    }
    // 每月全覆盖: a frequency, no subject
    if (!nameOk(name, 0, name.length) || hanCount(name + what) < 3 || name.startsWith('每')) continue;
    out.push({ s, e, value: zero ? 0 : 100, unit: zero ? '' : '%', name: zero ? name + what : name + COVERAGE, ns, ne: cl.e });
  }
  return out;
}
