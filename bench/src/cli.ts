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

interface Command {
  name: string;
  args: string[];
  cwd: string;
  files: number;
  shown: string;
}

/**
 * Whole-process wall time of each command, interleaved: round by round every command runs once
 * (in reverse order every other round), so drift in the machine's speed during the part (this
 * shared 2-core machine has slow phases of minutes) falls on all commands alike and their ratios
 * stay comparable. `warm`: one untimed round first (the file cache, the code cache).
 */
function timeInterleaved(commands: readonly Command[], runs: number, warm: boolean): CliCase[] {
  const samples = commands.map((): number[] => []);
  const cpu = commands.map(() => 0);
  const status = commands.map((): number | null => null);
  for (let round = warm ? 0 : 1; round <= runs; round++) {
    const order = round % 2 ? commands.map((_, k) => k) : commands.map((_, k) => commands.length - 1 - k);
    for (const k of order) {
      const { args, cwd } = commands[k]!;
      const c0 = procCpuMs('self', true);
      const t0 = now();
      const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const t = now() - t0;
      if (r.error) throw r.error;
      status[k] = r.status;
      if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
      if (round > 0) {
        samples[k]!.push(t);
        cpu[k]! += procCpuMs('self', true) - c0;
      }
    }
  }
  return commands.map((c, k) => ({
    name: c.name,
    command: c.shown,
    files: c.files,
    wall: summarize(samples[k]!),
    cpuMean: round(cpu[k]! / samples[k]!.length),
    status: status[k]!,
  }));
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
  const small = quick ? 5 : 15;
  // start-up: one small file (the smallest seed), where loading the CLI is most of the run; compare
  // its CPU time before and after a change in the same run (issue 16: no measurable growth)
  const smallest = [...seeds].sort((a, b) => a.bytes - b.bytes)[0]!;
  const smallestFile = relative(root, smallest.file);
  cases.push(
    ...timeInterleaved(
      [
        { name: 'node -e 0', args: ['-e', '0'], cwd: root, files: 0, shown: 'node -e 0' },
        {
          name: 'planlint check (1 small seed: start-up)',
          args: [planlint, 'check', smallestFile],
          cwd: root,
          files: 1,
          shown: `planlint check ${smallestFile}`,
        },
        {
          name: 'planlint check (5 seeds)',
          args: [planlint, 'check', ...seedFiles],
          cwd: root,
          files: seedFiles.length,
          shown: `planlint check ${seedFiles.join(' ')}`,
        },
        {
          name: 'planlint check --requirements henan-2021 (5 seeds)',
          args: [planlint, 'check', '--requirements', 'henan-2021', ...seedFiles],
          cwd: root,
          files: seedFiles.length,
          shown: `planlint check --requirements henan-2021 <5 seeds>`,
        },
        {
          name: 'markdownlint-cli2 (5 seeds)',
          args: [mdl, ...seedFiles],
          cwd: root,
          files: seedFiles.length,
          shown: `markdownlint-cli2 ${seedFiles.join(' ')}`,
        },
      ],
      small,
      true,
    ),
  );

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
    cases.push(
      ...timeInterleaved(
        [
          {
            name: 'planlint check (1,000 plans)',
            args: [planlint, 'check', 'plans'],
            cwd: dir,
            files: count,
            shown: 'planlint check plans/  (1,000 seed-sized .txt files)',
          },
          { name: 'markdownlint-cli2 (1,000 plans)', args: [mdl, 'plans/*.txt'], cwd: dir, files: count, shown: 'markdownlint-cli2 "plans/*.txt"' },
        ],
        big,
        false,
      ),
    );
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
