/** Tree view of the superior themes and targets with their status; a click reveals the covering section. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { bilingualStatus } from '../../server/src/core/align/labels.js';
import { Methods, type AlignmentResult, type AlignmentTarget, type AlignmentTheme, type PRange } from '../../server/src/lsp/protocol.js';

type Node =
  | { type: 'group'; label: string; kind: 'themes' | 'targets'; result: AlignmentResult }
  | { type: 'theme'; theme: AlignmentTheme; result: AlignmentResult }
  | { type: 'section'; label: string; range: PRange; result: AlignmentResult }
  | { type: 'target'; target: AlignmentTarget; result: AlignmentResult }
  | { type: 'message'; label: string };

function statusIcon(status: string): vscode.ThemeIcon {
  switch (status) {
    case 'covered':
    case 'met':
    case 'stronger':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'partial':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'not-applicable':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    default:
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  }
}

export class AlignmentTree implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private uri: vscode.Uri | undefined;
  private result: AlignmentResult | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  setDocument(uri: vscode.Uri | undefined): void {
    this.uri = uri;
    this.refresh();
  }

  refresh(): void {
    this.result = undefined;
    this.emitter.fire(undefined);
  }

  private async load(): Promise<AlignmentResult | undefined> {
    const c = this.client();
    if (!this.uri || !c || !c.isRunning()) return undefined;
    if (!this.result) {
      this.result = (await c.sendRequest<AlignmentResult | null>(Methods.alignment, { uri: this.uri.toString() })) ?? undefined;
    }
    return this.result;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const r = await this.load();
      if (!r) return [];
      if (r.sets.length === 0) return [{ type: 'message', label: vscode.l10n.t('未配置上级要求集。 No requirement sets apply to this plan.') }];
      return [
        { type: 'group', kind: 'themes', label: vscode.l10n.t('上级任务 Themes'), result: r },
        { type: 'group', kind: 'targets', label: vscode.l10n.t('上级目标 Targets'), result: r },
      ];
    }
    if (node.type === 'group') {
      return node.kind === 'themes'
        ? node.result.themes.map((theme) => ({ type: 'theme', theme, result: node.result }))
        : [...node.result.targets]
            // targets that bind this draft first; those that do not (later years, other levels) last
            .sort((a, b) => Number(a.status === 'not-applicable') - Number(b.status === 'not-applicable'))
            .map((target) => ({ type: 'target', target, result: node.result }));
    }
    if (node.type === 'theme') {
      return node.theme.sections.map((s) => ({ type: 'section', label: `${s.number} ${s.title}`, range: s.range, result: node.result }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'message':
        return new vscode.TreeItem(node.label);
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        if (node.kind === 'themes') {
          const covered = node.result.themes.filter((t) => t.status === 'covered').length;
          item.description = `${covered}/${node.result.themes.length}` + (node.result.coverage !== null ? ` · ${Math.round(node.result.coverage * 100)}%` : '');
        } else {
          const binding = node.result.targets.filter((t) => t.status !== 'not-applicable');
          const met = binding.filter((t) => t.status === 'met' || t.status === 'stronger').length;
          item.description = `${met}/${binding.length}`;
        }
        return item;
      }
      case 'theme': {
        const t = node.theme;
        const item = new vscode.TreeItem(t.title, t.sections.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `theme:${t.set}:${t.id}`;
        item.description = bilingualStatus('theme', t.status);
        item.iconPath = statusIcon(t.status);
        const md = new vscode.MarkdownString();
        md.appendMarkdown(`**${t.title}** — ${bilingualStatus('theme', t.status)}\n\n`);
        if (t.quote) md.appendMarkdown(`> ${t.quote}\n\n`);
        if (t.terms.length) md.appendMarkdown(`${vscode.l10n.t('共同词 Shared terms')}: ${t.terms.join('、')}`);
        item.tooltip = md;
        const first = t.sections[0];
        if (first)
          item.command = { command: 'planlint.revealSection', title: vscode.l10n.t('跳转到章节 Reveal section'), arguments: [node.result.uri, first.range] };
        item.contextValue = `theme.${t.status}`;
        return item;
      }
      case 'section': {
        const item = new vscode.TreeItem(node.label);
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.command = { command: 'planlint.revealSection', title: vscode.l10n.t('跳转到章节 Reveal section'), arguments: [node.result.uri, node.range] };
        return item;
      }
      case 'target': {
        const t = node.target;
        const item = new vscode.TreeItem(`${t.name} ${t.superior}`);
        item.id = `target:${t.set}:${t.id}`;
        item.description = `${bilingualStatus('target', t.status)}${t.draft ? ' · ' + t.draft : ''}`;
        item.iconPath = statusIcon(t.status);
        if (t.range)
          item.command = { command: 'planlint.revealSection', title: vscode.l10n.t('跳转到指标 Reveal indicator'), arguments: [node.result.uri, t.range] };
        return item;
      }
    }
  }
}
