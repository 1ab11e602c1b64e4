/**
 * `planlint requirements extract`: drafting a set from a superior document. On seed 004 it must
 * recover the ten tasks 一要…十要 and the 2021 targets; the draft must itself be a valid set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parsePlan } from '../server/src/core/parse.js';
import { extractRequirementSet } from '../server/src/core/requirements/extract.js';
import { parseRequirementSet, resolveRequirementSets } from '../server/src/node/requirements.js';
import { readSeed, repoRoot } from './helpers.js';

describe('extract from seed 004 (河南省 2021 全省卫生健康工作会)', () => {
  const set = extractRequirementSet(parsePlan(readSeed('004')), { document: 'seeds/004.txt', name: 'henan-draft' });
  const bundled = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets[0]!;

  it('recovers the ten tasks with the curated titles and lines', () => {
    expect(set.themes).toHaveLength(10);
    expect(set.themes.map((t) => t.title)).toEqual(bundled.themes.map((t) => t.title));
    expect(set.themes.map((t) => t.source?.line)).toEqual(bundled.themes.map((t) => t.source?.line));
    expect(set.themes.map((t) => t.source?.quote)).toEqual(bundled.themes.map((t) => t.source?.quote));
    // quoted terms become keywords
    expect(set.themes[6]!.keywords).toContain('一老一小');
    expect(set.themes[9]!.keywords).toEqual(expect.arrayContaining(['十四五', '放管服']));
    // the last task runs past the page-column break to its full stop
    expect(set.themes[9]!.text).toMatch(/加强干部保健工作。$/);
  });

  it('reads the meeting year from the headline, not the figures of 2020', () => {
    expect(set.year).toBe(2021);
    expect(set.level).toBe('省');
    expect(set.title).toBe('2021年全省卫生健康工作会召开');
  });

  it('recovers the 2021 targets, each with its source line', () => {
    const find = (value: number, unit: string, line: number) => set.targets.find((t) => t.value === value && t.unit === unit && t.source?.line === line);
    expect(find(90, '%', 319)).toMatchObject({ name: '适龄儿童免疫规划疫苗接种率', op: 'ge', qualifier: '以上', year: 2021 });
    expect(find(40, '%', 328)).toMatchObject({ op: 'approx', qualifier: '左右', year: 2021 });
    expect(find(40, '%', 328)!.name).toContain('建设成效监测指标达到优良标准');
    expect(find(50, '%', 331)).toMatchObject({ name: '村卫生室承担的基本公共卫生服务任务', op: 'ge', year: 2021 });
    expect(find(30, '所', 352)).toMatchObject({ op: 'increase', year: 2021 });
    expect(find(30, '所', 352)!.name).toContain('县级医院');
    expect(find(600, '所', 357)).toMatchObject({ op: 'increase', year: 2021 });
    expect(find(70, '%', 359)).toMatchObject({ name: '公有产权村卫生室比例', op: 'ge', year: 2021 });
    expect(find(2000, '名', 270)).toMatchObject({ op: 'increase', year: 2021, theme: 'task-09' });
    // stated twice on the page (task 九要 and its elaboration): kept once
    expect(set.targets.filter((t) => t.value === 2000)).toHaveLength(1);
  });

  it('recovers the 2025 targets as 2025 targets', () => {
    const y2025 = set.targets.filter((t) => t.year === 2025).map((t) => [t.value, t.unit]);
    expect(y2025).toEqual(
      expect.arrayContaining([
        [1, '岁'],
        [4.2, '‰'],
        [5.3, '‰'],
        [9.5, '/10万'],
        [7.7, '张'],
        [3.6, '人'],
        [4.3, '人'],
        [4, '个'],
      ]),
    );
  });

  it('does not take the 2020 achievements of the figure captions for targets', () => {
    // 98.3% cure rate, 74.2 亿元 invested, 98.73% immunisation in 2020, 52.25% → 92.73% reimbursement
    for (const v of [98.3, 74.2, 98.73, 52.25, 92.73, 123, 9436, 165])
      expect(
        set.targets.filter((t) => t.value === v),
        String(v),
      ).toEqual([]);
    // “办结时限比法定办结时限缩短 71.45%” reports 2020's 放管服 result (line 102)
    expect(set.targets.filter((t) => t.value === 71.45)).toEqual([]);
    // “50个先进集体、150名先进工作者受表彰” is news, not a target
    expect(set.targets.filter((t) => t.name.includes('先进'))).toEqual([]);
  });

  it('drafts a set that the loader accepts (YAML round trip)', () => {
    const r = parseRequirementSet(stringify(set), { file: 'draft.yaml', name: 'draft' });
    expect(r.problems).toEqual([]);
    expect(r.set!.themes).toHaveLength(10);
  });
});

describe('extract from a plan with numbered headings', () => {
  it('takes the level-1 headings of seed 000 as themes', () => {
    const set = extractRequirementSet(parsePlan(readSeed('000')));
    expect(set.themes.map((t) => t.title)).toEqual([
      '坚决打赢常态化疫情防控持久战',
      '加快推进公共卫生体系建设',
      '深化健康卫东建设',
      '持续深化医药卫生体制改革',
      '加强医疗卫生机构管理',
      '推进中医药传承创新发展',
      '扎实做好“一老一小”照护服务和妇幼健康工作',
      '持续提升行业治理能力',
      '发挥党建引领作用',
      '协调推进其他卫生健康工作',
    ]);
    expect(set.themes[0]!.source).toMatchObject({ line: 17, quote: '一、坚决打赢常态化疫情防控持久战' });
    expect(set.year).toBe(2021);
    expect(set.targets.find((t) => t.name === '适龄儿童免疫规划疫苗接种率')).toMatchObject({ value: 90, source: { line: 144 } });
  });
});

describe('extract from a summary-and-plan document', () => {
  it('takes seed 002’s 2021 part: its seven （一）… headings and its 2021 targets, not the 2020 summary', () => {
    const plan = parsePlan(readSeed('002'));
    const set = extractRequirementSet(plan);
    expect(set.year).toBe(2021);
    expect(set.themes.map((t) => t.title)).toEqual([
      '全面实施“健康开封行动”',
      '持续深化医药卫生体制改革',
      '推动医疗卫生体系更加健全',
      '促进健康服务水平不断提高',
      '加强卫生人才队伍建设',
      '推进中医药传承创新发展',
      '不断强化自身素质建设',
    ]);
    const summaryEnd = plan.sections[0]!.end;
    const lineOf = (o: number) => plan.index.positionAt(o).line + 1;
    for (const t of set.targets) expect(t.source!.line!, t.name).toBeGreaterThan(lineOf(summaryEnd));
    // 县域就诊率达到 90% (二（二）一是) is one of them
    expect(set.targets.find((t) => t.value === 90 && t.unit === '%')).toBeDefined();
  });
});

/**
 * Issue 15, extraction from any superior text. A provincial agriculture plan sent out by a 通知 (a
 * text written for the test in the shape of such plans: the cover line without book-title marks,
 * the main targets in the paragraph before 一、), and the fiscal and tax parameters of the national
 * 2021 and 2023 reports (test/corpus 04, 05).
 */
describe('extract from any superior text (issue 15)', () => {
  const agri = [
    '河南省人民政府办公厅关于印发2021年河南省农业农村工作要点的通知',
    '各省辖市人民政府，济源示范区管委会，省人民政府各部门：',
    '现将《2021年河南省农业农村工作要点》印发给你们，请认真贯彻落实。',
    '2021年河南省农业农村工作要点',
    '2021年全省农业农村工作的主要目标是：粮食播种面积稳定在1.6亿亩以上，粮食产量稳定在1300亿斤以上，农产品质量安全例行监测总体合格率稳定在98%以上，农村居民人均可支配收入增长7%左右。',
    '一、稳定粮食生产',
    '全面落实粮食安全党政同责，主要农作物耕种收综合机械化率达到86%。',
    '二、推进农业产业化',
    '培育农业产业化龙头企业，农产品加工转化率达到70%。',
    '三、加强农村基础设施建设',
    '农村自来水普及率达到91%。',
    '四、强化要素保障',
    '今年安排省级衔接推进乡村振兴补助资金90亿元，比上年年初预算增加18亿元。',
  ].join('\n\n');
  const set = extractRequirementSet(parsePlan(agri));

  it('bug: takes the title the 通知 cover line quotes, not the cover line (with or without 《》)', () => {
    expect(set.title).toBe('2021年河南省农业农村工作要点');
    expect(extractRequirementSet(parsePlan(readSeed('003'))).title).toBe('2021年鼓楼区卫生健康工作要点');
  });

  it('bug: keeps the targets of the 主要目标 paragraph before 一、 (98% 合格率), with binds inferred', () => {
    const goals = set.targets.filter((t) => t.source?.line === 9).map((t) => [t.name, t.comparator, t.value, t.unit, t.binds]);
    expect(goals).toEqual([
      ['粮食播种面积', '稳定在', 1.6, '亿亩', 'same-level'],
      ['粮食产量', '稳定在', 1300, '亿斤', 'same-level'],
      ['农产品质量安全例行监测总体合格率', '稳定在', 98, '%', 'all'],
      ['农村居民人均可支配收入', '增长', 7, '%', 'all'],
    ]);
    // the tasks' own targets still come from the sections; the themes are the four tasks
    expect(set.targets.map((t) => t.value)).toEqual(expect.arrayContaining([86, 70, 91]));
    expect(set.themes.map((t) => t.title)).toEqual(['稳定粮食生产', '推进农业产业化', '加强农村基础设施建设', '强化要素保障']);
  });

  it('bug: an arranged budget and its increase (比上年年初预算增加18亿元) are parameters, not targets', () => {
    expect(set.targets.filter((t) => t.unit === '亿元' || /资金|预算/.test(t.name))).toEqual([]);
  });

  it('bug: the national 2021 report’s 赤字率拟按3.2%左右安排, 财政资金 and tax parameters are not targets; its main targets are', () => {
    const s = extractRequirementSet(parsePlan(readFileSync(join(repoRoot, 'test/corpus/04-national-2021-govreport.txt'), 'utf8')));
    const quotes = s.targets.map((t) => `${t.name} ${t.source?.quote ?? ''}`);
    for (const q of quotes) expect(q).not.toMatch(/赤字|财政资金|起征点|应纳税所得额|加计扣除|税率/);
    expect(s.targets.some((t) => t.value === 3.2)).toBe(false);
    expect(s.targets.some((t) => t.value === 2.8 && t.unit === '万亿元')).toBe(false);
    const main = (name: string) => s.targets.find((t) => t.name === name && t.year === 2021);
    expect(main('城镇调查失业率')).toMatchObject({ value: 5.5, unit: '%', binds: 'all' });
    expect(main('居民消费价格涨幅')).toMatchObject({ value: 3, unit: '%' });
    expect(main('单位国内生产总值能耗')).toMatchObject({ value: 3, unit: '%', binds: 'all' });
  });

  it('bug: the national 2023 report’s 赤字率拟按3%安排 is not a target', () => {
    const s = extractRequirementSet(parsePlan(readFileSync(join(repoRoot, 'test/corpus/05-national-2023-govreport.txt'), 'utf8')));
    expect(s.targets.filter((t) => /赤字/.test(`${t.name}${t.source?.quote ?? ''}`))).toEqual([]);
    expect(s.targets.map((t) => t.name)).toEqual(['国内生产总值', '城镇新增就业', '城镇调查失业率', '居民消费价格涨幅', '粮食产量']);
  });
});
