/**
 * Theme ↔ section mapping.
 *
 * Every top section of the plan part is cut into units: the section as a whole, each descendant
 * section, and each paragraph of a leaf section. A theme is compared with every unit by
 *   - character-bigram TF-IDF cosine (no word list; IDF over the draft's paragraphs and the
 *     set's themes, so words every paragraph uses, such as 加强/工作/建设, weigh little), and
 *   - its keywords and synonyms (exact, quotes ignored; `*` stands for 2–3 Han characters, e.g.
 *     健康*行动 for a place name): they weigh in the theme's vector, and a keyword in a unit's
 *     heading raises the unit's score to the strong threshold when the text is similar too
 *     (cosine ≥ weak), else to midway between weak and strong (a heading alone is weak evidence).
 * A unit supports a theme when its score reaches the weak threshold and is at least half its
 * best score over the set's themes (a paragraph answers the themes it is mainly about, not every
 * theme it mentions in passing). A top section's score for a theme is its best supporting unit.
 * Status: covered when some section reaches the strong threshold, partial when only the weak one.
 */
import type { Plan, Section } from '../model.js';
import { fitsParagraphMemo, ParagraphMemo } from '../generation-memo.js';
import { QUOTES } from './keywords.js';
import type { AnalysisSession } from '../session.js';
import type { RequirementSet } from '../requirements/types.js';
import { lowerBound, type Span } from '../text.js';
import { normalize } from './similarity.js';
import { dictionaryGeneration, Scratch, termSpace, termsOfBlocks, withRoom, type TermList } from './terms.js';
import { sectionRef } from './part.js';
import type { SectionRef, ThemeAlignment } from './types.js';
import { explainMatches } from './explain.js';
import { newCosineState, prepare, type PreparedSet } from './prepared.js';

export { MIDDLE, RELATIVE, STRONG, WEAK } from './explain.js';

export interface Unit {
  top: number;
  ref: SectionRef;
  span: Span;
  heading: string;
  /** the unit's paragraphs: plan.blocks[b0 … b1 − 1] */
  b0: number;
  b1: number;
}

export interface TopSection {
  ref: SectionRef;
  section?: Section;
}

function buildUnits(plan: Plan, tops: readonly TopSection[]): Unit[] {
  const units: Unit[] = [];
  // blocks are in document order: the blocks of a span are a contiguous run
  const firstBlockAt = (offset: number) => lowerBound(plan.blocks.length, (i) => plan.blocks[i]!.start < offset);
  const push = (top: number, ref: SectionRef, span: Span, heading: string) => {
    const b0 = firstBlockAt(span.start);
    let b1 = b0;
    while (b1 < plan.blocks.length && plan.blocks[b1]!.end <= span.end) b1++;
    units.push({ top, ref, span, heading: normalize(heading).replace(QUOTES, ''), b0, b1 });
  };
  tops.forEach((t, ti) => {
    if (!t.section) {
      push(ti, t.ref, t.ref.span, '');
      return;
    }
    const walk = (s: Section) => {
      const ref = sectionRef(s);
      push(ti, ref, ref.span, s.title);
      // paragraphs: of a leaf section with several, and the lead-in paragraphs of a parent
      if (s.children.length > 0 || s.body.length > 1) {
        for (const b of s.body) push(ti, ref, { start: b.start, end: b.end }, '');
      }
      for (const c of s.children) walk(c);
    };
    walk(t.section);
  });
  return units;
}

/** The buffers the alignment reuses from one analysis to the next, per session (./session.ts). */
interface Buffers {
  /** document frequency by dense term id (left zeroed by each analysis) */
  dfScratch: Scratch;
  /** the themes' postings by dense term id: 1 + the first entry of the term's chain (left zeroed) */
  postScratch: Scratch;
  /** merged counts by dense term id while a unit's paragraphs are merged (left zeroed) */
  accScratch: Scratch;
  touchedBuffer: Int32Array<ArrayBuffer>;
  seenBuffer: Int32Array<ArrayBuffer>;
  /** the units supporting a theme (explainMatches), reused */
  supportBuffer: Int32Array<ArrayBuffer>;
  /**
   * IDF by dense term id for the terms of the current analysis, negative for the terms of a theme
   * query (which have postings): the cosine loop reads one array per term (left zeroed)
   */
  idfScratch: Float64Array;
  /** terms whose document frequency changed since the last analysis (left zeroed) */
  changedScratch: Uint8Array;
  /** the most entries one key of mergedMemo has held in this session (for tests) */
  mostMergedEntries: number;
}
const BUFFERS: object = Object.freeze({ name: 'alignment buffers' });
function buffers(session: AnalysisSession): Buffers {
  return session.state(BUFFERS, (): Buffers => ({
    dfScratch: new Scratch(),
    postScratch: new Scratch(),
    accScratch: new Scratch(),
    touchedBuffer: new Int32Array(1024),
    seenBuffer: new Int32Array(1024),
    supportBuffer: new Int32Array(1024),
    idfScratch: new Float64Array(1024),
    changedScratch: new Uint8Array(1024),
    mostMergedEntries: 0,
  }));
}

/** Whether any of `ids` is marked. */
function hasMarked(ids: Int32Array, marks: Uint8Array): boolean {
  for (let k = 0; k < ids.length; k++) if (marks[ids[k]!] !== 0) return true;
  return false;
}

/** A unit's distinct terms over its paragraphs (in order of first occurrence) and their counts. */
interface Merged {
  /** the term lists of the unit's paragraphs, in order: the memo entry holds for these only */
  lists: TermList[];
  ids: Int32Array;
  counts: Int32Array;
}

/**
 * Merged counts of the units of several paragraphs (sections), for the units of the last two
 * analyses, by the term list of the unit's first paragraph: while a draft is edited only the
 * sections around the edit have other paragraphs. A key can have several entries (units that
 * begin with equal paragraphs); an entry serves only the paragraphs it lists.
 */
const mergedMemo = new ParagraphMemo<Merged[], TermList>();
/** entries kept per key of mergedMemo */
export const MERGED_PER_KEY = 8;

/** The most entries one key of the merged-count memo has held in the session (for tests). */
export function mostMergedEntriesPerKey(session: AnalysisSession): number {
  return buffers(session).mostMergedEntries;
}

function mergeUnit(session: AnalysisSession, blockTerms: readonly TermList[], b0: number, b1: number, keep: boolean): Merged {
  const B = buffers(session);
  const first = blockTerms[b0]!;
  const entries = keep ? mergedMemo.get(session, first) : undefined;
  if (entries) {
    next: for (const e of entries) {
      if (e.lists.length !== b1 - b0) continue;
      for (let b = b0; b < b1; b++) if (e.lists[b - b0] !== blockTerms[b]) continue next;
      return e;
    }
  }
  const acc = B.accScratch.ids(termSpace(session));
  let nt = 0;
  for (let b = b0; b < b1; b++) {
    const { ids, counts } = blockTerms[b]!;
    B.touchedBuffer = withRoom(B.touchedBuffer, nt + ids.length, nt);
    for (let k = 0; k < ids.length; k++) {
      const x = ids[k]!;
      if (acc[x] === 0) B.touchedBuffer[nt++] = x;
      acc[x]! += counts[k]!;
    }
  }
  const ids = B.touchedBuffer.slice(0, nt);
  const counts = new Int32Array(nt);
  for (let k = 0; k < nt; k++) {
    counts[k] = acc[ids[k]!]!;
    acc[ids[k]!] = 0;
  }
  const merged: Merged = { lists: blockTerms.slice(b0, b1), ids, counts };
  if (keep) {
    if (entries) {
      // editing inside a section keeps its first paragraph: each edit adds an entry to the same
      // key, so only the newest few are kept
      entries.push(merged);
      if (entries.length > MERGED_PER_KEY) entries.shift();
      B.mostMergedEntries = Math.max(B.mostMergedEntries, entries.length);
    } else mergedMemo.set(session, first, [merged]);
  }
  return merged;
}

/** BM25-style IDF, always positive: ln(1 + (N − df + 0.5) / (df + 0.5)) (as similarity.Idf). */
function idfWeight(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** 1 + ln c for small counts (sublinear TF), looked up rather than computed per unit and term */
const TF = Float64Array.from({ length: 256 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));
const tf = (c: number) => (c < 256 ? TF[c]! : 1 + Math.log(c));

export function alignThemes(plan: Plan, tops: readonly TopSection[], set: RequirementSet, session: AnalysisSession): ThemeAlignment[] {
  const B = buffers(session);
  const generation = dictionaryGeneration(session);
  const prepared = prepare(session, set, generation);
  const { queryTerms } = prepared;
  const keep = fitsParagraphMemo(plan.blocks.length);
  const blockTerms = termsOfBlocks(session, plan.blocks, keep);
  const units = buildUnits(plan, tops);

  // document frequencies over the paragraphs and the themes' queries, indexed by dense term id
  // (an array the size of the dictionary, reused and left zeroed), then IDF by document frequency
  const n = blockTerms.length + queryTerms.length;
  const df = B.dfScratch.ids(termSpace(session));
  const seen = countTerms(B, df, blockTerms, queryTerms);
  const post = B.postScratch.ids(termSpace(session));
  try {
    const idfByDf = new Float64Array(n + 1);
    for (let d = 1; d <= n; d++) idfByDf[d] = idfWeight(n, d);
    // terms used by a tenth of the paragraphs or more explain little
    const minWeight = Math.log(1 + (n - n / 10 + 0.5) / (n / 10 + 0.5));
    const postings = themePostings(queryTerms, df, idfByDf, post);

    // one array read per term in the loop below: the term's IDF, negated when a query has it
    if (B.idfScratch.length < df.length) B.idfScratch = new Float64Array(df.length);
    const signedIdf = B.idfScratch;
    for (const x of seen) signedIdf[x] = idfByDf[df[x]!]!;
    for (const q of queryTerms) for (let k = 0; k < q.ids.length; k++) signedIdf[q.ids[k]!] = -idfByDf[df[q.ids[k]!]!]!;

    const sims = unitCosines(session, B, prepared, generation, keep, n, df, seen, units, blockTerms, postings, post, signedIdf);
    // IDF of a term by its dense id, for explanations (every query bigram has one)
    const idfOfTerm = (g: number) => idfByDf[df[g]!]!;
    return explainMatches(session, set, prepared, tops, units, blockTerms, sims, idfOfTerm, minWeight, B);
  } finally {
    // leave the scratch arrays zeroed
    for (const x of seen) {
      df[x] = 0;
      if (x < B.idfScratch.length) B.idfScratch[x] = 0;
    }
    for (const q of queryTerms) for (let k = 0; k < q.ids.length; k++) post[q.ids[k]!] = 0;
  }
}

/**
 * Counts the document frequency of the terms of the paragraphs and the queries into `df`; returns
 * the distinct terms, which gather in a reused buffer (a fresh array of a large draft's hundred
 * thousand terms was an eighth of what an analysis allocated).
 */
function countTerms(B: Buffers, df: Int32Array, blockTerms: readonly TermList[], queryTerms: readonly TermList[]): Int32Array<ArrayBuffer> {
  let seenCount = 0;
  const count = (ids: Int32Array) => {
    B.seenBuffer = withRoom(B.seenBuffer, seenCount + ids.length, seenCount);
    for (let k = 0; k < ids.length; k++) if (df[ids[k]!]!++ === 0) B.seenBuffer[seenCount++] = ids[k]!;
  };
  for (const l of blockTerms) count(l.ids);
  for (const l of queryTerms) count(l.ids);
  return B.seenBuffer.subarray(0, seenCount);
}

/** The themes' vectors as postings: post[x] − 1 is the first entry of term x's chain. */
interface Postings {
  qNorm: number[];
  pT: Int32Array;
  pW: Float64Array;
  pN: Int32Array;
}

function themePostings(queryTerms: readonly TermList[], df: Int32Array, idfByDf: Float64Array, post: Int32Array): Postings {
  const pTheme: number[] = [];
  const pWeight: number[] = [];
  const pNext: number[] = [];
  const qNorm = queryTerms.map((q, ti) => {
    let sq = 0;
    for (let k = 0; k < q.ids.length; k++) {
      const x = q.ids[k]!;
      const w = tf(q.counts[k]!) * idfByDf[df[x]!]!;
      sq += w * w;
      pTheme.push(ti);
      pWeight.push(w);
      pNext.push(post[x]! - 1);
      post[x] = pTheme.length;
    }
    return Math.sqrt(sq);
  });
  return { qNorm, pT: Int32Array.from(pTheme), pW: Float64Array.from(pWeight), pN: Int32Array.from(pNext) };
}

/**
 * Cosine of every unit with every theme: the unit's counts (a paragraph's own, or merged over its
 * paragraphs), sublinear TF × IDF, one pass over its distinct terms (in order of first occurrence);
 * sims[ui · T + ti]: cosine of unit ui with theme ti. Reuses what the last analysis left
 * (CosineState) for the units none of whose terms changed their document frequency.
 */
function unitCosines(
  session: AnalysisSession,
  B: Buffers,
  prepared: PreparedSet,
  generation: number,
  keep: boolean,
  n: number,
  df: Int32Array,
  seen: Int32Array<ArrayBuffer>,
  units: readonly Unit[],
  blockTerms: readonly TermList[],
  { qNorm, pT, pW, pN }: Postings,
  post: Int32Array,
  signedIdf: Float64Array,
): Float64Array {
  // what the last analysis left (CosineState): which terms changed their document frequency
  let state = prepared.cosine;
  if (state.generation !== generation) state = prepared.cosine = newCosineState(generation);
  const previous = state.stamp;
  const stamp = ++state.stamp;
  const comparable = keep && state.n === n;
  if (B.changedScratch.length < df.length) B.changedScratch = new Uint8Array(df.length);
  const changed = B.changedScratch;
  let anyChanged = false;
  if (comparable) {
    for (const x of seen) {
      if (df[x] !== (x < state.df.length ? state.df[x] : 0)) {
        changed[x] = 1;
        anyChanged = true;
      }
    }
  }
  if (keep) {
    // this analysis's frequencies for the next one
    for (let k = 0; k < state.seenCount; k++) state.df[state.seen[k]!] = 0;
    if (state.df.length < df.length) state.df = new Int32Array(df.length);
    state.seen = withRoom(state.seen, seen.length);
    for (let k = 0; k < seen.length; k++) state.df[seen[k]!] = df[seen[k]!]!;
    state.seen.set(seen);
    state.seenCount = seen.length;
    state.n = n;
  }

  const T = qNorm.length;
  const sims = new Float64Array(units.length * T);
  const dot = new Float64Array(T);
  try {
    for (let ui = 0; ui < units.length; ui++) {
      const u = units[ui]!;
      const list = u.b1 - u.b0 === 1 ? blockTerms[u.b0]! : mergeUnit(session, blockTerms, u.b0, u.b1, keep);
      const { ids, counts } = list;
      let kept = keep ? state.units.get(session, list) : undefined;
      let sq: number;
      let dots: Float64Array;
      if (kept && (kept.stamp === stamp || (comparable && kept.stamp === previous && !(anyChanged && hasMarked(ids, changed))))) {
        // computed earlier in this analysis (an equal paragraph), or in the last one and still valid
        kept.stamp = stamp;
        sq = kept.sq;
        dots = kept.dot;
      } else {
        dot.fill(0);
        sq = 0;
        for (let k = 0; k < ids.length; k++) {
          const x = ids[k]!;
          const v = signedIdf[x]!;
          const w = tf(counts[k]!) * (v < 0 ? -v : v);
          sq += w * w;
          if (v < 0) for (let e = post[x]! - 1; e >= 0; e = pN[e]!) dot[pT[e]!]! += w * pW[e]!;
        }
        dots = dot;
        if (keep) {
          if (kept) {
            kept.stamp = stamp;
            kept.sq = sq;
            kept.dot.set(dot);
          } else {
            kept = { stamp, sq, dot: Float64Array.from(dot) };
            state.units.set(session, list, kept);
          }
        }
      }
      const norm = Math.sqrt(sq);
      for (let ti = 0; ti < T; ti++) sims[ui * T + ti] = norm && qNorm[ti] ? dots[ti]! / (norm * qNorm[ti]!) : 0;
    }
  } finally {
    if (anyChanged) for (const x of seen) changed[x] = 0;
  }
  return sims;
}
