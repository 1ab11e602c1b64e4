/**
 * Theme scores, statuses and their explanations, split from ./themes.ts (which cuts the plan into
 * units and computes their cosines with the themes): a unit's score for a theme is its cosine,
 * raised by a theme keyword in its heading; the supporting units of each top section make the
 * theme's matches. Results are plain data; their explanations (keywords, shared terms) are worked
 * out on demand: each theme's explainer is kept in the session, keyed by the theme's result
 * (explainTheme in ./index.ts reads it).
 */
import type { RequirementSet } from '../requirements/types.js';
import type { AnalysisSession } from '../session.js';
import { QUOTES } from './keywords.js';
import { explainRuns, matchRuns, mergeRuns, type QueryIndex } from './similarity.js';
import { normOf, withRoom, type TermList } from './terms.js';
import type { Keyword, PreparedSet } from './prepared.js';
import type { TopSection, Unit } from './themes.js';
import type { Evidence, MatchExplanation, ThemeAlignment, ThemeMatch } from './types.js';

/*
 * Calibration (seed 000 against henan-2021, each theme × level-1 section, best unit cosine):
 * the 81 pairs a reader would not match score 0.008–0.095 (median 0.037, p90 0.067); the pairs
 * a reader would match have median 0.207 and reach 0.495. WEAK sits just above the largest
 * unrelated score, STRONG just below the median related one. An unrelated plan (education) scores
 * below WEAK against every theme (test/align.test.ts).
 */
/** Score a unit must reach to count as (weak) evidence: partial coverage. */
export const WEAK = 0.1;
/** Score of strong evidence: the theme is covered. */
export const STRONG = 0.18;
/** A heading that names a theme keyword with little text similarity: weak evidence. */
export const MIDDLE = (WEAK + STRONG) / 2;
/** A unit supports the themes scoring at least this share of its best theme score. */
export const RELATIVE = 0.5;

export interface HeadingHit {
  theme: number;
  k: string;
  start: number;
  end: number;
}

/**
 * Keywords in a heading: leftmost-longest over all themes' keywords, so that in
 * “食品安全风险监测” 食品安全 wins and 安全风险 (another theme's keyword) does not count.
 */
function headingHits(session: AnalysisSession, p: PreparedSet, heading: string): HeadingHit[] {
  const cached = p.headings.get(session, heading);
  if (cached) return cached;
  // candidate keywords, tried in theme and keyword order (ties in the sort below keep that order)
  const candidates = [...p.unanchored];
  for (let i = 0; i + 1 < heading.length; i++) {
    const list = p.anchored.get(heading.charCodeAt(i) * 65536 + heading.charCodeAt(i + 1));
    if (list) for (const c of list) candidates.push(c); // a loop: a list can exceed the argument limit of a spread
  }
  candidates.sort((a, b) => a.ti - b.ti || a.ki - b.ki);
  const hits: HeadingHit[] = [];
  let last: { ti: number; ki: number } | undefined;
  for (const c of candidates) {
    if (last && last.ti === c.ti && last.ki === c.ki) continue;
    last = c;
    const { k, g } = p.patterns[c.ti]![c.ki]!;
    g.lastIndex = 0;
    for (const m of heading.matchAll(g)) hits.push({ theme: c.ti, k, start: m.index, end: m.index + m[0].length });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end || a.theme - b.theme);
  const kept: HeadingHit[] = [];
  for (const h of hits) {
    const prev = kept[kept.length - 1];
    if (prev && h.start < prev.end && !(h.start === prev.start && h.end === prev.end)) continue;
    kept.push(h);
  }
  p.headings.set(session, heading, kept);
  return kept;
}

const NONE: readonly string[] = [];
const NO_HITS: readonly HeadingHit[] = [];

/** Works out the explanations of one theme's matches (in the order of its matches), once. */
export type ThemeExplainer = () => readonly MatchExplanation[];

/** the session key of the explainers, by theme result */
const EXPLAINERS: object = Object.freeze({ name: 'theme explainers' });

/** The session's explainers of the theme results it computed (kept while the result lives). */
export function explainers(session: AnalysisSession): WeakMap<ThemeAlignment, ThemeExplainer> {
  return session.state(EXPLAINERS, () => new WeakMap<ThemeAlignment, ThemeExplainer>());
}

/** What every theme's matches are made from: the units' scores and the analysis's inputs. */
interface Scored {
  set: RequirementSet;
  prepared: PreparedSet;
  tops: readonly TopSection[];
  units: readonly Unit[];
  blockTerms: readonly TermList[];
  /** sims[ui · T + ti]: cosine of unit ui with theme ti (T themes) */
  sims: Float64Array;
  /** IDF by dense term id */
  idfOf: (id: number) => number;
  minWeight: number;
  /** the reused buffer of the units supporting a theme (themes.ts Buffers) */
  B: { supportBuffer: Int32Array<ArrayBuffer> };
  /** score of each (theme, unit) at [ti * U + ui] */
  scores: Float64Array;
  bestPerUnit: Float64Array;
  /** a unit's score for the theme at hand, rounded as reported */
  rounded: Float64Array;
  /** each unit's heading keywords by theme (undefined: none) */
  keywordsByTheme: (Map<number, string[]> | undefined)[];
}

export function explainMatches(
  session: AnalysisSession,
  set: RequirementSet,
  prepared: PreparedSet,
  tops: readonly TopSection[],
  units: readonly Unit[],
  blockTerms: readonly TermList[],
  /** sims[ui · T + ti]: cosine of unit ui with theme ti (T themes) */
  sims: Float64Array,
  /** IDF by dense term id */
  idfOf: (id: number) => number,
  minWeight: number,
  B: { supportBuffer: Int32Array<ArrayBuffer> },
): ThemeAlignment[] {
  const U = units.length;
  const { scores, bestPerUnit, keywordsByTheme } = scoreUnits(session, set, prepared, units, sims);
  const c: Scored = { set, prepared, tops, units, blockTerms, sims, idfOf, minWeight, B, scores, bestPerUnit, rounded: new Float64Array(U), keywordsByTheme };
  const kept = explainers(session);
  return set.themes.map((theme, ti) => {
    const { result, explain } = alignTheme(c, ti);
    kept.set(result, once(explain));
    return result;
  });
}

/** `f`, computed on the first call only. */
function once<T>(f: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value as T;
  };
}

/**
 * Score of each (theme, unit) at [ti * U + ui]: the similarity, raised by a keyword in the unit's
 * heading; keywords in the body only explain, so they are looked up for evidence only.
 */
function scoreUnits(session: AnalysisSession, set: RequirementSet, prepared: PreparedSet, units: readonly Unit[], sims: Float64Array) {
  const hitsOf = units.map((u) => (u.heading ? headingHits(session, prepared, u.heading) : NO_HITS));
  const U = units.length;
  const T = set.themes.length;
  const scores = new Float64Array(set.themes.length * U);
  // each unit's heading keywords grouped by theme once (filtering every hit per theme was
  // quadratic when many themes share a keyword)
  const keywordsByTheme = hitsOf.map((hits) => {
    if (hits.length === 0) return undefined;
    const byTheme = new Map<number, string[]>();
    for (const h of hits) {
      const list = byTheme.get(h.theme);
      if (!list) byTheme.set(h.theme, [h.k]);
      else if (!list.includes(h.k)) list.push(h.k);
    }
    return byTheme;
  });
  const bestPerUnit = new Float64Array(U);
  for (let ui = 0; ui < U; ui++) {
    const hits = hitsOf[ui]!;
    for (let ti = 0; ti < set.themes.length; ti++) {
      const similarity = sims[ui * T + ti]!;
      let score = similarity;
      if (hits.length > 0 && keywordsByTheme[ui]!.has(ti)) score = Math.max(score, similarity >= WEAK ? STRONG : MIDDLE);
      scores[ti * U + ui] = score;
      if (score > bestPerUnit[ui]!) bestPerUnit[ui] = score;
    }
  }
  return { scores, bestPerUnit, keywordsByTheme };
}

/**
 * Keywords in the text (quotes ignored): a keyword never spans a line break, so a unit has the
 * keywords its paragraphs have, which each paragraph keeps.
 */
function bodyKeywords(list: readonly Keyword[], blockTerms: readonly TermList[], u: Unit, already: readonly string[]): string[] {
  const found = new Uint8Array(list.length);
  for (let b = u.b0; b < u.b1; b++) {
    const block = blockTerms[b]!;
    block.keywords ??= new Map();
    let flags = block.keywords.get(list);
    if (!flags) {
      const text = normOf(block).replace(QUOTES, '');
      flags = Uint8Array.from(list, ({ re }) => (re.test(text) ? 1 : 0));
      block.keywords.set(list, flags);
    }
    for (let k = 0; k < flags.length; k++) found[k]! |= flags[k]!;
  }
  const out = [...already];
  list.forEach(({ k }, i) => {
    if (found[i] && !out.includes(k)) out.push(k);
  });
  return out;
}

/**
 * One theme's alignment: its supporting units grouped by top section, one match per section; and
 * the explanation of its matches, to work out on demand.
 */
function alignTheme(c: Scored, ti: number): { result: ThemeAlignment; explain: () => MatchExplanation[] } {
  const { set, units, scores, bestPerUnit, rounded, B } = c;
  const theme = set.themes[ti]!;
  const U = units.length;
  // the IDF of the query's bigram at each position, looked up once per theme
  const positions = c.prepared.queryBigrams[ti]!;
  const weights = new Float64Array(positions.length);
  for (let k = 0; k < positions.length; k++) if (positions[k]! >= 0) weights[k] = c.idfOf(positions[k]!);
  const weightAt = (k: number) => weights[k]!;
  // the units supporting the theme, grouped by top section (units are in top order), each
  // group by rounded score (highest first), then position, then unit order
  // (units are in top order, so the supporting ones, in unit order, come grouped by top)
  B.supportBuffer = withRoom(B.supportBuffer, U);
  let ns = 0;
  for (let ui = 0; ui < U; ui++) {
    const score = scores[ti * U + ui]!;
    if (score < WEAK || score < RELATIVE * bestPerUnit[ui]!) continue;
    rounded[ui] = round(score);
    B.supportBuffer[ns++] = ui;
  }
  const supporting = B.supportBuffer.subarray(0, ns);
  const groups: { top: number; from: number; to: number }[] = [];
  for (let i = 0; i < ns; i++) {
    const top = units[supporting[i]!]!.top;
    if (i === 0 || top !== groups[groups.length - 1]!.top) groups.push({ top, from: i, to: i + 1 });
    else groups[groups.length - 1]!.to = i + 1;
  }
  for (const { from, to } of groups)
    supporting.subarray(from, to).sort((a, b) => rounded[b]! - rounded[a]! || units[a]!.span.start - units[b]!.span.start || a - b);
  const explained = groups
    .map(({ top, from, to }) => matchOf(c, ti, weightAt, supporting, top, from, to))
    .sort((a, b) => b.match.score - a.match.score || a.match.section.span.start - b.match.section.span.start);
  const matches = explained.map((m) => m.match);
  const score = matches[0]?.score ?? 0;
  const status = score >= STRONG ? 'covered' : score >= WEAK ? 'partial' : 'missing';
  return { result: { set: set.name, theme, status, score, matches }, explain: () => explained.map((m) => m.explain()) };
}

/**
 * The match of theme `ti` in top section `top`, from its supporting units supporting[from … to − 1],
 * and its explanation, to work out on demand.
 */
function matchOf(
  c: Scored,
  ti: number,
  weightAt: (k: number) => number,
  supporting: Int32Array,
  top: number,
  from: number,
  to: number,
): { match: ThemeMatch; explain: () => MatchExplanation } {
  const { units, rounded, sims, blockTerms, minWeight } = c;
  const T = c.set.themes.length;
  const queryIndexes = c.prepared.queryIndexes;
  const patterns = c.prepared.patterns;
  // one piece of evidence per section (its best unit: the section or one of its paragraphs),
  // explained (shared terms, keywords) only for the three shown
  const best: { u: Unit; ui: number; score: number }[] = [];
  for (let i = from; i < to && best.length < 3; i++) {
    const ui = supporting[i]!;
    const u = units[ui]!;
    if (best.some((e) => e.u.ref.sectionId === u.ref.sectionId)) continue;
    best.push({ u, ui, score: rounded[ui]! });
  }
  const evidence: Evidence[] = best.map(({ u, ui, score }) => ({
    section: u.ref,
    span: u.span,
    score,
    similarity: round(sims[ui * T + ti]!),
    keywordInHeading: (c.keywordsByTheme[ui]?.get(ti) ?? NONE).length > 0,
  }));
  const score = evidence[0]!.score;
  const match: ThemeMatch = { section: c.tops[top]!.ref, score, strength: score >= STRONG ? 'strong' : 'weak', evidence };
  // keywords and shared terms are worked out on demand (reports, hover, the views), not for
  // every analysis: the rules and the diagnostics never read them, and on a large draft they
  // were a third of the alignment
  const explain = (): MatchExplanation => {
    const explained = best.map(({ u, ui }) => ({
      keywords: bodyKeywords(patterns[ti]!, blockTerms, u, c.keywordsByTheme[ui]?.get(ti) ?? NONE),
      terms: explainUnit(queryIndexes[ti]!, u, blockTerms, weightAt, minWeight),
    }));
    const terms: string[] = [];
    for (const e of explained) for (const t of [...e.keywords, ...e.terms]) if (!terms.includes(t) && !terms.some((x) => x.includes(t))) terms.push(t);
    return { terms: terms.slice(0, 8), evidence: explained };
  };
  return { match, explain };
}

/**
 * Shared terms of a theme's query and a unit (similarity.explainShared): runs never cross a line
 * break, so the unit's runs are the longest of its paragraphs' runs, which each paragraph keeps.
 */
function explainUnit(qi: QueryIndex, u: Unit, blockTerms: readonly TermList[], weightAt: (k: number) => number, minWeight: number): string[] {
  const best = new Int32Array(qi.norm.length);
  for (let b = u.b0; b < u.b1; b++) {
    const block = blockTerms[b]!;
    block.runs ??= new Map();
    let runs = block.runs.get(qi);
    if (!runs) {
      runs = matchRuns(qi, normOf(block));
      block.runs.set(qi, runs);
    }
    mergeRuns(best, runs);
  }
  return explainRuns(qi, best, weightAt, 6, minWeight);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
