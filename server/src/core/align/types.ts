/**
 * The result of aligning a draft with its superior plans (requirement sets). Plain JSON-friendly
 * data (no Maps, no class instances, no accessors), so views (report, hover, code lens, tree) can
 * use it as is; the explanation of a theme's matches (keywords, shared terms) is computed on
 * demand by explainTheme (./index.ts) as MatchExplanation.
 */
import type { Indicator, Level, Localized } from '../model.js';
import type { Target, Theme } from '../requirements/types.js';
import type { Span } from '../text.js';
import type { GovLevel } from '../levels.js';

export type ThemeStatus = 'covered' | 'partial' | 'missing';
/**
 * met / stronger / weaker / missing compare a draft indicator with the superior target;
 * not-applicable: the target does not bind this draft (a later year's target, or a provincial
 * total that a lower level does not restate); its values are not compared even where the draft
 * states a figure of the same name.
 * not-comparable: the draft states the target, but in a unit of another dimension (个 for 张, 万人
 * for %), or as a share of an allocated total, or in an earlier year of a path: never "weaker".
 */
export type TargetStatus = 'met' | 'stronger' | 'weaker' | 'missing' | 'not-applicable' | 'not-comparable';

export interface SectionRef {
  /** Section.id in the plan (−1 for a paragraph unit when the draft has no numbered sections) */
  sectionId: number;
  level: Level;
  /** number as written without punctuation ("一", "3") */
  number: string;
  title: string;
  /** the whole section (heading through its last block) */
  span: Span;
  /** the heading line */
  heading: Span;
}

export interface Evidence {
  /** the finest section (or paragraph) carrying the match */
  section: SectionRef;
  /** paragraph span when the evidence is one paragraph of the section */
  span: Span;
  /** normalised score 0–1 (TF-IDF cosine, raised to the keyword floor when a keyword names it) */
  score: number;
  /** the bigram TF-IDF cosine alone */
  similarity: number;
  /** whether a theme keyword or synonym is in the heading */
  keywordInHeading: boolean;
}

/** Why a piece of evidence matches (explainTheme computes it on demand). */
export interface EvidenceExplanation {
  /** theme keywords and synonyms found (those of the heading first) */
  keywords: string[];
  /** shared terms explaining the similarity (maximal common substrings, most weighty first) */
  terms: string[];
}

/** Why a match matches: each piece of its evidence (in order), and their union for display. */
export interface MatchExplanation {
  /** union of the shared terms and keywords of the evidence, for display */
  terms: string[];
  evidence: EvidenceExplanation[];
}

export interface ThemeMatch {
  /** the level-1 (top) section of the plan part that answers the theme */
  section: SectionRef;
  score: number;
  /** strong (≥ the covered threshold) or weak (partial) */
  strength: 'strong' | 'weak';
  /** best evidence first */
  evidence: Evidence[];
}

export interface ThemeAlignment {
  /** requirement set name */
  set: string;
  theme: Theme;
  status: ThemeStatus;
  /** best match score (0–1) */
  score: number;
  matches: ThemeMatch[];
}

export type TargetProblem = 'value' | 'comparator' | 'unit' | 'deadline';

export interface TargetAlignment {
  set: string;
  target: Target;
  status: TargetStatus;
  /** whether the target binds this draft (see TargetStatus) */
  applies: boolean;
  /** the draft indicator matched to the target */
  indicator?: Indicator;
  /** name similarity of the match (0–1) */
  nameScore?: number;
  /** what is weaker: value, comparator (e.g. 左右 for 以上), unit, deadline */
  problems: TargetProblem[];
  /** explanation, e.g. "草案 85% 低于上级 ≥90%" */
  reason: Localized;
  /** the draft indicator value converted to the target's unit, when convertible */
  draftValue?: number;
  /**
   * another applicable target matched to the same draft figure and stricter than this one (one
   * verdict per figure: only that one is reported)
   */
  supersededBy?: { set: string; targetId: string };
  /** the set's government level (which level asked for the target, in a chain) */
  level?: GovLevel;
}

export interface PlanPart {
  /** the draft's year (front matter, else the latest year in its title) */
  year?: number;
  /** the draft's government level, when known (front matter or title: 全省/全市/全县/全区) */
  level?: GovLevel;
  /** top sections reviewed as the plan */
  sections: SectionRef[];
  /** top sections left out (summary of the previous year) */
  excluded: SectionRef[];
  reason: Localized;
}

export interface SectionThemes {
  section: SectionRef;
  /** themes this section answers: "set:themeId" with score */
  themes: { set: string; themeId: string; title: string; score: number; strength: 'strong' | 'weak' }[];
}

export interface AlignmentResult {
  sets: { name: string; title: string }[];
  planPart: PlanPart;
  themes: ThemeAlignment[];
  targets: TargetAlignment[];
  /** per top section of the plan part, the themes it answers (for code lenses and the matrix) */
  sections: SectionThemes[];
  /** top sections of the plan part that answer no theme */
  unmatchedSections: SectionRef[];
  /** overall theme coverage 0–1: (covered + ½·partial) / required themes (all themes when none is required) */
  coverage: number;
  /** target counts by status */
  targetSummary: Record<TargetStatus, number>;
}
