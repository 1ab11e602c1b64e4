/**
 * Data-driven fixtures: NAME.{txt,md} with NAME.expect.yaml beside it, in test/fixtures/cases
 * (drafts written to reproduce real defects) and test/fixtures/robust (altered seeds as WeChat and
 * PDF exports deliver them). Expected findings are marked inline, at the end of the line where each
 * starts (` {rule/id}`, as markdownlint's `{MD029}`: ./fixture-markers.ts), and stripped before the
 * analysis; for every rule marked or named in the sidecar's `check`, the actual findings must be
 * exactly the marked ones. The sidecar's `structure` counts sections per level. Every finding's span
 * and fix must lie inside the text, and the text with every fix applied is analysed again: the
 * fixed findings are gone and no rule finds anything new.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../server/src/core/analyze.js';
import { applyFixesOnce, fixesOf } from '../server/src/core/fix.js';
import { readFixture } from './fixture-markers.js';
import { fixedBy, refixProblems } from './rule-tester.js';
import { repoRoot } from './helpers.js';
import { findingProblems } from './robust-gen.js';

interface Expectation {
  description?: string;
  structure?: { level1?: number; level2?: number; level3?: number; level4?: number };
  /** rules whose findings must be exactly the marked ones, also where none is marked */
  check?: string[];
}

const dirs = ['cases', 'robust'].map((d) => join(repoRoot, 'test', 'fixtures', d));
const cases = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((file) => ({ dir, file })),
);

describe('fixture cases', () => {
  it('has cases in both folders', () => {
    for (const dir of dirs) expect(cases.filter((c) => c.dir === dir).length).toBeGreaterThanOrEqual(2);
  });
  for (const { dir, file } of cases) {
    it(file, () => {
      const { text, marked } = readFixture(join(dir, file));
      const exp = parseYaml(readFileSync(join(dir, file.replace(/\.(txt|md)$/, '.expect.yaml')), 'utf8')) as Expectation;
      const { plan, findings } = analyze(text);
      if (exp.structure) {
        for (const [key, n] of Object.entries(exp.structure)) {
          const level = Number(key.replace('level', ''));
          expect(
            plan.allSections.filter((s) => s.level === level),
            `${key} sections`,
          ).toHaveLength(n);
        }
      }
      const rules = new Set([...marked.map((f) => f.rule), ...(exp.check ?? [])]);
      const key = (f: { rule: string; line: number }) => `${f.line} ${f.rule}`;
      const actual = findings.filter((f) => rules.has(f.ruleId)).map((f) => key({ rule: f.ruleId, line: f.range.start.line + 1 }));
      expect(actual.sort()).toEqual(marked.map(key).sort());
      expect(findingProblems(text, findings)).toEqual([]);
      // every fix (the safe ones --fix applies, and those offered as quick fixes only), applied:
      // their findings gone, nothing new from any rule
      const { text: fixed, applied } = applyFixesOnce(text, fixesOf(findings, false));
      if (applied.length > 0) expect(refixProblems(findings, fixedBy(findings, applied), analyze(fixed).findings)).toEqual([]);
    });
  }
});
