/**
 * Structure from any text shape (issue 14): one-sentence items, fixed formulations, headings run
 * into the text around them, look-alikes of numbering tokens. Texts written for the purpose,
 * reproducing defects seen in real documents (test/corpus).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { applyEdits } from '../server/src/core/fix.js';
import type { LocatedFinding } from '../server/src/core/model.js';

const only = (text: string, id: string): LocatedFinding[] => analyze(text).findings.filter((f) => f.ruleId === id);
const outline = (text: string) => analyze(text).plan.allSections.map((s) => `${s.level}:${s.token.raw}${s.title}`);

describe('heading/punctuation: items that are sentences', () => {
  const countyPlan = [
    '一、主要目标',
    '（一）预约率达到80%，覆盖率达到90%。',
    '（二）家庭医生签约服务重点人群覆盖率保持在75%以上。',
    '二、重点任务',
    '（一）继续创新和完善宏观调控，确保经济运行在合理区间。',
    '深入推进各项工作。',
    '（二）激发市场主体活力，着力优化营商环境。',
    '持续深化改革。',
    '',
  ].join('\n');
  it('a one-sentence item with figures or clauses is a run-in item: no finding', () => {
    expect(only(countyPlan, 'heading/punctuation')).toEqual([]);
  });
  it('a list written entirely as statements is the document form', () => {
    const text = '一、经济运行稳中有进。\n正文。\n二、产业发展提质增效。\n正文。\n三、城乡发展更趋协调。\n正文。\n';
    expect(only(text, 'heading/punctuation')).toEqual([]);
  });
  it('a title with a stray full stop among bare siblings is still found, and only the mark is removed', () => {
    const text = '一、总体要求\n二、提升基层医疗卫生服务能力。\n三、保障措施\n';
    const f = only(text, 'heading/punctuation');
    expect(f.map((x) => [x.range.start.line, x.range.start.character])).toEqual([[1, 14]]);
    expect(applyEdits(text, f[0]!.fix!.edits)).toBe('一、总体要求\n二、提升基层医疗卫生服务能力\n三、保障措施\n');
  });
  it('a level-2 title ending in a comma is found', () => {
    const text = '一、任务\n（一）强化医疗服务质量，\n（二）完善体系\n';
    expect(only(text, 'heading/punctuation').map((x) => [x.range.start.line, x.range.start.character])).toEqual([[1, 11]]);
  });
});

describe('numbering/count-word: formulations are names, a promise governs what follows', () => {
  it('坚决做到“两个维护” with three children is no promise (bundled list)', () => {
    const text = '一、坚决做到“两个维护”\n（一）提高政治站位\n（二）压实工作责任\n（三）严明纪律规矩\n二、协调推进“四个全面”战略布局\n（一）甲\n（二）乙\n';
    expect(only(text, 'numbering/count-word')).toEqual([]);
  });
  it('a misquoted variant (四种意识) is a name as well', () => {
    expect(only('一、增强“四种意识”\n（一）甲\n（二）乙\n', 'numbering/count-word')).toEqual([]);
  });
  it('a count inside a longer predicate is no promise; the title’s object is', () => {
    expect(only('一、以“三个一”为抓手推进基层治理现代化\n（一）甲\n（二）乙\n', 'numbering/count-word')).toEqual([]);
    const f = only('一、提升“六种能力”\n（一）甲\n（二）乙\n', 'numbering/count-word');
    expect(f.map((x) => [x.range.start.line, x.range.start.character, x.data])).toEqual([[0, 5, { promised: 6, actual: 2 }]]);
  });
  it('users add their own formulations as a rule option', () => {
    const text = '一、落实“三个一批”\n（一）甲\n（二）乙\n';
    expect(only(text, 'numbering/count-word')).toHaveLength(1);
    const profile = { name: 'office', rules: { 'numbering/count-word': { options: { formulations: ['三个一批'] } } } };
    expect(analyze(text, { profile }).findings.filter((f) => f.ruleId === 'numbering/count-word')).toEqual([]);
  });
});

describe('headings that lost their line break', () => {
  it('the glued 。三、: a level-1 heading after a sentence, its children stay its own', () => {
    const text = [
      '一、总体要求',
      '（一）目标任务',
      '二、主要任务',
      '（一）加强灾害监测',
      '（二）完善预警体系。全年预警信息发布完成率达到105%。三、提升防灾减灾救灾能力',
      '（一）加强队伍建设',
      '（二）加强物资储备',
      '（三）加强科普宣传',
      '',
    ].join('\n');
    expect(outline(text)).toEqual([
      '1:一、总体要求',
      '2:（一）目标任务',
      '1:二、主要任务',
      '2:（一）加强灾害监测',
      '2:（二）完善预警体系',
      '1:三、提升防灾减灾救灾能力',
      '2:（一）加强队伍建设',
      '2:（二）加强物资储备',
      '2:（三）加强科普宣传',
    ]);
    expect(only(text, 'numbering/sequence')).toEqual([]);
    const f = only(text, 'heading/inline');
    // （二）完善预警体系。全年预警信息发布完成率达到105%。 is 28 characters: 三、 starts at column 28 of line 4
    expect(f.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character])).toEqual([[4, 28, 30]]);
    expect(f[0]!.fix!.safe).toBe(true);
    const fixed = applyEdits(text, f[0]!.fix!.edits);
    expect(fixed).toBe(text.replace('达到105%。三、', '达到105%。\n三、'));
    expect(only(fixed, 'heading/inline')).toEqual([]);
    expect(outline(fixed)).toEqual(outline(text));
  });

  it('一、…落实(一)压实…。(二)压实…。 on one line: three headings', () => {
    const text = '一、压实工作责任，抓好工作落实(一)压实属地责任。各地要落实属地管理责任。(二)压实部门责任。各部门要按职责分工负责。\n';
    expect(outline(text)).toEqual(['1:一、压实工作责任，抓好工作落实', '2:(一)压实属地责任', '2:(二)压实部门责任']);
    const f = only(text, 'heading/inline');
    expect(f.map((x) => [x.range.start.line, x.range.start.character, x.fix!.safe])).toEqual([
      [0, 15, false],
      [0, 37, true],
    ]);
    let fixed = text;
    for (const x of [...f].reverse()) fixed = applyEdits(fixed, x.fix!.edits);
    expect(fixed).toBe('一、压实工作责任，抓好工作落实\n(一)压实属地责任。各地要落实属地管理责任。\n(二)压实部门责任。各部门要按职责分工负责。\n');
  });

  it('a one-line document: notice, plan items 1.–3. after the preface, bracketed notes between items', () => {
    const text =
      '关于印发某县若干措施的通知各乡镇人民政府:现将《若干措施》印发给你们，请认真贯彻落实。某县人民政府2021年8月16日' +
      '为支持重点帮扶县发展，制定如下措施。1.明确帮扶对象。将脱贫县纳入帮扶范围。(县乡村振兴局牵头)2.强化财政支持。过渡期内保持资金总体稳定。3.强化金融支持。用好再贷款政策。';
    expect(outline(text)).toEqual(['3:1.明确帮扶对象', '3:2.强化财政支持', '3:3.强化金融支持']);
    expect(only(text, 'heading/inline')).toHaveLength(3);
  });

  it('a notice’s own 一、二、 and its attachment’s 一、二、 are separate sequences', () => {
    const text = [
      '关于印发某县工作方案的通知',
      '一、高度重视',
      '二、认真落实',
      '某县人民政府办公室',
      '2021年8月16日',
      '附件',
      '某县工作方案',
      '一、总体要求',
      '二、主要任务',
      '三、保障措施',
      '',
    ].join('\n');
    expect(only(text, 'numbering/sequence')).toEqual([]);
    const parts = analyze(text).plan.allSections.map((s) => s.part ?? 0);
    expect(parts).toEqual([0, 0, 1, 1, 1]);
  });

  it('look-alikes in mid-line are text, not headings', () => {
    const text = [
      '一、总体要求',
      '会议于2月16日召开。2.2月16日前完成部署。赤字规模1.5万亿元。3、4月开展检查。一、二季度完成招标。第一、二批项目已开工。',
      '按照2021年8月17日印发的方案执行。版本V2.1.3已发布。1.1总则适用于全省。第一条为规范管理制定本规则。',
      '（一）完善机制。',
      '',
    ].join('\n');
    expect(outline(text)).toEqual(['1:一、总体要求', '2:（一）完善机制']);
    expect(only(text, 'heading/inline')).toEqual([]);
  });

  it('一是 inside an item stays an enumeration', () => {
    const text = '一、总体要求\n（一）完善机制。一是健全制度；二是强化考核。\n';
    const { plan } = analyze(text);
    expect(plan.allSections).toHaveLength(2);
    expect(plan.enumerations.map((e) => e.items.length)).toEqual([2]);
  });

  it('a number that does not continue the sequence stays text', () => {
    // 五、 after 一、 (not 二、), (三) with no (二) before it
    const text = '一、总体要求\n各地要完成五项任务。五、六项任务另行部署。(三)项规定暂不执行。\n';
    expect(outline(text)).toEqual(['1:一、总体要求']);
  });

  it('renumbering never crosses a heading recovered in mid-line', () => {
    // 二、's items run on through the inline 三、: a duplicate （二） after it is not renumbered across it
    const text = '一、甲\n二、乙\n（一）丙\n（三）丁。三、戊\n（一）己\n（一）庚\n';
    const seq = only(text, 'numbering/sequence');
    for (const f of seq)
      for (const e of f.fix!.edits) {
        const inline = text.indexOf('三、戊');
        // every edit stays on one side of the recovered heading, within its own parent's items
        expect(e.start < inline || e.start > inline).toBe(true);
      }
    const fixed = seq.reduce((t, f) => applyEdits(t, f.fix!.edits), text);
    expect(fixed).toContain('三、戊\n（一）己\n（二）庚');
  });
});

describe('more items that are not headings', () => {
  it('a punctuated enumeration (；… 。) is a list of items', () => {
    const text = '一、联合执法范围\n(一)非煤矿山集中地区及重点企业；\n(二)重大节假日期间；\n(三)需开展联合执法的其他情形。\n';
    expect(only(text, 'heading/punctuation')).toEqual([]);
  });
  it('3个月时间 measures time: no promise', () => {
    expect(only('三、集中3个月时间\n（一）甲\n（二）乙\n（三）丙\n（四）丁\n', 'numbering/count-word')).toEqual([]);
  });
});

describe('tokens in unusual characters are numbering, reported by numbering/style', () => {
  it('a zero-width space inside 一、 and （一）', () => {
    const text = '一\u200b、总体要求\n（\u200b一）目标任务\n二、主要任务\n';
    expect(outline(text)).toEqual(['1:一\u200b、总体要求', '2:（\u200b一）目标任务', '1:二、主要任务']);
    const f = only(text, 'numbering/style');
    expect(f.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character])).toEqual([
      [0, 0, 3],
      [1, 0, 4],
    ]);
    expect(f[0]!.message.zh).toContain('零宽');
    expect(applyEdits(text, [...f[0]!.fix!.edits, ...f[1]!.fix!.edits])).toBe('一、总体要求\n（一）目标任务\n二、主要任务\n');
  });
  it('enclosed forms ㈠ ⑴ ⒈ are levels 2, 4 and 3', () => {
    const text = '一、总体要求\n㈠目标任务\n⒈加强监测\n⑴完善预警\n⑵强化响应\n';
    expect(outline(text)).toEqual(['1:一、总体要求', '2:㈠目标任务', '3:⒈加强监测', '4:⑴完善预警', '4:⑵强化响应']);
    const f = only(text, 'numbering/style');
    expect(f.map((x) => x.fix!.edits[0]!.newText)).toEqual(['（一）', '1.', '（1）', '（2）']);
  });
});

describe('a title run into its body on a flattened line', () => {
  it('ends before a figure, a sentence opener or a colon that comes before any comma', () => {
    const filler = '各地要认真落实有关要求。'.repeat(90);
    const text =
      filler +
      '一、准确把握村庄建设的总体要求以新时代中国特色社会主义思想为指导，顺应村庄发展规律。' +
      '二、分批实现生育保险待遇联网结算2020年11月底前，8家医疗机构实现联网结算。' +
      '三、加强组织领导(一)相关单位(简称“各单位”):按照“谁搭挂、谁整治”的原则，负责整治。';
    expect(outline(text)).toEqual([
      '1:一、准确把握村庄建设的总体要求',
      '1:二、分批实现生育保险待遇联网结算',
      '1:三、加强组织领导',
      '2:(一)相关单位(简称“各单位”)',
    ]);
  });
  it('leaves a kept-line run-in heading and a list item alone', () => {
    expect(outline('一、总体要求\n（一）严格遵守中央八项规定和省委实施办法要求，做好疫情防控相关工作。正文。\n')).toEqual([
      '1:一、总体要求',
      '2:（一）严格遵守中央八项规定和省委实施办法要求，做好疫情防控相关工作',
    ]);
  });
});

describe('a title run into a second predicate on a flattened line (no mark, no opener)', () => {
  const filler = '各地要认真落实有关要求。'.repeat(90);
  const flat = (items: readonly (readonly [string, string])[]) => filler + items.map(([title, body]) => title + body).join('');
  // [token + title, the body glued to it]: invented texts of other sectors
  const ends: readonly (readonly [string, string])[] = [
    // the title's directive adverb opens a second verb phrase
    ['一、严格规范道路货运车辆超限治理', '严格执行车辆装载标准，对违法超限运输车辆依法处罚。'],
    ['二、切实加强地方政府专项债券管理', '切实防范化解债务风险，按规定用途使用债券资金。'],
    ['三、认真落实中小学生作业管理规定', '认真做好课后服务工作，合理安排作业总量。'],
    // an eventive phrase (开展/实施/进行 + its object) is the subject of a modal
    ['四、稳妥推进中小学校布局调整', '开展学校撤并必须充分听取学生家长意见，不搞一刀切。'],
    ['五、规范公路养护工程管理', '实施养护工程应当严格执行招标投标规定，确保工程质量。'],
    ['六、严禁违规收取医疗服务费用', '开展医疗服务必须执行价格公示制度，主动接受群众监督。'],
    ['七、有序推进历史遗留矿山生态修复', '进行生态修复要坚持以自然恢复为主，因地制宜开展治理。'],
    ['八、规范城市道路挖掘管理', '进行道路挖掘施工须事先取得许可，按期恢复路面。'],
    // the body takes the title's verb phrase up again as the subject of a modal, after a subject of its own
    ['九、有序开展城市更新片区评估', '老旧小区比例较高的城市可以先行先试，对片区进行分类评估。开展城市更新片区评估应坚持问题导向，广泛听取居民意见。'],
    [
      '十、积极推进高速公路服务区充电设施建设',
      '车流量较大的服务区可以适当增加充电桩数量，优先建设快充设施。推进高速公路服务区充电设施建设要统筹电网承载能力，分步实施。',
    ],
  ];
  it('ends the title where the body opens a predicate of its own', () => {
    expect(outline(flat(ends))).toEqual(ends.map(([title]) => `1:${title}`));
  });
  // titles that hold a second verb, an adverb or a modal of their own: the new cues never end them
  // early. [token + title, body, whether a reader's cue (an opener) ends the title exactly]
  const keeps: readonly (readonly [string, string, boolean])[] = [
    // a pivot verb: its object 企业 is the subject of the adverb's verb
    ['一、切实督促企业切实履行安全生产主体责任', '各级应急管理部门要加强执法检查，依法查处违法行为。', true],
    // 最严格的: an adjective, not a predicate
    ['二、严格落实最严格的耕地保护制度', '各地要压实耕地保护责任，遏制耕地“非农化”。', true],
    // a stacked adverbial before the light verb: 开展 is the title's verb
    ['三、扎实有序开展农村人居环境整治提升', '县级人民政府要制定年度计划，分类推进。', false],
    // a pivot verb before the light verb: 各地 is its object and 开展's subject
    ['四、推动各地开展城市体检评估工作', '县级以上人民政府要建立工作机制，定期评估。', false],
    // the modal's phrase is closed by 的: a modifier inside the title
    ['五、进一步完善开展校外培训应当遵循的管理规范', '以保障学生权益为目标，明确办学条件。', true],
    // a prohibition with a serial verb phrase (强行 is the title's)
    ['六、严禁以行政命令方式强行推动农民集中上楼', '各地要尊重农民意愿，不得强迫农民腾退宅基地。', true],
    // two predicates under different adverbs: a title of two predicates is not told from a title and a body
    ['七、大力发展乡村特色产业切实增加农民收入', '，培育一批农业产业强镇。', false],
    // 依法依规 is an adverbial: 开展 is the title's verb
    ['八、依法依规开展征地补偿安置', '县级人民政府必须足额支付补偿费用，保障农民权益。', false],
    // a serial verb 建立健全
    ['九、加快建立健全绿色低碳循环发展经济体系', '以节能降碳为重点，推进产业结构调整。', true],
    // the directive adverb inside a quotation is a name
    ['十、切实抓好“切实减轻学生负担”专项行动', '各校要制定工作方案，明确责任分工。', false],
    // an item that is a sentence: the agent before the light verb is its subject
    ['十一、县级人民政府开展农村危房改造', '必须坚持农户自愿，不得强制拆除。', false],
    // a pivot verb: 社会力量 is its object and 开展's subject (the modal's subject is 机构)
    ['十二、鼓励社会力量开展普惠托育服务', '符合条件的机构可以申请建设补助，按规定享受优惠政策。', false],
    // 严格的: an adjective before its noun
    ['十三、严格执行严格的项目审批制度', '各地要规范审批程序，提高审批效率。', true],
    // the body takes up the title's object, not its verb phrase (保持|宏观政策…, then 宏观政策要…)
    ['十四、保持宏观政策连续性稳定性可持续性', '，促进经济运行在合理区间。宏观政策要继续为市场主体纾困，保持必要支持力度。', false],
    // the phrase taken up again is not the subject of a modal: the title runs on past it (…升级工程)
    ['十五、稳步推进农村公路提档升级工程', '，年内完成改造任务。推进农村公路提档升级，提高通行能力。', false],
    // the item is itself the duty (开展…应…) that the body restates under another modal
    ['十六、开展农村集体资产清查应全面摸清家底', '，做到账实相符。开展农村集体资产清查要坚持公开透明。', false],
  ];
  it('never ends a title that holds a second verb, an adverb or a modal of its own inside it', () => {
    const got = outline(flat(keeps.map(([t, b]) => [t, b] as const)));
    expect(got).toHaveLength(keeps.length);
    keeps.forEach(([t, , exact], k) => {
      if (exact) expect(got[k]).toBe(`1:${t}`);
      else expect(got[k]!.startsWith(`1:${t}`)).toBe(true);
    });
  });
});

describe('text from a printed page (PDF): hard wraps in mid-sentence and page numbers', () => {
  /**
   * Breaks each paragraph as a page of `width` ems does (an ASCII digit takes half an em; never
   * before a 避头 mark), a page number — N — every `page` lines.
   */
  const pdf = (paragraphs: string[], width = 24, page = 9): string => {
    const lines: string[] = [];
    const fits = (p: string) => {
      let w = 0;
      let i = 0;
      for (; i < p.length && w + (p.charCodeAt(i) < 0x2e80 ? 0.5 : 1) <= width; i++) w += p.charCodeAt(i) < 0x2e80 ? 0.5 : 1;
      return i;
    };
    for (let p of paragraphs) {
      while (fits(p) < p.length) {
        let cut = fits(p);
        while (cut < p.length && '，。、；：”）％'.includes(p[cut]!)) cut++;
        lines.push(p.slice(0, cut));
        p = p.slice(cut);
      }
      lines.push(p);
    }
    const out: string[] = [];
    lines.forEach((l, i) => {
      out.push(l);
      if ((i + 1) % page === 0) out.push('', `— ${(i + 1) / page} —`, '');
    });
    return out.join('\n') + '\n';
  };
  const plan = [
    '一、抓好春耕生产',
    '（一）落实种植面积',
    '1.稳定水稻种植面积，推广机插秧和统防统治，全面完成县下达的粮食播种任务。',
    '2.建设高标准农田2000亩，同步配套灌溉渠系，确保当年建成当年见效。',
    '（二）做好农资保障',
    '组织供销社提前储备化肥、种子和农药，开展农资打假专项行动，保障农民用上放心农资，稳定农资价格。',
    '二、改善人居环境',
    '（一）治理生活污水，建设集中式污水处理站3座，配套管网12公里，实现镇区污水应收尽收。',
    '（二）完善垃圾收运体系',
  ];
  const cases: [string, string, string[]][] = [
    [
      'one-sentence items wrapped over two or three lines (one across a page number) keep their whole sentence as title',
      pdf(plan),
      [
        '1:一、抓好春耕生产',
        '2:（一）落实种植面积',
        '3:1.稳定水稻种植面积，推广机插秧和统防统治，全面完成县下达的粮食播种任务',
        '3:2.建设高标准农田2000亩，同步配套灌溉渠系，确保当年建成当年见效',
        '2:（二）做好农资保障',
        '1:二、改善人居环境',
        '2:（一）治理生活污水，建设集中式污水处理站3座，配套管网12公里，实现镇区污水应收尽收',
        '2:（二）完善垃圾收运体系',
      ],
    ],
    [
      'a run-in title sentence wrapped before its 。 ends there, the body runs on',
      pdf(['一、推进重点项目', '1.抓好项目谋划储备工作。围绕产业发展和基础设施谋划项目，建立项目库并动态更新。', '2.优化营商环境。'], 10, 100),
      ['1:一、推进重点项目', '3:1.抓好项目谋划储备工作', '3:2.优化营商环境'],
    ],
  ];
  for (const [what, text, expected] of cases) it(what, () => expect(outline(text)).toEqual(expected));

  it('a page number is no paragraph: a sentence broken across it is one', () => {
    const text = pdf(['一、工作要求', '各村要在五月底前完成农村公路隐患排查，建立问题清单，逐项明确整改责任人和整改时限，按期销号。'], 20, 3);
    expect(text).toContain('— 1 —');
    const { plan: p } = analyze(text);
    expect(p.allSections[0]!.body.map((b) => b.text)).toEqual(['各村要在五月底前完成农村公路隐患排查，建立问题清单，逐项明确整改责任人和整改时限，按期销号。']);
  });

  it('a long heading line of a text that kept its paragraphs does not swallow the next line', () => {
    const text = [
      '一、总体要求',
      '全面贯彻落实县委县政府决策部署，统筹推进各项工作，确保全年目标任务圆满完成，为全县高质量发展作出积极贡献。',
      '（一）坚持稳中求进工作总基调推动全镇经济社会持续健康发展',
      '坚持以人民为中心，着力保障和改善民生。',
      '',
    ].join('\n');
    expect(outline(text)).toEqual(['1:一、总体要求', '2:（一）坚持稳中求进工作总基调推动全镇经济社会持续健康发展']);
  });
});

describe('text from a printed page: running heads and paragraphs marked by indentation', () => {
  const I = '\u3000\u3000';
  const body = (text: string) =>
    analyze(text)
      .plan.blocks.filter((b) => b.kind === 'paragraph')
      .map((b) => b.text);
  it('a running head beside each page number is no paragraph: a sentence broken across it stays one', () => {
    const text = [
      `${I}${I}松林镇2027年安全生产工作要点`,
      '',
      `${I}一、压实安全责任`,
      `${I}全面落实党政同责、一岗双责，镇村两级签订安全生产责任书，`,
      '',
      '— 1 —',
      '松林镇2027年安全生产工作要点',
      '',
      '做到横向到边、纵向到底。',
      `${I}二、开展隐患排查`,
      `${I}每季度组织一次全覆盖检查，对发现的隐患建立台账，限期`,
      '',
      '— 2 —',
      '松林镇2027年安全生产工作要点',
      '',
      '整改销号。',
      '',
    ].join('\n');
    expect(body(text)).toEqual([
      '全面落实党政同责、一岗双责，镇村两级签订安全生产责任书，做到横向到边、纵向到底。',
      '每季度组织一次全覆盖检查，对发现的隐患建立台账，限期整改销号。',
    ]);
  });
  it('a line beside a page number that the text does not repeat stays text', () => {
    const text = ['一、压实安全责任', '全面落实党政同责、一岗双责，签订安全生产责任书', '', '— 1 —', '', '做到横向到边、纵向到底。', ''].join('\n');
    expect(body(text)).toEqual(['全面落实党政同责、一岗双责，签订安全生产责任书做到横向到边、纵向到底。']);
  });
  const cases: [string, string[], string[]][] = [
    [
      'a short heading broken by a soft line break, in a text whose paragraphs start indented: one title',
      [
        `${I}一、健全防汛责任`,
        '体系',
        `${I}（一）落实行政首长负责制。各村明确防汛责任人。`,
        `${I}（二）完善应急预案。修订镇级防汛应急预案，`,
        '组织开展演练2次。',
        `${I}二、加强物资储备`,
        `${I}储备编织袋5000条、救生衣200件。`,
        `${I}各村设立物资储备点，`,
        '明确专人管理。',
        `${I}三、做好值班值守`,
        `${I}汛期实行24小时值班。`,
      ],
      ['1:一、健全防汛责任体系', '2:（一）落实行政首长负责制', '2:（二）完善应急预案', '1:二、加强物资储备', '1:三、做好值班值守'],
    ],
    [
      'a text that indents no paragraph: the short line after a heading is its own paragraph',
      [
        '一、健全防汛责任',
        '工作目标',
        '（一）落实行政首长负责制。各村明确防汛责任人。',
        '（二）完善应急预案。修订镇级防汛应急预案。',
        '二、加强物资储备',
        '储备编织袋5000条、救生衣200件。',
      ],
      ['1:一、健全防汛责任', '2:（一）落实行政首长负责制', '2:（二）完善应急预案', '1:二、加强物资储备'],
    ],
  ];
  for (const [what, lines, expected] of cases) it(what, () => expect(outline(lines.join('\n') + '\n')).toEqual(expected));
});

describe('a numbering slip at a heading that lost its line break', () => {
  const lead = '全年工作的总体要求是：稳中求进，做好各项工作。';
  const cases: [string, string, string[], number[]][] = [
    [
      'a duplicated （二） followed by （四）: a heading standing for （三）',
      `${lead}一、甲项工作（一）推进甲。做好甲。（二）推进乙。做好乙。（二）推进丙。做好丙。（四）推进丁。做好丁。二、乙项工作（一）推进戊。做好戊。`,
      ['1:一、甲项工作', '2:（一）推进甲', '2:（二）推进乙', '2:（二）推进丙', '2:（四）推进丁', '1:二、乙项工作', '2:（一）推进戊'],
      [3],
    ],
    [
      'a duplicate the numbering goes on from stays text (a miss rather than a false heading), as does a list inside an item',
      `${lead}一、甲项工作（一）推进甲。做好甲。（二）推进乙。做好乙。（二）推进丙。做好丙。（三）推进丁。重点检查：（一）资质；（二）质量；（三）安全。（四）推进戊。做好戊。`,
      ['1:一、甲项工作', '2:（一）推进甲', '2:（二）推进乙', '2:（三）推进丁', '2:（四）推进戊'],
      [],
    ],
    [
      'a skipped 三、 confirmed by the child glued to its title, and by 五、 after it: one finding',
      `${lead}一、甲项工作（一）推进甲。做好甲。二、乙项工作（一）推进乙。做好乙。四、丁项工作（一）推进丁。做好丁。五、戊项工作（一）推进戊。做好戊。`,
      ['1:一、甲项工作', '2:（一）推进甲', '1:二、乙项工作', '2:（一）推进乙', '1:四、丁项工作', '2:（一）推进丁', '1:五、戊项工作', '2:（一）推进戊'],
      [4],
    ],
    [
      'numbers off the sequence without a confirmation stay text',
      `${lead}一、甲项工作（一）推进甲。做好甲。三、四月份开展检查。（一）类项目另行安排。二、乙项工作（一）推进乙。做好乙。`,
      ['1:一、甲项工作', '2:（一）推进甲', '1:二、乙项工作', '2:（一）推进乙'],
      [],
    ],
  ];
  for (const [what, text, expected, slips] of cases)
    it(what, () => {
      expect(outline(text)).toEqual(expected);
      const at = analyze(text).plan.allSections.map((s) => s.token.start);
      expect(only(text, 'numbering/sequence').map((f) => at.indexOf(f.range.start.character))).toEqual(slips);
    });
  it('an item past a recovered heading that follows on from the slip before it is not a second slip', () => {
    const text = '一、甲项工作\n二、乙项工作\n四、丁项工作。做好丁。五、戊项工作。做好戊。\n';
    expect(outline(text)).toEqual(['1:一、甲项工作', '1:二、乙项工作', '1:四、丁项工作', '1:五、戊项工作']);
    expect(only(text, 'numbering/sequence').map((f) => [f.range.start.line, f.range.start.character])).toEqual([[2, 0]]);
  });
});

describe('Markdown heading depths', () => {
  it('a heading at a depth the document gives one level sits at that level, whatever its marker', () => {
    const text =
      '# 方案\n\n## 一、总体要求\n\n### （一）指导思想\n\n### （二）工作目标\n\n## 二、重点任务\n\n### （一）完善机制\n\n### （二）推进建设\n\n### 3.深化改革\n\n### （四）加强监管\n';
    expect(outline(text)).toEqual([
      '1:一、总体要求',
      '2:（一）指导思想',
      '2:（二）工作目标',
      '1:二、重点任务',
      '2:（一）完善机制',
      '2:（二）推进建设',
      '2:3.深化改革',
      '2:（四）加强监管',
    ]);
    // the wrong marker is the finding, not a “missing （三）” at （四）
    expect(only(text, 'numbering/sequence')).toEqual([]);
    expect(only(text, 'numbering/level').map((f) => f.range.start.line)).toEqual([14]);
  });
});
