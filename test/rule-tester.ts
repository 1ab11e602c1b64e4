/**
 * A RuleTester after ESLint's: each rule has a table (test/rules/<rule-id-with-dashes>.cases.ts) of
 * `valid` texts (no finding of the rule) and `invalid` ones (the findings expected, by 1-based line
 * and column and the text they cover, and the text after the fixes). Everything runs through the
 * one entry point, analyzeDocument, with a fresh session per case; every fixed output is linted
 * again to show the fix removed its finding and added none.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDocument, createSession } from '../server/src/core/analyze.js';
import { applyFixesOnce, fixesOf } from '../server/src/core/fix.js';
import type { LocatedFinding } from '../server/src/core/model.js';
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

const key = (f: LocatedFinding) => `${f.ruleId}|${f.message.zh}`;

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
        const output = applyFixesOnce(c.text, fixes).text;
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
      });
    });
  });
}
