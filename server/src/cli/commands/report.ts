/**
 * `planlint report DRAFT --requirements SET --format md|html|json [--output FILE]`: the alignment
 * review of one draft against its superior plans (coverage matrix, target table, coverage,
 * unmatched sections). JSON conforms to schemas/review.schema.json.
 * Exit 0 report written, 1 alignment findings at error level (per the profile), 2 usage or
 * configuration error (unknown set, invalid set file, no set named anywhere, unreadable draft).
 */
import { Option, type Command } from 'commander';
import { alignPlan } from '../../core/align/index.js';
import { buildReview, renderHtml, renderMarkdown } from '../../core/report/index.js';
import type { ConfigProblem } from '../../node/problems.js';
import { CliError, EXIT_FINDINGS, EXIT_USAGE, envFor, type CliCommand, type CliEnv } from '../env.js';
import { checkDraft, isFailure } from '../pipeline.js';
import { TOOL_VERSION } from '../format/model.js';
import { draftOptions, writeOutput } from './check.js';

function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(/[,，]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

function located(env: CliEnv, p: ConfigProblem): void {
  const where = p.file ? `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ` : '';
  env.warn({ zh: `${where}${p.message.zh}（${p.ruleId}）`, en: `${where}${p.message.en} (${p.ruleId})` });
}

export const command: CliCommand = {
  register(program: Command) {
    program
      .command('report <draft>')
      .description('对标上级规划审查报告 / alignment review of a draft against its superior plans')
      .option(
        '-r, --requirements <name|path>',
        '要求集（可重复，覆盖文首元数据和 planlint.yaml）/ requirement set (repeatable; overrides front matter and planlint.yaml)',
        collect,
      )
      .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['md', 'html', 'json']).default('md'))
      .option('-o, --output <file>', '写入文件而不是标准输出 / write to a file instead of stdout')
      .option('-c, --config <file>', '使用此 planlint.yaml / use this planlint.yaml')
      .option('-p, --profile <name|path>', '规则配置 / profile')
      .action(
        async (
          draft: string,
          opts: { requirements?: string[]; format: 'md' | 'html' | 'json'; output?: string; config?: string; profile?: string },
          cmd: Command,
        ) => {
          const env = envFor(cmd);
          const r = await checkDraft(draft, draftOptions(opts));
          if (isFailure(r)) throw new CliError({ zh: `${r.display}：${r.message.zh}`, en: `${r.display}: ${r.message.en}` });
          // configuration problems about requirement sets, wherever they are located
          const problems = [
            ...r.externalProblems,
            ...r.findings
              .filter((f) => f.ruleId.startsWith('config/'))
              .map((f): ConfigProblem => ({ file: r.display, range: f.range, ruleId: f.ruleId, severity: f.severity, message: f.message })),
          ].filter((p) => p.severity === 'error');
          for (const p of problems) located(env, p);
          if (
            problems.some((p) => p.ruleId === 'config/requirements' || p.ruleId === 'config/schema' || p.ruleId === 'config/yaml') &&
            r.requirements.length === 0
          ) {
            env.exit(EXIT_USAGE);
            return;
          }
          if (r.requirements.length === 0) {
            throw new CliError({
              zh: `${r.display}：没有要求集。请用 --requirements 指定（如 henan-2021），或在文首元数据 requirements 或 planlint.yaml 中声明`,
              en: `${r.display}: no requirement set. Name one with --requirements (e.g. henan-2021), or declare it in the front matter (requirements) or planlint.yaml`,
            });
          }
          const result = alignPlan(r.plan, r.requirements, { year: r.settings.meta.year, session: r.session });
          // the footer: today's date (PLANLINT_REPORT_DATE fixes it for reproducible reports) and planlint's version
          const date = process.env['PLANLINT_REPORT_DATE'] || new Date().toISOString().slice(0, 10);
          const review = buildReview(r.plan, result, r.requirements, { path: r.display, date, version: TOOL_VERSION, session: r.session });
          const text =
            opts.format === 'json'
              ? JSON.stringify(review, null, 2) + '\n'
              : opts.format === 'html'
                ? renderHtml(review, { lang: env.lang })
                : renderMarkdown(review, { lang: env.lang });
          if (opts.output) writeOutput(opts.output, text);
          else env.out(text);
          if (problems.length) env.exit(EXIT_USAGE);
          else if (r.findings.some((f) => f.ruleId.startsWith('alignment/') && f.severity === 'error')) env.exit(EXIT_FINDINGS);
        },
      );
  },
};
