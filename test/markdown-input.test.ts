/**
 * Markdown input (issue 14): code blocks are not checked, tables are read cell by cell.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { parsePlan } from '../server/src/core/parse.js';
import { resolveRequirementSets } from '../server/src/node/requirements.js';
import { readSeed, repoRoot } from './helpers.js';

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

describe('Markdown code blocks', () => {
  const fenced = [
    '# 2024年卫生健康工作要点',
    '',
    '一、总体要求',
    '',
    '（一）适龄儿童免疫规划疫苗接种率达到90%以上。',
    '',
    '```text',
    '三、示例标题',
    '（五）孕产妇系统管理率达到120%。',
    '```',
    '',
    '~~~~',
    '四、另一个示例',
    '```',
    '~~~~',
    '',
    '二、重点任务',
    '',
    '（一）推进县域医共体建设。',
    '',
  ].join('\n');

  it('a fenced block (``` and ~~~) is not part of the structure and has no finding inside', () => {
    const a = analyze(fenced);
    expect(a.plan.sections.map((s) => [s.number, s.children.map((c) => c.number)])).toEqual([
      ['一', ['一']],
      ['二', ['一']],
    ]);
    // before: 三、 in the code was a heading (numbering/sequence) and 120% an impossible rate
    expect(a.findings.filter((f) => lineOf(fenced, f.start) >= 6 && lineOf(fenced, f.start) <= 14)).toEqual([]);
    expect(a.plan.indicators.map((i) => i.value)).toEqual([90]);
  });

  it('an indented block after a blank line is code in a Markdown document', () => {
    const text = ['# 工作要点', '', '一、总体要求', '', '    三、示例', '    孕产妇系统管理率达到120%。', '', '二、重点任务', ''].join('\n');
    const a = analyze(text);
    expect(a.plan.sections.map((s) => s.number)).toEqual(['一', '二']);
    expect(a.findings.filter((f) => [4, 5].includes(lineOf(text, f.start)))).toEqual([]);
  });

  it('indentation is a paragraph indent in plain text and in a draft indented throughout', () => {
    const plain = ['一、总体要求', '', '    （一）完善体系。', '', '    （二）提高水平。', '', '二、重点任务', ''].join('\n');
    expect(parsePlan(plain).allSections.map((s) => s.number)).toEqual(['一', '一', '二', '二']);
    const md = ['# 工作要点', '', '    一、总体要求', '', '    （一）完善体系。', '', '    二、重点任务', ''].join('\n');
    expect(parsePlan(md).allSections.map((s) => s.number)).toEqual(['一', '一', '二']);
  });
});

describe('Markdown pipe tables', () => {
  const text = [
    '一、主要目标',
    '',
    '| 指标 | 2024年目标值 |',
    '| --- | :-: |',
    '| 适龄儿童免疫规划疫苗接种率 | 达到90%以上 |',
    '| 孕产妇死亡率 | 10/10万以下 |',
    '',
    '二、重点任务',
    '',
  ].join('\n');

  it('each row is a block whose cells keep their exact ranges; the delimiter row and pipes are not text', () => {
    const plan = parsePlan(text);
    const rows = plan.blocks.filter((b) => b.firstLine >= 2 && b.firstLine <= 5);
    expect(rows.map((b) => [b.firstLine, b.text])).toEqual([
      [2, '指标\t2024年目标值'],
      [4, '适龄儿童免疫规划疫苗接种率\t达到90%以上'],
      [5, '孕产妇死亡率\t10/10万以下'],
    ]);
    expect(rows.every((b) => b.tableRow === true)).toBe(true);
    for (const b of rows) {
      for (const seg of b.segments.filter((s) => s.length > 0)) {
        // a cell's text is the document's text at its range, pipes and padding excluded
        expect(text.slice(seg.docStart, seg.docStart + seg.length)).toBe(b.text.slice(seg.textStart, seg.textStart + seg.length));
        expect(text.slice(seg.docStart, seg.docStart + seg.length)).not.toMatch(/^\s|\||\s$/);
      }
    }
    // the table is not one paragraph with the headings around it
    expect(plan.sections.map((s) => s.number)).toEqual(['一', '二']);
  });

  it('indicators in cells count, located in their cells; no finding on the table syntax', () => {
    const a = analyze(text);
    const ind = a.plan.indicators.find((i) => i.name === '适龄儿童免疫规划疫苗接种率');
    expect(ind?.value).toBe(90);
    expect(lineOf(text, ind!.start)).toBe(4);
    expect(text.slice(ind!.valueSpan.start, ind!.valueSpan.end)).toContain('90');
    expect(a.findings.filter((f) => lineOf(text, f.start) === 3 || text[f.start] === '|')).toEqual([]);
  });

  it('a target stated in a table is aligned (not reported missing)', () => {
    const henan = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets[0]!;
    const seed = readSeed('000');
    const sentence = '实施扩大国家免疫规\n\n划工作，适龄儿童免疫规划疫苗接种率达到 90%以上。';
    expect(seed).toContain(sentence);
    const tabled = seed.replace(sentence, '实施扩大国家免疫规划工作。\n\n| 指标 | 目标 |\n|---|---|\n| 适龄儿童免疫规划疫苗接种率 | 达到90%以上 |\n');
    const a = analyze(tabled, { requirements: [henan] });
    expect(a.findings.filter((f) => /^alignment\/(missing|weaker)-target$/.test(f.ruleId))).toEqual([]);
  });
});

describe('TAB-separated rows (a Word table pasted as text)', () => {
  it('two or more rows with the same cells are a table; a numbering token + TAB stays a heading', () => {
    const text = ['一、\t总体要求', '（一）\t完善体系。', '指标\t目标', '孕产妇死亡率\t10/10万以下', '二、\t重点任务', ''].join('\n');
    const plan = parsePlan(text);
    expect(plan.allSections.map((s) => s.number)).toEqual(['一', '一', '二']);
    expect(plan.blocks.filter((b) => b.firstLine === 2 || b.firstLine === 3).map((b) => b.text)).toEqual(['指标\t目标', '孕产妇死亡率\t10/10万以下']);
  });
});
