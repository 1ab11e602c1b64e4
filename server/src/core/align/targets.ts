/**
 * Target ↔ indicator matching and comparison.
 *
 * A superior target is matched to the draft indicator (in the plan part, stated as a target, not
 * an achieved value) whose name is most similar: Dice coefficient of the names' character bigrams
 * over the target's name and aliases (1 when the draft name contains an alias). A match needs
 * ≥ 0.6, and a compatible unit unless the names agree closely (≥ 0.8, then a different unit is
 * itself a finding).
 *
 * When no indicator matches, a draft that restates the superior's sentence word for word (white
 * space ignored) is matched there, with the superior's own values.
 *
 * Comparison: direction from the target (以上/不低于/提高到/增长 = more is better; 以下/控制在/
 * 降至 = less is better; for 左右/达到 the name decides: 死亡率, 发病率 … are “less is better”),
 * values in the target's unit (% ↔ ‰ converted; 名 = 人), comparator (a floor answered with 左右
 * or a ceiling is weaker), and deadline (a later year than the target's is weaker).
 *
 * Applicability: a target binds the draft when its year is not after the draft's year, and it
 * is a rate or per-capita figure (a provincial total such as “再有30所”, or a share of the
 * province's counties such as “40%左右的县（市）…”, binds only a draft of the same level; a set
 * may say so explicitly with `binds`). A non-binding target the draft does not state is
 * not-applicable, not missing.
 */
import { activeSession } from '../session.js';
import type { Indicator, IndicatorOp } from '../model.js';
import type { RequirementSet, Target } from '../requirements/types.js';
import type { Span } from '../text.js';
import type { PlanPart, TargetAlignment, TargetProblem, TargetStatus } from './types.js';
import { normalize } from './similarity.js';
import { Lru } from '../generation-memo.js';

export const NAME_MATCH = 0.6;
export const NAME_CLOSE = 0.8;

const STRIP = /[“”‘’"'《》〈〉「」『』（）()、，,。；;：:\s]/g;

/** Character bigrams as numbers (two UTF-16 code units: c1 · 65536 + c2), no strings to hash. */
function bigrams(s: string): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1));
  return out;
}

function cleanName(s: string): string {
  return normalize(s).replace(STRIP, '');
}

/** Dice coefficient of character bigrams (1 for equal names). */
export function nameSimilarity(a: string, b: string): number {
  const x = cleanName(a);
  const y = cleanName(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const bx = bigrams(x);
  const by = bigrams(y);
  let shared = 0;
  for (const g of bx) if (by.has(g)) shared++;
  return (2 * shared) / (bx.size + by.size || 1);
}

interface PreparedName {
  clean: string;
  grams: Set<number>;
}

/** Prepared draft indicator names by name (bounded): names recur across the analyses of a draft. */
const PREPARED: object = Object.freeze({ name: 'prepared indicator names' });
/** The active session's prepared names (an Lru) and targets (by target object). */
function prepared(): { names: Lru<string, PreparedName>; targets: WeakMap<Target, PreparedName[]> } {
  return activeSession().state(PREPARED, () => ({ names: new Lru<string, PreparedName>(4096), targets: new WeakMap<Target, PreparedName[]>() }));
}

function prepareName(n: string): PreparedName {
  return prepared().names.use(n, () => {
    const clean = cleanName(n);
    return { clean, grams: bigrams(clean) };
  });
}

function targetNames(target: Target): PreparedName[] {
  const preparedTargets = prepared().targets;
  let names = preparedTargets.get(target);
  if (!names) {
    names = [target.name, ...(target.aliases ?? [])].map(prepareName);
    preparedTargets.set(target, names);
  }
  return names;
}

function dice(a: PreparedName, b: PreparedName): number {
  if (!a.clean || !b.clean) return 0;
  if (a.clean === b.clean) return 1;
  let shared = 0;
  for (const g of a.grams) if (b.grams.has(g)) shared++;
  return (2 * shared) / (a.grams.size + b.grams.size || 1);
}

function nameScore(names: readonly PreparedName[], draft: PreparedName): number {
  let best = 0;
  for (const n of names) {
    // a name inside the draft's name counts as the same indicator only when it is most of it
    // (“免疫规划疫苗接种率” in “适龄儿童免疫规划疫苗接种率”, not “接种率” in “新冠病毒疫苗接种率”)
    if (n.clean.length >= 4 && draft.clean.includes(n.clean) && n.clean.length >= 0.6 * draft.clean.length) return 1;
    best = Math.max(best, dice(n, draft));
  }
  return best;
}

export function targetNameScore(target: Target, ind: Indicator): number {
  return nameScore(targetNames(target), prepareName(ind.name));
}

/** Unit normal form. */
export function normalizeUnit(u: string): string {
  const s = normalize(u).replace(/^每/, '');
  if (s === '％' || s === '%') return '%';
  if (s === '名' || s === '人' || s === '人次') return s === '人次' ? '人次' : '人';
  if (/^\/(10|十)万$/.test(s) || s === '/100000') return '/10万';
  return s;
}

/** Factor converting a value in `from` into `to`, when convertible. */
function conversion(from: string, to: string): number | undefined {
  const f = normalizeUnit(from);
  const t = normalizeUnit(to);
  if (f === t) return 1;
  if (f === '%' && t === '‰') return 10;
  if (f === '‰' && t === '%') return 0.1;
  if (f === '万人' && t === '人') return 10000;
  if (f === '人' && t === '万人') return 1e-4;
  return undefined;
}

const RATE_UNITS = new Set(['%', '‰', '/10万', '/万', '岁']);
const LOWER_IS_BETTER = /(死亡率|发病率|患病率|感染率|病死率|超标率|耗时|费用|负担|差错率|漏报率)/;

export function isRateTarget(t: Target): boolean {
  return RATE_UNITS.has(normalizeUnit(t.unit)) || /(每千|每万|人均|率|比例|占比)/.test(t.name);
}

/** A share of the issuer's subordinate jurisdictions (“40%的县（市）…”): binds the issuer only. */
const SUBORDINATE = /(县（市）|县\(市\)|县市|市县|省辖市|地市|各市|各县)/;

/** Whether a target binds a draft of the given level (see Target.binds). */
export function bindsLevel(t: Target, setLevel: string | undefined, draftLevel: string | undefined): boolean {
  const same = setLevel !== undefined && draftLevel === setLevel;
  if (t.binds === 'all') return true;
  if (t.binds === 'same-level') return same;
  return same || (isRateTarget(t) && !SUBORDINATE.test(t.name));
}

type Direction = 'up' | 'down';
function direction(t: Target): Direction {
  if (t.op === 'ge' || t.op === 'gt' || t.op === 'increase') return 'up';
  if (t.op === 'le' || t.op === 'lt' || t.op === 'decrease') return 'down';
  return LOWER_IS_BETTER.test(t.name) ? 'down' : 'up';
}

function yearOf(deadline: string | undefined, fallback: number | undefined): number | undefined {
  if (!deadline) return fallback;
  const m = /((?:19|20)\d{2})/.exec(deadline);
  if (m) return Number(m[1]);
  return fallback;
}

const opText: Record<IndicatorOp, string> = { ge: '≥', gt: '>', le: '≤', lt: '<', eq: '=', approx: '≈', range: '', increase: '+', decrease: '−' };

export function describeTarget(t: Pick<Target, 'op' | 'value' | 'value2' | 'unit'>): string {
  if (t.op === 'range') return `${t.value}～${t.value2 ?? ''}${t.unit}`;
  return `${opText[t.op]}${t.value}${t.unit}`;
}

export function compareTarget(
  target: Target,
  ind: Indicator,
  draftYear: number | undefined,
): { status: TargetStatus; problems: TargetProblem[]; draftValue?: number; reason: { zh: string; en: string } } {
  const problems: TargetProblem[] = [];
  const zh: string[] = [];
  const en: string[] = [];
  const dir = direction(target);
  const factor = conversion(ind.unit, target.unit);
  let draftValue: number | undefined;
  let valueCmp = 0; // +1 stronger, 0 equal, −1 weaker
  if (factor === undefined) {
    problems.push('unit');
    zh.push(`单位不同（草案“${ind.unit || '无'}”，上级“${target.unit || '无'}”）`);
    en.push(`different unit (draft "${ind.unit}", superior "${target.unit}")`);
  } else {
    // a range in the draft promises its lower bound (more is better) or its upper bound
    const dv = (ind.op === 'range' && ind.value2 !== undefined ? (dir === 'up' ? Math.min(ind.value, ind.value2) : Math.max(ind.value, ind.value2)) : ind.value) * factor;
    draftValue = Math.round(dv * 1e6) / 1e6;
    const tv = target.op === 'range' && target.value2 !== undefined ? (dir === 'up' ? Math.min(target.value, target.value2) : Math.max(target.value, target.value2)) : target.value;
    const eps = 1e-9 * Math.max(1, Math.abs(tv));
    if (Math.abs(dv - tv) <= eps) valueCmp = 0;
    else valueCmp = (dv > tv) === (dir === 'up') ? 1 : -1;
    if (valueCmp < 0) {
      problems.push('value');
      zh.push(`草案 ${draftValue}${target.unit} ${dir === 'up' ? '低于' : '高于'}上级 ${describeTarget(target)}`);
      en.push(`draft ${draftValue}${target.unit} is ${dir === 'up' ? 'below' : 'above'} the superior ${describeTarget(target)}`);
    }
  }
  // comparator: a floor (以上/不低于) answered with 左右 or with a ceiling, and vice versa
  const targetBound = target.op === 'ge' || target.op === 'gt' ? 'floor' : target.op === 'le' || target.op === 'lt' ? 'ceiling' : undefined;
  if (targetBound && valueCmp === 0) {
    const loose = ind.op === 'approx' || (targetBound === 'floor' && (ind.op === 'le' || ind.op === 'lt')) || (targetBound === 'ceiling' && (ind.op === 'ge' || ind.op === 'gt'));
    if (loose) {
      problems.push('comparator');
      zh.push(`草案“${ind.comparator}${ind.qualifier ?? ''}”不如上级“${target.comparator}${target.qualifier ?? ''}”严格`);
      en.push(`draft "${ind.comparator}${ind.qualifier ?? ''}" is looser than the superior "${target.comparator}${target.qualifier ?? ''}"`);
    }
  }
  const targetYear = yearOf(target.deadline, target.year);
  const indYear = yearOf(ind.deadline, draftYear);
  if (targetYear !== undefined && indYear !== undefined && indYear > targetYear) {
    problems.push('deadline');
    zh.push(`完成时限晚于上级（草案 ${indYear} 年，上级 ${targetYear} 年）`);
    en.push(`deadline later than the superior's (draft ${indYear}, superior ${targetYear})`);
  }
  let status: TargetStatus;
  if (problems.length) status = 'weaker';
  else if (valueCmp > 0) status = 'stronger';
  else status = 'met';
  if (status === 'met') {
    zh.push(`草案 ${ind.text.replace(/\s+/g, '')} 与上级 ${describeTarget(target)} 一致`);
    en.push(`draft ${ind.text.replace(/\s+/g, '')} meets the superior ${describeTarget(target)}`);
  } else if (status === 'stronger') {
    zh.push(`草案 ${draftValue}${target.unit} 严于上级 ${describeTarget(target)}`);
    en.push(`draft ${draftValue}${target.unit} is stricter than the superior ${describeTarget(target)}`);
  }
  return { status, problems, draftValue, reason: { zh: zh.join('；'), en: en.join('; ') } };
}

/** Finds the superior's wording (white space ignored) in the draft's plan part: a document span. */
export type QuoteSearch = (quote: string) => Span | undefined;

export function alignTargets(indicators: readonly Indicator[], set: RequirementSet, part: PlanPart, findQuote?: QuoteSearch): TargetAlignment[] {
  const candidates = indicators.filter((i) => i.kind === 'target').map((ind) => ({ ind, name: prepareName(ind.name) }));
  // candidates by name bigram: a name that shares no bigram with a target's names scores 0 (a
  // name inside another shares its bigrams too), so only those sharing one are scored
  const byGram = new Map<number, number[]>();
  candidates.forEach(({ name }, ci) => {
    for (const g of name.grams) {
      const list = byGram.get(g);
      if (list) list.push(ci);
      else byGram.set(g, [ci]);
    }
  });
  const seen = new Uint8Array(candidates.length);
  return set.targets.map((target) => {
    const names = targetNames(target);
    const shortlist: number[] = [];
    // a one-character name has no bigram (it can only equal another): every candidate is scored
    if (names.some((n) => n.grams.size === 0)) {
      candidates.forEach((_, ci) => shortlist.push(ci));
    } else {
      for (const n of names) {
        for (const g of n.grams) {
          for (const ci of byGram.get(g) ?? []) {
            if (seen[ci]) continue;
            seen[ci] = 1;
            shortlist.push(ci);
          }
        }
      }
    }
    // document order, as the full scan had it (ties keep the first)
    shortlist.sort((a, b) => a - b);
    for (const ci of shortlist) seen[ci] = 0;
    let best: { ind: Indicator; score: number; name: number } | undefined;
    for (const ci of shortlist) {
      const { ind, name } = candidates[ci]!;
      const score = nameScore(names, name);
      if (score < NAME_MATCH) continue;
      const unitOk = conversion(ind.unit, target.unit) !== undefined;
      if (!unitOk && score < NAME_CLOSE) continue;
      const rank = score + (unitOk ? 0.05 : 0);
      if (!best || rank > best.score + 1e-9) best = { ind, score: rank, name: score };
    }
    const targetYear = target.year ?? set.year;
    // a draft that names no year is taken to be for the set's year
    const draftYear = part.year ?? set.year;
    const yearOk = targetYear === undefined || draftYear === undefined || targetYear <= draftYear;
    const levelOk = bindsLevel(target, set.level, part.level);
    const applies = yearOk && levelOk;
    if (!best && findQuote && target.source?.quote) {
      // the draft restates the superior's sentence word for word (the extractor may not name it)
      const at = findQuote(target.source.quote);
      if (at) {
        best = {
          ind: {
            start: at.start,
            end: at.end,
            text: target.source.quote,
            name: target.name,
            comparator: target.comparator,
            op: target.op,
            value: target.value,
            ...(target.value2 !== undefined ? { value2: target.value2 } : {}),
            unit: target.unit,
            ...(target.qualifier ? { qualifier: target.qualifier } : {}),
            kind: 'target',
            valueSpan: at,
          },
          score: 1,
          name: 1,
        };
      }
    }
    if (!best) {
      const why = !yearOk
        ? { zh: `上级 ${targetYear} 年目标，草案为 ${draftYear} 年，不要求体现`, en: `a ${targetYear} target; the draft is for ${draftYear}` }
        : !levelOk
          ? { zh: '上级本级的总量或辖区分布目标，下级草案不必重述', en: "a superior's own total or share of its jurisdictions, which a lower-level draft need not restate" }
          : { zh: '草案中未找到对应指标', en: 'no matching indicator in the draft' };
      return { set: set.name, target, status: applies ? 'missing' : 'not-applicable', applies, problems: [], reason: why };
    }
    const cmp = compareTarget(target, best.ind, part.year);
    return {
      set: set.name,
      target,
      status: cmp.status,
      applies,
      indicator: best.ind,
      nameScore: Math.round(best.name * 1000) / 1000,
      problems: cmp.problems,
      reason: cmp.reason,
      draftValue: cmp.draftValue,
    };
  });
}
