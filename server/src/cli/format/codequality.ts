/**
 * GitLab Code Quality report (`--format codequality`): a JSON array of issues, the subset of the
 * Code Climate spec GitLab reads (docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):
 * description, check_name, fingerprint, severity (info | minor | major | critical | blocker) and
 * location.path + location.positions (1-based lines and columns). Paths are relative to the working
 * directory with forward slashes, as GitLab matches them against the repository.
 *
 * The fingerprint identifies a finding across commits so merge requests show only new and fixed
 * ones: a hash of the path, rule id, message and the finding's rank among identical ones in that
 * file, never its line number (inserting a paragraph above it must not make it "new").
 */
import { sha256Hex } from '../../node/builtins.js';
import type { Severity } from '../../core/model.js';
import type { Range } from '../../core/text.js';
import type { JsonReport } from './model.js';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeQualityIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  categories: string[];
  location:
    | { path: string; positions: { begin: { line: number; column: number }; end: { line: number; column: number } } }
    | { path: string; lines: { begin: number } };
}

const severity: Record<Severity, CodeQualitySeverity> = {
  error: 'major',
  warning: 'minor',
  information: 'info',
  hint: 'info',
};

export function codeQualityIssues(report: JsonReport): CodeQualityIssue[] {
  const issues: CodeQualityIssue[] = [];
  const seen = new Map<string, number>();
  const add = (sev: Severity, file: string, range: Range | undefined, code: string, message: string, standard?: string) => {
    const path = (file || '.').split('\\').join('/');
    const key = JSON.stringify([path, code, message]);
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    issues.push({
      type: 'issue',
      description: `${message} (${code}${standard ? `; ${standard}` : ''})`,
      check_name: code,
      fingerprint: sha256Hex(`${key}#${rank}`).slice(0, 32),
      severity: severity[sev],
      categories: [code.startsWith('config/') || code.startsWith('input/') || code.startsWith('internal/') ? 'Bug Risk' : 'Style'],
      location: range
        ? {
            path,
            positions: {
              begin: { line: range.start.line + 1, column: range.start.character + 1 },
              end: { line: range.end.line + 1, column: range.end.character + 1 },
            },
          }
        : { path, lines: { begin: 1 } },
    });
  };
  for (const f of report.files) for (const d of f.diagnostics) add(d.severity, f.path, d.range, d.code, d.message, d.standard);
  for (const p of report.problems) add(p.severity, p.file, p.range, p.code, p.message);
  return issues;
}

export function formatCodeQuality(report: JsonReport): string {
  return JSON.stringify(codeQualityIssues(report), null, 2) + '\n';
}
