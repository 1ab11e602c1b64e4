import type { Rule } from '../rule.js';
import { crossesLine } from '../indicators.js';

/**
 * Comparators that bound the value from below (不低于, 不少于, 至少, 高于, 超过, 提高到 …) and
 * from above (不超过, 不高于, 控制在, 降至, 低于 …), against qualifiers that bound it the other
 * way (以上 from below; 以下, 以内 from above). 达到/保持在/稳定在 take either qualifier.
 */
const LOWER = new Set([
  '不低于',
  '不少于',
  '不小于',
  '至少',
  '最少',
  '最低',
  '高于',
  '超过',
  '大于',
  '多于',
  '提高到',
  '提高至',
  '提升到',
  '提升至',
  '增长到',
  '增长至',
  '增加到',
  '增加至',
  '增至',
  '上升到',
  '上升至',
  '扩大到',
  '扩大至',
  '升至',
]);
const UPPER = new Set([
  '不高于',
  '不超过',
  '不多于',
  '不大于',
  '最多',
  '至多',
  '最高',
  '低于',
  '小于',
  '少于',
  '控制在',
  '控制到',
  '降至',
  '降到',
  '降低到',
  '降低至',
  '下降到',
  '下降至',
  '减少到',
  '减少至',
  '减至',
  '压缩到',
  '压缩至',
  '缩短到',
  '缩短至',
]);
const QUAL_LOWER = new Set(['以上', '及以上']);
const QUAL_UPPER = new Set(['以下', '及以下', '以内']);

export const rule: Rule = {
  meta: {
    id: 'indicator/contradiction',
    tags: ['indicator'],
    description: {
      zh: '比较词与限定词方向矛盾，如“不低于90%以下”“控制在5%以上”“不超过10%以上”',
      en: 'The comparator and the qualifier bound the value in opposite directions, e.g. 不低于90%以下, 控制在5%以上',
    },
    severity: 'error',
    fixable: true,
    examples: [
      { bad: '规范管理率不低于 80%以下', good: '规范管理率不低于 80%' },
      { bad: '孕产妇死亡率控制在 10/10万以上', good: '孕产妇死亡率控制在 10/10万以下' },
      { bad: '药占比不超过 30%以上', good: '药占比不超过 30%' },
    ],
  },
  check(ctx) {
    const seen = new Set<number>();
    for (const q of ctx.quantities.quantities) {
      if (!q.comparator || !q.qualifier || !q.comparatorSpan || !q.qualifierSpan) continue;
      const cmpLower = LOWER.has(q.comparator);
      const cmpUpper = UPPER.has(q.comparator);
      const qLower = QUAL_LOWER.has(q.qualifier);
      const qUpper = QUAL_UPPER.has(q.qualifier);
      if (!((cmpLower && qUpper) || (cmpUpper && qLower))) continue;
      const span = { start: q.comparatorSpan.start, end: q.qualifierSpan.end };
      // one finding per written statement (a list shares its comparator and qualifier)
      if (seen.has(span.start)) continue;
      seen.add(span.start);
      const stated = ctx.plan.text.slice(span.start, span.end).replace(/\s+/g, '');
      const cmpDir = cmpLower ? { zh: '下限（不少于）', en: 'a lower bound' } : { zh: '上限（不多于）', en: 'an upper bound' };
      const qDir = qLower ? { zh: '下限', en: 'a lower bound' } : { zh: '上限', en: 'an upper bound' };
      ctx.report({
        ...span,
        message: {
          zh: `“${q.comparator}”表示${cmpDir.zh}，“${q.qualifier}”表示${qDir.zh}，“${stated}”前后矛盾${q.name ? `（指标“${q.name}”）` : ''}`,
          en: `"${q.comparator}" sets ${cmpDir.en} but "${q.qualifier}" sets ${qDir.en}: "${stated}" contradicts itself${q.name ? ` (indicator "${q.name}")` : ''}`,
        },
        fix: crossesLine(ctx.plan.text, q.qualifierSpan)
          ? undefined
          : {
              title: { zh: `删除“${q.qualifier}”，保留“${q.comparator}”`, en: `Remove "${q.qualifier}", keep "${q.comparator}"` },
              edits: [{ start: q.qualifierSpan.start, end: q.qualifierSpan.end, newText: '' }],
              safe: false,
            },
        data: { name: q.name, comparator: q.comparator, qualifier: q.qualifier },
      });
    }
  },
};
