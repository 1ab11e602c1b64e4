/**
 * The previous year's summary a draft names in front matter (`baseline: ../2020/summary.txt`),
 * read for indicator/below-baseline. UTF-8 text (a BOM is dropped); a path relative to the draft.
 * A file that cannot be read, or that lies outside the workspace (real paths compared), is a located
 * problem at the `baseline` key of the front matter.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { Plan } from '../core/model.js';
import type { BaselineText } from '../core/rule.js';
import type { ConfigProblem } from './problems.js';
import { isReallyInside, outsideProblem } from './confine.js';

export function readBaseline(plan: Plan, file: string, display: string, workspaceRoot: string): { baseline?: BaselineText; problem?: ConfigProblem } {
  const fm = plan.frontMatter;
  const name = fm?.data?.['baseline'];
  if (!fm || typeof name !== 'string' || !name.trim()) return {};
  const target = path.resolve(path.dirname(file), name.trim());
  if (existsSync(target) && !isReallyInside(target, workspaceRoot)) {
    // confined like requirement sets and profiles: a draft may not make planlint read files outside
    // its workspace (through ../, an absolute path or a symlink)
    const at = fm.sourceStart + Math.max(0, fm.source.indexOf('baseline'));
    const range = plan.index.rangeOf({ start: at, end: at + 'baseline'.length });
    return { problem: outsideProblem({ zh: '基线文件', en: 'baseline file' }, name.trim(), display, range, 'config/front-matter') };
  }
  try {
    // read through the real path that was checked
    const text = readFileSync(realpathSync(target), 'utf8').replace(/^\uFEFF/, '');
    return { baseline: { name: name.trim(), text } };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    const at = fm.sourceStart + Math.max(0, fm.source.indexOf('baseline'));
    const range = plan.index.rangeOf({ start: at, end: at + 'baseline'.length });
    return {
      problem: {
        file: display,
        range,
        ruleId: 'config/front-matter',
        severity: 'error',
        message: {
          zh: `无法读取基线文件“${name}”（${code}）`,
          en: `cannot read the baseline file "${name}" (${code})`,
        },
      },
    };
  }
}
