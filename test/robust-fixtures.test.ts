/**
 * Real-looking pasted drafts (test/fixtures/robust/NAME.txt + NAME.expect.yaml, the format of
 * test/fixtures/cases): altered copies of the seeds as WeChat and PDF exports deliver them. The
 * structure and the listed findings must be exactly as expected, and every span in range.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../server/src/core/analyze.js';
import { findingProblems } from './robust-gen.js';
import { repoRoot } from './helpers.js';

interface Expectation {
  description?: string;
  structure?: Record<string, number>;
  findings: { rule: string; line: number }[];
  check?: string[];
}

const dir = join(repoRoot, 'test', 'fixtures', 'robust');
const cases = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f));

describe('pasted drafts (test/fixtures/robust)', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(2));
  for (const file of cases) {
    it(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const exp = parseYaml(readFileSync(join(dir, file.replace(/\.(txt|md)$/, '.expect.yaml')), 'utf8')) as Expectation;
      const { plan, findings } = analyze(text);
      for (const [key, n] of Object.entries(exp.structure ?? {})) {
        const level = Number(key.replace('level', ''));
        expect(plan.allSections.filter((s) => s.level === level), `${key} sections`).toHaveLength(n);
      }
      const rules = new Set([...exp.findings.map((f) => f.rule), ...(exp.check ?? [])]);
      const key = (f: { rule: string; line: number }) => `${f.line} ${f.rule}`;
      const actual = findings.filter((f) => rules.has(f.ruleId)).map((f) => key({ rule: f.ruleId, line: f.range.start.line + 1 }));
      expect(actual.sort()).toEqual(exp.findings.map(key).sort());
      expect(findingProblems(text, findings)).toEqual([]);
    });
  }
});
