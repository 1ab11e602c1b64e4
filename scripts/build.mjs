// Bundles the CLI, the language server and the VS Code extension with esbuild (CommonJS, Node 20).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { rawPlugin } from './esbuild-raw.mjs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// PLANLINT_SERVER_OUT: a folder standing in for server/ (its dist/ receives the CLI and server
// bundles and the compiled sets; the extension is not built). scripts/stage-package.mjs uses it
// to build a package of its own that concurrent builds (tests) cannot rewrite mid-pack.
const serverOut = process.env.PLANLINT_SERVER_OUT;
const serverDist = serverOut ? join(serverOut, 'dist') : join(root, 'server/dist');
const production = process.argv.includes('--production');
const common = {
  plugins: [rawPlugin],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

// the proofreading word lists (server/data/*.yaml → server/data/compiled/*.json), bundled below
const { compileData } = await import('./compile-data.mjs');
compileData(root);

// Heavy libraries the CLI needs only for some inputs (.docx, non-UTF-8 text, SARIF, globs, a
// planlint.yaml or a requirement set read from YAML and checked against its schema) load on first
// use: a smaller cli.js starts faster (yaml and ajv were a third of it, read and converted to a
// string on every start). Each is bundled on its own into server/dist/vendor/NAME.js
// and cli.js requires it from there, so the built server/ needs no node_modules at all (the npm
// package has no runtime dependencies: `npm pack` of server/ installs offline, issue 17).
const lazy = ['iconv-lite', 'chardet', 'node-sarif-builder', 'tinyglobby', 'jszip', '@xmldom/xmldom', 'yaml', 'ajv'];
const vendorFile = (name) => `vendor/${name.replace(/^@/, '').replace(/\//g, '-')}.js`;
/** cli.js: `require('jszip')` becomes `require('./vendor/jszip.js')` (resolved beside cli.js). */
const lazyVendor = {
  name: 'planlint-lazy-vendor',
  setup(b) {
    const filter = new RegExp(`^(${lazy.map((n) => n.replace(/[/.@-]/g, (c) => '\\' + c)).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: './' + vendorFile(args.path), external: true }));
  },
};

/**
 * commander requires node:child_process at load time for stand-alone executable subcommands, which
 * planlint has none of; loading that built-in was 2.5 ms of every CLI start. The plugin makes it a
 * getter evaluated on first use (the three spawn calls), and fails the build if commander's source
 * no longer has the line, so that a commander update is looked at rather than silently unpatched.
 */
const lazyChildProcess = {
  name: 'planlint-commander-lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const line = "const childProcess = require('node:child_process');";
      if (!source.includes(line)) throw new Error(`${args.path}: "${line}" not found (commander changed: review scripts/build.mjs lazyChildProcess)`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(line, lazy), loader: 'js' };
    });
  },
};

/**
 * esbuild writes ASCII-only output (charset: ascii) except inside regular-expression literals,
 * where it keeps the characters as written (evanw/esbuild#4205): the dozens of Chinese regexes of
 * the core made cli.js non-ASCII, so Node decoded the 1.4 MB bundle as UTF-8 into a two-byte
 * string on every start. Each such character becomes a \uXXXX escape (an escaped one, \。, too),
 * which means the same character in any regex (with or without the u flag; astral characters,
 * which would need \u{…} in u-mode, are refused) and in a comment; only RegExp#source spells it
 * differently, and the source map's columns after such a character on its line are a few off.
 * The bundle is then ASCII: the launcher reads it as Latin-1 (server/bin/planlint.js) instead of
 * decoding UTF-8, and V8 scans a one-byte source.
 */
async function asciiOnly(file) {
  const { readFile, writeFile } = await import('node:fs/promises');
  const source = await readFile(file, 'utf8');
  if (/[\u{10000}-\u{10FFFF}]/u.test(source)) throw new Error(`${file}: astral characters; asciiOnly would need \\u{…} escapes`);
  // an odd run of backslashes before the character escapes it (\。): the escape replaces that one
  const ascii = source.replace(
    /(\\*)([^\x00-\x7f])/g,
    (_, bs, c) => (bs.length % 2 ? bs.slice(1) : bs) + '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'),
  );
  if (ascii !== source) await writeFile(file, ascii);
}

const entries = [
  { in: 'server/src/cli/main.ts', out: join(serverDist, 'cli.js'), plugins: [lazyVendor, lazyChildProcess] },
  { in: 'server/src/lsp/main.ts', out: join(serverDist, 'server.js') },
  ...(serverOut ? [] : [{ in: 'client/src/extension.ts', out: join(root, 'client/dist/extension.js'), external: ['vscode'] }]),
];

await Promise.all([
  ...entries
    .filter((e) => existsSync(join(root, e.in)))
    .map((e) =>
      build({
        ...common,
        entryPoints: [join(root, e.in)],
        outfile: e.out,
        external: e.external ?? [],
        plugins: [rawPlugin, ...(e.plugins ?? [])],
      }).then(() => asciiOnly(e.out)),
    ),
  ...lazy.map((name) =>
    build({
      ...common,
      sourcemap: false,
      // the module's own entry, re-exported as this file's module.exports
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: join(root, 'server'), loader: 'js' },
      outfile: join(serverDist, vendorFile(name)),
    }),
  ),
]);

// bundled requirement sets, parsed once here (server/dist/sets/NAME.json): the CLI then loads a
// bundled set without the YAML parser and the schema compiler
if (existsSync(join(root, 'scripts/compile-sets.ts'))) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { createRequire } = await import('node:module');
  const dir = mkdtempSync(join(tmpdir(), 'planlint-build-'));
  try {
    const out = join(dir, 'compile-sets.cjs');
    await build({ ...common, sourcemap: false, minify: false, entryPoints: [join(root, 'scripts/compile-sets.ts')], outfile: out });
    const { compileBundledSets } = createRequire(out)(out);
    compileBundledSets(root, join(serverDist, 'sets'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
