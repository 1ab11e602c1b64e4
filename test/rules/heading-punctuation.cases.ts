import type { RuleCases } from '../rule-tester.js';

export default {
  valid: ['三、提升基层医疗卫生服务能力', '（二）强化医疗服务质量'],
  invalid: [
    {
      text: '三、提升基层医疗卫生服务能力。',
      findings: [{ line: 1, column: 15, covers: '。' }],
      output: '三、提升基层医疗卫生服务能力',
    },
    {
      text: '（二）强化医疗服务质量，',
      findings: [{ line: 1, column: 12, covers: '，' }],
      output: '（二）强化医疗服务质量',
    },
  ],
} satisfies RuleCases;
