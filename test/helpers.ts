import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
