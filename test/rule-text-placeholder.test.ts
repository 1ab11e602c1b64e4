import { describe } from 'vitest';
import { rule } from '../server/src/core/rules/text-placeholder.js';
import { table } from './proofreading-helpers.js';

describe('text/placeholder', () => {
  table(
    rule,
    [
      { text: '全年新建××个村卫生室。', findings: [{ line: 1, column: 5, excerpt: '××' }] },
      { text: '于x月x日前报送市卫生健康委。', findings: [{ line: 1, column: 2, excerpt: 'x月x日' }] },
      { text: '由【待补】牵头负责。', findings: [{ line: 1, column: 2, excerpt: '【待补】' }] },
      { text: '二是推进XX县域医共体建设。', findings: [{ line: 1, column: 5, excerpt: 'XX' }] },
      {
        text: '确保完成＿＿家企业改造任务（此处补充数据）。',
        findings: [
          { line: 1, column: 5, excerpt: '＿＿' },
          { line: 1, column: 14, excerpt: '（此处补充数据）' },
        ],
      },
      {
        text: '新增床位□□张，TODO 核实。',
        findings: [
          { line: 1, column: 5, excerpt: '□□' },
          { line: 1, column: 9, excerpt: 'TODO' },
        ],
      },
      {
        text: '会议时间（待定）。由某某单位负责。',
        findings: [
          { line: 1, column: 5, excerpt: '（待定）' },
          { line: 1, column: 11, excerpt: '某某' },
        ],
      },
    ],
    [
      { text: '全年新建12个村卫生室。' },
      { text: '联系人：XXX，电话：5178XXXX，邮箱：XXX@shandong.cn' },
      { text: '省长XXX同志在会上强调' },
      { text: '联系人：＿＿＿＿  联系电话：＿＿＿＿' },
      { text: '□是 □否' },
      { text: '具体时间待定，另行通知。' },
      { text: '配备X光机和CT机各1台' },
    ],
  );
});
