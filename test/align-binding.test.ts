/**
 * Issue 15, comparison that honours level, binds, year and units: each bug of the issue reproduced
 * on a short draft (wording from real plans: the national and provincial 2025 reports of
 * test/corpus, a county agriculture plan) against a small set, plus the unit table itself.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { alignPlan, applicability, inferBinds, type AlignmentResult } from '../server/src/core/align/index.js';
import { comparableUnits, convertValue, parseUnit } from '../server/src/core/align/units.js';
import { parseLevel } from '../server/src/core/levels.js';
import { parsePlan } from '../server/src/core/parse.js';
import type { RequirementSet, Target } from '../server/src/core/requirements/types.js';
import { resolveRequirementSets } from '../server/src/node/requirements.js';
import { repoRoot } from './helpers.js';

const henan: RequirementSet = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets[0]!;

function target(over: Partial<Target> & Pick<Target, 'id' | 'name' | 'op' | 'value' | 'unit'>): Target {
  return { comparator: '', ...over };
}

function set(name: string, level: RequirementSet['level'], year: number, targets: Target[], extra: Partial<RequirementSet> = {}): RequirementSet {
  return { name, title: name, level, year, themes: [{ id: 'all', title: '全面工作', keywords: ['工作'], required: true }], targets, ...extra };
}

/** The 2025 national report's main targets (06, line 47), as `requirements extract` reads them. */
const national2025 = set('national-2025', '国家', 2025, [
  target({ id: 'gdp', name: '国内生产总值', comparator: '增长', op: 'increase', value: 5, unit: '%', qualifier: '左右' }),
  target({ id: 'unemployment', name: '城镇调查失业率', op: 'approx', value: 5.5, unit: '%', qualifier: '左右' }),
  target({ id: 'jobs', name: '城镇新增就业', op: 'ge', value: 1200, unit: '万人', qualifier: '以上' }),
  target({ id: 'grain', name: '粮食产量', op: 'approx', value: 1.4, unit: '万亿斤', qualifier: '左右' }),
]);

/** A provincial agriculture set: a total of the province's own (binds: same-level, as the set marks it). */
const province2021 = set('province-agri-2021', '省', 2021, [
  target({ id: 'grain-area', name: '粮食播种面积', comparator: '稳定在', op: 'ge', value: 1.6, unit: '亿亩', qualifier: '以上', binds: 'same-level' }),
  target({ id: 'irrigation', name: '农田灌溉水有效利用系数', comparator: '达到', op: 'ge', value: 0.62, unit: '' }),
  target({ id: 'mechanisation', name: '主要农作物耕种收综合机械化率', comparator: '达到', op: 'ge', value: 85, unit: '%', qualifier: '以上' }),
]);

function draft(level: string, year: number, body: string[]): string {
  return [`---\nyear: ${year}\nlevel: ${level}\n---`, `${year}年工作要点`, '一、全面工作', ...body].join('\n\n');
}

function weakerFindings(text: string, sets: RequirementSet[]) {
  return analyze(text, { requirements: sets }).findings.filter((f) => f.ruleId === 'alignment/weaker-target');
}

describe('the unit table (one table of dimensions and factors)', () => {
  it('converts magnitudes of the same base unit', () => {
    expect(convertValue(1.6, '亿亩', '万亩')).toBe(16000);
    expect(convertValue(1.4, '万亿斤', '亿斤')).toBe(14000);
    expect(convertValue(3000, '亿元', '万亿元')).toBe(0.3);
    expect(convertValue(1800, '亿元', '万元')).toBe(18000000);
    expect(convertValue(110, '万人', '人')).toBe(1100000);
  });
  it('converts within a dimension: mass, area, length, power, energy, per-population rates', () => {
    expect(convertValue(1285, '万吨', '亿斤')).toBe(257); // 1285万吨 = 257亿斤
    expect(convertValue(1, '公顷', '亩')).toBe(15);
    expect(convertValue(1, '平方公里', '公顷')).toBe(100);
    expect(convertValue(2000, '公里', '米')).toBe(2000000);
    expect(convertValue(50, '万千瓦', '千瓦')).toBe(500000);
    expect(convertValue(1, '亿千瓦时', '万千瓦时')).toBe(10000);
    expect(convertValue(9.5, '/10万', '‰')).toBe(0.095);
    expect(convertValue(0.42, '%', '‰')).toBe(4.2);
    expect(convertValue(20, '名', '人')).toBe(20);
  });
  it('does not convert across dimensions or classifiers', () => {
    expect(comparableUnits('千瓦', '千瓦时')).toBe(false); // power is not energy
    expect(comparableUnits('万亩', '万吨')).toBe(false);
    expect(comparableUnits('所', '家')).toBe(false);
    expect(comparableUnits('张', '个')).toBe(false);
    expect(comparableUnits('%', '个百分点')).toBe(false);
    expect(comparableUnits('万人', '%')).toBe(false);
    expect(parseUnit('万个').dimension).toBe(parseUnit('个').dimension);
  });
});

describe('government level as one type', () => {
  it('reads the levels and their words', () => {
    expect(['国家', '全国', '省', '全省', '市', '县', '区', '乡镇', '街道', '自治区'].map(parseLevel)).toEqual([
      '国家',
      '国家',
      '省',
      '省',
      '市',
      '县',
      '区',
      '乡镇',
      '街道',
      '省',
    ]);
  });
  it('takes a district draft as a 区 (the tier of a 县), not as a 县', () => {
    const r = alignPlan(parsePlan(draft('区', 2021, ['抓好常态化疫情防控。'])), [henan]);
    expect(r.planPart.level).toBe('区');
  });
});

describe('binding: level and binds', () => {
  it('infers binds: rates bind every level, own totals the same level, allocated totals are allocated', () => {
    expect(inferBinds({ name: '城镇调查失业率', unit: '%', op: 'approx' })).toBe('all');
    expect(inferBinds({ name: '国内生产总值', unit: '%', op: 'increase' })).toBe('all');
    expect(inferBinds({ name: '单位国内生产总值能耗', unit: '%', op: 'decrease' })).toBe('all');
    expect(inferBinds({ name: '研发投入强度', unit: '', op: 'ge' })).toBe('all');
    expect(inferBinds({ name: '城镇新增就业', unit: '万人', op: 'ge' })).toBe('same-level');
    expect(inferBinds({ name: '粮食产量', unit: '万亿斤', op: 'approx' })).toBe('same-level');
    expect(inferBinds({ name: '高标准农田', unit: '万亩', op: 'ge', source: { quote: '新建高标准农田8000万亩，分解到各省' } })).toBe('allocated');
    expect(inferBinds({ name: '建成标准化卫生院', unit: '个', op: 'ge', source: { quote: '每个县建成1个标准化卫生院' } })).toBe('all');
    // a share of the province's own counties binds the province only
    expect(inferBinds({ name: '县（市）医共体建设成效监测指标达到优良标准的比例', unit: '%', op: 'approx' })).toBe('same-level');
  });

  it('bug: the national 城镇新增就业1200万人以上 is not a target a provincial 110万人以上 is weaker than', () => {
    const text = draft('省', 2025, ['城镇新增就业110万人以上，城镇调查失业率5.5%左右。']);
    const r = alignPlan(parsePlan(text), [national2025]);
    const jobs = r.targets.find((t) => t.target.id === 'jobs')!;
    expect(jobs).toMatchObject({ status: 'not-applicable', applies: false });
    expect(jobs.reason.zh).toContain('只约束同级');
    // the English reason names the levels in English (labels in one language)
    expect(jobs.reason.en).toContain("the superior's own level (national level), which binds that level only; a draft of provincial level");
    expect(jobs.reason.en).not.toMatch(/[\u4e00-\u9fff]/);
    // the rate binds the province and is met
    expect(r.targets.find((t) => t.target.id === 'unemployment')).toMatchObject({ status: 'met', applies: true });
    expect(weakerFindings(text, [national2025])).toEqual([]);
  });

  it('bug: a county’s 58万亩 is not weaker than the province’s 1.6亿亩 (binds: same-level), and no unit message', () => {
    const text = draft('县', 2021, ['粮食播种面积稳定在58万亩以上，主要农作物耕种收综合机械化率达到80%。']);
    const r = alignPlan(parsePlan(text), [province2021]);
    const area = r.targets.find((t) => t.target.id === 'grain-area')!;
    expect(area.status).toBe('not-applicable');
    expect(area.reason.zh).not.toContain('单位');
    const f = weakerFindings(text, [province2021]);
    // the rate the province asks of every level is compared, with both figures in the message
    expect(f).toHaveLength(1);
    expect(f[0]!.message.zh).toContain('草案“达到80%”低于上级“达到85%以上”');
  });

  it('the same provincial total binds a provincial draft, converted across magnitudes', () => {
    const text = draft('省', 2021, ['粮食播种面积稳定在15000万亩以上。']);
    const r = alignPlan(parsePlan(text), [province2021]);
    const area = r.targets.find((t) => t.target.id === 'grain-area')!;
    expect(area).toMatchObject({ status: 'weaker', problems: ['value'], draftValue: 1.5 });
    expect(area.reason.zh).toBe('草案“稳定在15000万亩以上（折合 1.5亿亩）”低于上级“稳定在1.6亿亩以上”');
    const ok = alignPlan(parsePlan(draft('省', 2021, ['粮食播种面积稳定在16000万亩以上。'])), [province2021]);
    expect(ok.targets.find((t) => t.target.id === 'grain-area')).toMatchObject({ status: 'met', draftValue: 1.6 });
  });

  it('bug: the looser-comparator message states both values (not “稳定在左右”)', () => {
    const text = draft('省', 2021, ['粮食播种面积稳定在1.6亿亩左右。']);
    const r = alignPlan(parsePlan(text), [province2021]);
    const area = r.targets.find((t) => t.target.id === 'grain-area')!;
    expect(area).toMatchObject({ status: 'weaker', problems: ['comparator'] });
    expect(area.reason.zh).toContain('草案“稳定在1.6亿亩左右”不如上级“稳定在1.6亿亩以上”严格');
    expect(area.reason.en).toContain('"稳定在1.6亿亩左右" is looser than the superior\'s "稳定在1.6亿亩以上"');
  });

  it('a draft of a level above the set is not bound by it', () => {
    expect(applicability(province2021.targets[2]!, province2021, { level: '国家', year: 2021 }).applies).toBe(false);
  });

  it('an allocated total binds the lower draft (missing when not stated) without comparing values', () => {
    const s = set('p', '省', 2021, [
      target({
        id: 'hsf',
        name: '高标准农田',
        comparator: '新建',
        op: 'ge',
        value: 500,
        unit: '万亩',
        source: { quote: '新建高标准农田500万亩，分解到各市县' },
      }),
    ]);
    expect(alignPlan(parsePlan(draft('县', 2021, ['抓好粮食生产。'])), [s]).targets[0]).toMatchObject({ status: 'missing', applies: true });
    const stated = alignPlan(parsePlan(draft('县', 2021, ['新建高标准农田达到5万亩。'])), [s]).targets[0]!;
    expect(stated).toMatchObject({ status: 'not-comparable', applies: true });
    expect(weakerFindings(draft('县', 2021, ['新建高标准农田达到5万亩。']), [s])).toEqual([]);
  });
});

describe('binding: year', () => {
  const later = set('p', '省', 2021, [
    target({ id: 'imr', name: '婴儿死亡率', comparator: '控制在', op: 'le', value: 4.2, unit: '‰', qualifier: '以下', year: 2025 }),
  ]);

  it('a 2025 target is not a 2021 target: not required, and a stated figure is not compared', () => {
    const text = draft('县', 2021, ['婴儿死亡率控制在5‰以下。']);
    const r = alignPlan(parsePlan(text), [later]);
    expect(r.targets[0]).toMatchObject({ status: 'not-applicable', applies: false });
    expect(weakerFindings(text, [later])).toEqual([]);
  });

  it('a target of an earlier year does not bind a later draft', () => {
    const early = set('p', '省', 2021, [
      target({ id: 'imr', name: '婴儿死亡率', comparator: '控制在', op: 'le', value: 4.2, unit: '‰', qualifier: '以下', year: 2021 }),
    ]);
    expect(alignPlan(parsePlan(draft('县', 2022, ['抓好妇幼健康。'])), [early]).targets[0]!.status).toBe('not-applicable');
  });

  it('a path set binds the years up to its targets: stated or missing, compared only in the target year', () => {
    const path = { ...later, path: true };
    expect(alignPlan(parsePlan(draft('县', 2021, ['抓好妇幼健康。'])), [path]).targets[0]).toMatchObject({ status: 'missing', applies: true });
    expect(alignPlan(parsePlan(draft('县', 2021, ['婴儿死亡率控制在5‰以下。'])), [path]).targets[0]).toMatchObject({ status: 'not-comparable', applies: true });
    expect(alignPlan(parsePlan(draft('县', 2025, ['婴儿死亡率控制在5‰以下。'])), [path]).targets[0]).toMatchObject({ status: 'weaker', applies: true });
  });
});

describe('one finding per draft figure', () => {
  it('bug: a county’s 培养学科带头人10名 is compared with neither the province’s +2000 (2021) nor ≥10000 (2025)', () => {
    const text = draft('县', 2021, ['培养学科带头人10名。']);
    const r: AlignmentResult = alignPlan(parsePlan(text), [henan]);
    const talent = r.targets.filter((t) => t.target.id.startsWith('backbone-talent'));
    expect(talent.map((t) => t.status)).toEqual(['not-applicable', 'not-applicable']);
    expect(weakerFindings(text, [henan])).toEqual([]);
  });

  it('a figure matched by targets of two levels gets one finding, against the stricter', () => {
    const city = set('city', '市', 2021, [
      target({ id: 'imm', name: '适龄儿童免疫规划疫苗接种率', comparator: '保持在', op: 'ge', value: 95, unit: '%', qualifier: '以上' }),
    ]);
    const text = draft('县', 2021, ['适龄儿童免疫规划疫苗接种率达到92%以上。']);
    const r = alignPlan(parsePlan(text), [henan, city]);
    const both = r.targets.filter((t) => t.indicator && /接种率/.test(t.target.name));
    expect(both.map((t) => [t.set, t.status])).toEqual([
      ['henan-2021', 'stronger'],
      ['city', 'weaker'],
    ]);
    const f = weakerFindings(text, [henan, city]);
    expect(f).toHaveLength(1);
    expect(f[0]!.data).toMatchObject({ set: 'city', targetId: 'imm' });
  });

  it('of two weaker verdicts on one figure only the stricter target is reported', () => {
    const a = set('a', '省', 2021, [target({ id: 'x', name: '粮食作物良种覆盖率', comparator: '达到', op: 'ge', value: 96, unit: '%' })]);
    const b = set('b', '市', 2021, [target({ id: 'y', name: '粮食作物良种覆盖率', comparator: '达到', op: 'ge', value: 98, unit: '%' })]);
    const text = draft('县', 2021, ['粮食作物良种覆盖率达到95%。']);
    const r = alignPlan(parsePlan(text), [a, b]);
    expect(r.targets.map((t) => [t.set, t.status, t.supersededBy?.set])).toEqual([
      ['a', 'weaker', 'b'],
      ['b', 'weaker', undefined],
    ]);
    expect(weakerFindings(text, [a, b]).map((f) => f.data?.['set'])).toEqual(['b']);
  });
});

describe('direction of a change', () => {
  it('bug: a reduction by 2% is weaker than a reduction by 3% (not stronger)', () => {
    const s = set('n', '国家', 2025, [
      target({ id: 'energy', name: '单位国内生产总值能耗', comparator: '降低', op: 'decrease', value: 3, unit: '%', qualifier: '左右' }),
    ]);
    const r = alignPlan(parsePlan(draft('省', 2025, ['单位国内生产总值能耗下降2%左右。'])), [s]);
    expect(r.targets[0]).toMatchObject({ status: 'weaker', problems: ['value'] });
    expect(r.targets[0]!.reason.zh).toBe('草案“下降2%左右”低于上级“降低3%左右”');
    const more = alignPlan(parsePlan(draft('省', 2025, ['单位国内生产总值能耗下降3.5%。'])), [s]);
    expect(more.targets[0]!.status).toBe('stronger');
  });
});

describe('bug: units converted when a draft figure is compared (斤/吨, 亩/公顷, 千瓦/万千瓦, 万/亿)', () => {
  // totals of the province's own: they bind a provincial draft, which may state them in other units
  const province = set('province-2021', '省', 2021, [
    target({ id: 'grain', name: '粮食产量', comparator: '稳定在', op: 'ge', value: 1300, unit: '亿斤', qualifier: '以上' }),
    target({ id: 'farmland', name: '新建高标准农田', comparator: '', op: 'ge', value: 750, unit: '万亩' }),
    target({ id: 'pv', name: '新增光伏发电装机容量', comparator: '达到', op: 'ge', value: 500, unit: '万千瓦' }),
    target({ id: 'power', name: '电力装机容量', comparator: '达到', op: 'ge', value: 1.2, unit: '亿千瓦' }),
  ]);
  const verdicts = (body: string) => alignPlan(parsePlan(draft('省', 2021, [body])), [province]).targets.map((t) => [t.target.id, t.status, t.draftValue]);

  it('compares 吨 with 斤, 公顷 with 亩, 千瓦 with 万千瓦, 万千瓦 with 亿千瓦', () => {
    // 6500万吨 = 1300亿斤; 50万公顷 = 750万亩; 4500000千瓦 = 450万千瓦; 12500万千瓦 = 1.25亿千瓦
    expect(verdicts('粮食产量稳定在6500万吨以上，新建高标准农田50万公顷，新增光伏发电装机容量达到4500000千瓦，电力装机容量达到12500万千瓦。')).toEqual([
      ['grain', 'met', 1300],
      ['farmland', 'met', 750],
      ['pv', 'weaker', 450],
      ['power', 'stronger', 1.25],
    ]);
  });

  it('states both figures as written, and the draft’s in the superior’s unit', () => {
    const r = alignPlan(parsePlan(draft('省', 2021, ['新增光伏发电装机容量达到4500000千瓦。'])), [province]);
    expect(r.targets.find((t) => t.target.id === 'pv')!.reason.zh).toBe('草案“达到4500000千瓦（折合 450万千瓦）”低于上级“达到500万千瓦”');
  });

  it('a unit of another dimension is not comparable, never weaker (千瓦时 is energy, not power)', () => {
    const text = draft('省', 2021, ['新增光伏发电装机容量达到450万千瓦时。']);
    const pv = alignPlan(parsePlan(text), [province]).targets.find((t) => t.target.id === 'pv')!;
    expect(pv).toMatchObject({ status: 'not-comparable', problems: ['unit'] });
    expect(pv.reason.zh).toContain('单位不可比（草案“达到450万千瓦时”');
    expect(weakerFindings(text, [province])).toEqual([]);
  });
});
