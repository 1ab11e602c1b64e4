import type { RuleCases } from '../rule-tester.js';

export default {
  valid: [
    '三、提升基层医疗卫生服务能力',
    '（二）强化医疗服务质量',
    // a heading run into the next one on a flattened line (corpus 19): whether its 。 closes a bare
    // title or a run-in title sentence cannot be seen once the break is lost
    '一、总体要求和基本原则(一)总体要求。以新发展理念为指导，建立煤炭储备体系。(二)基本原则。1.政府推动，市场化运作。充分发挥政策调控作用。2.统一规划，突出重点。合理布局储备项目。',
    // a statement item (a title sentence with a comma, no sub-items) is not a heading
    '（一）继续创新和完善宏观调控，确保经济运行在合理区间。\n坚持以市场化改革的思路办法破解发展难题。\n（二）激发市场主体活力，着力优化营商环境。\n我国有上亿市场主体。',
    // a colon after words that announce what follows is a lead-in (GB/T 15834-2011 §4.6.3.1)
    '一、总体安排\n（一）有关要求如下：\n1.按时报送。\n2.确保质量。',
    '一、适用范围\n（一）有下列情形之一的：\n1.逾期未整改。\n2.拒不配合检查。',
    // a whole list of level-1 title sentences is the document's form, sub-items or not
    '一、坚持党建引领，锻造过硬队伍。\n（一）加强培训\n二、坚持项目为王，扩大有效投资。\n（一）抓好调度\n三、坚持民生优先，办好实事。\n（一）稳定就业',
  ],
  invalid: [
    {
      // a level-1 item over sub-items （一）（二） is a part title, commas or not: its 。 goes
      text: '一、做强主导产业\n（一）培育龙头企业\n二、办好民生实事，提升群众满意度。\n（一）扩大就业\n（二）改善住房\n三、加强安全监管',
      findings: [{ line: 3, column: 17, covers: '。' }],
      output: '一、做强主导产业\n（一）培育龙头企业\n二、办好民生实事，提升群众满意度\n（一）扩大就业\n（二）改善住房\n三、加强安全监管',
    },
    {
      // a title announces nothing: its colon goes
      text: '一、做好防汛准备\n二、推进水源工程建设：\n（一）加快水库扩容\n（二）完善供水管网',
      findings: [{ line: 2, column: 11, covers: '：' }],
      output: '一、做好防汛准备\n二、推进水源工程建设\n（一）加快水库扩容\n（二）完善供水管网',
    },
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
