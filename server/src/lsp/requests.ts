/**
 * planlint's own requests (`planlint/*` in protocol.ts): the extension's views (status bar,
 * alignment tree, report, CSV export, document-wide edits) use them; any client may.
 */
import { alignmentOf } from './alignment.js';
import type { ServerContext } from './context.js';
import { toTextEdit } from './convert.js';
import { editsForKind } from './features/actions.js';
import {
  Methods,
  type AlignmentResult,
  type CsvResult,
  type EditsParams,
  type EditsResult,
  type ReportParams,
  type ReportResult,
  type StatsResult,
  type UriParams,
} from './protocol.js';
import { alignmentResult, indicatorsCsv, reportFor } from './views.js';

export function registerRequests(ctx: ServerContext): void {
  const { connection, current, guard } = ctx;
  connection.onRequest(Methods.stats, (p: UriParams) =>
    guard<StatsResult | null>(Methods.stats, null, async () => {
      const a = await current(p?.uri);
      if (!a) return null;
      const count = (s: string) => a.findings.filter((f) => f.severity === s).length;
      const align = alignmentOf(a.plan, a.context.requirements, a.context.year, a.session);
      return {
        uri: a.uri,
        isPlan: a.context.isPlan,
        errors: count('error'),
        warnings: count('warning'),
        infos: count('information'),
        hints: count('hint'),
        sections: a.plan.allSections.length,
        indicators: a.plan.indicators.length,
        coverage: align?.coverage ?? null,
      };
    }),
  );

  connection.onRequest(Methods.alignment, (p: UriParams) =>
    guard<AlignmentResult | null>(Methods.alignment, null, async () => {
      const a = await current(p?.uri);
      return a ? alignmentResult(a) : null;
    }),
  );

  connection.onRequest(Methods.report, (p: ReportParams) =>
    guard<ReportResult>(Methods.report, { format: p?.format ?? 'html', content: '', available: false, message: '生成报告失败 report failed' }, async () => {
      const a = await current(p?.uri);
      if (!a)
        return {
          format: p?.format ?? 'html',
          content: '',
          available: false,
          message: '文档未打开 document not open',
        };
      return reportFor(a, p.format ?? 'html');
    }),
  );

  connection.onRequest(Methods.indicatorsCsv, (p: UriParams) =>
    guard<CsvResult | null>(Methods.indicatorsCsv, null, async () => {
      const a = await current(p?.uri);
      return a ? indicatorsCsv(a) : null;
    }),
  );

  connection.onRequest(Methods.edits, (p: EditsParams) =>
    guard<EditsResult>(Methods.edits, { edits: [], version: null }, async () => {
      const a = await current(p?.uri);
      if (!a || !a.context.isPlan) return { edits: [], version: null };
      return { edits: editsForKind(a, p.kind).map((e) => toTextEdit(a.plan, e)), version: a.version };
    }),
  );
}
