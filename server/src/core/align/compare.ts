/**
 * Comparing a draft figure with a superior target.
 *
 * Direction from the target (以上/不低于/提高到 = more is better; 增长x/降低x state the size of the
 * change, more is better too; 以下/控制在/降至 = less is better; for 左右/达到 the name decides: 死亡率, 发病率, 能耗 … are “less is better”); values in the
 * target's unit through the one unit table (units.ts: 万/亿/万亿, 斤/吨, 亩/公顷, 千瓦/万千瓦, %/‰/
 * /10万 …); a unit of another dimension is “not comparable”, never weaker; comparator (a floor
 * answered with 左右 or a ceiling is looser); deadline (a later year than the target's is weaker).
 * Messages state both figures as written, with units and comparators.
 */
import type { Indicator, IndicatorOp, Localized } from '../model.js';
import type { Target } from '../requirements/types.js';
import type { TargetProblem, TargetStatus } from './types.js';
import { convertValue } from './units.js';

const LOWER_IS_BETTER = /(死亡率|发病率|患病率|感染率|病死率|超标率|耗时|费用|负担|差错率|漏报率|失业率|能耗|排放|涨幅|赤字|污染|事故|PM2\.5|细颗粒物)/;

export type Direction = 'up' | 'down';

export function direction(t: Pick<Target, 'op' | 'name'>): Direction {
  // an increase or a decrease by x states the size of the change: more is better for both
  // (“能耗降低3%”: a draft's 下降2% promises less than the superior's 3%)
  if (t.op === 'ge' || t.op === 'gt' || t.op === 'increase' || t.op === 'decrease') return 'up';
  if (t.op === 'le' || t.op === 'lt') return 'down';
  return LOWER_IS_BETTER.test(t.name) ? 'down' : 'up';
}

function yearOf(deadline: string | undefined, fallback: number | undefined): number | undefined {
  if (!deadline) return fallback;
  const m = /((?:19|20)\d{2})/.exec(deadline);
  if (m) return Number(m[1]);
  return fallback;
}

const opText: Record<IndicatorOp, string> = { ge: '≥', gt: '>', le: '≤', lt: '<', eq: '=', approx: '≈', range: '', increase: '+', decrease: '−' };

/** A target in symbols: ≥90%, ≈5%, 3～5%. */
export function describeTarget(t: Pick<Target, 'op' | 'value' | 'value2' | 'unit'>): string {
  if (t.op === 'range') return `${t.value}～${t.value2 ?? ''}${t.unit}`;
  return `${opText[t.op]}${t.value}${t.unit}`;
}

type Stated = Pick<Target, 'comparator' | 'op' | 'value' | 'value2' | 'unit' | 'qualifier'>;

/**
 * A figure in words, as a reader writes it: comparator, value and unit, qualifier
 * (“稳定在58万亩以上”, “增长5%左右”, “≥90%” when nothing is written around the number).
 */
export function describeStated(q: Stated): string {
  const value = q.op === 'range' && q.value2 !== undefined ? `${q.value}～${q.value2}` : String(q.value);
  const words = `${q.comparator ?? ''}${value}${q.unit}${q.qualifier ?? ''}`;
  return q.comparator || q.qualifier ? words : describeTarget(q);
}

export interface Comparison {
  status: TargetStatus;
  problems: TargetProblem[];
  /** the draft value in the target's unit, when comparable */
  draftValue?: number;
  reason: Localized;
}

export function compareTarget(target: Target, ind: Indicator, draftYear: number | undefined): Comparison {
  const problems: TargetProblem[] = [];
  const zh: string[] = [];
  const en: string[] = [];
  const dir = direction(target);
  const draftWords = describeStated(ind);
  const targetWords = describeStated(target);
  // a range in the draft promises its lower bound (more is better) or its upper bound
  const raw = ind.op === 'range' && ind.value2 !== undefined ? (dir === 'up' ? Math.min(ind.value, ind.value2) : Math.max(ind.value, ind.value2)) : ind.value;
  const converted = convertValue(raw, ind.unit, target.unit);
  if (converted === undefined) {
    return {
      status: 'not-comparable',
      problems: ['unit'],
      reason: {
        zh: `单位不可比（草案“${draftWords}”，单位“${ind.unit || '无'}”；上级“${targetWords}”，单位“${target.unit || '无'}”），不比较数值`,
        en: `units not comparable (draft "${draftWords}" in "${ind.unit || 'none'}", superior "${targetWords}" in "${target.unit || 'none'}"): values not compared`,
      },
    };
  }
  const draftValue = Math.round(converted * 1e6) / 1e6;
  const shown = ind.unit === target.unit ? draftWords : `${draftWords}（折合 ${draftValue}${target.unit}）`;
  const tv =
    target.op === 'range' && target.value2 !== undefined
      ? dir === 'up'
        ? Math.min(target.value, target.value2)
        : Math.max(target.value, target.value2)
      : target.value;
  const eps = 1e-9 * Math.max(1, Math.abs(tv));
  const valueCmp = Math.abs(converted - tv) <= eps ? 0 : converted > tv === (dir === 'up') ? 1 : -1; // +1 stronger, −1 weaker
  if (valueCmp < 0) {
    problems.push('value');
    zh.push(`草案“${shown}”${dir === 'up' ? '低于' : '高于'}上级“${targetWords}”`);
    en.push(`the draft's "${shown}" is ${dir === 'up' ? 'below' : 'above'} the superior's "${targetWords}"`);
  }
  // comparator: a floor (以上/不低于) answered with 左右 or with a ceiling, and vice versa
  const targetBound = target.op === 'ge' || target.op === 'gt' ? 'floor' : target.op === 'le' || target.op === 'lt' ? 'ceiling' : undefined;
  if (targetBound && valueCmp === 0) {
    const loose =
      ind.op === 'approx' ||
      (targetBound === 'floor' && (ind.op === 'le' || ind.op === 'lt')) ||
      (targetBound === 'ceiling' && (ind.op === 'ge' || ind.op === 'gt'));
    if (loose) {
      problems.push('comparator');
      zh.push(`草案“${shown}”不如上级“${targetWords}”严格（${targetBound === 'floor' ? '上级要求不低于该值' : '上级要求不高于该值'}）`);
      en.push(
        `the draft's "${shown}" is looser than the superior's "${targetWords}" (${targetBound === 'floor' ? 'the superior asks for at least that value' : 'the superior asks for at most that value'})`,
      );
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
    zh.push(`草案“${shown}”与上级“${targetWords}”一致`);
    en.push(`the draft's "${shown}" meets the superior's "${targetWords}"`);
  } else if (status === 'stronger') {
    zh.push(`草案“${shown}”严于上级“${targetWords}”`);
    en.push(`the draft's "${shown}" is stricter than the superior's "${targetWords}"`);
  }
  return { status, problems, draftValue, reason: { zh: zh.join('；'), en: en.join('; ') } };
}
