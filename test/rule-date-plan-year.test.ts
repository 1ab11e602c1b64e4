import { describe } from 'vitest';
import { rule } from '../server/src/core/rules/date-plan-year.js';
import { table } from './proofreading-helpers.js';

describe('date/plan-year', () => {
  table(
    rule,
    [
      {
        text: '2025年工作安排\n一、加快项目建设\n确保2024年底前完成全部改造任务。',
        findings: [{ line: 3, column: 3, excerpt: '2024年底前' }],
      },
      {
        text: '2022年全市疾控工作要点\n\n一、强化监测预警\n于2021年6月底前建成哨点医院网络，确保年内全覆盖。',
        findings: [{ line: 4, column: 2, excerpt: '2021年6月底前' }],
      },
      { text: '各单位于9月31日前报送总结。', findings: [{ line: 1, column: 5, excerpt: '9月31日' }] },
      { text: '2023年2月29日召开推进会。', findings: [{ line: 1, column: 1, excerpt: '2023年2月29日' }] },
      { text: '请于2021年13月底前报送。', findings: [{ line: 1, column: 3, excerpt: '2021年13月' }] },
      {
        text: '2021年卫生健康工作要点\n\n一、重点任务\n推进项目建设。\n\n2022年1月5日',
        findings: [{ line: 6, column: 1, excerpt: '2022年1月5日' }],
      },
      {
        text: '2021年工作要点\n\n2021年3月18日\n\n县卫生健康委员会办公室 2021年3月15日印发',
        findings: [{ line: 5, column: 13, excerpt: '2021年3月15日印发' }],
      },
      // the plan part's deadline after a review part and paragraphs without 年/前: its own part is
      // read (an index over the paragraphs with 年 and 前 only read the first paragraph's, a review, and missed it)
      {
        text: '一、2024年工作回顾\n全县完成各项任务，成效明显。\n二、2025年工作安排\n（一）加强组织领导\n建立工作专班。\n（二）推进重点项目\n确保2024年底前完成改造任务。',
        findings: [{ line: 7, column: 3, excerpt: '2024年底前' }],
      },
    ],
    [
      { text: '2025年工作安排\n一、加快项目建设\n确保2025年底前完成全部改造任务。' },
      { text: '2024年2月29日召开推进会。' },
      {
        text: '2021年工作要点\n一、2020年工作回顾\n2020年底前已完成改造，累计完成了12项，取得明显成效。\n二、2021年工作安排\n巩固2020年底前已取得的成果。',
      },
      { text: '2022年工作要点\n一、重点工作\n截至2021年底前的数据全部入库，确保年内完成。' },
      { text: '2021年工作要点\n\n2021年3月18日\n\n县卫生健康委员会办公室 2021年3月18日印发' },
      { text: '各单位于9月30日前报送总结。' },
    ],
  );
});
