/**
 * The rule contract. One rule per file under ./rules/, each exporting a `Rule`.
 * Rule docs (docs/rules.md) and the profile schema's rule ids are generated from `meta`.
 */
import type { Finding, Localized, Plan, Severity } from './model.js';
import type { RequirementSet } from './requirements/types.js';
import type { QuantityAnalysis } from './indicators.js';
import type { AlignmentResult } from './align/types.js';
import type { AnalysisSession } from './session.js';

/**
 * What a rule reads, for the pipeline (./analyze.ts): `structural` rules read the structure only and
 * still run above the size guard; the others name the facts they need.
 */
export type RuleTag = 'structural' | 'indicator' | 'arithmetic' | 'alignment' | 'text' | 'config';

export interface RuleExample {
  /** text that triggers the rule */
  bad: string;
  /** the corrected text */
  good: string;
  note?: Localized;
}

export interface RuleMeta {
  /** stable id, e.g. "numbering/style" (a contract: never rename) */
  id: string;
  /** what the rule reads (see RuleTag); `structural` rules run on drafts above the size guard */
  tags: readonly RuleTag[];
  description: Localized;
  severity: Severity;
  /** the standard clause the rule enforces, if any, e.g. "GB/T 15834-2011 B.3.3" */
  standard?: string;
  /** whether the rule offers fixes */
  fixable: boolean;
  examples: RuleExample[];
  /**
   * Longer documentation for docs/rules.md (Markdown): the word list or dataset the rule uses and
   * its source, how to extend it, and which way the rule errs (misses rather than false alarms).
   */
  docs?: Localized;
  /** JSON Schema of the rule's options (profile `rules.<id>.options`) */
  optionsSchema?: Record<string, unknown>;
}

export interface RuleContext {
  plan: Plan;
  /** options for this rule from the profile (already validated) */
  options: Record<string, unknown>;
  /** requirement sets (superior plans) that apply to this draft; empty when none */
  requirements: readonly RequirementSet[];
  /** the draft's own year, from front matter, when known */
  year?: number;
  /** the plan's quantitative statements (empty above the size guard) */
  quantities: QuantityAnalysis;
  /** the alignment of the plan with `requirements` (computed once per plan and sets) */
  alignment(): AlignmentResult;
  /** the previous year's summary named by front matter `baseline:`, read by the host */
  baseline?: BaselineText;
  /** the session of this analysis: for a rule that parses or analyses another text (the baseline) */
  session: AnalysisSession;
  report(finding: Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity }): void;
}

/** A document read by the host for a rule (the core reads no file). */
export interface BaselineText {
  /** the path as the draft names it (for messages) */
  name: string;
  text: string;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
