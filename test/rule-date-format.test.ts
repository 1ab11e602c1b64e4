import { describe } from 'vitest';
import { rule } from '../server/src/core/rules/date-format.js';
import { table } from './proofreading-helpers.js';

describe('date/format', () => {
  table(
    rule,
    [
      {
        text: '本方案自2024年03月05日起施行。',
        findings: [{ line: 1, column: 5, excerpt: '2024年03月05日' }],
        fixed: '本方案自2024年3月5日起施行。',
      },
      {
        text: '二、2021年09月底前完成验收',
        findings: [{ line: 1, column: 3, excerpt: '2021年09月' }],
        fixed: '二、2021年9月底前完成验收',
      },
      {
        text: '于2022年6月08日召开',
        findings: [{ line: 1, column: 2, excerpt: '2022年6月08日' }],
        fixed: '于2022年6月8日召开',
      },
      {
        text: '24年6月底前完成全部评估。',
        findings: [{ line: 1, column: 1, excerpt: '24年6月' }],
        fixed: '2024年6月底前完成全部评估。',
      },
      {
        text: '落实《卫生健康事业发展规划（2021-2025年）》。',
        findings: [{ line: 1, column: 15, excerpt: '2021-2025' }],
        fixed: '落实《卫生健康事业发展规划（2021—2025年）》。',
      },
      {
        text: '编制2021~2025年建设计划',
        findings: [{ line: 1, column: 3, excerpt: '2021~2025' }],
        fixed: '编制2021—2025年建设计划',
      },
      {
        text: '（2019 － 2020 年度）医师定期考核',
        findings: [{ line: 1, column: 2, excerpt: '2019 － 2020' }],
        fixed: '（2019—2020 年度）医师定期考核',
      },
      {
        text: '规划(2018--2022年)相关规定',
        findings: [{ line: 1, column: 4, excerpt: '2018--2022' }],
        fixed: '规划(2018—2022年)相关规定',
      },
    ],
    [
      { text: '本方案自2024年3月5日起施行。' },
      { text: '落实《卫生健康事业发展规划（2021—2025年）》。' },
      { text: '2026年02月10日 07时41分' }, // a web page's timestamp, not a written date
      { text: '连续24年12月份保持稳定' }, // 24年 not before a bare month number? (24年12月份 is a duration here)
      { text: '发布日期：2024-08-08' },
      { text: '人口从2020-2019年下降' }, // not a span: the second year is earlier
      { text: '建党100年来' },
    ],
  );
});
