/**
 * Size (issue 7): a 10 MB draft and 200,000-line drafts are analysed to completion (bounded by the
 * test timeout, no wall-clock assertion: timings are in the report), including the shapes that
 * used to be quadratic or overflow the call stack (200,000 siblings under one heading; one fix with
 * 200,000 edits). The size guard (AnalyzeOptions.maxFullAnalysisBytes) reduces a large draft to
 * structural checks with an information finding.
 */
import { describe, expect, it } from 'vitest';
import { analyze, hasTag, SIZE_LIMIT_ID, STRUCTURAL_TAG, utf8Length } from '../server/src/core/analyze.js';
import { findRule } from '../server/src/core/rules/index.js';

/** Whether a finding's rule is tagged structural (what still runs above the size guard). */
const structural = (ruleId: string): boolean => {
  const rule = findRule(ruleId);
  return rule !== undefined && hasTag(rule, STRUCTURAL_TAG);
};
import { applyFixes, applyFixesOnce, fixesOf } from '../server/src/core/fix.js';
import { renumberDocument } from '../server/src/core/renumber.js';
import { resolveRequirementSets } from '../server/src/node/requirements.js';
import { findingProblems, SEEDS } from './robust-gen.js';
import { readSeed, repoRoot } from './helpers.js';

const MB = 1024 * 1024;
const { sets: henan } = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot });

function repeatTo(unit: string, bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  const u = utf8Length(unit);
  while (n < bytes) {
    parts.push(unit);
    n += u;
  }
  return parts.join('\n');
}

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');

describe('utf8Length', () => {
  it('counts what Buffer.byteLength counts', () => {
    for (const s of ['', 'abc', '一、总体要求', '９０％', '\ud83d\ude00x', '\ud800', 'a\udc00b', SEEDS[2]!])
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
  });
});

describe('large drafts complete', () => {
  const tenMB = repeatTo(SEEDS.join('\n'), 10 * MB);

  it('a 10 MB draft: full analysis', () => {
    expect(utf8Length(tenMB)).toBeGreaterThanOrEqual(10 * MB);
    const { plan, findings } = analyze(tenMB);
    expect(plan.allSections.length).toBeGreaterThan(10000);
    expect(plan.indicators.length).toBeGreaterThan(1000);
    expect(findingProblems(tenMB, findings)).toEqual([]);
  });

  it('a 10 MB draft over the size guard: structural checks only, with an information finding', () => {
    const { plan, findings, limited } = analyze(tenMB, { requirements: henan, maxFullAnalysisBytes: 2 * MB });
    expect(limited).toEqual({ bytes: utf8Length(tenMB), limit: 2 * MB });
    expect(plan.indicators).toEqual([]);
    const info = findings.filter((f) => f.ruleId === SIZE_LIMIT_ID);
    expect(info).toHaveLength(1);
    expect(info[0]!.severity).toBe('information');
    expect(info[0]!.message.zh).toContain('仅检查结构');
    for (const f of findings) if (f.ruleId !== SIZE_LIMIT_ID) expect(structural(f.ruleId)).toBe(true);
    // (each repeated seed starts after its title line: a new part whose numbering restarts, so
    // the structural finding left is seed 001's half-width brackets, not a sequence error)
    expect(findings.some((f) => f.ruleId === 'numbering/style')).toBe(true);
    expect(findingProblems(tenMB, findings)).toEqual([]);
  });

  it('200,000 lines of real plan text (the seeds repeated)', () => {
    const seedLines = SEEDS.join('\n').split(/\r?\n/);
    const text = lines(200000, (i) => seedLines[i % seedLines.length]!);
    const { plan, findings } = analyze(text);
    expect(plan.index.lineCount).toBe(200000);
    expect(findingProblems(text, findings)).toEqual([]);
  });

  it('200,000 level-3 items under one heading, all numbered "1.": one finding; renumbering and applying its 199,999 edits complete', () => {
    const text = '一、总体要求\n' + lines(200000, () => '1.加强工作。');
    const { findings, plan } = analyze(text);
    expect(plan.allSections).toHaveLength(200001);
    const seq = findings.filter((f) => f.ruleId === 'numbering/sequence');
    expect(seq).toHaveLength(1);
    expect(seq[0]!.fix!.edits.length).toBe(199999);
    // these used to overflow the call stack (push(...edits)) or take minutes (pairwise overlap checks)
    expect(renumberDocument(plan).length).toBe(199999);
    const once = applyFixesOnce(text, fixesOf(findings));
    expect(once.applied).toHaveLength(1);
    expect(once.text.split('\n')[3]).toBe('3.加强工作。');
  });

  it('fix all on 20,000 misnumbered items converges and a second run changes nothing', () => {
    const text = '一、总体要求\n' + lines(20000, (i) => `${(i % 7) + 1}.加强工作。`);
    const first = applyFixes(text, (t) => analyze(t).findings);
    expect(first.appliedCount).toBeGreaterThan(0);
    expect(applyFixes(first.text, (t) => analyze(t).findings).text).toBe(first.text);
  });

  it('200,000 level-2 siblings under one level-1 heading (numbering/level used to be quadratic)', () => {
    const text = '一、总体要求\n' + lines(200000, (i) => (i % 1000 === 999 ? '1.具体任务' : '（一）加强工作'));
    const { findings, plan } = analyze(text);
    expect(plan.allSections.length).toBe(200001);
    expect(findingProblems(text, findings)).toEqual([]);
  });

  it('200,000 lines of count promises and enumerations (numbering/count-word used to be quadratic)', () => {
    const text = '一、总体要求\n' + lines(200000, (i) => (i % 2 ? `${(i % 900) + 1}.补齐两个短板` : '一是加强。二是推进。三是落实。'));
    const { findings } = analyze(text);
    expect(findings.filter((f) => f.ruleId === 'numbering/count-word').length).toBeGreaterThan(1000);
    expect(findingProblems(text, findings)).toEqual([]);
  });

  it('one 2 MB line, and 200,000 empty lines', () => {
    for (const text of ['加强工作，'.repeat(400000), '\n'.repeat(200000), '\r'.repeat(200000)]) {
      const { findings } = analyze(text, { requirements: henan });
      expect(findingProblems(text, findings)).toEqual([]);
    }
  });
});

describe('the size guard', () => {
  const seed = readSeed('002');

  it('below the limit changes nothing', () => {
    const full = analyze(seed, { requirements: henan });
    const guarded = analyze(seed, { requirements: henan, maxFullAnalysisBytes: 10 * MB });
    expect(guarded.limited).toBeUndefined();
    expect(guarded.findings).toEqual(full.findings);
    expect(guarded.plan.indicators).toEqual(full.plan.indicators);
  });

  it('above the limit keeps the structural findings exactly and drops the rest', () => {
    const full = analyze(seed, { requirements: henan });
    const guarded = analyze(seed, { requirements: henan, maxFullAnalysisBytes: 1000 });
    expect(guarded.limited?.limit).toBe(1000);
    expect(full.findings.some((f) => !structural(f.ruleId))).toBe(true);
    expect(guarded.findings.filter((f) => f.ruleId !== SIZE_LIMIT_ID)).toEqual(full.findings.filter((f) => structural(f.ruleId)));
    expect(guarded.plan.allSections.length).toBe(full.plan.allSections.length);
    const info = guarded.findings.find((f) => f.ruleId === SIZE_LIMIT_ID)!;
    expect(info.range.start).toEqual({ line: 0, character: 0 });
    expect(info.message.en).toMatch(/structural checks only/);
  });
});
