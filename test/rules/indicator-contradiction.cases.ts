import type { RuleCases } from '../rule-tester.js';

export default {
  valid: ['规范管理率不低于 80%', '孕产妇死亡率控制在 10/10万以下', '药占比不超过 30%'],
  invalid: [
    {
      text: '规范管理率不低于 80%以下',
      findings: [{ line: 1, column: 6, covers: '不低于 80%以下' }],
      output: null,
    },
    {
      text: '孕产妇死亡率控制在 10/10万以上',
      findings: [{ line: 1, column: 7, covers: '控制在 10/10万以上' }],
      output: null,
    },
    {
      text: '药占比不超过 30%以上',
      findings: [{ line: 1, column: 4, covers: '不超过 30%以上' }],
      output: null,
    },
  ],
} satisfies RuleCases;
