/**
 * Alignment of a draft with its superior plans: alignPlan(plan, sets) → AlignmentResult.
 * Pure and deterministic; results are memoised per (plan object, sets) so the three alignment
 * rules, the report and editor views can all call it on one analysis at the cost of one run.
 */
import type { Plan } from '../model.js';
import { segmentOffset } from '../text.js';
import { fitsParagraphMemo, ParagraphSlot } from '../generation-memo.js';
import { createSession, type AnalysisSession } from '../session.js';
import type { RequirementSet } from '../requirements/types.js';
import { choosePlanPart, sectionRef } from './part.js';
import { alignTargets } from './targets.js';
import { oneVerdictPerFigure } from './binding.js';
import { goalParagraphs } from './goals.js';
import { direction } from './compare.js';
import { alignThemes, type TopSection } from './themes.js';
import type { AlignmentResult, MatchExplanation, SectionRef, SectionThemes, TargetStatus, ThemeAlignment, ThemeStatus } from './types.js';
import { explainers } from './explain.js';

export * from './types.js';
export { choosePlanPart, draftLevel, draftYear } from './part.js';
export { STRONG, WEAK, RELATIVE } from './themes.js';
export { keywordPattern, keywordWildcards, MAX_KEYWORD_WILDCARDS } from './keywords.js';
export { compareTarget, describeTarget, nameSimilarity, normalizeUnit, NAME_MATCH, NAME_CLOSE } from './targets.js';
export { describeStated, direction } from './compare.js';
export { applicability, bindsOf, inferBinds, oneVerdictPerFigure } from './binding.js';
export { comparableUnits, convertValue, parseUnit, unitFactor } from './units.js';

export interface AlignOptions {
  /** the draft's year when known from outside the text (config); front matter wins */
  year?: number;
  /** the session whose memos serve, where the result is kept (default: a fresh one) */
  session?: AnalysisSession;
}

/** The alignment of each plan of the session (the rules, the views and the report share it). */
const ALIGNMENTS: object = Object.freeze({ name: 'alignments by plan' });
const alignments = (session: AnalysisSession) =>
  session.state(ALIGNMENTS, () => new WeakMap<Plan, { sets: readonly RequirementSet[]; year?: number; result: AlignmentResult }>());

const credit: Record<ThemeStatus, number> = { covered: 1, partial: 0.5, missing: 0 };

export function alignPlan(plan: Plan, sets: readonly RequirementSet[], opts: AlignOptions = {}): AlignmentResult {
  const session = opts.session ?? createSession();
  const cache = alignments(session);
  const hit = cache.get(plan);
  if (hit && hit.year === opts.year && hit.sets.length === sets.length && hit.sets.every((s, i) => s === sets[i])) return hit.result;
  const result = compute(plan, sets, opts.year, session);
  cache.set(plan, { sets: [...sets], year: opts.year, result });
  return result;
}

/**
 * The explanation of each of a theme's matches (keywords, shared terms), in the order of
 * `theme.matches`: computed on demand, once per theme result, in the session that aligned the
 * plan. A theme result from elsewhere (another session, or read back from JSON) is explained by
 * aligning `plan` with `sets` again in `opts.session` (default: a fresh one), with the year the
 * alignment used (`opts.year`, or the result's planPart.year).
 */
export function explainTheme(plan: Plan, sets: readonly RequirementSet[], theme: ThemeAlignment, opts: AlignOptions = {}): readonly MatchExplanation[] {
  const session = opts.session ?? createSession();
  let explain = explainers(session).get(theme);
  if (!explain) {
    const same = alignPlan(plan, sets, { year: opts.year, session }).themes.find((t) => t.set === theme.set && t.theme.id === theme.theme.id);
    if (same && same.matches.length === theme.matches.length) explain = explainers(session).get(same);
  }
  return explain ? explain() : theme.matches.map((m) => ({ terms: [], evidence: m.evidence.map(() => ({ keywords: [], terms: [] })) }));
}

function compute(plan: Plan, sets: readonly RequirementSet[], year: number | undefined, session: AnalysisSession): AlignmentResult {
  const part = choosePlanPart(plan, { year });
  let tops: TopSection[];
  if (part.sections.length) {
    tops = part.sections.map((ref) => ({ ref, section: plan.allSections[ref.sectionId] }));
  } else {
    // no numbered sections: each paragraph is a unit of its own
    tops = plan.blocks.map((b, i): TopSection => ({
      ref: {
        sectionId: -1,
        level: 1,
        number: `¶${i + 1}`,
        title: b.text.slice(0, 20),
        span: { start: b.start, end: b.end },
        heading: { start: b.start, end: b.start },
      },
    }));
  }
  const partSpans = tops.map((t) => t.ref.span);
  const inPart = spanTest(partSpans);
  // the main-targets paragraph before the first heading states targets of the plan too (goals.ts)
  const goals = part.sections.length ? goalParagraphs(plan) : [];
  const inGoals = spanTest(goals);
  const indicators = plan.indicators.filter((i) => inPart(i) || (goals.length > 0 && inGoals(i)));

  const themes = sets.flatMap((set) => alignThemes(plan, tops, set, session));
  const findQuote = quoteFinder(plan, partSpans, session);
  const targets = sets.flatMap((set) => alignTargets(indicators, set, part, session, findQuote));
  // one verdict per draft figure: the strictest applicable target (of any set or level)
  oneVerdictPerFigure(targets, (t) => direction(t) === 'up');

  const byTop = new Map<string, SectionThemes['themes']>();
  const key = (s: SectionRef) => `${s.sectionId}@${s.span.start}`;
  for (const ta of themes) {
    for (const m of ta.matches) {
      const list = byTop.get(key(m.section)) ?? [];
      list.push({ set: ta.set, themeId: ta.theme.id, title: ta.theme.title, score: m.score, strength: m.strength });
      byTop.set(key(m.section), list);
    }
  }
  const sections: SectionThemes[] = tops.map((t) => ({ section: t.ref, themes: byTop.get(key(t.ref)) ?? [] }));
  const unmatchedSections: SectionRef[] = sections.filter((s) => s.themes.length === 0).map((s) => s.section);
  // coverage counts the required themes (all themes when a set marks none required)
  const counted = themes.some((t) => t.theme.required) ? themes.filter((t) => t.theme.required) : themes;
  const coverage = counted.length ? round(counted.reduce((a, t) => a + credit[t.status], 0) / counted.length) : 0;
  const targetSummary: Record<TargetStatus, number> = { met: 0, stronger: 0, weaker: 0, missing: 0, 'not-applicable': 0, 'not-comparable': 0 };
  for (const t of targets) targetSummary[t.status]++;
  return {
    sets: sets.map((s) => ({ name: s.name, title: s.title })),
    planPart: part,
    themes,
    targets,
    sections,
    unmatchedSections,
    coverage,
    targetSummary,
  };
}

/** Paragraphs without white space, by text (the quote finder's, kept as generation-memo.ts explains). */
const stripped = new ParagraphSlot<string>();
/**
 * The last joined text of a plan part (of a document within the paragraph memo's limit), with
 * the stripped paragraphs it joins: an analysis whose part has the same paragraphs (the same kept
 * strings, compared by identity) searches it again instead of joining a megabyte anew.
 */
const LAST_JOINED: object = Object.freeze({ name: 'last joined plan part' });
const lastJoined = (session: AnalysisSession) => session.state(LAST_JOINED, (): { last?: { parts: string[]; text: string; starts: number[] } } => ({}));

/** Searches the plan part's paragraphs for a wording, white space ignored. */
function quoteFinder(
  plan: Plan,
  spans: readonly { start: number; end: number }[],
  session: AnalysisSession,
): (quote: string) => { start: number; end: number } | undefined {
  // the part's paragraphs without white space, joined by line breaks into one text searched once
  // per quote (a stripped quote has no line break, so a match never spans two paragraphs); an
  // index is mapped back to its paragraph only for a match
  let joined: { text: string; blocks: Plan['blocks']; starts: number[] } | undefined;
  const original = (text: string, k: number): number => {
    let n = -1;
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i]!)) continue;
      if (++n === k) return i;
    }
    return text.length - 1;
  };
  const build = () => {
    const blocks = plan.blocks.filter(spanTest(spans));
    const keep = fitsParagraphMemo(plan.blocks.length);
    const parts = blocks.map((b) => stripped.use(session, b, (text) => text.replace(/\s+/g, ''), keep));
    // the same paragraphs as the last analysis's (the kept strings themselves): its text serves
    const kept = lastJoined(session);
    const last = kept.last;
    if (last && last.parts.length === parts.length && parts.every((t, i) => t === last.parts[i])) return { text: last.text, blocks, starts: last.starts };
    const starts: number[] = [];
    let at = 0;
    for (const t of parts) {
      starts.push(at);
      at += t.length + 1;
    }
    const text = parts.join('\n');
    kept.last = keep ? { parts, text, starts } : undefined;
    return { text, blocks, starts };
  };
  return (quote) => {
    const q = quote.replace(/\s+/g, '');
    if (q.length < 4) return undefined;
    joined ??= build();
    const at = joined.text.indexOf(q);
    if (at < 0) return undefined;
    // the paragraph holding the match: the last one starting at or before it
    let lo = 0;
    let hi = joined.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (joined.starts[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    const block = joined.blocks[lo - 1]!;
    const k = at - joined.starts[lo - 1]!;
    const first = original(block.text, k);
    const last = original(block.text, k + q.length - 1);
    return { start: segmentOffset(block.segments, first), end: segmentOffset(block.segments, last) + 1 };
  };
}

/**
 * Whether a span lies inside one of `spans` (top sections or paragraphs: they do not overlap): a
 * binary search for the last one starting at or before it, so that testing every paragraph and
 * indicator of a large draft against a hundred sections stays O(n log n).
 */
function spanTest(spans: readonly { start: number; end: number }[]): (s: { start: number; end: number }) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return (s) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start <= s.start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && s.end <= sorted[lo - 1]!.end;
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export { sectionRef };
