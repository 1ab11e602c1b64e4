/**
 * SARIF 2.1.0 (node-sarif-builder, loaded only for --format sarif): one run, rules from the rule
 * metadata, results with 1-based regions (columns in UTF-16 code units) and fixes where offered.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../../core/model.js';
import { allRules } from '../../core/rules/index.js';
import type { Range } from '../../core/text.js';
import type { Lang } from '../env.js';
import { configRules } from '../meta.js';
import { TOOL_NAME, TOOL_VERSION, type JsonReport } from './model.js';

const level: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function uri(path: string): string {
  return path
    .split('\\')
    .join('/')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

export function buildSarif(report: JsonReport, lang: Lang): Log {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SarifBuilder, SarifRunBuilder, SarifRuleBuilder, SarifResultBuilder } = require('node-sarif-builder') as typeof import('node-sarif-builder');
  const builder = new SarifBuilder();
  const run = new SarifRunBuilder().initSimple({ toolDriverName: TOOL_NAME, toolDriverVersion: TOOL_VERSION });
  run.run.columnKind = 'utf16CodeUnits';
  run.run.language = lang === 'zh' ? 'zh-CN' : 'en-US';
  const rules: ReportingDescriptor[] = [];
  for (const r of allRules) {
    const rb = new SarifRuleBuilder().initSimple({ ruleId: r.meta.id, shortDescriptionText: r.meta.description[lang], fullDescriptionText: `${r.meta.description.zh} / ${r.meta.description.en}` });
    rb.rule.defaultConfiguration = { level: level[r.meta.severity] };
    rb.rule.properties = { ...(r.meta.standard ? { standard: r.meta.standard } : {}), fixable: r.meta.fixable };
    run.addRule(rb);
    rules.push(rb.rule);
  }
  for (const r of configRules) {
    const rb = new SarifRuleBuilder().initSimple({ ruleId: r.id, shortDescriptionText: r.description[lang], fullDescriptionText: `${r.description.zh} / ${r.description.en}` });
    rb.rule.defaultConfiguration = { level: level[r.severity] };
    run.addRule(rb);
  }
  const add = (sev: Severity, file: string, range: Range | undefined, code: string, message: string, fix?: { title: string; edits: { range: Range; newText: string }[] }) => {
    const res = new SarifResultBuilder();
    res.setLevel(level[sev]);
    res.setMessageText(message);
    res.setRuleId(code);
    if (file) {
      res.setLocationArtifactUri({ uri: uri(file) });
      if (range) res.setLocationRegion(region(range));
    }
    if (fix && file) {
      res.result.fixes = [
        {
          description: { text: fix.title },
          artifactChanges: [{ artifactLocation: { uri: uri(file) }, replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }],
        },
      ];
    }
    run.addResult(res);
  };
  for (const f of report.files) for (const d of f.diagnostics) add(d.severity, f.path, d.range, d.code, d.message, d.fix);
  for (const p of report.problems) add(p.severity, p.file, p.range, p.code, p.message);
  builder.addRun(run);
  return builder.buildSarifOutput();
}

export function formatSarif(report: JsonReport, lang: Lang): string {
  return JSON.stringify(buildSarif(report, lang), null, 2) + '\n';
}
