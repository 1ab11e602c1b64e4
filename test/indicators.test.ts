import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePlan } from '../server/src/core/parse.js';
import { createSession } from '../server/src/core/session.js';
import { scanText, resolveOp, type RawQuantity } from '../server/src/core/indicators.js';
import { analyzeQuantities, planYearOf } from '../server/src/core/indicators.js';
import type { Indicator, Plan } from '../server/src/core/model.js';
import { readSeed } from './helpers.js';

const named = (t: string, planYear = 2021): RawQuantity[] => scanText(t, { planYear }).filter((q) => q.name);

function find(plan: Plan, name: string, value?: number): Indicator {
  const hits = plan.indicators.filter((i) => i.name === name && (value === undefined || i.value === value));
  expect(
    hits.map((h) => `${h.name} ${h.value}`),
    `indicator ${name} ${value ?? ''}`,
  ).toHaveLength(1);
  return hits[0]!;
}

describe('sentence-level extraction', () => {
  it('reads name, comparator, value, unit and qualifier across PDF spacing', () => {
    const [q, ...rest] = named('实施扩大国家免疫规划工作，适龄儿童免疫规划疫苗接种率达到 90%以上。');
    expect(rest).toHaveLength(0);
    expect(q).toMatchObject({ name: '适龄儿童免疫规划疫苗接种率', comparator: '达到', value: 90, unit: '%', qualifier: '以上' });
    expect(resolveOp(q!, 'target')).toBe('ge');
  });

  it('keeps exact text offsets of the statement and its value', () => {
    const t = '规范严重精神障碍患者管理治疗，确保报告患病率不低于 4.5‰、规范管理率不低于 80%。';
    const qs = named(t);
    expect(qs.map((q) => [q.name, q.comparator, q.value, q.unit])).toEqual([
      ['报告患病率', '不低于', 4.5, '‰'],
      ['规范管理率', '不低于', 80, '%'],
    ]);
    expect(t.slice(qs[0]!.start, qs[0]!.end)).toBe('报告患病率不低于 4.5‰');
    expect(t.slice(qs[1]!.valueStart, qs[1]!.valueEnd)).toBe('80%');
  });

  it('pairs a 、-list of names with a 分别-list of values, with a shared qualifier', () => {
    const t = '婴儿死亡率、5岁以下儿童死亡率、孕产妇死亡率分别控制在 4.2‰、5.3‰、9.5/10 万以下；';
    const qs = named(t);
    expect(qs.map((q) => [q.name, q.value, q.unit, q.qualifier, resolveOp(q, 'target')])).toEqual([
      ['婴儿死亡率', 4.2, '‰', '以下', 'le'],
      ['5岁以下儿童死亡率', 5.3, '‰', '以下', 'le'],
      ['孕产妇死亡率', 9.5, '/10万', '以下', 'le'],
    ]);
    // the age inside a name is not a statement of its own
    expect(scanText(t).filter((q) => q.unit === '岁')).toHaveLength(0);
  });

  it('gives every listed rate the same value when one value follows', () => {
    const qs = named('努力减少艾滋病新发感染，感染者和病人抗病毒治疗率、病毒抑制率达到90%以上，保持低流行水平。');
    expect(qs.map((q) => [q.name, q.value])).toEqual([
      ['感染者和病人抗病毒治疗率', 90],
      ['病毒抑制率', 90],
    ]);
  });

  it('carries an entity list over to a second 分别 list in the same sentence', () => {
    const t =
      '政府办基层医疗卫生机构、二级综合（含中医）医院、三级综合（含中医）医院基本药物配备品种数量占比分别不低于 75%、55%、35%，基本药物使用金额占比分别不低于 70%、50%、30%；';
    const qs = named(t);
    expect(qs.map((q) => `${q.name}=${q.value}`)).toEqual([
      '政府办基层医疗卫生机构基本药物配备品种数量占比=75',
      '二级综合（含中医）医院基本药物配备品种数量占比=55',
      '三级综合（含中医）医院基本药物配备品种数量占比=35',
      '政府办基层医疗卫生机构基本药物使用金额占比=70',
      '二级综合（含中医）医院基本药物使用金额占比=50',
      '三级综合（含中医）医院基本药物使用金额占比=30',
    ]);
  });

  it('carries a per-capita prefix over a list of counts', () => {
    const qs = named('每千人口拥有医疗卫生机构床位数、执业（助理）医师数、注册护士数分别增长到 7.7 张、3.6 人、4.3 人，达到全国规划指标；');
    expect(qs.map((q) => [q.name, q.value, q.unit])).toEqual([
      ['每千人口拥有医疗卫生机构床位数', 7.7, '张'],
      ['每千人口拥有执业（助理）医师数', 3.6, '人'],
      ['每千人口拥有注册护士数', 4.3, '人'],
    ]);
  });

  it('reads ranges, and requires a unit somewhere', () => {
    const [r] = named('力争家庭医生签约率达到 15%～30%。');
    expect(r).toMatchObject({ name: '家庭医生签约率', value: 15, value2: 30, unit: '%', opClass: 'range' });
    const [r2] = named('门诊量占比控制在30-40%。');
    expect(r2).toMatchObject({ value: 30, value2: 40, unit: '%' });
    expect(scanText('加强 0-3 岁婴幼儿照护科普宣传')).toHaveLength(0);
    expect(scanText('落实《河南省基层医疗卫生机构建设三年行动计划（2020-2022 年）》要求')).toHaveLength(0);
  });

  it('does not take dates, document numbers, ordinals or counts inside names for statements', () => {
    for (const t of [
      '濉卫健〔2021〕31号',
      '2021 年 1 月 19 日，市卫健委全面启动疫情防控工作',
      '在全市 77 个卡点配备医务人员',
      '设置 24 小时发热门诊',
      '第 2 家开通',
      '以庆祝建党 100 周年为主线',
      '县疾控中心 P2 实验室、4G/5G 信号',
      '新建 10000 m²业务用房',
    ]) {
      expect(named(t), t).toEqual([]);
    }
  });

  it('reads deadlines and the kind a sentence states', () => {
    const [a] = named('2020年底，全市公立医疗机构基药使用比例达到50.60%，');
    expect(a).toMatchObject({ name: '公立医疗机构基药使用比例', value: 50.6, deadline: '2020年底', cue: 'achieved' });
    expect(resolveOp(a!, 'achieved')).toBe('eq');
    const [b] = named('计划到 2022 年底前，全市公有产权标准化村卫生室达到 100%。');
    expect(b).toMatchObject({ deadline: '到2022年底前', cue: 'target' });
    const [c] = named('目前已完工 115 个，累计救治贫困人口大病患者 6070 人。');
    expect(c!.cue).toBe('achieved');
    const [d] = named('力争年内县域就诊率达到 90%。');
    expect(d).toMatchObject({ deadline: '年内', cue: 'target' });
    const [e] = named('全市所有医共体挂牌运行，县域就诊率达到 90%。');
    expect(e!.cue).toBeUndefined();
  });

  it('reads growth against a base year and an elliptical subject', () => {
    const qs = named('到 2025 年，全省人均预期寿命比2020年再增长1岁；2020 年人均基本公共卫生服务经费达到74元，比2015年增加34元。');
    expect(qs.map((q) => [q.name, q.comparator, q.value, q.unit, q.deadline, q.cue])).toEqual([
      ['人均预期寿命', '增长', 1, '岁', '到2025年', 'target'],
      ['人均基本公共卫生服务经费', '达到', 74, '元', '2020年', 'achieved'],
      ['人均基本公共卫生服务经费', '增加', 34, '元', '2020年', 'achieved'],
    ]);
    expect(resolveOp(qs[2]!, 'achieved')).toBe('increase');
  });

  it('reads full-width digits and Chinese-numeral percentages', () => {
    const [a] = named('确保接种率达到９０％以上。');
    expect(a).toMatchObject({ value: 90, unit: '%', qualifier: '以上' });
    const [b] = named('确保接种率不低于百分之九十五点五。');
    expect(b).toMatchObject({ name: '接种率', value: 95.5, unit: '%' });
  });

  it('does not name a statement after a generic target reference', () => {
    const qs = scanText('筛查率 67.08%，高出省目标 12.08 个百分点（省目标为 55%）；');
    expect(qs.filter((q) => q.name).map((q) => q.name)).toEqual(['筛查率']);
  });
});

describe('phrasing from other plans', () => {
  const cases: [string, [string, string, string, number, string, string?][]][] = [
    ['到2021年底，全市二级及以上公立医院预约诊疗率达到60%以上。', [['二级及以上公立医院预约诊疗率', '达到', 'ge', 60, '%', '以上']]],
    [
      '全市人均预期寿命达到78.5岁，居民健康素养水平提高到25%以上。',
      [
        ['人均预期寿命', '达到', 'ge', 78.5, '岁'],
        ['居民健康素养水平', '提高到', 'ge', 25, '%', '以上'],
      ],
    ],
    [
      '力争全年门急诊人次增长5%左右，住院人次增长3%。',
      [
        ['门急诊人次', '增长', 'increase', 5, '%', '左右'],
        ['住院人次', '增长', 'increase', 3, '%'],
      ],
    ],
    [
      '孕产妇死亡率控制在10/10万以内，婴儿死亡率控制在5‰以内。',
      [
        ['孕产妇死亡率', '控制在', 'le', 10, '/10万', '以内'],
        ['婴儿死亡率', '控制在', 'le', 5, '‰', '以内'],
      ],
    ],
    [
      '严重精神障碍患者规范管理率达到85%、在册患者治疗率达到80%以上。',
      [
        ['严重精神障碍患者规范管理率', '达到', 'ge', 85, '%'],
        ['在册患者治疗率', '达到', 'ge', 80, '%', '以上'],
      ],
    ],
    [
      '新冠疫苗接种人数突破500万人，接种率超过85%。',
      [
        ['新冠疫苗接种人数', '突破', 'gt', 500, '万人'],
        ['接种率', '超过', 'gt', 85, '%'],
      ],
    ],
    ['城乡居民医保财政补助标准提高到每人每年580元。', [['城乡居民医保财政补助标准', '提高到', 'ge', 580, '元']]],
    ['全省三级医院平均住院日控制在8.5天以内。', [['三级医院平均住院日', '控制在', 'le', 8.5, '天', '以内']]],
    ['落实疾控机构编制要求，专业技术人员不低于编制总额85%。', [['专业技术人员', '不低于', 'ge', 85, '%']]],
    // other sectors: environment, economy, education
    [
      '全市PM2.5平均浓度控制在35微克/立方米以下，空气质量优良天数比率达到80%以上。',
      [
        ['PM2.5平均浓度', '控制在', 'le', 35, '微克/立方米', '以下'],
        ['空气质量优良天数比率', '达到', 'ge', 80, '%', '以上'],
      ],
    ],
    [
      'GDP增长6%左右，单位GDP能耗下降3.5%。',
      [
        ['GDP', '增长', 'increase', 6, '%', '左右'],
        ['单位GDP能耗', '下降', 'decrease', 3.5, '%'],
      ],
    ],
    ['劳动年龄人口平均受教育年限达到11年，力争3年内创建成功。', [['劳动年龄人口平均受教育年限', '达到', 'ge', 11, '年']]],
    ['连续工作满 10 年的全科医生，累计工作 25 年以上的执业医师，2020-2022 年行动计划。', []],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const got = named(text).map((q) => [q.name, q.comparator, resolveOp(q, q.cue ?? 'target'), q.value, q.unit, ...(q.qualifier ? [q.qualifier] : [])]);
      expect(got).toEqual(expected);
    });
  }

  it('a share whose subject follows the value, not a modifier inside a name', () => {
    expect(named('全省40%的县（市）人民医院达到三级医院胸痛中心、卒中中心、创伤中心标准。').map((q) => [q.name, q.value])).toEqual([
      ['县（市）人民医院达到三级医院胸痛中心、卒中中心、创伤中心标准', 40],
    ]);
    expect(named('完善临床路径管理机制，2021年实现70%患者按照临床路径管理。')).toMatchObject([{ name: '患者按照临床路径管理', value: 70, deadline: '2021年' }]);
    // a figure line, or another value after the percentage, is not a subject
    expect(named('98.73%整理：史 尧')).toEqual([]);
    expect(named('比例由2016 年 的 52.25% 提 高 到 2020 年 的92.73%。').map((q) => q.value)).toEqual([92.73]);
  });

  it('a “十四五” deadline is a 2025 target', () => {
    const [q] = named('力争到“十四五”末，每万人口全科医生数达到3.93人。');
    expect(q).toMatchObject({ name: '每万人口全科医生数', deadline: '“十四五”末', deadlineYear: 2025, cue: 'target' });
  });

  it('never throws and keeps spans inside the text on odd input', () => {
    for (const t of [
      '',
      '%',
      '、、、90%',
      '达到',
      '——90%——',
      '1-',
      '-1个',
      '百分之',
      '百分之点',
      '９',
      '（（（90%',
      '))))达到90%以上',
      'a1b2c3%',
      '约 约 约 5 左右',
    ]) {
      for (const q of scanText(t)) {
        expect(q.start).toBeGreaterThanOrEqual(0);
        expect(q.end).toBeLessThanOrEqual(t.length);
        expect(q.valueStart).toBeLessThan(q.valueEnd);
      }
    }
  });
});

describe('seed indicators', () => {
  it('000: the immunisation target and its siblings', () => {
    const plan = parsePlan(readSeed('000'));
    const q = find(plan, '适龄儿童免疫规划疫苗接种率');
    expect(q).toMatchObject({ comparator: '达到', op: 'ge', value: 90, unit: '%', qualifier: '以上', kind: 'target' });
    expect(plan.text.slice(q.start, q.end)).toBe('适龄儿童免疫规划疫苗接种率达到 90%以上');
    expect(plan.text.slice(q.valueSpan.start, q.valueSpan.end)).toBe('90%');
    // the statement sits in section 三、 (level 1) → item 9. (level 3)
    const sec = plan.allSections[q.sectionId!]!;
    expect(sec.number).toBe('9');
    expect(find(plan, '规范管理率')).toMatchObject({ comparator: '不低于', op: 'ge', value: 80 });
    expect(find(plan, '报告患病率')).toMatchObject({ value: 4.5, unit: '‰' });
    expect(find(plan, '公有产权村卫生室比例')).toMatchObject({ op: 'ge', value: 70, qualifier: '以上' });
    // a wrap between name and value still maps to exact offsets
    const v = find(plan, '病毒抑制率');
    expect(plan.text.slice(v.valueSpan.start, v.valueSpan.end)).toBe('90%');
    expect(plan.indicators.every((i) => i.kind === 'target')).toBe(true);
    expect(planYearOf(plan)).toBe(2021);
  });

  it('002: part 一 reports achieved 2020 values, part 二 plans 2021 targets', () => {
    const plan = parsePlan(readSeed('002'));
    const part = (i: Indicator): string => {
      let s = plan.allSections[i.sectionId!]!;
      while (s.parentId !== undefined) s = plan.allSections[s.parentId]!;
      return s.number;
    };
    const achievedRate = find(plan, '县域就诊率', 98.69);
    expect(achievedRate).toMatchObject({ kind: 'achieved', op: 'eq', comparator: '达到' });
    expect(part(achievedRate)).toBe('一');
    const targetRate = find(plan, '县域就诊率', 90);
    expect(targetRate).toMatchObject({ kind: 'target', op: 'ge' });
    expect(part(targetRate)).toBe('二');
    expect(find(plan, '县域内基层就诊率')).toMatchObject({ kind: 'target', op: 'approx', value: 65, qualifier: '左右' });
    expect(find(plan, '补种率')).toMatchObject({ kind: 'achieved', value: 97.97 });
    expect(find(plan, '签约率')).toMatchObject({ kind: 'achieved', value: 69.31, deadline: '2020年' });
    // a target stated inside the summary keeps its own kind
    // the same name also counts the clinics built (建设…村卫生室 100 个): the share in % is the target stated in the summary
    expect(plan.indicators.find((i) => i.name === '公有产权标准化村卫生室' && i.unit === '%')).toMatchObject({
      kind: 'target',
      value: 100,
      deadline: '到2022年底前',
    });
    const partOne = plan.indicators.filter((i) => part(i) === '一');
    const partTwo = plan.indicators.filter((i) => part(i) === '二');
    expect(partTwo.length).toBeGreaterThanOrEqual(9);
    expect(partTwo.every((i) => i.kind === 'target')).toBe(true);
    expect(partOne.filter((i) => i.unit === '%').filter((i) => i.kind === 'achieved').length).toBeGreaterThan(20);
  });

  it('004: achieved 2020 figures, 2021 targets and 2025 targets on one newspaper page', () => {
    const plan = parsePlan(readSeed('004'));
    expect(find(plan, '适龄儿童免疫规划疫苗接种率')).toMatchObject({ comparator: '保持在', op: 'ge', value: 90, qualifier: '以上', kind: 'target' });
    expect(find(plan, '公有产权村卫生室比例')).toMatchObject({ comparator: '达到', op: 'ge', value: 70, kind: 'target' });
    expect(find(plan, '村卫生室承担的基本公共卫生服务任务')).toMatchObject({ comparator: '提高到', op: 'ge', value: 50, kind: 'target' });
    for (const [name, value, unit] of [
      ['婴儿死亡率', 4.2, '‰'],
      ['5岁以下儿童死亡率', 5.3, '‰'],
      ['孕产妇死亡率', 9.5, '/10万'],
    ] as const) {
      expect(find(plan, name)).toMatchObject({ comparator: '控制在', op: 'le', value, unit, qualifier: '以下', kind: 'target', deadline: '到2025年' });
    }
    // a share whose subject follows the value
    expect(find(plan, '县（市）建设成效监测指标达到优良标准')).toMatchObject({
      op: 'approx',
      value: 40,
      qualifier: '左右',
      kind: 'target',
      deadline: '2021年',
    });
    expect(find(plan, '社区卫生服务中心已设置规范化的中医馆')).toMatchObject({ value: 80, kind: 'achieved' });
    const more = find(plan, '县级医院（含中医院、妇幼保健院）晋升三级医疗机构');
    expect(more).toMatchObject({ comparator: '再有', op: 'increase', value: 30, unit: '所', kind: 'target' });
    expect(more.text.startsWith('再有30所')).toBe(true);
    expect(find(plan, '人均基本公共卫生服务经费', 74)).toMatchObject({ kind: 'achieved', unit: '元' });
    expect(find(plan, '规划免疫接种率')).toMatchObject({ kind: 'achieved', value: 98.73 });
    expect(find(plan, '治愈率')).toMatchObject({ kind: 'achieved', value: 98.3 });
    // the figure column before the report: neutral paragraphs continue the summary language
    expect(find(plan, '疑难危重疾病在省内得到救治')).toMatchObject({ kind: 'achieved', value: 94 });
    expect(find(plan, '二级以上公立医院落实党委领导下的院长负责制')).toMatchObject({ kind: 'achieved', value: 70 });
    // figure lines such as "98.3%" or "74.2" alone are not indicators
    expect(plan.indicators.some((i) => i.name === '' || /^[0-9.%]+$/.test(i.text))).toBe(false);
  });

  it('every indicator span lies inside the text and reads as written', () => {
    for (const id of ['000', '001', '002', '003', '004']) {
      const plan = parsePlan(readSeed(id));
      for (const i of plan.indicators) {
        expect(i.start).toBeLessThan(i.end);
        expect(i.valueSpan.start).toBeGreaterThanOrEqual(i.start);
        expect(i.valueSpan.end).toBeLessThanOrEqual(i.end);
        const value = plan.text.slice(i.valueSpan.start, i.valueSpan.end).replace(/\s+/g, '');
        // a number, or a quantity stated in words (全覆盖 = 100%, 清零 = 0)
        expect(value, `${id} ${i.name}`).toMatch(/^(?:[-－]?[0-9０-９]|全覆盖$|清零$|零)/);
      }
    }
  });

  it('memoises per parsed plan and reads front matter year', () => {
    const plan = parsePlan('---\nyear: 2022\n---\n一、目标\n\n到年底，门诊满意率达到 90%。\n');
    expect(planYearOf(plan)).toBe(2022);
    const session = createSession();
    expect(analyzeQuantities(plan, session)).toBe(analyzeQuantities(plan, session));
    expect(plan.indicators).toHaveLength(1);
    expect(plan.indicators[0]).toMatchObject({ name: '门诊满意率', kind: 'target' });
  });
});

/** one statement read from a sentence: [name, comparator, value, value2, unit, qualifier] */
const read = (t: string): unknown[][] =>
  scanText(t, { planYear: 2025 })
    .filter((q) => q.name)
    .map((q) => [q.name, q.comparator, q.value, q.value2, q.unit, q.qualifier]);

describe('quantity grammar of any sector (issue 14)', () => {
  it('magnitudes in any sequence with any unit: 万亿, 亿亩, 万千瓦', () => {
    expect(read('粮食产量1.3万亿斤以上。')).toEqual([['粮食产量', '', 1.3, undefined, '万亿斤', '以上']]);
    expect(read('赤字规模4.06万亿元。')).toEqual([['赤字规模', '', 4.06, undefined, '万亿元', undefined]]);
    expect(read('新增装机规模200万千瓦。')).toEqual([['装机规模', '新增', 200, undefined, '万千瓦', undefined]]);
    expect(read('算力总规模达到10.36百亿亿次/秒。')).toEqual([['算力总规模', '达到', 10.36, undefined, '百亿亿次/秒', undefined]]);
  });

  it('measure words as units, including after a verb of plan language', () => {
    expect(read('城镇新增就业1269万人。')).toEqual([['城镇新增就业', '', 1269, undefined, '万人', undefined]]);
    expect(read('制定修订行政法规15部。')).toEqual([['制定修订行政法规', '', 15, undefined, '部', undefined]]);
    // the counted object follows the count: 新建 1 亿亩 高标准农田
    expect(read('新建1亿亩高标准农田。')).toEqual([['高标准农田', '新建', 1, undefined, '亿亩', undefined]]);
    expect(read('推动超9000家工业企业开展技术改造。')).toEqual([['工业企业开展技术改造', '超', 9000, undefined, '家', undefined]]);
    // coordinated counts share the verb
    expect(read('建成100个左右示范乡镇和1000个左右示范村。')).toEqual([
      ['示范乡镇', '建成', 100, undefined, '个', '左右'],
      ['示范村', '建成', 1000, undefined, '个', '左右'],
    ]);
  });

  it('期 and 批 closing a clause count sessions and batches; before a noun they are a phase', () => {
    expect(read('年内组织业务培训4期，打造一支水利铁军。')).toEqual([['组织业务培训', '', 4, undefined, '期', undefined]]);
    expect(read('举办创业培训班5期，培育省级示范企业2批。')).toEqual([
      ['举办创业培训班', '', 5, undefined, '期', undefined],
      ['省级示范企业', '培育', 2, undefined, '批', undefined],
    ]);
    expect(read('推进污水处理厂二期工程建设，完成3期项目验收，公布第二批示范县名单。')).toEqual([]);
  });

  it('an amount earmarked as a fund is named by the fund, without the verb that earmarks it', () => {
    expect(read('市财政每年安排500万元作为乡村旅游发展专项资金。')).toEqual([['乡村旅游发展专项资金', '安排', 500, undefined, '万元', undefined]]);
    // a parameter where the text plans it (RawQuantity.norm)
    expect(scanText('市财政每年安排500万元作为乡村旅游发展专项资金。', { planYear: 2025 }).map((q) => q.norm)).toEqual([true]);
  });

  it('年均 before a verb of change belongs to the comparator (an average per year), not to the name', () => {
    expect(read('全社会研发经费投入年均增长7%以上，城乡居民人均可支配收入年均增长6%左右，单位产值能耗年均下降3%。')).toEqual([
      ['全社会研发经费投入', '年均增长', 7, undefined, '%', '以上'],
      ['城乡居民人均可支配收入', '年均增长', 6, undefined, '%', '左右'],
      ['单位产值能耗', '年均下降', 3, undefined, '%', undefined],
    ]);
    // with 分别 or a bound between them, 年均 still leaves the name
    expect(read('工业增加值、服务业增加值年均分别增长8%、9%，研发投入增速年均超20%。').map((r) => r[0])).toEqual([
      '工业增加值',
      '服务业增加值',
      '研发投入增速',
    ]);
    // 人均 and a 年均 that opens the name stay
    expect(read('人均公园绿地面积达到15平方米，年均降水量监测站点达到120个。').map((r) => r[0])).toEqual(['人均公园绿地面积', '年均降水量监测站点']);
  });

  it('a prohibited strict comparison is a bound the other way; modals and bracketed notes leave the name', () => {
    const ops = (t: string) => scanText(t, { planYear: 2025 }).map((q) => [q.name, q.comparator, q.value, q.unit, resolveOp(q, 'parameter')]);
    expect(ops('消防车通道净宽度不得小于4米，事故信息报告时间最迟不得超过1小时，单个防火分区面积不应大于2500平方米。')).toEqual([
      ['消防车通道净宽度', '不得小于', 4, '米', 'ge'],
      ['事故信息报告时间', '不得超过', 1, '小时', 'le'],
      ['单个防火分区面积', '不应大于', 2500, '平方米', 'le'],
    ]);
    expect(read('应急物资储备能力(包括政府储备和企业代储)确保达到500万件。')).toEqual([['应急物资储备能力', '达到', 500, undefined, '万件', undefined]]);
  });

  it('同比/环比 belong to the comparator; alone after a figure they take its name', () => {
    expect(read('全年接待游客1260万人次，同比增长8.2%；旅游总收入同比下降1.5%，环比增长0.6%。')).toEqual([
      ['接待游客', '', 1260, undefined, '万人次', undefined],
      ['接待游客', '同比增长', 8.2, undefined, '%', undefined],
      ['旅游总收入', '同比下降', 1.5, undefined, '%', undefined],
      ['旅游总收入', '环比增长', 0.6, undefined, '%', undefined],
    ]);
  });

  it('a grade on a scale is a unit (个等级), so the name is what rises', () => {
    expect(read('全县耕地质量平均提高0.5个等级以上。')).toEqual([['耕地质量', '提高', 0.5, undefined, '个等级', '以上']]);
  });

  it('a budget proposal (拟安排, 拟发行) is not part of what it proposes', () => {
    expect(read('拟安排地方政府专项债券4.4万亿元，拟发行超长期特别国债1.3万亿元。').map((r) => r[0])).toEqual(['地方政府专项债券', '超长期特别国债']);
    expect(scanText('拟安排地方政府专项债券4.4万亿元。', { planYear: 2025 }).map((q) => q.cue)).toEqual(['parameter']);
  });

  it('a circled list number (GB/T 15834 B.3.8) is not part of the name', () => {
    expect(read('①每名网格员联系居民不少于30户；②每个小区设置垃圾分类督导员2名。').map((r) => r[0])).toEqual([
      '每名网格员联系居民',
      '每个小区设置垃圾分类督导员',
    ]);
  });

  it('compound units and a value completed by its predicate', () => {
    expect(read('平均供电煤耗低于304克/千瓦时，建筑垃圾排放不高于300吨/万平方米。')).toEqual([
      ['平均供电煤耗', '低于', 304, undefined, '克/千瓦时', undefined],
      ['建筑垃圾排放', '不高于', 300, undefined, '吨/万平方米', undefined],
    ]);
    expect(read('县级以上集中式饮用水水源地水质100%达标。')).toEqual([['县级以上集中式饮用水水源地水质', '', 100, undefined, '%', undefined]]);
    // a ratio needs no unit; a share (占比) does
    expect(read('拆建比不大于2。')).toEqual([['拆建比', '不大于', 2, undefined, '', undefined]]);
    expect(read('装配式建筑占比不低于30。')).toEqual([]);
  });

  it('Chinese numerals, 成, 一半 and 翻一番 after a comparator', () => {
    expect(read('员工人数达到一千二百人。')).toEqual([['员工人数', '达到', 1200, undefined, '人', undefined]]);
    expect(read('货物通关时间压缩一半以上。')).toEqual([['货物通关时间', '压缩', 50, undefined, '%', '以上']]);
    expect(read('财政收入翻一番。')).toEqual([['财政收入', '翻', 1, undefined, '番', undefined]]);
    expect(read('重污染天数减少七成。')).toEqual([['重污染天数', '减少', 70, undefined, '%', undefined]]);
    // an article, a grade, a digit count and a fixed formulation are not counts
    expect(read('建成一个现代化新广东，保持两位数增长，水质稳定保持二类，坚决做到“两个维护”。')).toEqual([]);
  });

  it('never reads dates, document and article numbers, phone numbers or years as indicators', () => {
    expect(scanText('联系电话：0531-51787777，鲁政办发〔2021〕12号，依据第三十二条，2021年3月5日，“十四五”期间，第3条。')).toEqual([]);
  });

  it('a name never starts inside a heading glued to the text before it', () => {
    const [q] = read('二、工作目标及进度安排全省现有煤炭储备能力1920万吨，其中，政府可调度储备能力420万吨。');
    expect(q![0]).toBe('现有煤炭储备能力');
  });

  it('kind: parameter for budget proposals, rule norms, periods and extensions', () => {
    const kinds = (t: string): unknown[] => scanText(t, { planYear: 2025 }).map((q) => [q.value, q.cue]);
    expect(kinds('今年赤字率拟按3%安排、比上年提高0.2个百分点。')).toEqual([
      [3, 'parameter'],
      [0.2, 'parameter'],
    ]);
    expect(kinds('第二轮土地承包到期后再延长30年。')).toEqual([[30, 'parameter']]);
    expect(kinds('初次当选的村党组织书记年龄一般在50岁以下。')).toEqual([[50, 'parameter']]);
    expect(kinds('通信线对地垂直距离不得小于6.5米。')).toEqual([[6.5, 'parameter']]);
    expect(kinds('确定年度应急保障期7个月。')).toEqual([[7, 'parameter']]);
    // plan and summary language keep their kinds
    expect(kinds('力争全省煤炭储备能力达到6000万吨。')).toEqual([[6000, 'target']]);
    expect(kinds('全省现有煤炭储备能力1920万吨。')).toEqual([[1920, 'achieved']]);
  });

  it('kind: 截至 with a year is a time like any other (the plan year or later: a deadline)', () => {
    const kinds = (t: string, planYear?: number): unknown[] => scanText(t, { planYear }).map((q) => [q.value, q.cue]);
    // in a 2025 plan: a deadline ahead (also written 截止), and a review's date behind
    expect(kinds('截至2025年底，全市农村自来水普及率达到98%。', 2025)).toEqual([[98, 'target']]);
    expect(kinds('截止2026年6月底前，老旧小区改造开工率达到100%。', 2025)).toEqual([[100, 'target']]);
    expect(kinds('截至2024年底，全市已建成5G基站8600个。', 2025)).toEqual([[8600, 'achieved']]);
    // no plan year: 截至 looks back, with a year or without
    expect(kinds('截至2024年底，全市建成充电桩1.2万个。')).toEqual([[1.2, 'achieved']]);
    expect(kinds('截至目前，累计培训乡村医生3000人次。', 2025)).toEqual([[3000, 'achieved']]);
  });

  it('kind: a grant sets the amount of its own clause only', () => {
    const kinds = (t: string): unknown[] => scanText(t, { planYear: 2025 }).map((q) => [q.value, q.cue]);
    expect(kinds('对首次认定的高新技术企业给予奖励20万元，对复审通过的一次性补助5万元。')).toEqual([
      [20, 'parameter'],
      [5, 'parameter'],
    ]);
    // the figures of the clauses after the grant are results, not amounts granted
    expect(kinds('对遇困群众及时给予救助，新纳入低保人员6万人，实施临时救助8万人次。')).toEqual([
      [6, undefined],
      [8, undefined],
    ]);
  });

  it('a subject stated once serves the ；-clauses of its sentence', () => {
    expect(read('政府可调度储备能力2021年确保达到800万吨;2022年确保达到1300万吨。').map((r) => r[0])).toEqual(['政府可调度储备能力', '政府可调度储备能力']);
  });
});

describe('property: the reader never throws and locates what it reads', () => {
  const alphabet = [...'0123456789０９.．%％‰、，。；（）“”达到不低于以上以下左右控制在率比例分别万人个元年底前约余-～ /十四五一两千亿成倍番半建超和或吨日\n'];
  it('on arbitrary strings from the plan alphabet', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 120 }).map((a) => a.join('')),
        (t) => {
          for (const q of scanText(t, { planYear: 2021 })) {
            if (!(q.start >= 0 && q.start <= q.valueStart && q.valueEnd <= q.end && q.end <= t.length)) return false;
            if (!/^[-－0-9０-９百千一二两三四五六七八九十]/.test(t.slice(q.valueStart, q.valueEnd))) return false;
            if (!Number.isFinite(q.value)) return false;
          }
          return true;
        },
      ),
      { numRuns: 400 },
    );
  });
});
