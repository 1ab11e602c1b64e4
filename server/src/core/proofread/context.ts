/**
 * What the proofreading rules (date/*, text/placeholder, text/formulation, text/typo, text/region,
 * indicator/below-baseline, task/responsibility, notice/document-number) read from the plan beyond
 * its blocks: the plan year, which part of the document plans and which reviews, and the
 * quantitative statements. One small accessor, so that these rules follow the indicator and
 * context APIs (core/indicators*) by changing this file only.
 */
import type { Block, IndicatorKind, Plan } from '../model.js';
import { blockSpan, type QuantityStatement } from '../indicators.js';
import type { AnalysisSession } from '../session.js';
import { fitsParagraphMemo, ParagraphSlot } from '../generation-memo.js';
import { kindContext } from '../indicators/context.js';
import type { RuleContext } from '../rule.js';
import type { Span } from '../text.js';

export { blockSpan };
export type { QuantityStatement };

/** The plan's own year: the rule context's (config), else front matter or the title (indicators' reading). */
export function planYear(ctx: RuleContext): number | undefined {
  return ctx.year ?? ctx.quantities.planYear;
}

/** Every quantitative statement, named or not, with its kind (target / achieved). */
export function quantities(ctx: RuleContext): readonly QuantityStatement[] {
  return ctx.quantities.quantities;
}

/** the session key of the parts memo (per parsed plan, by its blocks) */
const PARTS: object = Object.freeze({ name: 'block parts' });

/**
 * The part each block belongs to: 'achieved' in a review (总结, 回顾), 'target' in a plan part,
 * undefined when the document does not say. Memoised per parsed plan.
 */
export function blockParts(plan: Plan, year: number | undefined, session: AnalysisSession): readonly (IndicatorKind | undefined)[] {
  const parts = session.state(PARTS, () => new WeakMap<readonly Block[], (IndicatorKind | undefined)[]>());
  const hit = parts.get(plan.blocks);
  if (hit) return hit;
  const k = kindContext(plan, year, session);
  const out = plan.blocks.map((_, bi) => {
    const sec = k.blockSection[bi]!;
    return (sec >= 0 ? k.sectionKind[sec] : undefined) ?? k.blockKind[bi];
  });
  if (plan.blocks.length > 0) parts.set(plan.blocks, out);
  return out;
}

/** A front matter string field, trimmed, when present. */
export function frontMatterString(plan: Plan, key: string): string | undefined {
  const v = plan.frontMatter?.data?.[key];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** Han character test (CJK unified ideographs and extension A). */
export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** The sentence of `text` around [start, end): from the previous 。！？；\n to the next. */
export function sentenceAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !/[。！？；!?;\n]/.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !/[。！？；!?;\n]/.test(text[b]!)) b++;
  return text.slice(a, b);
}

/** Iterates the matches of a global regular expression over each block's joined text. */
export function* matches(blocks: readonly Block[], re: RegExp): Generator<{ block: Block; bi: number; m: RegExpExecArray }> {
  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi]!;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(block.text))) {
      if (m[0].length === 0) re.lastIndex++;
      yield { block, bi, m };
    }
  }
}

const newSlot = (): ParagraphSlot<unknown> => new ParagraphSlot();

/**
 * A paragraph's result of a text rule's scan, computed from the paragraph's text alone (offsets
 * within it) and kept with the paragraph's other facts in the session: an edit rescans only the
 * paragraphs it changed, and equal paragraphs are scanned once. `key` names the scan and must be
 * a module constant (a regular expression or a frozen object), never an object made per run.
 */
export function perParagraph<V>(ctx: RuleContext, key: object, block: Block, scan: (text: string) => V): V {
  const slot = ctx.session.state(key, newSlot) as ParagraphSlot<V>;
  return slot.use(ctx.session, block, scan, fitsParagraphMemo(ctx.plan.blocks.length));
}

/** perParagraph for each of `blocks` (default: the plan's), in order, with the slot looked up once. */
export function perParagraphAll<V>(ctx: RuleContext, key: object, scan: (text: string) => V, blocks: readonly Block[] = ctx.plan.blocks): V[] {
  const slot = ctx.session.state(key, newSlot) as ParagraphSlot<V>;
  const keep = fitsParagraphMemo(ctx.plan.blocks.length);
  return slot.useAll(ctx.session, blocks, scan, keep);
}

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/** Every match of a global regular expression in a text. */
export function allMatches(re: RegExp, text: string): readonly RegExpExecArray[] {
  re.lastIndex = 0;
  let out: RegExpExecArray[] | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) re.lastIndex++;
    (out ??= []).push(m);
  }
  return out ?? NO_MATCHES;
}

/**
 * `matches` with each paragraph's matches kept by its text (perParagraph): for the rules' constant
 * patterns. A pattern compiled per run (an office's own list) goes through `matches`.
 */
export function* paragraphMatches(
  ctx: RuleContext,
  re: RegExp,
  blocks: readonly Block[] = ctx.plan.blocks,
): Generator<{ block: Block; bi: number; m: RegExpExecArray }> {
  // perParagraph for each block, with the slot looked up once
  const slot = ctx.session.state(re, newSlot) as ParagraphSlot<readonly RegExpExecArray[]>;
  const keep = fitsParagraphMemo(ctx.plan.blocks.length);
  const found = slot.useAll(ctx.session, blocks, (t) => allMatches(re, t), keep);
  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi]!;
    for (const m of found[bi]!) yield { block, bi, m };
  }
}

/**
 * The blocks whose text holds every one of `needles`: a rule's pattern that cannot match without
 * them is not run on the others (what a CLI run on a small file pays for the text rules).
 */
export function withAll(blocks: readonly Block[], ...needles: string[]): readonly Block[] {
  return blocks.filter((b) => needles.every((n) => b.text.includes(n)));
}

/** Document span of a match group inside a block. */
export function spanOf(block: Block, start: number, length: number): Span {
  return blockSpan(block, start, start + length);
}
