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
import { keywordPattern, QUOTES } from './keywords.js';
import { activeSession } from '../session.js';
import type { RequirementSet, Theme } from '../requirements/types.js';
import type { Span } from '../text.js';
import { bigramId, explainRuns, isHan, matchRuns, mergeRuns, normalize, queryIndex, type QueryIndex } from './similarity.js';
import { denseIdOf, termLookup, dictionaryGeneration, normOf, Scratch, termList, termsOfBlock, withRoom, type TermList } from './terms.js';
import { sectionRef } from './part.js';
import type { Evidence, SectionRef, ThemeAlignment, ThemeMatch } from './types.js';

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

interface Unit {
  top: number;
  ref: SectionRef;
  span: Span;
  heading: string;
  /** the unit's paragraphs: plan.blocks[b0 … b1 − 1] */
  b0: number;
  b1: number;
}

function themeQuery(t: Theme): string {
  return normalize([t.title, t.title, ...t.keywords, ...(t.synonyms ?? []), t.text ?? ''].map((s) => s.replace(/\*/g, '，')).join('，'));
}

export interface TopSection {
  ref: SectionRef;
  section?: Section;
}

function buildUnits(plan: Plan, tops: readonly TopSection[]): Unit[] {
  const units: Unit[] = [];
  // blocks are in document order: the blocks of a span are a contiguous run
  const firstBlockAt = (offset: number) => {
    let lo = 0;
    let hi = plan.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (plan.blocks[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
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

interface Keyword {
  k: string;
  re: RegExp;
  g: RegExp;
}

interface PreparedSet {
  queries: string[];
  /** the queries' bigram positions, for explanations */
  queryIndexes: QueryIndex[];
  /** the queries' term lists, in the dictionary generation `generation` */
  queryTerms: TermList[];
  /** the dense id of the queries' bigram at each position (−1 where there is none) */
  queryBigrams: Int32Array[];
  generation: number;
  patterns: Keyword[][];
  /**
   * Keywords by a character pair every match contains (the first two characters of the
   * keyword's longest literal piece, as c1 · 65536 + c2): only these are tried on a heading.
   */
  anchored: Map<number, { ti: number; ki: number }[]>;
  /** keywords without a literal piece of two characters: tried on every heading */
  unanchored: { ti: number; ki: number }[];
  /**
   * heading hits by heading text, for the headings of the last two analyses (generation-memo.ts
   * ParagraphMemo): headings rarely change while a draft is edited. Not cleared by clearMemos():
   * it belongs to the prepared set (and goes with it), and hits depend on the heading alone.
   */
  headings: ParagraphMemo<HeadingHit[]>;
  /** what the cosine of the last analysis leaves for the next (see CosineState) */
  cosine: CosineState;
}

/** A unit's squared norm and dot product with each theme, as computed in analysis `stamp`. */
interface UnitCosine {
  stamp: number;
  sq: number;
  dot: Float64Array;
}

/**
 * The cosine's inputs and results kept from one analysis to the next. A unit's norm and dot
 * products depend on its terms' counts and IDF only: where the document has as many paragraphs as
 * before (so IDF is the same function of document frequency) and none of the unit's terms changed
 * its document frequency, the unit's numbers from the previous analysis are the ones this one would
 * compute, bit for bit (same terms, same order, same weights). While a draft is edited, an edit
 * changes the frequency of a few terms; re-analysing the same text changes none.
 */
interface CosineState {
  /** dictionary generation the state belongs to (a new session has new prepared sets) */
  generation: number;
  /** analyses counted; the stamp of the last one */
  stamp: number;
  /** the last analysis's number of term lists (paragraphs and queries), −1 before the first */
  n: number;
  /** its document frequencies by dense id, and the ids it set */
  df: Int32Array;
  seen: Int32Array<ArrayBuffer>;
  seenCount: number;
  /** unit results by the unit's term list (a paragraph's, or a section's merged one) */
  units: ParagraphMemo<UnitCosine, object>;
}

function newCosineState(generation: number): CosineState {
  return { generation, stamp: 0, n: -1, df: new Int32Array(0), seen: new Int32Array(0), seenCount: 0, units: new ParagraphMemo({ memo: false }) };
}


interface HeadingHit {
  theme: number;
  k: string;
  start: number;
  end: number;
}


/** Set-derived data, computed once per set object (sets are immutable once loaded). */
const PREPARED: object = Object.freeze({ name: 'prepared requirement sets' });
function prepare(set: RequirementSet, generation: number): PreparedSet {
  // per session: a prepared set carries the cosine state of the session's last analysis
  const preparedSets = activeSession().state(PREPARED, () => new WeakMap<RequirementSet, PreparedSet>());
  let p = preparedSets.get(set);
  if (!p) {
    const queries = set.themes.map(themeQuery);
    const anchored = new Map<number, { ti: number; ki: number }[]>();
    const unanchored: { ti: number; ki: number }[] = [];
    const patterns = set.themes.map((t, ti) =>
      [...t.keywords, ...(t.synonyms ?? [])].map((k, ki) => {
        const re = keywordPattern(k);
        const literal = normalize(k)
          .replace(QUOTES, '')
          .split(/\*+/)
          .reduce((a, b) => (b.length > a.length ? b : a), '');
        if (literal.length >= 2) {
          const key = literal.charCodeAt(0) * 65536 + literal.charCodeAt(1);
          const list = anchored.get(key);
          if (list) list.push({ ti, ki });
          else anchored.set(key, [{ ti, ki }]);
        } else unanchored.push({ ti, ki });
        return { k, re, g: new RegExp(re.source, 'g') };
      }),
    );
    const queryTerms = queries.map((q) => termList(q, q));
    p = { queries, queryIndexes: queries.map(queryIndex), queryTerms, queryBigrams: queries.map(bigramIds), generation, patterns, anchored, unanchored, headings: new ParagraphMemo({ memo: false }), cosine: newCosineState(generation) };
    preparedSets.set(set, p);
  } else if (p.generation !== generation) {
    p.queryTerms = p.queries.map((q) => termList(q, q));
    p.queryBigrams = p.queries.map(bigramIds);
    p.generation = generation;
  }
  return p;
}

/** Dense id of the Han bigram at each position of a text whose terms have ids (−1 elsewhere). */
function bigramIds(norm: string): Int32Array {
  const out = new Int32Array(norm.length).fill(-1);
  const dict = termLookup();
  for (let i = 0; i + 1 < norm.length; i++) {
    if (!isHan(norm.charCodeAt(i)) || !isHan(norm.charCodeAt(i + 1))) continue;
    out[i] = denseIdOf(bigramId(norm, i), dict) ?? -1;
  }
  return out;
}

/**
 * Keywords in a heading: leftmost-longest over all themes' keywords, so that in
 * “食品安全风险监测” 食品安全 wins and 安全风险 (another theme's keyword) does not count.
 */
function headingHits(p: PreparedSet, heading: string): HeadingHit[] {
  const cached = p.headings.get(heading);
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
  p.headings.set(heading, kept);
  return kept;
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
function buffers(): Buffers {
  return activeSession().state(
    BUFFERS,
    (): Buffers => ({
      dfScratch: new Scratch(),
      postScratch: new Scratch(),
      accScratch: new Scratch(),
      touchedBuffer: new Int32Array(1024),
      seenBuffer: new Int32Array(1024),
      supportBuffer: new Int32Array(1024),
      idfScratch: new Float64Array(1024),
      changedScratch: new Uint8Array(1024),
      mostMergedEntries: 0,
    }),
  );
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

/** The most entries one key of the merged-count memo has held in the active session (for tests). */
export function mostMergedEntriesPerKey(): number {
  return buffers().mostMergedEntries;
}

function mergeUnit(blockTerms: readonly TermList[], b0: number, b1: number, keep: boolean): Merged {
  const B = buffers();
  const first = blockTerms[b0]!;
  const entries = keep ? mergedMemo.get(first) : undefined;
  if (entries) {
    next: for (const e of entries) {
      if (e.lists.length !== b1 - b0) continue;
      for (let b = b0; b < b1; b++) if (e.lists[b - b0] !== blockTerms[b]) continue next;
      return e;
    }
  }
  const acc = B.accScratch.ids();
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
      const b = buffers();
      b.mostMergedEntries = Math.max(b.mostMergedEntries, entries.length);
    } else mergedMemo.set(first, [merged]);
  }
  return merged;
}

const NONE: readonly string[] = [];
const NO_HITS: readonly HeadingHit[] = [];

/**
 * Replaces a lazy property (an accessor of an object literal, below) with a plain one holding
 * `value`, and returns it: computed on first read, the property then stays an own enumerable data
 * property in the same place, so JSON, spreads and deep equality see plain data. Accessors in the
 * literal cost a few closures per object; defining them with Object.defineProperty per object was
 * a millisecond per analysis of a large draft.
 */
function settled<T>(obj: object, key: string, value: T): T {
  Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
  return value;
}

/** BM25-style IDF, always positive: ln(1 + (N − df + 0.5) / (df + 0.5)) (as similarity.Idf). */
function idfWeight(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** 1 + ln c for small counts (sublinear TF), looked up rather than computed per unit and term */
const TF = Float64Array.from({ length: 256 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));
const tf = (c: number) => (c < 256 ? TF[c]! : 1 + Math.log(c));

export function alignThemes(plan: Plan, tops: readonly TopSection[], set: RequirementSet): ThemeAlignment[] {
  const B = buffers();
  const generation = dictionaryGeneration();
  const prepared = prepare(set, generation);
  const { queryTerms } = prepared;
  const keep = fitsParagraphMemo(plan.blocks.length);
  const blockTerms = plan.blocks.map((b) => termsOfBlock(b, keep));
  const units = buildUnits(plan, tops);

  // document frequencies over the paragraphs and the themes' queries, indexed by dense term id
  // (an array the size of the dictionary, reused and left zeroed), then IDF by document frequency
  const n = blockTerms.length + queryTerms.length;
  const df = B.dfScratch.ids();
  // the document's distinct terms gather in a reused buffer (a fresh array of a large draft's
  // hundred thousand terms was an eighth of what an analysis allocated)
  let seenCount = 0;
  const count = (ids: Int32Array) => {
    B.seenBuffer = withRoom(B.seenBuffer, seenCount + ids.length, seenCount);
    for (let k = 0; k < ids.length; k++) if (df[ids[k]!]!++ === 0) B.seenBuffer[seenCount++] = ids[k]!;
  };
  for (const l of blockTerms) count(l.ids);
  for (const l of queryTerms) count(l.ids);
  const seen = B.seenBuffer.subarray(0, seenCount);
  const post = B.postScratch.ids();
  try {
    const idfByDf = new Float64Array(n + 1);
    for (let d = 1; d <= n; d++) idfByDf[d] = idfWeight(n, d);
    // terms used by a tenth of the paragraphs or more explain little
    const minWeight = Math.log(1 + (n - n / 10 + 0.5) / (n / 10 + 0.5));

    // the themes' vectors as postings: post[x] − 1 is the first entry of the term's chain
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

    // one array read per term in the loop below: the term's IDF, negated when a query has it
    if (B.idfScratch.length < df.length) B.idfScratch = new Float64Array(df.length);
    const signedIdf = B.idfScratch;
    for (const x of seen) signedIdf[x] = idfByDf[df[x]!]!;
    for (const q of queryTerms) for (let k = 0; k < q.ids.length; k++) signedIdf[q.ids[k]!] = -idfByDf[df[q.ids[k]!]!]!;

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

    // cosine of every unit with every theme: the unit's counts (a paragraph's own, or merged over
    // its paragraphs), sublinear TF × IDF, one pass over its distinct terms (in order of first
    // occurrence); sims[ui · T + ti]: cosine of unit ui with theme ti
    const T = qNorm.length;
    const sims = new Float64Array(units.length * T);
    const dot = new Float64Array(T);
    const pT = Int32Array.from(pTheme);
    const pW = Float64Array.from(pWeight);
    const pN = Int32Array.from(pNext);
    try {
      for (let ui = 0; ui < units.length; ui++) {
        const u = units[ui]!;
        const list = u.b1 - u.b0 === 1 ? blockTerms[u.b0]! : mergeUnit(blockTerms, u.b0, u.b1, keep);
        const { ids, counts } = list;
        let kept = keep ? state.units.get(list) : undefined;
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
              state.units.set(list, kept);
            }
          }
        }
        const norm = Math.sqrt(sq);
        for (let ti = 0; ti < T; ti++) sims[ui * T + ti] = norm && qNorm[ti] ? dots[ti]! / (norm * qNorm[ti]!) : 0;
      }
    } finally {
      if (anyChanged) for (const x of seen) changed[x] = 0;
    }
    // IDF of a term by its dense id, for explanations (every query bigram has one)
    const idfOfTerm = (g: number) => idfByDf[df[g]!]!;
    return explainMatches(set, prepared, tops, units, blockTerms, sims, idfOfTerm, minWeight);
  } finally {
    // leave the scratch arrays zeroed
    for (const x of seen) {
      df[x] = 0;
      if (x < B.idfScratch.length) B.idfScratch[x] = 0;
    }
    for (const q of queryTerms) for (let k = 0; k < q.ids.length; k++) post[q.ids[k]!] = 0;
  }
}

function explainMatches(
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
): ThemeAlignment[] {
  const B = buffers();
  const { queryIndexes, queryBigrams, patterns } = prepared;
  const hitsOf = units.map((u) => (u.heading ? headingHits(prepared, u.heading) : NO_HITS));
  // score of each (theme, unit) at [ti * U + ui]: the similarity, raised by a keyword in the
  // unit's heading; keywords in the body only explain, so they are looked up for evidence only
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
  const headingKeywordsOf = (ti: number, ui: number): readonly string[] => keywordsByTheme[ui]?.get(ti) ?? NONE;
  const bestPerUnit = new Float64Array(U);
  /** a unit's score for the theme at hand, rounded as reported */
  const rounded = new Float64Array(U);
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
  // keywords in the text (quotes ignored): a keyword never spans a line break, so a unit has the
  // keywords its paragraphs have, which each paragraph keeps
  const bodyKeywords = (u: Unit, ti: number, already: readonly string[]): string[] => {
    const list = patterns[ti]!;
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
  };

  return set.themes.map((theme, ti) => {
    // the IDF of the query's bigram at each position, looked up once per theme
    const positions = queryBigrams[ti]!;
    const weights = new Float64Array(positions.length);
    for (let k = 0; k < positions.length; k++) if (positions[k]! >= 0) weights[k] = idfOf(positions[k]!);
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
    for (const { from, to } of groups) supporting.subarray(from, to).sort((a, b) => rounded[b]! - rounded[a]! || units[a]!.span.start - units[b]!.span.start || a - b);
    const matches: ThemeMatch[] = groups
      .map(({ top, from, to }) => {
        // one piece of evidence per section (its best unit: the section or one of its paragraphs),
        // explained (shared terms, keywords) only for the three shown
        const best: { u: Unit; ui: number; score: number }[] = [];
        for (let i = from; i < to && best.length < 3; i++) {
          const ui = supporting[i]!;
          const u = units[ui]!;
          if (best.some((e) => e.u.ref.sectionId === u.ref.sectionId)) continue;
          best.push({ u, ui, score: rounded[ui]! });
        }
        // keywords and shared terms are worked out when first read (reports, hover, the views),
        // not for every analysis: the rules and the diagnostics never read them, and on a large
        // draft they were a third of the alignment
        const evidence: Evidence[] = best.map(({ u, ui, score }) => {
          const headingKeywords = headingKeywordsOf(ti, ui);
          const e: Evidence = {
            section: u.ref,
            span: u.span,
            score,
            similarity: round(sims[ui * T + ti]!),
            get keywords(): string[] {
              return settled(this, 'keywords', bodyKeywords(u, ti, headingKeywords));
            },
            set keywords(value: string[]) {
              settled(this, 'keywords', value);
            },
            keywordInHeading: headingKeywords.length > 0,
            get terms(): string[] {
              return settled(this, 'terms', explainUnit(queryIndexes[ti]!, u, blockTerms, weightAt, minWeight));
            },
            set terms(value: string[]) {
              settled(this, 'terms', value);
            },
          };
          return e;
        });
        const score = evidence[0]!.score;
        const match: ThemeMatch = {
          section: tops[top]!.ref,
          score,
          strength: score >= STRONG ? 'strong' : 'weak',
          evidence,
          get terms(): string[] {
            const terms: string[] = [];
            for (const e of evidence) for (const t of [...e.keywords, ...e.terms]) if (!terms.includes(t) && !terms.some((x) => x.includes(t))) terms.push(t);
            return settled(this, 'terms', terms.slice(0, 8));
          },
          set terms(value: string[]) {
            settled(this, 'terms', value);
          },
        };
        return match;
      })
      .sort((a, b) => b.score - a.score || a.section.span.start - b.section.span.start);
    const score = matches[0]?.score ?? 0;
    const status = score >= STRONG ? 'covered' : score >= WEAK ? 'partial' : 'missing';
    return { set: set.name, theme, status, score, matches };
  });
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
