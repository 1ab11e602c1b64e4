/**
 * Does a document look like a work plan by how offices name and title them? Chinese plans are
 * named after their genre: 工作要点, 工作计划, 工作安排, 实施方案, 政府工作报告, 重点工作, 工作方案,
 * 行动方案, 行动计划 — in the file name ("2023年全县卫生健康工作要点.txt") or in the title line
 * ("2021年全区卫生健康重点工作安排"). The language server checks such files without a `*.plan.*`
 * name or front matter (setting planlint.detectPlans). Pure: no file system.
 */

/** The genre words (title nouns of plans), longest first. */
export const PLAN_WORDS: readonly string[] = ['政府工作报告', '重点工作', '工作要点', '工作计划', '工作安排', '实施方案', '工作方案', '行动方案', '行动计划'];

const planWord = new RegExp(PLAN_WORDS.join('|'));

/** The file name (no directories) names a plan genre. */
export function planNamed(fileName: string): boolean {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return planWord.test(base.replace(/\.[^.]*$/, ''));
}

/**
 * The title line names a plan genre: the first non-empty line after any front matter (or a
 * Markdown heading), short as titles are (≤ 60 characters) and not a sentence (no full stop,
 * comma or semicolon inside) — so a paragraph that merely mentions 工作要点 does not count.
 */
export function planTitled(text: string): boolean {
  let head = text.slice(0, 4000).replace(/^\ufeff/, '');
  const fm = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(head);
  if (fm) head = head.slice(fm[0].length);
  for (const raw of head.split(/\r?\n/)) {
    const line = raw
      .replace(/^#{1,6}\s+/, '')
      .replace(/<!--.*?-->/g, '')
      .trim();
    if (!line) continue;
    return line.length <= 60 && !/[。，；;]/.test(line.replace(/[。]$/, '')) && planWord.test(line);
  }
  return false;
}

export function looksLikePlan(fileName: string, text: string): boolean {
  return planNamed(fileName) || planTitled(text);
}
