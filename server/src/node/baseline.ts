/**
 * The previous year's summary a draft names in front matter (`baseline: ../2020/summary.txt`),
 * read for indicator/below-baseline. UTF-8 text (a BOM is dropped); a path relative to the draft.
 * A file that cannot be read, or that lies outside the workspace (real paths compared), is a located
 * problem at the `baseline` key of the front matter. The CLI reads the file for each draft; the
 * language server through a loader that keeps what it read until the file changes (lsp/workspace.ts).
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { Plan } from '../core/model.js';
import type { BaselineText } from '../core/rule.js';
import type { ConfigProblem } from './problems.js';
import { isReallyInside, outsideProblem } from './confine.js';

/** What reading a baseline file gave: its text, or why there is none. */
export interface BaselineFile {
  text?: string;
  /** the file lies outside the workspace (it was not read) */
  outside?: boolean;
  /** the error code of a failed read (ENOENT …) */
  error?: string;
}

/** Reads the baseline file `target` (an absolute path) if it really lies inside `workspaceRoot`. */
export type BaselineLoader = (target: string, workspaceRoot: string) => BaselineFile;

export const loadBaselineFile: BaselineLoader = (target, workspaceRoot) => {
  // confined like requirement sets and profiles: a draft may not make planlint read files outside
  // its workspace (through ../, an absolute path or a symlink)
  if (existsSync(target) && !isReallyInside(target, workspaceRoot)) return { outside: true };
  try {
    // read through the real path that was checked
    return { text: readFileSync(realpathSync(target), 'utf8').replace(/^\uFEFF/, '') };
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
};

export function readBaseline(
  plan: Plan,
  file: string,
  display: string,
  workspaceRoot: string,
  load: BaselineLoader = loadBaselineFile,
): { baseline?: BaselineText; problem?: ConfigProblem; path?: string } {
  const fm = plan.frontMatter;
  const name = fm?.data?.['baseline'];
  if (!fm || typeof name !== 'string' || !name.trim()) return {};
  const target = path.resolve(path.dirname(file), name.trim());
  const read = load(target, workspaceRoot);
  if (read.text !== undefined) return { baseline: { name: name.trim(), text: read.text }, path: target };
  const at = fm.sourceStart + Math.max(0, fm.source.indexOf('baseline'));
  const range = plan.index.rangeOf({ start: at, end: at + 'baseline'.length });
  if (read.outside) return { problem: outsideProblem({ zh: '基线文件', en: 'baseline file' }, name.trim(), display, range, 'config/front-matter') };
  return {
    path: target,
    problem: {
      file: display,
      range,
      ruleId: 'config/front-matter',
      severity: 'error',
      message: {
        zh: `无法读取基线文件“${name}”（${read.error}）`,
        en: `cannot read the baseline file "${name}" (${read.error})`,
      },
    },
  };
}
