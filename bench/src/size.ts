/**
 * Sizes and start-up: bundle sizes (as built and gzip), the packaged .vsix, the extension's
 * activation without VS Code (extension.js loaded with a stand-in `vscode` module; activate() runs
 * for real and starts the real server over IPC), and the server's start-up to `initialize`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from './lsp.js';
import { now, round, summarize, type Summary } from './stats.js';

export interface SizeResult {
  bundles: { file: string; bytes: number; gzipBytes: number }[];
  vsix?: { file: string; bytes: number; built: boolean; error?: string };
  /** require() of client/dist/extension.js with a stand-in vscode module, ms */
  extensionRequire?: Summary;
  /** activate() until the language client has started (server spawned over IPC, initialized), ms */
  activation?: Summary;
  activationError?: string;
  /** spawn of server/dist/server.js until the initialize result arrives, ms */
  serverStart?: Summary;
}

const bundleFiles = ['server/dist/cli.js', 'server/dist/server.js', 'client/dist/extension.js'];

export async function runSize(root: string, quick: boolean, child: (args: string[]) => { status: number | null; stdout: string }): Promise<SizeResult> {
  const bundles = bundleFiles
    .filter((f) => existsSync(join(root, f)))
    .map((f) => {
      const buf = readFileSync(join(root, f));
      return { file: f, bytes: buf.length, gzipBytes: gzipSync(buf).length };
    });
  const result: SizeResult = { bundles };

  // the .vsix: built by `npm run package` (full runs only; quick runs report an existing one)
  const vsixName = 'planlint-bench.vsix';
  const vsixPath = join(root, 'client', vsixName);
  if (!quick && existsSync(join(root, 'scripts', 'package.mjs'))) {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs')], {
      cwd: root,
      env: { ...process.env, PLANLINT_VSIX_NAME: vsixName },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (r.status === 0 && existsSync(vsixPath)) result.vsix = { file: `client/${vsixName}`, bytes: statSync(vsixPath).size, built: true };
    else result.vsix = { file: `client/${vsixName}`, bytes: NaN, built: false, error: (r.stderr || r.stdout || '').slice(-500) };
  } else {
    const existing = [vsixPath, join(root, 'client', 'planlint.vsix')].find((p) => existsSync(p));
    if (existing) result.vsix = { file: existing.slice(root.length + 1), bytes: statSync(existing).size, built: false };
  }

  // extension activation, each sample in a fresh process
  if (existsSync(join(root, 'client', 'dist', 'extension.js'))) {
    const req: number[] = [];
    const act: number[] = [];
    for (let i = 0; i < (quick ? 4 : 11); i++) {
      const r = child(['--activation-child']);
      const last = r.stdout.trim().split('\n').pop() ?? '';
      if (r.status !== 0 || !last.startsWith('{')) {
        result.activationError = last.slice(0, 500) || `exit ${r.status}`;
        break;
      }
      const m = JSON.parse(last) as { require: number; activate: number };
      if (i > 0) {
        req.push(m.require);
        act.push(m.activate);
      }
    }
    if (req.length > 0) {
      result.extensionRequire = summarize(req);
      result.activation = summarize(act);
    }
  }

  const starts: number[] = [];
  for (let i = 0; i < (quick ? 4 : 11); i++) {
    const t0 = now();
    const s = await startServer(root, {});
    if (i > 0) starts.push(now() - t0);
    await s.stop();
  }
  result.serverStart = summarize(starts);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Activation without VS Code: a stand-in `vscode` module. Every API the extension or
// vscode-languageclient touches resolves to a harmless callable; the few values whose type
// matters (version, Uri, Disposable, EventEmitter, workspace folders) are real enough.

type Anything = ((...args: unknown[]) => unknown) & Record<string | symbol, unknown>;

function standIn(path: string, overrides: Record<string, unknown> = {}): Anything {
  const values = new Map<string | symbol, unknown>(Object.entries(overrides));
  const target = function () {} as unknown as Anything;
  return new Proxy(target, {
    get(_t, prop) {
      if (values.has(prop)) return values.get(prop);
      if (prop === 'then') return undefined; // not a promise
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'length') return 0;
      const v = standIn(`${path}.${String(prop)}`);
      values.set(prop, v);
      return v;
    },
    set(_t, prop, value) {
      values.set(prop, value);
      return true;
    },
    apply() {
      return standIn(`${path}()`, { dispose: () => undefined });
    },
    construct() {
      return standIn(`new ${path}`, { dispose: () => undefined });
    },
  });
}

class Disposable {
  constructor(private readonly fn: () => void = () => undefined) {}
  static from(...ds: { dispose(): unknown }[]) {
    return new Disposable(() => ds.forEach((d) => d.dispose()));
  }
  dispose() {
    this.fn();
  }
}

class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (l: (e: T) => void) => {
    this.listeners.push(l);
    return new Disposable(() => (this.listeners = this.listeners.filter((x) => x !== l)));
  };
  fire(e: T) {
    for (const l of this.listeners) l(e);
  }
  dispose() {
    this.listeners = [];
  }
}

/** The names `vscode` exports, read from @types/vscode (bundles copy a module's own keys). */
function vscodeExportNames(root: string): string[] {
  try {
    const dts = readFileSync(join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
    const names = new Set<string>();
    for (const m of dts.matchAll(/^\t?export (?:namespace|class|enum|const|let|function) (\w+)/gm)) names.add(m[1]!);
    return [...names];
  } catch {
    return [];
  }
}

function fakeVscode(root: string): unknown {
  const event = () => new Disposable();
  const overrides: Record<string, unknown> = {
    version: '1.90.0',
    Disposable,
    EventEmitter,
    workspace: standIn('vscode.workspace', {
      workspaceFolders: undefined,
      textDocuments: [],
      isTrusted: true,
      onDidOpenTextDocument: event,
      onDidChangeTextDocument: event,
      onDidCloseTextDocument: event,
      onDidSaveTextDocument: event,
      onWillSaveTextDocument: event,
      onDidChangeConfiguration: event,
      onDidChangeWorkspaceFolders: event,
      onDidGrantWorkspaceTrust: event,
      getConfiguration: () => standIn('configuration', { get: (_k: string, d: unknown) => d, has: () => false }),
    }),
    window: standIn('vscode.window', {
      activeTextEditor: undefined,
      visibleTextEditors: [],
      tabGroups: standIn('tabGroups', { all: [], onDidChangeTabs: event }),
      onDidChangeActiveTextEditor: event,
      onDidChangeVisibleTextEditors: event,
    }),
    languages: standIn('vscode.languages', { onDidChangeDiagnostics: event, match: () => 0 }),
    l10n: standIn('vscode.l10n', { t: (s: string) => s }),
    env: standIn('vscode.env', { language: 'zh-cn', appName: 'bench', machineId: 'bench', sessionId: 'bench', uiKind: 1 }),
  };
  const api: Record<string, unknown> = {};
  for (const name of vscodeExportNames(root)) api[name] = standIn(`vscode.${name}`);
  return Object.assign(api, overrides);
}

/** Child side of the activation measurement: prints {require, activate} in ms. */
export async function activationChild(root: string): Promise<void> {
  const vscode = fakeVscode(root);
  const M = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const load = M._load;
  M._load = function (request: string, parent: unknown, isMain: boolean) {
    if (request === 'vscode') return vscode;
    return load.call(this, request, parent, isMain);
  };
  const file = join(root, 'client', 'dist', 'extension.js');
  const t0 = now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ext = require(file) as { activate(ctx: unknown): Promise<void>; deactivate(): Promise<void> };
  const t1 = now();
  const context = {
    subscriptions: [] as { dispose(): unknown }[],
    extensionPath: join(root, 'client'),
    asAbsolutePath: (p: string) => join(root, 'client', p),
    globalState: standIn('globalState', { get: (_k: string, d: unknown) => d, update: async () => undefined, keys: () => [] }),
    workspaceState: standIn('workspaceState', { get: (_k: string, d: unknown) => d, update: async () => undefined, keys: () => [] }),
    extensionUri: standIn('extensionUri'),
    logUri: standIn('logUri'),
    storageUri: undefined,
    globalStorageUri: standIn('globalStorageUri'),
    extensionMode: 1,
    environmentVariableCollection: standIn('env'),
    secrets: standIn('secrets'),
    extension: standIn('extension'),
  };
  await ext.activate(context);
  const t2 = now();
  process.stdout.write(JSON.stringify({ require: round(t1 - t0), activate: round(t2 - t0) }) + '\n');
  await Promise.race([ext.deactivate(), new Promise((r) => setTimeout(r, 2000))]);
  process.exit(0);
}
