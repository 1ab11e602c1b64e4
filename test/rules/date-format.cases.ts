import type { RuleCases } from '../rule-tester.js';

// the rule's fixes are offered in the editor but marked unsafe: `--fix` does not apply them
export default {
  valid: ['本方案自2024年3月5日起施行。', '2024年6月底前完成全部评估。', '落实《卫生健康事业发展规划（2021—2025年）》。', '编制2021—2025年建设计划。'],
  invalid: [
    {
      name: 'month and day padded with zeros',
      text: '本方案自2024年03月05日起施行。',
      findings: [{ line: 1, column: 5, covers: '2024年03月05日' }],
      output: null,
    },
    {
      name: 'a two-digit year',
      text: '24年6月底前完成全部评估。',
      findings: [{ line: 1, column: 1, covers: '24年6月', message: '年份应标全称' }],
      output: null,
    },
    {
      name: 'a hyphen between years',
      text: '落实《卫生健康事业发展规划（2021-2025年）》。',
      findings: [{ line: 1, column: 15, covers: '2021-2025', message: '一字线' }],
      output: null,
    },
    {
      name: 'a tilde between years',
      text: '编制2021~2025年建设计划。',
      findings: [{ line: 1, column: 3, covers: '2021~2025', message: '一字线' }],
      output: null,
    },
  ],
} satisfies RuleCases;
