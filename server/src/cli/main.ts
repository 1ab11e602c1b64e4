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
import { flushStdio, writeErr, writeOut } from './stdio.js';

export function buildProgram(): Command {
  const program = new Command('planlint');
  program
    .description('planlint 规划文稿校核：检查年度工作要点、工作计划的结构、编号、指标和上级要求 / linter for Chinese government work plans')
    .version(TOOL_VERSION, '-v, --version', '显示版本号 / print the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .helpCommand('help [command]', '显示命令的帮助 / show help for a command')
    .option('--lang <zh|en>', '输出语言 / output language (zh, en)', process.env['PLANLINT_LANG'] || 'zh')
    .option('--debug', '出错时打印堆栈 / print stack traces on errors')
    .showHelpAfterError(false)
    .exitOverride()
    // commander's own errors are printed by main() in the chosen language; its help and version
    // are written like every other output of the CLI (./stdio.ts)
    .configureOutput({ outputError: () => undefined, writeOut, writeErr });
  for (const c of Object.values(commands) as CliCommand[]) c.register(program);
  for (const sub of program.commands) sub.exitOverride();
  return program;
}

/** commander's usage errors, in Chinese and English, one line. */
function usageMessage(e: CommanderError): { zh: string; en: string } {
  const en = e.message
    .replace(/^error: /, '')
    .split('\n')[0]!
    .trim();
  const quoted = /'([^']+)'/.exec(en)?.[1] ?? '';
  const hint = { zh: '（运行 planlint --help 查看用法）', en: ' (see planlint --help)' };
  let zh: string;
  switch (e.code) {
    case 'commander.unknownOption':
      zh = `未知的选项“${quoted}”`;
      break;
    case 'commander.unknownCommand':
      zh = `未知的命令“${quoted}”`;
      break;
    case 'commander.missingArgument':
      zh = `缺少参数“${quoted}”`;
      break;
    case 'commander.optionMissingArgument':
      zh = `选项“${quoted}”缺少取值`;
      break;
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\.$/.exec(en)?.[1];
      const value = /argument '([^']*)' is invalid/.exec(en)?.[1] ?? '';
      zh = choices ? `选项“${quoted}”的值“${value}”无效：应为 ${choices}` : `参数无效：${en}`;
      break;
    }
    case 'commander.excessArguments':
      zh = `多余的参数：${en}`;
      break;
    default:
      zh = `命令行用法错误：${en}`;
  }
  return { zh: zh + hint.zh, en: en + hint.en };
}

export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  let lang: 'zh' | 'en';
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
      writeErr(`planlint: ${usageMessage(e)[lang]}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof CliError) {
      writeErr(`planlint: ${e.localized[lang]}\n`);
      if (debug && e.stack) writeErr(e.stack + '\n');
      return e.exitCode;
    }
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    writeErr(
      `planlint: ${lang === 'zh' ? '内部错误' : 'internal error'}: ${msg}${debug ? '' : lang === 'zh' ? '（加 --debug 查看详情）' : ' (use --debug for details)'}\n`,
    );
    if (debug && e instanceof Error && e.stack) writeErr(e.stack + '\n');
    return EXIT_USAGE;
  }
}

export { flushStdio };

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
