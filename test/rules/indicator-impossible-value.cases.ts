import type { RuleCases } from '../rule-tester.js';

export default {
  valid: ['适龄儿童免疫规划疫苗接种率达到 95%以上', '孕产妇死亡率控制在 12/10万以下', '减少床位 20 张'],
  invalid: [
    {
      text: '适龄儿童免疫规划疫苗接种率达到 105%以上',
      findings: [{ line: 1, column: 17, covers: '105%' }],
      output: null,
    },
    {
      text: '孕产妇死亡率控制在 1200‰以下',
      findings: [{ line: 1, column: 11, covers: '1200‰' }],
      output: null,
    },
    {
      text: '新增床位 -20 张',
      findings: [{ line: 1, column: 6, covers: '-20 张' }],
      output: null,
    },
  ],
} satisfies RuleCases;
