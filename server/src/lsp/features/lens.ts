/** Code lens on level-1 headings: which superior tasks the section answers, how many targets. */
import type { CodeLens } from 'vscode-languageserver';
import type { Plan, Section } from '../../core/model.js';
import type { AlignView } from '../alignment.js';
import { statusLabel } from './hover.js';

function descendants(s: Section): Set<number> {
  const ids = new Set<number>([s.id]);
  const walk = (x: Section) => {
    for (const c of x.children) {
      ids.add(c.id);
      walk(c);
    }
  };
  walk(s);
  return ids;
}

export function codeLenses(plan: Plan, align: AlignView | undefined): CodeLens[] {
  const out: CodeLens[] = [];
  for (const s of plan.sections) {
    if (s.level !== 1) continue;
    const ids = descendants(s);
    const indicators = plan.indicators.filter((i) => i.sectionId !== undefined && ids.has(i.sectionId));
    const range = plan.index.rangeOf({ start: s.heading.start, end: s.heading.start });
    let title: string;
    if (align) {
      const themes = align.themes.filter((t) => t.sectionIds.some((id) => ids.has(id)));
      const indexes = new Set(indicators.map((i) => plan.indicators.indexOf(i)));
      const targets = align.targets.filter((t) => t.indicator !== undefined && indexes.has(t.indicator));
      const answered = themes.length
        ? `回应上级任务 answers: ${themes.map((t) => `${t.title}（${statusLabel(t.status).split(' ')[0]}）`).join('；')}`
        : '未回应上级任务 answers no superior theme';
      title = `${answered} · 对应上级目标 ${targets.length} 项 targets · 指标 ${indicators.length} 项 indicators`;
    } else {
      const items = ids.size - 1;
      title = `${items} 个子项 items · 指标 ${indicators.length} 项 indicators`;
    }
    out.push({ range, command: { title, command: '' } });
  }
  return out;
}
