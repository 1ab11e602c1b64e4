import type { RuleCases } from '../rule-tester.js';

// findings of this rule carry no fix: the right date is the author's to choose
export default {
  valid: ['2025年工作安排\n一、加快项目建设\n确保2025年底前完成全部改造任务。', '各单位于9月30日前报送总结。', '2024年2月29日召开推进会。'],
  invalid: [
    {
      name: 'a deadline before the plan year',
      text: '2025年工作安排\n一、加快项目建设\n确保2024年底前完成全部改造任务。',
      findings: [{ line: 3, column: 3, covers: '2024年底前' }],
      output: null,
    },
    {
      name: 'a day the month does not have',
      text: '各单位于9月31日前报送总结。',
      findings: [{ line: 1, column: 5, covers: '9月31日', message: '9月只有30天' }],
      output: null,
    },
    {
      name: '29 February of a common year',
      text: '2023年2月29日召开推进会。',
      findings: [{ line: 1, column: 1, covers: '2023年2月29日', message: '2月只有28天' }],
      output: null,
    },
  ],
} satisfies RuleCases;
