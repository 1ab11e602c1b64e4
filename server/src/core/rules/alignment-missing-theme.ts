import type { Rule } from '../rule.js';
import { chineseNumeral, describeSource, documentAnchor } from '../align/anchor.js';

export const rule: Rule = {
  meta: {
    id: 'alignment/missing-theme',
    tags: ['alignment'],
    description: {
      zh: '草案应回应上级规划的每项必选重点任务；未体现的任务逐项列出，并附上级原文出处',
      en: 'The draft answers every required task of its superior plan; a task it does not answer is reported with its source',
    },
    severity: 'warning',
    fixable: true,
    examples: [
      {
        bad: '---\nrequirements: [henan-2021]\n---\n一、坚决打赢常态化疫情防控持久战\n（全文未涉及中医药）',
        good: '---\nrequirements: [henan-2021]\n---\n一、坚决打赢常态化疫情防控持久战\n……\n六、推进中医药传承创新发展\n……',
        note: { zh: '上级任务“持续加快中医药传承创新发展”在草案中没有对应部分', en: 'the superior task 持续加快中医药传承创新发展 has no answering part' },
      },
    ],
  },
  check(ctx) {
    if (ctx.requirements.length === 0) return;
    const result = ctx.alignment();
    const anchor = documentAnchor(ctx.plan);
    const plan = ctx.plan;
    // the skeleton goes after the last top section of the plan part, numbered after it
    const lastTop = result.planPart.sections[result.planPart.sections.length - 1];
    const lastLevel1 = [...result.planPart.sections].reverse().find((s) => s.level === 1);
    let next = lastLevel1 ? (plan.allSections[lastLevel1.sectionId]?.token.value ?? 0) + 1 : 1;
    const insertAt = lastTop ? lastTop.span.end : plan.text.length;
    const eol = plan.text.includes('\r\n') ? '\r\n' : '\n';
    for (const ta of result.themes) {
      if (ta.status !== 'missing' || !ta.theme.required) continue;
      const set = ctx.requirements.find((s) => s.name === ta.set)!;
      const src = describeSource(set, ta.theme.source);
      const wording = ta.theme.source?.quote ?? ta.theme.title;
      const skeleton = `${eol}${eol}${chineseNumeral(next)}、${ta.theme.title}${eol}${eol}（对应上级要求：“${wording}”——${set.title}）${eol}`;
      next++;
      ctx.report({
        start: anchor.start,
        end: anchor.end,
        message: {
          zh: `未体现上级重点任务“${ta.theme.title}”：${src.zh}`,
          en: `the superior task "${ta.theme.title}" is not answered: ${src.en}`,
        },
        fix: {
          title: { zh: `插入“${ta.theme.title}”一节（引用上级原文）`, en: `Insert a section for "${ta.theme.title}" quoting the superior plan` },
          edits: [{ start: insertAt, end: insertAt, newText: skeleton }],
          safe: false,
        },
        data: { set: ta.set, themeId: ta.theme.id, source: ta.theme.source },
      });
    }
  },
};
