import type { RuleCases } from '../rule-tester.js';

// no fix: only the author knows the missing figure
export default {
  valid: ['全年新建12个村卫生室。', '于6月30日前报送市卫生健康委。', '由县疾控中心牵头负责。', '二是推进紧密型县域医共体建设。'],
  invalid: [
    {
      text: '全年新建××个村卫生室。',
      findings: [{ line: 1, column: 5, covers: '××' }],
      output: null,
    },
    {
      text: '于x月x日前报送市卫生健康委。',
      findings: [{ line: 1, column: 2, covers: 'x月x日' }],
      output: null,
    },
    {
      text: '由【待补】牵头负责。',
      findings: [{ line: 1, column: 2, covers: '【待补】' }],
      output: null,
    },
    {
      text: '二是推进XX县域医共体建设。',
      findings: [{ line: 1, column: 5, covers: 'XX' }],
      output: null,
    },
    {
      name: 'a blank and an editing note in one sentence',
      text: '确保完成＿＿家企业改造任务（此处补充数据）。',
      findings: [
        { line: 1, column: 5, covers: '＿＿' },
        { line: 1, column: 14, covers: '（此处补充数据）' },
      ],
      output: null,
    },
  ],
} satisfies RuleCases;
