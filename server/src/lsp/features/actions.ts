/** Code actions: each finding's fix, grouped fixes (renumber, normalise), fix all, suppression. */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { Edit, Finding, LocatedFinding, Plan } from '../../core/model.js';
import type { DocAnalysis } from '../analysis.js';
import { localize, mergeFixEdits, rangesOverlap, sameRange, SOURCE, toTextEdit, type DiagnosticData } from '../convert.js';
import { FixAllKind, type EditKind } from '../protocol.js';
import { sectionAt } from './structure.js';
import type { Section } from '../../core/model.js';

/** The section whose heading contains the offset (binary search: sections are in document order). */
function headingAt(plan: Plan, offset: number): Section | undefined {
  const all = plan.allSections;
  const s = all[lowerBound(all.length, (i) => all[i]!.heading.start <= offset) - 1];
  return s && offset < Math.max(s.heading.end, s.heading.start + 1) ? s : undefined;
}
import { suppressionEdit, type SuppressScope } from '../suppression.js';
import { lowerBound } from '../../core/text.js';

export const RenumberKind = 'refactor.rewrite.renumber.planlint';
export const NormaliseKind = 'refactor.rewrite.normalise.planlint';
export const InsertThemesKind = 'refactor.rewrite.insertThemes.planlint';

const renumberRules = new Set(['numbering/sequence']);
const normaliseRules = new Set(['numbering/style', 'indicator/format']);
const themeRules = new Set(['alignment/missing-theme']);

function isFinding(x: unknown): x is LocatedFinding {
  return typeof x === 'object' && x !== null && 'ruleId' in x;
}

/** The finding a diagnostic was made from (by index when the version matches, else rule + range). */
export function findingFor(analysis: DocAnalysis, d: Diagnostic): LocatedFinding | undefined {
  if (d.source !== SOURCE) return undefined;
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (data && data.version === analysis.version && typeof data.index === 'number') {
    const f = analysis.findings[data.index];
    if (isFinding(f) && f.ruleId === data.ruleId && sameRange(f.range, d.range)) return f;
  }
  const code = typeof d.code === 'string' ? d.code : data?.ruleId;
  return analysis.findings.find((f) => f.ruleId === code && sameRange(f.range, d.range));
}

function editsOf(plan: Plan, edits: readonly Edit[]): TextEdit[] {
  return edits.map((e) => toTextEdit(plan, e));
}

/** Merged, non-overlapping edits of every fix of the selected findings. */
export function groupEdits(findings: readonly Finding[], pick: (f: Finding) => boolean, safeOnly: boolean): Edit[] {
  const fixes = findings.filter((f) => f.fix && f.fix.edits.length > 0 && (!safeOnly || f.fix.safe) && pick(f)).map((f) => f.fix!.edits);
  return mergeFixEdits(fixes);
}

export function editsForKind(analysis: DocAnalysis, kind: EditKind): Edit[] {
  const fs = analysis.findings;
  switch (kind) {
    case 'renumber':
      return groupEdits(fs, (f) => renumberRules.has(f.ruleId), false);
    case 'normalise':
      return groupEdits(fs, (f) => normaliseRules.has(f.ruleId), false);
    case 'insertMissingThemes':
      return groupEdits(fs, (f) => themeRules.has(f.ruleId), false);
    case 'fixAll':
      return groupEdits(fs, () => true, true);
    default:
      // an unknown kind from a client: nothing to do
      return [];
  }
}

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export function codeActions(analysis: DocAnalysis, params: CodeActionParams): CodeAction[] {
  const { plan } = analysis;
  const uri = params.textDocument.uri;
  const lang = analysis.context.settings.language;
  const only = params.context.only;
  const out: CodeAction[] = [];
  const wsEdit = (edits: readonly Edit[]) => ({ changes: { [uri]: editsOf(plan, edits) } });

  // 1. each diagnostic's own fix, then its suppression actions
  const seen = new Set<LocatedFinding>();
  const diagnostics = params.context.diagnostics.filter((d) => d.source === SOURCE);
  // findings under the cursor that the client did not send (e.g. clients that send no context)
  const fromRange = analysis.findings.filter((f) => rangesOverlap(f.range, params.range));
  const pairs: { f: LocatedFinding; d?: Diagnostic }[] = [];
  for (const d of diagnostics) {
    const f = findingFor(analysis, d);
    if (f && !seen.has(f)) {
      seen.add(f);
      pairs.push({ f, d });
    }
  }
  for (const f of fromRange) if (!seen.has(f)) pairs.push({ f });

  if (wants(only, CodeActionKind.QuickFix)) {
    for (const { f, d } of pairs) {
      if (f.fix && f.fix.edits.length > 0) {
        out.push({
          title: localize(f.fix.title, lang === 'zh-en' ? 'zh' : lang) + `（${f.ruleId}）`,
          kind: CodeActionKind.QuickFix,
          diagnostics: d ? [d] : undefined,
          isPreferred: f.fix.safe,
          edit: wsEdit(f.fix.edits),
        });
      }
    }
    for (const { f, d } of pairs) {
      for (const scope of ['line', 'file'] as SuppressScope[]) {
        const e = suppressionEdit(plan, f, scope, analysis.context.markdown);
        if (!e) continue;
        out.push({
          title:
            scope === 'line' ? `禁用 ${f.ruleId}（本行） Disable ${f.ruleId} for this line` : `禁用 ${f.ruleId}（本文件） Disable ${f.ruleId} for this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: d ? [d] : undefined,
          edit: wsEdit(e),
        });
      }
    }
  }

  // document-wide groups are offered where the cursor is on a problem of that group, or on request
  const here = (rules: Set<string>) => (only?.length ?? 0) > 0 || pairs.some((p) => rules.has(p.f.ruleId));

  // 2. renumber this level / the whole document
  if (wants(only, RenumberKind) && here(renumberRules)) {
    const offset = plan.index.offsetAt(params.range.start);
    const at = sectionAt(plan, offset);
    if (at) {
      const inLevel = (f: Finding) => {
        if (!renumberRules.has(f.ruleId)) return false;
        const s = headingAt(plan, f.start);
        return s !== undefined && s.parentId === at.parentId && s.level === at.level && f.end <= s.heading.end;
      };
      const edits = groupEdits(analysis.findings, inLevel, false);
      if (edits.length > 0) {
        out.push({ title: '重新编号本层级 Renumber this level', kind: RenumberKind, edit: wsEdit(edits) });
      }
    }
    const all = editsForKind(analysis, 'renumber');
    if (all.length > 0) out.push({ title: '重新编号全文 Renumber the whole document', kind: RenumberKind, edit: wsEdit(all) });
  }

  // 3. normalise widths and digits
  if (wants(only, NormaliseKind) && here(normaliseRules)) {
    const edits = editsForKind(analysis, 'normalise');
    if (edits.length > 0) {
      out.push({ title: '统一全半角与数字写法 Normalise widths and digits', kind: NormaliseKind, edit: wsEdit(edits) });
    }
  }

  // 4. insert every missing theme's skeleton
  if (wants(only, InsertThemesKind) && here(themeRules)) {
    const edits = editsForKind(analysis, 'insertMissingThemes');
    if (edits.length > 0) {
      out.push({ title: '插入所有缺失的上级任务 Insert all missing themes', kind: InsertThemesKind, edit: wsEdit(edits) });
    }
  }

  // 5. fix all safe problems
  if (wants(only, FixAllKind) && (only?.length || pairs.length > 0)) {
    const edits = editsForKind(analysis, 'fixAll');
    if (edits.length > 0) {
      out.push({ title: '修复所有可安全修复的问题 Fix all safe problems', kind: FixAllKind, edit: wsEdit(edits) });
    }
  }
  return out;
}
