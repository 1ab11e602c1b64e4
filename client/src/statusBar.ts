/** Status-bar item: coverage (when requirement sets apply) and planlint problem counts. */
import * as vscode from 'vscode';
import type { StatsResult } from '../../server/src/lsp/protocol.js';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('planlint.status', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'planlint';
  }

  show(stats: StatsResult, diagnostics: readonly vscode.Diagnostic[]): void {
    const count = (s: vscode.DiagnosticSeverity) => diagnostics.filter((d) => d.severity === s).length;
    const errors = count(vscode.DiagnosticSeverity.Error);
    const warnings = count(vscode.DiagnosticSeverity.Warning);
    const infos = diagnostics.length - errors - warnings;
    const parts: string[] = [];
    if (stats.coverage !== null) parts.push(`$(checklist) ${Math.round(stats.coverage * 100)}%`);
    parts.push(`$(error) ${errors} $(warning) ${warnings}` + (infos ? ` $(info) ${infos}` : ''));
    this.item.text = `planlint ${parts.join('  ')}`;
    const lines = [
      vscode.l10n.t('planlint 规划文稿校核'),
      vscode.l10n.t('问题 Problems: {0}（错误 errors {1}，警告 warnings {2}，提示 other {3}）', diagnostics.length, errors, warnings, infos),
      vscode.l10n.t('章节 Sections: {0}；指标 Indicators: {1}', stats.sections, stats.indicators),
    ];
    if (stats.coverage !== null) lines.push(vscode.l10n.t('上级任务覆盖率 Coverage: {0}%', Math.round(stats.coverage * 100)));
    this.item.tooltip = lines.join('\n');
    this.item.command = stats.coverage !== null ? 'planlint.showReport' : 'workbench.actions.view.problems';
    this.item.accessibilityInformation = { label: lines.join('; ') };
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
