/**
 * Diagnostics, pushed or pulled (as VS Code's JSON language server keeps them apart from the
 * other features). Push: debounced per document, a newer version supersedes older work. Pull
 * (`textDocument/diagnostic`, when the client supports it): the request waits until the document
 * has been quiet for the debounce delay, and a cancelled request answers with what is known.
 */
import { debounceDelay } from './debounce.js';
import { DocumentDiagnosticReportKind, type CancellationToken, type Diagnostic, type FullDocumentDiagnosticReport } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Superseded, type DocAnalysis } from './analysis.js';
import { toDiagnostic } from './convert.js';
import { defaultSettings } from './settings.js';
import type { ServerContext } from './context.js';

export function diagnosticsOf(a: DocAnalysis): Diagnostic[] {
  const lang = a.context.settings.language;
  return a.findings.map((f, i) => toDiagnostic(f, i, a.version, lang));
}

export interface Diagnostics {
  /** Re-checks every open document (push) or asks the client to pull again. */
  revalidateAll(): void;
}

/** Registers the document lifecycle handlers and the pull handler; returns the revalidation hook. */
export function registerDiagnostics(ctx: ServerContext): Diagnostics {
  const { connection, documents, analyzer, log, settingsFor, settingsCache } = ctx;
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
    if (ctx.client.pullDiagnostics) return;
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    const version = doc.version;
    if (delay === 0) {
      timers.delete(uri);
      void validate(uri, version);
      return;
    }
    const run = async () => {
      const ms =
        delay ??
        debounceDelay(
          await settingsFor(uri).then(
            (s) => s.debounce,
            () => defaultSettings.debounce,
          ),
          analyzer.lastCost(uri),
        );
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
    if (ctx.client.pullDiagnostics) {
      ctx.safeLog(() => connection.languages.diagnostics.refresh());
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
    if (!ctx.client.pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  registerPull(ctx, lastChange);
  return { revalidateAll };
}

// ---- pull diagnostics ----
function registerPull(ctx: ServerContext, lastChange: Map<string, number>): void {
  const { connection, documents, analyzer, settingsFor, current, guard } = ctx;
  connection.languages.diagnostics.on((params, token: CancellationToken) =>
    guard<FullDocumentDiagnosticReport>('textDocument/diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async () => {
      const uri = params.textDocument.uri;
      const doc = documents.get(uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      // debounce: wait until the document has been quiet for the configured delay
      const wait = debounceDelay((await settingsFor(uri)).debounce, analyzer.lastCost(uri));
      for (;;) {
        const quiet = Date.now() - (lastChange.get(uri) ?? 0);
        if (quiet >= wait || token.isCancellationRequested) break;
        await new Promise((r) => setTimeout(r, wait - quiet));
      }
      if (token.isCancellationRequested) {
        // the client moved on (a newer edit): answer with what is known, do no new work
        const known = analyzer.latest(uri);
        return known
          ? {
              kind: DocumentDiagnosticReportKind.Full,
              resultId: `${known.version}:${known.generation}`,
              items: diagnosticsOf(known),
            }
          : { kind: DocumentDiagnosticReportKind.Full, items: [] };
      }
      const a = await current(uri);
      if (!a) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      return {
        kind: DocumentDiagnosticReportKind.Full,
        resultId: `${a.version}:${a.generation}`,
        items: diagnosticsOf(a),
      };
    }),
  );
}
