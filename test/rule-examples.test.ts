/**
 * Every rule documents itself with bad and good examples (docs/rules.md is generated from them);
 * this harness keeps those examples true: each bad text triggers its rule, each good text does not
 * (alignment rules, checked against the bundled henan-2021 set: the good text has fewer findings),
 * and a fix offered on a bad text yields text the rule accepts or a smaller set of findings.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { applyEdits } from '../server/src/core/fix.js';
import { allRules } from '../server/src/core/rules/index.js';
import { resolveRequirementSets } from '../server/src/node/requirements.js';
import { repoRoot } from './helpers.js';

const { sets: requirements } = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot });
/** every rule at its own default severity, including those the default profile turns off (task/responsibility) */
const profile = { name: 'all', rules: {} };

describe('rule metadata', () => {
  it('ids are unique and well formed', () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
  });
  for (const rule of allRules) {
    describe(rule.meta.id, () => {
      it('has a Chinese and an English description and at least one example', () => {
        expect(rule.meta.description.zh).toMatch(/[\u4e00-\u9fa5]/);
        expect(rule.meta.description.en).toMatch(/[a-z]/);
        expect(rule.meta.examples.length).toBeGreaterThan(0);
      });
      rule.meta.examples.forEach((ex, i) => {
        it(`example ${i + 1}: the bad text triggers it, the good text does not`, () => {
          const bad = analyze(ex.bad, { rules: [rule], requirements, profile }).findings;
          const good = analyze(ex.good, { rules: [rule], requirements, profile }).findings;
          expect(bad.length, `bad: ${ex.bad}`).toBeGreaterThan(0);
          // alignment examples show one theme or target of a whole superior set: the good text
          // answers that one, so it has fewer findings; every other rule's good text is clean
          if (rule.meta.id.startsWith('alignment/')) expect(good.length, `good: ${ex.good}`).toBeLessThan(bad.length);
          else expect(good, `good: ${ex.good}`).toEqual([]);
          for (const f of bad) {
            expect(f.message.zh.length).toBeGreaterThan(0);
            expect(f.message.en.length).toBeGreaterThan(0);
            if (f.fix) {
              expect(rule.meta.fixable).toBe(true);
              const fixed = applyEdits(ex.bad, f.fix.edits);
              expect(fixed).not.toBe(ex.bad);
              expect(analyze(fixed, { rules: [rule], requirements, profile }).findings.length).toBeLessThan(bad.length);
            }
          }
        });
      });
    });
  }
});
