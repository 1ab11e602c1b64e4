/**
 * Requirement-set problems located in their YAML: a JSON pointer or key path of the parsed
 * document → a span → file, line and column, with messages in Chinese and English.
 */
import type { ErrorObject } from 'ajv';
import type { Document, Node as YamlNode } from 'yaml';
import type { Range, Span } from '../core/text.js';
import type { ConfigProblem } from './problems.js';
import { yaml } from '../core/yaml.js';
import type { Target, Theme } from '../core/requirements/types.js';

const zeroRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function nodeAt(doc: Document.Parsed, pathParts: readonly (string | number)[]): YamlNode | undefined {
  const n: unknown = pathParts.length === 0 ? doc.contents : doc.getIn(pathParts, true);
  return yaml().isNode(n) ? n : undefined;
}

export function nodeSpan(doc: Document.Parsed, pathParts: readonly (string | number)[]): Span | undefined {
  const n = nodeAt(doc, pathParts);
  if (!n?.range) return undefined;
  return { start: n.range[0], end: n.range[1] };
}

/** Span of a key inside a mapping (for "additional property" errors). */
export function keySpan(doc: Document.Parsed, parent: readonly (string | number)[], key: string): Span | undefined {
  const n = nodeAt(doc, parent);
  if (!yaml().isMap(n)) return undefined;
  for (const item of n.items) {
    if (yaml().isPair(item) && yaml().isScalar(item.key) && String(item.key.value) === key && item.key.range)
      return { start: item.key.range[0], end: item.key.range[1] };
  }
  return undefined;
}

export function located(
  doc: Document.Parsed,
  pathParts: readonly (string | number)[],
  file: string,
  rangeOf: (s: Span) => Range,
  ruleId: string,
  zh: string,
  en: string,
): ConfigProblem {
  let parts = [...pathParts];
  let span = nodeSpan(doc, parts);
  while (!span && parts.length) {
    parts = parts.slice(0, -1);
    span = nodeSpan(doc, parts);
  }
  return { file, range: span ? rangeOf(span) : zeroRange, ruleId, severity: 'error', message: { zh, en } };
}

function pointerParts(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function schemaProblem(err: ErrorObject, doc: Document.Parsed, file: string, rangeOf: (s: Span) => Range): ConfigProblem {
  const parts = pointerParts(err.instancePath);
  const where = err.instancePath ? err.instancePath.slice(1).replace(/\//g, '.') : '（顶层）';
  const whereEn = err.instancePath ? err.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
  const params = err.params as Record<string, unknown>;
  let zh: string;
  let en: string;
  if (err.keyword === 'additionalProperties') {
    const key = String(params.additionalProperty);
    const span = keySpan(doc, parts, key);
    const problem = located(doc, parts, file, rangeOf, 'config/schema', `${where}：不认识的字段“${key}”`, `${whereEn}: unknown property "${key}"`);
    if (span) problem.range = rangeOf(span);
    return problem;
  }
  if (err.keyword === 'required') {
    zh = `${where}：缺少必填字段“${String(params.missingProperty)}”`;
    en = `${whereEn}: missing required property "${String(params.missingProperty)}"`;
  } else if (err.keyword === 'type') {
    zh = `${where}：应为 ${typeZh(String(params.type))}`;
    en = `${whereEn}: expected ${String(params.type)}`;
  } else if (err.keyword === 'enum') {
    const allowed = (params.allowedValues as unknown[]).map(String);
    zh = `${where}：应为以下之一：${allowed.join('、')}`;
    en = `${whereEn}: expected one of ${allowed.join(', ')}`;
  } else if (err.keyword === 'pattern') {
    zh = `${where}：id 只能由字母、数字和 _ . - 组成`;
    en = `${whereEn}: an id may contain only ASCII letters, digits and _ . -`;
  } else {
    zh = `${where}：${err.message ?? '不符合要求集模式'}`;
    en = `${whereEn}: ${err.message ?? 'does not match the requirement set schema'}`;
  }
  return located(doc, parts, file, rangeOf, 'config/schema', zh, en);
}

function typeZh(t: string): string {
  return (
    ({ string: '字符串', number: '数字', integer: '整数', boolean: '布尔值（true/false）', array: '列表', object: '映射' } as Record<string, string>)[t] ?? t
  );
}

/** Checks ajv cannot express (unique ids, target.theme names a theme, a range has value2), into `problems`; the items' spans. */
export function semanticChecks(
  raw: { themes: readonly Pick<Theme, 'id'>[]; targets?: readonly Target[] },
  doc: Document.Parsed,
  file: string,
  rangeOf: (s: Span) => Range,
  problems: ConfigProblem[],
): Record<string, Span> {
  // semantic checks ajv cannot express: unique ids, target.theme refers to a theme
  const spans: Record<string, Span> = {};
  const ids = { themes: new Set<string>(), targets: new Set<string>() };
  /** records an item's span; a repeated id is a problem at the item's `id` */
  const item = (key: 'themes' | 'targets', id: string, i: number, zh: string, en: string) => {
    const span = nodeSpan(doc, [key, i]);
    if (span) spans[`${key}/${id}`] = span;
    if (ids[key].has(id))
      problems.push(
        located(
          doc,
          [key, i, 'id'],
          file,
          rangeOf,
          'config/schema',
          `${zh} id“${id}”重复：每个${zh}的 id 应唯一`,
          `duplicate ${en} id "${id}": ids must be unique`,
        ),
      );
    ids[key].add(id);
  };
  raw.themes.forEach((t, i) => item('themes', t.id, i, '主题', 'theme'));
  const themeIds = ids.themes;
  (raw.targets ?? []).forEach((t, i) => {
    item('targets', t.id, i, '指标', 'target');
    if (t.theme !== undefined && !themeIds.has(t.theme))
      problems.push(
        located(
          doc,
          ['targets', i, 'theme'],
          file,
          rangeOf,
          'config/schema',
          `指标“${t.id}”的 theme“${t.theme}”不是已定义的主题 id`,
          `target "${t.id}" names theme "${t.theme}", which is not a defined theme id`,
        ),
      );
    if (t.op === 'range' && t.value2 === undefined)
      problems.push(
        located(
          doc,
          ['targets', i],
          file,
          rangeOf,
          'config/schema',
          `指标“${t.id}”为区间（op: range），应给出 value2`,
          `target "${t.id}" is a range (op: range): expected value2`,
        ),
      );
  });
  return spans;
}
