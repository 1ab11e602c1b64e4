#!/usr/bin/env node
/**
 * Per-document summary of planlint on the field corpus (test/corpus/, issue 14), from the built CLI
 * (server/dist, through server/bin/planlint.js): sections per level, enumerations, indicators (by
 * kind), and findings by rule. Prints a Markdown table.
 *
 *   node scripts/corpus-report.mjs [corpus-dir] [--json]
 *
 * Run `npm run build` first when the server sources changed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const dir = args.find((a) => !a.startsWith('--')) ?? join(root, 'test', 'corpus');
const docs = readdirSync(dir)
  .filter((f) => /\.(txt|md|docx)$/.test(f) && !/^readme/i.test(f))
  .sort();

const cli = join(root, 'server', 'bin', 'planlint.js');
const run = spawnSync(process.execPath, [cli, 'check', ...docs.map((d) => relative(root, join(dir, d))), '--format', 'json'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 512 * 1024 * 1024,
});
// exit code 1 only means "findings at error level"; 2 is a usage, input or configuration error
if (run.status !== 0 && run.status !== 1) {
  process.stderr.write(run.stderr || `planlint exited with ${run.status}\n`);
  process.exit(2);
}
const out = JSON.parse(run.stdout);

/** sections per level, walking the tree */
function levels(sections) {
  const n = [0, 0, 0, 0];
  const walk = (s) => {
    if (s.level >= 1 && s.level <= 4) n[s.level - 1]++;
    for (const c of s.children ?? []) walk(c);
  };
  for (const s of sections) walk(s);
  return n;
}

function countBy(items, key) {
  const m = new Map();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

const rows = out.files.map((f) => {
  const lv = levels(f.sections);
  const kinds = countBy(f.indicators, (i) => i.kind ?? '?');
  const rules = countBy(f.diagnostics, (d) => d.code);
  return {
    document: basename(f.path),
    sections: lv,
    enumerations: f.enumerations.length,
    indicators: f.indicators.length,
    indicatorKinds: Object.fromEntries(kinds),
    findings: f.diagnostics.length,
    findingsByRule: Object.fromEntries(rules),
  };
});

if (asJson) {
  process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
} else {
  const lines = ['| document | sections L1/L2/L3/L4 | enumerations | indicators (by kind) | findings by rule |', '|---|---|---|---|---|'];
  for (const r of rows) {
    const kinds = Object.entries(r.indicatorKinds)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    const rules = Object.entries(r.findingsByRule)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    lines.push(`| ${r.document} | ${r.sections.join('/')} | ${r.enumerations} | ${r.indicators}${kinds ? ` (${kinds})` : ''} | ${rules || '—'} |`);
  }
  const total = (f) => rows.reduce((s, r) => s + f(r), 0);
  const allRules = countBy(
    rows.flatMap((r) => Object.entries(r.findingsByRule).flatMap(([k, n]) => Array(n).fill(k))),
    (k) => k,
  );
  lines.push('');
  lines.push(
    `${rows.length} documents; sections ${total((r) => r.sections.reduce((a, b) => a + b, 0))}, enumerations ${total((r) => r.enumerations)}, indicators ${total((r) => r.indicators)}, findings ${total((r) => r.findings)} (${allRules.map(([k, n]) => `${k} ${n}`).join(', ')})`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}
