/**
 * What every command shares: the output language, one-line error reporting with documented exit
 * codes, and the streams. Exit codes: 0 clean, 1 findings at error level (or over --max-warnings),
 * 2 usage, input or configuration error.
 */
import type { Command } from 'commander';
import type { Localized } from '../core/model.js';
import { terminalText } from '../core/escape.js';
import { writeErr, writeOut } from './stdio.js';

export type Lang = 'zh' | 'en';

export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** An error the user can act on: printed as one line (no stack unless --debug), with an exit code. */
export class CliError extends Error {
  readonly localized: Localized;
  readonly exitCode: number;
  constructor(message: Localized, exitCode = EXIT_USAGE) {
    super(message.en);
    this.localized = message;
    this.exitCode = exitCode;
    this.name = 'CliError';
  }
}

export interface CliEnv {
  /** language chosen with --lang (default zh, or PLANLINT_LANG) */
  readonly lang: Lang;
  readonly debug: boolean;
  t(message: Localized): string;
  /** write to stdout (text is written as is; add "\n" yourself) */
  out(text: string): void;
  /** one line on stderr, prefixed "planlint: " */
  warn(message: Localized): void;
  /** raise the process exit code (never lowers it) */
  exit(code: number): void;
}

export interface GlobalOptions {
  lang?: string;
  debug?: boolean;
}

export function parseLang(value: string | undefined): Lang {
  const v = (value || process.env['PLANLINT_LANG'] || 'zh').toLowerCase();
  if (v.startsWith('zh')) return 'zh';
  if (v.startsWith('en')) return 'en';
  throw new CliError({ zh: `--lang 的值“${value}”无效：应为 zh 或 en`, en: `invalid --lang "${value}": expected zh or en` });
}

/** The environment for a command action (reads the global options through the command). */
export function envFor(cmd: Command): CliEnv {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  const lang = parseLang(g.lang);
  return {
    lang,
    debug: !!g.debug,
    t: (m) => m[lang],
    out: (text) => {
      writeOut(text);
    },
    warn: (m) => {
      // messages quote file names and draft text: control characters are shown, never sent
      writeErr(`planlint: ${terminalText(m[lang])}\n`);
    },
    exit: (code) => {
      if (code > Number(process.exitCode ?? 0)) process.exitCode = code;
    },
  };
}

/** A CLI command module: `commands/*.ts` export one, `commands/index.ts` lists them. */
export interface CliCommand {
  register(program: Command): void;
}

/** A repeatable option whose values may also be given comma-separated (-r a,b -r c). */
export function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(/[,，]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}
