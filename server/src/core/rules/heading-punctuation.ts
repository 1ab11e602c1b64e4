import type { Rule } from '../rule.js';

const TRAILING = /[。，；、,;.]+$/;

export const rule: Rule = {
  meta: {
    id: 'heading/punctuation',
    tags: ['structural'],
    description: {
      zh: '独立成行的一级、二级标题末尾不加句号、逗号等标点',
      en: 'A level-1 or level-2 heading on its own line ends without a full stop or comma',
    },
    severity: 'warning',
    standard: 'GB/T 15834-2011',
    fixable: true,
    examples: [
      { bad: '三、提升基层医疗卫生服务能力。', good: '三、提升基层医疗卫生服务能力' },
      { bad: '（二）强化医疗服务质量，', good: '（二）强化医疗服务质量' },
    ],
  },
  check(ctx) {
    for (const s of ctx.plan.allSections) {
      if (s.level > 2 || s.runIn) continue;
      const line = ctx.plan.text.slice(s.heading.start, s.heading.end);
      const m = TRAILING.exec(line);
      if (!m) continue;
      const start = s.heading.start + m.index;
      const end = s.heading.end;
      const mark = m[0];
      ctx.report({
        start,
        end,
        message: {
          zh: `标题“${s.token.raw}${s.title}”末尾不应有标点“${mark}”`,
          en: `heading "${s.token.raw}${s.title}" should not end with "${mark}"`,
        },
        fix: { title: { zh: `删除末尾的“${mark}”`, en: `Remove the trailing "${mark}"` }, edits: [{ start, end, newText: '' }], safe: true },
      });
    }
  },
};
