/**
 * Structure recovery on real text shapes (issue 14): short excerpts reproducing what the field
 * corpus (test/corpus/) shows — tokens broken over a line, typed with the wrong mark, articles,
 * decimal sections, attachment lists.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../server/src/core/parse.js';
import { analyze } from '../server/src/core/analyze.js';
import type { Plan } from '../server/src/core/model.js';

const outline = (p: Plan) => [...p.allSections].sort((a, b) => a.start - b.start).map((s) => `${s.level} ${s.token.raw}${s.title}`);

describe('a token broken over two lines', () => {
  it('a lone （ at a line end and 三）… on the next line is heading （三） (corpus 15)', () => {
    const text = [
      '一、工作回顾',
      '（一）经济运行顶住压力、稳中有进。',
      '全年地区生产总值增长5%。',
      '（二）产业发展提质增效、转型加快。',
      '规上工业增加值增长8.1%。',
      '（',
      '三）改革开放持续深化、互促共进。',
      '市场准入效能评估形成方案。',
      '（四）城乡发展齐头并进、更趋协调。',
    ].join('\n');
    const p = parsePlan(text);
    expect(outline(p)).toEqual([
      '1 一、工作回顾',
      '2 （一）经济运行顶住压力、稳中有进',
      '2 （二）产业发展提质增效、转型加快',
      '2 （三）改革开放持续深化、互促共进',
      '2 （四）城乡发展齐头并进、更趋协调',
    ]);
    const three = p.allSections[3]!;
    expect(p.text.slice(three.token.start, three.token.end)).toBe('（\n三）');
  });

  it('a lone bracket in prose that does not continue the numbering stays text', () => {
    const text = ['一、工作回顾', '（一）经济运行稳中有进。', '全年增长5%（', '五）项目。'].join('\n');
    expect(outline(parsePlan(text))).toEqual(['1 一、工作回顾', '2 （一）经济运行稳中有进']);
  });
});

describe('an ordinal typed with 。 (11。 for 11.)', () => {
  it('continues a running sequence in a one-line text (corpus 21, 23)', () => {
    const text =
      '1.强化就业帮扶。落实职业培训补贴政策。(省人力资源社会保障厅牵头负责)2.强化生态帮扶。在国土绿化中倾斜支持。3。加强基础设施建设。推进农村公路建设。4.强化组织领导。各地要压实责任。';
    expect(outline(parsePlan(text))).toEqual(['3 1.强化就业帮扶', '3 2.强化生态帮扶', '3 3。加强基础设施建设', '3 4.强化组织领导']);
  });

  it('a number that ends a sentence is no ordinal', () => {
    const text = ['1.强化就业帮扶。', '今年新增岗位共2。', '3。其他说明。'].join('\n');
    expect(outline(parsePlan(text))).toEqual(['3 1.强化就业帮扶']);
    // not the next number: 5。 after 1. is text
    expect(outline(parsePlan('1.强化就业帮扶。落实补贴。5。加强建设。'))).toEqual(['3 1.强化就业帮扶']);
  });
});

describe('parts and notes of a one-line text', () => {
  it('an attachment label and its title line, then 一、 restarting: a new part (corpus 23)', () => {
    const text =
      '一、严明标准条件。选优配强班子。二、严肃换届纪律。强化宣传教育。附件:不得担任村党组织成员的主要情形附件不得担任村党组织成员的主要情形一、不得担任村党组织成员的主要情形1.政治上的“两面人”的。2.涉嫌犯罪，已被立案侦查的。';
    const p = parsePlan(text);
    expect(outline(p)).toEqual([
      '1 一、严明标准条件',
      '1 二、严肃换届纪律',
      '1 一、不得担任村党组织成员的主要情形',
      '3 1.政治上的“两面人”的',
      '3 2.涉嫌犯罪，已被立案侦查的',
    ]);
    expect(p.allSections[2]!.part).toBe(1);
  });

  it('numbered notes under a table (注：1.…5.) are not items, and 附件1中 is a reference (corpus 28)', () => {
    const text =
      '一、有关要求1.重点任务要覆盖全部任务。2.每项任务至少明确2-3个阶段性目标。3.重点任务实行动态调整。4.请确定一名联络员。山东省人民政府办公厅2021年2月24日附件重点任务完成计划表注:1.“重点任务”栏，填写附件1中涉及本单位的改革任务。2.“完成时限”栏，填写最终完成时限。3.“改革目标”栏，填写预期目标。4.“备注”栏可空白。5.“各市目标”栏，如没有可空白。';
    expect(outline(parsePlan(text)).map((s) => s.slice(0, 5))).toEqual(['1 一、有', '3 1.重', '3 2.每', '3 3.重', '3 4.请']);
  });
});

describe('level-2 items numbered on across level-1 parts (corpus 18)', () => {
  const text =
    '一、总体要求(一)指导思想。坚持生态优先。(二)目标指标。主要污染物排放总量大幅减少，生态环境质量持续改善。2023年目标指标表二、深入调整产业结构(三)淘汰低效落后产能。依据安全标准淘汰落后产能。(省工业和信息化厅负责)(四)严控新增产能。严格执行产能置换。(省发展改革委负责)三、深入调整能源结构(五)严控化石能源消费。严控能源消费总量。(省能源局负责)四、保障措施(六)加强组织领导。压实各方责任。';
  it('the level-1 heading after a table caption is recovered, and (三) runs on under 二、', () => {
    expect(outline(parsePlan(text)).map((s) => s.slice(0, 6))).toEqual([
      '1 一、总体',
      '2 (一)指',
      '2 (二)目',
      '1 二、深入',
      '2 (三)淘',
      '2 (四)严',
      '1 三、深入',
      '2 (五)严',
      '1 四、保障',
      '2 (六)加',
    ]);
    expect(parsePlan(text).level2Continuous).toBe(true);
  });
  it('numbering/sequence accepts the running numbers and still reports a gap in them', () => {
    expect(analyze(text).findings.filter((f) => f.ruleId === 'numbering/sequence')).toEqual([]);
    const lines = [
      '一、总体要求',
      '（一）指导思想。坚持生态优先。',
      '（二）目标指标。排放总量大幅减少。',
      '二、深入调整产业结构',
      '（三）淘汰低效落后产能。依据标准淘汰。',
    ];
    expect(analyze(lines.join('\n')).findings.filter((f) => f.ruleId === 'numbering/sequence')).toEqual([]);
    lines.push('三、深入调整能源结构', '（五）严控化石能源消费。严控总量。', '（六）壮大清洁能源。发展风电。');
    const gap = analyze(lines.join('\n')).findings.filter((f) => f.ruleId === 'numbering/sequence');
    expect(gap.map((f) => f.message.zh)).toEqual([expect.stringContaining('缺少“（四）”')]);
  });
  it('a short phrase after a sentence does not make a heading of a token without a confirming child', () => {
    const t = '一、总体要求(一)指导思想。坚持生态优先。(二)目标指标。生态环境质量持续改善。全省二、三产业协同发展。今年二、深入推进。';
    expect(outline(parsePlan(t)).map((s) => s.slice(0, 6))).toEqual(['1 一、总体', '2 (一)指', '2 (二)目']);
  });
});

describe('articles 第N条 as a level of their own (corpus 26)', () => {
  const rules = [
    '某某领导小组工作规则',
    '为规范领导小组工作，制定本规则。',
    '一、机构设置',
    '第一条　领导小组是全省防灾减灾救灾工作议事协调机构。',
    '第二条　领导小组设组长1人，副组长4人。',
    '二、工作职责',
    '第三条　领导小组工作职责：',
    '（一）研究制定全省贯彻落实意见。',
    '（二）协调解决重大问题，审议应急预案。',
    '第四条　成员单位工作职责：',
    '（一）省委办公厅：负责协调有关工作。',
    '（二）省应急厅：承担领导小组日常工作。',
    '三、其他事项',
    '第五条　本规则自印发之日起施行。',
  ];
  const expected = [
    '1 一、机构设置',
    '2 第一条领导小组是全省防灾减灾救灾工作议事协调机构',
    '2 第二条领导小组设组长1人，副组长4人',
    '1 二、工作职责',
    '2 第三条领导小组工作职责',
    '3 （一）研究制定全省贯彻落实意见',
    '3 （二）协调解决重大问题，审议应急预案',
    '2 第四条成员单位工作职责',
    '3 （一）省委办公厅',
    '3 （二）省应急厅',
    '1 三、其他事项',
    '2 第五条本规则自印发之日起施行',
  ];
  it('in a text that kept its line breaks: articles at level 2, their items at level 3', () => {
    expect(outline(parsePlan(rules.join('\n')))).toEqual(expected);
  });
  it('in a one-line text: the same outline, articles numbered on across the 一、 parts', () => {
    const p = parsePlan(rules.join('').replace(/\u3000/g, ''));
    expect(outline(p)).toEqual(expected);
  });
  it('a clean regulation text raises no numbering or heading finding; a skipped article is a gap', () => {
    const structural = (t: string) => analyze(t).findings.filter((f) => /^(numbering|heading)\//.test(f.ruleId));
    expect(structural(rules.join('\n'))).toEqual([]);
    const gap = structural(rules.join('\n').replace('第四条', '第六条').replace('第五条', '第七条'));
    expect(gap.map((f) => [f.ruleId, f.message.zh])).toEqual([['numbering/sequence', expect.stringContaining('缺少“第四条”“第五条”')]]);
  });
  it('an article cited in a sentence is no heading (第十条规定, 第三条第二款)', () => {
    const t = ['一、总体要求', '依照条例', '第十条规定执行。', '第三条第二款所列情形除外。'].join('\n');
    expect(outline(parsePlan(t))).toEqual(['1 一、总体要求']);
  });
});

describe('titles run into their body on a flattened line', () => {
  it('parallel sibling titles of one length give the length of the one that ran on (corpus 29)', () => {
    const text =
      '附件1技术方案一、整治原则安全、整齐、美观，通信线规范安装在钢绞线上，防止脱落。二、技术要求1.钢绞线只能有一条。2.通信线应敷设在电力线路的下方。三、其他要求1.城区内空中网线必须捆扎。';
    expect(outline(parsePlan(text))).toEqual([
      '1 一、整治原则',
      '1 二、技术要求',
      '3 1.钢绞线只能有一条',
      '3 2.通信线应敷设在电力线路的下方',
      '1 三、其他要求',
      '3 1.城区内空中网线必须捆扎',
    ]);
  });
  it('siblings of mixed lengths say nothing: the title keeps its first sentence', () => {
    const text = '一、整治原则安全、整齐、美观，通信线规范安装在钢绞线上。二、技术要求1.钢绞线只能有一条。三、其他有关工作要求1.城区内空中网线必须捆扎。';
    expect(outline(parsePlan(text))[0]).toBe('1 一、整治原则安全、整齐、美观，通信线规范安装在钢绞线上');
  });
  it('an item whose full stop was typed as a comma still ends where the next item of the sequence begins (corpus 29)', () => {
    const text = '二、技术要求1.钢绞线只能有一条。2.通信线应敷设在下方。3.对地距离不得小于6.5米;光缆应符合规范，4.通信线应悬挂限高警示标志。5.放大器必须接地。';
    expect(outline(parsePlan(text)).map((s) => s.slice(0, 4))).toEqual(['1 二、', '3 1.', '3 2.', '3 3.', '3 4.', '3 5.']);
    // a comma before a number that does not continue the sequence is prose
    expect(outline(parsePlan('二、技术要求1.钢绞线只能有一条，3.通信线应敷设在下方。')).map((s) => s.slice(0, 4))).toEqual(['1 二、', '3 1.']);
  });
});

describe('a table of contents on a flattened line (corpus 20)', () => {
  it('the headings are read in the body, not in the list before it', () => {
    const text =
      '山东省交通运输厅2020年6月5日某某应急预案(会签稿)1.总则1.1编制目的1.2编制依据2.组织指挥体系2.1省级组织指挥机构1.总则1.1编制目的建立健全应急工作机制。1.2编制依据依据有关法律法规。2.组织指挥体系2.1省级组织指挥机构省政府负责指导协调。';
    const p = parsePlan(text);
    const first = [...p.allSections].sort((a, b) => a.start - b.start)[0]!;
    // the body's 1.总则 (after the list), titled without the sub-section glued to it; the decimal
    // sections are levels below their chapter, titled as the table of contents titles them
    expect(first.start).toBe(text.lastIndexOf('1.总则'));
    expect(outline(p)).toEqual(['1 1.总则', '2 1.1编制目的', '2 1.2编制依据', '1 2.组织指挥体系', '2 2.1省级组织指挥机构']);
    // a quantity deep in an item's sentence is no sub-section of it
    const item = parsePlan('二、技术要求1.钢绞线应敷设在下方。2.通信线对地垂直距离不得小于2.5米，跨越道路时不得小于7.5米。').allSections;
    expect(item.map((s) => s.title)).toContain('通信线对地垂直距离不得小于2.5米，跨越道路时不得小于7.5米');
  });
});

describe('a second document run into the first on a flattened line (corpus 26)', () => {
  it('its title (…工作细则(会签稿)) starts a new part: 一、 and 第一条 restart there', () => {
    const text =
      '某某工作规则(会签稿)为规范工作，制定本规则。一、机构设置第一条领导小组是议事协调机构。二、其他事项第二条本规则自印发之日起施行。某某办公室工作细则(会签稿)为完善工作机制，制定本细则。一、组织机构第一条办公室设在省应急厅。二、其他事项第二条本细则自印发之日起施行。';
    const p = parsePlan(text);
    expect(outline(p).map((s) => s.slice(0, 5))).toEqual(['1 一、机', '2 第一条', '1 二、其', '2 第二条', '1 一、组', '2 第一条', '1 二、其', '2 第二条']);
    expect(p.sections.map((s) => s.part ?? 0)).toEqual([0, 0, 1, 1]);
    // a title cited in a sentence (《…规则》) or a sentence ending in the genre word (制定本规则。) is no part marker
    const cited = '一、机构设置第一条领导小组是议事协调机构。二、其他事项第二条依照《某某工作规则》执行。一、组织机构第一条办公室设在省应急厅。';
    expect(outline(parsePlan(cited)).map((s) => s.slice(0, 5))).toEqual(['1 一、机', '2 第一条', '1 二、其', '2 第二条']);
  });
});

describe('a title run into its body without a mark, on a flattened line (corpus 03)', () => {
  it('the body opens with an adverbial of time or place closed by its comma, or with 地方各级', () => {
    const text =
      '现就有关事项通知如下。一、依法保护农民合法财产权益在村庄撤并过程中，要严格保护农民依法享有的财产权益。二、加强对撤并工作的组织领导地方各级党委和政府要切实担负起责任，抓紧制定落实措施。';
    expect(outline(parsePlan(text))).toEqual(['1 一、依法保护农民合法财产权益', '1 二、加强对撤并工作的组织领导']);
  });

  it('在 inside a title, or an adverbial that runs on past 中, is no body opener', () => {
    const text =
      '现就有关事项通知如下。一、坚持在发展中保障和改善民生着力解决群众急难愁盼问题，持续增进民生福祉。二、推动平台企业在规范中健康发展，支持企业创新。';
    const titles = parsePlan(text).allSections.map((s) => s.title);
    expect(titles[0]!.startsWith('坚持在发展中保障和改善民生')).toBe(true);
    expect(titles[1]!.startsWith('推动平台企业在规范中健康发展')).toBe(true);
  });
});
