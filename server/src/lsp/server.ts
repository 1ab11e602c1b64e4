/**
 * The planlint language server: wires LSP requests to the pure core. Holds no analysis logic.
 * Every handler is guarded: an exception is logged to the client's output and the request gets
 * an empty (but valid) answer, so the server never dies on bad input.
 *
 * This file owns the lifecycle (initialize, configuration, workspace folders, watched files);
 * diagnostics (push and pull) live in diagnostics.ts, the language features in
 * features/register.ts, planlint's own requests in requests.ts. They share one ServerContext.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, type DocAnalysis } from './analysis.js';
import { describeError, type Logger } from './log.js';
import { defaultSettings, normaliseSettings, type PlanlintSettings } from './settings.js';
import { pathToUri, uriToPath, Workspace } from './workspace.js';
import * as path from 'node:path';
import { InsertThemesKind, NormaliseKind, RenumberKind } from './features/actions.js';
import { FixAllKind } from './protocol.js';
import { makeGuard, safeLog, type ClientState, type ServerContext } from './context.js';
import { registerDiagnostics, type Diagnostics } from './diagnostics.js';
import { registerFeatures } from './features/register.js';
import { registerRequests } from './requests.js';
import { rehearsal, warmUp } from './warmup.js';
import { PLANLINT_VERSION } from '../core/version.js';

export const serverName = 'planlint-language-server';
export const serverVersion = PLANLINT_VERSION;

/**
 * Settings a client pushes (without workspace/configuration) may come as `{ planlint: {…} }`,
 * `{ settings: { planlint: {…} } }`, `{ settings: {…} }` or flat `{ requirements: … }`.
 */
export function pickSettings(o: unknown): unknown {
  if (!o || typeof o !== 'object') return undefined;
  const r = o as Record<string, unknown>;
  const inner = r.settings && typeof r.settings === 'object' ? (r.settings as Record<string, unknown>) : undefined;
  if (inner?.planlint !== undefined) return inner.planlint;
  if (r.planlint !== undefined) return r.planlint;
  if (inner) return inner;
  return r;
}

export function startServer(connection: Connection): void {
  const ctx = createContext(connection);
  const diagnostics = registerDiagnostics(ctx);
  registerLifecycle(ctx, diagnostics);
  registerFeatures(ctx);
  registerRequests(ctx);
  ctx.documents.listen(connection);
}

function createContext(connection: Connection): ServerContext {
  const log: Logger = {
    info: (m) => safeLog(() => connection.console.info(m)),
    warn: (m) => safeLog(() => connection.console.warn(m)),
    error: (m, err) => safeLog(() => connection.console.error(err === undefined ? m : `${m}: ${describeError(err)}`)),
  };
  const documents = new TextDocuments(TextDocument);
  const client: ClientState = {
    hasConfiguration: false,
    pullDiagnostics: false,
    watchRegistration: false,
    relativePatterns: false,
    workspaceFolderSupport: false,
    initOptions: undefined,
    folders: [],
    pushedSettings: undefined,
    locale: undefined,
  };
  const settingsCache = new Map<string, Promise<PlanlintSettings>>();
  const normalise = (raw: unknown) => normaliseSettings(raw, client.locale);

  async function settingsFor(uri: string): Promise<PlanlintSettings> {
    if (!client.hasConfiguration) return normalise(pickSettings(client.pushedSettings ?? client.initOptions));
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace.getConfiguration({ scopeUri: uri, section: 'planlint' }).then(normalise, (err: unknown) => {
        log.warn(`workspace/configuration failed: ${describeError(err)}`);
        return { ...defaultSettings };
      });
      settingsCache.set(uri, p);
    }
    return p;
  }

  const trusted = () => {
    const o = client.initOptions as { trusted?: unknown } | undefined;
    return !(o && typeof o === 'object' && o.trusted === false);
  };
  const watched = new Set<string>();
  /** Asks the client to watch one more file (a baseline file a draft names): its change re-checks the drafts. */
  const watch = (file: string) => {
    if (!client.watchRegistration || watched.has(file)) return;
    watched.add(file);
    const name = path.basename(file).replace(/[*?[\]{}!]/g, (c) => `[${c}]`);
    const globPattern = client.relativePatterns ? { baseUri: pathToUri(path.dirname(file)), pattern: name } : `**/${name}`;
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern }] }).catch(() => undefined);
  };
  const workspace = new Workspace({ settingsFor, folders: () => client.folders, trusted, log, watch });
  const analyzer = new Analyzer(workspace, log);

  /** Analysis of the open document's current version; undefined for a document never opened. */
  async function current(uri: string): Promise<DocAnalysis | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const version = doc.version;
    return analyzer.get(doc, () => documents.get(uri)?.version === version);
  }

  return {
    connection,
    documents,
    log,
    client,
    settingsCache,
    workspace,
    analyzer,
    settingsFor,
    current,
    guard: makeGuard(log),
    safeLog,
  };
}

function capabilities(pullDiagnostics: boolean): InitializeResult {
  const result: InitializeResult = {
    serverInfo: { name: serverName, version: serverVersion },
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      documentSymbolProvider: { label: 'planlint' },
      foldingRangeProvider: true,
      hoverProvider: true,
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, RenumberKind, NormaliseKind, InsertThemesKind, FixAllKind],
        resolveProvider: false,
      },
      codeLensProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: ['、', '.', '）', ')'], resolveProvider: false },
      documentLinkProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
  };
  if (pullDiagnostics) {
    result.capabilities.diagnosticProvider = {
      identifier: 'planlint',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    };
  }
  return result;
}

/** initialize, initialized, configuration and watched-file changes, workspace folders. */
function registerLifecycle(ctx: ServerContext, diagnostics: Diagnostics): void {
  const { connection, client, workspace, analyzer, log, guard } = ctx;
  const { revalidateAll } = diagnostics;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    client.hasConfiguration = caps.workspace?.configuration === true;
    client.pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    client.watchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    client.relativePatterns = caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    client.workspaceFolderSupport = caps.workspace?.workspaceFolders === true;
    client.initOptions = params.initializationOptions;
    client.locale = params.locale;
    client.folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    if (client.folders.length === 0 && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) client.folders = [p];
    }
    return capabilities(client.pullDiagnostics);
  });

  connection.onInitialized(() => {
    if (client.hasConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'planlint' }).catch(() => undefined);
    }
    if (client.watchRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/planlint.{yaml,yml}' }, { globPattern: '**/*.{yaml,yml,json}' }],
        })
        .catch(() => undefined);
    }
    if (client.workspaceFolderSupport) {
      try {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
          client.folders = client.folders.filter((f) => !removed.has(f));
          for (const f of e.added) {
            const p = uriToPath(f.uri);
            if (p) client.folders.push(p);
          }
          workspace.invalidate();
          analyzer.invalidate();
          revalidateAll();
        });
      } catch {
        /* client without workspace folder support */
      }
    }
    log.info(`${serverName} ${serverVersion} ready (${client.pullDiagnostics ? 'pull' : 'push'} diagnostics)`);
    // in the analyses' queue: a document opened now waits for it, and its text takes over the rounds (see warmup.ts)
    // a document opened meanwhile has its keystroke rounds rehearsed through the path its own
    // keystrokes take (Analyzer.rehearse: its context, the server's session, the diagnostics as
    // sent), nothing published or kept
    const opened = () => ctx.documents.all()[0];
    const rehearse = rehearsal(analyzer, opened);
    void analyzer.exclusive(() => warmUp(log, { opened: () => opened()?.getText(), rehearse })).then(() => analyzer.collector.collected());
  });

  connection.onDidChangeConfiguration((params) =>
    guard('didChangeConfiguration', undefined, () => {
      if (!client.hasConfiguration && params?.settings !== undefined && params.settings !== null) client.pushedSettings = params.settings;
      ctx.settingsCache.clear();
      workspace.invalidate();
      analyzer.invalidate();
      revalidateAll();
    }),
  );

  connection.onDidChangeWatchedFiles((params) =>
    guard('didChangeWatchedFiles', undefined, () => {
      log.info(`watched files changed: ${params.changes.map((c) => c.uri).join(', ')}`);
      workspace.invalidate();
      analyzer.invalidate();
      revalidateAll();
    }),
  );
}
