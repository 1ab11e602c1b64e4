/** `planlint indicators FILE… --format json|csv [--bom]`: the quantitative statements of drafts. */
import { Option, type Command } from 'commander';
import { envFor, type CliCommand } from '../env.js';
import { indicatorJson } from '../format/model.js';
import { checkNamedDrafts } from '../pipeline.js';
import { writeOutput } from './check.js';
import { indicatorsCsv } from '../../core/report/csv.js';

/** RFC 4180 field, with formula-looking text cells neutralised (core/escape.ts). */
export { csvField } from '../../core/escape.js';
export { indicatorsCsv };

export const command: CliCommand = {
  register(program: Command) {
    program
      .command('indicators <files...>')
      .description('导出量化指标 / export the quantitative indicators of drafts')
      .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['json', 'csv']).default('json'))
      .option('--bom', 'CSV 前加 UTF-8 BOM（便于 Excel 打开）/ prefix the CSV with a UTF-8 BOM (for Excel)')
      .option('-o, --output <file>', '写入文件而不是标准输出 / write to a file instead of stdout')
      .action(async (files: string[], opts: { format: 'json' | 'csv'; bom?: boolean; output?: string }, cmd: Command) => {
        const env = envFor(cmd);
        const { results, expanded } = await checkNamedDrafts(files, env);
        const rows = results.flatMap((r) => r.plan.indicators.map((i) => ({ file: r.display, indicator: indicatorJson(i, r.plan) })));
        const text =
          opts.format === 'csv'
            ? indicatorsCsv(rows, !!opts.bom)
            : JSON.stringify(expanded === 1 ? rows.map((r) => r.indicator) : rows.map((r) => ({ file: r.file, ...r.indicator })), null, 2) + '\n';
        if (opts.output) writeOutput(opts.output, text);
        else env.out(text);
      });
  },
};
