/** Human-readable output, grouped per file: `line:col  severity  message  rule-id` (1-based). */
import { styleText } from 'node:util';
import type { Severity } from '../../core/model.js';
import type { Lang } from '../env.js';
import type { JsonReport } from './model.js';
import { terminalText } from '../../core/escape.js';

type Style = Parameters<typeof styleText>[0];

const severityName: Record<Severity, { zh: string; en: string; style: Style }> = {
  error: { zh: '错误', en: 'error', style: 'red' },
  warning: { zh: '警告', en: 'warning', style: 'yellow' },
  information: { zh: '信息', en: 'info', style: 'blue' },
  hint: { zh: '提示', en: 'hint', style: 'gray' },
};

/** Wide (two-column) characters: CJK, Hangul, full-width forms. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** Display width: wide characters count two columns (astral characters are two code units already). */
export function width(s: string): number {
  const wide = s.match(WIDE);
  return s.length + (wide ? wide.length : 0);
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

/**
 * A message on one line: each line break with the white space around it becomes one space. (Linear:
 * a `\s*\r?\n\s*` expression retried its leading `\s*` from every blank of a long run.)
 */
function oneLine(s: string): string {
  if (!s.includes('\n')) return s;
  const lines = s.split('\n');
  return lines
    .map((l, i) => (i > 0 ? l.trimStart() : l))
    .map((l, i) => (i < lines.length - 1 ? l.trimEnd() : l))
    .join(' ');
}

export function formatStylish(report: JsonReport, lang: Lang, color: boolean): string {
  const paint = (style: Style, s: string): string => (color ? styleText(style, s) : s);
  const out: string[] = [];
  const groups = new Map<string, { line: number; col: number; severity: Severity; message: string; code: string; standard?: string }[]>();
  for (const f of report.files) {
    if (f.diagnostics.length === 0) continue;
    groups.set(
      f.path,
      f.diagnostics.map((d) => ({
        line: d.range.start.line + 1,
        col: d.range.start.character + 1,
        severity: d.severity,
        message: d.message,
        code: d.code,
        standard: d.standard,
      })),
    );
  }
  for (const p of report.problems) {
    const key = p.file || (lang === 'zh' ? '（命令行）' : '(command line)');
    const list = groups.get(key) ?? [];
    list.push({
      line: p.range ? p.range.start.line + 1 : 0,
      col: p.range ? p.range.start.character + 1 : 0,
      severity: p.severity,
      message: p.message,
      code: p.code,
    });
    groups.set(key, list);
  }
  for (const [file, list] of groups) {
    out.push(paint('underline', terminalText(file)));
    const rows = list.map((d) => ({
      pos: d.line ? `${d.line}:${d.col}` : '',
      sev: severityName[d.severity][lang],
      style: severityName[d.severity].style,
      // draft text in messages: control characters (ESC, BEL …) are shown, never sent to the terminal
      message: terminalText(oneLine(d.message)),
      // the rule id, and the standard clause it enforces where one applies
      code: terminalText(d.standard ? `${d.code}  ${d.standard}` : d.code),
    }));
    // (reduce, not Math.max(...spread): a file with 200,000 findings would overflow the call stack)
    const wPos = rows.reduce((m, r) => Math.max(m, width(r.pos)), 0);
    const wSev = rows.reduce((m, r) => Math.max(m, width(r.sev)), 0);
    const wMsg = Math.min(
      80,
      rows.reduce((m, r) => Math.max(m, width(r.message)), 0),
    );
    for (const r of rows) out.push(`  ${pad(r.pos, wPos)}  ${paint(r.style, pad(r.sev, wSev))}  ${pad(r.message, wMsg)}  ${paint('gray', r.code)}`);
    out.push('');
  }
  const s = report.summary;
  const total = s.errors + s.warnings + s.information + s.hints + report.problems.length;
  const errors = s.errors + report.problems.filter((p) => p.severity === 'error').length;
  const warnings = s.warnings + report.problems.filter((p) => p.severity === 'warning').length;
  const extra: string[] = [];
  if (s.fixed) extra.push(lang === 'zh' ? `已修复 ${s.fixed} 处` : `${s.fixed} fixed`);
  if (s.suppressed) extra.push(lang === 'zh' ? `已屏蔽 ${s.suppressed} 处` : `${s.suppressed} suppressed`);
  const tail = extra.length ? (lang === 'zh' ? `；${extra.join('，')}` : `; ${extra.join(', ')}`) : '';
  if (total === 0) {
    out.push(paint('green', lang === 'zh' ? `✔ 检查了 ${s.files} 个文件，未发现问题${tail}` : `✔ ${s.files} file(s) checked, no problems${tail}`));
  } else {
    const others = total - errors - warnings;
    const line =
      lang === 'zh'
        ? `✖ ${s.files} 个文件中共 ${total} 个问题（${errors} 个错误，${warnings} 个警告${others ? `，${others} 个信息/提示` : ''}）${tail}`
        : `✖ ${total} problem(s) in ${s.files} file(s) (${errors} error(s), ${warnings} warning(s)${others ? `, ${others} info/hint(s)` : ''})${tail}`;
    out.push(paint(errors ? 'red' : 'yellow', line));
  }
  return out.join('\n') + '\n';
}
