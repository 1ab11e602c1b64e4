/**
 * `planlint [paths|globs…]` / `planlint check …`: lint drafts for CI.
 * Exit 0 clean, 1 error-level findings or more warnings than --max-warnings, 2 usage/input/config error.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import type { Localized } from '../../core/model.js';
import type { ConfigProblem } from '../../node/problems.js';
import { expandPaths } from '../../node/files.js';
import { CliError, collect, EXIT_FINDINGS, EXIT_USAGE, envFor, type CliCommand, type CliEnv } from '../env.js';
import { buildReport, type JsonReport, type RunOutcome } from '../format/model.js';
import { formatStylish } from '../format/stylish.js';
import { formatGithub } from '../format/github.js';
import { formatSarif } from '../format/sarif.js';
import { formatCodeQuality } from '../format/codequality.js';
import { checkDraft, isFailure, type DraftOptions } from '../pipeline.js';
import { applyFixesOnce, fixesOf } from '../../core/fix.js';
import { encodeText } from '../../node/decode.js';
import { checkDocxUsage, writeDocxReport } from '../format/docx.js';
import { isTerminal, writeErr, writeOut } from '../stdio.js';

export interface CheckOptions {
  format: 'stylish' | 'json' | 'sarif' | 'github' | 'codequality' | 'docx';
  fix?: boolean;
  maxWarnings?: string;
  config?: string;
  quiet?: boolean;
  requirements?: string[];
  profile?: string;
  output?: string;
  color?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
}

export function parseMaxWarnings(v: string | undefined): number {
  if (v === undefined) return -1;
  if (!/^-?\d+$/.test(v.trim()) || Number(v) < -1) {
    throw new CliError({
      zh: `--max-warnings 的值“${v}”无效：应为非负整数（-1 表示不限）`,
      en: `invalid --max-warnings "${v}": expected a non-negative integer (-1 for no limit)`,
    });
  }
  return Number(v);
}

/** Resolves and checks the shared options; throws CliError (exit 2) for usage mistakes. */
export function draftOptions(opts: { config?: string; requirements?: string[]; profile?: string; fix?: boolean }): DraftOptions {
  if (opts.config !== undefined) {
    const abs = path.resolve(opts.config);
    if (!existsSync(abs) || !statSync(abs).isFile()) {
      throw new CliError({ zh: `找不到配置文件“${opts.config}”（--config）`, en: `configuration file "${opts.config}" not found (--config)` });
    }
  }
  return { configFile: opts.config, requirements: opts.requirements ?? [], profile: opts.profile, fix: !!opts.fix, cwd: process.cwd() };
}

/** Problems outside the drafts, reported once each. */
function uniqueProblems(list: readonly ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${p.file}|${p.range.start.line}|${p.range.start.character}|${p.ruleId}|${p.message.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Runs the pipeline over the arguments (used by check; reusable by other commands). */
export async function runDrafts(args: readonly string[], options: DraftOptions): Promise<RunOutcome> {
  const expanded = options.input
    ? { files: [path.resolve(options.cwd ?? process.cwd(), args[0] ?? 'stdin.txt')], problems: [] }
    : expandPaths(args.length ? args : ['.'], { cwd: options.cwd, configFile: options.configFile });
  const outcome: RunOutcome = { results: [], failures: [], problems: [] };
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  for (const p of expanded.problems) outcome.problems.push({ file: '', range: zero, ruleId: 'input/unreadable', severity: 'error', message: p.message });
  const external: ConfigProblem[] = [];
  for (const file of expanded.files) {
    const r = await checkDraft(file, options);
    if (isFailure(r)) outcome.failures.push(r);
    else {
      outcome.results.push(r);
      for (const p of r.externalProblems) external.push(p);
    }
  }
  for (const p of uniqueProblems(external)) outcome.problems.push(p);
  return outcome;
}

/** Writes the report to `-o FILE`; a failure is a one-line usage error (exit 2), never an internal error. */
export function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    const why: Localized =
      code === 'ENOENT'
        ? { zh: '所在目录不存在', en: 'its directory does not exist' }
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? { zh: '没有写入权限', en: 'permission denied' }
          : code === 'EISDIR'
            ? { zh: '这是一个目录', en: 'it is a directory' }
            : { zh: code, en: code };
    throw new CliError({ zh: `无法写入输出文件“${file}”：${why.zh}（-o/--output）`, en: `cannot write the output file "${file}": ${why.en} (-o/--output)` });
  }
}

export function render(report: JsonReport, format: CheckOptions['format'], env: CliEnv, color: boolean, exitCode?: number): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'sarif':
      return formatSarif(report, env.lang, exitCode === undefined ? undefined : { exitCode });
    case 'codequality':
      return formatCodeQuality(report);
    case 'github':
      return formatGithub(report);
    default:
      return formatStylish(report, env.lang, color);
  }
}

/**
 * `--stdin --fix`: safe fixes applied until nothing changes (as `--fix` does to a file), returned
 * in the input's own encoding, BOM and line endings. The draft is analysed as text decoded once;
 * `input` is the fixed text as UTF-8 for the report of what remains.
 */
async function fixStdin(name: string, options: DraftOptions): Promise<{ bytes: Uint8Array; input: Uint8Array }> {
  const original = options.input!;
  const file = path.resolve(options.cwd ?? process.cwd(), name);
  const first = await checkDraft(file, { ...options, fix: false });
  if (isFailure(first) || first.decoded.encoding === 'docx' || !first.decoded.lossless) return { bytes: original, input: original };
  let current = first.decoded.text;
  let findings = first.findings;
  const seen = new Set([current]);
  for (let pass = 0; pass < 10; pass++) {
    const r = applyFixesOnce(current, fixesOf(findings));
    if (r.applied.length === 0 || r.text === current || seen.has(r.text)) break;
    seen.add(r.text);
    current = r.text;
    const next = await checkDraft(file, { ...options, fix: false, input: Buffer.from(current, 'utf8') });
    if (isFailure(next)) break;
    findings = next.findings;
  }
  return { bytes: current === first.decoded.text ? original : encodeText(current, first.decoded), input: Buffer.from(current, 'utf8') };
}

export const command: CliCommand = {
  register(program: Command) {
    program
      .command('check [paths...]', { isDefault: true })
      .description('检查文稿（默认命令）/ lint drafts (default command): files, directories (**/*.{txt,md,docx}) or globs')
      .addOption(
        new Option('-f, --format <format>', '输出格式 / output format')
          .choices(['stylish', 'json', 'sarif', 'github', 'codequality', 'docx'])
          .default('stylish'),
      )
      .option('--fix', '就地应用安全的自动修复 / apply safe fixes in place')
      .option('--max-warnings <n>', '警告数超过 n 时以 1 退出 / exit 1 when there are more than n warnings')
      .option('-c, --config <file>', '使用此 planlint.yaml，不再向上查找 / use this planlint.yaml instead of searching upward')
      .option('-q, --quiet', '只报告错误 / report errors only')
      .option(
        '-r, --requirements <name|path>',
        '要求集（可重复，覆盖文首元数据和 planlint.yaml）/ requirement set (repeatable; overrides front matter and planlint.yaml)',
        collect,
      )
      .option('-p, --profile <name|path>', '规则配置（gbt9704、strict、lenient 或 YAML 路径）/ profile (gbt9704, strict, lenient or a YAML path)')
      .option('-o, --output <file>', '写入文件而不是标准输出 / write to a file instead of stdout')
      .option('--no-color', '不使用颜色 / no colours')
      .option('--stdin', '从标准输入读取一篇文稿 / read one draft from stdin')
      .option('--stdin-filename <name>', '标准输入文稿的文件名（决定格式和 planlint.yaml）/ file name for the stdin draft (its type and planlint.yaml)')
      .action(async (paths: string[], opts: CheckOptions, cmd: Command) => {
        const env = envFor(cmd);
        const maxWarnings = parseMaxWarnings(opts.maxWarnings);
        const options = { ...draftOptions(opts), debug: env.debug };
        if (opts.stdin) {
          if (paths.length) throw new CliError({ zh: '--stdin 不能与文件参数同用', en: '--stdin cannot be combined with path arguments' });
          options.input = readFileSync(0);
        }
        if (opts.format === 'docx') checkDocxUsage(paths, opts);
        let fixedStdin: Uint8Array | undefined;
        if (opts.stdin && opts.fix) {
          // --stdin --fix: the fixed text goes to stdout (editors, formatters); the findings that
          // remain go to stderr (or --output)
          const r = await fixStdin(opts.stdinFilename ?? 'stdin.txt', options);
          fixedStdin = r.bytes;
          options.input = r.input;
          options.fix = false;
        }
        const outcome = await runDrafts(opts.stdin ? [opts.stdinFilename ?? 'stdin.txt'] : paths, options);
        if (env.debug) {
          for (const r of outcome.results) {
            const cfg = r.settings.config ? path.relative(process.cwd(), r.settings.config.file) || r.settings.config.file : '-';
            writeErr(
              `planlint: debug: ${r.display} encoding=${r.decoded.encoding}${r.decoded.bom ? '+bom' : ''} config=${cfg} profile=${r.settings.profile.name} requirements=[${r.requirements.map((s) => s.name).join(',')}] sections=${r.plan.allSections.length} indicators=${r.plan.indicators.length} findings=${r.findings.length} suppressed=${r.suppressed.length} ${r.ms.toFixed(1)}ms\n`,
            );
          }
        }
        if (opts.quiet) {
          for (const r of outcome.results) r.findings = r.findings.filter((f) => f.severity === 'error');
          outcome.problems = outcome.problems.filter((p) => p.severity === 'error');
        }
        const report = buildReport(outcome, env.lang, opts.format === 'json');
        const hasUsageError = outcome.failures.length > 0 || outcome.problems.some((p) => p.severity === 'error') || outcome.results.some((r) => r.fixFailed);
        const errors = report.summary.errors;
        const warnings = report.summary.warnings;
        const overWarnings = errors === 0 && maxWarnings >= 0 && warnings > maxWarnings;
        const exitCode = hasUsageError ? EXIT_USAGE : errors > 0 || overWarnings ? EXIT_FINDINGS : 0;
        if (opts.format === 'docx') {
          await writeDocxReport(outcome, opts.output!, env);
        } else {
          const color = opts.color !== false && !opts.output && !fixedStdin && isTerminal(1) && !process.env['NO_COLOR'];
          const text = render(report, opts.format, env, color, exitCode);
          if (opts.output) writeOutput(opts.output, text);
          else if (fixedStdin) writeErr(text);
          else env.out(text);
        }
        if (fixedStdin) writeOut(fixedStdin);
        for (const r of outcome.results) {
          if (r.fixSkipped) env.warn({ zh: `${r.display}：${r.fixSkipped.zh}`, en: `${r.display}: ${r.fixSkipped.en}` });
          for (const w of r.decoded.warnings) env.warn({ zh: `${r.display}：${w.message.zh}`, en: `${r.display}: ${w.message.en}` });
        }
        // in every format, input errors also get one line each on stderr (the report goes to stdout or the file)
        for (const f of outcome.failures) env.warn({ zh: `${f.display}：${f.message.zh}`, en: `${f.display}: ${f.message.en}` });
        for (const p of outcome.problems) {
          if (p.severity !== 'error') continue;
          const at = p.file ? `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ` : '';
          env.warn({ zh: `${at}${p.message.zh}`, en: `${at}${p.message.en}` });
        }
        if (overWarnings && opts.format === 'stylish' && !opts.output) {
          env.warn({ zh: `警告数 ${warnings} 超过了 --max-warnings ${maxWarnings}`, en: `${warnings} warnings exceed --max-warnings ${maxWarnings}` });
        }
        if (exitCode) env.exit(exitCode);
      });
  },
};
