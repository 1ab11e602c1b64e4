/**
 * The planlint language server: wires LSP requests to the pure core. Holds no analysis logic.
 * Every handler is guarded: an exception is logged to the client's output and the request gets
 * an empty (but valid) answer, so the server never dies on bad input.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, Superseded, type DocAnalysis } from './analysis.js';
import { toDiagnostic, toTextEdit } from './convert.js';
import { describeError, type Logger } from './log.js';
import { defaultSettings, normaliseSettings, type PlanlintSettings } from './settings.js';
import { uriToPath, Workspace } from './workspace.js';
import { alignmentOf } from './alignment.js';
import { codeActions, editsForKind, InsertThemesKind, NormaliseKind, RenumberKind } from './features/actions.js';
import { documentSymbols, foldingRanges } from './features/structure.js';
import { headingHover, indicatorHover } from './features/hover.js';
import { codeLenses } from './features/lens.js';
import { completions } from './features/completion.js';
import { documentLinks } from './features/links.js';
import {
  FixAllKind,
  Methods,
  type AlignmentResult,
  type CsvResult,
  type EditsParams,
  type EditsResult,
  type ReportParams,
  type ReportResult,
  type StatsResult,
  type UriParams,
} from './protocol.js';
import { alignmentResult, indicatorsCsv, reportFor } from './views.js';

export const serverName = 'planlint-language-server';
export const serverVersion = '0.1.0';

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
  const log: Logger = {
    info: (m) => safeLog(() => connection.console.info(m)),
    warn: (m) => safeLog(() => connection.console.warn(m)),
    error: (m, err) => safeLog(() => connection.console.error(err === undefined ? m : `${m}: ${describeError(err)}`)),
  };
  function safeLog(f: () => void) {
    try {
      f();
    } catch {
      /* the connection may be gone; nothing else to do */
    }
  }

  const documents = new TextDocuments(TextDocument);
  let hasConfiguration = false;
  let pullDiagnostics = false;
  let watchRegistration = false;
  let workspaceFolderSupport = false;
  let initOptions: unknown;
  let folders: string[] = [];
  const settingsCache = new Map<string, Promise<PlanlintSettings>>();

  /** settings pushed by clients without workspace/configuration (initializationOptions, didChangeConfiguration) */
  let pushedSettings: unknown;
  /** the client's UI language (initialize `locale`): planlint.language `auto` follows it */
  let locale: string | undefined;
  const normalise = (raw: unknown) => normaliseSettings(raw, locale);

  async function settingsFor(uri: string): Promise<PlanlintSettings> {
    if (!hasConfiguration) return normalise(pickSettings(pushedSettings ?? initOptions));
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'planlint' })
        .then(normalise, (err: unknown) => {
          log.warn(`workspace/configuration failed: ${describeError(err)}`);
          return { ...defaultSettings };
        });
      settingsCache.set(uri, p);
    }
    return p;
  }

  const trusted = () => {
    const o = initOptions as { trusted?: unknown } | undefined;
    return !(o && typeof o === 'object' && o.trusted === false);
  };
  const workspace = new Workspace({ settingsFor, folders: () => folders, trusted, log });
  const analyzer = new Analyzer(workspace, log);

  function guard<T>(name: string, fallback: T, fn: () => T | Promise<T>): Promise<T> {
    try {
      return Promise.resolve(fn()).catch((err: unknown) => {
        if (!(err instanceof Superseded)) log.error(`${name} failed`, err);
        return fallback;
      });
    } catch (err) {
      log.error(`${name} failed`, err);
      return Promise.resolve(fallback);
    }
  }

  /** Analysis of the open document's current version; undefined for a document never opened. */
  async function current(uri: string): Promise<DocAnalysis | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const version = doc.version;
    return analyzer.get(doc, () => documents.get(uri)?.version === version);
  }

  function diagnosticsOf(a: DocAnalysis): Diagnostic[] {
    const lang = a.context.settings.language;
    return a.findings.map((f, i) => toDiagnostic(f, i, a.version, lang));
  }

  // ---- push diagnostics: debounced, newer versions supersede older work ----
  const timers = new Map<string, NodeJS.Timeout>();
  const lastChange = new Map<string, number>();

  async function validate(uri: string, version: number): Promise<void> {
    const doc = documents.get(uri);
    if (!doc || doc.version !== version) return;
    try {
      const a = await analyzer.get(doc, () => documents.get(uri)?.version === version);
      if (documents.get(uri)?.version !== version) return;
      await connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(a) });
    } catch (err) {
      if (!(err instanceof Superseded)) log.error(`validating ${uri} failed`, err);
    }
  }

  function schedule(doc: TextDocument, delay: number | undefined): void {
    const uri = doc.uri;
    lastChange.set(uri, Date.now());
    if (pullDiagnostics) return;
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    const version = doc.version;
    if (delay === 0) {
      timers.delete(uri);
      void validate(uri, version);
      return;
    }
    const run = async () => {
      const ms = delay ?? (await settingsFor(uri).then((s) => s.debounce, () => defaultSettings.debounce));
      timers.set(
        uri,
        setTimeout(() => {
          timers.delete(uri);
          void validate(uri, version);
        }, ms),
      );
    };
    void run();
  }

  function revalidateAll(): void {
    if (pullDiagnostics) {
      safeLog(() => connection.languages.diagnostics.refresh());
      return;
    }
    for (const doc of documents.all()) schedule(doc, 0);
  }

  const openedAt = new Map<string, number>();
  documents.onDidOpen((e) => {
    openedAt.set(e.document.uri, e.document.version);
    schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    // opening also fires a content change; the open handler has already validated that version
    if (openedAt.get(e.document.uri) === e.document.version) return;
    schedule(e.document, undefined);
  });
  documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    analyzer.forget(e.document.uri);
    openedAt.delete(e.document.uri);
    lastChange.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    hasConfiguration = caps.workspace?.configuration === true;
    pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    watchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    workspaceFolderSupport = caps.workspace?.workspaceFolders === true;
    initOptions = params.initializationOptions;
    locale = params.locale;
    folders = (params.workspaceFolders ?? [])
      .map((f) => uriToPath(f.uri))
      .filter((p): p is string => p !== undefined);
    if (folders.length === 0 && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) folders = [p];
    }
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
      result.capabilities.diagnosticProvider = { identifier: 'planlint', interFileDependencies: false, workspaceDiagnostics: false };
    }
    return result;
  });

  connection.onInitialized(() => {
    if (hasConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'planlint' }).catch(() => undefined);
    }
    if (watchRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/planlint.{yaml,yml}' }, { globPattern: '**/*.{yaml,yml,json}' }],
        })
        .catch(() => undefined);
    }
    if (workspaceFolderSupport) {
      try {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
          folders = folders.filter((f) => !removed.has(f));
          for (const f of e.added) {
            const p = uriToPath(f.uri);
            if (p) folders.push(p);
          }
          workspace.invalidate();
          analyzer.invalidate();
          revalidateAll();
        });
      } catch {
        /* client without workspace folder support */
      }
    }
    log.info(`${serverName} ${serverVersion} ready (${pullDiagnostics ? 'pull' : 'push'} diagnostics)`);
  });

  connection.onDidChangeConfiguration((params) =>
    guard('didChangeConfiguration', undefined, () => {
      if (!hasConfiguration && params?.settings !== undefined && params.settings !== null) pushedSettings = params.settings;
      settingsCache.clear();
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

  // ---- pull diagnostics ----
  connection.languages.diagnostics.on((params, token: CancellationToken) =>
    guard<FullDocumentDiagnosticReport>('textDocument/diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async () => {
      const uri = params.textDocument.uri;
      const doc = documents.get(uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      // debounce: wait until the document has been quiet for the configured delay
      const settings = await settingsFor(uri);
      for (;;) {
        const quiet = Date.now() - (lastChange.get(uri) ?? 0);
        if (quiet >= settings.debounce || token.isCancellationRequested) break;
        await new Promise((r) => setTimeout(r, settings.debounce - quiet));
      }
      if (token.isCancellationRequested) {
        // the client moved on (a newer edit): answer with what is known, do no new work
        const known = analyzer.latest(uri);
        return known
          ? { kind: DocumentDiagnosticReportKind.Full, resultId: `${known.version}:${known.generation}`, items: diagnosticsOf(known) }
          : { kind: DocumentDiagnosticReportKind.Full, items: [] };
      }
      const a = await current(uri);
      if (!a) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      return { kind: DocumentDiagnosticReportKind.Full, resultId: `${a.version}:${a.generation}`, items: diagnosticsOf(a) };
    }),
  );

  // ---- language features ----
  connection.onDocumentSymbol((p) =>
    guard('documentSymbol', [], async () => {
      const a = await current(p.textDocument.uri);
      return a?.context.isPlan ? documentSymbols(a.plan) : [];
    }),
  );

  connection.onFoldingRanges((p) =>
    guard('foldingRange', [], async () => {
      const a = await current(p.textDocument.uri);
      return a?.context.isPlan ? foldingRanges(a.plan) : [];
    }),
  );

  connection.onHover((p) =>
    guard('hover', null, async () => {
      const a = await current(p.textDocument.uri);
      if (!a?.context.isPlan) return null;
      const offset = a.plan.index.offsetAt(p.position);
      const align = alignmentOf(a.plan, a.context.requirements, a.context.year);
      return indicatorHover(a.plan, offset, align) ?? headingHover(a.plan, offset, align);
    }),
  );

  connection.onCodeAction((p) =>
    guard('codeAction', [], async () => {
      const a = await current(p.textDocument.uri);
      return a?.context.isPlan ? codeActions(a, p) : [];
    }),
  );

  connection.onCodeLens((p) =>
    guard('codeLens', [], async () => {
      const a = await current(p.textDocument.uri);
      if (!a?.context.isPlan || !a.context.settings.codeLens) return [];
      return codeLenses(a.plan, alignmentOf(a.plan, a.context.requirements, a.context.year));
    }),
  );

  connection.onCompletion((p) =>
    guard('completion', [], async () => {
      const a = await current(p.textDocument.uri);
      return a?.context.isPlan ? completions(a.plan, p.position, a.context.requirements) : [];
    }),
  );

  connection.onDocumentLinks((p) =>
    guard('documentLink', [], async () => {
      const a = await current(p.textDocument.uri);
      return a?.context.isPlan ? documentLinks(a.plan, a.context.requirementFiles) : [];
    }),
  );

  // ---- planlint's own requests (extension views; any client may use them) ----
  connection.onRequest(Methods.stats, (p: UriParams) =>
    guard<StatsResult | null>(Methods.stats, null, async () => {
      const a = await current(p?.uri);
      if (!a) return null;
      const count = (s: string) => a.findings.filter((f) => f.severity === s).length;
      const align = alignmentOf(a.plan, a.context.requirements, a.context.year);
      return {
        uri: a.uri,
        isPlan: a.context.isPlan,
        errors: count('error'),
        warnings: count('warning'),
        infos: count('information'),
        hints: count('hint'),
        sections: a.plan.allSections.length,
        indicators: a.plan.indicators.length,
        coverage: align?.coverage ?? null,
      };
    }),
  );

  connection.onRequest(Methods.alignment, (p: UriParams) =>
    guard<AlignmentResult | null>(Methods.alignment, null, async () => {
      const a = await current(p?.uri);
      return a ? alignmentResult(a) : null;
    }),
  );

  connection.onRequest(Methods.report, (p: ReportParams) =>
    guard<ReportResult>(
      Methods.report,
      { format: p?.format ?? 'html', content: '', available: false, message: '生成报告失败 report failed' },
      async () => {
        const a = await current(p?.uri);
        if (!a) return { format: p?.format ?? 'html', content: '', available: false, message: '文档未打开 document not open' };
        return reportFor(a, p.format ?? 'html');
      },
    ),
  );

  connection.onRequest(Methods.indicatorsCsv, (p: UriParams) =>
    guard<CsvResult | null>(Methods.indicatorsCsv, null, async () => {
      const a = await current(p?.uri);
      return a ? indicatorsCsv(a) : null;
    }),
  );

  connection.onRequest(Methods.edits, (p: EditsParams) =>
    guard<EditsResult>(Methods.edits, { edits: [], version: null }, async () => {
      const a = await current(p?.uri);
      if (!a || !a.context.isPlan) return { edits: [], version: null };
      return { edits: editsForKind(a, p.kind).map((e) => toTextEdit(a.plan, e)), version: a.version };
    }),
  );

  documents.listen(connection);
}
