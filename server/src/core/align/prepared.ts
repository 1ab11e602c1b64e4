/**
 * Set-derived data for the theme alignment (./themes.ts): each theme's query (title, keywords,
 * synonyms and text), its term list and bigram ids, and its keyword patterns, computed once per set
 * object and session (sets are immutable once loaded), with the cosine state the session's last
 * analysis left.
 */
import { ParagraphMemo } from '../generation-memo.js';
import { keywordPattern, QUOTES } from './keywords.js';
import type { AnalysisSession } from '../session.js';
import type { RequirementSet, Theme } from '../requirements/types.js';
import { bigramId, isHan, normalize, queryIndex, type QueryIndex } from './similarity.js';
import { denseIdOf, termLookup, termList, type TermList } from './terms.js';
import type { HeadingHit } from './explain.js';

function themeQuery(t: Theme): string {
  return normalize([t.title, t.title, ...t.keywords, ...(t.synonyms ?? []), t.text ?? ''].map((s) => s.replace(/\*/g, '，')).join('，'));
}

export interface Keyword {
  k: string;
  re: RegExp;
  g: RegExp;
}

export interface PreparedSet {
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
   * ParagraphMemo, its entries in the session): headings rarely change while a draft is edited.
   * It belongs to the prepared set (and goes with it), and hits depend on the heading alone.
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
export interface CosineState {
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

export function newCosineState(generation: number): CosineState {
  return { generation, stamp: 0, n: -1, df: new Int32Array(0), seen: new Int32Array(0), seenCount: 0, units: new ParagraphMemo({ memo: false }) };
}

/** Set-derived data, computed once per set object (sets are immutable once loaded). */
const PREPARED: object = Object.freeze({ name: 'prepared requirement sets' });
export function prepare(session: AnalysisSession, set: RequirementSet, generation: number): PreparedSet {
  // per session: a prepared set carries the cosine state of the session's last analysis
  const preparedSets = session.state(PREPARED, () => new WeakMap<RequirementSet, PreparedSet>());
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
    const queryTerms = queries.map((q) => termList(session, q, q));
    p = {
      queries,
      queryIndexes: queries.map(queryIndex),
      queryTerms,
      queryBigrams: queries.map((q) => bigramIds(session, q)),
      generation,
      patterns,
      anchored,
      unanchored,
      headings: new ParagraphMemo({ memo: false }),
      cosine: newCosineState(generation),
    };
    preparedSets.set(set, p);
  } else if (p.generation !== generation) {
    p.queryTerms = p.queries.map((q) => termList(session, q, q));
    p.queryBigrams = p.queries.map((q) => bigramIds(session, q));
    p.generation = generation;
  }
  return p;
}

/** Dense id of the Han bigram at each position of a text whose terms have ids (−1 elsewhere). */
function bigramIds(session: AnalysisSession, norm: string): Int32Array {
  const out = new Int32Array(norm.length).fill(-1);
  const dict = termLookup(session);
  for (let i = 0; i + 1 < norm.length; i++) {
    if (!isHan(norm.charCodeAt(i)) || !isHan(norm.charCodeAt(i + 1))) continue;
    out[i] = denseIdOf(bigramId(norm, i), dict) ?? -1;
  }
  return out;
}
