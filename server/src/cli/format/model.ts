/**
 * The machine-readable result of `planlint check` (schemas/report.schema.json). Field names are a
 * contract: files[].sections/enumerations/indicators/diagnostics and summary.
 */
import type { LocatedFinding, Plan, Severity } from '../../core/model.js';
import type { Range } from '../../core/text.js';
import type { ConfigProblem } from '../../node/problems.js';
import type { Lang } from '../env.js';
import type { DraftFailure, DraftResult } from '../pipeline.js';

export const TOOL_NAME = 'planlint';
export const TOOL_VERSION = PLANLINT_VERSION;

export { enumerationJson, indicatorJson, sectionJson, type JsonEnumeration, type JsonIndicator, type JsonSection } from '../../core/report/plan-json.js';
import { enumerationJson, indicatorJson, sectionJson, type JsonEnumeration, type JsonIndicator, type JsonSection } from '../../core/report/plan-json.js';
import { PLANLINT_VERSION } from '../../core/version.js';

export interface JsonEdit {
  range: Range;
  newText: string;
}

export interface JsonDiagnostic {
  /** rule id */
  code: string;
  severity: Severity;
  /** message in the chosen language */
  message: string;
  messages: { zh: string; en: string };
  standard?: string;
  range: Range;
  source: 'planlint';
  fix?: { title: string; safe: boolean; edits: JsonEdit[] };
}

export interface JsonFile {
  path: string;
  encoding: string;
  metadata?: { title?: string; year?: number; level?: string; issuer?: string; profile: string; requirements: string[] };
  sections: JsonSection[];
  enumerations: JsonEnumeration[];
  indicators: JsonIndicator[];
  diagnostics: JsonDiagnostic[];
  suppressed: number;
  fixed: number;
}

export interface JsonProblem {
  /** file the problem is in ("" for the command line) */
  file: string;
  code: string;
  severity: Severity;
  message: string;
  range?: Range;
}

export interface JsonSummary {
  files: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  fixed: number;
  suppressed: number;
  /** input and configuration problems (files[] excluded) */
  problems: number;
}

export interface JsonReport {
  version: 1;
  tool: { name: string; version: string };
  lang: Lang;
  files: JsonFile[];
  problems: JsonProblem[];
  summary: JsonSummary;
}

export function diagnosticJson(f: LocatedFinding, plan: Plan, lang: Lang): JsonDiagnostic {
  const d: JsonDiagnostic = {
    code: f.ruleId,
    severity: f.severity,
    message: f.message[lang],
    messages: { zh: f.message.zh, en: f.message.en },
    range: f.range,
    source: 'planlint',
  };
  if (f.standard) d.standard = f.standard;
  if (f.fix) d.fix = { title: f.fix.title[lang], safe: f.fix.safe, edits: f.fix.edits.map((e) => ({ range: plan.index.rangeOf(e), newText: e.newText })) };
  return d;
}

/**
 * One file of the report. `structure: false` leaves the sections, enumerations and indicators
 * empty: only the JSON format prints them, and converting them (a line and column for every span)
 * was several ms of a short CLI run in the other formats.
 */
export function fileJson(r: DraftResult, lang: Lang, structure = true): JsonFile {
  const { plan } = r;
  const m = r.settings.meta;
  return {
    path: r.display,
    encoding: r.decoded.encoding + (r.decoded.bom ? ' (BOM)' : ''),
    metadata: {
      ...(m.title ? { title: m.title } : {}),
      ...(m.year ? { year: m.year } : {}),
      ...(m.level ? { level: m.level } : {}),
      ...(m.issuer ? { issuer: m.issuer } : {}),
      profile: r.settings.profile.name,
      requirements: r.requirements.map((s) => s.name),
    },
    sections: structure ? plan.sections.map((s) => sectionJson(s, plan)) : [],
    enumerations: structure ? plan.enumerations.map((e) => enumerationJson(e, plan)) : [],
    indicators: structure ? plan.indicators.map((i) => indicatorJson(i, plan)) : [],
    diagnostics: r.findings.map((f) => diagnosticJson(f, plan, lang)),
    suppressed: r.suppressed.length,
    fixed: r.fixed,
  };
}

export interface RunOutcome {
  results: DraftResult[];
  failures: DraftFailure[];
  /** input problems (missing files, globs that match nothing) and external configuration problems */
  problems: ConfigProblem[];
}

export function countSeverities(findings: readonly { severity: Severity }[]): Pick<JsonSummary, 'errors' | 'warnings' | 'information' | 'hints'> {
  const c = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else if (f.severity === 'information') c.information++;
    else c.hints++;
  }
  return c;
}

/** The report every format is rendered from; `structure` as in `fileJson` (true for `--format json`). */
export function buildReport(outcome: RunOutcome, lang: Lang, structure = true): JsonReport {
  const files = outcome.results.map((r) => fileJson(r, lang, structure));
  const all = outcome.results.flatMap((r) => r.findings);
  const problems: JsonProblem[] = [
    ...outcome.failures.map((f) => ({ file: f.display, code: f.code ?? 'input/unreadable', severity: 'error' as const, message: f.message[lang] })),
    ...outcome.problems.map((p) => ({ file: p.file, code: p.ruleId, severity: p.severity, message: p.message[lang], ...(p.file ? { range: p.range } : {}) })),
  ];
  return {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    lang,
    files,
    problems,
    summary: {
      files: files.length,
      ...countSeverities(all),
      fixed: outcome.results.reduce((n, r) => n + r.fixed, 0),
      suppressed: outcome.results.reduce((n, r) => n + r.suppressed.length, 0),
      problems: problems.length,
    },
  };
}
