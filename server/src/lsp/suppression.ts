/**
 * Suppression markers ("disable this rule for this line / this file"): adapter over the core's
 * suppression helpers (server/src/core/suppress.ts), which the CLI honours too. Markdown gets
 * HTML comments; plain text gets a front-matter `disable:` entry.
 */
import type { Edit, Finding, Plan } from '../core/model.js';
import { disableFileEdits, disableLineEdits } from '../core/suppress.js';

export type SuppressScope = 'line' | 'file';

/** Rule ids that are not rules (configuration problems) cannot be disabled by a marker. */
function suppressible(ruleId: string): boolean {
  return !ruleId.startsWith('config/');
}

/** The edit that writes a disable marker for the finding's rule; undefined when none is possible or needed. */
export function suppressionEdit(plan: Plan, finding: Finding, scope: SuppressScope, markdown: boolean): Edit[] | undefined {
  if (!suppressible(finding.ruleId)) return undefined;
  const src = { text: plan.text, index: plan.index, frontMatter: plan.frontMatter };
  const edits =
    scope === 'line'
      ? disableLineEdits(src, { ruleId: finding.ruleId, offset: finding.start }, { markdown })
      : disableFileEdits(src, finding.ruleId, { markdown });
  return edits && edits.length > 0 ? edits : undefined;
}
