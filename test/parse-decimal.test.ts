/**
 * Decimal section numbers (1 / 1.1 / 1.1.1, the numbering of emergency plans and technical
 * documents) and Arabic ordinals that lost their point (4一网通办): input text → the outline
 * (level, token, title), and the look-alikes that must stay text (server/src/core/parse/decimal.ts).
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../server/src/core/parse.js';
import { quantityFollows } from '../server/src/core/parse/decimal.js';
import { analyze } from '../server/src/core/analyze.js';

/** level, token as written, title (an item's run-in title ends at its 。) */
const outline = (text: string) => [...parsePlan(text).allSections].sort((a, b) => a.start - b.start).map((s) => `${s.level} ${s.token.raw}${s.title}`);

const PLAN_LINES = [
  '某市突发事件应急预案',
  '1.总则',
  '1.1 编制目的',
  '为了科学有序应对突发事件，制定本预案。',
  '1.2 编制依据',
  '依据有关法律法规。',
  '2.组织体系',
  '2.1 指挥机构',
  '2.1.1 现场指挥部',
  '事发地政府成立现场指挥部，下设工作组：',
  '（1）综合组。负责信息汇总。',
  '（2）救援组。负责现场救援。',
  '2.2 工作机构',
  '办公室设在市应急局。',
].join('\n');

const cases: { name: string; text: string; outline: string[] }[] = [
  {
    name: 'a plan numbered 1. / 1.1 / 1.1.1 on its own lines: chapters at level 1, sections by depth, (1) items at 4',
    text: PLAN_LINES,
    outline: [
      '1 1.总则',
      '2 1.1编制目的',
      '2 1.2编制依据',
      '1 2.组织体系',
      '2 2.1指挥机构',
      '3 2.1.1现场指挥部',
      '4 （1）综合组',
      '4 （2）救援组',
      '2 2.2工作机构',
    ],
  },
  {
    name: 'the same on one line: glued to the chapter title, after a sentence, with an OCR space (1. 2)',
    text: '1.总则1.1编制目的为了科学有序应对突发事件，制定本预案。1. 2编制依据。依据有关法律法规。2.组织体系2.1指挥机构。负责指导协调。2.1.1现场指挥部。事发地政府成立现场指挥部。',
    outline: ['1 1.总则', '2 1.1编制目的', '2 1. 2编制依据', '1 2.组织体系', '2 2.1指挥机构', '3 2.1.1现场指挥部'],
  },
  {
    name: 'an ordinal that lost its point, as the next item after a sentence end (one line)',
    text: '一、办理途径1.现场办。到政务大厅办理；2.网上办。登录网站办理；3.掌上办。用手机办理；4一网通办。登录政务服务网办理。',
    outline: ['1 一、办理途径', '3 1.现场办', '3 2.网上办', '3 3.掌上办', '3 4一网通办'],
  },
  {
    name: 'an ordinal that lost its point, as the next item on its own line',
    text: '一、办理途径\n1.现场办。到政务大厅办理。\n2.网上办。登录网站办理。\n3.掌上办。用手机办理。\n4一网通办。登录政务服务网办理。',
    outline: ['1 一、办理途径', '3 1.现场办', '3 2.网上办', '3 3.掌上办', '3 4一网通办'],
  },
  // look-alikes: quantities, dates, versions, citations stay text
  {
    name: 'a decimal quantity at a line start after the chapter is no section (1.1万吨)',
    text: '1.总则\n1.1万吨煤炭储备任务已经下达。\n2.职责分工\n各部门按职责分工负责。',
    outline: ['3 1.总则', '3 2.职责分工'],
  },
  {
    name: 'decimal quantities after a sentence end in a one-line text (1.1亿元, 1.1倍)',
    text: '1.总则。全年储备任务已经下达。1.1亿元资金已经拨付。1.1倍于上年的任务如期完成。2.职责分工。各部门按职责分工负责。',
    outline: ['3 1.总则', '3 2.职责分工'],
  },
  {
    name: 'a section cited in running text (第1.1条, 本预案1.1规定) is no heading',
    text: '1.总则依照本预案1.1规定执行。按照第1.1条开展工作。2.职责分工。各部门按职责分工负责。',
    outline: ['3 1.总则依照本预案1.1规定执行', '3 2.职责分工'],
  },
  {
    name: 'a version number (V2.1.3, V1.1, 2.1.3版) is no section',
    text: '1.总则。系统已升级到V2.1.3版，V1.1版停用。2.1.3版本明年上线。2.职责分工。各部门按职责分工负责。',
    outline: ['3 1.总则', '3 2.职责分工'],
  },
  {
    name: 'under 一、 and （一）, 1. is a level-3 item and 1.1 is text',
    text: '一、总体要求\n（一）工作目标\n1.主要目标\n1.1 到2025年基本建成应急体系。\n二、重点任务',
    outline: ['1 一、总体要求', '2 （一）工作目标', '3 1.主要目标', '1 二、重点任务'],
  },
  {
    name: 'a section number that does not continue the outline (1.3 after 1.) stays text',
    text: '1.总则\n1.3 编制目的\n为了应对突发事件，制定本预案。',
    outline: ['3 1.总则'],
  },
  {
    name: 'a bare number before a measure word, a month or a unit is a quantity (4个县, 4月底, 4家)',
    text: '一、办理途径1.现场办。到政务大厅办理；2.网上办。登录网站办理；3.掌上办。用手机办理；4个县开展试点；4月底前完成；4家医院先行。',
    outline: ['1 一、办理途径', '3 1.现场办', '3 2.网上办', '3 3.掌上办'],
  },
  {
    name: 'a bare number that is not the next item (5 after 3.), or not after a sentence end, stays text',
    text: '一、办理途径1.现场办。到政务大厅办理；2.网上办。登录网站办理；3.掌上办。用手机和5一体机办理；5一网通办。',
    outline: ['1 一、办理途径', '3 1.现场办', '3 2.网上办', '3 3.掌上办'],
  },
];

describe('decimal sections and ordinals without their point', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(outline(c.text)).toEqual(c.outline);
    });
  }

  it('a table of contents gives the titles of the sections that follow it glued to their bodies', () => {
    const text =
      '某某厅2020年6月5日某某应急预案(会签稿)1.总则1.1编制目的1.2工作原则2.组织体系2.1工作组1.总则1.1编制目的建立健全应急工作机制。1.2工作原则坚持以人为本。2.组织体系2.1工作组省政府负责指导协调。';
    expect(outline(text)).toEqual(['1 1.总则', '2 1.1编制目的', '2 1.2工作原则', '1 2.组织体系', '2 2.1工作组']);
  });

  it('the quantity guard reads the indicators lexicon, word by word', () => {
    for (const q of ['个县开展', '月底前', '万吨', '家医院', '.5米', '%以上', '至5个', '一5个', '年内', '倍']) expect(quantityFollows(q), q).toBe(true);
    for (const t of ['一网通办', '组织机构', '编制目的', '现场指挥部', '省级组织', '处理程序']) expect(quantityFollows(t), t).toBe(false);
  });

  it('the rules read a decimal plan as its own numbering: no level or sequence finding, the OCR space is a style slip', () => {
    const findings = analyze(PLAN_LINES.replace('1.2 编制依据', '1. 2编制依据')).findings.filter((f) => f.ruleId.startsWith('numbering/'));
    expect(findings.map((f) => `${f.ruleId} ${f.message.zh}`)).toEqual(['numbering/style 章节编号“1. 2”中有多余的空格或全角点，应为“1.2”']);
  });
});
