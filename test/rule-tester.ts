/**
 * A RuleTester after ESLint's: each rule has a table (test/rules/<rule-id-with-dashes>.cases.ts) of
 * `valid` texts (no finding of the rule) and `invalid` ones (the findings expected, by 1-based line
 * and column and the text they cover, and the text after the fixes). Everything runs through the
 * one entry point, analyzeDocument, with a fresh session per case; every fixed output is linted
 * again to show the fix removed its finding and added none: by the rule itself, and by the whole
 * analysis (every rule of the profile), so that a fix never trades its finding for another rule's.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDocument, createSession } from '../server/src/core/analyze.js';
import { applyFixesOnce, fixesOf } from '../server/src/core/fix.js';
import type { Finding, Fix, LocatedFinding } from '../server/src/core/model.js';
import type { Profile } from '../server/src/core/profile.js';
import type { RequirementSet } from '../server/src/core/requirements/types.js';
import { allRules } from '../server/src/core/rules/index.js';

export interface ExpectedFinding {
  /** 1-based line of the finding's start */
  line: number;
  /** 1-based column (UTF-16 code units) of the finding's start */
  column: number;
  /** the text the finding covers */
  covers?: string;
  /** a part of the Chinese message */
  message?: string;
}

export interface ValidCase {
  name?: string;
  text: string;
}

export interface InvalidCase {
  name?: string;
  text: string;
  findings: ExpectedFinding[];
  /** the text after applying the (safe) fixes of the findings once; null: no fix is offered */
  output?: string | null;
}

export interface RuleCases {
  /** requirement sets the alignment rules check against */
  requirements?: () => readonly RequirementSet[];
  /** the profile to lint with (default: the default profile; a rule off by default needs one that enables it) */
  profile?: Profile;
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

/** The table file name of a rule: `numbering/style` → `numbering-style`. */
export const tableName = (ruleId: string): string => ruleId.replace(/\//g, '-');

function ruleById(id: string) {
  const rule = allRules.find((r) => r.meta.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** The rule's findings on a text, through the one entry point, with a fresh session. */
export function lint(ruleId: string, text: string, requirements: readonly RequirementSet[] = [], profile?: Profile): LocatedFinding[] {
  const rule = ruleById(ruleId);
  const { findings } = analyzeDocument(text, { rules: [rule], requirements, maxFullAnalysisBytes: Infinity, ...(profile ? { profile } : {}) }, createSession());
  return findings.filter((f) => f.ruleId === ruleId);
}

const key = (f: Finding) => `${f.ruleId}|${f.message.zh}`;

/** Every rule's findings on a text (the profile's rules), through the one entry point, with a fresh session. */
export function lintAll(text: string, requirements: readonly RequirementSet[] = [], profile?: Profile): LocatedFinding[] {
  return analyzeDocument(text, { requirements, maxFullAnalysisBytes: Infinity, ...(profile ? { profile } : {}) }, createSession()).findings;
}

/**
 * What a fix left behind or brought in: the findings of the fixed text that are not findings of the
 * text before it other than the fixed ones (compared by rule and message, so that positions moved
 * by the edits do not count). Empty when the fixes removed their findings and added none.
 */
export function refixProblems(before: readonly Finding[], fixed: readonly Finding[], after: readonly Finding[]): string[] {
  const pool = new Map<string, number>();
  for (const f of before) pool.set(key(f), (pool.get(key(f)) ?? 0) + 1);
  for (const f of fixed) pool.set(key(f), (pool.get(key(f)) ?? 0) - 1);
  const problems: string[] = [];
  for (const f of after) {
    const n = pool.get(key(f)) ?? 0;
    if (n > 0) pool.set(key(f), n - 1);
    else problems.push(`${fixed.some((x) => key(x) === key(f)) ? 'not removed' : 'new'}: ${key(f)}`);
  }
  return problems;
}

/** The findings whose fix `applyFixesOnce` applied. */
export function fixedBy(findings: readonly Finding[], applied: readonly Fix[]): Finding[] {
  return findings.filter((f) => f.fix !== undefined && applied.includes(f.fix));
}

export function runRuleTests(ruleId: string, cases: RuleCases): void {
  describe(ruleId, () => {
    const requirements = () => cases.requirements?.() ?? [];
    cases.valid.forEach((c, i) => {
      const v = typeof c === 'string' ? { text: c } : c;
      it(`valid ${i + 1}${v.name ? `: ${v.name}` : ''}`, () => {
        expect(lint(ruleId, v.text, requirements(), cases.profile)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid ${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const found = lint(ruleId, c.text, requirements(), cases.profile);
        const got = found.map((f) => ({
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          ...(c.findings.some((e) => e.covers !== undefined) ? { covers: c.text.slice(f.start, f.end) } : {}),
        }));
        expect(got).toEqual(c.findings.map(({ line, column, covers }) => ({ line, column, ...(covers !== undefined ? { covers } : {}) })));
        c.findings.forEach((e, k) => {
          if (e.message) expect(found[k]!.message.zh).toContain(e.message);
        });
        const fixes = fixesOf(found);
        if (c.output === undefined) return;
        if (c.output === null) {
          expect(fixes).toEqual([]);
          return;
        }
        const { text: output, applied } = applyFixesOnce(c.text, fixes);
        expect(output).toBe(c.output);
        // the fixed text, linted again: the fixed findings are gone and nothing new appeared
        const after = lint(ruleId, output, requirements(), cases.profile);
        expect(after.length).toBeLessThan(found.length);
        const before = new Map<string, number>();
        for (const f of found) before.set(key(f), (before.get(key(f)) ?? 0) + 1);
        for (const f of after) {
          const n = before.get(key(f)) ?? 0;
          expect(n, `new finding after the fix: ${f.message.zh}`).toBeGreaterThan(0);
          before.set(key(f), n - 1);
        }
        // and through the whole analysis: no rule finds anything the text before the fix did not have
        const all = lintAll(c.text, requirements(), cases.profile);
        expect(refixProblems(all, fixedBy(found, applied), lintAll(output, requirements(), cases.profile))).toEqual([]);
      });
    });
  });
}
