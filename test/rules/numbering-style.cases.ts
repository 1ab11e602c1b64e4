import type { RuleCases } from '../rule-tester.js';

export default {
  valid: ['1.加强监测预警。', '（一）继续推进重点项目建设。', '（一）完善卫生应急管理体系', '一、坚决打赢疫情防控持久战', '1.提升应对能力。'],
  invalid: [
    {
      text: '1、加强监测预警。',
      findings: [{ line: 1, column: 1, covers: '1、' }],
      output: '1.加强监测预警。',
    },
    {
      // (without a closing 。: with it, the fixed heading is heading/punctuation's, which the
      // half-width number hid; the fix must leave nothing for any rule)
      text: '(一)继续推进重点项目建设',
      findings: [{ line: 1, column: 1, covers: '(一)' }],
      output: '（一）继续推进重点项目建设',
    },
    {
      text: '（一）、完善卫生应急管理体系',
      findings: [{ line: 1, column: 1, covers: '（一）、' }],
      output: '（一）完善卫生应急管理体系',
    },
    {
      text: '一．坚决打赢疫情防控持久战',
      findings: [{ line: 1, column: 1, covers: '一．' }],
      output: '一、坚决打赢疫情防控持久战',
    },
    {
      text: '１．提升应对能力。',
      findings: [{ line: 1, column: 1, covers: '１．' }],
      output: '1.提升应对能力。',
    },
  ],
} satisfies RuleCases;
