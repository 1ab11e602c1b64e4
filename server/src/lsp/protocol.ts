/**
 * planlint's custom requests between the extension (or any client) and the language server.
 * Plain data and method names only: no runtime imports (type imports are erased), so the
 * extension bundle stays small. Ranges follow LSP (zero-based line, UTF-16 character).
 */
import type { TargetStatus, ThemeStatus } from '../core/align/types.js';

export interface PRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface UriParams {
  uri: string;
}

export type { ThemeStatus };
/** A target's alignment status: the core's own type (core/align/types.ts), never a free string. */
export type { TargetStatus };

export interface AlignmentSectionRef {
  number: string;
  title: string;
  range: PRange;
}

export interface AlignmentTheme {
  id: string;
  title: string;
  status: ThemeStatus | string;
  required: boolean;
  /** the requirement set the theme comes from */
  set: string;
  sections: AlignmentSectionRef[];
  /** shared terms that explain the match */
  terms: string[];
  quote?: string;
}

export interface AlignmentTarget {
  id: string;
  name: string;
  status: TargetStatus;
  set: string;
  theme?: string;
  /** the superior's wording, e.g. "保持在90%以上" */
  superior: string;
  /** the draft's statement, when matched */
  draft?: string;
  range?: PRange;
}

export interface AlignmentResult {
  uri: string;
  version: number | null;
  /** names of the requirement sets that applied (empty: no alignment) */
  sets: string[];
  coverage: number | null;
  themes: AlignmentTheme[];
  targets: AlignmentTarget[];
}

export interface StatsResult {
  uri: string;
  /** whether the server treats the document as a plan (false: not analysed) */
  isPlan: boolean;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  sections: number;
  indicators: number;
  /** 0–1 when requirement sets apply, otherwise null */
  coverage: number | null;
}

export interface ReportParams extends UriParams {
  format: 'html' | 'md' | 'json';
}

export interface ReportResult {
  format: 'html' | 'md' | 'json';
  content: string;
  /** false when no report could be made (no requirement sets, or the module is unavailable) */
  available: boolean;
  message?: string;
}

export interface CsvResult {
  content: string;
  count: number;
}

export type EditKind = 'renumber' | 'normalise' | 'fixAll' | 'insertMissingThemes';

export interface EditsParams extends UriParams {
  kind: EditKind;
}

export interface EditsResult {
  /** LSP TextEdits against the document's current version */
  edits: { range: PRange; newText: string }[];
  version: number | null;
}

export const Methods = {
  alignment: 'planlint/alignment',
  stats: 'planlint/stats',
  report: 'planlint/report',
  indicatorsCsv: 'planlint/indicatorsCsv',
  edits: 'planlint/edits',
} as const;

/** Source code action kind for "fix all safe problems". */
export const FixAllKind = 'source.fixAll.planlint';
