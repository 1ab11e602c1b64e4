import type { RuleCases } from '../rule-tester.js';

export default {
  valid: ['筛查率 67.08%，高出省目标 12.08 个百分点（省目标为 55%）', '报销比例由 52.25% 提高到 92.73%，提高了 40.48 个百分点'],
  invalid: [
    {
      text: '筛查率 67.08%，高出省目标 13.08 个百分点（省目标为 55%）',
      findings: [{ line: 1, column: 18, covers: '13.08 个百分点' }],
      output: null,
    },
    {
      text: '报销比例由 52.25% 提高到 92.73%，提高了 41.48 个百分点',
      findings: [{ line: 1, column: 29, covers: '41.48 个百分点' }],
      output: null,
    },
  ],
} satisfies RuleCases;
