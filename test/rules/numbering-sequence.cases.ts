import type { RuleCases } from '../rule-tester.js';

export default {
  valid: ['一、……\n二、……\n三、……', '（一）……\n（二）……\n（三）……'],
  invalid: [
    {
      text: '一、……\n二、……\n四、……',
      findings: [{ line: 3, column: 1, covers: '四、' }],
      output: '一、……\n二、……\n三、……',
    },
    {
      text: '（一）……\n（二）……\n（二）……',
      findings: [{ line: 3, column: 1, covers: '（二）' }],
      output: '（一）……\n（二）……\n（三）……',
    },
  ],
} satisfies RuleCases;
