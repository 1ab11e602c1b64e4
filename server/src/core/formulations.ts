/**
 * Fixed formulations (固定提法: 两个维护, 四个意识, 三农 …): names, not counts. The bundled list is
 * server/data/formulations.yaml (schema schemas/formulations.schema.json), compiled to JSON at build
 * time and loaded once by proofread/data.ts (the one loader of bundled lists); the core reads no file. Users add names through the
 * options of the rules that use them (numbering/count-word `formulations`).
 */
import { bundledFormulations, type FormulationEntry } from './proofread/data.js';

export { bundledFormulations };

/** One entry of the list (server/data/formulations.yaml, compiled at build time; one loader in proofread/data.ts). */
export type Formulation = FormulationEntry;

/** Every written form that names a formulation (canonical names and their known variants), longest first. */
export function formulationForms(list: readonly Formulation[], extra: readonly string[] = []): string[] {
  const out = new Set<string>(extra);
  for (const f of list) {
    out.add(f.name);
    for (const v of f.variants ?? []) out.add(v);
  }
  return [...out].sort((a, b) => b.length - a.length);
}
