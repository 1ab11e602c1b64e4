/** Core model → LSP data. */
import {
  DiagnosticSeverity,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { Edit, Localized, LocatedFinding, Plan, Severity } from '../core/model.js';
import type { MessageLanguage } from './settings.js';

export const SOURCE = 'planlint';

const severityMap: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toSeverity(s: Severity): DiagnosticSeverity {
  return severityMap[s] ?? DiagnosticSeverity.Warning;
}

/** Localised text per the `planlint.language` setting: Chinese first, English after by default. */
export function localize(text: Localized, language: MessageLanguage): string {
  if (language === 'zh') return text.zh;
  if (language === 'en') return text.en || text.zh;
  if (!text.en || text.en === text.zh) return text.zh;
  return `${text.zh}\n${text.en}`;
}

export function findingMessage(f: LocatedFinding, language: MessageLanguage): string {
  const msg = f.message ?? { zh: f.ruleId, en: f.ruleId };
  const main = localize(msg, language);
  if (!f.standard) return main;
  // the clause goes on the first (Chinese) line so it shows in one-line views
  const [first, ...rest] = main.split('\n');
  const clause = language === 'en' ? ` (${f.standard})` : `（${f.standard}）`;
  return [first + clause, ...rest].join('\n');
}

/** Data attached to each diagnostic so code actions can find their finding again. */
export interface DiagnosticData {
  ruleId: string;
  version: number;
  index: number;
}

export function toDiagnostic(f: LocatedFinding, index: number, version: number, language: MessageLanguage): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: toSeverity(f.severity),
    code: f.ruleId,
    source: SOURCE,
    message: findingMessage(f, language),
    data: { ruleId: f.ruleId, version, index } satisfies DiagnosticData,
  };
  return d;
}

export function toTextEdit(plan: Plan, e: Edit): TextEdit {
  return { range: plan.index.rangeOf(e), newText: e.newText };
}

export function rangesOverlap(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  // touching ranges count as overlapping so that a cursor at the edge still finds the finding
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/**
 * Merges edits from several fixes into one non-overlapping, ordered list: an edit that overlaps
 * one already taken is dropped (with its whole fix, so no fix is applied half). The sort is stable,
 * so insertions at one point keep the order of their fixes.
 */
export function mergeFixEdits(fixes: readonly (readonly Edit[])[]): Edit[] {
  const taken: Edit[] = [];
  // insertions at the same point do not conflict: they are applied in fix order
  const overlaps = (a: Edit, b: Edit) => a.start < b.end && b.start < a.end;
  for (const edits of fixes) {
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    // a fix whose own edits overlap each other is malformed: skip it
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    if (sorted.some((e, i) => i > 0 && e.start < sorted[i - 1]!.end)) continue;
    taken.push(...sorted);
  }
  return taken.sort((a, b) => a.start - b.start || a.end - b.end);
}
