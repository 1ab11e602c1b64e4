/**
 * Located JSON-Schema validation of YAML documents (planlint.yaml, profiles, front matter).
 * Every ajv error becomes a ConfigProblem at the offending key or value (line/column from the
 * `yaml` package's node ranges), with a Chinese and an English message saying what was expected.
 * ajv and the schemas are loaded on first use only (CLI start-up stays fast).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Document } from 'yaml';
import { yaml, yamlTooDeep, YAML_TOO_DEEP } from '../core/yaml.js';
import type { Localized, Severity } from '../core/model.js';
import type { LineIndex, Range, Span } from '../core/text.js';
import { capProblems, MAX_PROBLEMS_PER_FILE, type ConfigProblem } from './problems.js';
import frontmatterSchema from '../../../schemas/frontmatter.schema.json';
import configSchema from '../../../schemas/config.schema.json';
import profileSchema from '../../../schemas/profile.schema.json';

/** A plain object (not null, not an array): a YAML or JSON mapping. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export type SchemaName = 'frontmatter' | 'config' | 'profile';

type AjvInstance = import('ajv').Ajv;
let ajvInstance: AjvInstance | undefined;
const compiled = new Map<string, ValidateFunction>();

/**
 * The one place ajv is loaded: on first use (most CLI runs validate nothing, and ajv costs ~20 ms
 * to load), from its CommonJS build whatever the bundle format.
 */
export function newAjv(options: import('ajv').Options): AjvInstance {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('ajv') as typeof import('ajv');
  const AjvCtor = mod.Ajv ?? (mod as unknown as { default: typeof import('ajv').Ajv }).default;
  return new AjvCtor(options);
}

/** The shared ajv instance (all planlint schemas registered). */
export function getAjv(): AjvInstance {
  if (!ajvInstance) {
    const ajv = newAjv({ allErrors: true, verbose: true, strict: false });
    ajv.addSchema(profileSchema);
    ajv.addSchema(configSchema);
    ajv.addSchema(frontmatterSchema);
    ajvInstance = ajv;
  }
  return ajvInstance;
}

function validatorFor(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    const id = { frontmatter: frontmatterSchema.$id, config: configSchema.$id, profile: profileSchema.$id }[name];
    v = getAjv().getSchema(id)!;
    compiled.set(name, v);
  }
  return v;
}

/** Compiles (and caches) an arbitrary schema, e.g. a rule's optionsSchema. Returns undefined if invalid. */
export function compileSchema(key: string, schema: Record<string, unknown>): ValidateFunction | undefined {
  let v = compiled.get(key);
  if (!v) {
    try {
      v = getAjv().compile(schema);
    } catch {
      return undefined;
    }
    compiled.set(key, v);
  }
  return v;
}

export type PathSegment = string | number;

/** Span of the node at `path` (key span when `key` is true). Falls back to the nearest ancestor. */
export function nodeSpan(doc: Document, path: readonly PathSegment[], key = false): Span | undefined {
  let node: unknown = doc.contents;
  let best: Span | undefined = rangeSpan(node);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (yaml().isMap(node)) {
      const pair = node.items.find((p) => yaml().isPair(p) && yaml().isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return best;
      if (last && key) return rangeSpan(pair.key) ?? best;
      node = pair.value;
      best = rangeSpan(node) ?? rangeSpan(pair.key) ?? best;
    } else if (yaml().isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      best = rangeSpan(node) ?? best;
    } else return best;
  }
  return best;
}

function rangeSpan(node: unknown): Span | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  if (!r) return undefined;
  return { start: r[0], end: Math.max(r[0], r[1]) };
}

function pathOf(instancePath: string): PathSegment[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const typeNames: Record<string, Localized> = {
  string: { zh: '字符串', en: 'a string' },
  integer: { zh: '整数', en: 'an integer' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: '布尔值（true/false）', en: 'a boolean (true/false)' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '映射（键: 值）', en: 'a mapping (key: value)' },
  null: { zh: '空值', en: 'null' },
};

function actualType(v: unknown): Localized {
  if (v === null || v === undefined) return typeNames['null']!;
  if (Array.isArray(v)) return typeNames['array']!;
  if (typeof v === 'number') return Number.isInteger(v) ? typeNames['integer']! : typeNames['number']!;
  return typeNames[typeof v] ?? { zh: typeof v, en: typeof v };
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? s.slice(0, 39) + '…' : s;
}

function expected(err: ErrorObject): Localized | undefined {
  const x = (err.parentSchema as { 'x-expected'?: Localized } | undefined)?.['x-expected'];
  return x && typeof x.zh === 'string' ? x : undefined;
}

function describe(err: ErrorObject, keyLabel: string): { message: Localized; atKey: boolean; key?: string } {
  const p = err.params as Record<string, unknown>;
  const at = keyLabel ? { zh: `“${keyLabel}”`, en: `"${keyLabel}"` } : { zh: '顶层', en: 'the top level' };
  switch (err.keyword) {
    case 'type': {
      const want = String(p['type'])
        .split(',')
        .map((t) => typeNames[t] ?? { zh: t, en: t });
      const got = actualType(err.data);
      return {
        atKey: false,
        message: {
          zh: `${at.zh}应为${want.map((w) => w.zh).join('或')}，实际为${got.zh}（${show(err.data)}）`,
          en: `${at.en} should be ${want.map((w) => w.en).join(' or ')}, got ${got.en} (${show(err.data)})`,
        },
      };
    }
    case 'enum': {
      const allowed = (p['allowedValues'] as unknown[]).map(String);
      const x = expected(err);
      const list = allowed.length > 8 ? allowed.slice(0, 8).join('、') + ' …' : allowed.join('、');
      const listEn = allowed.length > 8 ? allowed.slice(0, 8).join(', ') + ' …' : allowed.join(', ');
      return {
        atKey: false,
        message: {
          zh: `${at.zh}的值“${show(err.data)}”无效：应为${x ? x.zh + '：' : ''}${list}`,
          en: `${at.en} has an invalid value "${show(err.data)}": expected ${x ? x.en + ': ' : 'one of '}${listEn}`,
        },
      };
    }
    case 'additionalProperties': {
      const key = String(p['additionalProperty']);
      const props = Object.keys(((err.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object);
      return {
        atKey: true,
        key,
        message: {
          zh: `未知的键“${key}”${props.length ? `：可用的键有 ${props.join('、')}` : ''}`,
          en: `unknown key "${key}"${props.length ? `: expected one of ${props.join(', ')}` : ''}`,
        },
      };
    }
    case 'propertyNames': {
      const key = String(p['propertyName']);
      return {
        atKey: true,
        key,
        message: { zh: `未知的规则 id“${key}”（规则列表见 docs/rules.md）`, en: `unknown rule id "${key}" (see docs/rules.md for the list)` },
      };
    }
    case 'required': {
      const key = String(p['missingProperty']);
      return { atKey: false, message: { zh: `${at.zh}缺少必需的键“${key}”`, en: `${at.en} is missing the required key "${key}"` } };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const cmp = String(p['comparison']);
      return {
        atKey: false,
        message: {
          zh: `${at.zh}应 ${cmp} ${String(p['limit'])}，实际为 ${show(err.data)}`,
          en: `${at.en} should be ${cmp} ${String(p['limit'])}, got ${show(err.data)}`,
        },
      };
    }
    case 'minLength':
      return { atKey: false, message: { zh: `${at.zh}不能为空`, en: `${at.en} must not be empty` } };
    case 'minItems':
      return { atKey: false, message: { zh: `${at.zh}至少应有 ${String(p['limit'])} 项`, en: `${at.en} needs at least ${String(p['limit'])} item(s)` } };
    case 'pattern':
      return {
        atKey: false,
        message: { zh: `${at.zh}的格式不对：应匹配 ${String(p['pattern'])}`, en: `${at.en} has the wrong form: expected to match ${String(p['pattern'])}` },
      };
    case 'anyOf':
    case 'oneOf': {
      const x = expected(err);
      return {
        atKey: false,
        message: x
          ? { zh: `${at.zh}应为${x.zh}，实际为 ${show(err.data)}`, en: `${at.en} should be ${x.en}, got ${show(err.data)}` }
          : { zh: `${at.zh}的值不符合要求：${show(err.data)}`, en: `${at.en} does not match the expected forms: ${show(err.data)}` },
      };
    }
    default:
      return { atKey: false, message: { zh: `${at.zh}${err.message ?? '无效'}`, en: `${at.en} ${err.message ?? 'is invalid'}` } };
  }
}

export interface LocateContext {
  file: string;
  /** line index of the text the YAML source lives in */
  index: LineIndex;
  /** offset of the YAML source in that text (front matter: sourceStart) */
  base?: number;
  ruleId: string;
  /** severity of unknown keys (default error) */
  unknownKeySeverity?: Severity;
  /** severity of other schema problems (default error) */
  severity?: Severity;
}

/** Converts ajv errors to located problems (one per distinct problem, sub-branch noise removed). */
export function errorsToProblems(errors: readonly ErrorObject[], doc: Document, ctx: LocateContext, pathPrefix: readonly PathSegment[] = []): ConfigProblem[] {
  const base = ctx.base ?? 0;
  // a hostile file can produce errors by the hundred thousand: only the first few are located
  // (each is matched against the anyOf/oneOf branches below), the rest are counted in a summary
  const total = errors.length;
  errors = errors.slice(0, MAX_PROBLEMS_PER_FILE * 4);
  const branches = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const relevant = errors.filter((e) => {
    // errors inside a propertyNames sub-schema are reported once by the propertyNames error
    if ((e as { propertyName?: string }).propertyName !== undefined) return false;
    // errors of anyOf/oneOf branches (at or below the same value; schema paths restart at each
    // $ref, so the instance path decides) are summarised by the anyOf/oneOf error itself
    return !branches.some((b) => b !== e && (e.instancePath === b.instancePath || e.instancePath.startsWith(b.instancePath + '/')));
  });
  const out: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const err of relevant) {
    const path = [...pathPrefix, ...pathOf(err.instancePath)];
    const label = path.length ? path.join('.') : '';
    const d = describe(err, label);
    const span = d.key !== undefined ? nodeSpan(doc, [...path, d.key], true) : nodeSpan(doc, path);
    const s = span ?? { start: 0, end: 0 };
    const range: Range = ctx.index.rangeOf({ start: base + s.start, end: base + s.end });
    const severity = d.atKey && err.keyword === 'additionalProperties' ? (ctx.unknownKeySeverity ?? 'error') : (ctx.severity ?? 'error');
    const k = `${range.start.line}:${range.start.character}:${d.message.en}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ file: ctx.file, range, ruleId: ctx.ruleId, severity, message: d.message });
    if (out.length > MAX_PROBLEMS_PER_FILE) break;
  }
  return capProblems(out, MAX_PROBLEMS_PER_FILE, out.length > MAX_PROBLEMS_PER_FILE ? out.length + (total - errors.length) : out.length);
}

/** Validates data parsed from `doc` against one of the planlint schemas. */
export function validateDoc(name: SchemaName, data: unknown, doc: Document, ctx: LocateContext): ConfigProblem[] {
  const v = validatorFor(name);
  if (v(data)) return [];
  return errorsToProblems(v.errors ?? [], doc, ctx);
}

export interface ParsedYaml {
  doc?: Document;
  data?: unknown;
  problems: ConfigProblem[];
}

/** Parses YAML text; syntax errors become located `config/yaml` problems. */
export function parseYaml(text: string, ctx: Omit<LocateContext, 'ruleId'> & { ruleId?: string }): ParsedYaml {
  const base = ctx.base ?? 0;
  const ruleId = ctx.ruleId ?? 'config/yaml';
  let doc: Document;
  const deep = yamlTooDeep(text);
  if (deep >= 0) {
    return {
      problems: [{ file: ctx.file, range: ctx.index.rangeOf({ start: base + deep, end: base + deep + 1 }), ruleId, severity: 'error', message: YAML_TOO_DEEP }],
    };
  }
  try {
    doc = yaml().parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return {
      problems: [
        {
          file: ctx.file,
          range: ctx.index.rangeOf({ start: base, end: base }),
          ruleId,
          severity: 'error',
          message: { zh: `YAML 无法解析：${msg}`, en: `YAML cannot be parsed: ${msg}` },
        },
      ],
    };
  }
  const problems: ConfigProblem[] = doc.errors.map((e) => {
    const first = e.message.split('\n')[0]!;
    return {
      file: ctx.file,
      range: ctx.index.rangeOf({ start: base + e.pos[0], end: base + Math.max(e.pos[0], e.pos[1]) }),
      ruleId,
      severity: 'error' as const,
      message: { zh: `YAML 语法错误：${yamlErrorZh(e.code)}（${first}）`, en: `YAML syntax error: ${first}` },
    };
  });
  if (problems.length) return { doc, problems };
  // toJS throws on hostile or broken aliases (an alias bomb, `*a` before `&a`): a located problem, not a crash
  try {
    return { doc, data: doc.toJS(), problems };
  } catch (e) {
    const { zh, en } = yamlToJsMessage(e);
    return { doc, problems: [{ file: ctx.file, range: ctx.index.rangeOf({ start: base, end: base }), ruleId, severity: 'error', message: { zh, en } }] };
  }
}

/** A localized message for an exception thrown while resolving a YAML document's aliases. */
export function yamlToJsMessage(e: unknown): { zh: string; en: string } {
  const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
  if (/alias count|resource exhaustion/i.test(msg)) {
    return {
      zh: `YAML 中的别名（*名称）展开过多，疑似资源耗尽攻击，未读取（${msg}）`,
      en: `YAML aliases (*name) expand too far (resource exhaustion); not read: ${msg}`,
    };
  }
  if (/unresolved alias/i.test(msg)) {
    return {
      zh: `YAML 引用了未定义的锚点：应先用 &名称 定义，再用 *名称 引用（${msg}）`,
      en: `YAML alias without an anchor: expected &name before *name (${msg})`,
    };
  }
  return { zh: `YAML 无法读取：${msg}`, en: `YAML cannot be read: ${msg}` };
}

function yamlErrorZh(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return '键重复';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return '缩进或符号不对';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return '键的写法不对（冒号后应有空格）';
    case 'UNEXPECTED_TOKEN':
      return '出现意外的符号';
    case 'TAB_AS_INDENT':
      return '不能用 Tab 缩进，请用空格';
    case 'MISSING_CLOSING_QUOTE':
    case 'MISSING_CLOSING_BRACKET':
      return '缺少闭合的引号或括号';
    default:
      return '格式不对';
  }
}
