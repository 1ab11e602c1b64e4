import type { RuleCases } from '../rule-tester.js';

const REVIEW = '一、2020年工作回顾\n全市适龄儿童免疫规划疫苗接种率达到95%，孕产妇死亡率为10.5/10万，累计完成了各项任务。\n二、2021年工作安排\n';

// no fix: whether the target is a typo or a deliberate cut is the author's to say
export default {
  valid: [
    REVIEW + '适龄儿童免疫规划疫苗接种率保持在95%以上。',
    { name: 'a ceiling keeps a margin', text: REVIEW + '孕产妇死亡率控制在12/10万以下。' },
    { name: 'a change, not a level', text: REVIEW + '适龄儿童免疫规划疫苗接种率提高5%。' },
    { name: 'another indicator', text: REVIEW + '65岁以上老年人健康管理率达到70%以上。' },
  ],
  invalid: [
    {
      text: REVIEW + '适龄儿童免疫规划疫苗接种率达到90%以上。',
      findings: [{ line: 4, column: 16, covers: '90%' }],
      output: null,
    },
    {
      name: 'a floor under a numbered heading',
      text: REVIEW + '（一）全市适龄儿童免疫规划疫苗接种率不低于92%。',
      findings: [{ line: 4, column: 22, covers: '92%' }],
      output: null,
    },
    {
      name: 'a rate reached last year',
      text: '一、2020年工作回顾\n全县65岁以上老年人健康管理率已达到72%。\n二、2021年工作安排\n65岁以上老年人健康管理率达到70%。',
      findings: [{ line: 4, column: 16, covers: '70%' }],
      output: null,
    },
  ],
} satisfies RuleCases;
