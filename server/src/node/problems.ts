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
