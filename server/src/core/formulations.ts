/**
 * Fixed formulations (固定提法: 两个维护, 四个意识, 三农 …): names, not counts. The bundled list is
 * server/data/formulations.yaml (schema schemas/formulations.schema.json), compiled into the bundle
 * as text; the core parses it when a rule asks, and never reads a file. Users add names through the
 * options of the rules that use them (numbering/count-word `formulations`).
 */
import bundledText from '../../data/formulations.yaml?raw';
import { yaml } from './yaml.js';

export interface Formulation {
  name: string;
  members?: string[];
  variants?: string[];
  kind?: 'formulation' | 'meeting' | 'banned';
  since?: number;
  source: string;
}

/** The bundled list's entries (parsed on each call: callers ask once per analysis, and only when they need it). */
export function bundledFormulations(): Formulation[] {
  const data = yaml().parse(bundledText) as { formulations?: Formulation[] } | null;
  return data?.formulations ?? [];
}

/** Every written form that names a formulation (canonical names and their known variants), longest first. */
export function formulationForms(list: readonly Formulation[], extra: readonly string[] = []): string[] {
  const out = new Set<string>(extra);
  for (const f of list) {
    out.add(f.name);
    for (const v of f.variants ?? []) out.add(v);
  }
  return [...out].sort((a, b) => b.length - a.length);
}
