/**
 * SARIF 2.1.0 (node-sarif-builder, loaded only for --format sarif): one run, rules from the rule
 * metadata, results with 1-based regions (columns in UTF-16 code units) and fixes where offered.
 * Code scanning (issue 17): every relative location names `uriBaseId: %SRCROOT%` (the working
 * directory, given in originalUriBaseIds); every rule, configuration ids included, has a full
 * description, `help` (text and Markdown) and `helpUri` (its anchor in docs/rules.md, or in
 * PLANLINT_DOCS_URL); the invocation records the exit status.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../../core/model.js';
import { allRules } from '../../core/rules/index.js';
import type { Range } from '../../core/text.js';
import type { Lang } from '../env.js';
import { configRules } from '../meta.js';
import { ruleDocUrl } from '../../node/ruledocs.js';
import { pathToFileURL } from 'node:url';
import * as nodePath from 'node:path';
import { TOOL_NAME, TOOL_VERSION, type JsonReport } from './model.js';

const level: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** a location: relative paths against %SRCROOT%, absolute ones (outside the working directory) as file URIs */
function artifact(path: string): { uri: string; uriBaseId?: string } {
  if (nodePath.isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: uri(path), uriBaseId: SRCROOT };
}

const SRCROOT = '%SRCROOT%';

function uri(path: string): string {
  return path
    .split('\\')
    .join('/')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function help(id: string, description: { zh: string; en: string }, standard?: string): ReportingDescriptor['help'] {
  const std = standard ? `\n\n依据 / standard: ${standard}` : '';
  const url = ruleDocUrl(id);
  return {
    text: `${description.zh}\n${description.en}${std}`,
    markdown: `**${id}**\n\n${description.zh}\n\n*${description.en}*${std}${url && !url.startsWith('file:') ? `\n\n[docs/rules.md](${url})` : ''}`,
  };
}

export interface SarifInvocation {
  /** the process exit status planlint is about to return */
  exitCode: number;
}

export function buildSarif(report: JsonReport, lang: Lang, invocation?: SarifInvocation): Log {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SarifBuilder, SarifRunBuilder, SarifRuleBuilder, SarifResultBuilder } = require('node-sarif-builder') as typeof import('node-sarif-builder');
  const builder = new SarifBuilder();
  const run = new SarifRunBuilder().initSimple({ toolDriverName: TOOL_NAME, toolDriverVersion: TOOL_VERSION });
  run.run.columnKind = 'utf16CodeUnits';
  run.run.language = lang === 'zh' ? 'zh-CN' : 'en-US';
  const rules: ReportingDescriptor[] = [];
  for (const r of allRules) {
    const rb = new SarifRuleBuilder().initSimple({
      ruleId: r.meta.id,
      shortDescriptionText: r.meta.description[lang],
      fullDescriptionText: `${r.meta.description.zh} / ${r.meta.description.en}`,
    });
    rb.rule.defaultConfiguration = { level: level[r.meta.severity] };
    rb.rule.properties = { ...(r.meta.standard ? { standard: r.meta.standard } : {}), fixable: r.meta.fixable };
    rb.rule.help = help(r.meta.id, r.meta.description, r.meta.standard);
    const helpUri = ruleDocUrl(r.meta.id);
    if (helpUri) rb.rule.helpUri = helpUri;
    run.addRule(rb);
    rules.push(rb.rule);
  }
  for (const r of configRules) {
    const rb = new SarifRuleBuilder().initSimple({
      ruleId: r.id,
      shortDescriptionText: r.description[lang],
      fullDescriptionText: `${r.description.zh} / ${r.description.en}`,
    });
    rb.rule.defaultConfiguration = { level: level[r.severity] };
    rb.rule.help = help(r.id, r.description);
    const helpUri = ruleDocUrl(r.id);
    if (helpUri) rb.rule.helpUri = helpUri;
    run.addRule(rb);
  }
  run.run.originalUriBaseIds = { [SRCROOT]: { uri: pathToFileURL(process.cwd() + nodePath.sep).href } };
  if (invocation) run.run.invocations = [{ executionSuccessful: invocation.exitCode !== 2, exitCode: invocation.exitCode }];
  const add = (
    sev: Severity,
    file: string,
    range: Range | undefined,
    code: string,
    message: string,
    fix?: { title: string; edits: { range: Range; newText: string }[] },
  ) => {
    const res = new SarifResultBuilder();
    res.setLevel(level[sev]);
    res.setMessageText(message);
    res.setRuleId(code);
    if (file) {
      res.setLocationArtifactUri(artifact(file));
      if (range) res.setLocationRegion(region(range));
    }
    if (fix && file) {
      res.result.fixes = [
        {
          description: { text: fix.title },
          artifactChanges: [
            {
              artifactLocation: artifact(file),
              replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
            },
          ],
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

export function formatSarif(report: JsonReport, lang: Lang, invocation?: SarifInvocation): string {
  return JSON.stringify(buildSarif(report, lang, invocation), null, 2) + '\n';
}
