/**
 * Drives the BUILT language server (server/dist/server.js) as a separate process over stdio with
 * the real protocol libraries (vscode-jsonrpc + vscode-languageserver-protocol).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
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

export const serverPath = join(repoRoot, 'server', 'dist', 'server.js');

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
    /** server bundle to run (default: the repository's build) */
    server?: string;
  } = {},
): Promise<Harness> {
  const proc = spawn(process.execPath, [opts.server ?? serverPath, '--stdio'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
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
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
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
