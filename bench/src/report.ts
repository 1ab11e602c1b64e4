/**
 * bench/RESULTS.md: the figures section is generated from the result file (between the
 * `<!-- figures:begin -->` / `<!-- figures:end -->` markers); the prose around it is kept as written.
 */
import type { CoreResult } from './core.js';
import type { EditingResult, MemoryResult } from './lsp.js';
import type { CliResult } from './cli.js';
import type { SizeResult } from './size.js';

export interface BenchResult {
  date: string;
  machine: { cores: number; cpu: string; memoryGB: number; node: string; platform: string };
  quick: boolean;
  seconds: number;
  command: string;
  carriedOver: string[];
  errors: Record<string, string>;
  /** 1-minute load average when the run started and ended (other processes skew wall times) */
  load?: { start: number; end: number };
  parts: { core?: CoreResult; lsp?: EditingResult; memory?: MemoryResult; cli?: CliResult; size?: SizeResult };
}

const BEGIN = '<!-- figures:begin -->';
const END = '<!-- figures:end -->';

const fmt = (x: number | undefined, unit = ''): string => (x === undefined || !Number.isFinite(x) ? '–' : `${x}${unit}`);
const kb = (b: number) => `${Math.round(b / 1024)} KB`;
const mbFmt = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;

interface Row {
  target: string;
  goal: string;
  measured: string;
  ok: boolean | undefined;
}

function targets(r: BenchResult): Row[] {
  const rows: Row[] = [];
  const core = r.parts.core;
  const doc = (n: string) => core?.docs.find((d) => d.doc === n);
  const s002 = doc('seed 002');
  const one = doc('1 MB plan');
  const ten = doc('10 MB plan');
  const check = (target: string, goal: string, value: number | undefined, limit: number, unit: string, higherIsBetter = false, cpu?: string) =>
    rows.push({
      target,
      goal,
      measured: fmt(value, unit) + (cpu ? ` (CPU ${cpu})` : ''),
      ok: value === undefined || !Number.isFinite(value) ? undefined : higherIsBetter ? value >= limit : value <= limit,
    });
  const cpuCold = (d?: { cpu?: { median: number }; cold?: { median: number } }) =>
    d?.cpu ? `${d.cpu.median} ms` + (d.cold ? `; cold, nothing kept from an earlier run: ${d.cold.median} ms` : '') : undefined;
  check('Seed 002 (45 KB) full analysis, median', '≤ 2 ms', s002?.analyze.median, 2, ' ms', false, cpuCold(s002));
  check('1 MB plan full analysis, median', '≤ 40 ms', one?.analyze.median, 40, ' ms', false, cpuCold(one));
  const coldRate = one?.cold ? Math.round((one.bytes / 1048576 / (one.cold.median / 1000)) * 100) / 100 : undefined;
  rows.push({
    target: 'Throughput (1 MB plan)',
    goal: '≥ 25 MB/s',
    measured: fmt(one?.mbPerSec, ' MB/s') + (coldRate !== undefined ? ` (cold ${coldRate} MB/s)` : ''),
    ok: one?.mbPerSec === undefined ? undefined : one.mbPerSec >= 25,
  });
  // the large plans are made of all five seeds, so their cost per MB compares with the seeds'
  // together. Judged on fresh figures (every paragraph worked out afresh, nothing kept or shared):
  // every size on the same terms. The cold ones are shown too: the larger a generated plan, the
  // more often each seed paragraph recurs in it, and a cold analysis works each out once.
  const seeds = core?.docs.filter((d) => d.doc.startsWith('seed ')) ?? [];
  const perMB = (key: 'fresh' | 'cold', d?: { bytes: number; fresh?: { median: number }; cold?: { median: number } }) =>
    d?.[key] ? Math.round((d[key]!.median / (d.bytes / 1048576)) * 10) / 10 : undefined;
  const seedsPerMB = (key: 'fresh' | 'cold') => {
    const sum = seeds.reduce((a, d) => a + (d[key]?.median ?? NaN), 0);
    return seeds.length && Number.isFinite(sum) ? Math.round((sum / (seeds.reduce((a, d) => a + d.bytes, 0) / 1048576)) * 10) / 10 : undefined;
  };
  const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined ? Math.round((b / a) * 100) / 100 : undefined);
  const curve = (key: 'fresh' | 'cold') => {
    const s0 = seedsPerMB(key);
    const m1 = perMB(key, one);
    const m10 = perMB(key, ten);
    return { text: `${fmt(s0)} → ${fmt(m1)} → ${fmt(m10)} ms/MB (×${fmt(ratio(s0, m1))}, ×${fmt(ratio(m1, m10))})`, g0: ratio(s0, m1), g1: ratio(m1, m10) };
  };
  const fresh = curve('fresh');
  const cold = curve('cold');
  rows.push({
    target: 'Linear growth: ms per MB with all the work done (nothing kept, equal paragraphs not shared), seeds (10–45 KB) → 1 MB → 10 MB',
    goal: 'each step ≤ 1.5×',
    measured: core ? `${fresh.text}; cold (equal paragraphs shared) ${cold.text}` : '–',
    ok: fresh.g0 === undefined || fresh.g1 === undefined ? undefined : fresh.g0 <= 1.5 && fresh.g1 <= 1.5,
  });
  const runs = r.parts.lsp?.runs ?? [];
  const edit = (doc: string, debounce: number | 'default') => runs.find((x) => x.doc === doc && x.debounceMs === debounce);
  const perKey = (e?: { serverCpuPerKeystroke?: number }) =>
    e?.serverCpuPerKeystroke !== undefined ? `${e.serverCpuPerKeystroke} ms per keystroke` : undefined;
  check('Keystroke → diagnostics p95, seed 002 (no debounce)', '≤ 15 ms', edit('seed 002', 0)?.keystroke.p95, 15, ' ms', false, perKey(edit('seed 002', 0)));
  check('Keystroke → diagnostics p95, 1 MB (no debounce)', '≤ 80 ms', edit('1 MB plan', 0)?.keystroke.p95, 80, ' ms', false, perKey(edit('1 MB plan', 0)));
  check(
    'Keystroke → diagnostics p95, seed 002 (default settings: debounce auto, warm-up)',
    '≤ 30 ms',
    edit('seed 002', 'default')?.keystroke.p95,
    30,
    ' ms',
    false,
    perKey(edit('seed 002', 'default')),
  );
  const firstCpu = (e?: { firstCpuPerKeystroke?: number }) =>
    e?.firstCpuPerKeystroke !== undefined ? `${e.firstCpuPerKeystroke} ms per keystroke` : undefined;
  check(
    'First 20 keystrokes after opening p95, seed 002 (default settings)',
    '≤ 15 ms',
    edit('seed 002', 'default')?.firstKeystrokes?.p95,
    15,
    ' ms',
    false,
    firstCpu(edit('seed 002', 'default')),
  );
  check('documentSymbol p95, seed 002', '≤ 5 ms', edit('seed 002', 0)?.symbols?.p95, 5, ' ms');
  check('hover p95, seed 002', '≤ 5 ms', edit('seed 002', 0)?.hover?.p95, 5, ' ms');
  const cli = r.parts.cli;
  const cliMed = (n: string) => cli?.cases.find((c) => c.name === n)?.wall.median;
  const seedsMs = cliMed('planlint check (5 seeds)');
  const cliCpu = (n: string) => {
    const c = cli?.cases.find((x) => x.name === n)?.cpuMean;
    return c !== undefined && Number.isFinite(c) ? `${Math.round(c) / 1000} s` : undefined;
  };
  check(
    'CLI, all five seeds, wall incl. process start',
    '≤ 0.15 s',
    seedsMs === undefined ? undefined : Math.round(seedsMs) / 1000,
    0.15,
    ' s',
    false,
    cliCpu('planlint check (5 seeds)'),
  );
  check('CLI vs markdownlint-cli2, same five files', '≤ 0.35×', cli?.ratios.find((x) => x.what === 'planlint / markdownlint-cli2, 5 seeds')?.ratio, 0.35, '×');
  const corpus = cliMed('planlint check (1,000 plans)');
  check('CLI, 1,000 plans', '≤ 5 s', corpus === undefined ? undefined : Math.round(corpus / 10) / 100, 5, ' s', false, cliCpu('planlint check (1,000 plans)'));
  const mem = r.parts.memory;
  check(`Server RSS with ${mem?.drafts ?? 200} distinct drafts open (started as the extension starts it)`, '≤ 150 MB', mem?.rssOpenMB, 150, ' MB');
  check('Extension activation (stand-in vscode, real server start)', '≤ 150 ms', r.parts.size?.activation?.median, 150, ' ms');
  const vsix = r.parts.size?.vsix;
  rows.push({
    target: 'Packaged .vsix',
    goal: '≤ 2 MB',
    measured: vsix && Number.isFinite(vsix.bytes) ? mbFmt(vsix.bytes) : '–',
    ok: vsix && Number.isFinite(vsix.bytes) ? vsix.bytes <= 2 * 1024 * 1024 : undefined,
  });
  return rows;
}

export function renderFigures(r: BenchResult): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`Run ${r.date.replace('T', ' ').slice(0, 16)} UTC, \`${r.command}\`${r.quick ? ' (quick: fewer samples)' : ''}, ${r.seconds} s.`);
  out.push(
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGB} GB, Node ${m.node}, ${m.platform}${r.load ? `; load average ${r.load.start} at start, ${r.load.end} at end` : ''}.`,
  );
  if (r.carriedOver.length) out.push(`Parts carried over from an earlier run: ${r.carriedOver.join(', ')}.`);
  for (const [p, e] of Object.entries(r.errors)) out.push(`**${p} failed:** ${e}`);
  out.push('');
  out.push('### Targets');
  out.push('');
  out.push('"met" is judged on the wall-clock figure the target names; CPU time in brackets (see "Reading these figures").');
  out.push('');
  out.push('| target | goal | measured | met |');
  out.push('| --- | --- | --- | --- |');
  for (const row of targets(r)) out.push(`| ${row.target} | ${row.goal} | ${row.measured} | ${row.ok === undefined ? '–' : row.ok ? 'yes' : '**no**'} |`);

  const core = r.parts.core;
  if (core) {
    out.push('');
    out.push(`### Core: full analysis (parse, all rules, indicators, alignment against ${core.requirementSets.join(', ')})`);
    out.push('');
    out.push(
      'Wall time per analysis in one process after warm-up; CPU time is the same runs measured with `process.cpuUsage()` (less sensitive to other load on the machine). ' +
        '“median” analyses the same text again, so what the core keeps per paragraph (indicator scans, term lists, explanation runs: bounded memos, `server/src/core/generation-memo.ts`) serves it, as it serves every keystroke while a draft is edited. ' +
        '“cold” clears those memos before each run (untimed): what a CLI run or the first analysis of a draft costs (paragraphs of equal text in the document are still worked out once). ' +
        '“fresh” is cold with no sharing between equal paragraphs either (a session made with `createSession({ paragraphSharing: false })`): the cost of a document whose paragraphs all differ. The generated plans repeat seed paragraphs (“distinct”), so their cold figures are lower than a real plan of their size would give; their fresh figures are not.',
    );
    out.push('');
    out.push(
      '| document | size | paragraphs (distinct) | sections | indicators | findings | runs | median | p95 | CPU median | cold median | fresh median | parse alone | MB/s | ms/MB |',
    );
    out.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const d of core.docs) {
      out.push(
        `| ${d.doc} | ${d.bytes >= 1024 * 1024 ? mbFmt(d.bytes) : kb(d.bytes)} | ${d.paragraphs !== undefined ? `${d.paragraphs} (${d.distinctParagraphs})` : '–'} | ${d.sections} | ${d.indicators} | ${d.findings} | ${d.runs} | ${d.analyze.median} ms | ${d.analyze.p95} ms | ${fmt(d.cpu?.median, ' ms')} | ${fmt(d.cold?.median, ' ms')} | ${fmt(d.fresh?.median, ' ms')} | ${d.parse.median} ms | ${d.mbPerSec} | ${d.msPerMB} |`,
      );
    }
    out.push('');
    out.push('Slowest rules alone (median ms on a freshly parsed plan):');
    out.push('');
    for (const [doc, rows] of Object.entries(core.ruleBreakdown ?? {})) {
      out.push(
        `- ${doc}: ${rows
          .slice(0, 5)
          .map((x) => `${x.rule} ${x.median}`)
          .join(', ')}`,
      );
    }
  }

  const lsp = r.parts.lsp;
  if (lsp) {
    out.push('');
    out.push('### Editing: the built server over stdio (vscode-languageserver-protocol client)');
    out.push('');
    out.push(
      'The server is started as the extension starts it (`client/src/launch.ts`). One-character edits (insert, then delete) at points spread through the document; time from sending `didChange` to receiving `publishDiagnostics` for that version. The first 20 keystrokes after the document is opened in the fresh server are warm-up, shown apart ("first keystrokes": V8 is still compiling the analysis then). Requests on the settled document; "symbols after edit" is a `documentSymbol` sent right after a `didChange` (it waits for the new analysis).',
    );
    out.push('');
    out.push(
      '"default (auto)" sends no `debounce` setting: the server\'s default derives the delay from the cost of the document\'s last analysis (`server/src/lsp/debounce.ts`), and the server warms its analysis up on a built-in sample right after `initialize` (`server/src/lsp/warmup.ts`); the document is opened as soon as `initialized` is sent, as VS Code does when it starts the server for an opened plan.',
    );
    out.push('');
    out.push(
      '| document | debounce | open → diagnostics | first keystrokes p50 / p95 (n) | server CPU per first keystroke | keystroke p50 / p95 / p99 (n) | server CPU per keystroke | symbols p50 / p95 | hover p50 / p95 | symbols after edit p50 / p95 |',
    );
    out.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const x of lsp.runs) {
      const s = (v?: { median: number; p95: number; p99?: number; n?: number }, p99 = false) =>
        v ? `${v.median} / ${v.p95}${p99 ? ` / ${v.p99} (${v.n})` : ''} ms` : '–';
      const f = x.firstKeystrokes;
      out.push(
        `| ${x.doc} | ${x.debounceMs === 'default' ? 'default (auto)' : `${x.debounceMs} ms`} | ${x.open} ms | ${f ? `${f.median} / ${f.p95} (${f.n}) ms` : '–'} | ${fmt(x.firstCpuPerKeystroke, ' ms')} | ${s(x.keystroke, true)} | ${fmt(x.serverCpuPerKeystroke, ' ms')} | ${s(x.symbols)} | ${s(x.hover)} | ${s(x.symbolsAfterEdit)} |`,
      );
    }
  }

  const cli = r.parts.cli;
  if (cli) {
    out.push('');
    out.push('### CLI: whole-process wall time (process start included), same run');
    out.push('');
    out.push(
      'The commands run interleaved, round by round (the five on the seeds, then the two on 1,000 plans), so a slow phase of the machine falls on all of them alike. CPU is user + system time of the process (10 ms ticks from /proc, mean per run): unlike wall time it does not grow when other work shares the machine.',
    );
    out.push('');
    out.push('| command | files | wall median | wall p95 | CPU per run | runs |');
    out.push('| --- | --- | --- | --- | --- | --- |');
    for (const c of cli.cases) out.push(`| \`${c.command}\` | ${c.files} | ${c.wall.median} ms | ${c.wall.p95} ms | ${fmt(c.cpuMean, ' ms')} | ${c.wall.n} |`);
    out.push('');
    for (const x of cli.ratios) out.push(`- ${x.what}: ${x.ratio}×`);
  }

  const mem = r.parts.memory;
  const size = r.parts.size;
  if (mem || size) {
    out.push('');
    out.push('### Memory, start-up, sizes');
    out.push('');
    if (mem) {
      out.push(
        `- Server RSS: ${mem.rssIdleMB} MB idle, ${mem.rssOpenMB} MB with ${mem.drafts} distinct seed-sized drafts open (${mem.draftsMB} MB of text, no paragraph shared), all analysed in ${mem.seconds} s${mem.rssSettledMB !== undefined ? `; ${mem.rssSettledMB} MB after ${mem.settledAfterSeconds} s idle (V8's memory reducer shrinks the heap once allocation stops; the target is judged on the figure right after)` : ''}.`,
      );
      if (mem.plainNode)
        out.push(
          `- The same distinct drafts with the server started by plain \`node\` (no \`--max-semi-space-size=8\`, as an editor that runs \`planlint-language-server --stdio\` starts it; the extension's options are in \`client/src/launch.ts\`): ${mem.plainNode.rssOpenMB} MB.`,
        );
      if (mem.copies)
        out.push(
          `- Server RSS with ${mem.drafts} near-copies of the seeds (one closing line differs): ${mem.copies.rssOpenMB} MB, analysed in ${mem.copies.seconds} s.`,
        );
    }
    if (size?.serverStart) out.push(`- Server start (spawn → initialize result): median ${size.serverStart.median} ms, p95 ${size.serverStart.p95} ms.`);
    if (size?.activation)
      out.push(
        `- Extension activation with a stand-in \`vscode\` module (each sample a fresh process): require of extension.js ${size.extensionRequire?.median} ms, require + activate() until its promise settles ${size.activation.median} ms median, ${size.activation.p95} ms p95 (the language client then starts the server in the background).`,
      );
    if (size?.activationError) out.push(`- Extension activation could not be measured: ${size.activationError}`);
    if (size) {
      for (const b of size.bundles) out.push(`- \`${b.file}\`: ${kb(b.bytes)} (${kb(b.gzipBytes)} gzip)`);
      if (size.vsix)
        out.push(
          `- \`.vsix\`: ${Number.isFinite(size.vsix.bytes) ? mbFmt(size.vsix.bytes) : 'not built'}${size.vsix.built ? ' (built by `npm run package` in this run)' : ' (existing file)'}${size.vsix.error ? `: ${size.vsix.error}` : ''}`,
        );
    }
  }
  return out.join('\n');
}

const skeleton = `# planlint benchmarks

\`npm run bench\` builds the bundles and runs every part (about 5 minutes on a 2-core machine);
\`node bench/run.mjs --quick\` takes fewer samples, \`--only core,lsp,cli,memory,size\` runs some parts
(the others keep their last figures). Results: \`bench/results/latest.json\` and the section below.
Profiling: \`node bench/run.mjs --profile seed-002|1mb|10mb [--runs N]\` prints the functions with
the most self time (\`PLANLINT_PROFILE_WHAT=parse\` for the parser alone).

## Figures

${BEGIN}
${END}
`;

export function renderResults(result: unknown, previous: string): string {
  const base = previous.includes(BEGIN) && previous.includes(END) ? previous : skeleton;
  const head = base.slice(0, base.indexOf(BEGIN) + BEGIN.length);
  const tail = base.slice(base.indexOf(END));
  return `${head}\n${renderFigures(result as BenchResult)}\n${tail}`;
}
