/**
 * Issue 17: `planlint init` writes a commented planlint.yaml with a yaml-language-server modeline
 * pointing at a schema that exists, asks nothing when stdin is not a terminal, drafts a
 * requirement set from a superior document with --superior, and never overwrites.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCliForTest, repoRoot, seedPath } from './helpers.js';

let cli: string;
const root = mkdtempSync(join(tmpdir(), 'planlint-init-'));
beforeAll(async () => {
  cli = await bundleCliForTest('init');
}, 60000);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(cli, { force: true });
});

// stdin is not a terminal (an ignored pipe): init must not wait for answers
const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 20000,
  });

function fresh(name: string): string {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  return d;
}

describe('planlint init', () => {
  it('writes a valid, commented planlint.yaml whose modeline names an existing schema, asking nothing', () => {
    const dir = fresh('plain');
    const r = run(['init'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(join(dir, 'planlint.yaml'), 'utf8');
    const schemaRef = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text.split('\n')[0]!)?.[1];
    expect(schemaRef).toBeDefined();
    const schemaFile = resolve(dir, schemaRef!);
    expect(existsSync(schemaFile)).toBe(true);
    // the written file validates against that schema and is what planlint reads
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    const config = parseYaml(text);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(config).toEqual({ profile: 'gbt9704', requirements: [], rules: {} });
    expect(text.split('\n').filter((l) => l.startsWith('#')).length).toBeGreaterThan(8);
    copyFileSync(seedPath('002'), join(dir, 'plan.txt'));
    const check = JSON.parse(run(['plan.txt', '--format', 'json'], dir).stdout);
    expect(check.problems).toEqual([]);
    expect(check.files[0].metadata.profile).toBe('gbt9704');
  });

  it('points the modeline at the project-local npm install when there is one', () => {
    const dir = fresh('npm');
    mkdirSync(join(dir, 'node_modules/planlint/schemas'), { recursive: true });
    copyFileSync(join(repoRoot, 'schemas/config.schema.json'), join(dir, 'node_modules/planlint/schemas/config.schema.json'));
    expect(run(['init', '--profile', 'strict', '--requirements', 'henan-2021'], dir).status).toBe(0);
    const text = readFileSync(join(dir, 'planlint.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/planlint/schemas/config.schema.json');
    expect(parseYaml(text)).toMatchObject({ profile: 'strict', requirements: ['henan-2021'] });
  });

  it('refuses to overwrite (exit 2, the file unchanged)', () => {
    const dir = fresh('exists');
    writeFileSync(join(dir, 'planlint.yaml'), 'profile: lenient\n');
    const r = run(['init'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('planlint.yaml 已存在');
    expect(readFileSync(join(dir, 'planlint.yaml'), 'utf8')).toBe('profile: lenient\n');
  });

  it('--superior drafts a requirement set (as requirements extract does) and names it', () => {
    const dir = fresh('superior');
    copyFileSync(seedPath('000'), join(dir, 'superior.txt'));
    const r = run(['init', '--superior', 'superior.txt', '--name', 'shangji'], dir);
    expect(r.status).toBe(0);
    expect(parseYaml(readFileSync(join(dir, 'planlint.yaml'), 'utf8')).requirements).toEqual(['requirements/shangji.yaml']);
    const drafted = readFileSync(join(dir, 'requirements/shangji.yaml'), 'utf8');
    const extracted = run(['requirements', 'extract', 'superior.txt', '--name', 'shangji'], dir).stdout;
    expect(drafted).toBe(extracted);
    // the draft is used: a plan checked here is aligned against it, without configuration problems
    copyFileSync(seedPath('002'), join(dir, 'plan.txt'));
    const check = JSON.parse(run(['plan.txt', '--format', 'json'], dir).stdout);
    expect(check.problems).toEqual([]);
    expect(check.files[0].metadata.requirements).toEqual(['shangji']);
    // a second init refuses, and does not touch the drafted set either
    expect(run(['init', '--superior', 'superior.txt', '--name', 'shangji'], dir).status).toBe(2);
    expect(readFileSync(join(dir, 'requirements/shangji.yaml'), 'utf8')).toBe(drafted);
    expect(dirname(join(dir, 'requirements/shangji.yaml'))).toBe(join(dir, 'requirements'));
  });
});
