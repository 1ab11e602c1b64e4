/**
 * Indicators in tables (issue 14: “tables are read; each cell keeps its exact range; indicators in
 * cells count, for alignment too”). A table row is read as a table, not as running prose: its label
 * cell (the 指标/名称/项目 column, else the first cell without a figure) names the indicator; each
 * value cell gives one statement whose kind and year come from its column's header (基数/2026年 →
 * achieved in that year, 目标/2027年 → a target for that year); the unit comes from the cell, else a
 * 单位 column, else the label's or header's parentheses; responsible units, remarks, 属性 and dates
 * are never names or values. Each statement's range is its value cell's exact range.
 * The tables below are invented, of several sectors and shapes (Markdown pipe tables, TAB rows
 * pasted from Word, a 十五五 指标表, a schedule table, a table without a header, a .docx table).
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../server/src/core/parse.js';
import { analyze } from '../server/src/core/analyze.js';
import type { Indicator, IndicatorKind, IndicatorOp } from '../server/src/core/model.js';
import { decodeFile } from '../server/src/node/decode.js';
import { resolveRequirementSets } from '../server/src/node/requirements.js';
import { makeDocx, p, table } from './docx-build.js';
import { readSeed, repoRoot } from './helpers.js';

/** [label of the row, the value cell as written, name, comparator, op, value, unit, qualifier, kind, deadline] */
type Row = [string, string, string, string, IndicatorOp, number, string, string | undefined, IndicatorKind, string | undefined];

interface Case {
  what: string;
  text: string;
  rows: Row[];
  /** words that must never be an indicator's name (responsible units, remarks, categories) */
  never?: string[];
}

const cases: Case[] = [
  {
    what: 'a pipe table with a header: 指标名称 | 2026年基数 | 2027年目标 | 牵头单位 (education)',
    text: [
      '# 某县2027年教育工作要点',
      '',
      '一、主要目标',
      '',
      '| 指标名称 | 2026年基数 | 2027年目标 | 牵头单位 |',
      '| --- | :-: | :-: | --- |',
      '| 学前教育毛入园率 | 91.5% | ≥93% | 县教育局 |',
      '| 义务教育巩固率 | 98% | 不低于98.5% | 县教育局 |',
      '| 新建改扩建幼儿园 | 3所 | 5所以上 | 县发展改革委 |',
      '',
      '二、重点任务',
      '',
      '（一）推进学前教育普及普惠。',
      '',
    ].join('\n'),
    rows: [
      ['学前教育毛入园率', '91.5%', '学前教育毛入园率', '', 'eq', 91.5, '%', undefined, 'achieved', '2026年'],
      ['学前教育毛入园率', '≥93%', '学前教育毛入园率', '≥', 'ge', 93, '%', undefined, 'target', '2027年'],
      ['义务教育巩固率', '98%', '义务教育巩固率', '', 'eq', 98, '%', undefined, 'achieved', '2026年'],
      ['义务教育巩固率', '不低于98.5%', '义务教育巩固率', '不低于', 'ge', 98.5, '%', undefined, 'target', '2027年'],
      ['新建改扩建幼儿园', '3所', '新建改扩建幼儿园', '', 'eq', 3, '所', undefined, 'achieved', '2026年'],
      ['新建改扩建幼儿园', '5所以上', '新建改扩建幼儿园', '', 'ge', 5, '所', '以上', 'target', '2027年'],
    ],
    never: ['县教育局', '县发展改革委'],
  },
  {
    what: 'TAB rows pasted from Word, a header without figures and a 单位 column (agriculture)',
    text: [
      '某县2027年农业农村工作要点',
      '一、目标任务',
      '指标\t单位\t2026年完成值\t2027年目标\t责任单位',
      '粮食播种面积\t万亩\t120.3\t稳定在120以上\t县农业农村局',
      '高标准农田建设面积\t万亩\t5.2\t6\t县农业农村局',
      '农村居民人均可支配收入增长\t%\t6.5\t7左右\t县统计局',
      '二、重点工作',
      '（一）稳定粮食生产。',
      '',
    ].join('\n'),
    rows: [
      ['粮食播种面积', '120.3', '粮食播种面积', '', 'eq', 120.3, '万亩', undefined, 'achieved', '2026年'],
      ['粮食播种面积', '稳定在120以上', '粮食播种面积', '稳定在', 'ge', 120, '万亩', '以上', 'target', '2027年'],
      ['高标准农田建设面积', '5.2', '高标准农田建设面积', '', 'eq', 5.2, '万亩', undefined, 'achieved', '2026年'],
      ['高标准农田建设面积', '6', '高标准农田建设面积', '', 'eq', 6, '万亩', undefined, 'target', '2027年'],
      ['农村居民人均可支配收入增长', '6.5', '农村居民人均可支配收入增长', '', 'eq', 6.5, '%', undefined, 'achieved', '2026年'],
      ['农村居民人均可支配收入增长', '7左右', '农村居民人均可支配收入增长', '', 'approx', 7, '%', '左右', 'target', '2027年'],
    ],
    never: ['县农业农村局', '县统计局', '万亩'],
  },
  {
    what: 'a 十五五 指标表: 类别 | 指标 | 单位 | 2025年 | 2030年 | 属性 (the unit from the 单位 column)',
    text: [
      '# 某市国民经济和社会发展第十五个五年规划纲要',
      '',
      '## 一、主要目标',
      '',
      '| 类别 | 指标 | 单位 | 2025年 | 2030年 | 属性 |',
      '|---|---|---|---|---|---|',
      '| 经济发展 | 地区生产总值年均增长 | % | 6.1 | 5左右 | 预期性 |',
      '| 绿色生态 | 单位地区生产总值能耗降低 | % | — | 完成省下达任务 | 约束性 |',
      '| 民生福祉 | 每千人口拥有3岁以下婴幼儿托位数 | 个 | 3.5 | 4.5 | 预期性 |',
      '| 民生福祉 | 人均预期寿命 | 岁 | 79.2 | ≥80 | 预期性 |',
      '',
    ].join('\n'),
    rows: [
      ['地区生产总值年均增长', '6.1', '地区生产总值年均增长', '', 'eq', 6.1, '%', undefined, 'achieved', '2025年'],
      ['地区生产总值年均增长', '5左右', '地区生产总值年均增长', '', 'approx', 5, '%', '左右', 'target', '2030年'],
      ['每千人口拥有3岁以下婴幼儿托位数', '3.5', '每千人口拥有3岁以下婴幼儿托位数', '', 'eq', 3.5, '个', undefined, 'achieved', '2025年'],
      ['每千人口拥有3岁以下婴幼儿托位数', '4.5', '每千人口拥有3岁以下婴幼儿托位数', '', 'eq', 4.5, '个', undefined, 'target', '2030年'],
      ['人均预期寿命', '79.2', '人均预期寿命', '', 'eq', 79.2, '岁', undefined, 'achieved', '2025年'],
      ['人均预期寿命', '≥80', '人均预期寿命', '≥', 'ge', 80, '岁', undefined, 'target', '2030年'],
    ],
    never: ['经济发展', '绿色生态', '民生福祉', '预期性', '约束性'],
  },
  {
    what: 'a schedule table (序号 | 工作任务 | 完成时间 | 责任单位): dates and ordinals are not indicators',
    text: [
      '# 某县2027年安全生产工作要点',
      '',
      '| 序号 | 工作任务 | 完成时间 | 责任单位 |',
      '| --- | --- | --- | --- |',
      '| 1 | 制定专项整治实施方案 | 2027年3月底前 | 县应急局 |',
      '| 2 | 开展重点行业隐患排查 | 2027年6月30日前 | 各乡镇 |',
      '| 3 | 组织综合应急演练 | 2027年10月 | 县应急局 |',
      '',
    ].join('\n'),
    rows: [],
    never: ['县应急局', '各乡镇'],
  },
  {
    what: 'TAB rows without a header: the first cell without a figure names the row (employment)',
    text: ['某区2027年就业工作要点', '一、主要目标', '城镇新增就业\t1.2万人\t区人社局', '城镇调查失业率\t5.5%以内\t区人社局', ''].join('\n'),
    rows: [
      ['城镇新增就业', '1.2万人', '城镇新增就业', '', 'eq', 1.2, '万人', undefined, 'target', undefined],
      ['城镇调查失业率', '5.5%以内', '城镇调查失业率', '', 'le', 5.5, '%', '以内', 'target', undefined],
    ],
    never: ['区人社局'],
  },
  {
    what: 'a table whose rows are years: the column names the indicator, the year of the row its time (maternal and child health)',
    text: [
      '# 某市2027年妇幼健康工作要点',
      '',
      '| 年份 | 孕产妇死亡率（/10万） | 婴儿死亡率（‰） |',
      '| --- | --- | --- |',
      '| 2026年 | 9.8 | 4.1 |',
      '| 2027年 | ≤9.5 | ≤4 |',
      '',
    ].join('\n'),
    rows: [
      ['2026年', '9.8', '孕产妇死亡率', '', 'eq', 9.8, '/10万', undefined, 'achieved', '2026年'],
      ['2026年', '4.1', '婴儿死亡率', '', 'eq', 4.1, '‰', undefined, 'achieved', '2026年'],
      ['2027年', '≤9.5', '孕产妇死亡率', '≤', 'le', 9.5, '/10万', undefined, 'target', '2027年'],
      ['2027年', '≤4', '婴儿死亡率', '≤', 'le', 4, '‰', undefined, 'target', '2027年'],
    ],
  },
  {
    what: 'a task table and numbered TAB rows: a count in a task cell keeps its prose name; ordinals, dates and units are not values (rural health)',
    text: [
      '某县2027年基层卫生工作要点',
      '一、重点任务',
      '工作任务\t完成时限\t责任科室',
      '新建10个村卫生室\t2027年6月\t基层科',
      '培训乡村医生500人次\t2027年底前\t科教科',
      '二、保障措施',
      '1\t高血压患者健康管理\t县疾控中心',
      '2\t糖尿病患者健康管理\t县疾控中心',
      '',
    ].join('\n'),
    rows: [['培训乡村医生', '培训乡村医生500人次', '培训乡村医生', '', 'eq', 500, '人次', undefined, 'target', undefined]],
    never: ['基层科', '科教科', '高血压患者健康管理', '糖尿病患者健康管理'],
  },
];

/** The document offset of `cell` in the line that starts with `label` (after the label). */
function cellOffset(text: string, label: string, cell: string): number {
  const lines = text.split('\n');
  let at = 0;
  for (const line of lines) {
    const l = line.indexOf(label);
    // the value cell follows the label cell (or is the label cell: a task that states its count)
    const from = cell.startsWith(label) ? l : l + label.length;
    if (l >= 0 && /^[|\s]*$/.test(line.slice(0, l).replace(/\|[^|]*\|/g, '|')) && line.includes(cell, from)) return at + line.indexOf(cell, from);
    at += line.length + 1;
  }
  throw new Error(`no row ${label} with ${cell}`);
}

function shape(i: Indicator): unknown[] {
  return [i.name, i.comparator, i.op, i.value, i.unit, i.qualifier, i.kind, i.deadline];
}

describe('indicators in table rows are read as a table', () => {
  for (const c of cases) {
    it(c.what, () => {
      const plan = parsePlan(c.text);
      const got = plan.indicators;
      expect(got.map(shape)).toEqual(c.rows.map((r) => [r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9]]));
      // each statement's range is its value cell's exact range; the value lies inside it
      got.forEach((ind, k) => {
        const [label, cell] = c.rows[k]!;
        const start = cellOffset(c.text, label, cell);
        expect({ start: ind.start, end: ind.end, text: ind.text }).toEqual({ start, end: start + cell.length, text: cell });
        expect(ind.valueSpan.start).toBeGreaterThanOrEqual(ind.start);
        expect(ind.valueSpan.end).toBeLessThanOrEqual(ind.end);
      });
      for (const w of c.never ?? []) expect(got.filter((i) => i.name.includes(w)).map((i) => i.name)).toEqual([]);
    });
  }

  it('a .docx table (read as TAB rows by the .docx reader): header years give kind and deadline, positions map to the cells', async () => {
    const body =
      p('某市2027年生态环境保护工作要点') +
      p('一、主要目标') +
      table([
        ['指标', '2026年', '2027年', '责任单位'],
        ['地级城市细颗粒物（PM2.5）平均浓度（微克/立方米）', '32', '≤30', '市生态环境局'],
        ['地表水国控断面水质优良比例', '85%', '88%以上', '市生态环境局'],
      ]) +
      p('二、重点任务') +
      p('（一）深入打好蓝天保卫战。');
    const r = await decodeFile('plan.docx', await makeDocx(body));
    const plan = parsePlan(r.text);
    const pm = '地级城市细颗粒物（PM2.5）平均浓度';
    expect(plan.indicators.map(shape)).toEqual([
      [pm, '', 'eq', 32, '微克/立方米', undefined, 'achieved', '2026年'],
      [pm, '≤', 'le', 30, '微克/立方米', undefined, 'target', '2027年'],
      ['地表水国控断面水质优良比例', '', 'eq', 85, '%', undefined, 'achieved', '2026年'],
      ['地表水国控断面水质优良比例', '', 'ge', 88, '%', '以上', 'target', '2027年'],
    ]);
    const cells = ['32', '≤30', '85%', '88%以上'];
    plan.indicators.forEach((ind, k) => expect(r.text.slice(ind.start, ind.end)).toBe(cells[k]));
    const rowLine = r.text.split('\n').findIndex((l) => l.startsWith('地表水'));
    expect(plan.index.positionAt(plan.indicators[3]!.start)).toEqual({ line: rowLine, character: r.text.split('\n')[rowLine]!.indexOf('88%以上') });
  });

  it('the 2027 target of the example table: name from the first cell, ≥ as ge, the 基数 column achieved, no responsible unit as a name', () => {
    const text = [
      '# 江州市2027年医疗保障服务能力提升实施方案',
      '',
      '| 指标名称 | 2026年基数 | 2027年目标 | 责任单位 |',
      '| --- | --- | --- | --- |',
      '| 住院费用跨省直接结算率 | 78% | ≥85% | 市医保中心 |',
      '',
    ].join('\n');
    const got = parsePlan(text).indicators.map(shape);
    expect(got).toEqual([
      ['住院费用跨省直接结算率', '', 'eq', 78, '%', undefined, 'achieved', '2026年'],
      ['住院费用跨省直接结算率', '≥', 'ge', 85, '%', undefined, 'target', '2027年'],
    ]);
  });
});

describe('a target in a table is aligned like a target in prose', () => {
  const henan = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets[0]!;
  const seed = readSeed('000');
  const sentence = '实施扩大国家免疫规\n\n划工作，适龄儿童免疫规划疫苗接种率达到 90%以上。';
  const withTable = (base: string, target: string) =>
    seed.replace(
      sentence,
      `实施扩大国家免疫规划工作。\n\n| 指标名称 | 2020年基数 | 2021年目标 | 责任单位 |\n| --- | --- | --- | --- |\n| 适龄儿童免疫规划疫苗接种率 | ${base} | ${target} | 疾控科 |\n`,
    );

  it('a base below the requirement is not compared as a target; the target column is', () => {
    expect(seed).toContain(sentence);
    const ok = analyze(withTable('85%', '≥92%'), { requirements: [henan] });
    expect(ok.findings.filter((f) => /^alignment\/(missing|weaker)-target$/.test(f.ruleId)).map((f) => f.message.zh)).toEqual([]);
  });

  it('a weaker target in the target column is reported at its cell', () => {
    const text = withTable('95%', '≥85%');
    const a = analyze(text, { requirements: [henan] });
    const weaker = a.findings.filter((f) => f.ruleId === 'alignment/weaker-target');
    expect(weaker.length).toBeGreaterThan(0);
    const cell = text.indexOf('≥85%');
    expect(weaker.some((f) => f.start >= cell && f.end <= cell + '≥85%'.length)).toBe(true);
  });
});
