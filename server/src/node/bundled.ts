/**
 * Bundled data beside the code (server/sets, server/profiles, docs/rules.md): found from the
 * running file's directory, which is server/dist in the CLI and server bundles, server/src/node
 * in the sources (vitest), and <extension>/server/dist inside the packaged extension.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

declare const __dirname: string | undefined;

function runningDirs(): string[] {
  const here: string[] = [];
  if (typeof __dirname === 'string') here.push(__dirname);
  try {
    // ESM (vitest): import.meta.url; the CommonJS bundles have __dirname
    const url = (import.meta as { url?: string }).url;
    if (url) here.push(path.dirname(new URL(url).pathname.replace(/^\/([A-Za-z]:)/, '$1')));
  } catch {
    /* CommonJS bundle */
  }
  return here;
}

const cache = new Map<string, string | null>();

/**
 * The first of `candidates` (paths relative to the running file's directory) that contains
 * `marker`, cached per process; undefined when none does.
 */
export function findBundled(candidates: readonly string[], marker: string): string | undefined {
  const key = candidates.join('|') + '#' + marker;
  let found = cache.get(key);
  if (found === undefined) {
    found = null;
    for (const dir of runningDirs()) {
      for (const rel of candidates) {
        const candidate = path.resolve(dir, rel);
        if (existsSync(path.join(candidate, marker))) {
          found = candidate;
          break;
        }
      }
      if (found) break;
    }
    cache.set(key, found);
  }
  return found ?? undefined;
}
