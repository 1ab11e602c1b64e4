import type { Rule } from '../rule.js';
import type { QuantityStatement } from '../indicators.js';
import { COUNT_UNITS } from '../indicators/lexicon.js';

/**
 * A rate or share is a part of a whole: at most 100% (1000‰). Growth, completion and use rates
 * measure against a base and may exceed it (增长120%, 任务完成率105%, 病床使用率 102% with
 * extra beds), so they are exempt, as are changes (提高 150%). A count is never negative.
 */
const SHARE_END = ['率', '比例', '占比', '比重', '份额', '百分比', '覆盖面'];
const EXEMPT = /增长|增速|增幅|涨幅|提高率|上升率|变化率|发展速度|完成率|完成比例|执行率|使用率|周转率|负债率|利用率|超额|倍率|弹性|比上年|同比|环比/;

function isShare(q: QuantityStatement): boolean {
  if (q.share) return true;
  const name = q.name;
  if (!name || EXEMPT.test(name)) return false;
  return SHARE_END.some((w) => name.endsWith(w));
}

export const rule: Rule = {
  meta: {
    id: 'indicator/impossible-value',
    tags: ['indicator'],
    description: {
      zh: '比率、占比类指标不能超过100%（或1000‰），数量不能为负数；增长率、完成率、使用率等以基数为参照的指标除外',
      en: 'A rate or share cannot exceed 100% (or 1000‰) and a count cannot be negative; growth, completion and utilisation rates are exempt',
    },
    severity: 'error',
    fixable: false,
    examples: [
      { bad: '适龄儿童免疫规划疫苗接种率达到 105%以上', good: '适龄儿童免疫规划疫苗接种率达到 95%以上' },
      { bad: '孕产妇死亡率控制在 1200‰以下', good: '孕产妇死亡率控制在 12/10万以下' },
      { bad: '新增床位 -20 张', good: '减少床位 20 张' },
    ],
  },
  check(ctx) {
    const seen = new Set<number>();
    for (const q of ctx.quantities.quantities) {
      // one finding per written value ("A、B达到 105%" names two indicators with one value)
      if (seen.has(q.valueSpan.start)) continue;
      if (q.op === 'increase' || q.op === 'decrease') continue;
      const max = Math.max(q.value, q.value2 ?? q.value);
      const where = q.valueSpan;
      if ((q.unit === '%' && max > 100) || (q.unit === '‰' && max > 1000)) {
        if (!isShare(q)) continue;
        seen.add(q.valueSpan.start);
        const limit = q.unit === '%' ? '100%' : '1000‰';
        ctx.report({
          ...where,
          message: {
            zh: `“${q.name}”是比率或占比，不能超过${limit}，此处为“${max}${q.unit}”`,
            en: `"${q.name}" is a rate or share and cannot exceed ${limit}; found "${max}${q.unit}"`,
          },
          data: { name: q.name, value: max, unit: q.unit },
        });
      } else if (Math.min(q.value, q.value2 ?? q.value) < 0 && COUNT_UNITS.has(q.unit)) {
        seen.add(q.valueSpan.start);
        ctx.report({
          ...where,
          message: {
            zh: `数量不能为负数：“${q.name || q.text}”为“${q.value}${q.unit}”`,
            en: `a count cannot be negative: "${q.name || q.text}" is "${q.value}${q.unit}"`,
          },
          data: { name: q.name, value: q.value, unit: q.unit },
        });
      }
    }
  },
};
