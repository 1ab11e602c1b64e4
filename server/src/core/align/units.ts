/**
 * Units of quantitative targets: ONE table of dimensions and factors, so that a draft's figure and
 * a superior's target are compared in the same unit (“58万亩” with “1.6亿亩”, “1285万吨” with
 * “1.4万亿斤”, “9.5/10万” with “0.095‰”).
 *
 * A unit as written is read as an optional magnitude (十/百/千/万/十万/百万/千万/亿/万亿, GB/T
 * 15835-2011 §5.3 writes large numbers with 万 and 亿) before a base unit of the table. Two units
 * convert into each other only when they have the same dimension; anything else is “not
 * comparable” (never “weaker”). Count units keep their classifier as their dimension (所 is not 家),
 * except the classifiers of persons (人/名/位), which are one.
 *
 * Pure data and functions; no state.
 */
import { normalize } from './similarity.js';

export type Dimension =
  | 'ratio' // %, ‰, ‱, /万, /10万 (per-population rates)
  | 'percentage-point'
  | 'mass'
  | 'area'
  | 'length'
  | 'volume'
  | 'power'
  | 'energy'
  | 'coal' // 吨标准煤
  | 'money'
  | 'usd'
  | 'duration'
  | 'age'
  | 'multiple'
  | `count:${string}`;

export interface UnitInfo {
  dimension: Dimension;
  /** factor to the dimension's base unit (ratio: 1 = 100%; mass: 公斤; area: 平方米; length: 米; power: 瓦; energy: 千瓦时; money: 元) */
  factor: number;
  /** the unit as read, normalised (“万亩”) */
  unit: string;
}

/** Base units: [written forms], dimension, factor to the dimension's base. */
const BASES: readonly [readonly string[], Dimension, number][] = [
  [['%', '％'], 'ratio', 1e-2],
  [['‰'], 'ratio', 1e-3],
  [['‱', '/万', '/1万', '每万'], 'ratio', 1e-4],
  [['/10万', '/十万', '/100000', '每10万', '每十万'], 'ratio', 1e-5],
  [['个百分点', '百分点'], 'percentage-point', 1],
  [['斤', '市斤'], 'mass', 0.5],
  [['公斤', '千克', 'kg'], 'mass', 1],
  [['吨', 't'], 'mass', 1000],
  [['克', 'g'], 'mass', 1e-3],
  [['平方米', 'm²', 'm2', '㎡'], 'area', 1],
  [['亩'], 'area', 10000 / 15],
  [['公顷', 'hm²'], 'area', 1e4],
  [['平方公里', '平方千米', 'km²', 'km2'], 'area', 1e6],
  [['米', 'm'], 'length', 1],
  [['厘米', 'cm'], 'length', 1e-2],
  [['千米', '公里', 'km'], 'length', 1e3],
  [['立方米', 'm³', 'm3', '方'], 'volume', 1],
  [['升', 'L'], 'volume', 1e-3],
  [['瓦', 'W'], 'power', 1],
  [['千瓦', 'kW'], 'power', 1e3],
  [['兆瓦', 'MW'], 'power', 1e6],
  [['吉瓦', 'GW'], 'power', 1e9],
  [['千瓦时', '度', 'kWh'], 'energy', 1],
  [['兆瓦时', 'MWh'], 'energy', 1e3],
  [['吨标准煤', '吨标煤'], 'coal', 1],
  [['元', '元人民币'], 'money', 1],
  [['美元'], 'usd', 1],
  [['天', '日'], 'duration', 1],
  [['小时'], 'duration', 1 / 24],
  [['分钟'], 'duration', 1 / 1440],
  [['个月'], 'duration', 30],
  [['岁'], 'age', 1],
  [['倍'], 'multiple', 1],
  [['人', '名', '位'], 'count:人', 1],
];

/** Each unit form's dimension and factor: a constant table, read-only after load. */
const BASE_ENTRIES = BASES.flatMap(([forms, dimension, factor]) => forms.map((f) => [f, { dimension, factor }] as const));
const BASE_TABLE: ReadonlyMap<string, { dimension: Dimension; factor: number }> = new Map(BASE_ENTRIES);

/** Magnitudes, longest first (万亿 before 万 and 亿). */
const MAGNITUDES: readonly [string, number][] = [
  ['万亿', 1e12],
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
  ['十', 10],
];

/** The unit's normal form: full-width and half-width alike, a leading 每 of “每万人” kept in the name. */
function clean(u: string): string {
  return normalize(u)
    .replace(/\s+/g, '')
    .replace(/^每(?=\d|十|百|千|万)/, '/');
}

/**
 * Reads a unit: its dimension and factor to the dimension's base. An unknown unit (a classifier
 * such as 所, 家, 个, or anything the table lacks) is its own count dimension with factor 1, so
 * that it is comparable with itself (and with itself after a magnitude: 个 and 万个).
 */
export function parseUnit(written: string): UnitInfo {
  const unit = clean(written);
  const direct = BASE_TABLE.get(unit);
  if (direct) return { ...direct, unit };
  for (const [m, f] of MAGNITUDES) {
    if (unit.length > m.length && unit.startsWith(m)) {
      const rest = unit.slice(m.length);
      // a magnitude before a magnitude-less base (万亩, 亿元, 万千瓦, 万亿斤) or a classifier (万个)
      const inner = BASE_TABLE.get(rest) ?? (MAGNITUDES.some(([mm]) => rest.startsWith(mm)) ? parseUnit(rest) : undefined);
      if (inner) return { dimension: inner.dimension, factor: inner.factor * f, unit };
      if (isClassifier(rest)) return { dimension: `count:${rest}`, factor: f, unit };
    }
  }
  return { dimension: `count:${unit}`, factor: 1, unit };
}

/** A single-character classifier (个, 家, 所, 张, 项 …) or a compound one (人次, 台次). */
function isClassifier(s: string): boolean {
  return /^[\u4e00-\u9fff]{1,2}$/.test(s);
}

/** Factor converting a value in `from` into `to` (value_to = value_from × factor), when the two units share a dimension. */
export function unitFactor(from: string, to: string): number | undefined {
  const f = parseUnit(from);
  const t = parseUnit(to);
  if (f.dimension !== t.dimension) return undefined;
  return f.factor / t.factor;
}

/** A value in `from` converted into `to`, when comparable (rounded to 9 significant digits against float noise). */
export function convertValue(value: number, from: string, to: string): number | undefined {
  const k = unitFactor(from, to);
  if (k === undefined) return undefined;
  return Number((value * k).toPrecision(12));
}

/** Whether two units measure the same thing (a figure in one can be compared with one in the other). */
export function comparableUnits(a: string, b: string): boolean {
  return parseUnit(a).dimension === parseUnit(b).dimension;
}

/** Whether a unit is a rate (share, per-population rate): a figure every level can state of itself. */
export function isRateUnit(u: string): boolean {
  return parseUnit(u).dimension === 'ratio';
}
