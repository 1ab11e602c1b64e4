/**
 * The indicators as CSV (RFC 4180, CRLF, optional BOM for Excel): one module for
 * `planlint indicators --format csv` and the language server's planlint/indicatorsCsv.
 */
import type { JsonIndicator } from './plan-json.js';

/** RFC 4180 field: quoted when it contains a comma, quote, CR or LF (or leading/trailing space). */
export function csvField(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const columns = ['file', 'line', 'column', 'section', 'name', 'comparator', 'op', 'value', 'value2', 'unit', 'qualifier', 'deadline', 'kind', 'text'] as const;

export function indicatorsCsv(rows: { file: string; indicator: JsonIndicator }[], bom: boolean): string {
  const lines = [columns.join(',')];
  for (const { file, indicator: i } of rows) {
    const rec: Record<(typeof columns)[number], unknown> = {
      file,
      line: i.range.start.line + 1,
      column: i.range.start.character + 1,
      section: i.section,
      name: i.name,
      comparator: i.comparator,
      op: i.op,
      value: i.value,
      value2: i.value2,
      unit: i.unit,
      qualifier: i.qualifier,
      deadline: i.deadline,
      kind: i.kind,
      text: i.text,
    };
    lines.push(columns.map((c) => csvField(rec[c])).join(','));
  }
  return (bom ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
}
