/** The alignment report (the server's self-contained HTML) in a webview, refreshed on save. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { Methods, type ReportResult } from '../../server/src/lsp/protocol.js';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** No scripts, no network: the report is static HTML with inline CSS and SVG. */
const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

function withCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (m) => `${m}${meta}`);
  return `<!doctype html><html><head><meta charset="utf-8">${meta}</head><body>${html}</body></html>`;
}

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async show(doc: vscode.TextDocument): Promise<void> {
    this.uri = doc.uri;
    const title = vscode.l10n.t('对齐报告 Alignment report: {0}', doc.uri.path.split('/').pop() ?? '');
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('planlint.report', title, vscode.ViewColumn.Beside, {
        enableScripts: false,
        enableFindWidget: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.uri = undefined;
      });
    } else {
      this.panel.title = title;
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    await this.render();
  }

  onSaved(doc: vscode.TextDocument): void {
    if (this.panel && this.uri && doc.uri.toString() === this.uri.toString()) void this.render();
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    const c = this.client();
    if (!panel || !this.uri || !c) return;
    let res: ReportResult;
    try {
      res = await c.sendRequest<ReportResult>(Methods.report, { uri: this.uri.toString(), format: 'html' });
    } catch (err) {
      res = { format: 'html', content: '', available: false, message: String(err) };
    }
    if (res.available && res.content) {
      panel.webview.html = withCsp(res.content);
    } else {
      const msg = escapeHtml(res.message ?? vscode.l10n.t('无法生成报告。 No report could be made.'));
      panel.webview.html = withCsp(
        `<main style="font-family: var(--vscode-font-family); padding: 1em"><h1>${escapeHtml(vscode.l10n.t('对齐报告 Alignment report'))}</h1><p>${msg}</p></main>`,
      );
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
