import type { Rule } from '../rule.js';
import { describeTarget } from '../align/index.js';
import { describeSource, documentAnchor } from '../align/anchor.js';

export const rule: Rule = {
  meta: {
    id: 'alignment/missing-target',
    tags: ['alignment'],
    description: {
      zh: '草案应体现上级规划中约束本级、本年度的量化目标（比率、人均指标；上级总量和以后年度目标不要求）',
      en: "The draft states the superior plan's quantitative targets that bind it (rates and per-capita figures of its year; superior totals and later years' targets are not required)",
    },
    severity: 'warning',
    fixable: false,
    examples: [
      {
        bad: '9.强化传染病防控。实施扩大国家免疫规划工作。',
        good: '9.强化传染病防控。实施扩大国家免疫规划工作，适龄儿童免疫规划疫苗接种率达到90%以上。',
        note: { zh: '上级要求适龄儿童免疫规划疫苗接种率保持在90%以上', en: 'the superior asks for an immunisation rate of 90% or more' },
      },
    ],
  },
  check(ctx) {
    if (ctx.requirements.length === 0) return;
    const result = ctx.alignment();
    const anchor = documentAnchor(ctx.plan);
    for (const ta of result.targets) {
      if (ta.status !== 'missing' || !ta.applies) continue;
      const set = ctx.requirements.find((s) => s.name === ta.set)!;
      const src = describeSource(set, ta.target.source);
      // on the heading of the section answering the target's theme, when there is one
      const theme = result.themes.find((t) => t.set === ta.set && t.theme.id === ta.target.theme);
      const heading = theme?.matches[0]?.section.heading;
      // an empty heading span (a paragraph unit of a draft without numbered headings) falls back to the anchor
      const where = heading && heading.end > heading.start ? heading : anchor;
      ctx.report({
        start: where.start,
        end: where.end,
        message: {
          zh: `未体现上级指标“${ta.target.name}”${describeTarget(ta.target)}：${src.zh}`,
          en: `the superior target "${ta.target.name}" ${describeTarget(ta.target)} is not stated: ${src.en}`,
        },
        data: { set: ta.set, targetId: ta.target.id, superior: describeTarget(ta.target) },
      });
    }
  },
};
