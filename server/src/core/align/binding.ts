/**
 * Which superior targets bind a draft: by level (the target's `binds` and the two levels) and by
 * year (the draft's year only, unless the set or the target is a path).
 *
 * `binds`, when a set does not say it, is inferred from the target:
 *  - rates, ratios, intensities and per-capita figures (率, 比例, 占比, 比重, 强度, 人均, 每千人口 …;
 *    a unit of %, ‰, /10万; growth or reduction by x%) bind every level below: each jurisdiction
 *    states its own rate;
 *  - a share of the superior's own subordinate jurisdictions (“40%的县（市）…”) binds the superior's
 *    level only;
 *  - a total or count of the superior's own jurisdiction (万人, 亿元, 个, 家, 亩 …) binds the same level,
 *    unless the text allocates it: “分解到各市”, “各市…” make it `allocated` (a lower draft states its
 *    share, whose value is not compared with the total); “每个县…” makes it a per-unit figure that
 *    binds every level below.
 */
import type { Localized } from '../model.js';
import { isBelow, LEVEL_NAME, sameTier, type GovLevel } from '../levels.js';
import type { RequirementSet, Target, TargetBinds } from '../requirements/types.js';
import type { TargetAlignment } from './types.js';
import { isRateUnit, parseUnit, unitFactor } from './units.js';

const RATE_NAME = /(率|比例|占比|比重|强度|人均|每千|每万|每百|每十万|指数|系数|密度|增速|增幅|涨幅|降幅)/;
/** A share of the issuer's subordinate jurisdictions (“40%的县（市）…”): binds the issuer only. */
const SUBORDINATE = /(县（市）|县\(市\)|县市|市县|省辖市|地市|各市|各县)/;
/** The text hands a total down: 分解到各市, 下达到各县 … */
const ALLOCATED = /(分解到|分解下达|下达到|分配到|落实到)(各|每个|所有)?(省|市|县|区|乡镇|地)/;
/** A per-unit figure: 每个县, 每县, 每个乡镇 … */
const PER_UNIT = /(每个|每一个|每)(省|市|县|区|乡镇|乡|镇|街道|村|社区)/;

export function isRateTarget(t: Pick<Target, 'name' | 'unit'>): boolean {
  return isRateUnit(t.unit) || RATE_NAME.test(t.name);
}

/**
 * The inferred `binds` of a target (the set's own value wins where it gives one). `context` is the
 * sentence the target was read from, when known (the extractor passes it; a curated set's quote
 * serves otherwise).
 */
export function inferBinds(t: Pick<Target, 'name' | 'unit' | 'op' | 'source'>, context?: string): TargetBinds {
  const text = context ?? t.source?.quote ?? '';
  if (SUBORDINATE.test(t.name)) return 'same-level';
  if (isRateTarget(t)) return 'all';
  // growth or reduction in percent of a total (“增长5%”) is a rate
  if ((t.op === 'increase' || t.op === 'decrease') && parseUnit(t.unit).dimension === 'ratio') return 'all';
  if (PER_UNIT.test(t.name) || PER_UNIT.test(text)) return 'all';
  if (ALLOCATED.test(text)) return 'allocated';
  return 'same-level';
}

export function bindsOf(t: Target): TargetBinds {
  return t.binds ?? inferBinds(t);
}

export interface Applicability {
  /** the target binds the draft (a draft that does not state it misses it) */
  applies: boolean;
  /** the draft's value is compared with the target's (false: a path's earlier year, an allocated total) */
  compare: boolean;
  /** why it does not apply, or why values are not compared */
  reason?: Localized;
}

/** Whether a target binds a draft of the given level and year (see the module comment). */
export function applicability(t: Target, set: Pick<RequirementSet, 'level' | 'year' | 'path'>, draft: { level?: GovLevel; year?: number }): Applicability {
  const binds = bindsOf(t);
  const S = set.level;
  const D = draft.level;
  let compare = true;
  let why: Localized | undefined;
  if (S && D && isBelow(S, D)) {
    return {
      applies: false,
      compare: false,
      reason: {
        zh: `上级为${S}级，草案为${D}级（层级高于上级），不适用`,
        en: `the draft (${LEVEL_NAME[D].en}) is above the set (${LEVEL_NAME[S].en}): not applicable`,
      },
    };
  }
  const same = S !== undefined && D !== undefined && sameTier(S, D);
  if (binds === 'same-level' && !same) {
    return {
      applies: false,
      compare: false,
      reason: {
        zh: `上级${S ?? ''}本级的总量或辖区分布目标，只约束同级，${D ? `${D}级` : '下级'}草案不必重述，也不比较数值`,
        en: `a total or a share of jurisdictions of the superior's own level (${S ? LEVEL_NAME[S].en : 'level not stated'}), which binds that level only; a draft of ${D ? LEVEL_NAME[D].en : 'a lower level'} need not restate it and its values are not compared`,
      },
    };
  }
  if (binds === 'allocated' && !same) {
    compare = false;
    why = {
      zh: '上级总量分解到下级，草案应写明本级承担的份额，数值不与上级总量比较',
      en: 'a superior total allocated to the levels below: the draft states its own share, which is not compared with the total',
    };
  }
  const ty = t.year ?? set.year;
  const dy = draft.year ?? set.year;
  if (ty !== undefined && dy !== undefined && ty !== dy) {
    const path = t.path ?? set.path ?? false;
    const from = set.year ?? ty;
    if (path && dy < ty && dy >= from) {
      return {
        applies: true,
        compare: false,
        reason: {
          zh: `上级 ${ty} 年的路径目标，草案为 ${dy} 年：应体现，数值只在 ${ty} 年比较`,
          en: `a path to ${ty}; the draft is for ${dy}: it should be stated, values are compared only in ${ty}`,
        },
      };
    }
    return {
      applies: false,
      compare: false,
      reason: {
        zh: `上级 ${ty} 年目标，草案为 ${dy} 年，不要求体现，也不比较数值`,
        en: `a ${ty} target; the draft is for ${dy}: not required, values not compared`,
      },
    };
  }
  return { applies: true, compare, ...(why ? { reason: why } : {}) };
}

/** +1 when target a asks for more than b (in a's direction), −1 when less, 0 equal or not comparable. */
function strictness(a: Target, b: Target, up: (t: Target) => boolean): number {
  const k = unitFactor(b.unit, a.unit);
  if (k === undefined || up(a) !== up(b)) return 0;
  const av = a.value;
  const bv = b.value * k;
  if (Math.abs(av - bv) <= 1e-9 * Math.max(1, Math.abs(av))) return 0;
  return av > bv === up(a) ? 1 : -1;
}

/**
 * One verdict per draft figure: when several applicable targets (of one set or of several levels)
 * were matched to the same draft indicator, the strictest is the figure's verdict and the others are
 * marked `supersededBy` it (kept in the result for the report, never reported as findings).
 */
export function oneVerdictPerFigure(targets: TargetAlignment[], up: (t: Target) => boolean): void {
  const byFigure = new Map<string, TargetAlignment[]>();
  for (const ta of targets) {
    if (!ta.indicator || !ta.applies || ta.status === 'not-applicable') continue;
    const key = `${ta.indicator.start}:${ta.indicator.end}`;
    const list = byFigure.get(key);
    if (list) list.push(ta);
    else byFigure.set(key, [ta]);
  }
  for (const list of byFigure.values()) {
    if (list.length < 2) continue;
    let best = list[0]!;
    for (const ta of list.slice(1)) if (strictness(ta.target, best.target, up) > 0) best = ta;
    for (const ta of list) if (ta !== best) ta.supersededBy = { set: best.set, targetId: best.target.id };
  }
}
