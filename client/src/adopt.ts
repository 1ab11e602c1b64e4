/**
 * Adoption helpers of the extension (issue 17), kept apart from extension.ts:
 * - rule links: a diagnostic's code links to docs/rules.md#rule-… (a file:// URL from the server);
 *   VS Code would open that file as raw text at the top, so the link is rewritten to the command
 *   `planlint.openRuleDoc`, which shows the rendered Markdown preview at the rule's own section;
 * - detected plans: a plain-text file the server recognises as a plan by its name or title line
 *   (planlint.detectPlans) switches to the `plan` language, so it gets the plan grammar and the
 *   `[plan]` defaults (no "ambiguous Unicode" boxes on full-width （一）).
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node.js';

export const OPEN_RULE_DOC = 'planlint.openRuleDoc';

/** command:planlint.openRuleDoc?["file:///…/rules.md#rule-numbering-style"] */
export function ruleDocCommandUri(href: string): vscode.Uri {
  return vscode.Uri.parse(`command:${OPEN_RULE_DOC}?${encodeURIComponent(JSON.stringify([href]))}`);
}

/** Rewrites each diagnostic's rule link to the command that opens the rendered section. */
export const ruleDocMiddleware: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    for (const d of diagnostics) {
      const code = d.code;
      if (typeof code === 'object' && code.target && code.target.scheme === 'file' && /\/rules\.md$/.test(code.target.path) && code.target.fragment) {
        d.code = { value: code.value, target: ruleDocCommandUri(code.target.toString()) };
      }
    }
    next(uri, diagnostics);
  },
};

/** The line of `<a id="anchor">` (or the `## id` heading) in docs/rules.md. */
function anchorLine(doc: vscode.TextDocument, anchor: string): number {
  const text = doc.getText();
  const at = text.indexOf(`<a id="${anchor}"></a>`);
  return at < 0 ? 0 : doc.positionAt(at).line;
}

/**
 * Opens docs/rules.md rendered (Markdown preview) at the rule's section: the source is revealed
 * at the anchor in a transient editor first, and the preview, which follows its editor's scroll
 * position (markdown.preview.scrollPreviewWithEditor), replaces it at that place.
 */
export async function openRuleDoc(href: string): Promise<void> {
  const uri = vscode.Uri.parse(href);
  const file = uri.with({ fragment: '' });
  const doc = await vscode.workspace.openTextDocument(file);
  const line = anchorLine(doc, uri.fragment);
  const range = new vscode.Range(line, 0, line, 0);
  await vscode.window.showTextDocument(doc, { preview: true, selection: range });
  vscode.window.activeTextEditor?.revealRange(range, vscode.TextEditorRevealType.AtTop);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

export function registerRuleDocs(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('planlint.openRuleDoc', (href: string) => openRuleDoc(href)));
}

/**
 * A plain-text document the server found to be a plan (named or titled like one) becomes a `plan`
 * document: same text and file, plan highlighting and the [plan] editor defaults. Only plain text:
 * Markdown files stay Markdown (they are checked all the same). planlint.detectPlans: false stops it.
 */
export async function adoptDetectedPlan(doc: vscode.TextDocument, isPlan: boolean): Promise<boolean> {
  if (!isPlan || doc.languageId !== 'plaintext') return false;
  if (!vscode.workspace.getConfiguration('planlint', doc.uri).get<boolean>('detectPlans', true)) return false;
  await vscode.languages.setTextDocumentLanguage(doc, 'plan');
  return true;
}
