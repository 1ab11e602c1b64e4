import type { Rule } from '../rule.js';
import { isSpace } from '../text.js';

const SENTENCE_END = /[。；！？;!?]$/;

export const rule: Rule = {
  meta: {
    id: 'heading/inline',
    description: {
      zh: '标题应另起一行：序号续接上文编号却与前文连在同一行（换行丢失，常见于从网页、聊天软件复制的文本）',
      en: 'A heading starts its own line: a number that continues the numbering sits in mid-line, run into the text before it (a lost line break, common in text copied from web pages and chat apps)',
    },
    severity: 'warning',
    tags: ['structural'],
    standard: 'GB/T 9704-2012 §7.3.3',
    fixable: true,
    examples: [
      {
        bad: '二、主要任务\n完成率达到105%。三、提升防灾减灾救灾能力\n（一）加强监测预警',
        good: '二、主要任务\n完成率达到105%。\n三、提升防灾减灾救灾能力\n（一）加强监测预警',
      },
      {
        bad: '一、压实责任，抓好落实（一）压实属地责任。（二）压实部门责任。',
        good: '一、压实责任，抓好落实\n（一）压实属地责任。\n（二）压实部门责任。',
      },
    ],
  },
  check(ctx) {
    const { text } = ctx.plan;
    for (const s of ctx.plan.allSections) {
      if (!s.block.inline) continue;
      // the break goes before the token; spaces left at the end of the previous text go with it
      let from = s.token.start;
      while (from > 0 && text[from - 1] !== '\n' && isSpace(text[from - 1])) from--;
      const before = text.slice(Math.max(0, from - 1), from);
      // after a sentence's end the break is certain; glued to a title or a word, offered only
      const safe = SENTENCE_END.test(before);
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      ctx.report({
        start: s.token.start,
        end: s.token.end,
        message: {
          zh: `标题“${s.token.raw}${s.title}”与前文连在同一行，应另起一行`,
          en: `heading "${s.token.raw}${s.title}" is run into the text before it; start it on a new line`,
        },
        fix: {
          title: { zh: `在“${s.token.raw}”前换行`, en: `Insert a line break before "${s.token.raw}"` },
          // the edit spans the token (not a bare insertion): a fix that rewrites the token overlaps it
          // and waits for the next round, instead of racing for the same position
          edits: [{ start: from, end: s.token.end, newText: eol + s.token.raw }],
          safe,
        },
        data: { level: s.level },
      });
    }
  },
};
