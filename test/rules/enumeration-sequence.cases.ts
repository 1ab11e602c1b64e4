import type { RuleCases } from '../rule-tester.js';

export default {
  valid: ['一是加强监测；二是完善机制。', '一要强化防控；二要完善体系；三要深化改革。'],
  invalid: [
    {
      text: '一是加强监测；三是完善机制。',
      findings: [{ line: 1, column: 8, covers: '三是' }],
      output: '一是加强监测；二是完善机制。',
    },
    {
      text: '一要强化防控；二要完善体系；二要深化改革。',
      findings: [{ line: 1, column: 15, covers: '二要' }],
      output: '一要强化防控；二要完善体系；三要深化改革。',
    },
  ],
} satisfies RuleCases;
