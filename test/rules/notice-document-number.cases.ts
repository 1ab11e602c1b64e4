import type { RuleCases } from '../rule-tester.js';

// the finding starts at the last character of the issuer's code (the rule's pattern keeps one
// character of it), so 豫卫办[2021]15号 is covered from 办, the third column.
// The rule's fixes are offered in the editor but marked unsafe: `--fix` does not apply them.
export default {
  valid: [
    '豫卫办〔2021〕15号',
    '濉卫健〔2021〕31号',
    '开卫发〔2021〕1号',
    '现将《2022年全市疾病预防控制工作要点》印发给你们。\n\n2022年全市疾病预防控制工作要点\n\n一、加强监测预警',
  ],
  invalid: [
    {
      name: 'square brackets round the year',
      text: '豫卫办[2021]15号',
      findings: [{ line: 1, column: 3, covers: '办[2021]15号', message: '六角括号' }],
      output: null,
    },
    {
      name: 'round brackets round the year',
      text: '濉卫健（2021）31号',
      findings: [{ line: 1, column: 3, covers: '健（2021）31号', message: '六角括号' }],
      output: null,
    },
    {
      name: '第 and a padded number',
      text: '开卫发〔2021〕第01号',
      findings: [{ line: 1, column: 3, covers: '发〔2021〕第01号', message: '序号不加“第”字' }],
      output: null,
    },
    {
      name: 'the notice names another document than the one attached',
      text: '现将《2022年全市疾病预防控制工作要点》印发给你们。\n\n2022年全市疾病预防控制工作计划\n\n一、加强监测预警',
      findings: [{ line: 1, column: 4, covers: '2022年全市疾病预防控制工作要点' }],
      output: null,
    },
  ],
} satisfies RuleCases;
