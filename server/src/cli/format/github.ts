/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 * Escaping per the runner's rules: in the message %, CR and LF; in properties also ":" and ",".
 */
import type { JsonReport } from './model.js';
import { terminalText } from '../../core/escape.js';

/** Control characters from the draft are shown as escapes (the log is a terminal); line breaks stay for escapeData. */
function safe(s: string): string {
  return s
    .split(/\r\n|\r|\n/)
    .map(terminalText)
    .join('\n');
}

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const level = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

export function formatGithub(report: JsonReport): string {
  const lines: string[] = [];
  const emit = (
    sev: keyof typeof level,
    file: string,
    range: { start: { line: number; character: number }; end: { line: number; character: number } } | undefined,
    code: string,
    message: string,
    standard?: string,
  ) => {
    const props: string[] = [];
    if (file) props.push(`file=${escapeProperty(safe(file.split('\\').join('/')))}`);
    if (range) {
      props.push(`line=${range.start.line + 1}`, `col=${range.start.character + 1}`, `endLine=${range.end.line + 1}`, `endColumn=${range.end.character + 1}`);
    }
    props.push(`title=${escapeProperty(safe(code))}`);
    lines.push(`::${level[sev]} ${props.join(',')}::${escapeData(safe(`${message} (${code}${standard ? `; ${standard}` : ''})`))}`);
  };
  for (const f of report.files) for (const d of f.diagnostics) emit(d.severity, f.path, d.range, d.code, d.message, d.standard);
  for (const p of report.problems) emit(p.severity, p.file, p.range, p.code, p.message);
  return lines.length ? lines.join('\n') + '\n' : '';
}
