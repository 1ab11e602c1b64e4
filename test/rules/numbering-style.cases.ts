import type { RuleCases } from '../rule-tester.js';

export default {
  valid: [
    '1.加强监测预警。',
    '（一）继续推进重点项目建设。',
    '（一）完善卫生应急管理体系',
    '一、坚决打赢疫情防控持久战',
    '1.提升应对能力。',
    // decimal section numbers of an emergency plan have their own form
    '1.总则\n1.1 编制目的\n为了科学应对突发事件，制定本预案。\n1.1.1 适用范围\n本预案适用于本市。',
  ],
  invalid: [
    {
      text: '1、加强监测预警。',
      findings: [{ line: 1, column: 1, covers: '1、' }],
      output: '1.加强监测预警。',
    },
    {
      // (without a closing 。: with it, the fixed heading is heading/punctuation's, which the
      // half-width number hid; the fix must leave nothing for any rule)
      text: '(一)继续推进重点项目建设',
      findings: [{ line: 1, column: 1, covers: '(一)' }],
      output: '（一）继续推进重点项目建设',
    },
    {
      text: '（一）、完善卫生应急管理体系',
      findings: [{ line: 1, column: 1, covers: '（一）、' }],
      output: '（一）完善卫生应急管理体系',
    },
    {
      text: '一．坚决打赢疫情防控持久战',
      findings: [{ line: 1, column: 1, covers: '一．' }],
      output: '一、坚决打赢疫情防控持久战',
    },
    {
      text: '１．提升应对能力。',
      findings: [{ line: 1, column: 1, covers: '１．' }],
      output: '1.提升应对能力。',
    },
    {
      // a decimal section number of an emergency plan with an OCR space after its point
      text: '1.总则\n1. 1编制目的\n为了科学应对突发事件，制定本预案。',
      findings: [{ line: 2, column: 1, covers: '1. 1' }],
      output: '1.总则\n1.1编制目的\n为了科学应对突发事件，制定本预案。',
    },
    {
      // the next item of a running list that lost its point (corpus 24: 4一网通办)
      text: '一、办理途径\n1.现场办。到政务大厅办理。\n2.网上办。登录网站办理。\n3一网通办。登录政务服务网办理。',
      findings: [{ line: 4, column: 1, covers: '3' }],
      output: '一、办理途径\n1.现场办。到政务大厅办理。\n2.网上办。登录网站办理。\n3.一网通办。登录政务服务网办理。',
    },
  ],
} satisfies RuleCases;
