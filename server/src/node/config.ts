/**
 * Configuration: the workspace file `planlint.yaml` (found upward from a draft), profiles (bundled
 * by name or YAML files), and the settings of one draft (its front matter: frontmatter.ts). Nothing here throws for bad input:
 * every mistake is a located ConfigProblem and the valid parts are still used.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { defaultRoot, foreignInvalid, isReallyInside, outsideProblem, realOr } from './confine.js';
import * as path from 'node:path';
import type { Document } from 'yaml';
import { SEVERITY_SETTINGS, type FrontMatter, type Severity } from '../core/model.js';
import { defaultProfile, type Profile, type RuleSetting } from '../core/profile.js';
import { findRule } from '../core/rules/index.js';
import { LineIndex, type Range } from '../core/text.js';
import { dedupeProblems, type ConfigProblem } from './problems.js';
import { compileSchema, errorsToProblems, isRecord, nodeSpan, parseYaml, validateDoc, type LocateContext, type PathSegment } from './validate.js';
import { frontMatterMeta, type DraftMeta } from './frontmatter.js';

export { frontMatterMeta, type DraftMeta, type GovernmentLevel } from './frontmatter.js';
import { findBundled } from './bundled.js';
import { displayPath } from './paths.js';
import { checkedGlobs } from './glob.js';

export const CONFIG_FILE_NAMES = ['planlint.yaml', 'planlint.yml', '.planlint.yaml'];
const zeroRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A string value with where it was written. */
export interface Located<T> {
  value: T;
  range?: Range;
}

/** Directory of the bundled profiles (server/profiles), from the bundle (server/dist) or the sources. */
export function bundledProfilesDir(): string | undefined {
  return findBundled(['../profiles', '../../profiles'], 'gbt9704.yaml');
}

export function listBundledProfiles(): string[] {
  const dir = bundledProfilesDir();
  if (!dir) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5))
    .sort();
}

function readText(file: string): { text?: string; problem?: ConfigProblem } {
  try {
    let text = readFileSync(file, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return {
      problem: {
        file: displayPath(file),
        range: zeroRange,
        ruleId: 'config/yaml',
        severity: 'error',
        message: { zh: `无法读取配置文件（${code || String(e)}）`, en: `cannot read the configuration file (${code || String(e)})` },
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Rule settings (shared by planlint.yaml and profiles)

/** Extracts valid rule settings; checks each rule's options against its meta.optionsSchema. */
function ruleSettings(raw: unknown, doc: Document, ctx: LocateContext, at: PathSegment[]): { rules: Record<string, RuleSetting>; problems: ConfigProblem[] } {
  const rules: Record<string, RuleSetting> = {};
  const problems: ConfigProblem[] = [];
  if (!isRecord(raw)) return { rules, problems };
  for (const [id, value] of Object.entries(raw)) {
    const rule = findRule(id);
    if (!rule) continue; // reported by the schema (propertyNames)
    let setting: RuleSetting | undefined;
    if (typeof value === 'string' && SEVERITY_SETTINGS.has(value)) setting = { severity: value as Severity | 'off' };
    else if (isRecord(value)) {
      setting = {};
      if (typeof value['severity'] === 'string' && SEVERITY_SETTINGS.has(value['severity'])) setting.severity = value['severity'] as Severity | 'off';
      if (isRecord(value['options'])) {
        const schema = rule.meta.optionsSchema;
        const where = [...at, id, 'options'];
        if (!schema) {
          const s = nodeSpan(doc, where) ?? { start: 0, end: 0 };
          problems.push({
            file: ctx.file,
            range: ctx.index.rangeOf({ start: (ctx.base ?? 0) + s.start, end: (ctx.base ?? 0) + s.end }),
            ruleId: 'config/schema',
            severity: 'warning',
            message: { zh: `规则 ${id} 没有可配置的选项，options 将被忽略`, en: `rule ${id} has no options; "options" is ignored` },
          });
        } else {
          const v = compileSchema(`rule:${id}`, schema);
          if (v && !v(value['options'])) for (const q of errorsToProblems(v.errors ?? [], doc, ctx, where)) problems.push(q);
          else if (v) setting.options = value['options'];
        }
      }
    }
    if (setting) rules[id] = setting;
  }
  return { rules, problems };
}

// ---------------------------------------------------------------------------------------------
// Profiles

export interface LoadedProfile {
  profile: Profile;
  problems: ConfigProblem[];
  /** file it was read from (undefined for the built-in default) */
  file?: string;
}

const profileCache = new Map<string, LoadedProfile>();

export interface ProfileRefOptions {
  /** directory a relative path is resolved against */
  baseDir: string;
  /** files must really lie inside it (bundled names always may), unless allowOutsideWorkspace (a CLI flag; inherited by `extends`) */
  workspaceRoot?: string;
  allowOutsideWorkspace?: boolean;
  /** where the reference was written, for "not found" problems */
  referrer?: string;
  range?: Range;
}

/** Resolves a profile reference (bundled name or path) to a file path. */
export function profilePath(ref: string, baseDir: string): string | undefined {
  const dir = bundledProfilesDir();
  if (/^[a-z0-9][a-z0-9_-]*$/i.test(ref) && dir) {
    const p = path.join(dir, ref + '.yaml');
    if (existsSync(p)) return p;
  }
  const abs = path.resolve(baseDir, ref);
  for (const c of /\.ya?ml$/i.test(abs) ? [abs] : [abs, abs + '.yaml', abs + '.yml']) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return undefined;
}

/** Loads a profile by bundled name or path, following `extends` (cycles and depth are checked). */
export function loadProfile(ref: string, opts: ProfileRefOptions, chain: string[] = []): LoadedProfile {
  const file = profilePath(ref, opts.baseDir);
  if (!file) {
    const names = listBundledProfiles();
    return {
      profile: defaultProfile,
      problems: [
        {
          file: opts.referrer ?? '',
          range: opts.range ?? zeroRange,
          ruleId: 'config/profile',
          severity: 'error',
          message: {
            zh: `找不到规则配置“${ref}”：应为内置名称（${names.join('、')}）或存在的 YAML 文件路径`,
            en: `profile "${ref}" not found: expected a bundled name (${names.join(', ')}) or an existing YAML path`,
          },
        },
      ],
    };
  }
  const isBundled = path.dirname(file) === bundledProfilesDir();
  const outside = !isBundled && !!opts.workspaceRoot && !isReallyInside(file, opts.workspaceRoot);
  const refused =
    outside && !opts.allowOutsideWorkspace && outsideProblem({ zh: '规则配置', en: 'profile' }, ref, opts.referrer ?? '', opts.range, 'config/profile');
  if (refused) return { profile: defaultProfile, problems: [refused] };
  const cacheKey = `${file}\u0000${opts.workspaceRoot ?? ''}\u0000${opts.allowOutsideWorkspace ? 1 : 0}`;
  const cached = profileCache.get(cacheKey);
  if (cached && chain.length === 0) return cached;
  const display = displayPath(file);
  const read = readText(isBundled ? file : realOr(file)); // through the real path that was checked
  if (read.problem) return { profile: defaultProfile, problems: [read.problem], file };
  const index = new LineIndex(read.text!);
  const ctx: LocateContext = { file: display, index, ruleId: 'config/schema' };
  const parsed = parseYaml(read.text!, { file: display, index });
  const problems = [...parsed.problems];
  let profile: Profile = { ...defaultProfile, name: path.basename(file).replace(/\.ya?ml$/i, ''), rules: {} };
  if (parsed.doc && parsed.problems.length === 0) {
    const data = parsed.data;
    const doc = parsed.doc;
    if (!isRecord(data)) {
      problems.push({
        file: display,
        range: zeroRange,
        ruleId: 'config/schema',
        severity: 'error',
        message: { zh: '规则配置应为 YAML 映射（name、extends、rules）', en: 'a profile must be a YAML mapping (name, extends, rules)' },
      });
    } else {
      // bundled profiles are checked against the schema by the tests; skipping ajv keeps start-up fast
      const bundled = bundledProfilesDir();
      if (!bundled || path.dirname(file) !== bundled) for (const q of validateDoc('profile', data, doc, ctx)) problems.push(q);
      let base: Profile = { ...defaultProfile, rules: {} };
      if (typeof data['extends'] === 'string') {
        const span = nodeSpan(doc, ['extends']);
        const range = span ? index.rangeOf(span) : zeroRange;
        if (chain.includes(file) || chain.length >= 8) {
          problems.push({
            file: display,
            range,
            ruleId: 'config/profile',
            severity: 'error',
            message: {
              zh: `规则配置的 extends 形成循环或层级过深：${[...chain, file].map((p) => displayPath(p)).join(' → ')}`,
              en: `profile "extends" forms a cycle or is too deep: ${[...chain, file].map((p) => displayPath(p)).join(' → ')}`,
            },
          });
        } else {
          const parent = loadProfile(
            data['extends'],
            { baseDir: path.dirname(file), referrer: display, range, workspaceRoot: opts.workspaceRoot, allowOutsideWorkspace: opts.allowOutsideWorkspace },
            [...chain, file],
          );
          for (const q of parent.problems) problems.push(q);
          base = parent.profile;
        }
      }
      const { rules, problems: ruleProblems } = ruleSettings(data['rules'], doc, ctx, ['rules']);
      for (const q of ruleProblems) problems.push(q);
      profile = {
        name: typeof data['name'] === 'string' ? data['name'] : profile.name,
        description: typeof data['description'] === 'string' ? data['description'] : base.description,
        rules: mergeRules(base.rules, rules),
      };
    }
  }
  // a foreign file (kube.yaml …) named as a profile: its keys and values are never echoed
  const foreign = outside && problems.some((p) => p.severity === 'error') && !/^(rules|extends)[ \t]*:/m.test(read.text ?? '');
  const result: LoadedProfile = foreign
    ? { profile: defaultProfile, problems: [foreignInvalid(display, 'config/profile', { zh: '规则配置', en: 'profile' })], file }
    : { profile, problems, file };
  if (chain.length === 0) profileCache.set(cacheKey, result);
  return result;
}

/** Rule settings of `over` on top of `base` (severity and options merged per rule). */
export function mergeRules(base: Record<string, RuleSetting>, over: Record<string, RuleSetting>): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = { ...base };
  for (const [id, s] of Object.entries(over)) {
    const prev = out[id] ?? {};
    out[id] = {
      ...((s.severity ?? prev.severity) ? { severity: s.severity ?? prev.severity } : {}),
      ...(s.options || prev.options ? { options: { ...(prev.options ?? {}), ...(s.options ?? {}) } } : {}),
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// planlint.yaml

export interface WorkspaceConfig {
  /** absolute path of the file */
  file: string;
  dir: string;
  profile?: Located<string>;
  requirements: Located<string>[];
  rules: Record<string, RuleSetting>;
  include: string[];
  exclude: string[];
  problems: ConfigProblem[];
}

const configCache = new Map<string, WorkspaceConfig>();
const dirCache = new Map<string, string | null>();

/** Forget cached configuration and profiles (the language server calls this when files change). */
export function clearConfigCache(): void {
  configCache.clear();
  dirCache.clear();
  profileCache.clear();
}

/** The nearest planlint.yaml at or above `startDir`, if any. */
export function findConfigFile(startDir: string): string | undefined {
  const visited: string[] = [];
  let dir = path.resolve(startDir);
  let found: string | null = null;
  for (;;) {
    const cached = dirCache.get(dir);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(dir);
    const hit = CONFIG_FILE_NAMES.map((n) => path.join(dir, n)).find((p) => existsSync(p));
    if (hit) {
      found = hit;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of visited) dirCache.set(d, found);
  return found ?? undefined;
}

function stringList(v: unknown, doc: Document, index: LineIndex, key: string): Located<string>[] {
  const out: Located<string>[] = [];
  if (typeof v === 'string') {
    const s = nodeSpan(doc, [key]);
    if (v.trim()) out.push({ value: v, range: s ? index.rangeOf(s) : undefined });
  } else if (Array.isArray(v)) {
    v.forEach((item, i) => {
      if (typeof item !== 'string' || !item.trim()) return;
      const s = nodeSpan(doc, [key, i]);
      out.push({ value: item, range: s ? index.rangeOf(s) : undefined });
    });
  }
  return out;
}

/** Loads and validates a planlint.yaml (cached per path). */
export function loadConfig(file: string): WorkspaceConfig {
  const abs = path.resolve(file);
  const cached = configCache.get(abs);
  if (cached) return cached;
  const display = displayPath(abs);
  const config: WorkspaceConfig = { file: abs, dir: path.dirname(abs), requirements: [], rules: {}, include: [], exclude: [], problems: [] };
  configCache.set(abs, config);
  const read = readText(abs);
  if (read.problem) {
    config.problems.push(read.problem);
    return config;
  }
  const index = new LineIndex(read.text!);
  const parsed = parseYaml(read.text!, { file: display, index });
  for (const q of parsed.problems) config.problems.push(q);
  if (!parsed.doc || parsed.problems.length) return config;
  const data = parsed.data;
  const doc = parsed.doc;
  if (data === null || data === undefined) return config; // empty file: all defaults
  if (!isRecord(data)) {
    config.problems.push({
      file: display,
      range: zeroRange,
      ruleId: 'config/schema',
      severity: 'error',
      message: {
        zh: 'planlint.yaml 应为 YAML 映射（profile、requirements、rules、include、exclude）',
        en: 'planlint.yaml must be a YAML mapping (profile, requirements, rules, include, exclude)',
      },
    });
    return config;
  }
  const ctx: LocateContext = { file: display, index, ruleId: 'config/schema' };
  for (const q of validateDoc('config', data, doc, ctx)) config.problems.push(q);
  if (typeof data['profile'] === 'string' && data['profile'].trim()) {
    const s = nodeSpan(doc, ['profile']);
    config.profile = { value: data['profile'].trim(), range: s ? index.rangeOf(s) : undefined };
  }
  config.requirements = stringList(data['requirements'], doc, index, 'requirements');
  const { rules, problems } = ruleSettings(data['rules'], doc, ctx, ['rules']);
  config.rules = rules;
  for (const q of problems) config.problems.push(q);
  // globs compile to backtracking regular expressions: one over the complexity limits is refused here
  const globs = (key: 'include' | 'exclude') => checkedGlobs(stringList(data[key], doc, index, key), key, display, config.problems);
  config.include = globs('include');
  config.exclude = globs('exclude');
  return config;
}

// ---------------------------------------------------------------------------------------------
// Putting it together for one draft

export interface SettingsOverrides {
  /** --profile: wins over front matter and planlint.yaml */
  profile?: string;
  /** --requirements: wins over front matter and planlint.yaml (empty = not given) */
  requirements?: readonly string[];
  /** --config FILE: use this instead of searching upward */
  configFile?: string;
  /** directory command-line references are resolved against */
  cwd?: string;
  /** profiles from front matter or planlint.yaml must lie inside it (default: the config's directory, else cwd or the draft's) */
  workspaceRoot?: string;
}

export interface RequirementRefs {
  refs: string[];
  ranges: (Range | undefined)[];
  baseDir: string;
  /** file the references were written in (for locating problems); "" for the command line */
  referrer: string;
  origin: 'cli' | 'front-matter' | 'config' | 'none';
}

export interface DraftSettings {
  config?: WorkspaceConfig;
  meta: DraftMeta;
  profile: Profile;
  requirementRefs: RequirementRefs;
  /** problems located in the draft itself (front matter) */
  draftProblems: ConfigProblem[];
  /** problems in other files (planlint.yaml, profiles) or on the command line */
  externalProblems: ConfigProblem[];
}

/**
 * Effective settings for a draft: profile (CLI > front matter > planlint.yaml > gbt9704), rule
 * overrides from planlint.yaml on top, requirement references (CLI > front matter > planlint.yaml).
 */
export function draftSettings(draftPath: string, fm: FrontMatter | undefined, index: LineIndex, overrides: SettingsOverrides = {}): DraftSettings {
  const abs = path.resolve(draftPath);
  const draftDisplay = displayPath(abs);
  const cwd = overrides.cwd ?? process.cwd();
  const configFile = overrides.configFile ? path.resolve(cwd, overrides.configFile) : findConfigFile(path.dirname(abs));
  const config = configFile ? loadConfig(configFile) : undefined;
  const externalProblems: ConfigProblem[] = [...(config?.problems ?? [])];
  const { meta, problems: draftProblems } = frontMatterMeta(fm, index, draftDisplay);

  let loaded: LoadedProfile;
  const workspaceRoot = overrides.workspaceRoot ?? config?.dir ?? defaultRoot(abs, cwd);
  if (overrides.profile) loaded = loadProfile(overrides.profile, { baseDir: cwd, referrer: '', workspaceRoot, allowOutsideWorkspace: true });
  else if (meta.profile)
    loaded = loadProfile(meta.profile.value, { baseDir: path.dirname(abs), referrer: draftDisplay, range: meta.profile.range, workspaceRoot });
  else if (config?.profile)
    loaded = loadProfile(config.profile.value, { baseDir: config.dir, referrer: displayPath(config.file), range: config.profile.range, workspaceRoot });
  // the default profile is core's defaultProfile (server/profiles/gbt9704.yaml says the same; a test
  // keeps them equal): no file to read or YAML to parse on the common path
  else loaded = { profile: defaultProfile, problems: [] };
  for (const p of loaded.problems) (p.file === draftDisplay ? draftProblems : externalProblems).push(p);
  const profile: Profile =
    config && Object.keys(config.rules).length ? { ...loaded.profile, rules: mergeRules(loaded.profile.rules, config.rules) } : loaded.profile;

  let requirementRefs: RequirementRefs;
  if (overrides.requirements && overrides.requirements.length) {
    requirementRefs = { refs: [...overrides.requirements], ranges: [], baseDir: cwd, referrer: '', origin: 'cli' };
  } else if (meta.requirements.length) {
    requirementRefs = {
      refs: meta.requirements.map((r) => r.value),
      ranges: meta.requirements.map((r) => r.range),
      baseDir: path.dirname(abs),
      referrer: draftDisplay,
      origin: 'front-matter',
    };
  } else if (config?.requirements.length) {
    requirementRefs = {
      refs: config.requirements.map((r) => r.value),
      ranges: config.requirements.map((r) => r.range),
      baseDir: config.dir,
      referrer: displayPath(config.file),
      origin: 'config',
    };
  } else requirementRefs = { refs: [], ranges: [], baseDir: cwd, referrer: '', origin: 'none' };

  return { config, meta, profile, requirementRefs, draftProblems, externalProblems: dedupeProblems(externalProblems) };
}
