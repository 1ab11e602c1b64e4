/**
 * Profiling helper: runs the full analysis of one document repeatedly under the V8 profiler
 * (node --cpu-prof) and prints the functions with the most self time.
 *
 *   node bench/run.mjs --profile seed-002|seed-000|…|1mb|10mb [--runs N]
 */
import { readFileSync, readdirSync, rmSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze.js';
import { parsePlan } from '../../server/src/core/parse.js';
import { createSession } from '../../server/src/core/session.js';
import { resolveRequirementSets } from '../../server/src/node/requirements.js';
import { generatePlan, readSeeds } from './generate.js';
import { MB } from './stats.js';

export function docFor(root: string, name: string): string {
  const seeds = readSeeds(root);
  if (name === '1mb') return generatePlan(seeds, MB);
  if (name === '10mb') return generatePlan(seeds, 10 * MB);
  const seed = seeds.find((s) => `seed-${s.name}` === name);
  if (!seed) throw new Error(`unknown document ${name}: expected seed-000…seed-004, 1mb or 10mb`);
  return seed.text;
}

/** Child side: analyse `runs` times (the profiler is on for the whole process). */
export function profileTarget(root: string, name: string, runs: number): void {
  const text = docFor(root, name);
  const { sets } = resolveRequirementSets(['henan-2021'], { baseDir: root, setDirs: [join(root, 'server', 'sets')] });
  // PLANLINT_PROFILE_WHAT=parse profiles the structure parser (with indicator extraction) alone
  // one session for every run, as the language server keeps one while a draft is edited
  const session = createSession();
  if (process.env.PLANLINT_PROFILE_WHAT === 'parse') for (let i = 0; i < runs; i++) parsePlan(text, {}, session);
  else for (let i = 0; i < runs; i++) analyze(text, { requirements: sets }, session);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Top self-time functions of a .cpuprofile (ms, aggregated by function and location). */
export function topSelf(
  profile: CpuProfile,
  limit = 25,
  sourceOf: (url: string, line: number) => string = (u, l) => `${u}:${l}`,
): { fn: string; where: string; selfMs: number; pct: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const agg = new Map<string, { fn: string; where: string; us: number }>();
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const cf = n.callFrame;
    const where = sourceOf(cf.url, cf.lineNumber + 1);
    const key = `${cf.functionName}@${where}`;
    const e = agg.get(key) ?? { fn: cf.functionName || '(anonymous)', where, us: 0 };
    e.us += us;
    agg.set(key, e);
    total += us;
  }
  return [...agg.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, limit)
    .map((e) => ({ fn: e.fn, where: e.where, selfMs: Math.round(e.us / 100) / 10, pct: Math.round((e.us / total) * 1000) / 10 }));
}

/** Parent side: spawns the profiled child and prints the summary. */
export function profile(root: string, self: string, name: string, runs: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-prof-'));
  const r = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--enable-source-maps', self, '--profile-child', name, '--runs', String(runs)],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error(`profiled run failed (exit ${r.status})`);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile written');
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const bundle = readFileSync(self, 'utf8').split('\n');
  // esbuild marks each bundled module with a "// path/to/module.ts" comment line
  const sourceOf = (url: string, line: number): string => {
    if (!url.endsWith('bench.cjs')) return url ? `${url.replace(/^.*\/node_modules\//, '')}:${line}` : '';
    for (let i = Math.min(line, bundle.length) - 1; i >= 0; i--) {
      const m = /^\/\/ ((?:server|bench|client|node_modules)\/\S+)$/.exec(bundle[i]!);
      if (m) return `${m[1]} (bundle:${line})`;
    }
    return `bench.cjs:${line}`;
  };
  const rows = topSelf(prof, 25, sourceOf);
  process.stdout.write(`top self time, ${name}, ${runs} analyses (profile: ${join(dir, file)})\n`);
  for (const row of rows) process.stdout.write(`${String(row.selfMs).padStart(9)} ms ${String(row.pct).padStart(5)}%  ${row.fn}  ${row.where}\n`);
  // the same self time summed per source folder: which stage costs what (parse, indicators, align, rules …)
  const byFolder = new Map<string, { ms: number; pct: number }>();
  for (const row of topSelf(prof, Infinity, sourceOf)) {
    const folder = /^(server\/src\/\S+\/)/.exec(row.where)?.[1] ?? (row.where.startsWith('(') || !row.where ? row.fn : 'other');
    const e = byFolder.get(folder) ?? { ms: 0, pct: 0 };
    e.ms += row.selfMs;
    e.pct += row.pct;
    byFolder.set(folder, e);
  }
  process.stdout.write('\nself time by folder\n');
  for (const [folder, e] of [...byFolder].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
    process.stdout.write(`${e.ms.toFixed(1).padStart(9)} ms ${e.pct.toFixed(1).padStart(5)}%  ${folder}\n`);
  if (process.env.PLANLINT_KEEP_PROFILE !== '1') rmSync(dir, { recursive: true, force: true });
}
