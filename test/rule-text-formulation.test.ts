import { describe } from 'vitest';
import { rule } from '../server/src/core/rules/text-formulation.js';
import { defaultProfile } from '../server/src/core/profile.js';
import { table } from './proofreading-helpers.js';

const office = {
  profile: {
    ...defaultProfile,
    rules: {
      'text/formulation': {
        options: {
          formulations: [
            { name: '三个一批', variants: ['三个一拨'], source: '本单位2021年工作会议' },
            { name: '亮点纷呈', kind: 'banned', source: '本单位文稿规范（2021年）' },
          ],
        },
      },
    },
  },
};

describe('text/formulation', () => {
  table(
    rule,
    [
      {
        text: '牢固树立“四种意识”，坚定“四个自信”。',
        findings: [{ line: 1, column: 6, excerpt: '四种意识' }],
        fixed: '牢固树立“四个意识”，坚定“四个自信”。',
      },
      {
        text: '坚定道路自信、理论自信、制度自信、文明自信。',
        findings: [{ line: 1, column: 18, excerpt: '文明自信' }],
        fixed: '坚定道路自信、理论自信、制度自信、文化自信。',
      },
      {
        text: '增强政治意识、大局意识、核心意识和服务意识',
        findings: [{ line: 1, column: 18, excerpt: '服务意识' }],
        fixed: '增强政治意识、大局意识、核心意识和看齐意识',
      },
      {
        text: '深入学习贯彻党的十九届五中会议精神。',
        findings: [{ line: 1, column: 9, excerpt: '十九届五中会议' }],
        fixed: '深入学习贯彻党的十九届五中全会精神。',
      },
      {
        text: '贯彻二十届三中大会精神',
        findings: [{ line: 1, column: 3, excerpt: '二十届三中大会' }],
        fixed: '贯彻二十届三中全会精神',
      },
      {
        text: '坚决做到“两个拥护”。',
        findings: [{ line: 1, column: 6, excerpt: '两个拥护' }],
        fixed: '坚决做到“两个维护”。',
      },
      {
        text: '落实“三个一拨”要求，工作亮点纷呈。',
        findings: [
          { line: 1, column: 4, excerpt: '三个一拨' },
          { line: 1, column: 14, excerpt: '亮点纷呈' },
        ],
        fixed: '落实“三个一批”要求，工作亮点纷呈。',
        options: office,
      },
    ],
    [
      { text: '牢固树立“四个意识”，坚定“四个自信”，做到“两个维护”。' },
      { text: '全面贯彻十九大和十九届二中、三中、四中、五中全会精神' },
      { text: '树立社会责任意识、规则意识、集体意识、主人翁意识' },
      { text: '省委十一届九次全会暨省委经济工作会议' },
      { text: '坚定道路自信、理论自信、制度自信、文化自信。' },
      { text: '落实“三个一拨”要求。' }, // an office's own entry applies only where its profile is used
    ],
  );
});
