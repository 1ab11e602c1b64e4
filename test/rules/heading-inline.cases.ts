import type { RuleCases } from '../rule-tester.js';

export default {
  valid: ['二、主要任务\n完成率达到105%。\n三、提升防灾减灾救灾能力\n（一）加强监测预警', '一、压实责任，抓好落实\n（一）压实属地责任。\n（二）压实部门责任。'],
  invalid: [
    {
      text: '二、主要任务\n完成率达到105%。三、提升防灾减灾救灾能力\n（一）加强监测预警',
      findings: [{ line: 2, column: 11, covers: '三、' }],
      output: '二、主要任务\n完成率达到105%。\n三、提升防灾减灾救灾能力\n（一）加强监测预警',
    },
    {
      text: '一、压实责任，抓好落实（一）压实属地责任。（二）压实部门责任。',
      findings: [
        { line: 1, column: 12, covers: '（一）' },
        { line: 1, column: 22, covers: '（二）' },
      ],
      output: '一、压实责任，抓好落实（一）压实属地责任。\n（二）压实部门责任。',
    },
  ],
} satisfies RuleCases;
