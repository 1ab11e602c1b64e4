// Builds the VS Code extension package (.vsix): production bundles of the extension and the
// language server, the server's data (bundled requirement sets, profiles, schemas), then
// `vsce package`. Everything is staged in client/.package/ (ignored) so that a concurrent
// `npm run build` (tests) never races with the packaged files. Output: client/planlint.vsix.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawPlugin } from './esbuild-raw.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const client = join(root, 'client');
// PLANLINT_PACKAGE_STAGE lets a test stage in a folder of its own (concurrent runs never collide)
const stage = process.env.PLANLINT_PACKAGE_STAGE ?? join(client, '.package');
const out = join(client, process.env.PLANLINT_VSIX_NAME ?? 'planlint.vsix');

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });

const common = {
  plugins: [rawPlugin],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};
await Promise.all([
  build({ ...common, entryPoints: [join(client, 'src/extension.ts')], outfile: join(stage, 'dist/extension.js'), external: ['vscode'] }),
  build({ ...common, entryPoints: [join(root, 'server/src/lsp/main.ts')], outfile: join(stage, 'server/dist/server.js') }),
]);

// the extension's own files
for (const f of ['package.json', 'package.nls.json', 'language-configuration.json']) cpSync(join(client, f), join(stage, f));
for (const f of readdirSync(client)) if (/^package\.nls\..+\.json$/.test(f)) cpSync(join(client, f), join(stage, f));
for (const d of ['l10n', 'media', 'syntaxes']) if (existsSync(join(client, d))) cpSync(join(client, d), join(stage, d), { recursive: true });
for (const f of ['README.md', 'CHANGELOG.md']) if (existsSync(join(client, f))) cpSync(join(client, f), join(stage, f));

// the server's data, in the same layout as the repository (server/dist/../sets etc.)
for (const d of ['sets', 'profiles']) {
  const from = join(root, 'server', d);
  if (existsSync(from)) cpSync(from, join(stage, 'server', d), { recursive: true });
}
if (existsSync(join(root, 'schemas'))) cpSync(join(root, 'schemas'), join(stage, 'schemas'), { recursive: true });
// rule documentation, linked from each diagnostic's code
if (existsSync(join(root, 'docs', 'rules.md'))) cpSync(join(root, 'docs', 'rules.md'), join(stage, 'docs', 'rules.md'));

// no dependencies travel in the package: everything is bundled
const manifest = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8'));
delete manifest.dependencies;
delete manifest.devDependencies;
delete manifest.scripts;
writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
writeFileSync(join(stage, '.vscodeignore'), ['**/*.map', '**/*.ts', '.vscodeignore'].join('\n') + '\n');

const require = createRequire(import.meta.url);
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], {
  cwd: stage,
  stdio: 'inherit',
});
console.log(`packaged ${out}`);
