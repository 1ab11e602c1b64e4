/**
 * The review report: JSON against schemas/review.schema.json (and its contract names), the HTML
 * parsed for structure (tables, rows, one inline SVG chart, nothing fetched from the network), the
 * Markdown tables, and the `planlint report` / `planlint requirements` commands as CI runs them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignPlan } from '../server/src/core/align/index.js';
import { parsePlan } from '../server/src/core/parse.js';
import { buildReview, renderHtml, renderMarkdown, type Review } from '../server/src/core/report/index.js';
import { sectionLabel } from '../server/src/core/report/model.js';
import { markdownText } from '../server/src/core/escape.js';
import { resolveRequirementSets } from '../server/src/node/requirements.js';
import { bundleCliForTest, readSeed, repoRoot, seedPath } from './helpers.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const henan = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets[0]!;
const validateReview = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(repoRoot, 'schemas/review.schema.json'), 'utf8')));

function review(seed: string): Review {
  const plan = parsePlan(readSeed(seed));
  return buildReview(plan, alignPlan(plan, [henan]), [henan], { path: `seeds/${seed}.txt` });
}

function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  if ('childNodes' in node) for (const c of node.childNodes) elements(c, out);
  if ('content' in node && node.content) elements(node.content, out);
  return out;
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const byId = (all: Element[], id: string) => all.find((e) => attr(e, 'id') === id)!;
const within = (e: Element, tag: string) => elements(e).filter((x) => x.tagName === tag);
function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

describe('review model (JSON)', () => {
  it('conforms to schemas/review.schema.json for every seed', () => {
    for (const s of ['000', '001', '002', '003']) {
      const r = review(s);
      const ok = validateReview(JSON.parse(JSON.stringify(r)));
      expect(validateReview.errors ?? [], s).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('uses the contract names: themes[], targets[], coverage', () => {
    const r = review('000');
    expect(r.coverage).toBeGreaterThanOrEqual(0);
    expect(r.coverage).toBeLessThanOrEqual(1);
    expect(r.themes).toHaveLength(10);
    const tcm = r.themes.find((t) => t.id === 'tcm')!;
    expect(tcm).toMatchObject({ title: '持续加快中医药传承创新发展', status: 'covered' });
    expect(tcm.sections[0]).toMatchObject({ number: '六', title: '推进中医药传承创新发展', range: { start: { line: 311, character: 1 } } });
    const imm = r.targets.find((t) => t.id === 'immunization-rate')!;
    expect(imm).toMatchObject({
      name: '适龄儿童免疫规划疫苗接种率',
      status: 'met',
      superior: { op: 'ge', value: 90, unit: '%' },
      draft: { value: 90, unit: '%' },
    });
    expect(imm.draft!.range!.start.line).toBe(143);
    const later = r.targets.find((t) => t.id === 'infant-mortality-2025')!;
    expect(later.draft).toBeNull();
  });

  it('has a theme × section matrix whose cells are the match scores', () => {
    const r = review('000');
    expect(r.matrix.sections).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    expect(r.matrix.cells).toHaveLength(10);
    r.themes.forEach((t, i) => {
      const nonzero = r.matrix.sections.filter((_, j) => r.matrix.cells[i]![j]! > 0);
      expect(nonzero, t.id).toEqual(t.sections.map((s) => s.number).sort((a, b) => r.matrix.sections.indexOf(a) - r.matrix.sections.indexOf(b)));
    });
    expect(r.unmatchedSections.map((s) => s.number)).toEqual(['十']);
  });

  it('for seed 002 records the excluded 2020 summary', () => {
    const r = review('002');
    expect(r.planPart.excluded.map((s) => s.title)).toEqual(['统筹兼顾，突出重点，促进卫生健康工作全面推进']);
    expect(r.matrix.sections).toEqual(['二']);
  });
});

describe('HTML report', () => {
  const r = review('000');
  const html = renderHtml(r);
  const doc = parse(html);
  const all = elements(doc);

  it('is one self-contained, printable document', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(all.filter((e) => e.tagName === 'script')).toEqual([]);
    expect(all.filter((e) => e.tagName === 'link' || e.tagName === 'img' || e.tagName === 'iframe')).toEqual([]);
    // nothing is fetched: no src attributes, no url() and no http(s) references in styles
    expect(all.filter((e) => attr(e, 'src') !== undefined)).toEqual([]);
    const style = all
      .filter((e) => e.tagName === 'style')
      .map(textOf)
      .join('');
    expect(style).toContain('@media print');
    expect(style).not.toMatch(/url\(|@import|https?:/);
    expect(
      attr(
        all.find((e) => e.tagName === 'html')!,
        'lang',
      ),
    ).toBe('zh-CN');
  });

  it('draws the chart as one inline SVG with a bar per theme', () => {
    const svgs = all.filter((e) => e.tagName === 'svg');
    expect(svgs).toHaveLength(1);
    const bars = within(svgs[0]!, 'rect').filter((e) => (attr(e, 'class') ?? '').startsWith('bar'));
    expect(bars).toHaveLength(10);
    expect(bars.every((b) => Number(attr(b, 'width')) > 0)).toBe(true);
    expect(bars.map((b) => attr(b, 'class'))).toEqual(r.themes.map((t) => `bar ${t.status}`));
    // the two thresholds (partial, covered) are drawn as dashed lines
    expect(within(svgs[0]!, 'line').filter((e) => attr(e, 'class') === 'threshold')).toHaveLength(2);
  });

  it('has the coverage matrix: a row per theme, a column per level-1 section headed by its printed number and title (issue 15)', () => {
    const matrix = byId(all, 'matrix');
    const head = within(within(matrix, 'thead')[0]!, 'th');
    expect(head.map(textOf).slice(0, 2)).toEqual(['上级任务', '状态']);
    expect(
      head
        .map(textOf)
        .slice(2)
        .map((h) => h.split('、')[0]),
    ).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    // the titles are printed, not only shown on hover
    expect(textOf(head[2]!)).toBe('一、坚决打赢常态化疫情防控持久战');
    expect(textOf(head[11]!)).toBe('十、协调推进其他卫生健康工作');
    const rows = within(within(matrix, 'tbody')[0]!, 'tr');
    expect(rows).toHaveLength(10);
    for (const row of rows) expect(within(row, 'td')).toHaveLength(12);
    // 六要 (tcm) has its mark in column 六 only
    const tcm = rows.find((x) => attr(x, 'data-theme') === 'tcm')!;
    expect(within(tcm, 'td').slice(2).map(textOf)).toEqual(['', '', '', '', '', '●', '', '', '', '']);
  });

  it('has the target table (superior vs draft, status) and the unmatched sections', () => {
    const rows = within(within(byId(all, 'targets'), 'tbody')[0]!, 'tr');
    expect(rows).toHaveLength(r.targets.length);
    const imm = rows.find((x) => attr(x, 'data-target') === 'immunization-rate')!;
    const cells = within(imm, 'td').map(textOf);
    expect(cells[1]).toContain('≥90%');
    expect(cells[2]).toContain('90%以上');
    expect(cells[3]).toBe('达标');
    expect(within(byId(all, 'unmatched'), 'li').map(textOf)).toEqual(['十、协调推进其他卫生健康工作（第 459 行）']);
    expect(attr(byId(all, 'coverage'), 'data-coverage')).toBe(String(r.coverage));
  });

  it('escapes text from the draft', () => {
    const plan = parsePlan('2021年工作要点\n\n一、<script>alert(1)</script>抓好疫情防控\n\n坚持外防输入、内防反弹，抓好常态化疫情防控。');
    const out = renderHtml(buildReview(plan, alignPlan(plan, [henan]), [henan]));
    expect(elements(parse(out)).filter((e) => e.tagName === 'script')).toEqual([]);
    expect(out).toContain('&lt;script&gt;');
  });
});

describe('Markdown report', () => {
  it('has the matrix, the target table and the unmatched sections', () => {
    const r = review('000');
    const md = renderMarkdown(r);
    const lines = md.split('\n');
    const header = lines.find((l) => l.startsWith('| 上级任务 | 状态 |'))!;
    expect(header.split('|').length - 2).toBe(12);
    const matrixRows = lines.slice(lines.indexOf(header) + 2).filter((l, i, a) => a.slice(0, i + 1).every((x) => x.startsWith('|')));
    expect(matrixRows).toHaveLength(10);
    const targetHeader = lines.indexOf('| 指标 | 上级要求 | 草案 | 状态 | 说明 |');
    const targetRows = lines.slice(targetHeader + 2).filter((l, i, a) => a.slice(0, i + 1).every((x) => x.startsWith('|')));
    expect(targetRows).toHaveLength(r.targets.length);
    expect(md).toContain('**总体覆盖率：');
    expect(md).toContain('- 十、协调推进其他卫生健康工作（第 459 行）');
  });

  it('prints the section titles as the matrix headers and each score in words, not as a bare number', () => {
    const r = review('000');
    const md = renderMarkdown(r);
    expect(md).toContain('| 上级任务 | 状态 | 一、坚决打赢常态化疫情防控持久战 | 二、加快推进公共卫生体系建设 |');
    // the TCM theme answered by 六、 only, strongly, with the words both texts use
    const tcm = md.split('\n### ')[0 + 1 + r.themes.findIndex((t) => t.id === 'tcm')]!;
    expect(tcm.startsWith('持续加快中医药传承创新发展 — 已覆盖')).toBe(true);
    const six = tcm.split('\n').find((l) => l.startsWith('- 六、'))!;
    expect(six).toMatch(/^- 六、推进中医药传承创新发展（第 \d+ 行）：强对应（得分 0\.\d\d，达到强对应线 0\.\d+）：双方共有 “/);
    expect(six).toContain('“中医药');
    // no raw score anywhere but inside the worded explanation (得分 …)
    for (const l of md.split('\n')) expect(l.replace(/得分 \d\.\d\d|对应线 \d\.\d+|planlint \d+\.\d+\.\d+/g, ''), l).not.toMatch(/\b0\.\d\d\b/);
  });

  /** Text quoted from the draft and the set (never translated), as the report prints it. */
  function quoted(r: Review): string[] {
    const out = new Set<string>();
    const add = (s: string | undefined) => {
      if (s) for (const v of [s, markdownText(s)]) out.add(v);
    };
    add(r.draft.title);
    add(r.draft.path);
    // (levels are labels, printed in the report's language: 县级 / county level)
    for (const s of r.sets) [s.name, s.title, s.issuer, s.superior, s.hash].forEach(add);
    r.matrix.sectionTitles?.forEach(add);
    for (const t of r.themes) {
      add(t.title);
      add(t.source?.quote);
      for (const s of t.sections) {
        add(sectionLabel(s) + s.title);
        [...s.terms, ...s.evidence.flatMap((e) => [sectionLabel(e) + e.title, ...e.terms, ...e.keywords])].forEach(add);
      }
    }
    for (const t of r.targets) {
      [t.name, t.superior.text, t.superior.text.replace(t.name, ''), t.superior.deadline, t.draft?.text].forEach(add);
    }
    for (const s of [...r.unmatchedSections, ...r.planPart.excluded]) add(sectionLabel(s) + s.title);
    // the scope names the draft's parts by their numbers: “the plan part (二)”
    for (const s of [...r.planPart.sections, ...r.planPart.excluded]) add(`(${s.number})`);
    return [...out].sort((a, b) => b.length - a.length);
  }
  const strip = (text: string, r: Review) => quoted(r).reduce((t, q) => t.split(q).join(''), text);

  it('prints its labels in one language: Chinese by default, English with lang en', () => {
    for (const seed of ['000', '001', '002']) {
      const plan = parsePlan(readSeed(seed));
      const r = buildReview(plan, alignPlan(plan, [henan]), [henan], { path: `seeds/${seed}.txt`, date: '2026-12-02', version: '0.1.0' });
      const zh = renderMarkdown(r);
      const en = renderMarkdown(r, { lang: 'en' });
      expect(renderMarkdown(r, { lang: 'zh' })).toBe(zh);
      // the footer a reviewer signs, in the report's language
      expect(zh).toContain('生成日期：2026-12-02　planlint 0.1.0');
      expect(zh).toContain('审核人（签字）：');
      expect(en).toContain('Date: 2026-12-02　planlint 0.1.0');
      expect(en).toMatch(/^Set: henan-2021, .*, 2021, provincial level, content hash [0-9a-f]+$/m);
      expect(en).toContain('Reviewer (signature): ');
      // with the quoted text taken out, no English word is left in the Chinese report…
      const zhLeft = strip(zh, r).replace(/planlint \d+\.\d+\.\d+/g, '');
      expect(zhLeft.match(/[A-Za-z]{2,}/g) ?? [], seed).toEqual([]);
      // …and no Chinese character in the English one
      // (an explanation quotes the two documents' wording: “the draft's "达到90%以上" meets …”)
      const enLeft = strip(en, r).replace(/&quot;[^&]*&quot;/g, '');
      expect(enLeft.match(/[\u4e00-\u9fff\u3001-\u3011\uff01-\uff1f]+/g) ?? [], seed).toEqual([]);
    }
  });
});

describe('planlint report / planlint requirements (CLI)', () => {
  let cli = '';
  const dir = mkdtempSync(join(tmpdir(), 'planlint-report-'));
  beforeAll(async () => {
    cli = await bundleCliForTest('report');
  });
  afterAll(() => {
    rmSync(cli, { force: true });
    rmSync(dir, { recursive: true, force: true });
  });
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PLANLINT_LANG: '' } });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };

  it('writes a schema-valid JSON review (exit 0)', () => {
    const r = run(['report', seedPath('000'), '--requirements', 'henan-2021', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(validateReview(json)).toBe(true);
    expect(json.coverage).toBeGreaterThanOrEqual(0.95);
    expect(json.themes).toHaveLength(10);
  });

  it('writes the Markdown report in the language of --lang', () => {
    const zh = run(['report', seedPath('000'), '-r', 'henan-2021']);
    expect(zh.code).toBe(0);
    expect(zh.stdout.startsWith('# 对标上级规划审查报告\n')).toBe(true);
    const en = run(['--lang', 'en', 'report', seedPath('000'), '-r', 'henan-2021']);
    expect(en.code).toBe(0);
    expect(en.stdout.startsWith('# Alignment review\n')).toBe(true);
    expect(en.stdout).toContain('\nReviewer (signature): ');
    expect(en.stdout).not.toContain('审核人');
  });

  it('writes the HTML report to --output', () => {
    const out = join(dir, 'review.html');
    const r = run(['report', seedPath('002'), '-r', 'henan-2021', '--format', 'html', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(elements(parse(html)).filter((e) => e.tagName === 'svg')).toHaveLength(1);
    expect(html).toContain('未纳入比对（上年总结）');
  });

  it('takes the set from the front matter when no flag is given', () => {
    const draft = join(dir, 'draft.md');
    writeFileSync(draft, '---\nrequirements: [henan-2021]\n---\n' + readSeed('000'));
    const r = run(['report', draft]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# 对标上级规划审查报告');
  });

  it('exits 2 when no set is named, or the set is unknown or invalid, with a located message', () => {
    const none = run(['report', seedPath('001')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--requirements');
    const unknown = run(['report', seedPath('001'), '-r', 'anhui-2021']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('找不到要求集“anhui-2021”');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'title: 坏的\nthemes:\n  - id: a\n    title: 甲\n    keywords: 甲\n');
    const invalid = run(['report', seedPath('001'), '-r', bad]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/bad\.yaml:5:15: .*themes\.0\.keywords.*应为 列表/);
  });

  it('drafts a set from seed 004 and validates sets', () => {
    const ex = run(['requirements', 'extract', seedPath('004'), '--format', 'json']);
    expect(ex.code).toBe(0);
    const set = JSON.parse(ex.stdout);
    expect(set.themes).toHaveLength(10);
    const yamlOut = join(dir, 'drafted.yaml');
    expect(run(['requirements', 'extract', seedPath('004'), '--output', yamlOut]).code).toBe(0);
    const valid = run(['requirements', 'validate', yamlOut, join(repoRoot, 'server/sets/henan-2021.yaml')]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain('有效（10 项任务');
    const bad = join(dir, 'bad2.yaml');
    writeFileSync(bad, 'title: x\nthemes:\n  - id: a\n    title: 甲\n    keywords: [甲]\n    colour: red\n');
    const invalid = run(['requirements', 'validate', bad]);
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toContain('bad2.yaml:6:5: themes.0：不认识的字段“colour”');
    const list = run(['requirements', 'list']);
    expect(list.stdout).toMatch(/^henan-2021\t2021年全省卫生健康工作会重点任务/m);
  });
});
