/**
 * The `planlint` CLI entry (bundled to server/dist/cli.js, launched by server/bin/planlint.js).
 * Commands live in ./commands/*.ts and are registered from the list in ./commands/index.ts.
 * Errors are one line on stderr (stack traces only with --debug); exit codes: 0 clean,
 * 1 findings at error level or over --max-warnings, 2 usage, input or configuration error.
 */
import { Command, CommanderError } from 'commander';
import * as commands from './commands/index.js';
import { CliError, EXIT_USAGE, parseLang, type CliCommand } from './env.js';
import { TOOL_VERSION } from './format/model.js';

export function buildProgram(): Command {
  const program = new Command('planlint');
  program
    .description('planlint 规划文稿校核：检查年度工作要点、工作计划的结构、编号、指标和上级要求 / linter for Chinese government work plans')
    .version(TOOL_VERSION, '-v, --version')
    .option('--lang <zh|en>', '输出语言 / output language (zh, en)', process.env['PLANLINT_LANG'] || 'zh')
    .option('--debug', '出错时打印堆栈 / print stack traces on errors')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(`planlint: ${str.replace(/^error: /, '').trimEnd()}\n`) });
  for (const c of Object.values(commands) as CliCommand[]) c.register(program);
  for (const sub of program.commands) sub.exitOverride();
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  let lang: 'zh' | 'en' = 'zh';
  try {
    const i = argv.indexOf('--lang');
    const eq = argv.find((a) => a.startsWith('--lang='));
    lang = parseLang(i >= 0 ? argv[i + 1] : eq ? eq.slice(7) : undefined);
  } catch {
    lang = 'zh';
  }
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    if (e instanceof CliError) {
      process.stderr.write(`planlint: ${e.localized[lang]}\n`);
      if (debug && e.stack) process.stderr.write(e.stack + '\n');
      return e.exitCode;
    }
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    process.stderr.write(`planlint: ${lang === 'zh' ? '内部错误' : 'internal error'}: ${msg}${debug ? '' : lang === 'zh' ? '（加 --debug 查看详情）' : ' (use --debug for details)'}\n`);
    if (debug && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
    return EXIT_USAGE;
  }
}

/** A closed pipe (`planlint … | head`) ends the process quietly instead of with a stack trace. */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(Number(process.exitCode ?? 0));
      throw e;
    });
  }
}

if (require.main === module) {
  quietOnClosedPipe();
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
