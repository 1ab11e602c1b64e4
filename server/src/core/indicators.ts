/**
 * Quantitative indicator extraction: every quantitative statement of the plan, with its name,
 * comparator, relation, value(s), unit, qualifier, deadline and kind (target vs achieved), at
 * exact document offsets. The sentence-level reader is ./indicators/scan.ts; the plan-level
 * context (plan year, summary vs plan parts) is ./indicators/context.ts.
 */
import { createSession, type AnalysisSession } from './session.js';
import type { Block, Indicator, IndicatorKind, Plan } from './model.js';
import { segmentOffset, type Span } from './text.js';
import { kindContext, planYearOf } from './indicators/context.js';
import { resolveOp, scanText, type RawQuantity } from './indicators/scan.js';
import { fitsParagraphMemo, ParagraphSlot } from './generation-memo.js';
import { readTables } from './indicators/table.js';

export { scanText, resolveOp, type RawQuantity } from './indicators/scan.js';
export { planYearOf } from './indicators/context.js';

type PlanBase = Omit<Plan, 'indicators'>;

/** A statement located in the document, named or not (rules that read wording use both). */
export interface QuantityStatement extends Indicator {
  /** comparator and qualifier spans (document offsets), when present */
  comparatorSpan?: Span;
  qualifierSpan?: Span;
  /** block index and the statement's sentence/list group within it */
  block: number;
  sentence: number;
  /** the full sentence (。！？) within the block: its ；-clauses are parallel statements */
  period: number;
  group: number;
  /** a share whose subject follows the value ("94%的疑难危重疾病……"): at most 100% */
  share?: boolean;
}

export interface QuantityAnalysis {
  planYear?: number;
  /** every statement with a unit, including nameless ones */
  quantities: QuantityStatement[];
  /** named statements: the plan's indicators */
  indicators: Indicator[];
}

/** the quantities of each parsed plan (by its blocks), per session */
const QUANTITIES: object = Object.freeze({ name: 'quantities by plan' });

function toDoc(b: Block, i: number): number {
  return segmentOffset(b.segments, i);
}
function toDocEnd(b: Block, i: number): number {
  return i <= 0 ? toDoc(b, 0) : segmentOffset(b.segments, i - 1) + 1;
}

/** All quantitative statements of a plan (memoised per parsed plan in `session`; default: a fresh one). */
export function analyzeQuantities(plan: PlanBase, session: AnalysisSession = createSession()): QuantityAnalysis {
  const cache = session.state(QUANTITIES, () => new WeakMap<readonly Block[], QuantityAnalysis>());
  const hit = cache.get(plan.blocks);
  if (hit && plan.blocks.length > 0) return hit;
  const planYear = planYearOf(plan);
  const ctx = kindContext(plan, planYear, session);
  const quantities: QuantityStatement[] = [];
  const indicators: Indicator[] = [];
  const keep = fitsParagraphMemo(plan.blocks.length);
  // table rows are read as tables (./indicators/table.ts), not as prose
  const tables = plan.blocks.some((b) => b.tableRow) ? readTables(plan.blocks, planYear) : undefined;
  plan.blocks.forEach((b, bi) => {
    const raws = b.tableRow ? (tables?.get(bi) ?? []) : scanBlock(session, b, planYear, keep);
    if (raws.length === 0) return;
    const secId = ctx.blockSection[bi]!;
    const contextKind: IndicatorKind | undefined = (secId >= 0 ? ctx.sectionKind[secId] : undefined) ?? ctx.blockKind[bi];
    for (const r of raws) {
      let kind: IndicatorKind = r.cue ?? contextKind ?? 'target';
      // what a fiscal or tax policy sets (赤字率, 税率, 财政支出, 专项债券 …) and a sampling quota
      // (至少抽查2个县) are parameters of the plan
      if (kind === 'target' && r.norm) kind = 'parameter';
      const ind = toIndicator(b, r, kind, secId >= 0 ? secId : undefined);
      const q: QuantityStatement = {
        start: ind.start,
        end: ind.end,
        text: ind.text,
        name: ind.name,
        comparator: ind.comparator,
        op: ind.op,
        value: ind.value,
        value2: ind.value2,
        unit: ind.unit,
        qualifier: ind.qualifier,
        deadline: ind.deadline,
        kind: ind.kind,
        sectionId: ind.sectionId,
        valueSpan: ind.valueSpan,
        block: bi,
        sentence: r.sentence,
        period: r.period,
        group: r.group,
        share: r.share,
        comparatorSpan: r.comparator ? { start: toDoc(b, r.comparatorStart), end: toDocEnd(b, r.comparatorEnd) } : undefined,
        qualifierSpan:
          r.qualifierStart !== undefined && r.qualifierEnd !== undefined ? { start: toDoc(b, r.qualifierStart), end: toDocEnd(b, r.qualifierEnd) } : undefined,
      };
      quantities.push(q);
      if (ind.name) indicators.push(ind);
    }
  });
  const result: QuantityAnalysis = { planYear, quantities, indicators };
  if (plan.blocks.length > 0) cache.set(plan.blocks, result);
  return result;
}

/**
 * scanText of a paragraph, memoised by its text and the plan year (generation-memo.ts: ParagraphMemo): while
 * a draft is edited almost every paragraph is unchanged between two analyses. The raw statements are only
 * read, never changed, so one list serves every analysis.
 */
const SCAN_BUFFER: object = Object.freeze({ name: 'scanText compact buffer' });
const scans = new ParagraphSlot<{ planYear: number | undefined; raws: readonly RawQuantity[] }>();
function scanBlock(session: AnalysisSession, block: Block, planYear: number | undefined, keep: boolean): readonly RawQuantity[] {
  const hit = scans.get(session, block, keep);
  if (hit && hit.planYear === planYear) return hit.raws;
  // compact()'s index map: one buffer per session, grown as needed (scanText keeps no state itself)
  const scratch = session.state(SCAN_BUFFER, () => ({ buffer: new Int32Array(1024) }));
  if (scratch.buffer.length <= block.text.length) scratch.buffer = new Int32Array(Math.max(block.text.length + 1, scratch.buffer.length * 2));
  const raws = scanText(block.text, { planYear, buffer: scratch.buffer });
  scans.set(session, block, keep, { planYear, raws });
  return raws;
}

function toIndicator(b: Block, r: RawQuantity, kind: IndicatorKind, sectionId: number | undefined): Indicator {
  const ind: Indicator = {
    start: toDoc(b, r.start),
    end: toDocEnd(b, r.end),
    text: b.text.slice(r.start, r.end),
    name: r.name,
    comparator: r.comparator,
    op: resolveOp(r, kind),
    value: r.value,
    unit: r.unit,
    kind,
    valueSpan: { start: toDoc(b, r.valueStart), end: toDocEnd(b, r.valueEnd) },
    // one object shape for every indicator (absent fields are undefined, omitted from JSON)
    value2: r.value2,
    qualifier: r.qualifier || undefined,
    deadline: r.deadline || undefined,
    sectionId,
  };
  return ind;
}

/** The plan's indicators (named quantitative statements), in document order. */
export function extractIndicators(plan: PlanBase, session: AnalysisSession = createSession()): Indicator[] {
  return analyzeQuantities(plan, session).indicators;
}

/** Document span of [start, end) in a block's joined text. */
export function blockSpan(b: Block, start: number, end: number): Span {
  return { start: toDoc(b, start), end: end > start ? toDocEnd(b, end) : toDoc(b, start) };
}

/** Spans of section numbering tokens (numbering rules own those characters). */
export function tokenSpans(plan: PlanBase): Span[] {
  return plan.allSections.map((s) => ({ start: s.token.start, end: s.token.end }));
}

/** Whether a span of the document contains a line break (an edit over it would join lines). */
export function crossesLine(text: string, span: Span): boolean {
  for (let i = span.start; i < span.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}
