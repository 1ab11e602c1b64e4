import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawPlugin } from '../scripts/esbuild-raw.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const seedsDir = join(repoRoot, 'seeds');

/** Seed file names by their three-digit prefix ("000" … "004"). */
export function seedPath(prefix: string): string {
  const name = readdirSync(seedsDir).find((f) => f.startsWith(prefix + '_'));
  if (!name) throw new Error(`no seed ${prefix}`);
  return join(seedsDir, name);
}

export function readSeed(prefix: string): string {
  return readFileSync(seedPath(prefix), 'utf8');
}

/** The lazily loaded libraries of the CLI bundle, as in scripts/build.mjs (a private test bundle loads them from node_modules). */
const CLI_EXTERNALS = ['iconv-lite', 'chardet', 'node-sarif-builder', 'tinyglobby', 'jszip', '@xmldom/xmldom'];

/**
 * Bundles the CLI into a private file next to the real bundle (server/dist), so concurrent
 * `npm run build`s of other test files cannot swap it out mid-test. Returns its path.
 */
export async function bundleCliForTest(tag: string, outfile = join(repoRoot, 'server', 'dist', `cli-${tag}-${process.pid}.cjs`)): Promise<string> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(repoRoot, 'server/src/cli/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // bundled data files (import … from '…yaml?raw'), as scripts/build.mjs bundles them
    plugins: [rawPlugin],
    logLevel: 'error',
    external: CLI_EXTERNALS,
  });
  return outfile;
}
