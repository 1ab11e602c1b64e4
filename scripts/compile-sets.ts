/**
 * Build step (run by scripts/build.mjs): parses each bundled requirement set once and writes the
 * result to server/dist/sets/NAME.json (see CompiledSet in server/src/node/requirements.ts), so
 * that the CLI need not load the YAML parser and the schema compiler for a bundled set.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSet } from '../server/src/node/requirements.js';

export function compileBundledSets(root: string, to = join(root, 'server', 'dist', 'sets')): string[] {
  const from = join(root, 'server', 'sets');
  mkdirSync(to, { recursive: true });
  const written: string[] = [];
  for (const f of readdirSync(from)
    .filter((x) => /\.ya?ml$/.test(x))
    .sort()) {
    const name = f.replace(/\.ya?ml$/, '');
    const text = readFileSync(join(from, f), 'utf8').replace(/^\ufeff/, '');
    const compiled = compileSet(text, name);
    if (!compiled.result.set) throw new Error(`bundled requirement set ${f} does not load: ${compiled.result.problems.map((p) => p.message.en).join('; ')}`);
    writeFileSync(join(to, `${name}.json`), JSON.stringify(compiled));
    written.push(name);
  }
  return written;
}
