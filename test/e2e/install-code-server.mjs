#!/usr/bin/env node
// Installs code-server (a real VS Code in the browser), pinned, into a folder of its own under the test
// tree (test/e2e/.code-server/, git-ignored), so that the extension's `npm ci` stays fast.
// Skips the work when that exact version is already installed there.
//
// Known facts about installing it on these machines (Debian, Node 20, root, no internet but the npm registry):
//  - code-server's postinstall refuses to run as root unless npm_config_unsafe_perm=true;
//  - `kerberos` builds from source (needs Debian's libkrb5-dev);
//  - node-pty's install runs `npx node-gyp`, which would prompt unless npm_config_yes=true;
//  - @vscode/ripgrep's postinstall downloads `rg` from GitHub; it first looks for the release tarball in
//    `$TMPDIR/vscode-ripgrep-cache-<package version>/ripgrep-<rg release>-<target>.tar.gz`. We put a tarball
//    built from Debian's /usr/bin/rg there (the version and target are read from the package that the
//    code-server shrinkwrap pins, so a different pin still finds its cache).
//
// Usage: node test/e2e/install-code-server.mjs   (prints the path of the code-server entry point)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const here = dirname(fileURLToPath(import.meta.url));
// PLANLINT_CODE_SERVER_DIR: install somewhere else (e.g. to time a cold install)
export const installDir = process.env.PLANLINT_CODE_SERVER_DIR || join(here, '.code-server');
const pkgDir = join(installDir, 'node_modules', 'code-server');
const marker = join(installDir, 'installed.json');
export const codeServerEntry = join(pkgDir, 'out', 'node', 'entry.js');

function log(msg) {
  process.stderr.write(`[install-code-server] ${msg}\n`);
}

export function isInstalled() {
  if (!existsSync(marker) || !existsSync(codeServerEntry)) return false;
  try {
    const m = JSON.parse(readFileSync(marker, 'utf8'));
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    return m.version === CODE_SERVER_VERSION && pkg.version === CODE_SERVER_VERSION && m.node === process.versions.node.split('.')[0];
  } catch {
    return false;
  }
}

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
}

/** Builds the tarball @vscode/ripgrep's postinstall looks for, from Debian's rg, in `tmpDir`. */
function seedRipgrepCache(tmpDir, work) {
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((p) => existsSync(p));
  if (!rg) throw new Error('ripgrep is not installed (Debian package `ripgrep`); @vscode/ripgrep cannot download it offline');
  if (process.arch !== 'x64' || process.platform !== 'linux') log(`warning: untested platform ${process.platform}-${process.arch}`);

  // Which @vscode/ripgrep will code-server's VS Code install? Its npm-shrinkwrap.json pins it.
  run('npm', ['pack', `code-server@${CODE_SERVER_VERSION}`, '--pack-destination', work, '--silent']);
  run('tar', ['xzf', join(work, `code-server-${CODE_SERVER_VERSION}.tgz`), '-C', work, 'package/lib/vscode/npm-shrinkwrap.json']);
  const shrink = JSON.parse(readFileSync(join(work, 'package/lib/vscode/npm-shrinkwrap.json'), 'utf8'));
  const rgPkgVersion = shrink.packages?.['node_modules/@vscode/ripgrep']?.version;
  if (!rgPkgVersion) throw new Error('code-server shrinkwrap does not pin @vscode/ripgrep; update install-code-server.mjs');

  // Which ripgrep release and file name does that version's postinstall expect?
  const rgWork = join(work, 'ripgrep');
  mkdirSync(rgWork, { recursive: true });
  const tgz = run('npm', ['pack', `@vscode/ripgrep@${rgPkgVersion}`, '--pack-destination', rgWork, '--silent'])
    .trim()
    .split('\n')
    .pop();
  run('tar', ['xzf', join(rgWork, tgz), '-C', rgWork]);
  const postinstallPath = join(rgWork, 'package', 'lib', 'postinstall.js');
  if (!existsSync(postinstallPath)) {
    log(`@vscode/ripgrep ${rgPkgVersion} has no download step; nothing to seed`);
    return;
  }
  const src = readFileSync(postinstallPath, 'utf8');
  const release = /const VERSION = ['"]([^'"]+)['"]/.exec(src)?.[1];
  const target = /arch === 'x64' \? '(x86_64-unknown-linux-[a-z]+)'/.exec(src)?.[1];
  const dl = readFileSync(join(rgWork, 'package', 'lib', 'download.js'), 'utf8');
  if (!release || !target || !dl.includes('vscode-ripgrep-cache-${packageVersion}') || !dl.includes("['ripgrep', opts.version, opts.target].join('-')")) {
    throw new Error(`@vscode/ripgrep ${rgPkgVersion}: cannot tell which tarball its postinstall expects; update install-code-server.mjs`);
  }
  const cacheDir = join(tmpDir, `vscode-ripgrep-cache-${rgPkgVersion}`);
  const asset = `ripgrep-${release}-${target}.tar.gz`;
  mkdirSync(cacheDir, { recursive: true });
  const stage = join(work, 'rg-stage');
  mkdirSync(stage, { recursive: true });
  copyFileSync(rg, join(stage, 'rg'));
  chmodSync(join(stage, 'rg'), 0o755);
  run('tar', ['czf', join(cacheDir, asset), '-C', stage, 'rg']);
  log(`seeded ${join(cacheDir, asset)} from ${rg}`);
}

export function installCodeServer() {
  if (isInstalled()) {
    log(`code-server ${CODE_SERVER_VERSION} already installed in ${installDir}`);
    return codeServerEntry;
  }
  const t0 = Date.now();
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  const tmpDir = join(installDir, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const work = mkdtempSync(join(tmpDir, 'work-'));
  seedRipgrepCache(tmpDir, work);

  writeFileSync(
    join(installDir, 'package.json'),
    JSON.stringify(
      { name: 'planlint-e2e-code-server', private: true, description: 'code-server for planlint end-to-end tests (not part of the product)' },
      null,
      2,
    ) + '\n',
  );
  const env = {
    ...process.env,
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    // node-gyp: compile each native module's files in parallel (spdlog alone is two ~30 s files)
    JOBS: process.env.JOBS ?? 'max',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
    TMPDIR: tmpDir,
  };
  // Never pass --prefix: npm exports it to lifecycle scripts and code-server's nested `npm install`
  // (in lib/vscode) would then install into the wrong folder. Run in the folder instead.
  delete env.npm_config_prefix;
  log(`installing code-server@${CODE_SERVER_VERSION} into ${installDir} (one to three minutes)`);
  // one retry: a dropped connection to the registry should not fail a CI run
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
        cwd: installDir,
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      break;
    } catch (e) {
      if (attempt >= 2) throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed twice (see the output above): ${e.message}`, { cause: e });
      log(`npm install failed (${e.message.split('\n')[0]}); retrying once`);
      rmSync(join(installDir, 'node_modules'), { recursive: true, force: true });
    }
  }
  if (!existsSync(codeServerEntry)) throw new Error(`code-server installed but ${codeServerEntry} is missing`);
  const rgBin = join(pkgDir, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  // Quick Open (and so the tests) finds files with it
  if (!existsSync(rgBin)) throw new Error(`${rgBin} is missing: @vscode/ripgrep did not take the seeded tarball`);
  rmSync(work, { recursive: true, force: true });
  writeFileSync(
    marker,
    JSON.stringify({ version: CODE_SERVER_VERSION, node: process.versions.node.split('.')[0], seconds: Math.round((Date.now() - t0) / 1000) }) + '\n',
  );
  log(`installed in ${Math.round((Date.now() - t0) / 1000)} s`);
  return codeServerEntry;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.stdout.write(installCodeServer() + '\n');
  } catch (e) {
    process.stderr.write(`[install-code-server] ERROR: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
