/**
 * Issue 17: the npm package `planlint` (server/) is self-contained. It is staged and packed here
 * exactly as `npm pack` in server/ does (scripts/stage-package.mjs with a folder of this test's own,
 * so concurrent builds of other test files cannot rewrite a bundle mid-pack), installed into an
 * empty project OFFLINE (`npm install --offline`: nothing may come from a registry or the cache, so
 * this passes on a fresh CI machine whatever its npm cache holds) and run: the CLI on a seed, and
 * the language server answering a real initialize request over stdio.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, seedPath } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'planlint-npm-'));
const stage = join(work, 'stage');
const project = join(work, 'project');
let tarball = '';
let packed: { files: { path: string }[]; size: number }[] = [];

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });

beforeAll(() => {
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'stage-package.mjs'), stage], { stdio: 'pipe' });
  packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], stage));
  tarball = join(
    work,
    readdirSync(work).find((f) => f.endsWith('.tgz'))!,
  );
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'adopter', version: '1.0.0', private: true }));
  mkdirSync(join(project, 'plans'));
  writeFileSync(join(project, 'plans', '2023年卫生健康工作要点.txt'), readFileSync(seedPath('002')));
  npm(['install', '--offline', '--save-dev', '--no-package-lock', tarball], project);
}, 240000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack of server/ (the planlint package)', () => {
  it('holds the built bundles and data, no sources, maps or dependencies', () => {
    const files = packed[0]!.files.map((f) => f.path).sort();
    for (const f of [
      'LICENSE',
      'README.md',
      'package.json',
      'bin/planlint.js',
      'bin/planlint-language-server.js',
      'dist/cli.js',
      'dist/server.js',
      'dist/vendor/jszip.js',
      'dist/sets/henan-2021.json',
      'sets/henan-2021.yaml',
      'profiles/gbt9704.yaml',
      'data/formulations.yaml',
      'schemas/config.schema.json',
      'docs/rules.md',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => f.endsWith('.ts') || f.endsWith('.map') || f.includes('node_modules/'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.license).toBe('MIT');
    expect(statSync(tarball).size).toBeLessThan(3 * 1024 * 1024);
  });

  it('installs offline into an empty project with nothing but itself', () => {
    const installed = readdirSync(join(project, 'node_modules')).filter((d) => !d.startsWith('.'));
    expect(installed).toEqual(['planlint']);
  });

  it('npx planlint checks a plan in the project (exit 1: the seed has error-level findings)', () => {
    const r = spawnSync('npx', ['--offline', 'planlint', 'plans', '--format', 'json', '--requirements', 'henan-2021'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.summary.files).toBe(1);
    expect(report.files[0].path).toBe(join('plans', '2023年卫生健康工作要点.txt'));
    expect(report.files[0].metadata.requirements).toEqual(['henan-2021']);
    // seed 002: 一、 and 二、 with 9 and 7 （n） sections (read from the seed)
    expect(report.files[0].sections.map((s: { children: unknown[] }) => s.children.length)).toEqual([9, 7]);
    expect(r.status).toBe(report.summary.errors > 0 ? 1 : 0);
  });

  it('reads .docx and writes SARIF from the vendored bundles', () => {
    const docx = spawnSync('npx', ['--offline', 'planlint', join(repoRoot, 'test/fixtures/docx/plan.docx'), '--format', 'json'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(JSON.parse(docx.stdout).files[0].encoding).toBe('docx');
    const sarif = spawnSync('npx', ['--offline', 'planlint', 'plans', '--format', 'sarif'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(JSON.parse(sarif.stdout).version).toBe('2.1.0');
  });

  it('validates planlint.yaml with the bundled schemas (a typo is a config/schema finding, exit 2)', () => {
    const dir = join(work, 'badconfig');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'planlint.yaml'), 'profile: gbt9704\nrules:\n  numbering/style: sometimes\n');
    writeFileSync(join(dir, 'a.txt'), '一、总体要求\n');
    const r = spawnSync(process.execPath, [join(project, 'node_modules/planlint/bin/planlint.js'), 'a.txt', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    const report = JSON.parse(r.stdout);
    expect(report.problems.map((p: { code: string }) => p.code)).toContain('config/schema');
    expect(r.status).toBe(2);
  });

  it('npx planlint-language-server --stdio answers initialize', async () => {
    const proc = spawn('npx', ['--offline', 'planlint-language-server', '--stdio'], {
      cwd: project,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: null, rootUri: null, capabilities: {} },
    });
    proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const reply = await new Promise<{
      id: number;
      result: { capabilities: Record<string, unknown>; serverInfo?: { name: string } };
    }>((resolve, reject) => {
      let buf = Buffer.alloc(0);
      const timer = setTimeout(() => reject(new Error('no initialize reply within 30 s')), 30000);
      proc.stdout.on('data', (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        const m = /Content-Length: (\d+)\r\n\r\n/.exec(buf.toString('latin1'));
        if (!m) return;
        const start = m.index + m[0].length;
        if (buf.length < start + Number(m[1])) return;
        clearTimeout(timer);
        resolve(JSON.parse(buf.subarray(start, start + Number(m[1])).toString('utf8')));
      });
      proc.on('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
    proc.kill();
    expect(reply.id).toBe(1);
    expect(reply.result.capabilities['textDocumentSync']).toBeDefined();
    expect(reply.result.capabilities['diagnosticProvider'] ?? reply.result.capabilities['textDocumentSync']).toBeTruthy();
  }, 60000);

  it('carries no file outside the package', () => {
    expect(existsSync(join(project, 'node_modules', 'planlint', 'src'))).toBe(false);
  });
});
