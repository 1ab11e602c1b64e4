/**
 * Loading requirement sets (superior plans) from YAML: bundled names (`henan-2021`) or paths.
 * Never throws for bad input: every mistake becomes a located ConfigProblem (file, line, column,
 * what was expected).
 */
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { sha256Hex } from './builtins.js';
import type { ValidateFunction } from 'ajv';
import type { Document } from 'yaml';
import { yaml, yamlTooDeep, YAML_TOO_DEEP } from '../core/yaml.js';
import type { RequirementSet, SourceRef, Target, Theme } from '../core/requirements/types.js';
import { LineIndex, type Range, type Span } from '../core/text.js';
import { capProblems, MAX_PROBLEMS_PER_FILE, type ConfigProblem } from './problems.js';
import { foreignInvalid, isReallyInside, outsideProblem } from './confine.js';
import { keywordWildcards, MAX_KEYWORD_WILDCARDS } from '../core/align/index.js';
import requirementsSchema from '../../../schemas/requirements.schema.json';
import { findBundled } from './bundled.js';
import { displayPath } from './paths.js';
import { newAjv } from './validate.js';
import { located, schemaProblem, semanticChecks } from './set-problems.js';

export interface ResolveOptions {
  /** directory relative paths are resolved against (the draft's directory, or the working directory) */
  baseDir: string;
  /** paths must stay inside this directory (bundled names are always allowed); unset = no restriction */
  workspaceRoot?: string;
  /** allow paths outside workspaceRoot (explicit user configuration, e.g. a CLI flag) */
  allowOutsideWorkspace?: boolean;
  /** where the references were written (for locating "not found" problems), e.g. the draft path */
  referrer?: string;
  /** range of each reference in the referrer, same order as `refs` */
  refRanges?: readonly (Range | undefined)[];
  /** extra directories holding named sets (`<name>.yaml`), searched before the bundled ones */
  setDirs?: readonly string[];
  /** follow each set's `superior` (default true) */
  chain?: boolean;
}

export interface ResolveResult {
  sets: RequirementSet[];
  problems: ConfigProblem[];
  /** the file each reference was loaded from (refused and missing references have none) */
  files?: { ref: string; path: string }[];
}

const BUNDLED_NAME = /^[a-z0-9][a-z0-9._-]*$/i;
/** themes (and targets) per requirement set; more are refused with a located finding */
export const MAX_SET_ITEMS = 2000;
const zeroRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Directory of the bundled sets. The CLI and the server are bundled to server/dist/*.js and the
 * sources live in server/src/node/, so both `../sets` and `../../sets` are tried from the running
 * file's directory.
 */
export function bundledSetsDir(): string | undefined {
  return findBundled(['../sets', '../../sets', 'sets'], 'henan-2021.yaml');
}

/** Names of the bundled requirement sets (file names without `.yaml`), sorted. */
export function listBundledSets(): string[] {
  const dir = bundledSetsDir();
  if (!dir) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .sort();
}

/** Path of a bundled set by name, if it exists. */
export function bundledSetPath(name: string, extraDirs: readonly string[] = []): string | undefined {
  if (!BUNDLED_NAME.test(name) || /\.ya?ml$/i.test(name)) return undefined;
  const dirs = [...extraDirs];
  const bundled = bundledSetsDir();
  if (bundled) dirs.push(bundled);
  for (const dir of dirs) {
    for (const ext of ['.yaml', '.yml']) {
      const p = path.join(dir, name + ext);
      if (existsSync(p)) return p;
    }
  }
  return undefined;
}

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  if (!validator) {
    // its own instance: requirement sets take the schema's defaults (useDefaults)
    const ajv = newAjv({ allErrors: true, strict: false, useDefaults: true });
    validator = ajv.compile(requirementsSchema);
  }
  return validator;
}

/** Resolves references (bundled names or paths) to loaded, validated requirement sets. */
export function resolveRequirementSets(refs: readonly string[], opts: ResolveOptions): ResolveResult {
  const sets: RequirementSet[] = [];
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  const files: { ref: string; path: string }[] = [];
  const setFiles = new Map<RequirementSet, string>();
  refs.forEach((rawRef, i) => {
    const ref = rawRef.trim();
    const where = opts.refRanges?.[i] ?? zeroRange;
    const referrer = opts.referrer ?? '';
    if (!ref) {
      problems.push({
        file: referrer,
        range: where,
        ruleId: 'config/requirements',
        severity: 'error',
        message: {
          zh: '要求集引用为空：应为内置名称（如 henan-2021）或 YAML 文件路径',
          en: 'empty requirement set reference: expected a bundled name (e.g. henan-2021) or a YAML path',
        },
      });
      return;
    }
    let file = bundledSetPath(ref, opts.setDirs);
    const bundledName = file ? ref : undefined;
    let outside = false;
    if (!file) {
      const abs = path.resolve(opts.baseDir, ref);
      const candidates = /\.ya?ml$/i.test(abs) ? [abs] : [abs, abs + '.yaml', abs + '.yml'];
      const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
      if (!found) {
        const names = listBundledSets();
        problems.push({
          file: referrer || displayPath(abs),
          range: where,
          ruleId: 'config/requirements',
          severity: 'error',
          message: {
            zh: `找不到要求集“${ref}”：应为内置名称（${names.join('、') || '无'}）或存在的 YAML 文件路径（相对于 ${displayPath(opts.baseDir) || '.'}）`,
            en: `requirement set "${ref}" not found: expected a bundled name (${names.join(', ') || 'none'}) or an existing YAML path (relative to ${displayPath(opts.baseDir) || '.'})`,
          },
        });
        return;
      }
      outside = !!opts.workspaceRoot && !isReallyInside(found, opts.workspaceRoot);
      if (outside && !opts.allowOutsideWorkspace) {
        problems.push(outsideProblem({ zh: '要求集', en: 'requirement set' }, ref, referrer || displayPath(found), where, 'config/requirements'));
        return;
      }
      file = found;
    }
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    let text: string;
    try {
      // read through the real path that was checked (not the name, whose links could change meanwhile)
      text = readFileSync(bundledName === undefined ? realpathSync(file) : file, 'utf8').replace(/^\ufeff/, '');
    } catch (e) {
      problems.push({
        file: displayPath(file),
        range: zeroRange,
        ruleId: 'config/requirements',
        severity: 'error',
        message: { zh: `无法读取要求集：${(e as Error).message}`, en: `cannot read requirement set: ${(e as Error).message}` },
      });
      return;
    }
    const name = bundledName ?? path.basename(file).replace(/\.ya?ml$/i, '');
    const loaded = (bundledName !== undefined && precompiled(name, text, displayPath(file))) || parseRequirementSet(text, { file: displayPath(file), name });
    // (a file that has the shape of a set, with `themes:`, gets its located problems: it is the user's own)
    if (outside && !loaded.set && !/^themes[ \t]*:/m.test(text)) {
      // a foreign file (kube.yaml …) named as a set: its keys and values are not echoed
      problems.push(foreignInvalid(displayPath(file), 'config/requirements', { zh: '要求集', en: 'requirement set' }));
      return;
    }
    for (const p of loaded.problems) problems.push(p);
    if (loaded.set) {
      sets.push(loaded.set);
      files.push({ ref: rawRef, path: file });
      setFiles.set(loaded.set, file);
    }
  });
  // chains: a set that names its own superior (国家 → 省 → 市 → 县) brings it along, resolved
  // against the set file's directory (or by bundled name), each set once
  for (let i = 0; i < sets.length && opts.chain !== false; i++) {
    const s = sets[i]!;
    const file = setFiles.get(s);
    if (!s.superior || !file) continue;
    const up = resolveRequirementSets([s.superior], {
      ...opts,
      baseDir: path.dirname(path.resolve(file)),
      referrer: displayPath(file),
      refRanges: undefined,
      chain: false,
    });
    for (const p of up.problems) problems.push(p);
    for (const u of up.sets) {
      const uf = u.origin?.path ? path.resolve(u.origin.path) : undefined;
      if (sets.some((x) => x === u || (uf !== undefined && x.origin?.path !== undefined && path.resolve(x.origin.path) === uf))) continue;
      sets.push(u);
      if (uf) setFiles.set(u, uf);
    }
  }
  return { sets, problems, files };
}

/**
 * A bundled set parsed at build time (scripts/compile-sets.ts → server/dist/sets/NAME.json): the
 * YAML text it was made from and the result of parseRequirementSet. Loading it skips the YAML
 * parser and the schema compiler (most of a short `planlint --requirements` run's start-up).
 */
export interface CompiledSet {
  yaml: string;
  result: ParseSetResult;
}

/** The build-time result for a bundled set, when one exists for exactly this text. */
function precompiled(name: string, text: string, file: string): ParseSetResult | undefined {
  if (!BUNDLED_NAME.test(name)) return undefined;
  const dir = findBundled(['sets'], `${name}.json`);
  if (!dir) return undefined;
  try {
    const compiled = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as CompiledSet;
    // the YAML was edited after the build: parse it as it is now
    if (compiled.yaml !== text || !compiled.result) return undefined;
    const { set, problems } = compiled.result;
    return {
      set: set && { ...set, origin: { ...set.origin, path: file } },
      problems: problems.map((p) => ({ ...p, file })),
    };
  } catch {
    return undefined;
  }
}

/** What compile-sets writes for a bundled set (see CompiledSet). */
export function compileSet(text: string, name: string): CompiledSet {
  return { yaml: text, result: parseRequirementSet(text, { file: '', name }) };
}

export interface ParseSetResult {
  set?: RequirementSet;
  problems: ConfigProblem[];
}

/** Parses and validates one requirement set from YAML text. Pure apart from the ajv compile cache. */
export function parseRequirementSet(text: string, opts: { file: string; name: string }): ParseSetResult {
  const index = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const rangeOf = (span: Span): Range => index.rangeOf(span);
  let doc: Document.Parsed;
  const deep = yamlTooDeep(text);
  if (deep >= 0) {
    problems.push({ file: opts.file, range: rangeOf({ start: deep, end: deep + 1 }), ruleId: 'config/yaml', severity: 'error', message: YAML_TOO_DEEP });
    return { problems };
  }
  try {
    doc = yaml().parseDocument(text, { prettyErrors: false });
  } catch (e) {
    problems.push({
      file: opts.file,
      range: zeroRange,
      ruleId: 'config/yaml',
      severity: 'error',
      message: { zh: `YAML 无法解析：${(e as Error).message}`, en: `YAML cannot be parsed: ${(e as Error).message}` },
    });
    return { problems };
  }
  for (const err of doc.errors) {
    problems.push({
      file: opts.file,
      range: rangeOf({ start: err.pos[0], end: Math.max(err.pos[0], err.pos[1]) }),
      ruleId: 'config/yaml',
      severity: 'error',
      message: { zh: `YAML 语法错误：${err.message.split('\n')[0]}`, en: `YAML syntax error: ${err.message.split('\n')[0]}` },
    });
  }
  if (doc.errors.length) return { problems };
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    // an alias bomb or an alias before its anchor: located, never thrown
    const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
    const bomb = /alias count|resource exhaustion/i.test(msg);
    problems.push({
      file: opts.file,
      range: zeroRange,
      ruleId: 'config/yaml',
      severity: 'error',
      message: bomb
        ? {
            zh: `YAML 中的别名（*名称）展开过多，疑似资源耗尽攻击，未读取（${msg}）`,
            en: `YAML aliases (*name) expand too far (resource exhaustion); not read: ${msg}`,
          }
        : { zh: `YAML 无法读取：${msg}（别名 *名称 须在锚点 &名称 之后）`, en: `YAML cannot be read: ${msg} (an alias *name must follow its anchor &name)` },
    });
    return { problems };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      file: opts.file,
      range: zeroRange,
      ruleId: 'config/schema',
      severity: 'error',
      message: { zh: '要求集应为 YAML 映射（含 title、themes、targets）', en: 'a requirement set must be a YAML mapping (with title, themes, targets)' },
    });
    return { problems };
  }
  for (const p of sizeProblems(data as Record<string, unknown>, doc, opts.file, rangeOf)) problems.push(p);
  if (problems.length) return { problems };
  const v = validate();
  if (!v(data)) {
    // the first errors located, the rest counted (130,000 errors must not become 130,000 findings)
    const errors = v.errors ?? [];
    for (const err of errors.slice(0, MAX_PROBLEMS_PER_FILE + 1)) problems.push(schemaProblem(err, doc, opts.file, rangeOf));
    return { problems: capProblems(problems, MAX_PROBLEMS_PER_FILE, errors.length) };
  }
  const raw = data as {
    name?: string;
    title: string;
    issuer?: string;
    level?: RequirementSet['level'];
    year?: number;
    path?: boolean;
    superior?: string;
    source?: SourceRef;
    themes: (Omit<Theme, 'required'> & { required?: boolean })[];
    targets?: Target[];
  };
  const spans = semanticChecks(raw, doc, opts.file, rangeOf, problems);
  if (problems.length) return { problems: capProblems(problems) };
  // keywords with more wildcard gaps than the matcher allows (a chain of gaps backtracks exponentially)
  raw.themes.forEach((t, i) => {
    for (const field of ['keywords', 'synonyms'] as const) {
      (t[field] ?? []).forEach((k, j) => {
        const n = keywordWildcards(k);
        if (n <= MAX_KEYWORD_WILDCARDS) return;
        const p = located(
          doc,
          ['themes', i, field, j],
          opts.file,
          rangeOf,
          'config/schema',
          `关键词“${k.length > 20 ? k.slice(0, 20) + '…' : k}”含 ${n} 处通配符 *，最多 ${MAX_KEYWORD_WILDCARDS} 处：多出的已忽略（过多的通配符会使匹配极慢）`,
          `keyword "${k.length > 20 ? k.slice(0, 20) + '…' : k}" has ${n} wildcard gaps (*); at most ${MAX_KEYWORD_WILDCARDS} are used, the rest are ignored (chains of wildcards make matching very slow)`,
        );
        problems.push({ ...p, severity: 'warning' });
      });
    }
  });
  const set: RequirementSet = {
    name: raw.name ?? opts.name,
    title: raw.title,
    issuer: raw.issuer,
    level: raw.level,
    year: raw.year,
    ...(raw.path !== undefined ? { path: raw.path } : {}),
    ...(raw.superior !== undefined ? { superior: raw.superior } : {}),
    source: raw.source,
    themes: raw.themes.map((t) => ({ ...t, required: t.required ?? true })),
    targets: raw.targets ?? [],
    origin: { path: opts.file, spans, hash: sha256Hex(text).slice(0, 16) },
  };
  return { set, problems: capProblems(problems) };
}

/**
 * Size limits checked before the schema: ajv (allErrors) grows quadratically with the number of
 * failing items, and alignment costs about a millisecond per theme; real sets have tens of themes.
 */
function sizeProblems(data: Record<string, unknown>, doc: Document.Parsed, file: string, rangeOf: (s: Span) => Range): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  for (const key of ['themes', 'targets'] as const) {
    const list = data[key];
    if (!Array.isArray(list) || list.length <= MAX_SET_ITEMS) continue;
    const zh = `${key} 有 ${list.length} 项，超过上限 ${MAX_SET_ITEMS}：要求集未加载`;
    out.push(
      located(
        doc,
        [key],
        file,
        rangeOf,
        'config/schema',
        zh,
        `${key} has ${list.length} items, more than the limit of ${MAX_SET_ITEMS}: the set was not loaded`,
      ),
    );
  }
  return out;
}
