// Old build against new build in the same run (issue 12: "no slowdown, same run, medians").
//
//   node bench/compare.mjs --base REV [--rounds N] [--parts core,lsp] [--out FILE]
//
// Checks REV out into a temporary worktree, builds it with this tree's node_modules, then runs
// `bench/run.mjs --quick --only PART` of both trees in alternation (base, head, head, base, …) so
// that a drift of the machine's speed falls on both sides alike. Each run is a fresh process.
// Prints, per headline figure, the median over the rounds of each side and their ratio
// (head ÷ base; below 1 is faster). The machine is shared: read ratios, not absolute figures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const head = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = { base: '', rounds: 3, parts: ['core', 'lsp'], out: '' };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--base') args.base = process.argv[++i] ?? '';
  else if (a === '--rounds') args.rounds = Math.max(1, Number(process.argv[++i]) || 3);
  else if (a === '--parts') args.parts = (process.argv[++i] ?? '').split(',').filter(Boolean);
  else if (a === '--out') args.out = resolve(process.argv[++i] ?? '');
  else {
    process.stderr.write(`unknown argument ${a}\nusage: node bench/compare.mjs --base REV [--rounds N] [--parts core,lsp] [--out FILE]\n`);
    process.exit(2);
  }
}
if (!args.base) {
  process.stderr.write('usage: node bench/compare.mjs --base REV [--rounds N] [--parts core,lsp] [--out FILE]\n');
  process.exit(2);
}

function run(cmd, argv, cwd) {
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} in ${cwd} failed (${r.status}):\n${r.stderr || r.stdout}`);
  return r.stdout;
}

/** The headline figures of one result file: name → milliseconds. */
function figures(result) {
  const out = {};
  const core = result.parts?.core;
  for (const d of core?.docs ?? []) {
    if (d.doc === 'seed 002' || d.doc === '1 MB plan') {
      out[`core ${d.doc}: analysis median`] = d.analyze?.median;
      out[`core ${d.doc}: CPU median`] = d.cpu?.median;
    }
  }
  for (const r of result.parts?.lsp?.runs ?? []) {
    if (r.doc !== 'seed 002' && r.doc !== '1 MB plan') continue;
    const tag = `lsp ${r.doc} (debounce ${r.debounceMs ?? '?'})`;
    out[`${tag}: keystroke p50`] = r.keystroke?.median;
    out[`${tag}: keystroke p95`] = r.keystroke?.p95;
    out[`${tag}: server CPU per keystroke`] = r.serverCpuPerKeystroke;
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const work = mkdtempSync(join(tmpdir(), 'planlint-compare-'));
const base = join(work, 'base');
try {
  const sha = run('git', ['rev-parse', '--short', args.base], head).trim();
  const headSha = run('git', ['rev-parse', '--short', 'HEAD'], head).trim();
  run('git', ['worktree', 'add', '--detach', base, sha], head);
  if (!existsSync(join(base, 'node_modules'))) symlinkSync(join(head, 'node_modules'), join(base, 'node_modules'), 'dir');
  process.stderr.write(`compare: building base ${sha} …\n`);
  run(process.execPath, ['scripts/build.mjs'], base);
  const samples = { base: {}, head: {} };
  for (let round = 0; round < args.rounds; round++) {
    // alternate the order so neither side always runs first
    const order = round % 2 === 0 ? ['base', 'head'] : ['head', 'base'];
    for (const side of order) {
      const tree = side === 'base' ? base : head;
      const file = join(work, `${side}-${round}.json`);
      process.stderr.write(`compare: round ${round + 1}/${args.rounds}, ${side} …\n`);
      run(process.execPath, ['bench/run.mjs', '--quick', '--only', args.parts.join(','), '--out', file], tree);
      for (const [k, v] of Object.entries(figures(JSON.parse(readFileSync(file, 'utf8'))))) {
        if (typeof v === 'number') (samples[side][k] ??= []).push(v);
      }
    }
  }
  const rows = Object.keys(samples.head)
    .filter((k) => samples.base[k])
    .map((k) => {
      const b = median(samples.base[k]);
      const h = median(samples.head[k]);
      return { figure: k, base: b, head: h, ratio: b > 0 ? h / b : NaN, baseRuns: samples.base[k], headRuns: samples.head[k] };
    });
  const lines = [
    `base ${sha} vs head ${headSha}, ${args.rounds} rounds alternating, parts ${args.parts.join(',')} (--quick); medians over rounds, ms`,
    '',
    '| figure | base | head | head ÷ base |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.figure} | ${r.base.toFixed(2)} | ${r.head.toFixed(2)} | ×${r.ratio.toFixed(2)} |`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (args.out) writeFileSync(args.out, JSON.stringify({ base: sha, head: headSha, rounds: args.rounds, parts: args.parts, rows }, null, 2) + '\n');
} finally {
  spawnSync('git', ['worktree', 'remove', '--force', base], { cwd: head });
  rmSync(work, { recursive: true, force: true });
}
