/**
 * One draft through the whole pipeline, for every CLI command (check, outline, indicators, report):
 * bytes → text (decode) → plan (parse) → settings (front matter, planlint.yaml, profile, CLI flags)
 * → requirement sets → findings (rules + located config problems) → suppression → optional fixes.
 * Never throws for bad input: unreadable files and configuration mistakes come back as problems.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument } from '../core/analyze.js';
import { applyFixes } from '../core/fix.js';
import type { Finding, LocatedFinding, Localized, Plan } from '../core/model.js';
import type { RequirementSet } from '../core/requirements/types.js';
import { createSession, type AnalysisSession } from '../core/session.js';
import { draftSettings, type DraftSettings, type SettingsOverrides } from '../node/config.js';
import { DecodeError, decodeFile, decodeProblems, type DecodedText } from '../node/decode.js';
import { encodeForWriteBack } from '../node/writeback.js';
import { replaceFileSafely } from '../node/write.js';
import type { ConfigProblem } from '../node/problems.js';
import { resolveRequirementSets } from '../node/requirements.js';
import { readBaseline } from '../node/baseline.js';
import { expandPaths } from '../node/files.js';
import { CliError, EXIT_USAGE, type CliEnv } from './env.js';
import { displayPath } from '../node/paths.js';
import { writeErr } from './stdio.js';

export interface DraftOptions extends SettingsOverrides {
  /** apply safe fixes and write the file back */
  fix?: boolean;
  /** the draft's bytes when they do not come from `file` (stdin); `file` then only names it */
  input?: Uint8Array;
  /** print stack traces of internal errors on stderr */
  debug?: boolean;
  /** the analysis session (default: the CLI run's) */
  session?: AnalysisSession;
}

export interface DraftResult {
  /** absolute path */
  file: string;
  /** path as shown (relative to the working directory when inside it) */
  display: string;
  decoded: DecodedText;
  plan: Plan;
  settings: DraftSettings;
  requirements: RequirementSet[];
  /** findings after suppression, including located front-matter problems, sorted by position */
  findings: LocatedFinding[];
  suppressed: LocatedFinding[];
  /** problems outside the draft (planlint.yaml, profiles, requirement files, command line) */
  externalProblems: ConfigProblem[];
  /** number of fixes applied (with --fix) */
  fixed: number;
  /** why --fix did not write the file, if it did not */
  fixSkipped?: Localized;
  /** true when fixes were due but the file could not or must not be written (exit 2) */
  fixFailed?: boolean;
  /** wall time of the analysis in milliseconds (reported with --debug) */
  ms: number;
  /** the session the analysis ran in (for further core calls on the plan, e.g. alignPlan) */
  session: AnalysisSession;
}

export interface DraftFailure {
  file: string;
  display: string;
  message: Localized;
  /** "input/unreadable" (default) or "internal/error" */
  code?: 'input/unreadable' | 'internal/error';
}

export { displayPath };

/** The workspace a draft may read files from: the directory of its planlint.yaml, else the working directory (or the draft's own directory outside it). */
function workspaceRootOf(settings: DraftSettings, draftAbs: string, cwd: string): string {
  return settings.config?.dir ?? (displayPath(draftAbs, cwd) === draftAbs ? path.dirname(draftAbs) : cwd);
}

const requirementCache = new Map<string, { sets: RequirementSet[]; problems: ConfigProblem[] }>();

function requirementSets(settings: DraftSettings, draftAbs: string, cwd: string): { sets: RequirementSet[]; problems: ConfigProblem[] } {
  const r = settings.requirementRefs;
  if (r.refs.length === 0) return { sets: [], problems: [] };
  const workspaceRoot = workspaceRootOf(settings, draftAbs, cwd);
  const key = JSON.stringify([r.refs, r.baseDir, r.referrer, r.origin, workspaceRoot]);
  let res = requirementCache.get(key);
  if (!res) {
    res = resolveRequirementSets(r.refs, {
      baseDir: r.baseDir,
      workspaceRoot,
      // sets named on the command line are the user's explicit choice
      allowOutsideWorkspace: r.origin === 'cli',
      referrer: r.referrer || undefined,
      refRanges: r.ranges,
    });
    requirementCache.set(key, res);
  }
  return res;
}

/** What the core keeps between analyses: one session per CLI run (this process). */
const cliSession = createSession();

/** `inputProblems`: what the decoder found (invalid bytes, unread .docx content), reported in the draft */
function analyseText(text: string, file: string, cwd: string, options: DraftOptions, inputProblems: readonly ConfigProblem[] = []) {
  const display = displayPath(file, cwd);
  let settings!: DraftSettings;
  let req!: { sets: RequirementSet[]; problems: ConfigProblem[] };
  const externalProblems: ConfigProblem[] = [];
  const analysis = analyzeDocument(
    text,
    (structure) => {
      settings = draftSettings(file, structure.frontMatter, structure.index, options);
      req = requirementSets(settings, file, cwd);
      const draftProblems = [...inputProblems, ...settings.draftProblems];
      for (const p of settings.externalProblems) externalProblems.push(p);
      for (const p of req.problems) {
        if (p.file === display) draftProblems.push(p);
        // a set named on the command line that does not exist: the problem is on the command line
        else if (settings.requirementRefs.origin === 'cli' && !existsSync(path.resolve(cwd, p.file))) externalProblems.push({ ...p, file: '' });
        else externalProblems.push(p);
      }
      const { baseline, problem: baselineProblem } = readBaseline(structure, file, display, workspaceRootOf(settings, file, cwd));
      if (baselineProblem) draftProblems.push(baselineProblem);
      return { profile: settings.profile, requirements: req.sets, year: settings.meta.year, problems: draftProblems, baseline };
    },
    options.session ?? cliSession,
    {
      onError(_stage, e) {
        if (options.debug && e instanceof Error && e.stack) writeErr(e.stack + '\n');
      },
    },
  );
  return { plan: analysis.plan, settings, requirements: req.sets, findings: analysis.findings, suppressed: analysis.suppressed, externalProblems };
}

/** Reads, decodes and analyses one draft; with `fix`, applies safe fixes and writes the file back. */
export async function checkDraft(file: string, options: DraftOptions = {}): Promise<DraftResult | DraftFailure> {
  // process.hrtime, not performance.now(): the global `performance` loads perf_hooks (9 modules, ~0.6 ms of a CLI start)
  const started = process.hrtime.bigint();
  const cwd = options.cwd ?? process.cwd();
  const display = displayPath(file, cwd);
  let decoded: DecodedText;
  let original: Uint8Array;
  try {
    original = options.input ?? readFileSync(file);
    decoded = await decodeFile(file, original);
  } catch (e) {
    if (e instanceof DecodeError) return { file, display, message: e.localized };
    const code = (e as NodeJS.ErrnoException).code;
    const why: Localized =
      code === 'ENOENT'
        ? { zh: '文件不存在', en: 'no such file' }
        : code === 'EACCES' || code === 'EPERM'
          ? { zh: '没有读取权限', en: 'permission denied' }
          : code === 'EISDIR'
            ? { zh: '这是一个目录', en: 'is a directory' }
            : { zh: `读取失败（${code ?? String(e)}）`, en: `read failed (${code ?? String(e)})` };
    return { file, display, message: { zh: `无法读取：${why.zh}`, en: `cannot read: ${why.en}` } };
  }
  let text = decoded.text;
  let result: ReturnType<typeof analyseText>;
  try {
    result = analyseText(text, file, cwd, options, decodeProblems(decoded, display));
  } catch (e) {
    // a parser bug: this file cannot be analysed, the others still are
    const why = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    if (options.debug && e instanceof Error && e.stack) writeErr(e.stack + '\n');
    return {
      file,
      display,
      code: 'internal/error',
      message: { zh: `分析时出现内部错误：${why}（请报告此问题）`, en: `internal error while analysing: ${why} (please report this)` },
    };
  }
  let fixed = 0;
  let fixSkipped: Localized | undefined;
  let fixFailed = false;
  if (options.fix && result.findings.some((f) => f.fix?.safe)) {
    if (decoded.encoding === 'docx') {
      fixSkipped = { zh: '.docx 文件不能自动修复（请在 Word 中修改）', en: '.docx files cannot be fixed automatically (edit them in Word)' };
    } else if (options.input) {
      fixSkipped = { zh: '标准输入的文稿不能就地修复', en: 'a draft read from stdin cannot be fixed in place' };
    } else if (!decoded.lossless) {
      fixSkipped = { zh: '文件含有无效的字节序列，为避免丢失内容未自动修复', en: 'the file has invalid byte sequences; not fixed to avoid losing content' };
    } else {
      const r = applyFixes(text, (t) => (t === text ? result.findings : analyseText(t, file, cwd, options).findings) as readonly Finding[]);
      if (r.text !== text) {
        const encoded = encodeForWriteBack(r.text, decoded, original);
        const refused = 'refused' in encoded ? encoded.refused : replaceFileSafely(file, encoded.bytes, { bytes: original });
        if (refused) {
          fixSkipped = refused;
          fixFailed = true;
        } else {
          fixed = r.appliedCount;
          text = r.text;
          decoded = { ...decoded, text };
          result = analyseText(text, file, cwd, options);
        }
      }
    }
  }
  return {
    file,
    display,
    decoded,
    ...result,
    fixed,
    fixSkipped,
    ...(fixFailed ? { fixFailed } : {}),
    ms: Number(process.hrtime.bigint() - started) / 1e6,
    session: options.session ?? cliSession,
  };
}

/**
 * Replaces the file's content (kept for callers of the old name): see node/write.ts. Returns '' on
 * success, or the reason in English.
 */
export function writeAtomically(file: string, bytes: Uint8Array, snapshot: Uint8Array = readFileSync(file)): string {
  return replaceFileSafely(file, bytes, { bytes: snapshot })?.en ?? '';
}

export function isFailure(r: DraftResult | DraftFailure): r is DraftFailure {
  return !('plan' in r);
}

/**
 * The drafts named on a command line, each read and analysed (for the read-only commands
 * `outline` and `indicators`): paths that expand to nothing and drafts that cannot be read are
 * one line on stderr each and raise the exit code to 2; the readable drafts come back in order,
 * with the number of files the names expanded to (it decides single- or multi-file output).
 */
export async function checkNamedDrafts(names: string[], env: CliEnv): Promise<{ results: DraftResult[]; expanded: number }> {
  const { files, problems } = expandPaths(names);
  for (const p of problems) env.warn(p.message);
  if (problems.length) env.exit(EXIT_USAGE);
  if (files.length === 0) throw new CliError({ zh: '没有可读取的文稿', en: 'no drafts to read' });
  const results: DraftResult[] = [];
  for (const file of files) {
    const r = await checkDraft(file);
    if (isFailure(r)) {
      env.warn({ zh: `${r.display}：${r.message.zh}`, en: `${r.display}: ${r.message.en}` });
      env.exit(EXIT_USAGE);
    } else results.push(r);
  }
  return { results, expanded: files.length };
}
