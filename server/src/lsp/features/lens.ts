/** Code lens on level-1 headings: which superior tasks the section answers, how many targets. */
import type { CodeLens } from 'vscode-languageserver';
import type { Plan, Section } from '../../core/model.js';
import type { AlignView } from '../alignment.js';
import { bilingualStatus } from '../../core/align/labels.js';

export function codeLenses(plan: Plan, align: AlignView | undefined): CodeLens[] {
  const tops = plan.sections.filter((s) => s.level === 1);
  if (tops.length === 0) return [];
  // every section → the level-1 section above it (one walk of the tree)
  const topOf = new Map<number, number>();
  const size = new Map<number, number>();
  const walk = (s: Section, top: number) => {
    topOf.set(s.id, top);
    size.set(top, (size.get(top) ?? 0) + 1);
    for (const c of s.children) walk(c, top);
  };
  for (const t of tops) walk(t, t.id);
  const indicatorCount = new Map<number, number>();
  plan.indicators.forEach((ind) => {
    const top = ind.sectionId !== undefined ? topOf.get(ind.sectionId) : undefined;
    if (top !== undefined) indicatorCount.set(top, (indicatorCount.get(top) ?? 0) + 1);
  });
  const targetCount = new Map<number, number>();
  const themesOf = new Map<number, { title: string; status: string }[]>();
  if (align) {
    for (const t of align.targets) {
      const ind = t.indicator !== undefined ? plan.indicators[t.indicator] : undefined;
      const top = ind?.sectionId !== undefined ? topOf.get(ind.sectionId) : undefined;
      if (top !== undefined) targetCount.set(top, (targetCount.get(top) ?? 0) + 1);
    }
    for (const th of align.themes) {
      const seen = new Set<number>();
      for (const id of th.sectionIds) {
        const top = topOf.get(id);
        if (top === undefined || seen.has(top)) continue;
        seen.add(top);
        let list = themesOf.get(top);
        if (!list) themesOf.set(top, (list = []));
        list.push({ title: th.title, status: th.status });
      }
    }
  }
  return tops.map((s) => {
    const indicators = indicatorCount.get(s.id) ?? 0;
    let title: string;
    if (align) {
      const themes = themesOf.get(s.id) ?? [];
      const answered = themes.length
        ? `回应上级任务 answers: ${themes.map((t) => `${t.title}（${bilingualStatus('theme', t.status).split(' ')[0]}）`).join('；')}`
        : '未回应上级任务 answers no superior theme';
      title = `${answered} · 对应上级目标 ${targetCount.get(s.id) ?? 0} 项 targets · 指标 ${indicators} 项 indicators`;
    } else {
      title = `${(size.get(s.id) ?? 1) - 1} 个子项 items · 指标 ${indicators} 项 indicators`;
    }
    return { range: plan.index.rangeOf({ start: s.heading.start, end: s.heading.start }), command: { title, command: '' } };
  });
}
