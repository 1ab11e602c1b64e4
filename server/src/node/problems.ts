/**
 * A located problem in a configuration-like file (planlint.yaml, a profile, a requirement set,
 * a draft's front matter): file, zero-based line/character, what was expected.
 */
import type { Localized, Severity } from '../core/model.js';
import type { Range } from '../core/text.js';

export interface ConfigProblem {
  /** file path (relative to the working directory where possible) */
  file: string;
  range: Range;
  /** id used when reported as a finding, e.g. "config/schema", "config/yaml" */
  ruleId: string;
  severity: Severity;
  message: Localized;
}

/** The same problem reported twice (same file, position and message) is kept once. */
export function dedupeProblems(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.file}:${p.range.start.line}:${p.range.start.character}:${p.message.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** At most this many problems are reported per file and kind; the rest are counted in one summary. */
export const MAX_PROBLEMS_PER_FILE = 200;

/**
 * The first `max` problems, and when there are more, one summary problem (at the first dropped
 * one) saying how many were left out: a file with 130,000 schema errors gives a readable report.
 */
export function capProblems(problems: readonly ConfigProblem[], max = MAX_PROBLEMS_PER_FILE, total = problems.length): ConfigProblem[] {
  if (problems.length <= max && total <= problems.length) return problems as ConfigProblem[];
  if (problems.length === 0) return [];
  const kept = problems.slice(0, max);
  const first = problems[Math.min(max, problems.length - 1)]!;
  const more = total - kept.length;
  kept.push({
    file: first.file,
    range: first.range,
    ruleId: first.ruleId,
    severity: first.severity,
    message: {
      zh: `另有 ${more} 个同类问题未逐一列出（只报告前 ${max} 个）`,
      en: `${more} more problem(s) of this kind not listed (only the first ${max} are reported)`,
    },
  });
  return kept;
}
