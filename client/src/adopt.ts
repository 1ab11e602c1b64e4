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

/** Points a diagnostic's rule link (file:///…/rules.md#rule-…) at the command that opens the rendered section. */
export function rewriteRuleLinks(diagnostics: readonly vscode.Diagnostic[]): void {
  for (const d of diagnostics) {
    const code = d.code;
    if (typeof code === 'object' && code.target && code.target.scheme === 'file' && /\/rules\.md$/.test(code.target.path) && code.target.fragment) {
      d.code = { value: code.value, target: ruleDocCommandUri(code.target.toString()) };
    }
  }
}

/**
 * Rewrites the rule links of pushed diagnostics and of pulled ones: VS Code's client supports
 * pull diagnostics (textDocument/diagnostic), which the server then uses, and those bypass
 * handleDiagnostics (without provideDiagnostics the links opened raw rules.md at the top).
 */
export const ruleDocMiddleware: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    rewriteRuleLinks(diagnostics);
    next(uri, diagnostics);
  },
  async provideDiagnostics(document, previousResultId, token, next) {
    const report = await next(document, previousResultId, token);
    if (report && 'items' in report) rewriteRuleLinks(report.items);
    return report;
  },
};

/**
 * The id VS Code's Markdown preview gives a heading (its GitHub-style slugifier: lower case,
 * spaces to "-", punctuation dropped, a repeated slug numbered -1, -2 …).
 */
export function previewSlug(heading: string): string {
  return encodeURI(
    heading
      .trim()
      .toLowerCase()
      .replace(/\s+/g, '-')
      .replace(/[\][!/'"#$%&()*+,./:;<=>?@\\^{|}~`。，、；：？！…—·ˉ¨‘’“”々～‖∶＂＇｀｜〃〔〕〈〉《》「」『』．〖〗【】（）［］｛｝]/g, '')
      .replace(/^-+/, '')
      .replace(/-+$/, ''),
  );
}

/**
 * The preview id of the heading that follows `<a id="anchor"></a>` in docs/rules.md (each rule's
 * section is the anchor, then `## rule/id`): the preview scrolls to a fragment only when it names
 * a heading's own id, and raw HTML anchors get none.
 */
export function headingSlugAfterAnchor(markdown: string, anchor: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const at = lines.findIndex((l) => l.trim() === `<a id="${anchor}"></a>`);
  if (at < 0) return undefined;
  const seen = new Map<string, number>();
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*(```|~~~)/.test(lines[i]!)) inFence = !inFence;
    const m = inFence ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(lines[i]!);
    if (!m) continue;
    let slug = previewSlug(m[1]!);
    const n = seen.get(slug);
    seen.set(slug, (n ?? -1) + 1);
    if (n !== undefined) slug = previewSlug(`${slug}-${n + 1}`);
    if (i > at) return slug;
  }
  return undefined;
}

/**
 * Opens docs/rules.md rendered (Markdown preview) at the rule's section: the preview is given the
 * id of the rule's heading as the fragment, and scrolls there (markdown.preview.scrollPreviewWithEditor).
 */
export async function openRuleDoc(href: string): Promise<void> {
  const uri = vscode.Uri.parse(href);
  const file = uri.with({ fragment: '' });
  const doc = await vscode.workspace.openTextDocument(file);
  const slug = headingSlugAfterAnchor(doc.getText(), uri.fragment);
  await vscode.commands.executeCommand('markdown.showPreview', slug ? file.with({ fragment: slug }) : file);
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
