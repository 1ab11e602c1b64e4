/**
 * planlint VS Code extension: starts the language server (IPC) and adds the views the protocol
 * has no place for: alignment tree, status bar, report webview, CSV export, document-wide edits.
 */
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { Methods, type EditKind, type EditsResult, type StatsResult, type CsvResult } from '../../server/src/lsp/protocol.js';
import { AlignmentTree } from './alignmentTree.js';
import { ReportPanel } from './report.js';
import { StatusItem } from './statusBar.js';
import { SERVER_EXEC_ARGV } from './launch.js';
import { adoptDetectedPlan, registerRuleDocs, ruleDocMiddleware } from './adopt.js';

let client: LanguageClient | undefined;
/** settles when the background start of the server has finished (or failed) */
let starting: Promise<void> | undefined;

/** Documents the client syncs; the server decides which are plans (include globs, front matter). */
export const documentSelector: DocumentSelector = [
  { language: 'plan' },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'plaintext' },
  { scheme: 'untitled', language: 'markdown' },
];

function serverModule(context: vscode.ExtensionContext): string {
  // packaged: <ext>/server/dist/server.js; development (client/ is the extension root): ../server/dist
  const candidates = [context.asAbsolutePath('server/dist/server.js'), context.asAbsolutePath('../server/dist/server.js')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

function isSynced(doc: vscode.TextDocument | undefined): boolean {
  return !!doc && vscode.languages.match(documentSelector as vscode.DocumentSelector, doc) > 0;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('planlint');
  const lc = createClient(context, output);
  client = lc;

  const tree = new AlignmentTree(() => client);
  const status = new StatusItem();
  const report = new ReportPanel(() => client);
  context.subscriptions.push(output, status, report, vscode.window.registerTreeDataProvider('planlint.alignment', tree));
  registerRuleDocs(context);

  const refresh = registerRefresh(context, { output, tree, status, report });
  registerCommands(context, { report, tree, refresh });
  context.subscriptions.push(
    // restricted mode ends when the user trusts the workspace: restart the server so that it loads
    // what it refused (sets and profiles outside the workspace, restricted settings) without a manual restart
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await starting;
      if (!client) return;
      output.appendLine('workspace trusted: restarting the planlint language server');
      await client.restart();
      refresh(0);
    }),
  );

  // The server starts in the background: activation (and with it VS Code's start-up) does not
  // wait for a Node process to spawn and initialise; requests sent meanwhile wait for the start.
  starting = lc.start().then(
    () => refresh(0),
    (err: unknown) => {
      output.appendLine(`planlint language server failed to start: ${String(err)}`);
      void vscode.window.showErrorMessage(
        vscode.l10n.t('planlint 语言服务器启动失败，详见输出面板。 The planlint language server failed to start; see the Output panel.'),
      );
    },
  );
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = serverModule(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    // a function: read again on every (re)start, so a restart after trust is granted sees it
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted, client: 'vscode' }),
    markdown: { isTrusted: false, supportHtml: false },
    middleware: ruleDocMiddleware,
  };
  return new LanguageClient('planlint', 'planlint 规划文稿校核', serverOptions, clientOptions);
}

interface Views {
  output: vscode.OutputChannel;
  tree: AlignmentTree;
  status: StatusItem;
  report: ReportPanel;
}

/** Keeps the status bar, the `planlint.isPlan` context and the alignment tree on the active editor; returns the (debounced) refresh. */
function registerRefresh(context: vscode.ExtensionContext, { output, tree, status, report }: Views): (delay?: number) => void {
  let refreshTimer: NodeJS.Timeout | undefined;
  const refresh = (delay = 250) => {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refreshNow(), delay);
  };
  async function refreshNow(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    // focus in a webview (the report) or a panel: keep showing the last plan's state
    if (!editor) return;
    const doc = editor.document;
    if (!client || !isSynced(doc) || !client.isRunning()) {
      status.hide();
      await vscode.commands.executeCommand('setContext', 'planlint.isPlan', false);
      tree.setDocument(undefined);
      return;
    }
    try {
      const stats = await client.sendRequest<StatsResult | null>(Methods.stats, { uri: doc.uri.toString() });
      const isPlan = !!stats?.isPlan;
      // a plain-text plan found by its name or title becomes a `plan` document (refreshed on reopen)
      if (await adoptDetectedPlan(doc, isPlan)) return;
      await vscode.commands.executeCommand('setContext', 'planlint.isPlan', isPlan);
      if (!isPlan || !stats) {
        status.hide();
        tree.setDocument(undefined);
        return;
      }
      const problems = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'planlint');
      status.show(stats, problems);
      tree.setDocument(doc.uri);
    } catch (err) {
      output.appendLine(`status refresh failed: ${String(err)}`);
    }
  }

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => refresh(0)),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) refresh();
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => report.onSaved(doc)),
  );

  return refresh;
}

const activeDoc = (): vscode.TextDocument | undefined => {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || !isSynced(doc)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('请先打开一份规划文稿。 Open a plan first.'));
    return undefined;
  }
  return doc;
};

async function applyServerEdits(kind: EditKind, none: string): Promise<void> {
  const doc = activeDoc();
  if (!doc || !client) return;
  const res = await client.sendRequest<EditsResult>(Methods.edits, { uri: doc.uri.toString(), kind });
  if (res.version !== null && res.version !== doc.version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('文稿已改动，请重试。 The document changed; try again.'));
    return;
  }
  if (res.edits.length === 0) {
    void vscode.window.showInformationMessage(none);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(doc.uri, await client.protocol2CodeConverter.asTextEdits(res.edits));
  await vscode.workspace.applyEdit(edit);
}

/** The extension's commands (package.json `contributes.commands`). */
function registerCommands(
  context: vscode.ExtensionContext,
  { report, tree, refresh }: { report: ReportPanel; tree: AlignmentTree; refresh: (delay?: number) => void },
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('planlint.checkAsPlan', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) return;
      // the `plan` language is always checked; the file keeps its name and content
      await vscode.languages.setTextDocumentLanguage(doc, 'plan');
      refresh(0);
    }),
    vscode.commands.registerCommand('planlint.showReport', async () => {
      const doc = activeDoc();
      if (doc) await report.show(doc);
    }),
    vscode.commands.registerCommand('planlint.exportIndicators', async () => {
      const doc = activeDoc();
      if (!doc || !client) return;
      const csv = await client.sendRequest<CsvResult | null>(Methods.indicatorsCsv, { uri: doc.uri.toString() });
      if (!csv) return;
      const base = doc.uri.scheme === 'file' ? doc.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
      const defaultUri = base ? vscode.Uri.joinPath(base, doc.uri.scheme === 'file' ? '..' : '.', `${basename(doc.uri)}.indicators.csv`) : undefined;
      const target = await vscode.window.showSaveDialog({ defaultUri, filters: { CSV: ['csv'] } });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(csv.content));
      void vscode.window.showInformationMessage(vscode.l10n.t('已导出 {0} 项指标到 {1}。 Exported {0} indicators to {1}.', csv.count, target.fsPath));
    }),
    vscode.commands.registerCommand('planlint.renumber', () => applyServerEdits('renumber', vscode.l10n.t('编号无需调整。 Numbering is already in order.'))),
    vscode.commands.registerCommand('planlint.insertMissingThemes', () =>
      applyServerEdits('insertMissingThemes', vscode.l10n.t('没有缺失的上级任务。 No superior theme is missing.')),
    ),
    vscode.commands.registerCommand('planlint.fixAll', () => applyServerEdits('fixAll', vscode.l10n.t('没有可安全修复的问题。 Nothing to fix safely.'))),
    vscode.commands.registerCommand('planlint.restartServer', async () => {
      if (!client) return;
      await client.restart();
      refresh(0);
    }),
    vscode.commands.registerCommand('planlint.refreshAlignment', () => {
      tree.refresh();
      refresh(0);
    }),
    vscode.commands.registerCommand('planlint.revealSection', revealSection),
  );
}

/** A range as the server sends it (plain JSON) or as VS Code passes it. */
type RangeLike = vscode.Range | { start: { line: number; character: number }; end: { line: number; character: number } };

async function revealSection(uri: string | vscode.Uri, range: RangeLike): Promise<void> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const r = range instanceof vscode.Range ? range : new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const editor = await vscode.window.showTextDocument(target, { preserveFocus: false });
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function basename(uri: vscode.Uri): string {
  const name = uri.path.split('/').pop() ?? 'plan';
  return name.replace(/\.(txt|md)$/i, '');
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  // a client still starting cannot be stopped: let the start finish (or fail) first
  await starting;
  if (c?.isRunning()) await c.stop();
}
