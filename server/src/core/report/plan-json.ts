/**
 * The plan model as JSON (sections, enumerations, indicators): shared by the CLI's reports
 * (cli/format/model.ts) and the language server's views (lsp/views.ts), neither of which may
 * import the other.
 */
import type { Enumeration, Indicator, Plan, Section } from '../model.js';
import type { Range } from '../text.js';

export interface JsonSection {
  level: 1 | 2 | 3 | 4;
  /** the number as written, without brackets or punctuation ("一", "3") */
  number: string;
  /** the numbering token exactly as written ("（一）", "3.") */
  token: string;
  title: string;
  /** the heading */
  range: Range;
  /** the whole section, heading through its last body line */
  fullRange: Range;
  children: JsonSection[];
}

export interface JsonEnumeration {
  kind: string;
  /** number of the enclosing section, if any */
  section?: string;
  range: Range;
  items: { number: number; marker: string; range: Range }[];
}

export interface JsonIndicator {
  text: string;
  name: string;
  comparator: string;
  op: string;
  value: number;
  value2?: number;
  unit: string;
  qualifier?: string;
  deadline?: string;
  kind: 'target' | 'achieved' | 'parameter';
  section?: string;
  range: Range;
}

export function sectionJson(s: Section, plan: Plan): JsonSection {
  return {
    level: s.level,
    number: s.number,
    token: s.token.raw,
    title: s.title,
    range: plan.index.rangeOf(s.heading),
    fullRange: plan.index.rangeOf(s),
    children: s.children.map((c) => sectionJson(c, plan)),
  };
}

function sectionNumber(plan: Plan, id: number | undefined): string | undefined {
  if (id === undefined) return undefined;
  // the path of numbers from the top, e.g. "一/（二）/3."
  const parts: string[] = [];
  for (let s: Section | undefined = plan.allSections[id]; s; s = s.parentId === undefined ? undefined : plan.allSections[s.parentId])
    parts.unshift(s.token.raw);
  return parts.join(' ');
}

export function enumerationJson(e: Enumeration, plan: Plan): JsonEnumeration {
  return {
    kind: e.kind,
    ...(e.sectionId !== undefined ? { section: sectionNumber(plan, e.sectionId) } : {}),
    range: plan.index.rangeOf(e),
    items: e.items.map((i) => ({ number: i.number, marker: i.marker, range: plan.index.rangeOf(i) })),
  };
}

export function indicatorJson(i: Indicator, plan: Plan): JsonIndicator {
  const out: JsonIndicator = {
    text: i.text,
    name: i.name,
    comparator: i.comparator,
    op: i.op,
    value: i.value,
    unit: i.unit,
    kind: i.kind,
    range: plan.index.rangeOf(i),
  };
  if (i.value2 !== undefined) out.value2 = i.value2;
  if (i.qualifier) out.qualifier = i.qualifier;
  if (i.deadline) out.deadline = i.deadline;
  const sec = sectionNumber(plan, i.sectionId);
  if (sec) out.section = sec;
  return out;
}
