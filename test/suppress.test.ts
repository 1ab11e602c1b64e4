import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { applyEdits } from '../server/src/core/fix.js';
import type { LocatedFinding } from '../server/src/core/model.js';
import { parsePlan } from '../server/src/core/parse.js';
import { applySuppressions, collectSuppressions, disableFileEdits, disableLineEdits } from '../server/src/core/suppress.js';
import { readSeed } from './helpers.js';

const seed001 = readSeed('001');
const seed003 = readSeed('003');

function findingsOf(text: string): LocatedFinding[] {
  return analyze(text).findings;
}

function kept(text: string): LocatedFinding[] {
  const plan = parsePlan(text);
  return applySuppressions(findingsOf(text), { text, index: plan.index, frontMatter: plan.frontMatter }).kept;
}

const styleCount = findingsOf(seed001).filter((f) => f.ruleId === 'numbering/style').length;
const headingLine = seed003.split('\n').findIndex((l) => l.startsWith('三、提升基层医疗卫生服务能力。'));

describe('suppression markers', () => {
  it('the seeds carry the findings these tests suppress', () => {
    expect(styleCount).toBeGreaterThanOrEqual(10);
    expect(headingLine).toBeGreaterThan(0);
    expect(findingsOf(seed003).some((f) => f.ruleId === 'heading/punctuation' && f.range.start.line === headingLine)).toBe(true);
  });

  it('parses the three Markdown markers, with and without ids', () => {
    const text =
      '<!-- planlint-disable numbering/style -->\n一、总则\n<!-- planlint-disable-next-line heading/punctuation, text/stray-latin -->\n（一）要求。\n正文 <!-- planlint-disable-line -->\n';
    const s = collectSuppressions({ text });
    expect(s.map((x) => [x.kind, x.rules, x.line])).toEqual([
      ['file', ['numbering/style'], undefined],
      ['next-line', ['heading/punctuation', 'text/stray-latin'], 3],
      ['line', 'all', 4],
    ]);
  });

  it('disable-next-line silences only the named rule on the next line', () => {
    const lines = seed003.split('\n');
    lines.splice(headingLine, 0, '<!-- planlint-disable-next-line heading/punctuation -->');
    const text = lines.join('\n');
    expect(kept(text).filter((f) => f.ruleId === 'heading/punctuation')).toEqual([]);
    const other = lines.slice();
    other[headingLine] = '<!-- planlint-disable-next-line numbering/style -->';
    expect(kept(other.join('\n')).some((f) => f.ruleId === 'heading/punctuation')).toBe(true);
  });

  it('a file marker silences every instance of a rule, and only that rule', () => {
    const text = '<!-- planlint-disable numbering/style -->\n' + seed001;
    const k = kept(text);
    expect(k.filter((f) => f.ruleId === 'numbering/style')).toEqual([]);
    const others = findingsOf(seed001).filter((f) => f.ruleId !== 'numbering/style').length;
    expect(k.length).toBe(others);
  });

  it('front matter `disable:` works in plain text, for the whole file and for a line by its content', () => {
    const fm = '---\ndisable:\n  - numbering/style\n  - rule: heading/punctuation\n    line: "三、提升基层医疗"\n---\n';
    expect(kept(fm + seed001).filter((f) => f.ruleId === 'numbering/style')).toEqual([]);
    expect(kept(fm + seed003).filter((f) => f.ruleId === 'heading/punctuation')).toEqual([]);
    // survives edits above the line: insert a paragraph before it
    const edited = (fm + seed003).replace('三、提升基层医疗卫生服务能力。', '新增一段说明。\n\n三、提升基层医疗卫生服务能力。');
    expect(kept(edited).filter((f) => f.ruleId === 'heading/punctuation')).toEqual([]);
  });
});

describe('edits that add markers (quick fixes)', () => {
  const target = (text: string, ruleId: string, line: number) => {
    const f = findingsOf(text).find((x) => x.ruleId === ruleId && x.range.start.line === line)!;
    expect(f).toBeDefined();
    return { ruleId, offset: f.start };
  };

  it('Markdown: disable for this line inserts a next-line marker that then suppresses it, nothing else changes', () => {
    const t = target(seed003, 'heading/punctuation', headingLine);
    const plan = parsePlan(seed003);
    const edits = disableLineEdits({ text: seed003, index: plan.index }, t, { markdown: true })!;
    const out = applyEdits(seed003, edits);
    expect(out.replace('<!-- planlint-disable-next-line heading/punctuation -->\n', '')).toBe(seed003);
    expect(kept(out).filter((f) => f.ruleId === 'heading/punctuation')).toEqual([]);
    // a second rule on the same line extends the same marker
    const plan2 = parsePlan(out);
    const again = disableLineEdits(
      { text: out, index: plan2.index },
      { ruleId: 'text/stray-latin', offset: plan2.index.lineStart(headingLine + 1) },
      { markdown: true },
    )!;
    expect(applyEdits(out, again)).toContain('<!-- planlint-disable-next-line heading/punctuation, text/stray-latin -->\n三、');
  });

  it('plain text: disable for this line writes a front matter entry that matches the line by content', () => {
    const t = target(seed003, 'heading/punctuation', headingLine);
    const plan = parsePlan(seed003);
    const edits = disableLineEdits({ text: seed003, index: plan.index }, t, { markdown: false })!;
    const out = applyEdits(seed003, edits);
    // the shortest prefix of at least 10 characters that no other line starts with
    expect(out.startsWith('---\ndisable:\n  - rule: heading/punctuation\n    line: "三、提升基层医疗卫生"\n---\n')).toBe(true);
    expect(out.endsWith(seed003)).toBe(true);
    expect(kept(out).filter((f) => f.ruleId === 'heading/punctuation')).toEqual([]);
    // and into an existing front matter with a disable list
    const plan2 = parsePlan(out);
    const more = disableFileEdits({ text: out, index: plan2.index, frontMatter: plan2.frontMatter }, 'text/stray-latin', { markdown: false })!;
    const out2 = applyEdits(out, more);
    expect(out2.startsWith('---\ndisable:\n  - rule: heading/punctuation\n    line: "三、提升基层医疗卫生"\n  - text/stray-latin\n---\n')).toBe(true);
    expect(parsePlan(out2).frontMatter?.errors).toEqual([]);
  });

  it('plain text with front matter but no disable list: appends the key, keeps the other keys', () => {
    const text = '---\ntitle: 工作要点\nyear: 2021\n---\n' + seed001;
    const plan = parsePlan(text);
    const edits = disableFileEdits({ text, index: plan.index, frontMatter: plan.frontMatter }, 'numbering/style', { markdown: false })!;
    const out = applyEdits(text, edits);
    expect(out.startsWith('---\ntitle: 工作要点\nyear: 2021\ndisable:\n  - numbering/style\n---\n')).toBe(true);
    expect(kept(out).filter((f) => f.ruleId === 'numbering/style')).toEqual([]);
  });

  it('Markdown file marker goes after the front matter and keeps CRLF line ends', () => {
    const text = ('---\ntitle: 工作要点\n---\n' + seed001).replace(/\n/g, '\r\n');
    const plan = parsePlan(text);
    const edits = disableFileEdits({ text, index: plan.index, frontMatter: plan.frontMatter }, 'numbering/style', { markdown: true })!;
    const out = applyEdits(text, edits);
    expect(out.startsWith('---\r\ntitle: 工作要点\r\n---\r\n<!-- planlint-disable numbering/style -->\r\n')).toBe(true);
    expect(kept(out).filter((f) => f.ruleId === 'numbering/style')).toEqual([]);
  });

  it('refuses to edit front matter that is not valid YAML', () => {
    const text = '---\ntitle: [\n---\n' + seed003;
    const plan = parsePlan(text);
    expect(disableFileEdits({ text, index: plan.index, frontMatter: plan.frontMatter }, 'numbering/style', { markdown: false })).toBeUndefined();
  });
});
