/**
 * The alignment of a draft with its requirement sets, in the shape the views need (hover, code
 * lens, tree view, status bar). Adapter over the core alignment module; cached per analysis.
 */
import type { Plan } from '../core/model.js';
import type { RequirementSet } from '../core/requirements/types.js';

export interface ThemeView {
  id: string;
  title: string;
  status: string;
  required: boolean;
  set: string;
  /** ids of the draft sections that answer the theme */
  sectionIds: number[];
  terms: string[];
  quote?: string;
}

export interface TargetView {
  id: string;
  name: string;
  status: string;
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

export function alignmentOf(plan: Plan, requirements: readonly RequirementSet[]): AlignView | undefined {
  if (requirements.length === 0) return undefined;
  const hit = cache.get(plan);
  if (hit !== undefined) return hit ?? undefined;
  const view = computeAlignment(plan, requirements);
  cache.set(plan, view ?? null);
  return view;
}

function computeAlignment(_plan: Plan, _requirements: readonly RequirementSet[]): AlignView | undefined {
  return undefined;
}
