/**
 * Data-driven fixtures: NAME.{txt,md} with NAME.expect.yaml beside it, in test/fixtures/cases
 * (drafts written to reproduce real defects) and test/fixtures/robust (altered seeds as WeChat and
 * PDF exports deliver them). The expectation lists findings as { rule, line } (1-based); for every
 * rule named there or in `check`, the actual findings must be exactly those. `structure` counts
 * sections per level. Every finding's span and fix must lie inside the text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../server/src/core/analyze.js';
import { repoRoot } from './helpers.js';
import { findingProblems } from './robust-gen.js';

interface Expectation {
  description?: string;
  structure?: { level1?: number; level2?: number; level3?: number; level4?: number };
  findings: { rule: string; line: number }[];
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
      const text = readFileSync(join(dir, file), 'utf8');
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
      const rules = new Set([...exp.findings.map((f) => f.rule), ...(exp.check ?? [])]);
      const key = (f: { rule: string; line: number }) => `${f.line} ${f.rule}`;
      const actual = findings.filter((f) => rules.has(f.ruleId)).map((f) => key({ rule: f.ruleId, line: f.range.start.line + 1 }));
      expect(actual.sort()).toEqual(exp.findings.map(key).sort());
      expect(findingProblems(text, findings)).toEqual([]);
    });
  }
});
