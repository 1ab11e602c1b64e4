/**
 * State between analyses lives in the host's AnalysisSession (server/src/core/session.ts), never
 * in the core's modules: a static check over the core's source, and sessions that must not
 * influence each other.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignPlan, explainTheme } from '../server/src/core/align/index.js';
import { termSpace } from '../server/src/core/align/terms.js';
import { analyzeDocument, type DocumentContext } from '../server/src/core/analyze.js';
import { createSession, type AnalysisSession } from '../server/src/core/session.js';
import type { RequirementSet } from '../server/src/core/requirements/types.js';
import { resolveRequirementSets } from '../server/src/node/requirements.js';
import { readSeed, repoRoot } from './helpers.js';

const coreDir = path.join(repoRoot, 'server', 'src', 'core');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : name.endsWith('.ts') ? [p] : [];
  });
}

/**
 * Top-level bindings that are allowed although they look mutable, each with its reason. Anything
 * else a new file adds fails the check: put the state in the session (session.state(KEY, init)).
 */
const ALLOWED: Record<string, string> = {
  // a lazily required package (module loading, not analysis state)
  'yaml.ts:loaded': 'lazy require of the yaml package',
  // lookup tables filled once while the module loads, read-only afterwards
  // (the indicator scanner's tables, since issue 14 in its lexer, reader and statement stages)
  'lexer.ts:UNITS_BY_FIRST': 'constant table built at load',
  'reader.ts:CLASS': 'constant table built at load',
  'reader.ts:CMP_BY_LAST': 'constant table built at load',
  'reader.ts:COUNT_VERBS_BY_LAST': 'constant table built at load',
  'statement.ts:DATE_FIRST': 'constant table built from a literal list (its first line opens the call)',
  // bundled word lists and datasets, parsed once on first use and never changed (module loading,
  // not analysis state; an office's own entries come through rule options, not these)
  'data.ts:formulations': 'lazily parsed bundled data',
  'data.ts:typos': 'lazily parsed bundled data',
  'data.ts:divisions': 'lazily parsed bundled data',
  'divisions.ts:index': 'index of the bundled divisions, built once on first use',
  'text-typo.ts:compiled': 'pattern of the bundled typo list, compiled once on first use',
  'text-formulation.ts:wordIndexes': 'index of the bundled formulation list only (options are indexed per call)',
  // a zero-length array cannot change
  'similarity.ts:NO_RUNS': 'empty constant',
};

/** Top-level declarations of mutable state in one source file. */
function mutableTopLevel(base: string, source: string): string[] {
  const found: string[] = [];
  for (const line of source.split('\n')) {
    let m = /^(?:export )?(?:let|var) (\w+)/.exec(line);
    if (m) {
      found.push(`${base}:${m[1]}`);
      continue;
    }
    m = /^(?:export )?const (\w+)[^=]*= new (Map|WeakMap|Set|WeakSet|Lru|Scratch|(?:Int|Uint|Float)(?:8|16|32|64)(?:Clamped)?Array)\b(?:<.*?>)?\((.?)/.exec(
      line,
    );
    if (!m) continue;
    const [, name, kind, firstArg] = m;
    // a Set or Map made from a literal list is a constant table; an empty one is a store
    if ((kind === 'Set' || kind === 'Map') && firstArg !== ')' && firstArg !== '') continue;
    found.push(`${base}:${name}`);
  }
  return found.filter((k) => !(k in ALLOWED));
}

describe('the core keeps no module-level mutable state', () => {
  it('no top-level let, no top-level store (Map, WeakMap, Lru, scratch buffer) outside the session', () => {
    const files = sources(coreDir);
    expect(files.length).toBeGreaterThan(30);
    const offenders = files.flatMap((f) => mutableTopLevel(path.basename(f), readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the check finds what it looks for', () => {
    const source = [
      'let generation = 0;',
      'export let count = 1;',
      'const cache = new WeakMap<object, number>();',
      'const memo = new Map<string, number>();',
      'const names = new Lru<string, string>(4096);',
      'let scratch = new Int32Array(1024);',
      'const buffer = new Float64Array(16);',
      "const UNITS = new Set(['%', '‰']);",
      'function f() {',
      '  let local = 0;',
      '  const inner = new Map();',
      '}',
      'const NONE: readonly string[] = [];',
    ].join('\n');
    expect(mutableTopLevel('x.ts', source)).toEqual(['x.ts:generation', 'x.ts:count', 'x.ts:cache', 'x.ts:memo', 'x.ts:names', 'x.ts:scratch', 'x.ts:buffer']);
  });
});

const henan: RequirementSet = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets[0]!;
const context: DocumentContext = { requirements: [henan], maxFullAnalysisBytes: Infinity };

function result(text: string, session: AnalysisSession): string {
  const a = analyzeDocument(text, context, session);
  const alignment = alignPlan(a.plan, [henan], { session });
  const explanations = alignment.themes.map((t) => explainTheme(a.plan, [henan], t, { session }));
  return JSON.stringify({ findings: a.findings, indicators: a.plan.indicators, alignment, explanations });
}

describe('sessions', () => {
  it('two sessions do not influence each other: each gives what a fresh session gives', () => {
    const a = readSeed('000');
    const edited = a.replace('疫情', '食品安全和职业健康，职业病报告率达到95%以上，疫情');
    expect(edited).not.toBe(a);
    const expectedA = result(a, createSession());
    const expectedEdited = result(edited, createSession());
    const s1 = createSession();
    const s2 = createSession();
    expect(result(a, s1)).toBe(expectedA);
    const space = termSpace(s1);
    // the second session analyses other drafts and the edited one
    for (const name of ['001', '002', '003', '004']) result(readSeed(name), s2);
    expect(result(edited, s2)).toBe(expectedEdited);
    // the first session's dictionary did not grow, and its next analysis is a fresh one's
    expect(termSpace(s1)).toBe(space);
    expect(result(a, s1)).toBe(expectedA);
    expect(result(edited, s1)).toBe(expectedEdited);
    expect(result(a, s2)).toBe(expectedA);
  });

  it('a session without paragraph sharing gives the results of one with it', () => {
    const text = readSeed('002');
    expect(result(text, createSession({ paragraphSharing: false }))).toBe(result(text, createSession()));
  });

  it('a session keeps work between analyses: a fresh session starts with an empty dictionary', () => {
    const s = createSession();
    expect(termSpace(s)).toBe(0);
    result(readSeed('000'), s);
    expect(termSpace(s)).toBeGreaterThan(1000);
    expect(termSpace(createSession())).toBe(0);
  });
});
