// Bundles the CLI, the language server and the VS Code extension with esbuild (CommonJS, Node 20).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const common = {
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

const entries = [
  // heavy libraries the CLI needs only for some inputs (.docx, non-UTF-8 text, SARIF) stay in
  // node_modules and load on first use: a smaller bundle starts faster
  { in: 'server/src/cli/main.ts', out: 'server/dist/cli.js', external: ['mammoth', 'iconv-lite', 'chardet', 'node-sarif-builder', 'tinyglobby'] },
  { in: 'server/src/lsp/main.ts', out: 'server/dist/server.js' },
  { in: 'client/src/extension.ts', out: 'client/dist/extension.js', external: ['vscode'] },
];

await Promise.all(
  entries
    .filter((e) => existsSync(join(root, e.in)))
    .map((e) =>
      build({
        ...common,
        entryPoints: [join(root, e.in)],
        outfile: join(root, e.out),
        external: e.external ?? [],
      }),
    ),
);

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
    compileBundledSets(root);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
