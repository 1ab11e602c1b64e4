/**
 * The document's context: is it a plan, which settings, profile and requirement sets apply.
 * Everything read from disk is cached here and only re-read after a watched-file or
 * configuration change (`invalidate`), so the keystroke path never re-reads files it already has.
 */
import { looksLikePlan } from '../core/planname.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import * as path from 'node:path';
import { statSync } from 'node:fs';
import { posix, relative, sep } from 'node:path';
import type { Plan } from '../core/model.js';
import type { DraftProblem } from '../core/analyze.js';
import type { Profile } from '../core/profile.js';
import type { RequirementSet } from '../core/requirements/types.js';
import { clearConfigCache, draftSettings, loadProfile, type DraftSettings } from '../node/config.js';
import { dedupeProblems, type ConfigProblem } from '../node/problems.js';
import { resolveRequirementSets, type ResolveResult } from '../node/requirements.js';
import type { PlanlintSettings } from './settings.js';
import type { Logger } from './log.js';
import { displayPath } from '../node/paths.js';
import { loadBaselineFile, readBaseline, type BaselineFile } from '../node/baseline.js';
import type { BaselineText } from '../core/rule.js';

export interface DocContext {
  /** false: the document is not a plan (no include glob, no plan front matter); nothing is reported */
  isPlan: boolean;
  settings: PlanlintSettings;
  profile: Profile;
  requirements: readonly RequirementSet[];
  year?: number;
  /** the previous year's summary named by front matter `baseline:` (indicator/below-baseline) */
  baseline?: BaselineText;
  /** file system path of the document, when it is a file */
  path?: string;
  /** Markdown document (suppression markers are HTML comments) rather than plain text (front matter) */
  markdown: boolean;
  /** requirement-set references that resolved to files (for document links) */
  requirementFiles: { ref: string; path: string }[];
  /** configuration problems to report in the draft (those of other files on its first line) */
  problems(plan: Plan): DraftProblem[];
}

export interface ContextProvider {
  contextFor(doc: TextDocument, plan: Plan): Promise<DocContext>;
}

/** Front matter keys that mark a YAML block as a plan's (not, say, a blog post's). */
const planKeys = ['requirements', 'profile', 'planlint', 'level', 'issuer', 'disable'];

export function hasPlanFrontMatter(plan: Plan): boolean {
  const data = plan.frontMatter?.data;
  if (!data) return false;
  if (planKeys.some((k) => k in data)) return true;
  const type = data.type ?? data.kind;
  return type === 'plan' || type === '规划' || type === '工作要点' || type === '计划';
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    // VS Code encodes the drive colon (file:///c%3A/…); Node's parser wants it literal.
    return fileURLToPath(uri.replace(/^file:\/\/\/([A-Za-z])%3A/i, 'file:///$1:'));
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The path part of any URI (for glob matching of untitled or virtual documents). */
function uriPath(uri: string): string {
  const m = /^[a-z][a-z0-9+.-]*:(?:\/\/[^/]*)?([^?#]*)/i.exec(uri);
  try {
    return decodeURIComponent(m?.[1] ?? uri);
  } catch {
    return m?.[1] ?? uri;
  }
}

/** Path relative to the nearest workspace folder containing it, POSIX separators; else the absolute path. */
export function workspaceRelative(path: string, folders: readonly string[]): string {
  let best: string | undefined;
  for (const f of folders) {
    const rel = relative(f, path);
    if (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel)) {
      if (best === undefined || rel.length < best.length) best = rel;
    }
  }
  return (best ?? path).split(sep).join(posix.sep);
}

const matcherCache = new Map<string, (p: string) => boolean>();

export function matchesInclude(path: string, globs: readonly string[], folders: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const key = globs.join('\u0000');
  let m = matcherCache.get(key);
  if (!m) {
    m = picomatch([...globs], { dot: true, nocase: process.platform === 'win32' });
    matcherCache.set(key, m);
  }
  const rel = workspaceRelative(path, folders);
  return m(rel) || m(rel.replace(/^\/+/, ''));
}

/** A draft is a plan when planlint.yaml's `include` globs (relative to its directory) match it. */
function matchesConfigInclude(file: string, dir: string, include: readonly string[], exclude: readonly string[]): boolean {
  if (include.length === 0) return false;
  const rel = relative(dir, file).split(sep).join(posix.sep);
  if (rel.startsWith('..')) return false;
  const inc = picomatch([...include], { dot: true });
  const exc = exclude.length ? picomatch([...exclude], { dot: true }) : () => false;
  return inc(rel) && !exc(rel);
}

export interface WorkspaceHooks {
  settingsFor(uri: string): Promise<PlanlintSettings>;
  folders(): readonly string[];
  /** false when the client says the workspace is not trusted (VS Code restricted mode) */
  trusted(): boolean;
  /** asks the client to report changes of a file the context was read from (a baseline file) */
  watch?(file: string): void;
  log: Logger;
}

/** A file's size and modification time (a stat, no read), or '' when it cannot be found. */
function fileStamp(file: string): string {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return '';
  }
}

/** Applies `planlint.severity` overrides on top of a profile. */
export function withSeverityOverrides(profile: Profile, overrides: PlanlintSettings['severity']): Profile {
  const ids = Object.keys(overrides);
  if (ids.length === 0) return profile;
  const rules = { ...profile.rules };
  for (const id of ids) rules[id] = { ...rules[id], severity: overrides[id] };
  return { ...profile, rules };
}

/** Same display form the config loader uses for `ConfigProblem.file` (relative to the cwd when inside it). */

/** A problem in another file (planlint.yaml, a profile, a requirement set), shown on the draft's first line. */
function externalToProblem(p: ConfigProblem, plan: Plan): DraftProblem {
  const firstLine = plan.index.line(0);
  const where = `${p.file || '（命令行 settings）'}:${p.range.start.line + 1}:${p.range.start.character + 1}`;
  return {
    range: plan.index.rangeOf({ start: firstLine.start, end: firstLine.end }),
    ruleId: p.ruleId,
    severity: p.severity,
    message: { zh: `配置问题 ${where}：${p.message.zh}`, en: `configuration problem ${where}: ${p.message.en}` },
  };
}

interface ResolvedRefs {
  result: ResolveResult;
  files: { ref: string; path: string }[];
}

export class Workspace implements ContextProvider {
  private readonly requirementCache = new Map<string, ResolvedRefs>();
  private readonly profileCache = new Map<string, { profile: Profile; problems: ConfigProblem[] }>();
  /** baseline files read (by path and workspace root), until a watched file changes */
  private readonly baselineCache = new Map<string, BaselineFile & { stamp: string }>();

  constructor(private readonly hooks: WorkspaceHooks) {}

  /** Drops every cached file (watched files or configuration changed). */
  invalidate(): void {
    this.requirementCache.clear();
    this.profileCache.clear();
    this.baselineCache.clear();
    clearConfigCache();
  }

  private folderOf(p: string | undefined): string | undefined {
    const folders = this.hooks.folders();
    if (!p) return folders[0];
    let best: string | undefined;
    for (const f of folders) {
      const rel = relative(f, p);
      if (!rel.startsWith('..') && !path.isAbsolute(rel) && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  private resolveRefs(
    refs: readonly string[],
    opts: { baseDir: string; workspaceRoot?: string; referrer?: string; ranges: DraftSettings['requirementRefs']['ranges']; outside: boolean },
  ): ResolvedRefs {
    const key = JSON.stringify([refs, opts.baseDir, opts.workspaceRoot, opts.referrer, opts.ranges, opts.outside]);
    let hit = this.requirementCache.get(key);
    if (!hit) {
      const result = resolveRequirementSets(refs, {
        baseDir: opts.baseDir,
        workspaceRoot: opts.workspaceRoot,
        allowOutsideWorkspace: opts.outside,
        referrer: opts.referrer,
        refRanges: opts.ranges,
      });
      // links only to the files actually loaded: a refused path (outside the workspace) gets none,
      // which would otherwise tell the workspace whether that file exists
      const files = result.files ?? [];
      hit = { result, files };
      this.requirementCache.set(key, hit);
    }
    return hit;
  }

  private settingsProfile(ref: string, baseDir: string): { profile: Profile; problems: ConfigProblem[] } {
    // the user's own settings may name any file; in an untrusted workspace (whose settings the
    // workspace itself may set) the file must lie inside the workspace folder
    const trusted = this.hooks.trusted();
    const key = `${baseDir}\u0000${ref}\u0000${trusted ? 1 : 0}`;
    let hit = this.profileCache.get(key);
    if (!hit) {
      const loaded = loadProfile(ref, { baseDir, referrer: '', workspaceRoot: baseDir, allowOutsideWorkspace: trusted });
      hit = { profile: loaded.profile, problems: loaded.problems };
      this.profileCache.set(key, hit);
    }
    return hit;
  }

  async contextFor(doc: TextDocument, plan: Plan): Promise<DocContext> {
    const settings = await this.hooks.settingsFor(doc.uri);
    const docPath = uriToPath(doc.uri);
    const markdown = doc.languageId === 'markdown' || /\.md$/i.test(doc.uri) || (doc.languageId === 'plan' && /\.plan\.md$/i.test(doc.uri));
    const folder = this.folderOf(docPath);
    // untitled / virtual documents: settings are looked up as if the draft sat in the workspace folder
    const draftPath = docPath ?? path.join(folder ?? process.cwd(), 'untitled.plan.txt');
    const draftDisplay = displayPath(path.resolve(draftPath));
    const draftProblems: ConfigProblem[] = [];
    const externalProblems: ConfigProblem[] = [];

    // front matter > planlint.yaml > editor settings (the editor settings are the user's defaults)
    const ds = draftSettings(draftPath, plan.frontMatter, plan.index, {});
    const isPlan =
      this.isPlan(doc, plan, settings, docPath) ||
      (!!docPath && !!ds.config && matchesConfigInclude(docPath, ds.config.dir, ds.config.include, ds.config.exclude));
    // loops, not push(...spread): lists from hostile files can exceed the argument limit
    for (const p of ds.draftProblems) draftProblems.push(p);
    for (const p of ds.externalProblems) externalProblems.push(p);
    let profile = ds.profile;
    if (!ds.meta.profile && !ds.config?.profile && settings.profile) {
      const sp = this.settingsProfile(settings.profile, folder ?? path.dirname(draftPath));
      for (const p of sp.problems) externalProblems.push({ ...p, file: p.file || 'planlint.profile' });
      profile = ds.config && Object.keys(ds.config.rules).length ? { ...sp.profile, rules: { ...sp.profile.rules, ...ds.config.rules } } : sp.profile;
    }
    profile = withSeverityOverrides(profile, settings.severity);

    let refs = ds.requirementRefs;
    let fromSettings = false;
    if (refs.refs.length === 0 && settings.requirements.length > 0) {
      refs = { refs: settings.requirements, ranges: [], baseDir: folder ?? path.dirname(draftPath), referrer: '', origin: 'cli' };
      fromSettings = true;
    }
    let requirements: readonly RequirementSet[] = [];
    let requirementFiles: { ref: string; path: string }[] = [];
    if (refs.refs.length > 0) {
      const workspaceRoot = ds.config?.dir ?? folder ?? path.dirname(draftPath);
      const resolved = this.resolveRefs(refs.refs, {
        baseDir: refs.baseDir,
        workspaceRoot,
        referrer: refs.referrer || undefined,
        ranges: refs.ranges,
        // sets named in the user's own editor settings are an explicit choice (not in untrusted workspaces)
        outside: fromSettings && this.hooks.trusted(),
      });
      requirements = resolved.result.sets;
      requirementFiles = refs.origin === 'front-matter' ? resolved.files : [];
      for (const p of resolved.result.problems) {
        if (p.file === draftDisplay) draftProblems.push(p);
        else externalProblems.push(fromSettings && !p.file ? { ...p, file: 'planlint.requirements' } : p);
      }
    }

    const baseline = this.baseline(plan, draftPath, draftDisplay, ds.config?.dir ?? folder ?? path.dirname(draftPath), draftProblems);

    const problems = (pl: Plan): DraftProblem[] => [...draftProblems, ...dedupeProblems(externalProblems).map((p) => externalToProblem(p, pl))];
    return {
      isPlan,
      settings,
      profile,
      requirements,
      year: ds.meta.year,
      baseline,
      path: docPath,
      markdown,
      requirementFiles,
      problems,
    };
  }

  /**
   * The baseline file named in front matter, read as the CLI reads it (node/baseline.ts): confined
   * to the workspace like the requirement sets a draft names, in trusted and untrusted workspaces
   * alike (only front matter names one, and a draft never reaches outside its workspace). The text
   * is kept while the file's size and time stay the same (a stat per analysis, no read); the file is
   * watched, so that a change of it re-checks the open drafts at once.
   */
  private baseline(plan: Plan, draftPath: string, display: string, workspaceRoot: string, problems: ConfigProblem[]): BaselineText | undefined {
    const read = readBaseline(plan, draftPath, display, workspaceRoot, (target, root) => {
      const key = `${target}\u0000${root}`;
      // a client that watches no files: a changed file (other size or time) is read again
      const stamp = fileStamp(target);
      let hit = this.baselineCache.get(key);
      if (!hit || hit.stamp !== stamp) {
        hit = { ...loadBaselineFile(target, root), stamp };
        this.baselineCache.set(key, hit);
      }
      return hit;
    });
    if (read.problem) problems.push(read.problem);
    if (read.path) this.hooks.watch?.(read.path);
    return read.baseline;
  }

  isPlan(doc: TextDocument, plan: Plan, settings: PlanlintSettings, path: string | undefined): boolean {
    if (doc.languageId === 'plan') return true;
    if (settings.include === null) return true;
    if (settings.detectFrontMatter && hasPlanFrontMatter(plan)) return true;
    const p = path ?? uriPath(doc.uri);
    if (matchesInclude(p, settings.include, this.hooks.folders())) return true;
    // named or titled like a plan (2023年全县卫生健康工作要点.txt)
    return settings.detectPlans && looksLikePlan(p ?? doc.uri, doc.getText());
  }
}
