/**
 * Valid/invalid tables for the proofreading rules (issue 16): each invalid case names the text,
 * the expected findings by 1-based line and column and the flagged excerpt, and the text after the
 * offered fix where there is one; each valid case must give no finding of the rule.
 */
import { expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../server/src/core/analyze.js';
import { applyEdits } from '../server/src/core/fix.js';
import type { Rule } from '../server/src/core/rule.js';

export interface Invalid {
  text: string;
  /** expected findings: 1-based line, 1-based column, the flagged text */
  findings: { line: number; column: number; excerpt: string }[];
  /** the text after applying every offered fix (omit when the rule offers none here) */
  fixed?: string;
  options?: AnalyzeOptions;
}

export interface Valid {
  text: string;
  options?: AnalyzeOptions;
}

export function table(rule: Rule, invalid: readonly Invalid[], valid: readonly Valid[]): void {
  for (const c of invalid) {
    it(`flags: ${c.text.replace(/\n/g, '⏎').slice(0, 60)}`, () => {
      const { findings } = analyze(c.text, { ...c.options, rules: [rule] });
      expect(
        findings.map((f) => ({
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          excerpt: c.text.slice(f.start, f.end),
        })),
      ).toEqual(c.findings);
      for (const f of findings) {
        expect(f.message.zh).toMatch(/[\u4e00-\u9fa5]/);
        expect(f.message.en).toMatch(/[a-z]/);
      }
      const fixes = findings.filter((f) => f.fix);
      if (c.fixed === undefined) expect(fixes).toEqual([]);
      else {
        const fixed = applyEdits(
          c.text,
          fixes.flatMap((f) => f.fix!.edits),
        );
        expect(fixed).toBe(c.fixed);
        // what the fixes addressed is gone; findings without a fix stay
        expect(analyze(fixed, { ...c.options, rules: [rule] }).findings).toHaveLength(findings.length - fixes.length);
      }
    });
  }
  for (const c of valid) {
    it(`quiet: ${c.text.replace(/\n/g, '⏎').slice(0, 60)}`, () => {
      expect(analyze(c.text, { ...c.options, rules: [rule] }).findings.map((f) => c.text.slice(f.start, f.end))).toEqual([]);
    });
  }
}
