/**
 * The review report: the alignment of one draft with its superior plans, as plain JSON
 * (schemas/review.schema.json). Built from an AlignmentResult; renderers (Markdown, HTML) read
 * only this model.
 */
import type { GovLevel } from '../levels.js';
import { quantityOf, type Localized, type Plan, type Quantity } from '../model.js';
import type { Range } from '../text.js';
import type { AlignmentResult, SectionRef, TargetStatus, ThemeStatus } from '../align/types.js';
import type { RequirementSet, SourceRef } from '../requirements/types.js';
import { describeTarget } from '../align/targets.js';
import { STRONG, WEAK } from '../align/themes.js';

export interface ReviewSectionRef {
  number: string;
  title: string;
  level: number;
  range: Range;
}

export interface ReviewEvidence extends ReviewSectionRef {
  score: number;
  similarity: number;
  terms: string[];
  keywords: string[];
  keywordInHeading: boolean;
}

export interface ReviewThemeSection extends ReviewSectionRef {
  score: number;
  strength: 'strong' | 'weak';
  terms: string[];
  evidence: ReviewEvidence[];
}

export interface ReviewTheme {
  id: string;
  set: string;
  title: string;
  required: boolean;
  status: ThemeStatus;
  score: number;
  source?: SourceRef;
  sections: ReviewThemeSection[];
}

export interface ReviewTargetValue extends Omit<Quantity, 'comparator'> {
  text: string;
  name?: string;
  comparator?: string;
  year?: number;
  range?: Range;
  source?: SourceRef;
}

export interface ReviewTarget {
  id: string;
  set: string;
  name: string;
  status: TargetStatus;
  applies: boolean;
  superior: ReviewTargetValue;
  draft: ReviewTargetValue | null;
  nameScore?: number;
  problems: string[];
  reason: Localized;
}

export interface Review {
  version: 1;
  draft: { path?: string; title?: string; year?: number; level?: GovLevel };
  sets: { name: string; title: string; issuer?: string; level?: string; year?: number }[];
  planPart: { sections: ReviewSectionRef[]; excluded: ReviewSectionRef[]; reason: Localized };
  coverage: number;
  /** the match-score thresholds: weak evidence (partial) and strong evidence (covered) */
  thresholds: { weak: number; strong: number };
  themes: ReviewTheme[];
  targets: ReviewTarget[];
  matrix: { themes: string[]; sections: string[]; cells: number[][] };
  unmatchedSections: ReviewSectionRef[];
  summary: { themes: Record<ThemeStatus, number>; targets: Record<TargetStatus, number> };
}

/** The draft's title: front matter `title`, else the first non-blank line before the first section. */
export function draftTitle(plan: Plan): string | undefined {
  const fm = plan.frontMatter?.data?.title;
  if (typeof fm === 'string' && fm.trim()) return fm.trim();
  const first = plan.allSections[0]?.start ?? plan.text.length;
  const blocks = plan.blocks.filter((b) => b.end <= first && b.text.trim().length > 0 && b.text.trim().length <= 60);
  // prefer a line naming a plan (要点/计划/安排/总结), else the first short line
  const named = blocks.find((b) => /(要点|计划|安排|总结|方案|规划)/.test(b.text));
  return (named ?? blocks[0])?.text.replace(/\s+/g, ' ').trim();
}

export function buildReview(plan: Plan, result: AlignmentResult, sets: readonly RequirementSet[], opts: { path?: string } = {}): Review {
  const range = (s: { start: number; end: number }) => plan.index.rangeOf(s);
  const ref = (s: SectionRef): ReviewSectionRef => ({ number: s.number, title: s.title, level: s.level, range: range(s.span) });
  const themes: ReviewTheme[] = result.themes.map((t) => ({
    id: t.theme.id,
    set: t.set,
    title: t.theme.title,
    required: t.theme.required,
    status: t.status,
    score: t.score,
    ...(t.theme.source ? { source: t.theme.source } : {}),
    sections: t.matches.map((m) => ({
      ...ref(m.section),
      score: m.score,
      strength: m.strength,
      terms: m.terms,
      evidence: m.evidence.map((e) => ({
        ...ref(e.section),
        range: range(e.span),
        score: e.score,
        similarity: e.similarity,
        terms: e.terms,
        keywords: e.keywords,
        keywordInHeading: e.keywordInHeading,
      })),
    })),
  }));
  const targets: ReviewTarget[] = result.targets.map((t) => {
    const sup = t.target;
    const superior: ReviewTargetValue = {
      text: `${sup.name}${describeTarget(sup)}`,
      name: sup.name,
      ...quantityOf(sup),
      ...(sup.year !== undefined ? { year: sup.year } : {}),
      ...(sup.source ? { source: sup.source } : {}),
    };
    const ind = t.indicator;
    const draft: ReviewTargetValue | null = ind
      ? {
          text: ind.text,
          name: ind.name,
          ...quantityOf(ind),
          range: range(ind),
        }
      : null;
    return {
      id: sup.id,
      set: t.set,
      name: sup.name,
      status: t.status,
      applies: t.applies,
      superior,
      draft,
      ...(t.nameScore !== undefined ? { nameScore: t.nameScore } : {}),
      problems: t.problems,
      reason: t.reason,
    };
  });
  const matrixSections = result.sections.map((s) => s.section);
  const cells = result.themes.map((t) =>
    matrixSections.map((s) => t.matches.find((m) => m.section.sectionId === s.sectionId && m.section.span.start === s.span.start)?.score ?? 0),
  );
  const themeSummary: Record<ThemeStatus, number> = { covered: 0, partial: 0, missing: 0 };
  for (const t of result.themes) themeSummary[t.status]++;
  return {
    version: 1,
    draft: {
      ...(opts.path ? { path: opts.path } : {}),
      ...(draftTitle(plan) ? { title: draftTitle(plan) } : {}),
      ...(result.planPart.year !== undefined ? { year: result.planPart.year } : {}),
      ...(result.planPart.level ? { level: result.planPart.level } : {}),
    },
    sets: sets.map((s) => ({ name: s.name, title: s.title, ...(s.issuer ? { issuer: s.issuer } : {}), ...(s.level ? { level: s.level } : {}), ...(s.year !== undefined ? { year: s.year } : {}) })),
    planPart: { sections: result.planPart.sections.map(ref), excluded: result.planPart.excluded.map(ref), reason: result.planPart.reason },
    coverage: result.coverage,
    thresholds: { weak: WEAK, strong: STRONG },
    themes,
    targets,
    matrix: { themes: result.themes.map((t) => (sets.length > 1 ? `${t.set}:${t.theme.id}` : t.theme.id)), sections: matrixSections.map((s) => s.number), cells },
    unmatchedSections: result.unmatchedSections.map(ref),
    summary: { themes: themeSummary, targets: result.targetSummary },
  };
}

/** The section number as a heading writes it: 一、 （一） 3. （3） */
export function sectionLabel(s: { level: number; number: string }): string {
  if (s.number.startsWith('¶')) return s.number;
  return s.level === 1 ? `${s.number}、` : s.level === 2 ? `（${s.number}）` : s.level === 3 ? `${s.number}.` : `（${s.number}）`;
}

export { targetStatusLabel, themeStatusLabel } from '../align/labels.js';
