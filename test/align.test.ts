/**
 * Alignment of drafts with the bundled 河南省 2021 requirement set (seed 004), pinned on the seeds:
 * 000 (卫东区 2021, the Henan district plan), 002 (开封市 2020 summary + 2021 plan), 001 (安徽, no
 * Henan set declared), and altered copies that carry the defects the rules exist for.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { applyFixes } from '../server/src/core/fix.js';
import { alignPlan, compareTarget, explainTheme, type AlignmentResult } from '../server/src/core/align/index.js';
import { parsePlan } from '../server/src/core/parse.js';
import { createSession } from '../server/src/core/session.js';
import { extractRequirementSet } from '../server/src/core/requirements/extract.js';
import type { RequirementSet } from '../server/src/core/requirements/types.js';
import { parseRequirementSet, resolveRequirementSets } from '../server/src/node/requirements.js';
import { readSeed, repoRoot } from './helpers.js';

const henan: RequirementSet = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets[0]!;

function align(text: string): AlignmentResult {
  return alignPlan(parsePlan(text), [henan]);
}

function mapping(r: AlignmentResult): Record<string, string[]> {
  return Object.fromEntries(r.themes.map((t) => [t.theme.id, t.matches.map((m) => m.section.number)]));
}

/**
 * Findings of the theme and target rules (the pinned results). alignment/superior-wording, added by
 * issue 15, is tested apart: on seed 000 it reports line 119's 持续提升全省居民健康素养水平 (a district
 * plan keeping the province's wording), see the test below.
 */
const PINNED_RULES = new Set(['alignment/missing-theme', 'alignment/missing-target', 'alignment/weaker-target']);
function alignmentFindings(text: string, sets: readonly RequirementSet[] = [henan]) {
  return analyze(text, { requirements: sets }).findings.filter((f) => PINNED_RULES.has(f.ruleId));
}

describe('seed 000 (卫东区 2021) against henan-2021', () => {
  const text = readSeed('000');
  const r = align(text);

  /**
   * The mapping a careful reader picks, from reading seed 000 against the ten tasks of seed 004
   * (lines 221–286). `required`: sections that answer the task; `acceptable`: sections a reader
   * could also name, which the engine may report (weakly) without being wrong. Any other section
   * is a wrong match.
   *  一要 疫情防控 → 一、坚决打赢常态化疫情防控持久战. 二's item 6 “重大疫情防控救治体系” is acceptable.
   *  二要 公共卫生体系 (疾控, 应急, 重大疾病防控, 职业健康, 食品安全) → 二、加快推进公共卫生体系建设, and
   *       三、 whose items 9 (传染病、慢性病、地方病 and the immunisation target), 10 (职业健康) and 11
   *       (食品安全风险监测) are exactly the rest of 二要.
   *  三要 健康中原行动 (健康促进“两建三融四行动”, 爱国卫生, 厕所革命, 健康细胞) → 三、深化健康卫东建设 (items 8, 12).
   *  四要 医改 (公立医院改革, 医共体, 基层薪酬, 药品耗材) → 四、持续深化医药卫生体制改革. 二's item 7
   *       (家庭医生签约服务) is acceptable.
   *  五要 医疗服务能力 → 五、加强医疗卫生机构管理 (item 19 提高医疗服务能力, 17–18 医疗行为和质量); 三's
   *       item 13 (提升基层医疗卫生服务能力) is acceptable.
   *  六要 中医药 → 六、推进中医药传承创新发展.
   *  七要 “一老一小”和妇幼 → 七、扎实做好“一老一小”照护服务和妇幼健康工作; 十's 计划生育 items acceptable.
   *  八要 法治和行业监管 (公立医院运行管理, 行业作风, 安全风险, 医闹) → 五、 (items 20 严格行业监管, 21
   *       管控安全风险 … 依法打击医闹和伤医事件) and 八、 (item 29 强化法治建设); 四's item 14 (院内医保基金
   *       使用监管) acceptable.
   *  九要 人才培养与合作交流 → no section of its own; 五's item 19 (人才队伍建设, 全科医生, 369人才工程,
   *       订单定向) answers it; 六's item 24 (中医药人才队伍) acceptable.
   *  十要 其他重点工作 (十四五规划编制, 放管服, 宣传 with 建党100周年, 干部保健) → 八、 (items 28, 30) and
   *       九、 (item 32 以庆祝建党100周年为主线，做好重大主题宣传 …).
   *  十、协调推进其他卫生健康工作 (计生奖扶, 计生协会, 红十字会, 药具, 提案办理) answers none of the ten.
   */
  const expected: Record<string, { required: string[]; acceptable: string[] }> = {
    'epidemic-prevention': { required: ['一'], acceptable: ['二'] },
    'public-health-system': { required: ['二', '三'], acceptable: [] },
    'healthy-central-plains': { required: ['三'], acceptable: [] },
    'health-reform': { required: ['四'], acceptable: ['二'] },
    'medical-service-capacity': { required: ['五'], acceptable: ['三'] },
    tcm: { required: ['六'], acceptable: [] },
    'elderly-children-maternal': { required: ['七'], acceptable: ['十'] },
    'rule-of-law-supervision': { required: ['五', '八'], acceptable: ['四'] },
    'talent-cooperation': { required: ['五'], acceptable: ['六'] },
    'other-key-work': { required: ['八', '九'], acceptable: [] },
  };

  it('reviews the whole draft as the plan (no summary part)', () => {
    expect(r.planPart.sections.map((s) => s.number)).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    expect(r.planPart.excluded).toEqual([]);
    expect(r.planPart.year).toBe(2021);
  });

  it('maps every one of the ten tasks to the sections a careful reader picks', () => {
    const got = mapping(r);
    for (const [id, { required, acceptable }] of Object.entries(expected)) {
      const sections = got[id]!;
      for (const s of required) expect(sections, `${id} should map to ${s}`).toContain(s);
      for (const s of sections) expect([...required, ...acceptable], `${id} should not map to ${s}`).toContain(s);
      // the best match is a required one
      expect(required, id).toContain(sections[0]);
    }
  });

  it('with a set drafted from seed 004 (no curated keywords) still maps the tasks to those sections', () => {
    // generality check: the similarity alone, on the superior's task wording, finds the same sections
    const drafted = extractRequirementSet(parsePlan(readSeed('004')), { name: 'drafted' });
    const ids = Object.keys(expected);
    const got = alignPlan(parsePlan(text), [drafted]);
    let answered = 0;
    got.themes.forEach((t, i) => {
      const { required, acceptable } = expected[ids[i]!]!;
      if (t.matches.length) answered++;
      for (const m of t.matches) expect([...required, ...acceptable], `${t.theme.title} → ${m.section.number}`).toContain(m.section.number);
      if (t.matches.length) expect(required, t.theme.title).toContain(t.matches[0]!.section.number);
    });
    expect(answered).toBeGreaterThanOrEqual(8);
  });

  it('reports every task answered, and 十、 as the one section answering none', () => {
    for (const t of r.themes) expect(t.status, t.theme.id).not.toBe('missing');
    expect(r.themes.filter((t) => t.status === 'covered').length).toBeGreaterThanOrEqual(9);
    expect(r.coverage).toBeGreaterThanOrEqual(0.95);
    expect(r.unmatchedSections.map((s) => s.number)).toEqual(['十']);
  });

  it('explains every match with shared terms from both texts', () => {
    const flat = text.replace(/[\s\u3000]+/g, '');
    const session = createSession();
    const plan = parsePlan(text, {}, session);
    const r = alignPlan(plan, [henan], { session });
    const why = (t: AlignmentResult['themes'][number]) => explainTheme(plan, [henan], t, { session });
    for (const t of r.themes) {
      for (const [mi, m] of t.matches.entries()) {
        const explained = why(t)[mi]!;
        expect(explained.terms.length, `${t.theme.id} → ${m.section.number}`).toBeGreaterThan(0);
        for (const [ei, e] of m.evidence.entries()) {
          const sectionText = text
            .slice(e.span.start, e.span.end)
            .replace(/[\s\u3000]+/g, '')
            .replace(/[“”‘’"'《》]/g, '');
          const superior = [t.theme.title, t.theme.text ?? '', ...t.theme.keywords, ...(t.theme.synonyms ?? [])].join('|');
          for (const term of explained.evidence[ei]!.terms) {
            expect(sectionText, term).toContain(term);
            expect(superior, term).toContain(term);
          }
        }
      }
    }
    // one explanation pinned: 一要 ↔ 一、 share the wording of the epidemic strategy
    const epi = why(r.themes.find((t) => t.theme.id === 'epidemic-prevention')!)[0]!;
    expect(epi.terms).toEqual(expect.arrayContaining(['外防输入', '内防反弹', '应检尽检']));
    expect(flat).toContain('外防输入、内防反弹');
  });

  it('finds and meets the three 2021 targets where 000 states them', () => {
    const byId = Object.fromEntries(r.targets.map((t) => [t.target.id, t]));
    const plan = parsePlan(text);
    const line = (id: string) => plan.index.positionAt(byId[id]!.indicator!.start).line + 1;
    // 000 line 144: 适龄儿童免疫规划疫苗接种率达到 90%以上 (superior: 保持在90%以上)
    expect(byId['immunization-rate']).toMatchObject({ status: 'met', applies: true, problems: [] });
    expect(line('immunization-rate')).toBe(144);
    // 000 line 268: 公有产权村卫生室比例达到 70%以上 (superior: 达到70%)
    expect(byId['public-village-clinic-share']).toMatchObject({ status: 'met', problems: [] });
    expect(line('public-village-clinic-share')).toBe(268);
    // 000 lines 232–234: 将村卫生室承担的基本公共卫生服务任务提高到 50% (superior: 提高到50%)
    expect(byId['village-clinic-public-health-share']).toMatchObject({ status: 'met', problems: [] });
    expect(line('village-clinic-public-health-share')).toBe(232);
  });

  it('does not ask a district plan for provincial totals or for 2025 targets', () => {
    const byId = Object.fromEntries(r.targets.map((t) => [t.target.id, t]));
    expect(byId['county-hospitals-tertiary']!.status).toBe('not-applicable'); // 再有30所县级医院
    expect(byId['county-medical-community-excellent']!.status).toBe('not-applicable'); // 40%左右的县（市）
    expect(byId['infant-mortality-2025']!.status).toBe('not-applicable');
    expect(alignmentFindings(text)).toEqual([]);
  });

  it('alignment/superior-wording reports the one sentence that keeps the province’s wording (line 119)', () => {
    const plan = parsePlan(text);
    const f = analyze(text, { requirements: [henan] }).findings.filter((x) => x.ruleId === 'alignment/superior-wording');
    expect(f.map((x) => [plan.index.positionAt(x.start).line + 1, text.slice(x.start, x.end)])).toEqual([[119, '全省']]);
    // line 5 落实全省、全市卫生健康大会 refers to the province's meeting: not reported
  });

  it('is deterministic and memoised per plan (in the session)', () => {
    const session = createSession();
    const plan = parsePlan(text, {}, session);
    const a = alignPlan(plan, [henan], { session });
    expect(alignPlan(plan, [henan], { session })).toBe(a);
    // another session computes its own, equal result
    expect(alignPlan(plan, [henan], { session: createSession() })).not.toBe(a);
    expect(alignPlan(plan, [henan], { session: createSession() })).toEqual(a);
    expect(JSON.stringify(alignPlan(parsePlan(text), [henan]))).toBe(JSON.stringify(a));
  });
});

describe('altered copies of seed 000', () => {
  const text = readSeed('000');

  it('接种率达到 85%以上 is a weaker target, reported on the indicator', () => {
    const altered = text.replace('疫苗接种率达到 90%以上', '疫苗接种率达到 85%以上');
    expect(altered).not.toBe(text);
    const findings = alignmentFindings(altered);
    expect(findings.map((f) => f.ruleId)).toEqual(['alignment/weaker-target']);
    const f = findings[0]!;
    expect(f.range.start.line).toBe(143); // zero-based: line 144 of the seed
    expect(altered.slice(f.start, f.end)).toContain('85%以上');
    expect(f.message.zh).toContain('85');
    expect(f.message.zh).toContain('90');
    expect(f.message.zh).toContain('第319行');
    expect(f.data).toMatchObject({ targetId: 'immunization-rate', problems: ['value'] });
    // the offered fix restores the superior's value and touches nothing else
    const fixed = altered.slice(0, f.fix!.edits[0]!.start) + f.fix!.edits[0]!.newText + altered.slice(f.fix!.edits[0]!.end);
    expect(fixed).toBe(text);
    expect(f.fix!.safe).toBe(false);
  });

  it('接种率 90%左右 is weaker (a looser comparator), 95%以上 is stronger', () => {
    const loose = align(text.replace('疫苗接种率达到 90%以上', '疫苗接种率达到 90%左右'));
    expect(loose.targets.find((t) => t.target.id === 'immunization-rate')).toMatchObject({ status: 'weaker', problems: ['comparator'] });
    const strict = align(text.replace('疫苗接种率达到 90%以上', '疫苗接种率达到 95%以上'));
    expect(strict.targets.find((t) => t.target.id === 'immunization-rate')).toMatchObject({ status: 'stronger', problems: [] });
  });

  it('a different rate that shares words (新冠病毒疫苗接种率) is not taken for the target', () => {
    const altered = text.replace('全力推进新冠病毒疫苗接种。', '新冠病毒疫苗接种率达到 80%以上。');
    expect(altered).not.toBe(text);
    const r = align(altered);
    const t = r.targets.find((x) => x.target.id === 'immunization-rate')!;
    expect(t.status).toBe('met');
    expect(t.indicator!.name).toBe('适龄儿童免疫规划疫苗接种率');
    expect(alignmentFindings(altered)).toEqual([]);
  });

  it('a later deadline for the immunisation target is weaker', () => {
    const late = align(text.replace('适龄儿童免疫规划疫苗接种率达到 90%以上', '到2022年底，适龄儿童免疫规划疫苗接种率达到 90%以上'));
    const t = late.targets.find((x) => x.target.id === 'immunization-rate')!;
    expect(t.indicator?.deadline).toBeDefined();
    expect(t).toMatchObject({ status: 'weaker', problems: ['deadline'] });
  });

  it('a missing target is reported where the theme is answered', () => {
    const altered = text.replace('实施扩大国家免疫规\n\n划工作，适龄儿童免疫规划疫苗接种率达到 90%以上。', '实施扩大国家免疫规\n\n划工作。');
    expect(altered).not.toBe(text);
    const findings = alignmentFindings(altered);
    expect(findings.map((f) => [f.ruleId, f.data?.['targetId']])).toEqual([['alignment/missing-target', 'immunization-rate']]);
    // on the heading of 二、加快推进公共卫生体系建设, the best answer to the target's theme
    expect(findings[0]!.range.start.line).toBe(65);
    expect(findings[0]!.message.zh).toContain('适龄儿童免疫规划疫苗接种率');
  });

  it('a missing task is reported on the first line, naming it and its source, with a skeleton fix', () => {
    // drop 六、推进中医药传承创新发展 (lines 312–342) and every later mention of 中医
    const lines = text.split('\n');
    const without = [...lines.slice(0, 311), ...lines.slice(343)].join('\n').replace(/中医药?|中药/g, '');
    const findings = alignmentFindings(without);
    const missing = findings.filter((f) => f.ruleId === 'alignment/missing-theme');
    expect(missing.map((f) => f.data?.['themeId'])).toEqual(['tcm']);
    const f = missing[0]!;
    expect(f.range.start.line).toBe(0);
    expect(without.slice(f.start, f.end).trim()).toBe('2021 年全区卫生健康重点工作安排');
    expect(f.message.zh).toContain('持续加快中医药传承创新发展');
    expect(f.message.zh).toContain('第258行');
    // the fix inserts a numbered skeleton section quoting the superior, and changes nothing else
    const edit = f.fix!.edits[0]!;
    expect(edit.start).toBe(edit.end);
    // numbered after the draft's last level-1 section (十、), at the end of the plan
    expect(edit.newText).toContain('十一、持续加快中医药传承创新发展');
    expect(edit.start).toBe(without.trimEnd().length);
    expect(edit.newText).toContain('“六要持续加快中医药传承创新发展”');
    const fixed = without.slice(0, edit.start) + edit.newText + without.slice(edit.end);
    expect(fixed.slice(0, edit.start)).toBe(without.slice(0, edit.start));
    expect(fixed.slice(edit.start + edit.newText.length)).toBe(without.slice(edit.start));
    // after the fix the task is no longer missing
    expect(alignmentFindings(fixed).filter((x) => x.ruleId === 'alignment/missing-theme')).toEqual([]);
  });

  it('front matter anchors document-level findings on its requirements entry', () => {
    const lines = text.split('\n');
    const without = [...lines.slice(0, 311), ...lines.slice(343)].join('\n').replace(/中医药?|中药/g, '');
    const fm = '---\ntitle: 2021年全区卫生健康重点工作安排\nrequirements: [henan-2021]\n---\n';
    const f = alignmentFindings(fm + without).find((x) => x.ruleId === 'alignment/missing-theme')!;
    expect(f.range.start).toEqual({ line: 2, character: 0 });
    expect((fm + without).slice(f.start, f.end)).toBe('requirements: [henan-2021]');
  });

  it('applying every fix (fix-all) leaves the draft with no missing task', () => {
    const lines = text.split('\n');
    const without = [...lines.slice(0, 311), ...lines.slice(343)].join('\n').replace(/中医药?|中药/g, '');
    const run = (t: string) => analyze(t, { requirements: [henan] }).findings.map((f) => (f.fix ? { ...f, fix: { ...f.fix, safe: true } } : f));
    const out = applyFixes(without, run);
    expect(out.text).toContain('持续加快中医药传承创新发展');
    expect(alignmentFindings(out.text).filter((x) => x.ruleId === 'alignment/missing-theme')).toEqual([]);
  });
});

describe('seed 002 (开封市 2020 总结暨 2021 计划)', () => {
  const text = readSeed('002');
  const r = align(text);

  it('reviews its 2021 part (二、) as the plan, not its 2020 summary (一、)', () => {
    expect(r.planPart.year).toBe(2021);
    expect(r.planPart.level).toBe('市');
    expect(r.planPart.sections.map((s) => s.number)).toEqual(['二']);
    expect(r.planPart.excluded.map((s) => s.number)).toEqual(['一']);
    const summary = r.planPart.excluded[0]!.span;
    for (const t of r.themes) for (const m of t.matches) for (const e of m.evidence) expect(e.span.start >= summary.end, t.theme.id).toBe(true);
    for (const t of r.targets) if (t.indicator) expect(t.indicator.start >= summary.end).toBe(true);
  });

  it('maps the tasks to the 2021 subsections a careful reader picks', () => {
    // evidence at the level-2 subsections of 二、 (read by hand):
    // 医改 → （二）持续深化医药卫生体制改革; 中医药 → （六）推进中医药传承创新发展; 人才 → （五）加强卫生人才队伍建设;
    // 健康中原行动 → （一）全面实施“健康开封行动” (the city's own 健康X行动); 医疗服务能力 → （三）/（四）;
    // 法治和行业监管 → （七）不断强化自身素质建设 (行业作风, 平安医院); 疫情防控 and 公共卫生体系 → （三）五是、六是
    const evidence = (id: string) => r.themes.find((t) => t.theme.id === id)!.matches.flatMap((m) => m.evidence.map((e) => e.section.number));
    expect(evidence('health-reform')[0]).toBe('二');
    expect(evidence('tcm')[0]).toBe('六');
    expect(evidence('talent-cooperation')[0]).toBe('五');
    expect(evidence('healthy-central-plains')[0]).toBe('一');
    expect(['三', '四']).toContain(evidence('medical-service-capacity')[0]);
    expect(evidence('rule-of-law-supervision')[0]).toBe('七');
    expect(evidence('public-health-system')[0]).toBe('三');
    expect(evidence('epidemic-prevention')[0]).toBe('三');
    expect(['三', '四']).toContain(evidence('elderly-children-maternal')[0]);
  });

  it('reports the 2021 targets it does not restate as missing', () => {
    const missing = r.targets.filter((t) => t.status === 'missing').map((t) => t.target.id);
    expect(missing).toEqual(expect.arrayContaining(['immunization-rate', 'public-village-clinic-share', 'village-clinic-public-health-share']));
    expect(r.targets.filter((t) => t.status === 'met' || t.status === 'weaker')).toEqual([]);
  });
});

describe('seed 001 (安徽 濉溪县): no Henan set unless forced', () => {
  const text = readSeed('001');

  it('with no set declared has no alignment findings', () => {
    expect(alignmentFindings(text, [])).toEqual([]);
    expect(analyze(text).findings.filter((f) => f.ruleId.startsWith('alignment/'))).toEqual([]);
  });

  it('forced against henan-2021, reports its coverage honestly', () => {
    const r = align(text);
    const district = align(readSeed('000'));
    // the Anhui county plan follows the same national agenda, so it does answer several tasks
    // (疫情防控 一、, 公共卫生体系 四、, 医改 五、, 中医药 六（五）), but not Henan's own 健康中原行动, and
    // it states none of the Henan targets; its coverage is below the Henan district plan's
    const status = Object.fromEntries(r.themes.map((t) => [t.theme.id, t.status]));
    expect(status['epidemic-prevention']).toBe('covered');
    expect(status['health-reform']).toBe('covered');
    expect(status['tcm']).toBe('covered');
    expect(status['healthy-central-plains']).toBe('missing');
    expect(r.coverage).toBeLessThan(district.coverage);
    expect(r.coverage).toBeLessThanOrEqual(0.8);
    expect(r.targets.filter((t) => t.status === 'met')).toEqual([]);
    // coverage is exactly what the statuses say: (covered + ½ partial) / 10
    const c = r.themes.reduce((a, t) => a + (t.status === 'covered' ? 1 : t.status === 'partial' ? 0.5 : 0), 0) / 10;
    expect(r.coverage).toBeCloseTo(c, 3);
  });

  it('an unrelated plan (education) gets no coverage from the health set', () => {
    const edu = [
      '2021年全县教育工作要点',
      '一、推进学前教育普及普惠发展',
      '新建、改扩建公办幼儿园12所，学前三年毛入园率达到90%以上，普惠性幼儿园覆盖率达到85%。',
      '二、推动义务教育优质均衡发展',
      '落实“双减”要求，优化课后服务，控制作业总量，推进集团化办学和学区制管理。',
      '三、加强教师队伍建设',
      '实施师德师风建设工程，开展教师全员培训，推进县管校聘管理改革，落实乡村教师生活补助。',
      '四、办好人民满意的职业教育',
      '深化产教融合、校企合作，建设实训基地，扩大中职招生规模。',
      '五、加强校园安全和后勤保障',
      '开展校园安全隐患排查，加强食堂食品安全管理和校车安全管理。',
    ].join('\n\n');
    const r = align(edu);
    expect(r.coverage).toBeLessThanOrEqual(0.1);
    expect(r.themes.filter((t) => t.status === 'covered')).toEqual([]);
  });
});

describe('plan part choice in general', () => {
  it('leaves out a previous-year summary named as such', () => {
    const doc = [
      '2022年全市卫生健康工作总结和2023年工作打算',
      '一、2022年工作回顾',
      '全年完成中医馆建设18个，适龄儿童免疫规划疫苗接种率达到98.5%。',
      '二、2023年工作打算',
      '持续加快中医药传承创新发展，推动中医馆提质升级，加强中医药人才队伍建设。',
    ].join('\n\n');
    const r = align(doc);
    expect(r.planPart.year).toBe(2023);
    expect(r.planPart.sections.map((s) => s.number)).toEqual(['二']);
    expect(r.planPart.excluded.map((s) => s.number)).toEqual(['一']);
  });

  it('also leaves out a section on the year’s problems, keeping the plan', () => {
    const doc = [
      '2021年全区卫生健康工作总结及2022年工作计划',
      '一、2021年工作完成情况',
      '全区中医馆覆盖率达到100%。',
      '二、存在的问题',
      '基层中医药人才不足，中医馆服务能力不强。',
      '三、2022年工作计划',
      '（一）推进中医药传承创新发展。加强中医药人才队伍建设，推动中医馆提质升级。',
      '（二）抓好常态化疫情防控。坚持外防输入、内防反弹。',
    ].join('\n\n');
    const r = align(doc);
    expect(r.planPart.year).toBe(2022);
    expect(r.planPart.sections.map((s) => s.number)).toEqual(['三']);
    expect(r.planPart.excluded.map((s) => s.number)).toEqual(['一', '二']);
  });

  it('front matter year wins over the title', () => {
    const r = alignPlan(parsePlan('---\nyear: 2022\n---\n2021年工作要点\n\n一、抓好疫情防控\n\n坚持外防输入、内防反弹。'), [henan]);
    expect(r.planPart.year).toBe(2022);
  });

  it('a draft that names no year is held to the set year’s targets only', () => {
    const r = align('抓好常态化疫情防控。\n\n实施扩大国家免疫规划工作。');
    expect(r.planPart.year).toBeUndefined();
    expect(r.targets.find((t) => t.target.id === 'immunization-rate')!.status).toBe('missing');
    expect(r.targets.find((t) => t.target.id === 'infant-mortality-2025')!.status).toBe('not-applicable');
  });

  it('a draft without numbered headings is compared paragraph by paragraph', () => {
    const r = align('坚持外防输入、内防反弹，抓好常态化疫情防控，做好新冠病毒疫苗接种。\n\n推进中医馆建设，加强中医药人才队伍建设，弘扬中医药文化。');
    expect(r.planPart.sections).toEqual([]);
    const status = Object.fromEntries(r.themes.map((t) => [t.theme.id, t.status]));
    expect(status['epidemic-prevention']).toBe('covered');
    expect(status['tcm']).toBe('covered');
    expect(status['health-reform']).toBe('missing');
  });
});

describe('target comparison (comparator, value, unit, deadline)', () => {
  const plan = parsePlan('2021年工作要点\n\n一、抓好妇幼健康\n\n婴儿死亡率控制在4.0‰以下。');
  const base = plan.indicators[0]!;
  const target = (over: Partial<RequirementSet['targets'][number]>) => ({
    id: 't',
    name: '婴儿死亡率',
    comparator: '控制在',
    op: 'le' as const,
    value: 4.2,
    unit: '‰',
    qualifier: '以下',
    year: 2021,
    ...over,
  });
  const ind = (over: Partial<typeof base>) => ({ ...base, ...over });

  it('reads the indicator the comparison starts from', () => {
    expect(base).toMatchObject({ name: '婴儿死亡率', op: 'le', value: 4, unit: '‰' });
  });

  it('less is better for a ceiling: lower is stronger, higher is weaker', () => {
    expect(compareTarget(target({}), ind({}), 2021)).toMatchObject({ status: 'stronger', problems: [] });
    expect(compareTarget(target({}), ind({ value: 5 }), 2021)).toMatchObject({ status: 'weaker', problems: ['value'] });
    expect(compareTarget(target({}), ind({ value: 4.2 }), 2021)).toMatchObject({ status: 'met', problems: [] });
  });

  it('converts ‰ and %, treats 名 and 人 alike, and calls a unit it cannot convert not comparable (issue 15: never weaker)', () => {
    expect(compareTarget(target({}), ind({ value: 0.42, unit: '%' }), 2021)).toMatchObject({ status: 'met', draftValue: 4.2 });
    expect(compareTarget(target({ name: '培养骨干', op: 'ge', value: 20, unit: '名' }), ind({ op: 'ge', value: 20, unit: '人' }), 2021)).toMatchObject({
      status: 'met',
    });
    const r = compareTarget(target({ name: '每千人口床位数', op: 'ge', value: 7.7, unit: '张' }), ind({ op: 'ge', value: 7.7, unit: '个' }), 2021);
    expect(r).toMatchObject({ status: 'not-comparable', problems: ['unit'] });
    expect(r.reason.zh).toContain('单位不可比');
  });

  it('a floor answered with a ceiling or 左右 at the same value is looser', () => {
    const floor = target({ name: '接种率', op: 'ge', value: 90, unit: '%', qualifier: '以上', comparator: '保持在' });
    expect(compareTarget(floor, ind({ op: 'approx', value: 90, unit: '%', qualifier: '左右' }), 2021)).toMatchObject({
      status: 'weaker',
      problems: ['comparator'],
    });
    expect(compareTarget(floor, ind({ op: 'le', value: 90, unit: '%' }), 2021)).toMatchObject({ status: 'weaker', problems: ['comparator'] });
  });

  it('a deadline later than the target year is weaker', () => {
    expect(compareTarget(target({}), ind({ deadline: '2022年底' }), 2021)).toMatchObject({ status: 'weaker', problems: ['deadline'] });
    expect(compareTarget(target({}), ind({ deadline: '年底前' }), 2021)).toMatchObject({ status: 'stronger' });
  });
});

describe('several sets at once', () => {
  it('aligns with every set, keeps their themes apart, and counts coverage over all of them', () => {
    const national = parseRequirementSet(
      'name: national\ntitle: 全国卫生健康工作会议\nlevel: 国家\nyear: 2021\nthemes:\n  - id: tcm\n    title: 促进中医药振兴发展\n    keywords: [中医药]\n  - id: smart-health\n    title: 推进智慧医疗\n    keywords: [互联网医院, 智慧医院]\n',
      { file: 'national.yaml', name: 'national' },
    ).set!;
    const r = alignPlan(parsePlan(readSeed('000')), [national, henan]);
    expect(r.sets.map((s) => s.name)).toEqual(['national', 'henan-2021']);
    expect(r.themes).toHaveLength(12);
    expect(r.themes.filter((t) => t.theme.id === 'tcm').map((t) => [t.set, t.matches[0]?.section.number])).toEqual([
      ['national', '六'],
      ['henan-2021', '六'],
    ]);
    expect(r.themes.find((t) => t.set === 'national' && t.theme.id === 'smart-health')!.status).toBe('missing');
    const credit = r.themes.reduce((a, t) => a + (t.status === 'covered' ? 1 : t.status === 'partial' ? 0.5 : 0), 0);
    expect(r.coverage).toBeCloseTo(credit / 12, 3);
  });
});

describe('a draft restating the superior word for word', () => {
  it('finds targets the indicator extractor does not name (value first, 再有…)', () => {
    const doc = [
      '2021年全省卫生健康重点工作安排',
      '一、持续深化医药卫生体制改革',
      '2021年，所有县（市）医共体建设达到国家评判标准，40%左右的县（市）建设成效监测指标达到优良标准。',
      '二、持续提升医疗服务能力',
      '再有30所县级医院（含中医院、妇幼保健院）晋升三级医疗机构。',
    ].join('\n\n');
    const r = align(doc);
    expect(r.planPart.level).toBe('省');
    const byId = Object.fromEntries(r.targets.map((t) => [t.target.id, t]));
    expect(byId['county-medical-community-excellent']).toMatchObject({ status: 'met', applies: true });
    expect(byId['county-hospitals-tertiary']).toMatchObject({ status: 'met', applies: true });
    const at = byId['county-hospitals-tertiary']!.indicator!;
    expect(doc.slice(at.start, at.end)).toBe('再有30所县级医院（含中医院、妇幼保健院）晋升三级医疗机构');
    // a total the province sets that this provincial draft does not restate is missing
    expect(byId['township-basic-standard']!.status).toBe('missing');
  });
});
