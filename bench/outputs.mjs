// Same results before and after a change (a speed-up must not change any finding).
//
//   node bench/outputs.mjs write DIR          (after `node scripts/build.mjs`)
//   node bench/outputs.mjs compare DIR_A DIR_B
//
// `write` saves the JSON output of `planlint check <file> --format json`, without and with the
// bundled requirement set, for every seed plan and every corpus document into DIR (keep DIR outside
// the repository). `compare` lists the outputs that differ between two such folders (exit 1 when
// any does). Write one folder before the change and one after it, then compare them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [command, a, b] = process.argv.slice(2);
const documents = ['seeds', join('test', 'corpus')].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f)),
);

if (command === 'write' && a) {
  const out = resolve(a);
  mkdirSync(out, { recursive: true });
  for (const doc of documents) {
    for (const [suffix, extra] of [
      ['', []],
      ['.req', ['--requirements', 'henan-2021']],
    ]) {
      const r = spawnSync(process.execPath, [join('server', 'dist', 'cli.js'), 'check', doc, '--format', 'json', ...extra], { cwd: root, encoding: 'utf8' });
      const name = doc.replace(/[\\/]/g, '_').replace(/\.txt$/, '');
      writeFileSync(join(out, `${name}${suffix}.json`), r.stdout);
      writeFileSync(join(out, `${name}${suffix}.status`), `exit ${r.status}\n${r.stderr}`);
    }
  }
  process.stdout.write(`wrote ${documents.length * 2} outputs to ${out}\n`);
} else if (command === 'compare' && a && b) {
  const files = [...new Set([...readdirSync(a), ...readdirSync(b)])].sort();
  const read = (dir, f) => {
    try {
      return readFileSync(join(dir, f));
    } catch {
      return undefined;
    }
  };
  const differ = files.filter((f) => {
    const x = read(a, f);
    const y = read(b, f);
    return !x || !y || !x.equals(y);
  });
  for (const f of differ) process.stdout.write(`differs: ${f}\n`);
  process.stdout.write(differ.length ? `${differ.length} of ${files.length} outputs differ\n` : `all ${files.length} outputs are byte-identical\n`);
  process.exit(differ.length ? 1 : 0);
} else {
  process.stderr.write('usage: node bench/outputs.mjs write DIR | node bench/outputs.mjs compare DIR_A DIR_B\n');
  process.exit(2);
}
