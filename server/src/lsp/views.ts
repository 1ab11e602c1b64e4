/** Data for the extension's views: alignment tree, report, indicator CSV. */
import type { DocAnalysis } from './analysis.js';
import { alignmentOf } from './alignment.js';
import { alignPlan } from '../core/align/index.js';
import { buildReview, renderHtml, renderMarkdown } from '../core/report/index.js';
import type { AlignmentResult, CsvResult, ReportResult } from './protocol.js';
import { indicatorJson } from '../core/report/plan-json.js';
import { indicatorsCsv as toCsv } from '../core/report/csv.js';
import { displayPath } from '../node/paths.js';

export function alignmentResult(a: DocAnalysis): AlignmentResult {
  const align = alignmentOf(a.plan, a.context.requirements, a.context.year, a.session);
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

/** The indicators as CSV, as `planlint indicators --format csv --bom` writes them. */
export function indicatorsCsv(a: DocAnalysis): CsvResult {
  const file = a.context.path ? displayPath(a.context.path) : a.uri;
  const rows = a.plan.indicators.map((ind) => ({ file, indicator: indicatorJson(ind, a.plan) }));
  return { content: toCsv(rows, true), count: a.plan.indicators.length };
}

export function reportFor(a: DocAnalysis, format: 'html' | 'md' | 'json'): ReportResult {
  if (a.context.requirements.length === 0) {
    return {
      format,
      content: '',
      available: false,
      message: '未配置上级要求集（planlint.requirements 或 front matter requirements） No requirement sets configured',
    };
  }
  const result = alignPlan(a.plan, a.context.requirements, { year: a.context.year, session: a.session });
  const review = buildReview(a.plan, result, a.context.requirements, {
    path: a.context.path ? displayPath(a.context.path) : a.uri,
    session: a.session,
  });
  // the report's labels in one language: English when the messages are English, else Chinese
  const lang = a.context.settings.language === 'en' ? 'en' : 'zh';
  const content = format === 'html' ? renderHtml(review, { lang }) : format === 'md' ? renderMarkdown(review, { lang }) : JSON.stringify(review, null, 2);
  return { format, content, available: true };
}
