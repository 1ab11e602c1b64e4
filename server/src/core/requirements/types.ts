/**
 * A requirement set: the machine-readable form of a superior plan (schemas/requirements.schema.json).
 */
import type { Span } from '../text.js';
import type { Quantity } from '../model.js';

import type { GovLevel } from '../levels.js';
export type { GovLevel };

export interface SourceRef {
  /** the superior document (path or title) */
  document?: string;
  /** 1-based line in the superior document */
  line?: number;
  /** the quoted wording */
  quote?: string;
}

export interface Theme {
  id: string;
  title: string;
  /** the superior's full wording of the task (the task sentence and its elaboration), used for similarity */
  text?: string;
  keywords: string[];
  synonyms?: string[];
  required: boolean;
  source?: SourceRef;
}

/**
 * all: every level at or below the set's (rates, ratios, intensities, per-capita figures; values compared);
 * same-level: only a draft of the set's own level (the superior's own totals and counts, shares of its
 * subordinate jurisdictions); allocated: a total the superior divides among the levels below (分解到各市):
 * a lower draft states its own share, whose value is not compared with the total.
 */
export type TargetBinds = 'all' | 'same-level' | 'allocated';

export interface Target extends Quantity {
  id: string;
  name: string;
  aliases?: string[];
  /** comparator as written in the superior plan (保持在, 达到, 控制在 …) */
  comparator: string;
  /**
   * which drafts the target binds: `all` (rates and per-capita figures every level restates) or
   * `same-level` (totals such as 再有30所, shares of subordinate jurisdictions such as 40%的县（市）,
   * which only a draft of the set's own level restates). Inferred when absent.
   */
  binds?: TargetBinds;
  /** a path target: it also binds the drafts of the years before its own, from the set's year (values compared only in its year) */
  path?: boolean;
  /** year by which the target applies (2021, 2025 …) */
  year?: number;
  theme?: string;
  source?: SourceRef;
}

export interface RequirementSet {
  /** bundled name or file path it was loaded from */
  name: string;
  title: string;
  issuer?: string;
  level?: GovLevel;
  year?: number;
  /** the targets are paths (see Target.path) */
  path?: boolean;
  /** the set of the level above (name or path), for a chain 国家 → 省 → 市 → 县 */
  superior?: string;
  source?: SourceRef;
  themes: Theme[];
  targets: Target[];
  /** where the set was loaded from, for locating messages */
  origin?: { path?: string; spans?: Record<string, Span>; /** first 16 hex digits of the SHA-256 of the set file, for the report's footer */ hash?: string };
}
