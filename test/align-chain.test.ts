/** Issue 15, chains: a set names its own superior; a draft is checked against every level at once. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { alignPlan } from '../server/src/core/align/index.js';
import { parsePlan } from '../server/src/core/parse.js';
import { buildReview, renderHtml, renderMarkdown } from '../server/src/core/report/index.js';
import { resolveRequirementSets } from '../server/src/node/requirements.js';
import { repoRoot } from './helpers.js';

const dir = join(repoRoot, 'test/fixtures/alignment/chain');

describe('a chain of levels', () => {
  const { sets, problems } = resolveRequirementSets(['jiangsu-2025.yaml'], { baseDir: dir });

  it('loads the set and the superior it names', () => {
    expect(problems).toEqual([]);
    expect(sets.map((s) => [s.name, s.level, s.superior])).toEqual([
      ['jiangsu-2025', '省', 'national-2025.yaml'],
      ['national-2025', '国家', undefined],
    ]);
    expect(sets[0]!.origin?.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(resolveRequirementSets(['jiangsu-2025.yaml'], { baseDir: dir, chain: false }).sets).toHaveLength(1);
  });

  it('checks a county draft against both levels and says which level asked for what', () => {
    const text =
      '---\nyear: 2025\nlevel: 县\n---\n2025年清河县政府工作报告\n\n一、稳就业\n\n城镇新增就业1.1万人以上，城镇调查失业率5.5%左右，城市生活污水集中收集率达到75%。';
    const r = alignPlan(parsePlan(text), sets);
    const rows = r.targets.map((t) => [t.level, t.target.name, t.status]);
    expect(rows).toEqual([
      ['省', '城市生活污水集中收集率', 'weaker'],
      ['省', '城镇新增就业', 'not-applicable'],
      ['国家', '城镇调查失业率', 'met'],
      ['国家', '城镇新增就业', 'not-applicable'],
    ]);
    const review = buildReview(parsePlan(text), r, sets);
    expect(review.targets.map((t) => t.level)).toEqual(['省', '省', '国家', '国家']);
    const weaker = analyze(text, { requirements: sets }).findings.filter((f) => f.ruleId === 'alignment/weaker-target');
    expect(weaker.map((f) => f.data?.['set'])).toEqual(['jiangsu-2025']);
  });

  it('prints, in the report’s language, which level’s set asked for each target', () => {
    const text = '---\nyear: 2025\nlevel: 县\n---\n2025年清河县政府工作报告\n\n一、稳就业\n\n城镇调查失业率5.5%左右。';
    const plan = parsePlan(text);
    const review = buildReview(plan, alignPlan(plan, sets), sets);
    const rows = (md: string, head: string) => md.split('\n').filter((l) => l.startsWith(`| ${head}`));
    expect(rows(renderMarkdown(review), '城市生活污水集中收集率')).toEqual([expect.stringMatching(/^\| 城市生活污水集中收集率（省级 jiangsu-2025） \|/)]);
    expect(rows(renderMarkdown(review), '城镇调查失业率')).toEqual([expect.stringMatching(/^\| 城镇调查失业率（国家级 national-2025） \| .* \| 达标 \|/)]);
    const en = renderMarkdown(review, { lang: 'en' });
    expect(rows(en, '城镇调查失业率')).toEqual([expect.stringMatching(/^\| 城镇调查失业率 \(national level national-2025\) \|/)]);
    expect(en).toContain(', county level');
    expect(en).not.toMatch(/[省县]级|level [国省市县区]/);
    const html = renderHtml(review, { lang: 'en' });
    expect(html).toContain('<div class="terms">provincial level jiangsu-2025</div>');
    expect(html).not.toMatch(/[省县]级|level [国省市县区]|\([国省市县区]\)/);
    expect(renderHtml(review)).toContain('<div class="terms">国家级 national-2025</div>');
  });
});
