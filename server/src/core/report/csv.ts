/**
 * The indicators as CSV (RFC 4180, CRLF, optional BOM for Excel): one module for
 * `planlint indicators --format csv` and the language server's planlint/indicatorsCsv.
 */
import { csvField } from '../escape.js';
import type { JsonIndicator } from './plan-json.js';

export { csvField };

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
