/**
 * Editing benchmark: the built language server (server/dist/server.js) as a separate process over
 * stdio, driven with vscode-languageserver-protocol the way an editor drives it.
 *  - keystroke → diagnostics: didChange of one character (insert, then delete it again, at points
 *    spread through the document) until the publishDiagnostics for that version arrives;
 *  - documentSymbol and hover on the settled document, and documentSymbol right after an edit;
 *  - RSS of the server with many drafts open (the memory part).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { SERVER_EXEC_ARGV } from '../../client/src/launch.js';
import { generatePlan, readSeeds } from './generate.js';
import { MB, now, procCpuMs, round, summarize, type Summary } from './stats.js';

export interface Server {
  proc: ChildProcessWithoutNullStreams;
  conn: ProtocolConnection;
  /** resolves when publishDiagnostics for (uri, version) arrives */
  diagnostics(uri: string, version: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

/**
 * Starts the built server with the Node options the extension gives it (client/src/launch.ts);
 * `plainNode`: with none, as an editor that runs `planlint-language-server --stdio` starts it.
 */
export async function startServer(root: string, settings: Record<string, unknown>, { plainNode = false }: { plainNode?: boolean } = {}): Promise<Server> {
  // PLANLINT_BENCH_SERVER_ARGS: extra Node options for the server, e.g. "--cpu-prof --cpu-prof-dir=DIR"
  const extra = (process.env.PLANLINT_BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const args = [...(plainNode ? [] : SERVER_EXEC_ARGV), ...extra, join(root, 'server', 'dist', 'server.js'), '--stdio'];
  const proc = spawn(process.execPath, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr.resume();
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiting = new Map<string, (p: PublishDiagnosticsParams) => void>();
  const seen = new Map<string, PublishDiagnosticsParams>();
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const key = `${p.uri}#${p.version ?? ''}`;
    const w = waiting.get(key);
    if (w) {
      waiting.delete(key);
      w(p);
    } else seen.set(key, p);
  });
  conn.onNotification('window/logMessage', () => undefined);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    initializationOptions: { settings },
    capabilities: {
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
    },
  });
  await conn.sendNotification(InitializedNotification.type, {});
  return {
    proc,
    conn,
    diagnostics(uri, version, timeoutMs = 120_000) {
      const key = `${uri}#${version}`;
      const have = seen.get(key);
      if (have) {
        seen.delete(key);
        return Promise.resolve(have);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(key);
          reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(key, (p) => {
          clearTimeout(timer);
          resolve(p);
        });
      });
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 3000))]);
        await conn.sendNotification(ExitNotification.type);
      } catch {
        /* gone */
      }
      await Promise.race([new Promise((r) => proc.once('exit', r)), new Promise((r) => setTimeout(r, 3000))]);
      if (proc.exitCode === null) proc.kill();
      conn.dispose();
    },
  };
}

/** Points spread evenly through the document: the middle of every k-th non-empty line. */
function spreadPositions(text: string, count: number): { line: number; character: number }[] {
  const lines = text.split(/\r\n|\r|\n/);
  const candidates: { line: number; character: number }[] = [];
  lines.forEach((l, i) => {
    if (l.trim().length >= 2) candidates.push({ line: i, character: Math.floor(l.length / 2) });
  });
  const out: { line: number; character: number }[] = [];
  for (let k = 0; k < count; k++) out.push(candidates[Math.floor(((k + 0.5) * candidates.length) / count)]!);
  return out;
}

/** insert/delete pairs of warm-up before the measured keystrokes (EditingDocResult.firstKeystrokes) */
const WARM_UP_EDITS = 10;

export interface EditingDocResult {
  doc: string;
  bytes: number;
  /** the debounce setting sent, or 'default' (none sent: the server's default, "auto") */
  debounceMs: number | 'default';
  /** time to the first diagnostics after didOpen, ms */
  open: number;
  /** didChange → publishDiagnostics of that version, ms */
  keystroke: Summary;
  /**
   * the warm-up keystrokes, left out of `keystroke`: the first WARM_UP_EDITS insert/delete pairs
   * after the document was opened in a fresh server, while V8 is still compiling the analysis
   */
  firstKeystrokes?: Summary;
  /** the first keystrokes' latencies in order (ms): which of them the warm-up leaves slow */
  firstSamples?: number[];
  /** mean CPU time of the server process per keystroke during those first keystrokes, ms */
  firstCpuPerKeystroke?: number;
  /** mean CPU time of the server process per keystroke (from /proc, 10 ms ticks), ms */
  serverCpuPerKeystroke?: number;
  /** documentSymbol on the settled document, ms */
  symbols?: Summary;
  /** hover at points spread through the settled document, ms */
  hover?: Summary;
  /** documentSymbol sent right after a one-character edit (includes the re-analysis), ms */
  symbolsAfterEdit?: Summary;
  symbolCount?: number;
}

async function editingRun(
  root: string,
  name: string,
  text: string,
  opts: { debounce: number | 'default'; edits: number; budgetMs: number; requests: number; afterEdit?: number },
): Promise<EditingDocResult> {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-bench-lsp-'));
  const file = join(dir, `${name.replace(/\W+/g, '-')}.plan.txt`);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const settings: Record<string, unknown> = { requirements: ['henan-2021'], codeLens: false };
  if (opts.debounce !== 'default') settings.debounce = opts.debounce;
  const server = await startServer(root, settings);
  try {
    let version = 1;
    const t0 = now();
    await server.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plan', version, text } });
    await server.diagnostics(uri, version);
    const open = now() - t0;

    const change = async (range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string) => {
      version++;
      await server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range, text: newText }],
      });
      return version;
    };

    // warm-up: edits the figures leave out (reported apart): in a fresh server the first keystrokes
    // run while V8 is still compiling the analysis; the worst latencies of a run were all among the
    // first 20 keystrokes
    const positions = spreadPositions(text, Math.max(2, Math.ceil(opts.edits / 2)));
    const first: number[] = [];
    const firstCpu0 = procCpuMs(server.proc.pid!);
    for (let i = 0; i < WARM_UP_EDITS; i++) {
      const p = positions[i % positions.length]!;
      let t = now();
      const v1 = await change({ start: p, end: p }, '的');
      await server.diagnostics(uri, v1);
      first.push(now() - t);
      t = now();
      const v2 = await change({ start: p, end: { line: p.line, character: p.character + 1 } }, '');
      await server.diagnostics(uri, v2);
      first.push(now() - t);
    }

    const firstCpu = (procCpuMs(server.proc.pid!) - firstCpu0) / first.length;
    const keystroke: number[] = [];
    const started = now();
    const cpu0 = procCpuMs(server.proc.pid!);
    for (const p of positions) {
      if (keystroke.length >= opts.edits || (keystroke.length >= 20 && now() - started > opts.budgetMs)) break;
      let t = now();
      const v1 = await change({ start: p, end: p }, '的');
      await server.diagnostics(uri, v1);
      keystroke.push(now() - t);
      t = now();
      const v2 = await change({ start: p, end: { line: p.line, character: p.character + 1 } }, '');
      await server.diagnostics(uri, v2);
      keystroke.push(now() - t);
    }
    const cpuPer = (procCpuMs(server.proc.pid!) - cpu0) / keystroke.length;
    const result: EditingDocResult = {
      doc: name,
      bytes: Buffer.byteLength(text),
      debounceMs: opts.debounce,
      open: round(open),
      keystroke: summarize(keystroke),
      firstKeystrokes: summarize(first),
      firstSamples: first.map(round),
      firstCpuPerKeystroke: round(firstCpu),
      serverCpuPerKeystroke: round(cpuPer),
    };

    if (opts.requests > 0) {
      const docId = { textDocument: { uri } };
      const symbols: number[] = [];
      let symbolCount = 0;
      for (let i = 0; i < opts.requests + 5; i++) {
        const t = now();
        const r = await server.conn.sendRequest(DocumentSymbolRequest.type, docId);
        if (i >= 5) symbols.push(now() - t);
        symbolCount = Array.isArray(r) ? r.length : 0;
      }
      const hover: number[] = [];
      const hoverAt = spreadPositions(text, opts.requests);
      for (const [i, p] of [...hoverAt.slice(0, 5), ...hoverAt].entries()) {
        const t = now();
        await server.conn.sendRequest(HoverRequest.type, { ...docId, position: p });
        if (i >= 5) hover.push(now() - t);
      }
      const afterEdit: number[] = [];
      const editAt = spreadPositions(text, opts.afterEdit ?? Math.min(60, opts.requests));
      for (const p of editAt) {
        const v1 = await change({ start: p, end: p }, '的');
        let t = now();
        await server.conn.sendRequest(DocumentSymbolRequest.type, docId);
        afterEdit.push(now() - t);
        await server.diagnostics(uri, v1);
        const v2 = await change({ start: p, end: { line: p.line, character: p.character + 1 } }, '');
        t = now();
        await server.conn.sendRequest(DocumentSymbolRequest.type, docId);
        afterEdit.push(now() - t);
        await server.diagnostics(uri, v2);
      }
      result.symbols = summarize(symbols);
      result.hover = summarize(hover);
      result.symbolsAfterEdit = summarize(afterEdit);
      result.symbolCount = symbolCount;
    }
    await server.conn.sendNotification(DidCloseTextDocumentNotification.type, td(uri));
    return result;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function td(uri: string) {
  return { textDocument: { uri } };
}

export interface EditingResult {
  runs: EditingDocResult[];
}

export async function runEditing(root: string, quick: boolean): Promise<EditingResult> {
  const seeds = readSeeds(root);
  const seed002 = seeds.find((s) => s.name === '002')!;
  const oneMB = generatePlan(seeds, MB);
  const edits = quick ? 40 : 200;
  const runs: EditingDocResult[] = [];
  // debounce-free: what the server itself costs per keystroke
  runs.push(await editingRun(root, 'seed 002', seed002.text, { debounce: 0, edits, budgetMs: 60_000, requests: quick ? 50 : 200 }));
  runs.push(
    await editingRun(root, '1 MB plan', oneMB, { debounce: 0, edits, budgetMs: quick ? 20_000 : 60_000, requests: quick ? 20 : 50, afterEdit: quick ? 5 : 15 }),
  );
  // with DEFAULT settings (no debounce sent: "auto", from the last analysis's cost) and the warm-up
  // the server does after initialize: what a user waits for after a keystroke, and right after opening
  runs.push(await editingRun(root, 'seed 002', seed002.text, { debounce: 'default', edits, budgetMs: 30_000, requests: 0 }));
  runs.push(await editingRun(root, '1 MB plan', oneMB, { debounce: 'default', edits: quick ? 20 : 60, budgetMs: quick ? 15_000 : 30_000, requests: 0 }));
  return { runs };
}

export interface MemoryRun {
  /** total size of the drafts, MB (UTF-8) */
  draftsMB: number;
  /** RSS after start-up, before any document, MB */
  rssIdleMB: number;
  /** RSS with every draft open and analysed (half a second after the last diagnostics), MB */
  rssOpenMB: number;
  /**
   * RSS after the server has then sat idle (every draft still open) until V8's memory reducer
   * has run (it shrinks the heap some twenty seconds after allocation stops), at most 40 s, MB
   */
  rssSettledMB?: number;
  /** seconds idle before rssSettledMB was read */
  settledAfterSeconds?: number;
  /** time to open and analyse all drafts, s */
  seconds: number;
}

/**
 * Server memory with many drafts open. The headline figures are for distinct drafts (every long
 * line of each copy carries the draft's number, so no two drafts share a paragraph and no cache
 * keyed by text can share work between them); `copies` is the same with copies of the seeds that
 * differ in one closing line only.
 */
export interface MemoryResult extends MemoryRun {
  drafts: number;
  copies?: MemoryRun;
  /** the distinct drafts, with the server started by plain `node` (no SERVER_EXEC_ARGV) */
  plainNode?: MemoryRun;
}

/** A seed made distinct: 〔n〕 before the last character of each long line (headings and figures stay as they are). */
export function distinctDraft(text: string, n: number): string {
  return text
    .split('\n')
    .map((line) => {
      const t = line.replace(/\s+$/, '');
      return t.trim().length >= 8 && /[\u4e00-\u9fff，。；：、]$/.test(t) ? `${t.slice(0, -1)}〔${n}〕${t.slice(-1)}` : line;
    })
    .join('\n');
}

function rssMB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    if (m) return round(Number(m[1]) / 1024);
  } catch {
    /* not Linux */
  }
  return NaN;
}

async function memoryRun(root: string, drafts: number, make: (i: number) => string, settle = false, plainNode = false): Promise<MemoryRun> {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-bench-mem-'));
  const server = await startServer(root, { requirements: ['henan-2021'], debounce: 0, codeLens: false }, { plainNode });
  try {
    await new Promise((r) => setTimeout(r, 300));
    const idle = rssMB(server.proc.pid!);
    const t0 = now();
    let bytes = 0;
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < drafts; i++) {
      const text = make(i);
      bytes += Buffer.byteLength(text);
      const file = join(dir, `draft-${i + 1}.plan.txt`);
      writeFileSync(file, text);
      const uri = pathToFileURL(file).href;
      pending.push(server.diagnostics(uri, 1));
      await server.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plan', version: 1, text } });
    }
    await Promise.all(pending);
    const seconds = (now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 500));
    const open = rssMB(server.proc.pid!);
    const run: MemoryRun = { draftsMB: round(bytes / MB), rssIdleMB: idle, rssOpenMB: open, seconds: round(seconds) };
    if (settle) {
      // idle: read RSS every second until it has dropped by a tenth and held for 3 s, or 40 s
      const t1 = now();
      let last = open;
      let steady = 0;
      while (now() - t1 < 40_000) {
        await new Promise((r) => setTimeout(r, 1000));
        const rss = rssMB(server.proc.pid!);
        steady = rss === last ? steady + 1 : 0;
        last = rss;
        if (rss < 0.9 * open && steady >= 3) break;
      }
      run.rssSettledMB = last;
      run.settledAfterSeconds = round((now() - t1) / 1000);
    }
    return run;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runMemory(root: string, quick: boolean): Promise<MemoryResult> {
  const seeds = readSeeds(root);
  const drafts = quick ? 50 : 200;
  const seedOf = (i: number) => seeds[i % seeds.length]!.text.replace(/\s+$/, '');
  const distinct = await memoryRun(root, drafts, (i) => distinctDraft(seedOf(i), i + 1) + '\n', !quick);
  const copies = await memoryRun(root, drafts, (i) => `${seedOf(i)}\n\n（稿件编号 ${i + 1}）\n`);
  const plainNode = await memoryRun(root, drafts, (i) => distinctDraft(seedOf(i), i + 1) + '\n', false, true);
  return { drafts, ...distinct, copies, plainNode };
}
