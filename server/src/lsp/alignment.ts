/**
 * The alignment of a draft with its requirement sets, in the shape the views need (hover, code
 * lens, tree view, status bar). Adapter over the core alignment module; cached per analysis.
 */
import type { AnalysisSession } from '../core/session.js';
import type { Plan } from '../core/model.js';
import type { RequirementSet } from '../core/requirements/types.js';
import { alignPlan, explainTheme } from '../core/align/index.js';
import type { TargetStatus, ThemeStatus } from '../core/align/types.js';

export interface ThemeView {
  id: string;
  title: string;
  status: ThemeStatus;
  required: boolean;
  set: string;
  /** ids of the draft's top sections that answer the theme */
  sectionIds: number[];
  /** ids of the finer sections carrying the evidence */
  evidenceIds: number[];
  terms: string[];
  quote?: string;
}

export interface TargetView {
  id: string;
  name: string;
  status: TargetStatus;
  set: string;
  theme?: string;
  /** the superior's wording */
  superior: string;
  /** index into plan.indicators of the matched draft indicator */
  indicator?: number;
}

export interface AlignView {
  sets: string[];
  coverage: number | null;
  themes: ThemeView[];
  targets: TargetView[];
}

export function targetWording(t: { comparator: string; value: number; value2?: number; unit: string; qualifier?: string; deadline?: string }): string {
  const v = t.value2 !== undefined ? `${t.value}${t.unit}～${t.value2}${t.unit}` : `${t.value}${t.unit}`;
  return `${t.deadline ? t.deadline : ''}${t.comparator}${v}${t.qualifier ?? ''}`;
}

const cache = new WeakMap<Plan, AlignView | null>();

export function alignmentOf(plan: Plan, requirements: readonly RequirementSet[], year?: number, session?: AnalysisSession): AlignView | undefined {
  if (requirements.length === 0) return undefined;
  const hit = cache.get(plan);
  if (hit !== undefined) return hit ?? undefined;
  const view = computeAlignment(plan, requirements, year, session);
  cache.set(plan, view ?? null);
  return view;
}

function computeAlignment(
  plan: Plan,
  requirements: readonly RequirementSet[],
  year: number | undefined,
  session: AnalysisSession | undefined,
): AlignView | undefined {
  const r = alignPlan(plan, requirements, { year, session });
  const ids = (xs: number[]) => [...new Set(xs.filter((id) => id >= 0))];
  return {
    sets: r.sets.map((s) => s.name),
    coverage: r.coverage,
    themes: r.themes.map((t) => ({
      id: t.theme.id,
      title: t.theme.title,
      status: t.status,
      required: t.theme.required,
      set: t.set,
      sectionIds: ids(t.matches.map((m) => m.section.sectionId)),
      evidenceIds: ids(t.matches.flatMap((m) => m.evidence.map((e) => e.section.sectionId))),
      terms: [...new Set(explainTheme(plan, requirements, t, { year, session }).flatMap((m) => m.terms))],
      quote: t.theme.source?.quote,
    })),
    targets: r.targets.map((t) => {
      const index = t.indicator ? plan.indicators.indexOf(t.indicator) : -1;
      return {
        id: t.target.id,
        name: t.target.name,
        status: t.status,
        set: t.set,
        theme: t.target.theme,
        superior: targetWording(t.target),
        indicator: index >= 0 ? index : undefined,
      };
    }),
  };
}
