import type { RuleCases } from '../rule-tester.js';

export default {
  valid: ['以习近平新时代中国特色社会主义思想和党的十九大精神为指导', '推进健康信息平台建设'],
  invalid: [
    {
      text: '以习近平新时代中国特色社会主义思想 and 党的十九大精神为指导',
      findings: [{ line: 1, column: 19, covers: 'and' }],
      output: null,
    },
    {
      text: '推进 health 信息平台建设',
      findings: [{ line: 1, column: 4, covers: 'health' }],
      output: null,
    },
  ],
} satisfies RuleCases;
