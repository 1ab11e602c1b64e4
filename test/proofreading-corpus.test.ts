/**
 * The proofreading rules (issue 16) on the seeds and the field corpus: their findings are exactly
 * the reviewed true ones of test/corpus-expect/proofreading-verdicts.yaml (a new finding fails until
 * it is read and recorded; a false one is fixed at the mechanism). And the word lists: each YAML
 * source valid against its schema and its compiled JSON up to date.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../server/src/core/analyze.js';
import { allRules } from '../server/src/core/rules/index.js';
import { loadProfile } from '../server/src/node/config.js';
import { repoRoot } from './helpers.js';
import { PROOFREADING_RULES as IDS } from './proofreading-rules.js';

const rules = allRules.filter((r) => IDS.includes(r.meta.id));
const strict = loadProfile('strict', { baseDir: repoRoot, referrer: '' }).profile;

interface Verdict {
  file: string;
  rule: string;
  line: number;
  excerpt: string;
  verdict: boolean;
  why: string;
}

describe('proofreading rules on seeds and test/corpus', () => {
  it('registers the nine rule ids of issue 16', () => {
    expect(rules.map((r) => r.meta.id).sort()).toEqual([...IDS].sort());
  });

  it('finds exactly the reviewed true findings', () => {
    const { verdicts } = parseYaml(readFileSync(join(repoRoot, 'test/corpus-expect/proofreading-verdicts.yaml'), 'utf8')) as { verdicts: Verdict[] };
    const files = [
      ...readdirSync(join(repoRoot, 'seeds'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => `seeds/${f}`),
      ...readdirSync(join(repoRoot, 'test/corpus'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => `test/corpus/${f}`),
    ];
    const actual: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      // strict: every rule on, task/responsibility included
      for (const f of analyze(text, { rules, profile: strict }).findings) {
        const line = text.split('\n')[f.range.start.line]!;
        const excerpt =
          f.range.start.line === f.range.end.line ? line.slice(f.range.start.character, f.range.end.character) : line.slice(f.range.start.character);
        actual.push(`${file} ${f.ruleId} ${f.range.start.line + 1} ${excerpt.replace(/^\uFEFF/, '')}`);
      }
    }
    const expected = verdicts.filter((v) => v.verdict).map((v) => `${v.file} ${v.rule} ${v.line} ${v.excerpt}`);
    expect(actual.sort()).toEqual(expected.sort());
    for (const v of verdicts) expect(v.why.length, `${v.file}:${v.line} has a reason`).toBeGreaterThan(10);
  });
});

describe('proofreading word lists', () => {
  it('server/data/*.yaml are valid and server/data/compiled/*.json up to date (node scripts/compile-data.mjs)', async () => {
    const { compileData } = await import('../scripts/compile-data.mjs');
    expect(compileData(repoRoot, { check: true })).toEqual([]);
  });

  it('every typo pair and formulation names its source', () => {
    const typos = parseYaml(readFileSync(join(repoRoot, 'server/data/typos.yaml'), 'utf8')) as {
      pairs: { wrong: string; right: string; source: string }[];
    };
    for (const p of typos.pairs) {
      expect(p.source.length, p.wrong).toBeGreaterThan(2);
      expect(p.right.length, p.wrong).toBe(p.wrong.length);
    }
    const f = parseYaml(readFileSync(join(repoRoot, 'server/data/formulations.yaml'), 'utf8')) as {
      formulations: { name: string; source: string }[];
    };
    for (const e of f.formulations) expect(e.source.length, e.name).toBeGreaterThan(2);
  });
});

describe('proofreading rules scale linearly', () => {
  it('time(4n)/time(n) stays near 4 on a repeated seed', () => {
    const seed = readFileSync(
      join(
        repoRoot,
        'seeds',
        readdirSync(join(repoRoot, 'seeds')).find((f) => f.startsWith('002_'))!,
      ),
      'utf8',
    );
    const time = (text: string) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        analyze(text, { rules, profile: strict });
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    const n = seed.repeat(2);
    const n4 = seed.repeat(8);
    time(n); // warm up
    const ratio = time(n4) / time(n);
    expect(ratio).toBeLessThan(10);
  });
});
