/**
 * A part whose title names both a review and a plan (“十三五”时期发展成就和“十四五”时期主要目标任务,
 * 2020年工作回顾和2021年工作安排) states no kind: each paragraph's own language decides (a retrospective
 * time frame at its start, summary or plan language), and the part's language only where a paragraph
 * does not lean. Issues 14 and 15: the national 2021 report's review of the past five years was
 * extracted as 2021 targets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { analyzeQuantities } from '../server/src/core/indicators.js';
import { paragraphLean, scoreText, titleStance } from '../server/src/core/indicators/context.js';
import { parsePlan } from '../server/src/core/parse.js';
import { extractRequirementSet } from '../server/src/core/requirements/extract.js';
import { repoRoot } from './helpers.js';

const corpus = (name: string) => readFileSync(join(repoRoot, 'test/corpus', name), 'utf8');

/** kind of each quantity, as `text kind` */
function kinds(text: string): string[] {
  return analyzeQuantities(parsePlan(text)).quantities.map((q) => `${q.text} ${q.kind}`);
}

describe('titles that name both a review and a plan', () => {
  it('are mixed; a plan word that is the object of a review names no plan', () => {
    expect(titleStance('二、“十三五”时期发展成就和“十四五”时期主要目标任务', 2021)).toBe('mixed');
    expect(titleStance('一、2020年工作回顾和2021年工作安排', 2021)).toBe('mixed');
    expect(titleStance('（一）“十三五”成就和“十四五”目标', 2021)).toBe('mixed');
    expect(titleStance('一、2020年计划执行情况', 2021)).toBe('achieved');
    expect(titleStance('一、重点工作完成情况', 2021)).toBe('achieved');
    expect(titleStance('一、2020年工作回顾', 2021)).toBe('achieved');
    expect(titleStance('二、2021年重点工作', 2021)).toBe('target');
    expect(titleStance('二、“十四五”时期主要目标任务', 2021)).toBe('target');
    // the first part of a five-year plan states the base it starts from
    expect(titleStance('一、发展基础', 2026)).toBe('achieved');
    expect(titleStance('（一）现实基础', 2026)).toBe('achieved');
  });

  it('a paragraph opened by a retrospective time frame speaks of the past; a plan period does not', () => {
    const lean = (t: string) => paragraphLean(t, scoreText(t), 2021);
    expect(lean('过去五年，全县新建学校42所，持续推进教育改革。')).toBe('achieved');
    expect(lean('五年来，我们持续推进、加强、深化各项改革。')).toBe('achieved');
    expect(lean('“十三五”时期，全市持续推进交通建设。')).toBe('achieved');
    expect(lean('2020年，全市持续推进交通建设。')).toBe('achieved');
    expect(lean('“十四五”时期，全市要持续推进交通建设。')).toBe('target');
    expect(lean('2021年，全市要持续推进交通建设。')).toBe('target');
  });
});

describe('national 2021 report (test/corpus 04): the review of the past five years is not a 2021 target', () => {
  const text = corpus('04-national-2021-govreport.txt');
  const set = extractRequirementSet(parsePlan(text), { document: 'test/corpus/04-national-2021-govreport.txt' });

  it('bug: no target from the paragraph 过去五年，我国经济社会发展取得新的历史性成就 (line 43)', () => {
    const review = set.targets.filter((t) => t.source?.line === 43).map((t) => t.source?.quote);
    expect(review).toEqual([]);
    for (const t of set.targets) {
      expect(t.source?.quote ?? '').not.toMatch(/100万亿元|6000万人|2100万套|5575万/);
      // the base of 从不到70万亿元增加到… is no target either
      expect(t.value === 70 && t.unit === '万亿元').toBe(false);
    }
  });

  it('its figures are achieved values; the “十四五” targets of the same part stay targets', () => {
    const qs = analyzeQuantities(parsePlan(text)).quantities;
    const lineOf = (at: number) => text.slice(0, at).split('\n').length;
    const review = qs.filter((q) => lineOf(q.start) === 43);
    expect(review.map((q) => q.text)).toEqual(expect.arrayContaining(['城镇新增就业超过6000万人', '城镇棚户区住房改造超过2100万套']));
    expect(new Set(review.map((q) => q.kind))).toEqual(new Set(['achieved']));
    const plan = qs.filter((q) => lineOf(q.start) > 43 && lineOf(q.start) <= 67);
    expect(plan.length).toBeGreaterThanOrEqual(10);
    expect(new Set(plan.map((q) => q.kind))).toEqual(new Set(['target']));
  });

  it('still lists the real 2021 targets', () => {
    const find = (name: string) => set.targets.find((t) => t.name === name);
    expect(find('城镇调查失业率')).toMatchObject({ value: 5.5, unit: '%', year: 2021 });
    expect(find('森林覆盖率')).toMatchObject({ value: 24.1, unit: '%' });
  });
});

describe('mixed parts in plans of other sectors (texts written for the test)', () => {
  it('bug: education — the review paragraph under “十三五”成就和“十四五”主要目标 reports achieved values', () => {
    const text = [
      '2021年某县教育工作要点',
      '一、“十三五”教育发展成就和“十四五”主要目标',
      '过去五年，全县教育事业持续发展，新建改扩建学校42所，学前教育毛入园率达到92%，义务教育巩固率达到98.5%，教育信息化持续推进。',
      '“十四五”时期，全县要新增学位8000个，学前教育毛入园率达到95%以上，持续推进义务教育优质均衡发展。',
      '二、2021年重点工作',
      '新建幼儿园5所，加强教师队伍建设。',
    ].join('\n');
    expect(kinds(text)).toEqual([
      '新建改扩建学校42所 achieved',
      '学前教育毛入园率达到92% achieved',
      '义务教育巩固率达到98.5% achieved',
      '新增学位8000个 target',
      '学前教育毛入园率达到95%以上 target',
      '新建幼儿园5所 target',
    ]);
  });

  it('bug: transport — plan paragraphs under 2020年工作回顾和2021年工作安排 are targets, the summary stays achieved', () => {
    const text = [
      '2021年某市交通运输工作要点',
      '一、2020年工作回顾和2021年工作安排',
      '全年建成高速公路68公里，同比增长12%，圆满完成了年度目标，取得显著成效。',
      '新建农村公路500公里，改造危桥30座，持续推进城乡客运一体化，加强交通安全管理。',
      '二、保障措施',
      '加强组织领导，强化资金保障。',
    ].join('\n');
    expect(kinds(text)).toEqual(['建成高速公路68公里 achieved', '同比增长12% achieved', '新建农村公路500公里 target', '改造危桥30座 target']);
  });

  it('bug: water — after an unnumbered mixed title, a retrospective paragraph is a review, the rest a plan', () => {
    const text = [
      '2021年某省水利工作要点',
      '“十三五”水利成就和“十四五”目标任务',
      '五年来，全省持续推进水利建设，累计建成水库12座，新增有效灌溉面积80万亩。',
      '“十四五”期间，全省新增有效灌溉面积100万亩，持续推进农村供水保障。',
    ].join('\n');
    expect(kinds(text)).toEqual(['建成水库12座 achieved', '新增有效灌溉面积80万亩 achieved', '新增有效灌溉面积100万亩 target']);
  });
});

describe('requirements extract: a number in a statement’s name or comparator is its base, not a target', () => {
  it('bug: 报销比例由50%提高到60% gives the 60% target only (national 2019 report, test/corpus 02)', () => {
    const set = extractRequirementSet(parsePlan(corpus('02-national-2019-govreport.txt')));
    const rows = set.targets.filter((t) => /报销比例/.test(t.source?.quote ?? '')).map((t) => [t.name, t.comparator, t.value, t.unit]);
    expect(rows).toEqual([['报销比例', '提高到', 60, '%']]);
  });
});

describe('unnumbered part titles of a review and a plan (2026年工作总结 … 2027年工作计划)', () => {
  // a department's 工作总结和工作计划: the review's 一、二、三、 and the plan's 一、二、 restart under
  // unnumbered part titles, the second of which stands in the body of the review's last section
  const text = [
    '清河县发展改革局2026年工作总结和2027年工作计划',
    '',
    '2026年工作总结',
    '',
    '一、重点项目建设有力推进',
    '',
    '全年完成固定资产投资128亿元，实施省市重点项目36个。',
    '',
    '二、营商环境持续优化',
    '',
    '新增市场主体4200户，政务服务事项网上可办率达到98%。',
    '',
    '三、存在的问题',
    '',
    '项目储备不足，要素保障压力较大。',
    '',
    '2027年工作计划',
    '',
    '2027年，全局将聚焦高质量发展，新增市场主体4500户。',
    '',
    '一、扩大有效投资',
    '',
    '全年完成固定资产投资135亿元，实施省市重点项目40个以上。',
    '',
  ].join('\n');

  it('each part title gives its sections and paragraphs their kind, whatever their own wording', () => {
    expect(kinds(text)).toEqual([
      '完成固定资产投资128亿元 achieved',
      '实施省市重点项目36个 achieved',
      '新增市场主体4200户 achieved',
      '政务服务事项网上可办率达到98% achieved',
      '新增市场主体4500户 target',
      '完成固定资产投资135亿元 target',
      '实施省市重点项目40个以上 target',
    ]);
  });

  it('a title line that ends with its genre word is whole: the part title after it is not its continuation', () => {
    const plan = parsePlan(text);
    expect(plan.blocks.filter((b) => b.kind === 'title').map((b) => b.text)).toEqual(['清河县发展改革局2026年工作总结和2027年工作计划', '2026年工作总结']);
    // so the review's results and the plan's targets are no conflict
    expect(analyze(text).findings.filter((f) => f.ruleId === 'indicator/conflict')).toEqual([]);
  });
});
