/**
 * Bundled requirement sets parsed at build time (scripts/compile-sets.ts → server/dist/sets/):
 * the CLI uses the compiled result only for exactly the YAML it was made from, and gets the same
 * report either way.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSet, parseRequirementSet, type CompiledSet } from '../server/src/node/requirements.js';
import { bundleCliForTest, repoRoot, seedPath } from './helpers.js';

const yamlText = readFileSync(join(repoRoot, 'server/sets/henan-2021.yaml'), 'utf8').replace(/^\ufeff/, '');

describe('compileSet', () => {
  it('survives JSON as the very result parseRequirementSet gives', () => {
    const compiled = JSON.parse(JSON.stringify(compileSet(yamlText, 'henan-2021'))) as CompiledSet;
    expect(compiled.yaml).toBe(yamlText);
    expect(compiled.result).toEqual(parseRequirementSet(yamlText, { file: '', name: 'henan-2021' }));
    expect(compiled.result.set?.themes.length).toBeGreaterThan(0);
  });
});

describe('the CLI with a compiled bundled set', () => {
  // a private bundle in its own directory: its sets/ (compiled results) is this test's alone,
  // while the YAML is found in server/sets as for the real bundle
  const dir = join(repoRoot, 'server', 'dist', `compiled-sets-test-${process.pid}`);
  let cli: string;
  beforeAll(async () => {
    mkdirSync(join(dir, 'sets'), { recursive: true });
    cli = await bundleCliForTest('compiled', join(dir, 'cli.cjs'));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const report = () => {
    const r = spawnSync(process.execPath, [cli, 'report', '--requirements', 'henan-2021', '--format', 'json', seedPath('000')], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as { sets: { title: string }[]; themes: unknown[] };
  };
  const writeCompiled = (c: CompiledSet) => writeFileSync(join(dir, 'sets', 'henan-2021.json'), JSON.stringify(c));

  it('uses the compiled result for the YAML it was made from, and parses a YAML edited since', () => {
    rmSync(join(dir, 'sets', 'henan-2021.json'), { force: true });
    const parsed = report();
    expect(parsed.themes.length).toBeGreaterThan(0);

    const compiled = compileSet(yamlText, 'henan-2021');
    writeCompiled(compiled);
    expect(report()).toEqual(parsed);

    // proof that the compiled file is what was read: a marked title shows in the report
    const marked = structuredClone(compiled);
    marked.result.set!.title = '（编译结果）' + marked.result.set!.title;
    writeCompiled(marked);
    expect(report().sets[0]?.title.startsWith('（编译结果）')).toBe(true);

    // made from other YAML (the set was edited after the build): ignored, the YAML is parsed
    writeCompiled({ ...marked, yaml: yamlText + '\n# edited\n' });
    expect(report()).toEqual(parsed);

    // unreadable: ignored too
    writeFileSync(join(dir, 'sets', 'henan-2021.json'), '{ not json');
    expect(report()).toEqual(parsed);
  }, 60_000);
});
