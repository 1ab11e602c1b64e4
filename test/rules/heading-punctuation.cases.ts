import type { RuleCases } from '../rule-tester.js';

export default {
  valid: [
    '三、提升基层医疗卫生服务能力',
    '（二）强化医疗服务质量',
    // a heading run into the next one on a flattened line (corpus 19): whether its 。 closes a bare
    // title or a run-in title sentence cannot be seen once the break is lost
    '一、总体要求和基本原则(一)总体要求。以新发展理念为指导，建立煤炭储备体系。(二)基本原则。1.政府推动，市场化运作。充分发挥政策调控作用。2.统一规划，突出重点。合理布局储备项目。',
  ],
  invalid: [
    {
      text: '三、提升基层医疗卫生服务能力。',
      findings: [{ line: 1, column: 15, covers: '。' }],
      output: '三、提升基层医疗卫生服务能力',
    },
    {
      // on its own line in a text that kept its breaks, it is still a heading ending in 。
      text: '一、总体要求\n（一）总体要求\n以新发展理念为指导。\n（二）基本原则。\n1.政府推动，市场化运作。',
      findings: [{ line: 4, column: 8, covers: '。' }],
      output: '一、总体要求\n（一）总体要求\n以新发展理念为指导。\n（二）基本原则\n1.政府推动，市场化运作。',
    },
    {
      text: '（二）强化医疗服务质量，',
      findings: [{ line: 1, column: 12, covers: '，' }],
      output: '（二）强化医疗服务质量',
    },
  ],
} satisfies RuleCases;
