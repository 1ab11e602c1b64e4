// Old build against new build in the same run (issue 12: "no slowdown, same run, medians").
//
//   node bench/compare.mjs --base REV [--rounds N] [--parts core,lsp] [--out FILE]
//
// Checks REV out into a temporary worktree, builds it with this tree's node_modules, then runs
// `bench/run.mjs --quick --only PART` of both trees in alternation (base, head, head, base, …) so
// that a drift of the machine's speed falls on both sides alike. Each run is a fresh process.
// Prints, per headline figure, the median over the rounds of each side and their ratio
// (head ÷ base; below 1 is faster). The machine is shared: read ratios, not absolute figures.
//
// Part `ab` (e.g. `--parts ab --rounds 30`): both trees' core bundled side by side and loaded into
// ONE process, which alternates them analysis by analysis (CPU time of analyzeDocument on seed 002
// and on the 1 MB plan, henan-2021 set, each side in its own session after warm-up). Load on the
// machine then falls on both sides alike within milliseconds, which separate processes minutes
// apart cannot promise: on a loaded 2-core machine the process rounds above moved by ±30% between
// runs of one build, the in-process ratio by ±7%.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/** The in-process A/B (part `ab`): bundles each tree's core, runs them alternately in one process. */
async function inProcess(work, trees, rounds) {
  const { build } = await import(pathToFileURL(join(head, 'node_modules', 'esbuild', 'lib', 'main.js')).href);
  for (const [side, tree] of Object.entries(trees)) {
    const entry = join(work, `${side}-entry.ts`);
    const from = (p) => JSON.stringify(join(tree, p));
    writeFileSync(
      entry,
      [
        `export { analyzeDocument } from ${from('server/src/core/analyze.ts')};`,
        `export { createSession } from ${from('server/src/core/session.ts')};`,
        `export { resolveRequirementSets } from ${from('server/src/node/requirements.ts')};`,
        `export { generatePlan, readSeeds } from ${from('bench/src/generate.ts')};`,
      ].join('\n'),
    );
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: join(work, `${side}.cjs`),
      logLevel: 'error',
      target: 'node20',
      nodePaths: [join(head, 'node_modules')],
    });
  }
  const runner = join(work, 'ab-runner.cjs');
  writeFileSync(runner, AB_RUNNER);
  return JSON.parse(run(process.execPath, [runner, work, head, String(rounds)], head));
}

/** Runs in its own process: argv work dir, repository root, rounds; prints the samples as JSON. */
const AB_RUNNER = `
const [work, root, roundsArg] = process.argv.slice(2);
const mods = { base: require(work + '/base.cjs'), head: require(work + '/head.cjs') };
const seeds = mods.head.readSeeds(root);
const texts = { 'seed 002': seeds.find((s) => s.name.startsWith('002')).text, '1 MB plan': mods.head.generatePlan(seeds, 1024 * 1024) };
const sides = {};
for (const [k, m] of Object.entries(mods)) {
  const { sets } = m.resolveRequirementSets(['henan-2021'], { baseDir: root, setDirs: [root + '/server/sets'] });
  sides[k] = { m, session: m.createSession(), opts: { requirements: sets } };
}
const cpu = (side, text) => { const t = process.cpuUsage(); side.m.analyzeDocument(text, side.opts, side.session); const d = process.cpuUsage(t); return (d.user + d.system) / 1000; };
const out = { base: { 'seed 002': [], '1 MB plan': [] }, head: { 'seed 002': [], '1 MB plan': [] } };
for (const k of ['base', 'head']) for (let i = 0; i < 20; i++) { cpu(sides[k], texts['seed 002']); if (i < 5) cpu(sides[k], texts['1 MB plan']); }
const rounds = Number(roundsArg);
for (let r = 0; r < rounds; r++) {
  for (const k of r % 2 ? ['base', 'head'] : ['head', 'base']) {
    for (let i = 0; i < 10; i++) out[k]['seed 002'].push(cpu(sides[k], texts['seed 002']));
    out[k]['1 MB plan'].push(cpu(sides[k], texts['1 MB plan']));
  }
}
process.stdout.write(JSON.stringify(out));
`;

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
  const partsLabel = args.parts.join(',');
  if (args.parts.includes('ab')) {
    process.stderr.write(`compare: in-process A/B, ${args.rounds} rounds …\n`);
    const ab = await inProcess(work, { base, head }, args.rounds);
    for (const side of ['base', 'head']) for (const [doc, xs] of Object.entries(ab[side])) samples[side][`in-process ${doc}: CPU median`] = xs;
    args.parts = args.parts.filter((p) => p !== 'ab');
  }
  for (let round = 0; args.parts.length > 0 && round < args.rounds; round++) {
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
    `base ${sha} vs head ${headSha}, ${args.rounds} rounds alternating, parts ${partsLabel} (--quick); medians over rounds, ms`,
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
