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
import type { AnalysisSession } from '../session.js';
import type { Indicator } from '../model.js';
import type { RequirementSet, Target } from '../requirements/types.js';
import type { Span } from '../text.js';
import type { PlanPart, TargetAlignment } from './types.js';
import { applicability } from './binding.js';
import { compareTarget } from './compare.js';
import { unitFactor } from './units.js';
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
/** The session's prepared names (an Lru) and targets (by target object). */
function prepared(session: AnalysisSession): { names: Lru<string, PreparedName>; targets: WeakMap<Target, PreparedName[]> } {
  return session.state(PREPARED, () => ({ names: new Lru<string, PreparedName>(4096), targets: new WeakMap<Target, PreparedName[]>() }));
}

function prepareName(session: AnalysisSession, n: string): PreparedName {
  return prepared(session).names.use(n, () => {
    const clean = cleanName(n);
    return { clean, grams: bigrams(clean) };
  });
}

function targetNames(session: AnalysisSession, target: Target): PreparedName[] {
  const preparedTargets = prepared(session).targets;
  let names = preparedTargets.get(target);
  if (!names) {
    names = [target.name, ...(target.aliases ?? [])].map((n) => prepareName(session, n));
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

/** Unit normal form. */
export function normalizeUnit(u: string): string {
  const s = normalize(u).replace(/^每/, '');
  if (s === '％' || s === '%') return '%';
  if (s === '名' || s === '人' || s === '人次') return s === '人次' ? '人次' : '人';
  if (/^\/(10|十)万$/.test(s) || s === '/100000') return '/10万';
  return s;
}

/** Factor converting a value in `from` into `to`, when convertible (the one unit table: units.ts). */
function conversion(from: string, to: string): number | undefined {
  return unitFactor(from, to);
}

export { isRateTarget } from './binding.js';
export { compareTarget, describeTarget } from './compare.js';

/** Finds the superior's wording (white space ignored) in the draft's plan part: a document span. */
export type QuoteSearch = (quote: string) => Span | undefined;

export function alignTargets(
  indicators: readonly Indicator[],
  set: RequirementSet,
  part: PlanPart,
  session: AnalysisSession,
  findQuote?: QuoteSearch,
): TargetAlignment[] {
  const candidates = indicators.filter((i) => i.kind === 'target').map((ind) => ({ ind, name: prepareName(session, ind.name) }));
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
    const names = targetNames(session, target);
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
    // level, binds and year (binding.ts): a target that does not bind the draft is never compared
    const app = applicability(target, set, part);
    const applies = app.applies;
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
    const level = set.level ? { level: set.level } : {};
    if (!best) {
      const why = app.reason && !applies ? app.reason : { zh: '草案中未找到对应指标', en: 'no matching indicator in the draft' };
      return { set: set.name, target, status: applies ? 'missing' : 'not-applicable', applies, problems: [], reason: why, ...level };
    }
    const matchScore = Math.round(best.name * 1000) / 1000;
    if (!applies || !app.compare) {
      // stated in the draft, but not to be compared: a total of the superior's own level, another
      // year's target, an allocated total, or a path's earlier year
      return {
        set: set.name,
        target,
        status: applies ? 'not-comparable' : 'not-applicable',
        applies,
        indicator: best.ind,
        nameScore: matchScore,
        problems: [],
        reason: app.reason!,
        ...level,
      };
    }
    const cmp = compareTarget(target, best.ind, part.year);
    return {
      set: set.name,
      target,
      status: cmp.status,
      applies,
      indicator: best.ind,
      nameScore: matchScore,
      problems: cmp.problems,
      reason: cmp.reason,
      ...(cmp.draftValue !== undefined ? { draftValue: cmp.draftValue } : {}),
      ...level,
    };
  });
}
