/**
 * Quantity grammar of plan language beyond “name + comparator + value” (issue 14): counts inside
 * noun phrases (relative clauses, thresholds), counts as subjects, spatial scopes (20公里…半径内),
 * lists of dated values sharing one subject, and the kinds of norms. Sentences written for the
 * purpose or short excerpts of the corpus documents.
 */
import { describe, expect, it } from 'vitest';
import { extractIndicators, scanText } from '../server/src/core/indicators.js';
import { parsePlan } from '../server/src/core/parse.js';

/** named statements of a sentence: [name, value, unit, qualifier] */
const read = (t: string): unknown[][] =>
  scanText(t, { planYear: 2021 })
    .filter((q) => q.name)
    .map((q) => [q.name, q.value, q.unit, q.qualifier]);
const values = (t: string): unknown[] =>
  scanText(t, { planYear: 2021 })
    .filter((q) => q.name)
    .map((q) => q.value);

describe('counts inside noun phrases', () => {
  it('a count after a relative clause (…的) is governed by the verb of the clause', () => {
    expect(read('关停退出参与炼化一体化项目整合的6家地炼企业。')).toEqual([['地炼企业', 6, '家', undefined]]);
    expect(read('支持符合条件的12家企业建设数字化车间。')).toEqual([['企业建设数字化车间', 12, '家', undefined]]);
    expect(read('将脱贫攻坚期内确定的20个县作为重点帮扶县。').map((r) => r[1])).toEqual([20]);
    // no verb of plan language governs it: a reference to what exists, not a count promised
    expect(read('全省的16个市均已出台实施方案。')).toEqual([]);
    // one of a set is no count of it
    expect(read('自然资源部将四川确定为开展空间治理试点的4个省份之一。')).toEqual([]);
  });

  it('the count of a designated set (确定的, 列入…的) is the scope of the measure, a parameter', () => {
    const kinds = (t: string): unknown[] => scanText(t, { planYear: 2021 }).map((q) => [q.value, q.cue]);
    expect(kinds('将脱贫攻坚期内确定的20个县作为重点帮扶县。')).toEqual([[20, 'parameter']]);
    expect(kinds('支持列入整县屋顶分布式光伏开发试点的70个县创建国家示范。')).toEqual([[70, 'parameter']]);
    expect(kinds('力争关停退出参与项目整合的6家地炼企业。')).toEqual([[6, 'target']]);
  });

  it('a count after a threshold of its object (3万吨/年及以下8处煤矿)', () => {
    expect(read('全部关闭全省3万吨/年及以下8处煤矿。')).toEqual([['煤矿', 8, '处', undefined]]);
    // the threshold itself is no statement
    expect(values('淘汰10蒸吨/小时及以下燃煤锅炉。')).toEqual([]);
  });

  it('a quantity whose noun and verb follow it (115万吨产能整合退出)', () => {
    const [q] = scanText('组织独立焦化企业115万吨产能整合退出。', { planYear: 2021 });
    expect([q?.name, q?.comparator, q?.opClass, q?.value, q?.unit]).toEqual(['产能', '整合退出', 'decrease', 115, '万吨']);
    // a period before its verb is no quantity of things: 30个工作日内办结 is a time limit (below)
    expect(read('申请材料齐全的，30个工作日内办结。')).toEqual([['办结时限', 30, '个工作日', '以内']]);
    // a threshold of the noun, a grade, a preposition or a clause of purpose after the value
    expect(values('直径3.2米及以下水泥磨机全部整合退出。')).toEqual([]);
    expect(values('推进单机容量30万千瓦以下煤电机组关停整合。')).toEqual([]);
    expect(values('舟山港区30万吨级航道建成投运。')).toEqual([]);
    expect(values('经验做法获国家层面认可、37项向全国推广。')).toEqual([]);
    expect(values('发行专项债券资金1327亿元支持项目建设。')).toEqual([]);
  });

  it('一半 after a verb that takes things away', () => {
    expect(values('日产2500吨的水泥熟料生产线整合退出一半。')).toEqual([50]);
    // 一半 as a noun is no value
    expect(values('一半以上的村完成改造任务。')).toEqual([]);
  });

  it('a count at the head of its clause, with a bare magnitude (71.3万监测对象)', () => {
    // a threshold: 20万以上人口县 (the statement is the 全覆盖, 100%)
    expect(values('特殊教育实现零的突破，20万以上人口县实现特殊教育学校全覆盖。')).toEqual([100]);
    expect(read('农民收入增长7.9%，71.3万监测对象稳定消除返贫致贫风险。').map((r) => r.slice(1, 3))).toEqual([
      [7.9, '%'],
      [71.3, '万'],
    ]);
  });

  it('a quoted name after a count may hold digits (“1小时交通圈”)', () => {
    expect(values('发挥济南、青岛辐射带动作用，打造分别覆盖2000万人口的“1小时交通圈”。')).toEqual([2000]);
    // a population is counted by a verb, not by 近: 近14亿人口的发展中大国 describes the country
    expect(values('我国是一个拥有近14亿人口的发展中大国。')).toEqual([]);
  });
});

describe('the verb of a count', () => {
  it('is read as written, compound or not (布局建设10家, 关停退出6家)', () => {
    const cmp = (t: string): unknown[] => scanText(t, { planYear: 2025 }).map((q) => [q.comparator, q.value]);
    expect(cmp('布局建设10家概念验证中心，培育一批中试平台。')).toEqual([['布局建设', 10]]);
    expect(cmp('建设500个省重大项目。')).toEqual([['建设', 500]]);
  });
});

describe('statements that continue a list or reach a milestone', () => {
  it('a 分别-list with no subject of its own pairs with the list before it', () => {
    const qs = scanText('跨国公司地区总部、外资研发中心分别达到60家和30家，累计分别达到1016家和591家。', { planYear: 2025 });
    expect(qs.map((q) => [q.name, q.value])).toEqual([
      ['跨国公司地区总部', 60],
      ['外资研发中心', 30],
      ['跨国公司地区总部', 1016],
      ['外资研发中心', 591],
    ]);
  });

  it('进入…的新阶段 is a milestone reached', () => {
    expect(read('全市生产总值增长5%，城市经济规模进入了5万亿元以上的新阶段。')).toEqual([
      ['生产总值', 5, '%', undefined],
      ['城市经济规模', 5, '万亿元', '以上'],
    ]);
  });
});

describe('spatial scopes', () => {
  it('a distance before 半径内/范围内 is a parameter within that distance', () => {
    const [q] = scanText('以热水为供热介质的热电联产项目，20公里供热半径内原则上不再另行规划建设抽凝热电联产机组。', { planYear: 2021 });
    expect([q?.name, q?.value, q?.unit, q?.qualifier, q?.cue]).toEqual(['供热半径', 20, '公里', '以内', 'parameter']);
  });
});

describe('lists of dated values', () => {
  it('values for several years share the subject stated after the last one', () => {
    const qs = scanText('开展节约型机关创建行动，2022年70%以上、2025年80%以上县级及以上机关达到节约型机关创建要求。', { planYear: 2021 });
    expect(qs.map((q) => [q.value, q.name, q.deadline])).toEqual([
      [70, '县级及以上机关达到节约型机关创建要求', '2022年'],
      [80, '县级及以上机关达到节约型机关创建要求', '2025年'],
    ]);
  });
});

describe('kind of norms', () => {
  const kinds = (t: string): unknown[] => scanText(t, { planYear: 2021 }).map((q) => [q.value, q.cue]);
  it('a bound on each member of a class (每个…至少, 超过…的…至少) is a parameter', () => {
    expect(kinds('保证每个村“两委”班子中至少有1名妇女成员。')).toEqual([[1, 'parameter']]);
    expect(kinds('通信线每个耐张段至少接地1次。超过0.5公里的耐张段至少接地2次。')).toEqual([
      [1, 'parameter'],
      [2, 'parameter'],
    ]);
    // with a deadline it is a target of the plan
    expect(kinds('到2025年，重点县每个乡镇至少建设1处残疾人之家。')).toEqual([[1, 'target']]);
  });

  it('a budget proposal continues amount by amount into the next sentence', () => {
    expect(kinds('今年赤字率拟按4%左右安排。一般公共预算支出规模29.7万亿元、比上年增加1.2万亿元。')).toEqual([
      [4, 'parameter'],
      [29.7, 'parameter'],
      [1.2, 'parameter'],
    ]);
    // counts are no amounts of a budget; a sentence with its own deadline speaks for itself
    expect(kinds('给予一次性补助10万元。新建示范村100个。年内新增投资50亿元。').map((k) => (k as unknown[])[1])).toEqual(['parameter', undefined, 'target']);
  });

  it('原则上 states a rule: a parameter', () => {
    expect(kinds('原则上城市更新单元内拆建比不大于2。')).toEqual([[2, 'parameter']]);
    expect(kinds('联席会议原则上每年召开1次。')).toEqual([[1, 'parameter']]);
    // only in the value's own clause: here it speaks for the clause before
    expect(kinds('到2022年，钢铁产能原则上全部转移退出，合计炼铁产能1975万吨。')).toEqual([[1975, 'target']]);
  });
});

describe('quantities stated without a number', () => {
  const all = (t: string): unknown[] =>
    scanText(t, { planYear: 2021 })
      .filter((q) => q.name)
      .map((q) => [q.name, q.value, q.unit]);
  it('全覆盖 is 100% of the coverage (覆盖面) of the clause’s subject, 零… and 清零 are 0 of it', () => {
    expect(all('精准选派科技特派员，到2022年，实现重点县科技特派员服务全覆盖。')).toEqual([['重点县科技特派员服务覆盖面', 100, '%']]);
    expect(all('推进城镇污水管网全覆盖。')).toEqual([['城镇污水管网覆盖面', 100, '%']]);
    expect(all('基本实现城市污水“零直排”。')).toEqual([['城市污水直排', 0, '']]);
    expect(all('(省能源局牵头，有关部门配合)实施“散乱污”企业动态清零。')).toEqual([['“散乱污”企业', 0, '']]);
  });

  it('never inside another word or before a noun', () => {
    expect(all('建立健全覆盖城乡的服务体系；建设全覆盖的监测网络。')).toEqual([]);
    expect(all('以“零容忍”的态度严肃查处；培育新能源汽车及零部件产业；开展近零排放示范。')).toEqual([]);
  });
});

describe('fractions and shares (issue 14, held-out corpus 02)', () => {
  const q = (t: string): unknown[] => scanText(t, { planYear: 2021 }).map((x) => [x.comparator, x.value, x.unit, x.qualifier]);
  it('X分之Y is a share of the whole, after any verb of change', () => {
    // 33.3…%: compared as numbers
    const [a] = q('全市行政审批事项压减三分之一以上。') as [unknown[]];
    expect([a[0], Math.round((a[1] as number) * 100) / 100, a[2], a[3]]).toEqual(['压减', 33.33, '%', '以上']);
    expect(q('力争农村生活污水治理率提高到四分之三。')).toEqual([['提高到', 75, '%', undefined]]);
    // 十三分之一 is not 三分之一; a numerator at or above the denominator is no fraction
    expect(q('占全省面积的十三分之一。').map((r) => (r as unknown[])[1])).not.toContain(100 / 3);
    expect(q('三分之三的县已完成。')).toEqual([]);
  });

  it('压减 is a comparator of decrease', () => {
    expect(scanText('会议经费再压减5%以上。', { planYear: 2021 }).map((x) => [x.name, x.comparator, x.opClass])).toEqual([['会议经费', '压减', 'decrease']]);
  });
});

describe('一半 after any verb (issue 14, held-out corpus 02)', () => {
  const q = (t: string): unknown[] => scanText(t, { planYear: 2021 }).map((x) => [x.comparator, x.opClass, x.value, x.qualifier]);
  it('closing its clause right after a verb, it is the share of what the verb acts on', () => {
    expect(q('对历年拖欠的工程款，年底前要清偿一半以上。')).toEqual([['清偿', 'eq', 50, '以上']]);
    expect(q('老旧管网改造任务今年完成一半。')).toEqual([['完成', 'eq', 50, undefined]]);
    // after a function word, or before a noun, it is no statement
    expect(q('补助资金其中一半用于设备购置。')).toEqual([]);
    // a split of costs is a share too
    expect(q('两级财政各承担一半，其余由企业自筹。')).toEqual([['承担', 'eq', 50, undefined]]);
    expect(q('一半以上的村完成改造任务。')).toEqual([]);
  });
});

describe('time limits (issue 14, held-out corpus 20)', () => {
  const q = (t: string): unknown[] => scanText(t, { planYear: 2021 }).map((x) => [x.name, x.value, x.unit, x.qualifier, x.cue]);
  it('a period of hours, days or months before 内 and an action is a parameter: the time limit of the action', () => {
    expect(q('接到举报后，2小时内赶赴现场核查。')).toEqual([['赶赴现场核查时限', 2, '小时', '以内', 'parameter']]);
    expect(q('整改完成后，三个工作日内将验收报告报市住建局。')).toEqual([['验收报告报市住建局时限', 3, '个工作日', '以内', 'parameter']]);
    expect(q('检查结束后，两个月内形成评估报告。')).toEqual([['形成评估报告时限', 2, '个月', '以内', 'parameter']]);
    expect(q('自收到申请之日起7天以内作出决定。')).toEqual([['作出决定时限', 7, '天', '以内', 'parameter']]);
  });

  it('years (a horizon or a duration), dates and periods with no action after them are not', () => {
    expect(q('两年内基本取消省界收费站。')).toEqual([]);
    expect(q('企业3年内给予定额税费减免。')).toEqual([]);
    expect(q('请于5月10日内反馈。')).toEqual([]);
    expect(q('在24小时内。')).toEqual([]);
  });
});

describe('parameters of fiscal and tax policy (issue 14, held-out corpus 02)', () => {
  // the kind needs the plan's parts: a plan part makes values targets, a review part achieved values
  const kinds = (t: string): unknown[] => parsePlan(t).indicators.map((i) => [i.name, i.value, i.kind]);
  it('a tax rate, a deficit, an expenditure, a transfer or a bond quota stated in plan language is a parameter', () => {
    const plan =
      '# 2022年工作安排\n\n一、重点任务\n\n今年全市财政支出达到860亿元，增长5%。市对区县均衡性转移支付增长8%。小型微利企业所得税税率降至15%。今年市级预算内投资安排40亿元，比去年增加3亿元。\n';
    expect(kinds(plan)).toEqual([
      ['财政支出', 860, 'parameter'],
      ['财政支出', 5, 'parameter'],
      ['市对区县均衡性转移支付', 8, 'parameter'],
      ['小型微利企业所得税税率', 15, 'parameter'],
      ['市级预算内投资', 40, 'parameter'],
      ['市级预算内投资', 3, 'parameter'],
    ]);
  });

  it('outcomes stay targets, and the same instruments in a review are achieved values', () => {
    const plan =
      '# 2022年工作安排\n\n一、2021年工作回顾\n\n全年财政支出达到820亿元。\n\n二、2022年重点任务\n\n一般公共预算收入增长6%，小微企业贷款增长20%以上。\n';
    expect(kinds(plan)).toEqual([
      ['财政支出', 820, 'achieved'],
      ['一般公共预算收入', 6, 'target'],
      ['小微企业贷款', 20, 'target'],
    ]);
  });

  it('可 before a comparator grants a permission: a parameter', () => {
    const cue = (t: string): unknown[] => scanText(t, { planYear: 2022 }).map((q) => [q.value, q.cue]);
    expect(cue('各区县可降至14%。')).toEqual([[14, 'parameter']]);
    expect(cue('经批准，试点期限可延长至3年。')).toEqual([[3, 'parameter']]);
    // 可达到 states what is expected, not a permission
    expect(cue('预计全年产量可达到120万吨。')).toEqual([[120, 'target']]);
  });

  it('a base written before the comparator (从月销售额3万元提高到) is no part of the name; 等 closes an example', () => {
    expect(read('落实个体工商户增值税起征点从月销售额5万元提高到15万元等优惠政策。')).toEqual([['落实个体工商户增值税起征点', 15, '万元', undefined]]);
    expect(read('全省从业人员达到3000人。')).toEqual([['从业人员', 3000, '人', undefined]]);
  });

  it('安排 is a comparator of an amount; a period of 时间 is named by its action', () => {
    expect(read('今年省级财政安排12亿元。')).toEqual([['省级财政', 12, '亿元', undefined]]);
    expect(read('验收结束后，集中2-3个月时间开展“回头看”。')).toEqual([['开展“回头看”', 2, '个月', undefined]]);
  });
});

describe('quotas of inspection, make-up of a body and frequencies (issue 14, held-out corpus 25 and 02)', () => {
  const kinds = (t: string): unknown[] => parsePlan(t).indicators.map((i) => [i.name, i.value, i.unit, i.kind]);
  it('a count governed by a verb of inspection is a sampling quota, a parameter of the plan; a count inside its object is one too', () => {
    const plan = '# 2023年食品安全监督检查方案\n\n一、检查方式\n\n每个检查组至少抽检3个乡镇的20家餐饮单位。市局随机抽查50家企业。\n';
    expect(kinds(plan)).toEqual([
      ['乡镇', 3, '个', 'parameter'],
      ['餐饮单位', 20, '家', 'parameter'],
      ['企业', 50, '家', 'parameter'],
    ]);
  });

  it('a provision assigned to an agent with 由 (由…指派/配备) is the make-up of a body, a parameter', () => {
    const plan = '# 2023年安全生产督查方案\n\n一、人员组成\n\n各督查组由牵头单位指派1名联络员，由市应急局配备2名安全专家。\n';
    expect(kinds(plan).map((r) => (r as unknown[]).slice(1))).toEqual([
      [1, '名', 'parameter'],
      [2, '名', 'parameter'],
    ]);
    // with no agent it stays what the plan aims at
    expect(kinds('# 2023年工作要点\n\n一、重点任务\n\n全市新增配备社区医生200名。\n').map((r) => (r as unknown[])[3])).toEqual(['target']);
  });

  it('a Chinese numeral of 次 right after its verb is a frequency; with 各 or 每 + a period it is a schedule, a parameter', () => {
    const q = (t: string): unknown[] => scanText(t, { planYear: 2023 }).map((x) => [x.comparator, x.value, x.unit, x.cue]);
    expect(q('上半年和下半年各开展联合检查一次。')).toEqual([['检查', 1, '次', 'parameter']]);
    expect(q('领导小组每季度召开两次。')).toEqual([['召开', 2, '次', 'parameter']]);
    // 再一次, 第一次 are no frequencies of a plan; 只报一次 is a principle of a reform
    expect(q('再一次强调安全责任。会议是第一次召开。')).toEqual([]);
    expect(q('推动基层报表数据只报一次。')).toEqual([]);
    // an article number glued before the subject is no part of its name
    expect(scanText('第七条领导小组全体会议原则上每年召开一次。', { planYear: 2023 }).map((x) => x.name)).toEqual(['领导小组全体会议每年召开']);
  });

  it('N次 before a verb of change counts how often it was done, named by the action', () => {
    const q = (t: string): unknown[] => scanText(t, { planYear: 2023 }).map((x) => [x.name, x.value, x.unit]);
    expect(q('过去一年先后3次下调贷款市场报价利率。')).toEqual([['下调贷款市场报价利率', 3, '次']]);
    // a count of trains, not of an action
    expect(q('开行24次列车。')).toEqual([]);
  });
});

describe('counted subjects and counts inside relative clauses (issue 14, held-out corpus 02)', () => {
  const q = (t: string): unknown[] => scanText(t, { planYear: 2023 }).map((x) => [x.name, x.value, x.unit]);
  it('a count opening its clause, then a noun and a verb of change, is a counted subject', () => {
    expect(q('深化药品集中采购，36种罕见病用药大幅降价。')).toEqual([['罕见病用药大幅降价', 36, '种']]);
    // with a value of its own, the clause states that value, and the count names its set
    expect(q('深化药品集中采购，112种常用药品平均降价50%以上。')).toEqual([['112种常用药品', 50, '%']]);
    // no verb of change after the noun: a reference, not a statement
    expect(q('二是，2个方面的问题仍然突出。')).toEqual([]);
  });

  it('a count that is the subject of a relative clause (…共同…的家园) is no count of the verb’s object', () => {
    expect(q('同心协力建设56个民族共同团结奋斗、共同繁荣发展的美好家园。')).toEqual([]);
    expect(q('携手打造两岸同胞共同的精神家园。')).toEqual([]);
    // the count of the head noun itself stays
    expect(q('培育20个产值超百亿元的产业集群。').map((r) => (r as unknown[])[1])).toEqual([20]);
  });
});

describe('counts after a bounding comparator and its verb, persons, requests (issue 14, held-out corpus 28)', () => {
  const q = (t: string): unknown[] => scanText(t, { planYear: 2021 }).map((x) => [x.name, x.value, x.value2, x.unit, x.cue]);
  it('至少 + verb + a count (a range too) governs the object after the count; 每项 makes it a rule', () => {
    expect(q('每个项目至少配置3-5个监测点位。')).toEqual([['监测点位', 3, 5, '个', 'parameter']]);
    // 轮 (rounds) is a measure word like 次
    expect(q('每年至少开展2轮专项检查。')).toEqual([['专项检查', 2, undefined, '轮', 'parameter']]);
    // a per-capita phrase between the comparator and the value is no verb
    expect(q('补助标准提高到人均79元。').map((r) => (r as unknown[])[1])).toEqual([79]);
  });

  it('一名 after a verb counts a person; 一个 after a verb stays an article', () => {
    expect(q('各县选派一名专职督导员。').map((r) => (r as unknown[]).slice(1, 4))).toEqual([[1, undefined, '名']]);
    expect(q('建成一个现代化示范区。')).toEqual([]);
  });

  it('a notice’s request to its recipients (请各…, 请就…) states a parameter of the procedure, unless a deadline is nearer', () => {
    expect(q('请各单位确定一名联络员。').map((r) => (r as unknown[])[4])).toEqual(['parameter']);
    expect(q('请各市于2021年底前完成改造任务的80%以上。').map((r) => (r as unknown[])[4])).toEqual(['target']);
  });
});

describe('the make-up of a body (设组长1人) is a parameter (corpus 26, a rules document)', () => {
  const cue = (t: string): unknown[] => scanText(t, { planYear: 2021 }).map((x) => [x.value, x.cue]);
  it('设 + a post + its count', () => {
    expect(cue('工作专班设组长1人，副组长2名。')).toEqual([
      [1, 'parameter'],
      [2, 'parameter'],
    ]);
    // 设立 / 设置 + a count is what the plan builds
    expect(cue('在全市设立3个服务中心。')).toEqual([[3, undefined]]);
  });
});

describe('funds and what they are spent on (issue 14, held-out corpus 02)', () => {
  const kinds = (t: string): unknown[] => parsePlan(t).indicators.map((i) => [i.name, i.value, i.unit, i.kind]);
  it('an amount earmarked for a purpose is a parameter; the count it is spent on is what the plan aims at', () => {
    const plan = '# 2022年工作安排\n\n一、重点任务\n\n从就业补助资金中拿出20亿元，用于30万人次以上的农民工职业技能培训。\n';
    expect(kinds(plan)).toEqual([
      ['从就业补助资金中拿出', 20, '亿元', 'parameter'],
      ['农民工职业技能培训', 30, '万人次', 'target'],
    ]);
  });
});

describe('counts of people and services, whole jurisdictions, extents and policy durations (issue 14, held-out corpus 12 and 01)', () => {
  const q = (t: string): unknown[] => scanText(t, { planYear: 2026 }).map((x) => [x.name, x.value, x.unit, x.cue]);
  const vals = (t: string): unknown[] => scanText(t, { planYear: 2026 }).map((x) => [x.value, x.unit]);

  it('a magnitude alone before 名 counts persons (万名, 百名), only after a verb, never in a parallel idiom', () => {
    expect(vals('带动万名高校毕业生返乡创业。')).toEqual([[10000, '名']]);
    expect(vals('选派百名骨干教师赴乡村学校支教。')).toEqual([[100, '名']]);
    // idioms of parallel magnitudes and indefinite multitudes are no counts
    expect(vals('让改革红利惠及千家万户。')).toEqual([]);
    expect(vals('深入实施百县千镇万村高质量发展工程。')).toEqual([]);
    expect(vals('调动亿万农民的积极性。')).toEqual([]);
    // no verb governs it: no statement
    expect(vals('万名党员进社区活动深入开展。')).toEqual([]);
  });

  it('verbs of providing and delivering govern the count after them', () => {
    expect(vals('为高校毕业生提供3000个就业见习岗位。')).toEqual([[3000, '个']]);
    expect(vals('选送200场优秀剧目进校园。')).toEqual([[200, '场']]);
  });

  it('the whole jurisdiction (全市, 我省) between a verb and its count', () => {
    expect(q('完成全市200所中小学校舍抗震加固。')).toEqual([['中小学校舍抗震加固', 200, '所', undefined]]);
    // without a verb, the jurisdiction's count refers to what exists
    expect(vals('全省16个市均已出台方案。')).toEqual([]);
  });

  it('实现X全覆盖 with only its extent X: the subject is the action of the clause before', () => {
    expect(q('开展送戏下乡演出500场，实现乡镇全覆盖。')).toEqual([
      ['开展送戏下乡演出', 500, '场', undefined],
      ['开展送戏下乡演出乡镇覆盖面', 100, '%', undefined],
    ]);
    expect(q('组织巡回义诊服务，实现行政村全覆盖。')).toEqual([['组织巡回义诊服务行政村覆盖面', 100, '%', undefined]]);
    // a 全覆盖 with no clause before it names nothing
    expect(q('实现全覆盖。')).toEqual([]);
  });

  it('a duration right after a verb that changes it, in the relative clause of a policy, states the policy', () => {
    expect(vals('落实好职工产假再延长30天的政策。')).toEqual([[30, '天']]);
    expect(q('落实好职工产假再延长30天的政策。').map((r) => (r as unknown[])[3])).toEqual(['parameter']);
    // a period of a programme without a verb of change is no statement
    expect(vals('实施为期5年的专项行动。')).toEqual([]);
  });
});

describe('names: the object of 把/将, a topic after 关于, relative times, time limits and frequencies (issue 14)', () => {
  const names = (t: string): unknown[] => scanText(t, { planYear: 2026 }).map((x) => x.name);
  it('the object of 把 or 将 is the name, not the subject or adverb before it; 关于 introduces the topic', () => {
    expect(names('坚决把审批事项压减三分之一以上。')).toEqual(['审批事项']);
    expect(names('各地要把农村危房改造完成率提高到95%。')).toEqual(['农村危房改造完成率']);
    expect(names('执行省里关于产假再延长30天的规定。')).toEqual(['产假']);
    // 即将, 将近: no marker of the object
    expect(names('即将建成的安置房达到300套。')).toEqual(['即将建成的安置房']);
  });

  it('a time relative to the plan year before the comparator is no part of the name', () => {
    expect(names('城乡医保参保率年底前要达到95%以上。')).toEqual(['城乡医保参保率']);
    expect(names('中小学塑胶跑道检测合格率6月底前达到100%。')).toEqual(['中小学塑胶跑道检测合格率']);
  });

  it('a time limit is named as the limit of its action; a frequency by the action done that often', () => {
    expect(names('受理后，10个工作日内将审查意见反馈申请人。')).toEqual(['审查意见反馈申请人时限']);
    expect(names('联席会议每季度召开两次。')).toEqual(['联席会议每季度召开']);
    expect(names('上半年和下半年各安排实地核查一次。')).toEqual(['上半年和下半年各安排实地核查']);
    // a frequency inside a quoted slogan is part of a name
    expect(names('全面推行“综合查一次”改革。')).toEqual([]);
  });
});

describe('beneficiaries after 为 and bare magnitudes after the whole jurisdiction (issue 14, held-out corpus 12)', () => {
  const q = (t: string): unknown[] => scanText(t, { planYear: 2026 }).map((x) => [x.name, x.value, x.unit]);
  it('the count after 为 is of the beneficiaries: their noun ends at the verb (a plan verb or a formal verb such as 进行)', () => {
    expect(q('为20万名老年人提供免费健康体检。')).toEqual([['老年人', 20, '万名']]);
    expect(q('为3000户困难家庭进行危房改造。')).toEqual([['困难家庭', 3000, '户']]);
  });

  it('a magnitude without a unit after the whole jurisdiction counts the noun after it; before 人口 or …的 it is a threshold', () => {
    expect(q('全市5万以上低收入群众纳入常态化监测。').map((r) => (r as unknown[]).slice(1))).toEqual([[5, '万']]);
    expect(q('全省10万以上人口县实现特殊教育学校全覆盖。').map((r) => (r as unknown[])[1])).toEqual([100]);
    expect(q('全省100万以上人口的城市均已建成地铁。')).toEqual([]);
  });
});

describe('a list of examples closed by 等 belongs to the name of its head noun (issue 14, held-out corpus 12)', () => {
  const names = (t: string): unknown[] => scanText(t, { planYear: 2026 }).map((x) => x.name);
  it('X、Y等Z: the whole list names Z; without 等 a long member before 、 stays another item', () => {
    expect(names('开设书法、摄影等老年大学课程200门。')).toEqual(['开设书法、摄影等老年大学课程']);
    // 均衡 is a word, not the adverb 均
    expect(names('均衡性转移支付、县级奖补资金等增幅均超过10%。')).toEqual(['均衡性转移支付、县级奖补资金等增幅']);
    // 高等 is no closing 等: the long member before 、 stays another item
    expect(names('新建高等职业院校实训基地、职业技能鉴定中心高等级实训室30个。')).toEqual(['职业技能鉴定中心高等级实训室']);
  });
});

describe('a duration of persistence and net changes (issue 14, rough names of corpus 14)', () => {
  const q = (t: string): unknown[] => scanText(t, { planYear: 2026 }).map((x) => [x.name, x.comparator, x.value, x.unit]);
  it('连续N年 before the comparator is an adverbial, no part of the name', () => {
    expect(q('棉花产量连续5年稳定在500万吨以上。')).toEqual([['棉花产量', '稳定在', 500, '万吨']]);
  });
  it('净增 / 净减少 are comparators of change, not part of the name', () => {
    expect(q('森林面积净增120万亩。')).toEqual([['森林面积', '净增', 120, '万亩']]);
    expect(q('湿地面积分别净减少2万公顷。').map((r) => (r as unknown[]).slice(0, 2))).toEqual([['湿地面积', '净减少']]);
  });
});

describe('the make-up of a body is named by the post of the body (issue 14, held-out corpus 26)', () => {
  const q = (t: string): unknown[] => scanText(t, { planYear: 2026 }).map((x) => [x.name, x.value, x.cue]);
  it('the posts after the first are set up by the same body (领导小组设组长1人，副组长4人)', () => {
    expect(q('专家委员会设主任委员1名，副主任委员2名，委员若干名。').map((r) => (r as unknown[])[0])).toEqual(['专家委员会主任委员', '专家委员会副主任委员']);
    expect(q('指挥部设总指挥1人，常务副主任1人。').map((r) => (r as unknown[])[0])).toEqual(['指挥部总指挥', '指挥部常务副主任']);
    // not across a full sentence, and not to what is no post
    expect(q('工作组设组长1人。副组长由各成员单位轮流担任2人。').map((r) => (r as unknown[])[0])[0]).toBe('工作组组长');
    expect(q('每个村设网格员1名，村医2名。').map((r) => (r as unknown[])[0])).toEqual(['每个村网格员', '村医']);
  });

  it('X设Y + a count: the post Y of the body X, 设 and the adverbs of the rule left out', () => {
    expect(q('专项工作组设召集人1名。')).toEqual([['专项工作组召集人', 1, 'parameter']]);
    expect(q('评审委员会一般设委员7至9名。').map((r) => (r as unknown[])[0])).toEqual(['评审委员会委员']);
    // verbs and nouns that hold 设 are no make-up of a body
    expect(q('每个政务大厅原则上增设服务窗口2个。')).toEqual([['每个政务大厅增设服务窗口', 2, 'parameter']]);
  });
});

describe('a plan verb that opens the name governs the value after its object (issue 14, names of held-out corpus 12)', () => {
  const q = (t: string): unknown[] => scanText(t, { planYear: 2026 }).map((x) => [x.name, x.comparator, x.opClass, x.value]);
  it('V + object + value: the object is the name, the verb the comparator as written; the relation stays eq', () => {
    expect(q('新建改造城市供水管网300公里。')).toEqual([['城市供水管网', '新建改造', 'eq', 300]]);
    expect(q('全年新增服务业领军企业20家。')).toEqual([['服务业领军企业', '新增', 'eq', 20]]);
    expect(q('改造提升乡村公共停车位1万个。')).toEqual([['乡村公共停车位', '改造提升', 'eq', 1]]);
  });
  it('not a short generic object the verb tells apart, a metric compound, or a noun made of the verb', () => {
    expect(q('完成造林50万亩，实施项目120个。').map((r) => (r as unknown[])[0])).toEqual(['完成造林', '实施项目']);
    expect(q('推广面积100万亩。').map((r) => (r as unknown[])[0])).toEqual(['推广面积']);
    expect(q('服务站点覆盖率达到90%。').map((r) => (r as unknown[])[0])).toEqual(['服务站点覆盖率']);
  });
});

describe('the parts of a whole', () => {
  /** [name, value, norm] of the shares a sentence states */
  const shares = (t: string): unknown[][] =>
    scanText(t, { planYear: 2027 })
      .filter((q) => q.comparator === '占')
      .map((q) => [q.name, q.value, q.norm === true]);

  it('shares of one sentence that add up to 100% divide something up: parameters, not targets', () => {
    // the weights of an assessment (a hospital's rules), the shares of a fund, of a score
    expect(shares('考核实行季度检查与年终考核相结合，季度检查结果占40%，年终考核结果占60%。')).toEqual([
      ['季度检查结果', 40, true],
      ['年终考核结果', 60, true],
    ]);
    expect(shares('项目总投资中，中央资金占70%，地方配套资金占30%。')).toEqual([
      ['中央资金', 70, true],
      ['地方配套资金', 30, true],
    ]);
    expect(shares('综合得分中，日常考评占30%，专项考核占30%，群众满意度测评占40%。').map((s) => s[2])).toEqual([true, true, true]);
  });

  it('shares that do not make a whole stay what their sentence says', () => {
    expect(shares('清洁能源装机占60%，其中风电装机占20%。').map((s) => s[2])).toEqual([false, false]);
    expect(shares('全年农产品加工产值占40%。').map((s) => s[2])).toEqual([false]);
    // a share in each of two sentences: no whole
    expect(shares('城区学校占50%。乡村学校占50%。').map((s) => s[2])).toEqual([false, false]);
  });

  it('reach the indicators as parameters', () => {
    const plan = parsePlan('一、考核办法\n季度检查结果占40%，年终考核结果占60%。\n二、工作目标\n全年农产品加工产值占40%。\n');
    const found = extractIndicators(plan).map((i) => [i.name, i.kind]);
    expect(found).toEqual([
      ['季度检查结果', 'parameter'],
      ['年终考核结果', 'parameter'],
      ['农产品加工产值', 'target'],
    ]);
  });
});

describe('spans of time and frequencies between the subject and the comparator', () => {
  const names = (t: string): unknown[] =>
    scanText(t, { planYear: 2027 })
      .filter((q) => q.name)
      .map((q) => [q.name, q.value]);

  it('a span of years or a base N years back is no part of the name', () => {
    expect(names('全省粮食产量十年增长1倍。')).toEqual([['粮食产量', 1]]);
    expect(names('城乡居民人均可支配收入比三年前增长25%。')).toEqual([['城乡居民人均可支配收入', 25]]);
    expect(names('规模以上工业企业利润总额五年增长40%。')).toEqual([['规模以上工业企业利润总额', 40]]);
    // the span in digits as well (corpus 15: 高新技术企业数3年翻一番); a year such as 2026年 is no span
    expect(names('科技型中小企业数3年翻一番。')).toEqual([['科技型中小企业数', 1]]);
  });

  it('a multiple of a past value (是十年前的3倍) carries the subject before it', () => {
    expect(names('全市高新技术企业达到1200家、是五年前的2倍。')).toEqual([
      ['高新技术企业', 1200],
      ['高新技术企业', 2],
    ]);
  });

  it('a span alone carries the subject of the clause before', () => {
    expect(names('旅游总收入达到500亿元，五年年均增长8.5%。')).toEqual([
      ['旅游总收入', 500],
      ['旅游总收入', 8.5],
    ]);
  });

  it('a frequency or an approximation before the comparator is no part of the name', () => {
    expect(names('森林覆盖率每年都保持在60%以上。')).toEqual([['森林覆盖率', 60]]);
    // a distributive name (per community and year) keeps its frequency: it is a rate
    expect(names('每个社区每年最多补助10万元。')).toEqual([['每个社区每年', 10]]);
    expect(names('地方财政收入接近翻一番。')).toEqual([['地方财政收入', 1]]);
    // a sentence adverb between subject and predicate (原则上) is no part of a frequency's name
    expect(names('专家委员会原则上每季度召开1次。')).toEqual([['专家委员会每季度召开', 1]]);
    // 接近 is the comparator itself (an approximation), never 接 + 近
    expect(names('清洁能源发电量占比接近50%。')).toEqual([['清洁能源发电量占比', 50]]);
  });
});

describe('a change verb before an approximation', () => {
  const read3 = (t: string): unknown[][] =>
    scanText(t, { planYear: 2027 })
      .filter((q) => q.name)
      .map((q) => [q.name, q.comparator, q.opClass, q.value]);

  it('governs the value: the verb is the comparator with the approximation, not part of the name', () => {
    expect(read3('旅游接待人次增长近15%。')).toEqual([['旅游接待人次', '增长近', 'increase', 15]]);
    expect(read3('单位产值能耗下降约3%。')).toEqual([['单位产值能耗', '下降约', 'decrease', 3]]);
    expect(read3('快递业务量达到近5亿件。')).toEqual([['快递业务量', '达到近', 'reach', 5]]);
  });

  it('an approximation alone stays one', () => {
    expect(read3('服务人口约20万人。')).toEqual([['服务人口', '约', 'approx', 20]]);
  });
});
