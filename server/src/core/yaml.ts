/**
 * The `yaml` package, loaded on first use: most drafts have no front matter and most CLI runs
 * read no YAML file, and evaluating the package was a tenth of a short CLI run's start-up.
 * Types come from the package as usual (`import type` costs nothing at run time).
 */
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

export function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('yaml') as typeof Yaml;
  return loaded;
}

/** YAML that nests collections deeper than this is refused before it is parsed (real files nest a few levels). */
export const MAX_YAML_DEPTH = 100;

/**
 * The offset of the first collection nested deeper than `max` in YAML text, or −1. The `yaml`
 * package composes documents and converts them to JS recursively, one call per level, and V8
 * aborts the whole process (`RegExpCompiler Allocation failed`, which no try/catch can stop) when
 * a regular expression is first compiled near the end of the stack: a few thousand levels of
 * `[[[[…` in a planlint.yaml, a profile, a requirement set or a draft's front matter could kill
 * the language server. This reads the package's concrete syntax tree, which its lexer and parser
 * build without recursion, and walks it with an explicit stack: linear, and safe at any depth.
 */
export function yamlTooDeep(text: string, max = MAX_YAML_DEPTH): number {
  if (text.length <= max) return -1; // each level takes at least one character
  for (const token of new (yaml().Parser)().parse(text)) {
    const stack: { node: object; depth: number }[] = [{ node: token, depth: 0 }];
    for (let top = stack.pop(); top; top = stack.pop()) {
      const { node } = top;
      const type = (node as { type?: unknown }).type;
      const depth = top.depth + (type === 'block-map' || type === 'block-seq' || type === 'flow-collection' ? 1 : 0);
      if (depth > max) return (node as { offset?: number }).offset ?? 0;
      for (const value of Array.isArray(node) ? node : Object.values(node)) {
        if (value !== null && typeof value === 'object') stack.push({ node: value as object, depth });
      }
    }
  }
  return -1;
}

/** The located message for YAML refused by yamlTooDeep. */
export const YAML_TOO_DEEP = {
  zh: `YAML 嵌套超过 ${MAX_YAML_DEPTH} 层，未解析（为防止解析器耗尽调用栈）`,
  en: `YAML nested deeper than ${MAX_YAML_DEPTH} levels: not parsed (the parser would exhaust the call stack)`,
};
