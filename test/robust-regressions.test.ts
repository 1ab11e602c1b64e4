/**
 * Bugs found by the robustness properties (issue 7), each pinned by the smallest real-looking
 * input that showed it.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { resolveRequirementSets } from '../server/src/node/requirements.js';
import { findingProblems } from './robust-gen.js';
import { repoRoot } from './helpers.js';

const { sets: henan } = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot });

describe('regressions found by the robustness properties', () => {
  it('alignment/missing-target on a draft without numbered headings (pasted prose) has a forward span', () => {
    // prose matched to a theme by a paragraph (no heading): the finding used to end before it started
    const text = '标题\n\n持续推进公共卫生体系建设，实施扩大国家免疫规划工作。\n\n大力开展爱国卫生运动。\n';
    const { findings } = analyze(text, { requirements: henan });
    const missing = findings.filter((f) => f.ruleId === 'alignment/missing-target');
    expect(missing.length).toBeGreaterThan(0);
    expect(findingProblems(text, findings)).toEqual([]);
    for (const f of missing) expect(f.end).toBeGreaterThan(f.start);
  });

  it('a token broken by a lone carriage return (a Mac line break) is one heading whose span holds the break', () => {
    // fast-check (property-core, seed -2061599979): ；一\r． — LineIndex reads a lone \r as a line
    // break, the parser joins 一 and ． across it (a token broken over two lines), and the property's
    // own check had counted only \r?\n as breaks
    const text = '；一\r．';
    const { plan, findings } = analyze(text);
    expect(plan.allSections.map((s) => s.token.raw)).toEqual(['一．']);
    const s = plan.allSections[0]!;
    expect(text.slice(s.token.start, s.token.end)).toBe('一\r．');
    expect(plan.index.positionAt(s.token.end).line).toBe(1);
    expect(findingProblems(text, findings)).toEqual([]);
  });
});
