import type { RuleCases } from '../rule-tester.js';

export default {
  valid: ['（一）……县域就诊率达到 90%。\n……\n（五）……巩固县域就诊率 90% 的成果。'],
  invalid: [
    {
      text: '（一）……县域就诊率达到 90%。\n……\n（五）……县域就诊率达到 85%。',
      findings: [{ line: 3, column: 4, covers: '……县域就诊率达到 85%' }],
      output: null,
    },
  ],
} satisfies RuleCases;
