/**
 * CLI benchmark: whole-process wall time (process start included) of `planlint check` on the
 * seeds and on a generated corpus of 1,000 plans, side by side in the same run with
 * markdownlint-cli2 on the same files and with `node -e 0` (the floor: Node's own start-up).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { corpusFile, readSeeds } from './generate.js';
import { now, procCpuMs, round, summarize, type Summary } from './stats.js';

export interface CliCase {
  name: string;
  command: string;
  files: number;
  wall: Summary;
  /** mean CPU time (user + system) per run, from /proc (10 ms ticks), ms */
  cpuMean?: number;
  /** exit status of the last run */
  status: number | null;
}

export interface CliResult {
  cases: CliCase[];
  ratios: { what: string; ratio: number }[];
}

function timeProcess(args: string[], cwd: string, runs: number, warm: boolean): { samples: number[]; status: number | null; cpuMean: number } {
  const samples: number[] = [];
  let status: number | null = null;
  let cpu = 0;
  for (let i = warm ? 0 : 1; i <= runs; i++) {
    const c0 = procCpuMs('self', true);
    const t0 = now();
    const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const t = now() - t0;
    if (r.error) throw r.error;
    status = r.status;
    if (status !== 0 && status !== 1) throw new Error(`${args.join(' ')} exited ${status}: ${r.stderr.slice(0, 500)}`);
    if (i > 0) {
      samples.push(t); // the first run warms the file cache
      cpu += procCpuMs('self', true) - c0;
    }
  }
  return { samples, status, cpuMean: round(cpu / samples.length) };
}

export function runCli(root: string, quick: boolean): CliResult {
  // markdownlint-cli2's own bin, started with node like planlint's (no npx in either timing)
  const mdlDir = join(root, 'node_modules', 'markdownlint-cli2');
  const mdlBin = (JSON.parse(readFileSync(join(mdlDir, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['markdownlint-cli2'];
  const mdl = join(mdlDir, mdlBin ?? 'markdownlint-cli2-bin.mjs');
  const planlint = join(root, 'server', 'bin', 'planlint.js');
  const seeds = readSeeds(root);
  const seedFiles = seeds.map((s) => relative(root, s.file));
  const cases: CliCase[] = [];
  const add = (name: string, args: string[], cwd: string, files: number, runs: number, shown: string, warm = true) => {
    const { samples, status, cpuMean } = timeProcess(args, cwd, runs, warm);
    cases.push({ name, command: shown, files, wall: summarize(samples), cpuMean, status });
  };
  const small = quick ? 5 : 15;
  add('node -e 0', ['-e', '0'], root, 0, small, 'node -e 0');
  // start-up: one small file (the smallest seed), where loading the CLI is most of the run; compare
  // its CPU time before and after a change in the same run (issue 16: no measurable growth)
  const smallest = [...seeds].sort((a, b) => a.bytes - b.bytes)[0]!;
  const smallestFile = relative(root, smallest.file);
  add('planlint check (1 small seed: start-up)', [planlint, 'check', smallestFile], root, 1, small, `planlint check ${smallestFile}`);
  add('planlint check (5 seeds)', [planlint, 'check', ...seedFiles], root, seedFiles.length, small, `planlint check ${seedFiles.join(' ')}`);
  add(
    'planlint check --requirements henan-2021 (5 seeds)',
    [planlint, 'check', '--requirements', 'henan-2021', ...seedFiles],
    root,
    seedFiles.length,
    small,
    `planlint check --requirements henan-2021 <5 seeds>`,
  );
  add('markdownlint-cli2 (5 seeds)', [mdl, ...seedFiles], root, seedFiles.length, small, `markdownlint-cli2 ${seedFiles.join(' ')}`);

  const dir = mkdtempSync(join(tmpdir(), 'planlint-bench-corpus-'));
  try {
    const corpus = join(dir, 'plans');
    mkdirSync(corpus);
    const count = 1000;
    for (let i = 0; i < count; i++) {
      const f = corpusFile(seeds, i);
      writeFileSync(join(corpus, f.name), f.text);
    }
    // the files were just written (they are in the page cache): no warm-up run
    const big = quick ? 1 : 2;
    add('planlint check (1,000 plans)', [planlint, 'check', 'plans'], dir, count, big, 'planlint check plans/  (1,000 seed-sized .txt files)', false);
    add('markdownlint-cli2 (1,000 plans)', [mdl, 'plans/*.txt'], dir, count, big, 'markdownlint-cli2 "plans/*.txt"', false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const med = (name: string) => cases.find((c) => c.name === name)!.wall.median;
  const ratios = [
    { what: 'planlint / markdownlint-cli2, 5 seeds', ratio: round(med('planlint check (5 seeds)') / med('markdownlint-cli2 (5 seeds)')) },
    {
      what: 'planlint --requirements / markdownlint-cli2, 5 seeds',
      ratio: round(med('planlint check --requirements henan-2021 (5 seeds)') / med('markdownlint-cli2 (5 seeds)')),
    },
    { what: 'planlint / markdownlint-cli2, 1,000 plans', ratio: round(med('planlint check (1,000 plans)') / med('markdownlint-cli2 (1,000 plans)')) },
    { what: 'planlint 5 seeds / node -e 0', ratio: round(med('planlint check (5 seeds)') / med('node -e 0')) },
    { what: 'planlint 1 small seed (start-up) / node -e 0', ratio: round(med('planlint check (1 small seed: start-up)') / med('node -e 0')) },
  ];
  return { cases, ratios };
}
