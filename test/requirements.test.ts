/**
 * Requirement sets: the bundled henan-2021 set traced line by line to seed 004, and the loader's
 * located problems for every kind of mistake (YAML syntax, schema, ids, references, workspace).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledSetPath, listBundledSets, parseRequirementSet, resolveRequirementSets } from '../server/src/node/requirements.js';
import type { RequirementSet } from '../server/src/core/requirements/types.js';
import { readSeed, repoRoot } from './helpers.js';

function henan(): RequirementSet {
  const { sets, problems } = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot });
  expect(problems).toEqual([]);
  return sets[0]!;
}

/**
 * How a quote maps to the seed: the seed is PDF-extracted newspaper text, so words are split across
 * lines, and numbers carry spaces (“2021 年”, “4.2‰”). A quote is the superior's wording with all
 * white space removed, and `line` is the 1-based line on which it starts: the quote must occur in
 * the white-space-free text beginning inside that line.
 */
function quoteStartsAt(seed: string, line: number, quote: string): boolean {
  const lines = seed.split(/\r?\n/);
  const strip = (s: string) => s.replace(/[\s\u3000]+/g, '');
  const before = strip(lines.slice(0, line - 1).join(''));
  const own = strip(lines[line - 1] ?? '');
  const all = strip(lines.join(''));
  const q = strip(quote);
  let at = all.indexOf(q);
  while (at !== -1) {
    if (at >= before.length && at < before.length + own.length) return true;
    at = all.indexOf(q, at + 1);
  }
  return false;
}

describe('bundled set henan-2021 (seed 004)', () => {
  const seed = readSeed('004');

  it('is listed and resolves by name', () => {
    expect(listBundledSets()).toContain('henan-2021');
    const set = henan();
    expect(set.name).toBe('henan-2021');
    expect(set.level).toBe('省');
    expect(set.year).toBe(2021);
  });

  it('has the ten tasks 一要…十要 as themes, in order, each quoted from its line', () => {
    const set = henan();
    const markers = ['一要', '二要', '三要', '四要', '五要', '六要', '七要', '八要', '九要', '十要'];
    expect(set.themes.map((t) => t.source?.quote?.slice(0, 2))).toEqual(markers);
    for (const t of set.themes) {
      expect(t.required).toBe(true);
      expect(t.keywords.length).toBeGreaterThan(0);
      // the title is the task's wording after its marker
      expect(t.source!.quote).toBe(t.source!.quote!.slice(0, 2) + t.title);
      expect(quoteStartsAt(seed, t.source!.line!, t.source!.quote!), `${t.id} line ${t.source!.line}`).toBe(true);
      // the full text, used for similarity, is the superior's own wording too: the task and its
      // elaboration elsewhere on the page, sentence by sentence
      const flat = seed.replace(/[\s\u3000]+/g, '');
      expect(t.text!.startsWith(t.title)).toBe(true);
      for (const sentence of t.text!.split('。').filter(Boolean)) expect(flat, t.id).toContain(sentence);
    }
    // the lines read by hand from seed 004
    expect(set.themes.map((t) => t.source!.line)).toEqual([221, 232, 237, 248, 254, 258, 262, 263, 269, 279]);
  });

  it('traces every target to its line in the seed', () => {
    const set = henan();
    for (const t of set.targets) {
      expect(t.source?.line, t.id).toBeDefined();
      expect(quoteStartsAt(seed, t.source!.line!, t.source!.quote!), `${t.id}: "${t.source!.quote}" at line ${t.source!.line}`).toBe(true);
      // the value is written in the quote (1万 = 10000)
      const written = t.value >= 10000 && t.value % 10000 === 0 ? `${t.value / 10000}万` : String(t.value);
      expect(t.source!.quote!.replace(/\s+/g, ''), t.id).toContain(written);
      if (t.theme) expect(set.themes.map((x) => x.id)).toContain(t.theme);
    }
  });

  it('carries the 2021 targets named in the issue, with comparator, value and unit', () => {
    const set = henan();
    const byName = (name: string) => set.targets.find((t) => t.name === name)!;
    expect(byName('适龄儿童免疫规划疫苗接种率')).toMatchObject({
      op: 'ge',
      value: 90,
      unit: '%',
      qualifier: '以上',
      comparator: '保持在',
      year: 2021,
      source: { line: 319 },
    });
    expect(byName('公有产权村卫生室比例')).toMatchObject({ op: 'ge', value: 70, unit: '%', comparator: '达到', year: 2021, source: { line: 359 } });
    expect(byName('村卫生室承担的基本公共卫生服务任务')).toMatchObject({
      op: 'ge',
      value: 50,
      unit: '%',
      comparator: '提高到',
      year: 2021,
      source: { line: 331 },
    });
    expect(set.targets.find((t) => t.id === 'county-medical-community-excellent')).toMatchObject({ op: 'approx', value: 40, unit: '%', qualifier: '左右' });
    expect(set.targets.find((t) => t.id === 'county-hospitals-tertiary')).toMatchObject({ op: 'increase', value: 30, unit: '所' });
    expect(set.targets.find((t) => t.id === 'backbone-talent-2021')).toMatchObject({ op: 'increase', value: 2000, unit: '名', theme: 'talent-cooperation' });
  });

  it('carries the 2025 targets', () => {
    const set = henan();
    const t2025 = Object.fromEntries(set.targets.filter((t) => t.year === 2025).map((t) => [t.id, [t.op, t.value, t.unit]]));
    expect(t2025).toMatchObject({
      'life-expectancy-2025': ['increase', 1, '岁'],
      'infant-mortality-2025': ['le', 4.2, '‰'],
      'under5-mortality-2025': ['le', 5.3, '‰'],
      'maternal-mortality-2025': ['le', 9.5, '/10万'],
      'beds-per-1000-2025': ['ge', 7.7, '张'],
      'doctors-per-1000-2025': ['ge', 3.6, '人'],
      'nurses-per-1000-2025': ['ge', 4.3, '人'],
      'childcare-places-per-1000-2025': ['ge', 4, '个'],
    });
  });
});

describe('loader: located problems, never a throw', () => {
  const valid = 'title: 测试要求集\nthemes:\n  - id: a\n    title: 任务甲\n    keywords: [甲]\ntargets: []\n';

  it('parses a minimal valid set and fills defaults', () => {
    const r = parseRequirementSet(valid, { file: 'x.yaml', name: 'x' });
    expect(r.problems).toEqual([]);
    expect(r.set).toMatchObject({ name: 'x', title: '测试要求集', themes: [{ id: 'a', required: true }], targets: [] });
  });

  it('reports YAML syntax errors at their position', () => {
    const r = parseRequirementSet('title: x\nthemes: [\n  - id: a\n', { file: 'bad.yaml', name: 'bad' });
    expect(r.set).toBeUndefined();
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0]).toMatchObject({ file: 'bad.yaml', ruleId: 'config/yaml', severity: 'error' });
    expect(r.problems[0]!.range.start.line).toBeGreaterThanOrEqual(1);
  });

  it('locates a wrong type at the value, naming what was expected', () => {
    const text = valid.replace('targets: []', "targets:\n  - id: t\n    name: 接种率\n    op: ge\n    value: 九十\n    unit: '%'");
    const r = parseRequirementSet(text, { file: 's.yaml', name: 's' });
    expect(r.set).toBeUndefined();
    const p = r.problems.find((x) => x.message.en.includes('targets.0.value'))!;
    expect(p).toBeDefined();
    expect(p.message.zh).toContain('应为 数字');
    // line 10 (zero-based 9) holds "    value: 九十", the value starts at character 11
    expect(p.range.start).toEqual({ line: 9, character: 11 });
  });

  it('locates an unknown property at its key and a missing one at its parent', () => {
    const text = 'title: x\nthemes:\n  - id: a\n    titel: 任务甲\n    keywords: [甲]\n';
    const r = parseRequirementSet(text, { file: 's.yaml', name: 's' });
    const unknown = r.problems.find((p) => p.message.en.includes('unknown property "titel"'))!;
    expect(unknown.range.start).toEqual({ line: 3, character: 4 });
    const missing = r.problems.find((p) => p.message.en.includes('missing required property "title"'))!;
    expect(missing.range.start.line).toBe(2);
  });

  it('reports an invalid enum value with the allowed values', () => {
    const r = parseRequirementSet(valid.replace('title: 测试要求集', 'title: 测试要求集\nlevel: 乡'), { file: 's.yaml', name: 's' });
    const p = r.problems[0]!;
    expect(p.message.zh).toContain('国家、省、市、县');
    expect(p.range.start).toEqual({ line: 1, character: 7 });
  });

  it('reports duplicate ids and a target naming an unknown theme', () => {
    const text =
      'title: x\nthemes:\n  - id: a\n    title: 甲\n    keywords: [甲]\n  - id: a\n    title: 乙\n    keywords: [乙]\n' +
      "targets:\n  - id: t\n    name: 率\n    op: ge\n    value: 1\n    unit: '%'\n    theme: zz\n";
    const r = parseRequirementSet(text, { file: 's.yaml', name: 's' });
    expect(r.set).toBeUndefined();
    expect(r.problems.map((p) => p.message.en)).toEqual([expect.stringContaining('duplicate theme id "a"'), expect.stringContaining('names theme "zz"')]);
    expect(r.problems[0]!.range.start.line).toBe(5);
    expect(r.problems[1]!.range.start.line).toBe(14);
  });

  it('survives garbage input', () => {
    for (const text of ['', '---', '- a\n- b', 'title: [', '\u0000\ufffd', 'themes: 3', ': : :']) {
      const r = parseRequirementSet(text, { file: 'g.yaml', name: 'g' });
      expect(r.set).toBeUndefined();
      expect(r.problems.length).toBeGreaterThan(0);
      for (const p of r.problems) expect(p.range.start.line).toBeGreaterThanOrEqual(0);
    }
  });

  it('resolves paths relative to the base directory, only inside the workspace', () => {
    const root = mkdtempSync(join(tmpdir(), 'planlint-req-'));
    mkdirSync(join(root, 'ws', 'sets'), { recursive: true });
    writeFileSync(join(root, 'ws', 'sets', 'city.yaml'), valid);
    writeFileSync(join(root, 'outside.yaml'), valid);
    const ws = join(root, 'ws');
    const inside = resolveRequirementSets(['sets/city.yaml', 'sets/city'], { baseDir: ws, workspaceRoot: ws });
    expect(inside.problems).toEqual([]);
    expect(inside.sets.map((s) => s.name)).toEqual(['city']); // the same file twice is loaded once
    const outside = resolveRequirementSets(['../outside.yaml'], {
      baseDir: ws,
      workspaceRoot: ws,
      referrer: 'draft.md',
      refRanges: [{ start: { line: 1, character: 15 }, end: { line: 1, character: 30 } }],
    });
    expect(outside.sets).toEqual([]);
    expect(outside.problems[0]).toMatchObject({ file: 'draft.md', ruleId: 'config/requirements', range: { start: { line: 1, character: 15 } } });
    expect(outside.problems[0]!.message.zh).toContain('工作区之外');
    const allowed = resolveRequirementSets(['../outside.yaml'], { baseDir: ws, workspaceRoot: ws, allowOutsideWorkspace: true });
    expect(allowed.problems).toEqual([]);
    const unknown = resolveRequirementSets(['henan-2099'], { baseDir: ws, workspaceRoot: ws });
    expect(unknown.problems[0]!.message.zh).toContain('找不到要求集“henan-2099”');
    expect(unknown.problems[0]!.message.zh).toContain('henan-2021');
  });

  it('the example in server/sets/README.md is a valid set', () => {
    const md = readFileSync(join(repoRoot, 'server/sets/README.md'), 'utf8');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(md)![1]!;
    const r = parseRequirementSet(yaml, { file: 'README.md', name: 'example' });
    expect(r.problems).toEqual([]);
    expect(r.set!.targets[0]!.binds).toBe('all');
  });

  it('bundled set file validates and is found next to the sources', () => {
    expect(bundledSetPath('henan-2021')).toMatch(/server[\\/]sets[\\/]henan-2021\.yaml$/);
    expect(bundledSetPath('../etc/passwd')).toBeUndefined();
  });
});
