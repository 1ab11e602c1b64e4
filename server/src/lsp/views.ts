/** Data for the extension's views: alignment tree, report, indicator CSV. */
import type { DocAnalysis } from './analysis.js';
import { alignmentOf } from './alignment.js';
import type { Logger } from './log.js';
import type { AlignmentResult, CsvResult, ReportResult } from './protocol.js';

export function alignmentResult(a: DocAnalysis): AlignmentResult {
  const align = alignmentOf(a.plan, a.context.requirements, a.context.year);
  const base: AlignmentResult = { uri: a.uri, version: a.version, sets: [], coverage: null, themes: [], targets: [] };
  if (!align) return base;
  const { plan } = a;
  return {
    ...base,
    sets: align.sets,
    coverage: align.coverage,
    themes: align.themes.map((t) => ({
      id: t.id,
      title: t.title,
      status: t.status,
      required: t.required,
      set: t.set,
      terms: t.terms,
      quote: t.quote,
      sections: t.sectionIds
        .map((id) => plan.allSections[id])
        .filter((s) => s !== undefined)
        .map((s) => ({ number: s.number, title: s.title, range: plan.index.rangeOf(s.heading) })),
    })),
    targets: align.targets.map((t) => {
      const ind = t.indicator !== undefined ? plan.indicators[t.indicator] : undefined;
      return {
        id: t.id,
        name: t.name,
        status: t.status,
        set: t.set,
        theme: t.theme,
        superior: t.superior,
        draft: ind?.text,
        range: ind ? plan.index.rangeOf(ind) : undefined,
      };
    }),
  };
}

function csvCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function indicatorsCsv(a: DocAnalysis): CsvResult {
  const header = ['line', 'column', 'name', 'comparator', 'op', 'value', 'value2', 'unit', 'qualifier', 'deadline', 'kind', 'text'];
  const rows = a.plan.indicators.map((i) => {
    const p = a.plan.index.positionAt(i.start);
    return [p.line + 1, p.character + 1, i.name, i.comparator, i.op, i.value, i.value2, i.unit, i.qualifier, i.deadline, i.kind, i.text];
  });
  // BOM so that Excel on Chinese Windows opens the UTF-8 file correctly
  const content = '\ufeff' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return { content, count: rows.length };
}

export function reportFor(a: DocAnalysis, format: 'html' | 'md' | 'json', _log: Logger): ReportResult {
  if (a.context.requirements.length === 0) {
    return {
      format,
      content: '',
      available: false,
      message: '未配置上级要求集（planlint.requirements 或 front matter requirements） No requirement sets configured',
    };
  }
  return { format, content: '', available: false, message: '对齐报告模块尚不可用 alignment report not available' };
}
