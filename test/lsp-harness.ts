/**
 * Drives the BUILT language server (server/dist/server.js) as a separate process over stdio with
 * the real protocol libraries (vscode-jsonrpc + vscode-languageserver-protocol).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { repoRoot } from './helpers.js';
import { rawPlugin } from '../scripts/esbuild-raw.mjs';

export interface Harness {
  proc: ChildProcessWithoutNullStreams;
  conn: ProtocolConnection;
  init: InitializeResult;
  logs: string[];
  stderr: string[];
  /** every publishDiagnostics received, in order */
  published: PublishDiagnosticsParams[];
  /** resolves with the first publishDiagnostics for `uri` that satisfies `pred` (including ones already received) */
  waitForDiagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, languageId?: string, version?: number): Promise<void>;
  stop(): Promise<void>;
}

/** The bundle `npm run build` makes (and `npm ci` runs that build through "prepare"). */
export const builtServerPath = join(repoRoot, 'server', 'dist', 'server.js');

/** This test process's own bundle of the server (see buildServer). */
export const serverPath = join(repoRoot, 'server', 'dist', `server-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}.cjs`);

/**
 * Bundles the server from source exactly as scripts/build.mjs does, into a file of this test
 * process's own next to the real bundle (so `../sets` and `../profiles` resolve the same way).
 * Concurrent `npm run build`s of other test files rewrite server/dist/server.js and could hand a
 * half-written file to a server being spawned; a private bundle cannot be swapped out mid-test.
 */
export async function buildServer(): Promise<void> {
  await build({
    entryPoints: [join(repoRoot, 'server/src/lsp/main.ts')],
    outfile: serverPath,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // bundled data files (import … from '…yaml?raw'), as scripts/build.mjs bundles them
    plugins: [rawPlugin],
    logLevel: 'error',
    legalComments: 'none',
  });
}

export function removeServerBuild(): void {
  rmSync(serverPath, { force: true });
}

export function fileUri(name: string): string {
  return pathToFileURL(join(repoRoot, 'test', 'fixtures-virtual', name)).href;
}

export async function startServer(
  opts: {
    capabilities?: ClientCapabilities;
    initializationOptions?: unknown;
    /** answers workspace/configuration requests (section "planlint") */
    configuration?: (section: string | undefined, scopeUri: string | undefined) => unknown;
    workspaceFolders?: { uri: string; name: string }[] | null;
    /** server bundle to run (default: this process's build, see buildServer) */
    server?: string;
    /** a whole command instead (e.g. npx planlint-language-server --stdio) */
    command?: { file: string; args: string[] };
    /** the client's UI language (initialize `locale`, as VS Code sends vscode.env.language) */
    locale?: string;
    /**
     * run the server's warm-up (server/src/lsp/warmup.ts; default off: it holds the first analysis
     * for up to WARM_UP_BUDGET_MS and costs about a second of CPU per server, test/lsp-warmup.test.ts
     * covers it)
     */
    warmUp?: boolean;
  } = {},
): Promise<Harness> {
  const cmd = opts.command ?? { file: process.execPath, args: [opts.server ?? serverPath, '--stdio'] };
  const env = { ...process.env };
  if (opts.warmUp) delete env.PLANLINT_NO_WARMUP;
  else env.PLANLINT_NO_WARMUP = '1';
  const proc = spawn(cmd.file, cmd.args, { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'], env });
  const stderr: string[] = [];
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (d: string) => stderr.push(d));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const logs: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  conn.onNotification(LogMessageNotification.type, (p) => logs.push(p.message));
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.pred(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  conn.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) =>
    params.items.map((i) => (opts.configuration ? opts.configuration(i.section, i.scopeUri) : null)),
  );
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.listen();
  const capabilities: ClientCapabilities = opts.capabilities ?? {
    textDocument: {
      synchronization: { dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
      },
    },
    workspace: { configuration: opts.configuration !== undefined },
  };
  const init = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities,
    initializationOptions: opts.initializationOptions,
    workspaceFolders: opts.workspaceFolders ?? null,
    ...(opts.locale ? { locale: opts.locale } : {}),
  });
  await conn.sendNotification(InitializedNotification.type, {});

  const harness: Harness = {
    proc,
    conn,
    init,
    logs,
    stderr,
    published,
    waitForDiagnostics(uri, pred = () => true, timeoutMs = 20000) {
      const have = published.find((p) => p.uri === uri && pred(p));
      if (have) return Promise.resolve(have);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const seen = published.filter((p) => p.uri === uri).map((p) => `v${p.version}: ${p.diagnostics.length} diagnostics`);
          reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; received: ${seen.join('; ') || 'none'}`));
        }, timeoutMs);
        waiters.push({
          uri,
          pred,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        });
      });
    },
    async open(uri, text, languageId = 'plaintext', version = 1) {
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification(ExitNotification.type);
      } catch {
        /* already gone */
      }
      const exited = new Promise<void>((resolve) => {
        if (proc.exitCode !== null) resolve();
        else proc.once('exit', () => resolve());
      });
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (proc.exitCode === null) proc.kill();
      conn.dispose();
    },
  };
  return harness;
}

/** Applies LSP text edits (non-overlapping) to a text, the way an editor does. */
export function applyEdits(
  text: string,
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[],
): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') {
      starts.push(i + 2);
      i++;
    } else if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  const off = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = edits.map((e) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}
