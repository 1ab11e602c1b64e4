/**
 * Confinement of files a workspace names (requirement sets, profiles) to that workspace, by real
 * path: a symlink (to the file or any directory on the way) that leads out of it is outside.
 */
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { Localized } from '../core/model.js';
import type { Range } from '../core/text.js';
import type { ConfigProblem } from './problems.js';

const zeroRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The workspace of a draft without planlint.yaml: the working directory when the draft is inside it, else the draft's directory. */
export function defaultRoot(draft: string, cwd: string): string {
  return isInside(path.resolve(draft), path.resolve(cwd)) ? cwd : path.dirname(draft);
}

/** The real path of a file, or the path itself when it cannot be resolved. */
export function realOr(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** "X lies outside the workspace and was not loaded", located at the reference. */
export function outsideProblem(what: Localized, ref: string, file: string, range: Range | undefined, ruleId: string): ConfigProblem {
  return {
    file,
    range: range ?? zeroRange,
    ruleId,
    severity: 'error',
    message: {
      zh: `${what.zh}“${ref}”位于工作区之外，未加载：应为工作区内的路径或内置名称`,
      en: `${what.en} "${ref}" lies outside the workspace and was not loaded: expected a path inside the workspace or a bundled name`,
    },
  };
}

/**
 * Whether `file` really lies inside `root`: both are resolved to their real paths first, so a
 * symlink (to the file or to any directory on the way) that leads out of the root is outside.
 * A path that cannot be resolved is outside.
 */
export function isReallyInside(file: string, root: string): boolean {
  try {
    return isInside(realpathSync(file), realpathSync(root));
  } catch {
    return false;
  }
}

/** One generic problem for a file outside the workspace that is not valid: its content is never echoed. */
export function foreignInvalid(file: string, ruleId: string, what: Localized): ConfigProblem {
  return {
    file,
    range: zeroRange,
    ruleId,
    severity: 'error',
    message: {
      zh: `位于工作区之外的文件不是有效的${what.zh}，未加载（其内容不予显示；请在工作区内校验该文件）`,
      en: `the file outside the workspace is not a valid ${what.en} and was not loaded (its content is not shown; validate it inside the workspace)`,
    },
  };
}
