/**
 * Limits on glob patterns from configuration (`include`/`exclude` in planlint.yaml, the editor's
 * `planlint.include`, glob arguments). Globs are compiled (picomatch) to backtracking regular
 * expressions: every `*`, `**` and extglob `@(…)`/`*(…)`/`+(…)` is an unbounded quantifier, and k
 * of them in a row cost O(n^k) on a file name of n characters that almost matches
 * (`@(*|*)…@(*|*)x` with 9 groups: 16 s per file name; `*a*a*a*a*a*a*a*b`: 55 s). A pattern over
 * the limits is refused with a located finding, so no configuration can hang the tool.
 */
import type { Localized } from '../core/model.js';
import type { Range } from '../core/text.js';
import type { ConfigProblem } from './problems.js';

/** unbounded wildcards (`*`, `**`, each extglob) per pattern */
export const MAX_GLOB_WILDCARDS = 3;
/** extglobs per pattern (never nested) */
export const MAX_GLOB_EXTGLOBS = 1;
export const MAX_GLOB_LENGTH = 256;
/** alternatives of brace expressions `{a,b}` per pattern */
export const MAX_GLOB_ALTERNATIVES = 32;

/** Why the pattern is refused, or undefined when it is within the limits. Linear in the pattern. */
export function globProblem(pattern: string): Localized | undefined {
  if (pattern.length > MAX_GLOB_LENGTH) {
    return {
      zh: `通配模式过长（${pattern.length} 个字符，上限 ${MAX_GLOB_LENGTH}）`,
      en: `the glob is too long (${pattern.length} characters, limit ${MAX_GLOB_LENGTH})`,
    };
  }
  let wildcards = 0;
  let extglobs = 0;
  let depth = 0;
  let nested = false;
  let alternatives = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    const next = pattern[i + 1];
    if ('@*+?!'.includes(c) && next === '(') {
      extglobs++;
      wildcards++;
      if (depth > 0) nested = true;
      depth++;
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '*') {
      wildcards++;
      if (next === '*') i++; // `**` is one wildcard
    } else if (c === ',' || c === '|') alternatives++;
  }
  if (nested || extglobs > MAX_GLOB_EXTGLOBS) {
    return {
      zh: `通配模式含 ${extglobs} 个扩展通配（@(…) 等）${nested ? '且有嵌套' : ''}，上限 ${MAX_GLOB_EXTGLOBS} 个且不得嵌套（否则匹配可能极慢）`,
      en: `the glob has ${extglobs} extglob(s) (@(…) etc.)${nested ? ', nested' : ''}; at most ${MAX_GLOB_EXTGLOBS}, never nested (matching could take very long)`,
    };
  }
  if (wildcards > MAX_GLOB_WILDCARDS) {
    return {
      zh: `通配模式含 ${wildcards} 个 * 或 ** 通配，上限 ${MAX_GLOB_WILDCARDS} 个（过多的通配会使匹配极慢）`,
      en: `the glob has ${wildcards} * or ** wildcards; at most ${MAX_GLOB_WILDCARDS} (more make matching very slow)`,
    };
  }
  if (alternatives > MAX_GLOB_ALTERNATIVES) {
    return {
      zh: `通配模式的备选项过多（${alternatives} 个，上限 ${MAX_GLOB_ALTERNATIVES}）`,
      en: `the glob has too many alternatives (${alternatives}, limit ${MAX_GLOB_ALTERNATIVES})`,
    };
  }
  return undefined;
}

/** The patterns within the limits; each refused one is a located problem (ignored, the rest still apply). */
export function checkedGlobs(list: readonly { value: string; range?: Range }[], key: string, file: string, problems: ConfigProblem[]): string[] {
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return list
    .filter((l) => {
      const why = globProblem(l.value);
      if (why)
        problems.push({
          file,
          range: l.range ?? zero,
          ruleId: 'config/schema',
          severity: 'error',
          message: { zh: `${key}：${why.zh}，已忽略`, en: `${key}: ${why.en}; ignored` },
        });
      return !why;
    })
    .map((l) => l.value);
}
