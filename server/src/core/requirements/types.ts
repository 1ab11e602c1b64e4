/**
 * A requirement set: the machine-readable form of a superior plan (schemas/requirements.schema.json).
 */
import type { Span } from '../text.js';
import type { Quantity } from '../model.js';

export type GovLevel = '国家' | '省' | '市' | '县';

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
  binds?: 'all' | 'same-level';
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
  source?: SourceRef;
  themes: Theme[];
  targets: Target[];
  /** where the set was loaded from, for locating messages */
  origin?: { path?: string; spans?: Record<string, Span> };
}
