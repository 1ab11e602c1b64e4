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
const require = createRequire(join(root, 'server', 'package.json'));

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
  return stale;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const stale = compileData(root, { check: process.argv.includes('--check') });
  if (stale.length) {
    console.error(`out of date: ${stale.map((n) => `server/data/compiled/${n}.json`).join(', ')} (run node scripts/compile-data.mjs)`);
    process.exit(1);
  }
}
