/** Core model → LSP data. */
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { Edit, Localized, LocatedFinding, Plan, Severity } from '../core/model.js';
import type { MessageLanguage } from './settings.js';
import { ruleDocHref } from './ruledocs.js';
import { lowerBound } from '../core/text.js';

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
  const href = ruleDocHref(f.ruleId);
  if (href) d.codeDescription = { href };
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
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Merges edits from several fixes into one non-overlapping, ordered list: an edit that overlaps
 * one already taken is dropped (with its whole fix, so no fix is applied half). Insertions at one
 * point keep the order of their fixes. Taken edits stay sorted, so each check is a binary search
 * (findings arrive in document order, so most insertions append): "fix all" on a document with
 * tens of thousands of findings stays fast.
 */
export function mergeFixEdits(fixes: readonly (readonly Edit[])[]): Edit[] {
  const taken: Edit[] = [];
  // index of the first taken edit that sorts after an edit starting at `start` with end `end`
  const upper = (start: number, end: number): number => {
    return lowerBound(taken.length, (i) => taken[i]!.start < start || (taken[i]!.start === start && taken[i]!.end <= end));
  };
  // taken edits never overlap, so their ends never decrease in sorted order: the last one that
  // starts before e.end has the largest end of all that could overlap e
  const overlapsTaken = (e: Edit): boolean => {
    const t = taken[lowerBound(taken.length, (i) => taken[i]!.start < e.end) - 1];
    return t !== undefined && t.start < e.end && e.start < t.end;
  };
  for (const edits of fixes) {
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    // a fix whose own edits overlap each other is malformed: skip it
    if (sorted.some((e, i) => i > 0 && e.start < sorted[i - 1]!.end)) continue;
    if (sorted.some(overlapsTaken)) continue;
    for (const e of sorted) taken.splice(upper(e.start, e.end), 0, e);
  }
  return taken;
}
