/**
 * The one analysis pipeline: text → plan model → findings, for the CLI, the language server, the
 * benchmark and the tests alike. Pure and synchronous: no file system, no editor, no protocol.
 *
 *   analyzeDocument(text, context, session, hooks)
 *     = parseDocument (structure) → context (settings, requirement sets, problems)
 *       → analysisSteps: size guard → indicator extraction → each rule, isolated
 *       → configuration problems as located findings → suppression → sort → locate
 *
 * Everything kept between analyses lives in `session` (./session.ts). The language server drives
 * analysisSteps itself to yield to the event loop between rules.
 */
import type { Finding, LocatedFinding, Localized, Plan, Severity } from './model.js';
import type { BaselineText, Rule, RuleContext, RuleTag } from './rule.js';
import type { RequirementSet } from './requirements/types.js';
import type { Range } from './text.js';
import { defaultProfile, type Profile } from './profile.js';
import { parsePlan } from './parse.js';
import { allRules } from './rules/index.js';
import { analyzeQuantities, extractIndicators, type QuantityAnalysis } from './indicators.js';
import { alignPlan } from './align/index.js';
import { applySuppressions } from './suppress.js';
import { createSession, type AnalysisSession } from './session.js';

/**
 * The size guard, in UTF-8 bytes, the same for the CLI and the language server (setting
 * `planlint.maxDocumentSize`): above it only the rules tagged `structural` run, no indicator is
 * extracted, and an information finding (`planlint/large-document`) on the first line says so.
 */
export const DEFAULT_MAX_FULL_ANALYSIS_BYTES = 2_000_000;

/** Rule id of the information finding added when the size guard applies. */
export const SIZE_LIMIT_ID = 'planlint/large-document';

/** Rule id of the finding that stands for a rule (or stage) that threw. */
export const INTERNAL_ERROR_ID = 'internal/error';

/** The tag of the rules still checked above the size guard: cheap, linear, structure only. */
export const STRUCTURAL_TAG: RuleTag = 'structural';

/** Whether a rule carries a tag. */
export function hasTag(rule: Rule, tag: RuleTag): boolean {
  return rule.meta.tags.includes(tag);
}

/** A configuration problem inside the draft (front matter, a requirement reference), by line and character. */
export interface DraftProblem {
  range: Range;
  ruleId: string;
  severity: Severity;
  message: Localized;
}

/** What an analysis needs besides the text: settings, profile, requirement sets, problems. */
export interface DocumentContext {
  profile?: Profile;
  requirements?: readonly RequirementSet[];
  /** the draft's year, when known from outside the text (config) */
  year?: number;
  /** rules to run (default: all bundled rules) */
  rules?: readonly Rule[];
  /** configuration problems to report in the draft, as located findings */
  problems?: readonly DraftProblem[];
  /** size guard in UTF-8 bytes (default DEFAULT_MAX_FULL_ANALYSIS_BYTES; Infinity: none) */
  maxFullAnalysisBytes?: number;
  /** apply the draft's disable markers (default true) */
  suppress?: boolean;
  /** the previous year's summary named by front matter `baseline:` (read by the host) */
  baseline?: BaselineText;
}

export interface AnalysisHooks {
  /** asked between stages and rules: true stops the analysis with AnalysisCancelled */
  isCancelled?: () => boolean;
  /** a stage or rule threw (it is reported as an internal/error finding too): for logs */
  onError?: (stage: string, error: unknown) => void;
}

export interface DocumentAnalysis {
  plan: Plan;
  /** findings after suppression, sorted by position, with their ranges */
  findings: LocatedFinding[];
  /** findings the draft's disable markers suppressed */
  suppressed: LocatedFinding[];
  /** set when the size guard reduced the analysis to structural checks */
  limited?: { bytes: number; limit: number };
  /** names of the rules or stages that threw (each also an internal/error finding) */
  failures: string[];
}

export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

/** UTF-8 length of a string without encoding it (lone surrogates count as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The one order of severities (most severe first). */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = Object.freeze({ error: 0, warning: 1, information: 2, hint: 3 });

/** Position order, then severity. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

/** Parses the draft's structure (no indicators yet: they come after the size guard). */
export function parseDocument(text: string, session: AnalysisSession): Plan {
  return parsePlan(text, { indicators: false }, session);
}

/** A configuration problem as a finding at its place in the draft (the one conversion). */
export function problemToFinding(p: DraftProblem, plan: Plan): Finding {
  const start = plan.index.offsetAt(p.range.start);
  const end = Math.max(start, plan.index.offsetAt(p.range.end));
  return { start, end, ruleId: p.ruleId, severity: p.severity, message: p.message };
}

const EMPTY_QUANTITIES: QuantityAnalysis = Object.freeze({ quantities: [], indicators: [] }) as unknown as QuantityAnalysis;

/**
 * Runs rules on a parsed plan (no isolation, no suppression) in `session` (default: a fresh one):
 * findings sorted by position.
 */
export function runRules(plan: Plan, options: DocumentContext & { quantities?: QuantityAnalysis } = {}, session: AnalysisSession = createSession()): Finding[] {
  const profile = options.profile ?? defaultProfile;
  const requirements = options.requirements ?? [];
  const findings: Finding[] = [];
  const quantities = options.quantities ?? analyzeQuantities(plan, session);
  for (const rule of options.rules ?? allRules) {
    const setting = profile.rules[rule.meta.id] ?? {};
    const configured = setting.severity;
    if (configured === 'off') continue;
    const severity: Severity = configured ?? rule.meta.severity;
    const ctx: RuleContext = {
      plan,
      options: setting.options ?? {},
      requirements,
      year: options.year,
      quantities,
      alignment: () => alignPlan(plan, requirements, { year: options.year, session }),
      baseline: options.baseline,
      session,
      report(f) {
        findings.push({
          ...f,
          ruleId: rule.meta.id,
          severity: configured ?? f.severity ?? severity,
          standard: f.standard ?? rule.meta.standard,
        });
      },
    };
    rule.check(ctx);
  }
  findings.sort(compareFindings);
  return findings;
}

export function locate(plan: Plan, findings: readonly Finding[]): LocatedFinding[] {
  return findings.map((f) => ({ ...f, range: plan.index.rangeOf(f) }));
}

function firstLine(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}

function internalFinding(name: string, e: unknown): Finding {
  const why = firstLine(e);
  const rule = name.includes('/');
  return {
    start: 0,
    end: 0,
    ruleId: INTERNAL_ERROR_ID,
    severity: 'error',
    message: rule
      ? {
          zh: `规则 ${name} 内部错误，其结果缺失：${why}（请报告此问题）`,
          en: `internal error in rule ${name}, its findings are missing: ${why} (please report this)`,
        }
      : { zh: `${name} 阶段内部错误：${why}（请报告此问题）`, en: `internal error in stage ${name}: ${why} (please report this)` },
  };
}

function largeDocumentFinding(plan: Plan, bytes: number, limit: number): Finding {
  const size = (n: number, zh: boolean) =>
    n >= 104858 ? `${(n / 1048576).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} ${zh ? '字节' : 'bytes'}`;
  return {
    ruleId: SIZE_LIMIT_ID,
    severity: 'information',
    start: 0,
    end: plan.index.lineEnd(0),
    message: {
      zh: `文稿较大（${size(bytes, true)}，超过 ${size(limit, true)}），仅检查结构（序号、列举、标题标点）；指标、算术、文字和对标检查未运行`,
      en: `large draft (${size(bytes, false)}, over ${size(limit, false)}): structural checks only (numbering, enumerations, heading punctuation); indicator, arithmetic, text and alignment checks were skipped`,
    },
    data: { bytes, limit },
  };
}

/**
 * The analysis of a parsed structure (parseDocument) in steps: it pauses (yields) before each
 * rule, so a host can yield to its event loop and give up when the work is superseded. Drain it
 * with runSteps, or use analyzeDocument.
 */
export function* analysisSteps(
  structure: Plan,
  context: DocumentContext,
  session: AnalysisSession,
  hooks: AnalysisHooks = {},
): Generator<string, DocumentAnalysis, void> {
  const text = structure.text;
  const failures: string[] = [];
  const internal: Finding[] = [];
  const fail = (name: string, e: unknown) => {
    failures.push(name);
    internal.push(internalFinding(name, e));
    hooks.onError?.(name, e);
  };
  const limit = context.maxFullAnalysisBytes ?? DEFAULT_MAX_FULL_ANALYSIS_BYTES;
  // cheap pre-check: a UTF-8 character takes at most 3 bytes per UTF-16 code unit
  const bytes = text.length * 3 > limit ? utf8Length(text) : 0;
  const limited = bytes > limit ? { bytes, limit } : undefined;
  let rules = context.rules ?? allRules;
  let plan = structure;
  let quantities = EMPTY_QUANTITIES;
  if (limited) rules = rules.filter((r) => hasTag(r, STRUCTURAL_TAG));
  else {
    try {
      plan = { ...structure, indicators: extractIndicators(structure, session) };
      quantities = analyzeQuantities(plan, session);
    } catch (e) {
      fail('indicators', e);
    }
  }
  // each rule runs on its own: a bug in one rule costs its findings, not the analysis
  const findings: Finding[] = [];
  for (const rule of rules) {
    yield rule.meta.id;
    try {
      const found = runRules(
        plan,
        {
          profile: context.profile,
          requirements: limited ? [] : context.requirements,
          year: context.year,
          baseline: context.baseline,
          rules: [rule],
          quantities,
        },
        session,
      );
      // a loop, not push(...spread): a rule with 150,000 findings would overflow the call stack
      for (const f of found) findings.push(f);
    } catch (e) {
      fail(rule.meta.id, e);
    }
  }
  if (limited) findings.unshift(largeDocumentFinding(plan, bytes, limit));
  for (const p of context.problems ?? []) findings.push(problemToFinding(p, plan));
  // stable: equal positions keep rule order (and severity order within a rule)
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  let kept: Finding[] = findings;
  let suppressed: Finding[] = [];
  if (context.suppress !== false) {
    try {
      ({ kept, suppressed } = applySuppressions(findings, { text, index: plan.index, frontMatter: plan.frontMatter }));
    } catch (e) {
      fail('suppression', e);
    }
  }
  if (internal.length) {
    kept = [...kept, ...internal];
    kept.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return { plan, findings: locate(plan, kept), suppressed: locate(plan, suppressed), failures, ...(limited ? { limited } : {}) };
}

/** Drains analysisSteps synchronously, asking `isCancelled` before each step. */
export function runSteps(steps: Generator<string, DocumentAnalysis, void>, hooks: AnalysisHooks = {}): DocumentAnalysis {
  for (;;) {
    if (hooks.isCancelled?.()) throw new AnalysisCancelled();
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * THE entry point: one draft's text through the whole analysis. `context` may depend on the
 * parsed structure (front matter settings): pass a function of the plan then.
 */
export function analyzeDocument(
  text: string,
  context: DocumentContext | ((structure: Plan) => DocumentContext),
  session: AnalysisSession,
  hooks: AnalysisHooks = {},
): DocumentAnalysis {
  const structure = parseDocument(text, session);
  const ctx = typeof context === 'function' ? context(structure) : context;
  return runSteps(analysisSteps(structure, ctx, session, hooks), hooks);
}

/** Options of analyze() (tests, scripts): the DocumentContext of one analysis. */
export type AnalyzeOptions = DocumentContext;

/**
 * analyzeDocument in `session`, default a fresh one (tests and scripts that keep no session of
 * their own). Without a size guard unless `maxFullAnalysisBytes` is given.
 */
export function analyze(text: string, options: AnalyzeOptions = {}, session: AnalysisSession = createSession()): DocumentAnalysis {
  return analyzeDocument(text, { ...options, maxFullAnalysisBytes: options.maxFullAnalysisBytes ?? Infinity }, session);
}

export { createSession, type AnalysisSession };
