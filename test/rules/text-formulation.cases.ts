import type { RuleCases } from '../rule-tester.js';

// the rule's fixes are offered in the editor but marked unsafe: `--fix` does not apply them
export default {
  valid: [
    '牢固树立“四个意识”，坚定“四个自信”。',
    '坚定道路自信、理论自信、制度自信、文化自信。',
    '深入学习贯彻党的十九届五中全会精神。',
    '坚决做到“两个维护”。',
  ],
  invalid: [
    {
      text: '牢固树立“四种意识”，坚定“四个自信”。',
      findings: [{ line: 1, column: 6, covers: '四种意识', message: '四个意识' }],
      output: null,
    },
    {
      name: 'a wrong member of an enumerated formulation',
      text: '坚定道路自信、理论自信、制度自信、文明自信。',
      findings: [{ line: 1, column: 18, covers: '文明自信', message: '文化自信' }],
      output: null,
    },
    {
      name: 'a plenary session called a meeting',
      text: '深入学习贯彻党的十九届五中会议精神。',
      findings: [{ line: 1, column: 9, covers: '十九届五中会议', message: '十九届五中全会' }],
      output: null,
    },
    {
      text: '坚决做到“两个拥护”。',
      findings: [{ line: 1, column: 6, covers: '两个拥护', message: '两个维护' }],
      output: null,
    },
  ],
} satisfies RuleCases;
