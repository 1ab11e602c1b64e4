import type { RuleCases } from '../rule-tester.js';

export default {
  valid: ['一、……\n1.……\n二、……\n1.……\n（1）……', '一、……\n（一）……', '一、……\n（一）……\n1.……'],
  invalid: [
    {
      text: '一、……\n1.……\n二、……\n（1）……',
      findings: [{ line: 4, column: 1, covers: '（1）' }],
      output: null,
    },
    {
      text: '（一）……\n一、……\n（一）……',
      findings: [{ line: 1, column: 1, covers: '（一）' }],
      output: null,
    },
    {
      text: '一、……\n1.……\n（一）……',
      findings: [{ line: 3, column: 1, covers: '（一）' }],
      output: null,
    },
  ],
} satisfies RuleCases;
