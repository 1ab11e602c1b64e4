/** Hover: an indicator's parsed parts and its superior target; a heading's superior themes. */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Indicator, IndicatorOp, Plan } from '../../core/model.js';
import type { AlignView } from '../alignment.js';
import { bilingualStatus } from '../../core/align/labels.js';

const opText: Record<IndicatorOp, string> = {
  ge: '≥ 不低于',
  gt: '> 高于',
  le: '≤ 不高于',
  lt: '< 低于',
  eq: '= 等于',
  approx: '≈ 约',
  range: '区间',
  increase: '↑ 提高',
  decrease: '↓ 降低',
};

function escapeMd(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

export function indicatorAt(plan: Plan, offset: number): { indicator: Indicator; index: number } | undefined {
  let best: { indicator: Indicator; index: number } | undefined;
  plan.indicators.forEach((ind, index) => {
    if (ind.start <= offset && offset <= ind.end) {
      if (!best || ind.end - ind.start < best.indicator.end - best.indicator.start) best = { indicator: ind, index };
    }
  });
  return best;
}

export function indicatorHover(plan: Plan, offset: number, align: AlignView | undefined): Hover | null {
  const hit = indicatorAt(plan, offset);
  if (!hit) return null;
  const ind = hit.indicator;
  const lines: string[] = [];
  lines.push(`**指标 Indicator**：${escapeMd(ind.name || '（未识别名称）')}`);
  lines.push('');
  lines.push('| | |');
  lines.push('|---|---|');
  lines.push(`| 比较 comparator | ${escapeMd(ind.comparator || '—')} (${opText[ind.op] ?? ind.op}) |`);
  lines.push(`| 数值 value | ${escapeMd(ind.value2 !== undefined ? `${ind.value}～${ind.value2}` : String(ind.value))} |`);
  lines.push(`| 单位 unit | ${escapeMd(ind.unit || '—')} |`);
  if (ind.qualifier) lines.push(`| 限定 qualifier | ${escapeMd(ind.qualifier)} |`);
  if (ind.deadline) lines.push(`| 期限 deadline | ${escapeMd(ind.deadline)} |`);
  lines.push(`| 类型 kind | ${ind.kind === 'achieved' ? '完成值 achieved' : ind.kind === 'parameter' ? '参数 parameter' : '目标 target'} |`);
  const target = align?.targets.find((t) => t.indicator === hit.index);
  if (target) {
    lines.push('');
    lines.push(
      `**上级目标 Superior target**（${escapeMd(target.set)}）：${escapeMd(target.name)} ${escapeMd(target.superior)} — ${bilingualStatus('target', target.status)}`,
    );
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n') },
    range: plan.index.rangeOf(ind),
  };
}

export function headingHover(plan: Plan, offset: number, align: AlignView | undefined): Hover | null {
  const section = plan.allSections.find((s) => s.heading.start <= offset && offset <= s.heading.end);
  if (!section) return null;
  const lines: string[] = [];
  lines.push(`**${escapeMd(section.token.raw + section.title)}**`);
  const levelNames = ['', '一级 level 1', '二级 level 2', '三级 level 3', '四级 level 4'];
  lines.push('');
  lines.push(`层级 Level：${levelNames[section.level]}；编号 number：${escapeMd(section.number)}`);
  if (section.token.canonical && section.token.canonical !== section.token.raw) {
    lines.push(`规范写法 Expected form：\`${section.token.canonical}\``);
  }
  if (align) {
    const themes = align.themes.filter((t) => t.sectionIds.includes(section.id) || t.evidenceIds.includes(section.id));
    lines.push('');
    if (themes.length === 0) lines.push('上级任务 Superior themes：无（本节未对应上级任务 no superior theme matched）');
    else {
      lines.push('上级任务 Superior themes：');
      for (const t of themes) {
        const why = t.terms.length ? `（共同词 shared terms：${t.terms.slice(0, 6).map(escapeMd).join('、')}）` : '';
        lines.push(`- ${escapeMd(t.title)} — ${bilingualStatus('theme', t.status)} ${why}`);
      }
    }
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: plan.index.rangeOf(section.heading) };
}
