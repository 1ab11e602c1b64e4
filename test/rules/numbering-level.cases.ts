import type { RuleCases } from '../rule-tester.js';

export default {
  valid: [
    '一、……\n1.……\n二、……\n1.……\n（1）……',
    '一、……\n（一）……',
    '一、……\n（一）……\n1.……',
    // Markdown depths that keep to one level each
    '## 一、总体要求\n### （一）指导思想\n### （二）工作目标\n## 二、重点任务\n### （一）完善机制\n#### 1.健全制度\n### （二）推进建设',
  ],
  invalid: [
    {
      // ### is the document's level 2: a 3. at that depth is the third level-2 heading with the wrong marker
      text: '## 一、总体要求\n### （一）指导思想\n### （二）工作目标\n## 二、重点任务\n### （一）完善机制\n### （二）推进建设\n### 3.深化改革\n### （四）加强监管',
      findings: [{ line: 7, column: 5, covers: '3.' }],
      output: null,
    },
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
