/// <reference types="vite/client" />
/**
 * Runs every rule's table (test/rules/<rule-id-with-dashes>.cases.ts) through the RuleTester
 * (test/rule-tester.ts), and fails when a rule of rules/index.ts has no table.
 */
import { describe, expect, it } from 'vitest';
import { allRules } from '../server/src/core/rules/index.js';
import { runRuleTests, tableName, type RuleCases } from './rule-tester.js';
import { PROOFREADING_RULES } from './proofreading-rules.js';

const tables = import.meta.glob<RuleCases>('./rules/*.cases.ts', { eager: true, import: 'default' });
const byName = new Map(Object.entries(tables).map(([path, cases]) => [path.replace(/^\.\/rules\//, '').replace(/\.cases\.ts$/, ''), cases]));

describe('rule tables', () => {
  it('every rule has a table, and every table a rule', () => {
    const ids = allRules.map((r) => tableName(r.meta.id));
    expect(
      ids.filter((id) => !byName.has(id)),
      'rules without a table',
    ).toEqual([]);
    expect(
      [...byName.keys()].filter((n) => !ids.includes(n)),
      'tables without a rule',
    ).toEqual([]);
  });
  it('every table has at least one invalid case', () => {
    for (const [name, cases] of byName) expect(cases.invalid.length, name).toBeGreaterThan(0);
  });
  it('the proofreading rules (issue 16) have at least three valid and three invalid cases each', () => {
    for (const id of PROOFREADING_RULES) {
      const cases = byName.get(tableName(id));
      expect(cases?.valid.length ?? 0, `${id}: valid`).toBeGreaterThanOrEqual(3);
      expect(cases?.invalid.length ?? 0, `${id}: invalid`).toBeGreaterThanOrEqual(3);
    }
  });
});

for (const rule of allRules) {
  const cases = byName.get(tableName(rule.meta.id));
  if (cases) runRuleTests(rule.meta.id, cases);
}
