import type { RuleCases } from '../rule-tester.js';

export default {
  valid: [
    '接种率达到90%以上',
    '签约率达到90%',
    '覆盖率达到 90%',
    '占比控制在15%～30%',
    '占比为30%～40%',
    '投入约 50 万元',
    '力争百分之百完成任务',
    '付出百分之百的努力',
    '做到百分之百满意',
  ],
  invalid: [
    {
      text: '接种率达到９０％以上',
      findings: [{ line: 1, column: 6, covers: '９０％' }],
      output: '接种率达到90%以上',
    },
    {
      text: '签约率达到百分之九十',
      findings: [{ line: 1, column: 6, covers: '百分之九十' }],
      output: null,
    },
    {
      text: '城市公交车中新能源车辆比例达到百分之百。',
      findings: [{ line: 1, column: 16, covers: '百分之百' }],
      output: null,
    },
    {
      text: '村卫生室标准化建设达标率百分之百，',
      findings: [{ line: 1, column: 13, covers: '百分之百' }],
      output: null,
    },
    {
      text: '覆盖率达到 90 %',
      findings: [{ line: 1, column: 7, covers: '90 %' }],
      output: '覆盖率达到 90%',
    },
    {
      text: '占比控制在15～30%',
      findings: [{ line: 1, column: 6, covers: '15～30%' }],
      output: '占比控制在15%～30%',
    },
    {
      text: '占比为30-40%',
      findings: [{ line: 1, column: 4, covers: '30-40%' }],
      output: '占比为30%～40%',
    },
    {
      text: '投入约 50 万元左右',
      findings: [{ line: 1, column: 3, covers: '约 50 万元左右' }],
      output: null,
    },
  ],
} satisfies RuleCases;
