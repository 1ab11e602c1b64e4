/**
 * Command-line paths → draft files. An existing file is taken as named (any extension); a
 * directory expands to its drafts (`**\/*.{txt,md,docx}`, or planlint.yaml `include`), skipping
 * node_modules, dot-directories, planlint.yaml `exclude` and repository boilerplate (README,
 * CHANGELOG, LICENSE, CONTRIBUTING); anything else is a glob (tinyglobby). A missing path or a
 * glob that matches nothing is an input problem, not an exception.
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Localized } from '../core/model.js';
import { findConfigFile, loadConfig } from './config.js';
import { globProblem } from './glob.js';

export const DRAFT_GLOB = '**/*.{txt,md,docx}';
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
/** file names never taken from a directory expansion (they document the repository, not a plan) */
export const BOILERPLATE = /^(readme|changelog|changes|license|licence|contributing|code_of_conduct|security|authors|notice)(\.[^.]*)?$/i;

export interface InputProblem {
  arg: string;
  message: Localized;
}

export interface ExpandResult {
  /** absolute paths, sorted, without duplicates */
  files: string[];
  problems: InputProblem[];
}

type Tinyglobby = typeof import('tinyglobby');
let tg: Tinyglobby | undefined;
/** tinyglobby through require(): its CommonJS build works in the CJS bundle (the ESM one needs import.meta). */
function tinyglobby(): Tinyglobby {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (tg ??= require('tinyglobby') as Tinyglobby);
}

/** Whether the argument uses glob syntax (without loading the glob library for plain paths). */
function isGlob(arg: string): boolean {
  return /[*?[\]{}()!]/.test(arg) && tinyglobby().isDynamicPattern(arg);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

const DRAFT_EXT = /\.(txt|md|docx)$/i;

/**
 * The default expansion without a glob library: drafts below `dir`, skipping dot-dirs and
 * node_modules. A directory that cannot be listed is recorded in `unreadable` (never skipped
 * silently: CI must not pass on files it never read). Iterative: deep trees cannot overflow the stack.
 */
function walkDrafts(root: string, out: string[] = [], unreadable: string[] = [], collect = true, maxDepth = Infinity): string[] {
  const stack: [string, number][] = [[root, 0]];
  while (stack.length) {
    const [dir, depth] = stack.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      // gone meanwhile, or not a directory: nothing was there to check
      if (code !== 'ENOENT' && code !== 'ENOTDIR') unreadable.push(`${dir} (${code})`);
      continue;
    }
    const subdirs: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') subdirs.push(p);
      } else if (collect && DRAFT_EXT.test(e.name) && (e.isFile() || (e.isSymbolicLink() && isFile(p)))) out.push(p);
    }
    if (depth < maxDepth) for (let i = subdirs.length - 1; i >= 0; i--) stack.push([subdirs[i]!, depth + 1]);
  }
  return out;
}

/** Directories below `root` (skipping dot-dirs and node_modules, down to `maxDepth` levels) that cannot be listed. */
function unreadableBelow(root: string, maxDepth = Infinity): string[] {
  const unreadable: string[] = [];
  walkDrafts(root, [], unreadable, false, maxDepth);
  return unreadable;
}

/**
 * The directory a glob starts from (its leading segments without glob syntax) and how deep below
 * it the glob can reach (unlimited with `**`).
 */
function globBase(pattern: string, cwd: string): { dir: string; depth: number } {
  const parts = toPosix(pattern).split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (tinyglobby().isDynamicPattern(part)) break;
    fixed.push(part);
  }
  const rest = parts.slice(fixed.length);
  const depth = rest.some((p) => p.includes('**')) ? Infinity : Math.max(0, rest.length - 1);
  return { dir: path.resolve(cwd, fixed.join('/') || '.'), depth };
}

function unreadableProblems(arg: string, dirs: readonly string[]): InputProblem[] {
  return dirs.map((d) => ({
    arg,
    message: { zh: `无法读取目录 ${d}，其中的文稿未检查`, en: `cannot read directory ${d}; the drafts in it were not checked` },
  }));
}

function expandDirectory(dir: string, configFile: string | undefined, unreadable: string[]): string[] {
  const cfgPath = configFile ?? findConfigFile(dir);
  const cfg = cfgPath ? loadConfig(cfgPath) : undefined;
  if (!cfg || (cfg.include.length === 0 && cfg.exclude.length === 0)) {
    return walkDrafts(path.resolve(dir), [], unreadable).filter((f) => !BOILERPLATE.test(path.basename(f)));
  }
  // the glob library skips directories it cannot read without a word: look for them first
  for (const d of unreadableBelow(path.resolve(dir))) unreadable.push(d);
  // include/exclude are relative to the configuration file's directory
  const base = cfg && (cfg.include.length || cfg.exclude.length) ? cfg.dir : dir;
  const patterns = cfg?.include.length ? cfg.include : [DRAFT_GLOB];
  const found = tinyglobby().globSync(patterns, {
    cwd: base,
    absolute: true,
    dot: false,
    onlyFiles: true,
    ignore: [...ALWAYS_IGNORED, ...(cfg?.exclude ?? [])],
    expandDirectories: false,
  });
  const inside = path.resolve(dir) + path.sep;
  return found
    .map((f) => path.resolve(f))
    .filter((f) => f.startsWith(inside))
    .filter((f) => !BOILERPLATE.test(path.basename(f)));
}

/** Expands command-line arguments to draft files. */
export function expandPaths(args: readonly string[], opts: { cwd?: string; configFile?: string } = {}): ExpandResult {
  const cwd = opts.cwd ?? process.cwd();
  const files = new Set<string>();
  const problems: InputProblem[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      files.add(abs);
      continue;
    }
    if (stat?.isDirectory()) {
      const unreadable: string[] = [];
      const found = expandDirectory(abs, opts.configFile, unreadable);
      for (const p of unreadableProblems(arg, unreadable)) problems.push(p);
      if (found.length === 0 && unreadable.length === 0) {
        problems.push({ arg, message: { zh: `目录“${arg}”中没有可检查的文稿（.txt、.md、.docx）`, en: `no drafts (.txt, .md, .docx) in directory "${arg}"` } });
      }
      for (const f of found) files.add(f);
      continue;
    }
    if (stat) {
      // it exists but is neither a file nor a directory: a device, a FIFO (reading it could block) or a socket
      problems.push({
        arg,
        message: { zh: `“${arg}”不是普通文件（设备、管道或套接字），未读取`, en: `"${arg}" is not a regular file (a device, pipe or socket); not read` },
      });
      continue;
    }
    if (isGlob(arg)) {
      const tooComplex = globProblem(arg);
      if (tooComplex) {
        problems.push({ arg, message: { zh: `通配符“${arg}”未使用：${tooComplex.zh}`, en: `glob "${arg}" not used: ${tooComplex.en}` } });
        continue;
      }
      let found: string[];
      try {
        found = tinyglobby().globSync([toPosix(arg)], { cwd, absolute: true, onlyFiles: true, ignore: ALWAYS_IGNORED, expandDirectories: false });
      } catch (e) {
        problems.push({ arg, message: { zh: `无效的通配符“${arg}”：${(e as Error).message}`, en: `invalid glob "${arg}": ${(e as Error).message}` } });
        continue;
      }
      const base = globBase(arg, cwd);
      const unreadable = unreadableBelow(base.dir, base.depth);
      for (const p of unreadableProblems(arg, unreadable)) problems.push(p);
      if (found.length === 0 && unreadable.length === 0) {
        problems.push({ arg, message: { zh: `没有文件匹配“${arg}”`, en: `no files match "${arg}"` } });
      }
      for (const f of found) files.add(path.resolve(f));
      continue;
    }
    problems.push({ arg, message: { zh: `找不到文件或目录“${arg}”`, en: `no such file or directory "${arg}"` } });
  }
  return { files: [...files].sort(), problems };
}
