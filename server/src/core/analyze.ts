/**
 * The pipeline: text → plan model → findings. Pure: no file system, no editor, no protocol.
 */
import type { Finding, LocatedFinding, Plan, Severity } from './model.js';
import type { Rule, RuleContext } from './rule.js';
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
}

export interface Analysis {
  plan: Plan;
  findings: LocatedFinding[];
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
  const plan = parsePlan(text);
  return { plan, findings: locate(plan, runRules(plan, options)) };
}
