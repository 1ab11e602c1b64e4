import type { Rule } from '../rule.js';
import { describeTarget } from '../align/index.js';
import { describeSource } from '../align/anchor.js';

export const rule: Rule = {
  meta: {
    id: 'alignment/weaker-target',
    tags: ['alignment'],
    description: {
      zh: '草案指标不得弱于上级规划的同名目标：数值更低（或更高）、表述更宽松（如“左右”代替“以上”）、时限更晚、单位不同均报告',
      en: 'A draft indicator is not weaker than the superior target of the same name: a lower (or higher) value, a looser comparator, a later deadline or a different unit is reported',
    },
    severity: 'warning',
    fixable: true,
    examples: [
      {
        bad: '适龄儿童免疫规划疫苗接种率达到 85%以上。',
        good: '适龄儿童免疫规划疫苗接种率达到 90%以上。',
        note: { zh: '上级（河南省 2021）要求保持在 90%以上', en: 'the superior (Henan 2021) asks for 90% or more' },
      },
    ],
  },
  check(ctx) {
    if (ctx.requirements.length === 0) return;
    const result = ctx.alignment();
    for (const ta of result.targets) {
      // one finding per draft figure: a target superseded by a stricter one on the same figure is not reported
      if (ta.status !== 'weaker' || !ta.indicator || !ta.applies || ta.supersededBy) continue;
      const set = ctx.requirements.find((s) => s.name === ta.set)!;
      const ind = ta.indicator;
      const src = describeSource(set, ta.target.source);
      let fix;
      // only the value is off and the number is written plainly: offer the superior's value
      if (ta.problems.length === 1 && ta.problems[0] === 'value') {
        const written = ctx.plan.text.slice(ind.valueSpan.start, ind.valueSpan.end);
        const m = /\d+(?:\.\d+)?/.exec(written);
        if (m && Number(m[0]) === ind.value) {
          const start = ind.valueSpan.start + m.index;
          fix = {
            title: { zh: `改为上级目标值 ${ta.target.value}`, en: `Use the superior's value ${ta.target.value}` },
            edits: [{ start, end: start + m[0].length, newText: String(ta.target.value) }],
            safe: false,
          };
        }
      }
      ctx.report({
        start: ind.start,
        end: ind.end,
        message: {
          zh: `指标“${ind.name}”弱于上级目标 ${ta.target.name}${describeTarget(ta.target)}：${ta.reason.zh}。出处：${src.zh}`,
          en: `indicator "${ind.name}" is weaker than the superior target ${ta.target.name} ${describeTarget(ta.target)}: ${ta.reason.en}. Source: ${src.en}`,
        },
        fix,
        data: { set: ta.set, targetId: ta.target.id, problems: ta.problems, superior: describeTarget(ta.target) },
      });
    }
  },
};
