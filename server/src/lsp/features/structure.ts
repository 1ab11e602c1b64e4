/** Outline (document symbols) and folding ranges from the plan's structure. */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange, type Range } from 'vscode-languageserver';
import type { Enumeration, Indicator, Plan, Section } from '../../core/model.js';
import type { Span } from '../../core/text.js';

export const SectionSymbolKind = SymbolKind.Namespace;
export const EnumerationSymbolKind = SymbolKind.Enum;
export const EnumerationItemSymbolKind = SymbolKind.EnumMember;
export const IndicatorSymbolKind = SymbolKind.Number;

const levelName = ['', '一级标题', '二级标题', '三级标题', '四级标题'];

function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max) + '…' : t;
}

/** Trims a span so it does not end on white space or line breaks (nicer ranges in editors). */
function trimSpan(plan: Plan, span: Span): Span {
  let end = Math.min(span.end, plan.text.length);
  const start = Math.max(0, Math.min(span.start, end));
  while (end > start && /\s/.test(plan.text[end - 1]!)) end--;
  return { start, end: Math.max(end, start) };
}

function symbol(plan: Plan, name: string, detail: string, kind: SymbolKind, full: Span, selection: Span, children: DocumentSymbol[]): DocumentSymbol {
  const f = trimSpan(plan, full);
  let s = trimSpan(plan, selection);
  // LSP requires the selection range to lie inside the full range
  if (s.start < f.start || s.end > f.end) s = { start: f.start, end: Math.min(f.end, Math.max(f.start, s.end)) };
  return {
    name: name || '—',
    detail,
    kind,
    range: plan.index.rangeOf(f),
    selectionRange: plan.index.rangeOf(s),
    children,
  };
}

function indicatorSymbol(plan: Plan, ind: Indicator): DocumentSymbol {
  const unit = ind.unit ?? '';
  const value = ind.value2 !== undefined ? `${ind.value}～${ind.value2}${unit}` : `${ind.value}${unit}`;
  const detail = `${ind.kind === 'achieved' ? '完成值' : ind.kind === 'parameter' ? '参数' : '目标'} ${ind.comparator}${value}${ind.qualifier ?? ''}`;
  return symbol(plan, clip(ind.name || ind.text, 40), detail, IndicatorSymbolKind, ind, ind, []);
}

function enumerationSymbol(plan: Plan, en: Enumeration): DocumentSymbol {
  const items = en.items.map((it) => {
    const body = plan.text.slice(it.start, Math.min(it.end, it.start + 60)).replace(/\r?\n\s*/g, '');
    return symbol(plan, clip(body, 24), it.marker, EnumerationItemSymbolKind, it, { start: it.start, end: it.start + it.marker.length }, []);
  });
  const first = en.items[0]?.marker ?? '';
  const last = en.items[en.items.length - 1]?.marker ?? '';
  const name = en.items.length > 1 ? `${first}……${last}` : first || en.kind;
  return symbol(plan, name, `${en.items.length} 项`, EnumerationSymbolKind, en, en.items[0] ?? en, items);
}

export function documentSymbols(plan: Plan): DocumentSymbol[] {
  const bySection = new Map<number | undefined, { start: number; sym: DocumentSymbol }[]>();
  const add = (id: number | undefined, start: number, sym: DocumentSymbol) => {
    let list = bySection.get(id);
    if (!list) bySection.set(id, (list = []));
    list.push({ start, sym });
  };
  for (const en of plan.enumerations) add(en.sectionId, en.start, enumerationSymbol(plan, en));
  for (const ind of plan.indicators) add(ind.sectionId, ind.start, indicatorSymbol(plan, ind));

  const build = (s: Section): DocumentSymbol => {
    const children: { start: number; sym: DocumentSymbol }[] = s.children.map((c) => ({ start: c.start, sym: build(c) }));
    for (const c of bySection.get(s.id) ?? []) children.push(c);
    children.sort((a, b) => a.start - b.start);
    const name = `${s.token.raw}${s.title}`.trim();
    return symbol(
      plan,
      clip(name, 60),
      levelName[s.level] ?? '',
      SectionSymbolKind,
      s,
      s.heading,
      children.map((c) => c.sym),
    );
  };
  const top: { start: number; sym: DocumentSymbol }[] = plan.sections.map((s) => ({ start: s.start, sym: build(s) }));
  // loops, not push(...spread): a document of 100,000 indicators would overflow the call stack
  for (const t of bySection.get(undefined) ?? []) top.push(t);
  // enumerations / indicators attached to a section id the tree does not contain go on top
  const known = new Set(plan.allSections.map((s) => s.id));
  for (const [id, list] of bySection) if (id !== undefined && !known.has(id)) for (const t of list) top.push(t);
  top.sort((a, b) => a.start - b.start);
  return top.map((t) => t.sym);
}

function lastContentLine(plan: Plan, span: Span): number {
  const t = trimSpan(plan, span);
  return plan.index.lineAt(Math.max(t.start, t.end - 1));
}

export function foldingRanges(plan: Plan): FoldingRange[] {
  const out: FoldingRange[] = [];
  if (plan.frontMatter) {
    const a = plan.index.lineAt(plan.frontMatter.start);
    const b = lastContentLine(plan, plan.frontMatter);
    if (b > a) out.push({ startLine: a, endLine: b, kind: FoldingRangeKind.Region });
  }
  for (const s of plan.allSections) {
    const a = plan.index.lineAt(s.heading.start);
    const b = lastContentLine(plan, s);
    if (b > a) out.push({ startLine: a, endLine: b });
  }
  for (const en of plan.enumerations) {
    const a = plan.index.lineAt(en.start);
    const b = lastContentLine(plan, en);
    if (b > a) out.push({ startLine: a, endLine: b });
  }
  return out;
}

/** The innermost section whose span contains the offset. */
export function sectionAt(plan: Plan, offset: number): Section | undefined {
  let best: Section | undefined;
  for (const s of plan.allSections) {
    if (s.start <= offset && offset <= s.end && (!best || s.end - s.start <= best.end - best.start)) best = s;
  }
  return best;
}

export function rangeOf(plan: Plan, span: Span): Range {
  return plan.index.rangeOf(span);
}
