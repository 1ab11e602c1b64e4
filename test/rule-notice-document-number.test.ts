import { describe } from 'vitest';
import { rule } from '../server/src/core/rules/notice-document-number.js';
import { table } from './proofreading-helpers.js';

describe('notice/document-number', () => {
  table(
    rule,
    [
      {
        text: '豫卫办[2021]15号',
        findings: [{ line: 1, column: 1, excerpt: '豫卫办[2021]15号' }],
        fixed: '豫卫办〔2021〕15号',
      },
      {
        text: '濉卫健（2021）31号',
        findings: [{ line: 1, column: 1, excerpt: '濉卫健（2021）31号' }],
        fixed: '濉卫健〔2021〕31号',
      },
      {
        text: '开卫发〔2021〕第01号',
        findings: [{ line: 1, column: 1, excerpt: '开卫发〔2021〕第01号' }],
        fixed: '开卫发〔2021〕1号',
      },
      {
        text: '根据《通知》(鲁政办发(2020)23号)要求',
        findings: [{ line: 1, column: 8, excerpt: '鲁政办发(2020)23号' }],
        fixed: '根据《通知》(鲁政办发〔2020〕23号)要求',
      },
      {
        text: '见鲁政字〔2020)67号',
        findings: [{ line: 1, column: 2, excerpt: '鲁政字〔2020)67号' }],
        fixed: '见鲁政字〔2020〕67号',
      },
      {
        text: '按照省卫健委豫卫办[2021]15号文件要求',
        findings: [{ line: 1, column: 7, excerpt: '豫卫办[2021]15号' }],
        fixed: '按照省卫健委豫卫办〔2021〕15号文件要求',
      },
      {
        text: '川委发 [2018] 第19号',
        findings: [{ line: 1, column: 1, excerpt: '川委发 [2018] 第19号' }],
        fixed: '川委发〔2018〕19号',
      },
      { text: '榕卫〔21〕8号', findings: [{ line: 1, column: 1, excerpt: '榕卫〔21〕8号' }], fixed: '榕卫〔2021〕8号' },
      {
        text: '现将《2022年全市疾病预防控制工作要点》印发给你们。\n\n2022年全市疾病预防控制工作计划\n\n一、加强监测预警',
        findings: [{ line: 1, column: 4, excerpt: '2022年全市疾病预防控制工作要点' }],
      },
    ],
    [
      { text: '濉卫健〔2021〕31号' },
      { text: '（2021）鲁01民初39号民事判决' },
      { text: '现将《2021年全县卫生健康工作要点》印发给你们。\n\n2021 年全县卫生健康工作要点\n\n一、筑牢防线' },
      { text: '2021年（2020）年度报告第3号' },
      { text: '附件：1.2021年重点任务清单\n\n关于印发通知' },
    ],
  );
});
