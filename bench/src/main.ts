/**
 * planlint benchmarks (`npm run bench`). Each part runs in its own Node process so one part's
 * JIT state, heap and child processes never colour another's figures.
 *
 *   node bench/run.mjs [--quick] [--only core,lsp,cli,memory,size] [--out FILE]
 *   node bench/run.mjs --render [FILE]   (RESULTS.md from a result file, no new run)
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { runCore } from './core.js';
import { runEditing, runMemory } from './lsp.js';
import { runCli } from './cli.js';
import { activationChild, runSize } from './size.js';
import { renderResults } from './report.js';
import { profile, profileTarget } from './profile.js';

export const root = resolve(__dirname, '..', '..');

type PartName = 'core' | 'lsp' | 'cli' | 'memory' | 'size';
const allParts: PartName[] = ['core', 'lsp', 'cli', 'memory', 'size'];

interface Args {
  part?: PartName;
  only: PartName[];
  quick: boolean;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { only: allParts, quick: false, out: join(root, 'bench', 'results', 'latest.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') args.quick = true;
    else if (a === '--part') args.part = argv[++i] as PartName;
    else if (a === '--only') args.only = (argv[++i] ?? '').split(',').filter((p): p is PartName => (allParts as string[]).includes(p));
    else if (a === '--out') args.out = resolve(argv[++i] ?? args.out);
    else {
      process.stderr.write(`unknown argument ${a}\nusage: node bench/run.mjs [--quick] [--only ${allParts.join(',')}] [--out FILE]\n`);
      process.exit(2);
    }
  }
  return args;
}

async function runPart(part: PartName, quick: boolean): Promise<unknown> {
  switch (part) {
    case 'core':
      return runCore(root, quick);
    case 'lsp':
      return runEditing(root, quick);
    case 'memory':
      return runMemory(root, quick);
    case 'cli':
      return runCli(root, quick);
    case 'size':
      return runSize(root, quick, (args) => {
        const r = spawnSync(process.execPath, [__filename, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
        return { status: r.status, stdout: r.stdout + (r.status !== 0 ? r.stderr : '') };
      });
    default:
      throw new Error(`part ${part} not available yet`);
  }
}

function machine() {
  const c = cpus();
  return {
    cores: c.length,
    cpu: c[0]?.model ?? 'unknown',
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${platform()} ${release()}`,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 20;
  if (argv[0] === '--profile-child') return profileTarget(root, argv[1] ?? 'seed-002', runs);
  if (argv[0] === '--profile') return profile(root, __filename, argv[1] ?? 'seed-002', runs);
  if (argv[0] === '--activation-child') return activationChild(root);
  if (argv[0] === '--render') {
    // re-render bench/RESULTS.md from the result file (after editing the prose around the figures)
    const file = resolve(argv[1] ?? join(root, 'bench', 'results', 'latest.json'));
    const md = join(root, 'bench', 'RESULTS.md');
    writeFileSync(md, renderResults(JSON.parse(readFileSync(file, 'utf8')), existsSync(md) ? readFileSync(md, 'utf8') : ''));
    formatOutputs([md]);
    return;
  }
  const args = parseArgs(argv);
  if (args.part) {
    const result = await runPart(args.part, args.quick);
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  const previous = existsSync(args.out) ? (JSON.parse(readFileSync(args.out, 'utf8')) as { parts?: Record<string, unknown> }) : undefined;
  const parts: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const started = Date.now();
  const load0 = loadavg()[0]!;
  for (const part of args.only) {
    const t0 = Date.now();
    process.stderr.write(`bench: ${part} …\n`);
    const r = spawnSync(process.execPath, [__filename, '--part', part, ...(args.quick ? ['--quick'] : [])], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const last = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status === 0 && last.startsWith('{')) parts[part] = JSON.parse(last);
    else {
      errors[part] = `exit ${r.status ?? r.signal}: ${last.slice(0, 500)}`;
      process.stderr.write(`bench: ${part} failed (${errors[part]})\n`);
    }
    process.stderr.write(`bench: ${part} done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  // parts not run this time keep their previous figures (marked as such)
  const carried: string[] = [];
  for (const p of allParts) {
    if (!(p in parts) && previous?.parts && p in previous.parts) {
      parts[p] = previous.parts[p];
      carried.push(p);
    }
  }
  const result = {
    date: new Date().toISOString(),
    machine: machine(),
    quick: args.quick,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    command: `node bench/run.mjs${args.quick ? ' --quick' : ''}${args.only.length < allParts.length ? ` --only ${args.only.join(',')}` : ''}`,
    carriedOver: carried,
    load: { start: Math.round(load0 * 10) / 10, end: Math.round(loadavg()[0]! * 10) / 10 },
    errors,
    parts,
  };
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(result, null, 2) + '\n');
  const md = join(root, 'bench', 'RESULTS.md');
  writeFileSync(md, renderResults(result, existsSync(md) ? readFileSync(md, 'utf8') : ''));
  formatOutputs([args.out, md]);
  process.stderr.write(`bench: wrote ${args.out} and bench/RESULTS.md\n`);
}

/**
 * The written files in the repository's Prettier style, so that committing them keeps `npm run
 * lint` (prettier --check .) green: JSON.stringify's layout is not Prettier's.
 */
function formatOutputs(files: string[]): void {
  const bin = join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  if (!existsSync(bin)) return;
  const r = spawnSync(process.execPath, [bin, '--write', '--log-level', 'warn', ...files], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) process.stderr.write(`bench: prettier could not format the results (${(r.stderr || r.stdout).trim()})\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
