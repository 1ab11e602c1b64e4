/**
 * The pipeline: text → plan model → findings. Pure: no file system, no editor, no protocol.
 */
import type { Finding, LocatedFinding, Plan, Severity } from './model.js';
import type { BaselineText, Rule, RuleContext } from './rule.js';
import type { RequirementSet } from './requirements/types.js';
import { defaultProfile, type Profile } from './profile.js';
import { parsePlan } from './parse.js';
import { allRules } from './rules/index.js';

export interface AnalyzeOptions {
  profile?: Profile;
  requirements?: readonly RequirementSet[];
  /** rules to run (default: all bundled rules) */
  rules?: readonly Rule[];
  /** the draft's year, when known from outside the text (config) */
  year?: number;
  /** the previous year's summary named by front matter `baseline:` (read by the host) */
  baseline?: BaselineText;
  /**
   * Size guard (UTF-8 bytes). Above it only the structural rules run (numbering/*, enumeration/*,
   * heading/*): no indicator extraction, no indicator, arithmetic, text or alignment rules; an
   * information finding (`planlint/large-document`, the id the language server uses) at the top of the document says so. Unset: no limit.
   */
  maxFullAnalysisBytes?: number;
}

export interface Analysis {
  plan: Plan;
  findings: LocatedFinding[];
  /** set when the size guard reduced the analysis to structural checks */
  limited?: { bytes: number; limit: number };
}

/** Rule ids still checked above the size guard: cheap, linear, structure only. */
export const STRUCTURAL_RULE = /^(numbering|enumeration|heading)\//;

/** Rule id of the information finding added when the size guard applies. */
export const SIZE_LIMIT_ID = 'planlint/large-document';

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

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function runRules(plan: Plan, options: AnalyzeOptions = {}): Finding[] {
  const profile = options.profile ?? defaultProfile;
  const findings: Finding[] = [];
  for (const rule of options.rules ?? allRules) {
    const setting = profile.rules[rule.meta.id] ?? {};
    const configured = setting.severity;
    if (configured === 'off') continue;
    const severity: Severity = configured ?? rule.meta.severity;
    const ctx: RuleContext = {
      plan,
      options: setting.options ?? {},
      requirements: options.requirements ?? [],
      year: options.year,
      baseline: options.baseline,
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
  findings.sort((a, b) => a.start - b.start || a.end - b.end || severityOrder[a.severity] - severityOrder[b.severity]);
  return findings;
}

export function locate(plan: Plan, findings: readonly Finding[]): LocatedFinding[] {
  return findings.map((f) => ({ ...f, range: plan.index.rangeOf(f) }));
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const limit = options.maxFullAnalysisBytes;
  // cheap pre-check: a UTF-8 character takes at most 3 bytes per UTF-16 code unit
  const bytes = limit !== undefined && text.length * 3 > limit ? utf8Length(text) : 0;
  if (limit === undefined || bytes <= limit) {
    const plan = parsePlan(text);
    return { plan, findings: locate(plan, runRules(plan, options)) };
  }
  const plan = parsePlan(text, { indicators: false });
  const rules = (options.rules ?? allRules).filter((r) => STRUCTURAL_RULE.test(r.meta.id));
  const findings = runRules(plan, { ...options, rules, requirements: [] });
  const mb = (n: number) => (n / 1048576).toFixed(1);
  const firstLineEnd = plan.index.lineEnd(0);
  findings.unshift({
    ruleId: SIZE_LIMIT_ID,
    severity: 'information',
    start: 0,
    end: firstLineEnd,
    message: {
      zh: `文稿较大（${mb(bytes)} MB，超过 ${mb(limit)} MB），仅检查结构（序号、列举、标题标点）；指标、算术、文字和对标检查未运行`,
      en: `large draft (${mb(bytes)} MB, over ${mb(limit)} MB): structural checks only (numbering, enumerations, heading punctuation); indicator, arithmetic, text and alignment checks were skipped`,
    },
    data: { bytes, limit },
  });
  return { plan, findings: locate(plan, findings), limited: { bytes, limit } };
}
