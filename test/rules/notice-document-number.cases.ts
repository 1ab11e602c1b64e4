import type { RuleCases } from '../rule-tester.js';

// the finding covers the whole document number, 机关代字 included (豫卫办[2021]15号 from the first
// column), without the words of the sentence before it (根据, 见) or an organ's name (…办公厅).
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
      findings: [{ line: 1, column: 1, covers: '豫卫办[2021]15号', message: '六角括号' }],
      output: null,
    },
    {
      name: 'round brackets round the year',
      text: '濉卫健（2021）31号',
      findings: [{ line: 1, column: 1, covers: '濉卫健（2021）31号', message: '六角括号' }],
      output: null,
    },
    {
      name: '第 and a padded number',
      text: '开卫发〔2021〕第01号',
      findings: [{ line: 1, column: 1, covers: '开卫发〔2021〕第01号', message: '序号不加“第”字' }],
      output: null,
    },
    {
      name: 'a four-character code in running text after 根据, round brackets',
      text: '根据省政府办公厅《关于做好2021年重点工作的通知》（鲁政办字(2021)12号）要求，制定本方案。',
      findings: [{ line: 1, column: 28, covers: '鲁政办字(2021)12号', message: '六角括号' }],
      output: null,
    },
    {
      name: 'the code after an organ’s name and 见; a two-digit year',
      text: '详见山东省交通运输厅鲁交城市函〔20〕39号。',
      findings: [{ line: 1, column: 11, covers: '鲁交城市函〔20〕39号', message: '年份应标全称' }],
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
