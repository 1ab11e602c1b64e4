/**
 * Stage 3 of indicator extraction: the classifier. Tells a target (plan language: 力争, 确保, 到2025年)
 * from an achieved value (summary language: 累计, 已, 截至, 现有, a year before the plan year) and from a
 * policy parameter (neither: 赤字率拟按3%安排, 一般设委员3至5名, 不得小于6.5米, 给予补助10万元, a period
 * of 7个月), reads the deadline or time reference that scopes the statement, and resolves the final
 * relation (≥, ≤, =, …) from the comparator, the qualifier and the kind. No state outside the call.
 */
import type { IndicatorKind, IndicatorOp } from '../model.js';
import { lowerBound, replaceBookTitles } from '../text.js';
import { fiveYearPlanEnd } from '../year.js';
import { ACHIEVED_CUE, PARAMETER_CUE, QUALIFIERS, TARGET_CUE, type OpClass } from './lexicon.js';

const DEADLINE_RE =
  /(到|至|截至|截止|于)?((?:19|20)[0-9]{2})年(底|末|年底|年末|上半年|下半年|全年)?(前|以前|之前)?|(年内|年底前|年底|年末|上半年|下半年|当年)|([0-9]{1,2})月(?:份)?(?=底|末|中旬|上旬|下旬|前|以前|之前)(?:底|末|中旬|上旬|下旬)?(?:前|以前|之前)?|[“"]?十([一二三四五六七八九])五[”"]?(?:末|期末|期间|时期)/g;
/** the parameter cues of a grant: they speak for their own clause only */
const GRANT = /^(?:给予|奖补|最高|一次性)/;
/** the marks that end a clause */
const CLAUSE_MARK = /[，,；;。！？]/;
const BASE_BEFORE = new Set(['比', '较', '由', '从', '—', '-', '～', '~', '《']);
const ISDIGIT = /[0-9０-９]/;

export interface SentenceCue {
  kind?: IndicatorKind;
  deadline?: { text: string; year?: number };
}

export interface CueEvent {
  at: number;
  /** a cue that speaks only for its own clause (给予…): where that clause ends */
  until?: number;
  kind?: IndicatorKind;
  deadline?: { text: string; year?: number };
}

/**
 * Time cues of a paragraph, in order: deadlines and time references (a year before the plan
 * year marks the past, the plan year or later the future; 年内/年底前 the plan's own year), and
 * the words of plan language (力争, 确保, 计划…) and summary language (累计, 已, 截至…).
 * Titles in 《》 are skipped; a year after 比/较/由 is a base, not a time.
 */
export function cueEvents(c: string, planYear: number | undefined): CueEvent[] {
  const text = c.includes('《') ? replaceBookTitles(c, (x) => '\u0000'.repeat(x.length)) : c;
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
      // 截至 + a year is a time like any other: the plan's year or later is a deadline (截至2027年底…达到100%
      // in a 2027 plan), an earlier one a review's date; with no plan year, 截至 looks back
      if (planYear !== undefined) kind = year >= planYear ? 'target' : 'achieved';
      else if (m[1] === '到' || m[1] === '至' || m[4]) kind = 'target';
      else if (m[1] === '截至' || m[1] === '截止') kind = 'achieved';
    } else if (m[7]) {
      year = fiveYearPlanEnd(m[7]);
      if (planYear !== undefined && year !== undefined) kind = year >= planYear ? 'target' : 'achieved';
    } else if (m[5] === '年内' || m[5] === '年底前' || (m[6] && /前$/.test(m[0]))) {
      // 前 and 内 point ahead: a deadline within the plan's year
      kind = 'target';
      year = planYear;
    } else {
      // 年底, 年末, 上半年, 当年: a time of the year, in a summary as well as in a plan
      year = undefined;
    }
    events.push({ at: m.index, kind, deadline: { text: m[0], year } });
  }
  for (const [re, kind] of [
    [TARGET_CUE, 'target'],
    [ACHIEVED_CUE, 'achieved'],
    [PARAMETER_CUE, 'parameter'],
  ] as const) {
    re.lastIndex = 0;
    while ((m = re.exec(text))) {
      // a grant (给予补助10万元, 奖补) sets the amount of its own clause, not of the clauses after it
      if (kind === 'parameter' && GRANT.test(m[0])) {
        const close = CLAUSE_MARK.exec(text.slice(m.index));
        events.push({ at: m.index, kind, until: close ? m.index + close.index : text.length });
      } else events.push({ at: m.index, kind });
    }
  }
  events.sort((a, b) => a.at - b.at);
  return events;
}

/**
 * What the sentence itself says about time before the comparator: the nearest cue wins; the
 * deadline is the nearest time reference.
 */
export function sentenceCue(events: readonly CueEvent[], sentStart: number, end: number): SentenceCue {
  const lo = lowerBound(events.length, (i) => events[i]!.at < end);
  let kind: IndicatorKind | undefined;
  let deadline: { text: string; year?: number } | undefined;
  // cue words far back in a run-on sentence do not speak for this value (and the walk stays short)
  const floor = Math.max(sentStart, end - 300);
  for (let k = lo - 1; k >= 0 && events[k]!.at >= floor; k--) {
    const e = events[k]!;
    if (e.until !== undefined && e.until < end) continue;
    if (!kind && e.kind) kind = e.kind;
    if (!deadline && e.deadline) deadline = e.deadline;
    if (kind && deadline) break;
  }
  return { kind, deadline };
}

/** Final relation of a statement, given its kind. */
export function resolveOp(q: { opClass: OpClass | 'range'; qualifier?: string }, kind: IndicatorKind): IndicatorOp {
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

/** Units of a period of time (7个月, 2-3个月时间): with no bounding comparator, a parameter. */
const PERIOD_UNITS = new Set(['年', '个月', '月', '天', '日', '周', '小时']);

/**
 * Kind from the statement's own shape, when its wording says nothing: a period written as
 * “N个月时间” or named …期/期限 (年度应急保障期7个月) is a parameter; a ratio or a value with no unit
 * after 不大于/控制在 in a rule is one too (拆建比不大于2) — its kind is left to the sentence.
 */
export function shapeKind(unit: string, opClass: OpClass | 'range', name: string, after: string): IndicatorKind | undefined {
  if (PERIOD_UNITS.has(unit) && (opClass === 'eq' || opClass === 'range' || opClass === 'approx')) {
    if (after.startsWith('时间') || /(?:期|期限|周期)$/.test(name)) return 'parameter';
  }
  return undefined;
}

/**
 * A rule's norm in the clause of the value: 原则上 (原则上拆建比不大于2, 联席会议原则上每年召开1次), or a
 * bound on each member of a class (每个村…至少有1名, 每个耐张段至少接地1次) or on the members a
 * threshold selects (超过0.5公里的耐张段至少接地2次). With no deadline or plan word of its own, such a
 * statement is a parameter. Only the clause (to the last comma) counts: in 钢铁产能原则上全部转移退出，
 * 合计…1975万吨 the 原则上 speaks for the clause before.
 */
const DISTRIBUTIVE = /每(?:个|一|名|家|户|所|座|处|条|项|位|村|镇|乡|县|人)|(?:超过|大于|不足|小于|低于|高于)[0-9０-９.．]+[^，。；、0-9]{0,4}的/;
const BOUNDS = new Set<string>(['ge', 'le', 'gt', 'lt']);

export function normKind(c: string, from: number, to: number, op: string | undefined, unit = ''): IndicatorKind | undefined {
  let s = to;
  while (s > from && to - s < 80 && c[s - 1] !== '，' && c[s - 1] !== ',') s--;
  const clause = c.slice(s, to);
  if (clause.includes('原则上')) return 'parameter';
  // a frequency for each member or period (8月份和9月份各安排督导一次, 每季度召开2次): a schedule
  if ((unit === '次' || unit === '轮') && (clause.includes('各') || DISTRIBUTIVE_PERIOD.test(clause))) return 'parameter';
  return op !== undefined && BOUNDS.has(op) && DISTRIBUTIVE.test(clause) ? 'parameter' : undefined;
}
const DISTRIBUTIVE_PERIOD = /每(?:年|季度?|月|周|半年|旬)/;

/**
 * A provision assigned to an agent with 由 (由各组长单位指派1名联络员, 每个督导组由…配备专家1名): the
 * make-up of a body, a parameter of the plan when stated in plan language.
 */
const ASSIGNED = /(?:^|[，,；;。])[^，,；;。]{0,8}由[^，,；;。]{1,24}?(?:配备|指派|委派|选派|抽调|派驻|明确)/;
export function assignedProvision(c: string, from: number, to: number): boolean {
  return ASSIGNED.test(c.slice(Math.max(from, to - 40), to));
}

/** 可 before a comparator grants a permission (各地可降至16%, 期限可延长至3年): a rule's parameter; 可达到 predicts. */
export function permits(c: string, cmp: { text: string } | undefined, cmpStart: number): boolean {
  return cmp !== undefined && c.charCodeAt(cmpStart - 1) === 0x53ef /* 可 */ && !cmp.text.startsWith('达');
}
