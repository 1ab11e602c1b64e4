/** Document links from front matter to the requirement files it names. */
import type { DocumentLink } from 'vscode-languageserver';
import type { Plan } from '../../core/model.js';
import { pathToUri } from '../workspace.js';

export function documentLinks(plan: Plan, files: readonly { ref: string; path: string }[]): DocumentLink[] {
  const fm = plan.frontMatter;
  if (!fm || files.length === 0) return [];
  const out: DocumentLink[] = [];
  const src = plan.text.slice(fm.start, fm.end);
  for (const { ref, path } of files) {
    if (!ref) continue;
    let from = 0;
    for (;;) {
      const i = src.indexOf(ref, from);
      if (i < 0) break;
      from = i + ref.length;
      // whole-token matches only (not a prefix of a longer name)
      const after = src[i + ref.length];
      const before = src[i - 1];
      if ((after && /[\w./-]/.test(after)) || (before && /[\w./-]/.test(before))) continue;
      out.push({
        range: plan.index.rangeOf({ start: fm.start + i, end: fm.start + i + ref.length }),
        target: pathToUri(path),
        tooltip: `打开要求集 Open requirement set: ${path}`,
      });
    }
  }
  return out;
}
