/** Issue 15: evidence in the report as whole words, not character fragments. */
import { describe, expect, it } from 'vitest';
import { wholeWords, wholeWordTerms } from '../server/src/core/report/words.js';

describe('whole words for evidence', () => {
  it('widens the fragments the issue quotes to the words of the paragraph', () => {
    expect(wholeWords('加快建设国家新型工业化示范区', '家新型工业化示范区')).toBe('国家新型工业化示范区');
    expect(wholeWords('确保粮食播种面积稳定在8200万亩以上', '食播种面积')).toBe('粮食播种面积');
  });
  it('drops a function word standing at the edge', () => {
    expect(wholeWords('强化项目储备和承接', '储备和')).toBe('储备');
    expect(wholeWords('推动纺织、机械等传统产业改造提升', '机械等')).toBe('机械');
  });
  it('keeps a fragment that does not occur, and removes words inside others', () => {
    expect(wholeWords('推进中医药传承创新发展', '养老')).toBe('养老');
    expect(wholeWordTerms('加快建设国家新型工业化示范区', ['家新型工业化示范区', '工业化'])).toEqual(['国家新型工业化示范区']);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignPlan } from '../server/src/core/align/index.js';
import { parsePlan } from '../server/src/core/parse.js';
import { buildReview, renderHtml } from '../server/src/core/report/index.js';
import { extractRequirementSet } from '../server/src/core/requirements/extract.js';
import { repoRoot } from './helpers.js';

describe('a report a reviewer can sign (county 2025 against Jiangsu 2025)', () => {
  const set = {
    ...extractRequirementSet(parsePlan(readFileSync(join(repoRoot, 'test/corpus/10-jiangsu-2025-govreport.txt'), 'utf8')), { name: 'jiangsu-2025' }),
    origin: { hash: '0123456789abcdef' },
  };
  const plan = parsePlan(readFileSync(join(repoRoot, 'test/fixtures/alignment/county-2025-govreport.txt'), 'utf8'));
  const review = buildReview(plan, alignPlan(plan, [set]), [set], { path: 'county.txt', date: '2026-12-02', version: '0.1.0' });

  it('explains each match in words: 强对应/弱对应, the threshold and the whole words matched', () => {
    const s = review.themes.find((t) => t.title === '扎实推进乡村全面振兴')!.sections[0]!;
    expect(s.explanation.zh).toMatch(/^强对应（得分 0\.\d\d，达到强对应线 0\.\d+）：双方共有 “/);
    expect(s.explanation.en).toMatch(/^strong match \(score 0\.\d\d, at or above the strong line/);
    for (const t of s.terms) expect(t, t).not.toMatch(/^[和与及等的]|[和与及等的]$/);
  });

  it('bug: shows the matched words whole (储备, 产业集群, 乡村产业), not the fragments 备和, 业集群, 村产', () => {
    const terms = review.themes.flatMap((t) => t.sections.flatMap((s) => s.terms));
    const draft = readFileSync(join(repoRoot, 'test/fixtures/alignment/county-2025-govreport.txt'), 'utf8');
    expect(terms).toEqual(expect.arrayContaining(['储备', '产业集群', '机械', '乡村产业']));
    for (const fragment of ['备和', '业集群', '机械等', '和数', '新和', '村产']) expect(terms).not.toContain(fragment);
    for (const t of terms) expect(draft, t).toContain(t);
  });

  it('prints the footer: date, planlint version, each set’s name, year and content hash', () => {
    const html = renderHtml(review);
    const footer = html.slice(html.indexOf('<footer'));
    expect(footer).toContain('生成日期：2026-12-02　planlint 0.1.0');
    expect(footer).toContain('要求集：jiangsu-2025，2025年江苏省政府工作报告，2025 年，省级，内容摘要 0123456789abcdef');
  });

  it('labels in one language: Chinese by default, English with lang en', () => {
    const zh = renderHtml(review);
    const en = renderHtml(review, { lang: 'en' });
    expect(zh).toContain('<h2>覆盖矩阵</h2>');
    expect(zh).not.toContain('Themes × sections');
    expect(en).toContain('<h2>Themes × sections</h2>');
    expect(en).not.toContain('覆盖矩阵');
    expect(en).toContain('Date: 2026-12-02');
  });

  it('in English, every Chinese word it prints is quoted from the draft or the superior plan', () => {
    const en = renderHtml(review, { lang: 'en' });
    const draft = readFileSync(join(repoRoot, 'test/fixtures/alignment/county-2025-govreport.txt'), 'utf8');
    const superior = readFileSync(join(repoRoot, 'test/corpus/10-jiangsu-2025-govreport.txt'), 'utf8');
    const quoted = (run: string) => draft.includes(run) || superior.includes(run) || set.title.includes(run);
    const runs = [...en.matchAll(/[\u3400-\u9fff]+/g)].map((m) => m[0]);
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.filter((run) => !quoted(run))).toEqual([]);
    for (const label of ['未找到对应部分', '上级第', '未纳入比对', '各项任务对应强度', '<li>无</li>', ' 行</div>']) expect(en).not.toContain(label);
  });
});
