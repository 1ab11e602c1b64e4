/**
 * `npm run package` builds client/planlint.vsix with @vscode/vsce (whose own manifest checks must
 * pass: it exits non-zero otherwise). The package must hold the extension, the server bundle and
 * its data, and a manifest whose contributions point at files that are in it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed, repoRoot } from './helpers.js';
import { fileUri, startServer } from './lsp-harness.js';

// a package and a staging folder of this test's own, so that a concurrent `npm run package` cannot collide
const vsixName = `planlint-test-${process.pid}.vsix`;
const vsix = join(repoRoot, 'client', vsixName);
const stage = mkdtempSync(join(tmpdir(), 'planlint-package-'));
let zip: JSZip;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the manifest as read back from the .vsix, checked field by field
let manifest: Record<string, any>;
let files: string[];

beforeAll(async () => {
  execFileSync('npm', ['run', 'package', '--silent'], {
    cwd: repoRoot,
    stdio: 'pipe',
    env: { ...process.env, PLANLINT_VSIX_NAME: vsixName, PLANLINT_PACKAGE_STAGE: stage },
  });
  zip = await JSZip.loadAsync(readFileSync(vsix));
  files = Object.keys(zip.files).filter((f) => !zip.files[f]!.dir);
  manifest = JSON.parse(await zip.file('extension/package.json')!.async('string'));
}, 180000);

afterAll(() => {
  rmSync(vsix, { force: true });
  rmSync(stage, { recursive: true, force: true });
});

describe('npm run package', () => {
  it('produces a small .vsix', () => {
    const size = statSync(vsix).size;
    expect(size).toBeGreaterThan(50 * 1024);
    expect(size).toBeLessThan(2 * 1024 * 1024);
  });

  it('contains the extension, the server bundle and its data', () => {
    for (const f of [
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/package.nls.json',
      'extension/package.nls.zh-cn.json',
      'extension/l10n/bundle.l10n.zh-cn.json',
      'extension/dist/extension.js',
      'extension/server/dist/server.js',
      'extension/server/sets/henan-2021.yaml',
      'extension/schemas/requirements.schema.json',
      'extension/docs/rules.md',
    ]) {
      expect(files, f).toContain(f);
    }
    // no dependencies, sources or source maps travel: everything is bundled
    expect(files.some((f) => f.includes('node_modules/'))).toBe(false);
    expect(files.some((f) => f.endsWith('.ts') || f.endsWith('.map'))).toBe(false);
  });

  it('has a manifest whose contributions resolve inside the package', () => {
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.engines.vscode).toBe('^1.90.0');
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
    const lang = manifest.contributes.languages.find((l: { id: string }) => l.id === 'plan');
    expect(lang.extensions).toEqual(['.plan.md', '.plan.txt']);
    for (const y of manifest.contributes.yamlValidation) expect(files).toContain('extension/' + y.url.replace(/^\.\//, ''));
    for (const g of manifest.contributes.grammars) expect(files).toContain('extension/' + g.path.replace(/^\.\//, ''));
    for (const c of manifest.contributes.viewsContainers.activitybar) expect(files).toContain('extension/' + c.icon);
    const props = Object.keys(manifest.contributes.configuration.properties);
    expect(props).toEqual(
      expect.arrayContaining(['planlint.requirements', 'planlint.profile', 'planlint.include', 'planlint.severity', 'planlint.trace.server']),
    );
    const commands = manifest.contributes.commands.map((c: { command: string }) => c.command);
    expect(commands).toEqual(
      expect.arrayContaining([
        'planlint.showReport',
        'planlint.exportIndicators',
        'planlint.renumber',
        'planlint.insertMissingThemes',
        'planlint.restartServer',
      ]),
    );
  });

  it('registers every contributed command and view in the extension (and the bundle carries them)', async () => {
    const src = readdirSync(join(repoRoot, 'client/src'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(repoRoot, 'client/src', f), 'utf8'))
      .join('\n');
    const bundle = await zip.file('extension/dist/extension.js')!.async('string');
    for (const c of manifest.contributes.commands as { command: string }[]) {
      expect(src, c.command).toContain(`registerCommand('${c.command}'`);
      expect(bundle, c.command).toContain(c.command);
    }
    for (const views of Object.values(manifest.contributes.views) as { id: string }[][]) {
      for (const v of views) expect(src, v.id).toContain(`registerTreeDataProvider('${v.id}'`);
    }
    // the server is started from the packaged path the extension looks for
    expect(src).toContain("asAbsolutePath('server/dist/server.js')");
  });

  it('localises every %key% of the manifest in both languages', async () => {
    const en = JSON.parse(await zip.file('extension/package.nls.json')!.async('string'));
    const zh = JSON.parse(await zip.file('extension/package.nls.zh-cn.json')!.async('string'));
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(20);
    for (const k of keys) {
      expect(en[k], k).toBeTypeOf('string');
      expect(zh[k], k).toBeTypeOf('string');
      expect(zh[k], k).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('localises every runtime string of the extension source', () => {
    const bundle = JSON.parse(readFileSync(join(repoRoot, 'client/l10n/bundle.l10n.zh-cn.json'), 'utf8'));
    const src = readdirSync(join(repoRoot, 'client/src'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(repoRoot, 'client/src', f), 'utf8'))
      .join('\n');
    const keys = [...src.matchAll(/vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) expect(bundle[k], k).toBeTypeOf('string');
  });

  it('ships a server that starts from inside the package', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-vsix-'));
    for (const f of files.filter((x) => x.startsWith('extension/server/') || x.startsWith('extension/schemas/'))) {
      const target = join(dir, f);
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, await zip.file(f)!.async('nodebuffer'));
    }
    const h = await startServer({ server: join(dir, 'extension/server/dist/server.js') });
    try {
      expect(h.init.serverInfo?.name).toBe('planlint-language-server');
      const uri = fileUri('vsix-seed-001.txt');
      await h.open(uri, readSeed('001'));
      const pub = await h.waitForDiagnostics(uri);
      expect(pub.diagnostics.some((d) => d.code === 'numbering/style')).toBe(true);
    } finally {
      await h.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
