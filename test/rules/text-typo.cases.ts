import type { RuleCases } from '../rule-tester.js';

// the rule's fixes are offered in the editor but marked unsafe: `--fix` does not apply them
export default {
  valid: [
    '认真落实省委省政府决策部署。',
    '截至2021年底，全县建成村卫生室326个。',
    '将安全生产纳入日常管理。',
    '全体干部职工要再接再厉。',
    '各项工作已经全面启动。',
    '广泛吸纳人才参与乡村振兴。',
    '认真采纳人大代表和政协委员的意见建议。',
    '配齐财务出纳人员。',
  ],
  invalid: [
    {
      text: '认真落实省委省政府决策布署。',
      findings: [{ line: 1, column: 12, covers: '布署', message: '部署' }],
      output: null,
    },
    {
      name: 'OCR 纳人 before a noun no list foresaw',
      text: '将耕地保护纳人粮食安全党政同责考核。',
      findings: [{ line: 1, column: 6, covers: '纳人', message: '纳入' }],
      output: null,
    },
    {
      name: 'a word of the wrong use',
      text: '截止2021年底，全县建成村卫生室326个。',
      findings: [{ line: 1, column: 1, covers: '截止', message: '截至' }],
      output: null,
    },
    {
      name: 'a character misread by OCR',
      text: '将安全生产纳人日常管理。',
      findings: [{ line: 1, column: 6, covers: '纳人', message: '纳入' }],
      output: null,
    },
    {
      name: 'a wrong character in an idiom',
      text: '全体干部职工要再接再励。',
      findings: [{ line: 1, column: 8, covers: '再接再励', message: '再接再厉' }],
      output: null,
    },
    {
      text: '各项工作己经全面启动。',
      findings: [{ line: 1, column: 5, covers: '己经', message: '已经' }],
      output: null,
    },
  ],
} satisfies RuleCases;
