// Builds the benchmark harness (bench/src/*.ts → bench/dist/bench.cjs, esbuild, CommonJS) and runs it.
// Usage: node bench/run.mjs [--quick] [--only core,lsp,cli,memory,size] [--out FILE]
// The product bundles (server/dist, client/dist) must be built first: `npm run bench` does both.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawPlugin } from '../scripts/esbuild-raw.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outfile = join(here, 'dist', 'bench.cjs');
await build({
  entryPoints: [join(here, 'src', 'main.ts')],
  outfile,
  plugins: [rawPlugin],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['esbuild'],
});
const r = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
