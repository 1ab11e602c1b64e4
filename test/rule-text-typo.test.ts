import { describe } from 'vitest';
import { rule } from '../server/src/core/rules/text-typo.js';
import { table } from './proofreading-helpers.js';

describe('text/typo', () => {
  table(
    rule,
    [
      {
        text: '认真落实省委省政府决策布署。',
        findings: [{ line: 1, column: 12, excerpt: '布署' }],
        fixed: '认真落实省委省政府决策部署。',
      },
      {
        text: '截止2021年底，全县建成村卫生室326个。',
        findings: [{ line: 1, column: 1, excerpt: '截止' }],
        fixed: '截至2021年底，全县建成村卫生室326个。',
      },
      {
        text: '工作，截止 12 月 31 日，宫颈癌筛查 60561 人',
        findings: [{ line: 1, column: 4, excerpt: '截止' }],
        fixed: '工作，截至 12 月 31 日，宫颈癌筛查 60561 人',
      },
      {
        text: '将安全生产纳人日常管理。',
        findings: [{ line: 1, column: 6, excerpt: '纳人' }],
        fixed: '将安全生产纳入日常管理。',
      },
      {
        text: '全体干部职工要再接再励。',
        findings: [{ line: 1, column: 8, excerpt: '再接再励' }],
        fixed: '全体干部职工要再接再厉。',
      },
      {
        text: '各项工作己经全面启动，做为重点。',
        findings: [
          { line: 1, column: 5, excerpt: '己经' },
          { line: 1, column: 12, excerpt: '做为' },
        ],
        fixed: '各项工作已经全面启动，作为重点。',
      },
    ],
    [
      { text: '认真落实省委省政府决策部署。' },
      { text: '申报截止日期为6月30日，逾期不予受理。' },
      { text: '截止到2021年底，全县建成村卫生室326个。' },
      { text: '报名于6月30日截止。' },
      { text: '加强未成年人保护和预防犯罪工作。' },
      { text: '积极吸纳人才，资深人士参与评审。' },
      { text: '截至2021年底，全县建成村卫生室326个。' },
    ],
  );
});
