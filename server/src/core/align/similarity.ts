/**
 * Chinese text similarity without a word list: character bigrams weighted by TF-IDF, cosine
 * similarity, and the shared terms that explain a match (maximal common substrings built from
 * shared bigrams). Pure and deterministic.
 */
const FULL_WIDTH = /[\uff01-\uff5e]/g;
const SPACE = /[\s\u3000\u00a0\ufeff]+/g;

/** Normalised form for matching: half-width ASCII, white space removed, lower-case Latin. */
export function normalize(s: string): string {
  return s
    .replace(SPACE, '')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase();
}

export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Terms of a normalised text: bigrams of adjacent Han characters (never across punctuation or
 * digits) and whole Latin words. Digits are values, not topic words, and are dropped. Terms are
 * small integers (a Han bigram from its two characters' dense indexes; a Latin word gets an id
 * above every bigram's), so that counting allocates no strings and Maps hash integers.
 */
export type Term = number;

/**
 * Ids of Latin words, given in order of first sight by the caller's map: the term dictionary's
 * (./terms.ts, one per session), or one per set of texts compared with each other (countTerms).
 */
export type LatinIds = Map<string, number>;
function latinId(latinIds: Map<string, number>, word: string): number {
  let id = latinIds.get(word);
  if (id === undefined) {
    id = HAN_SPAN * HAN_SPAN + latinIds.size;
    latinIds.set(word, id);
  }
  return id;
}

/** Dense index of a Han character (CJK unified + extension A, compatibility ideographs). */
function hanIndex(c: number): number {
  return c >= 0xf900 ? 0x6c00 + (c - 0xf900) : c - 0x3400;
}
const HAN_SPAN = 0x6c00 + 0x200;

/** A Han bigram's id: small enough to stay a small integer, which keeps the Maps fast. */
export function bigramId(norm: string, i: number): Term {
  return hanIndex(norm.charCodeAt(i)) * HAN_SPAN + hanIndex(norm.charCodeAt(i + 1));
}

export function forEachTerm(norm: string, latinIds: LatinIds, f: (t: Term) => void): void {
  let latinStart = -1;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    const isLatin = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (isLatin) {
      if (latinStart < 0) latinStart = i;
      continue;
    }
    if (latinStart >= 0) {
      if (i - latinStart >= 2) f(latinId(latinIds, norm.slice(latinStart, i)));
      latinStart = -1;
    }
    if (isHan(c) && i + 1 < norm.length && isHan(norm.charCodeAt(i + 1))) f(hanIndex(c) * HAN_SPAN + hanIndex(norm.charCodeAt(i + 1)));
  }
  if (latinStart >= 0 && norm.length - latinStart >= 2) f(latinId(latinIds, norm.slice(latinStart)));
}

export type TermCounts = Map<Term, number>;

/** A text's terms and their counts; texts compared with each other share one `latinIds`. */
export function countTerms(norm: string, latinIds: LatinIds = new Map()): TermCounts {
  const m: TermCounts = new Map();
  forEachTerm(norm, latinIds, (t) => m.set(t, (m.get(t) ?? 0) + 1));
  return m;
}

/** Document frequencies over a corpus of term-count maps, and the resulting IDF. */
export class Idf {
  /** term → IDF weight (document frequencies first, turned into weights once counted) */
  private readonly w = new Map<Term, number>();
  private readonly df = new Map<Term, number>();
  private readonly unseen: number;
  readonly n: number;
  constructor(docs: readonly TermCounts[]) {
    this.n = docs.length;
    const df = this.df;
    for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = this.n;
    for (const [t, f] of df) this.w.set(t, Math.log(1 + (n - f + 0.5) / (f + 0.5)));
    this.unseen = Math.log(1 + (n + 0.5) / 0.5);
  }
  /** BM25-style IDF, always positive: ln(1 + (N − df + 0.5) / (df + 0.5)). */
  weight(term: Term): number {
    return this.w.get(term) ?? this.unseen;
  }
  docFreq(term: Term): number {
    return this.df.get(term) ?? 0;
  }
}

export interface Vector {
  weights: Map<Term, number>;
  norm: number;
}

/** Sublinear TF × IDF vector. */
export function vectorize(counts: TermCounts, idf: Idf): Vector {
  const weights = new Map<Term, number>();
  let sq = 0;
  for (const [t, c] of counts) {
    const w = (1 + Math.log(c)) * idf.weight(t);
    weights.set(t, w);
    sq += w * w;
  }
  return { weights, norm: Math.sqrt(sq) };
}

export function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small.weights) {
    const v = large.weights.get(t);
    if (v !== undefined) dot += w * v;
  }
  return dot / (a.norm * b.norm);
}

/** A query text's Han bigrams and where they occur in it, for explainShared over many texts. */
export interface QueryIndex {
  norm: string;
  positions: Map<Term, number[]>;
  /** quick rejection: filter[hash of a bigram] is 1 when some bigram of the query has that hash */
  filter: Uint8Array;
}

const pairHash = (c1: number, c2: number) => (c1 * 31 + c2) & 0xffff;

export function queryIndex(norm: string): QueryIndex {
  const positions = new Map<Term, number[]>();
  const filter = new Uint8Array(0x10000);
  for (let i = 0; i + 1 < norm.length; i++) {
    const c1 = norm.charCodeAt(i);
    const c2 = norm.charCodeAt(i + 1);
    if (!isHan(c1) || !isHan(c2)) continue;
    const id = bigramId(norm, i);
    const list = positions.get(id);
    if (list) list.push(i);
    else positions.set(id, [i]);
    filter[pairHash(c1, c2)] = 1;
  }
  return { norm, positions, filter };
}

/**
 * Human-readable shared terms: maximal runs of the query text that occur in the other text as
 * they are (so "疫情防控" rather than "疫情", "情防", "防控"), ranked by the summed IDF weight of
 * their bigrams. From each query position the longest run of Han characters found in the other
 * text is taken, then the next run starts at its last character. Only runs whose mean bigram
 * weight is ≥ minWeight are kept. One pass over the other text, looking up each of its bigrams
 * in the query's (short) index: nothing is built per other text.
 */
export function explainShared(query: string | QueryIndex, otherNorm: string, idf: { weight(term: Term): number }, limit = 8, minWeight = 0): string[] {
  const qi = typeof query === 'string' ? queryIndex(query) : query;
  const best = new Int32Array(qi.norm.length);
  mergeRuns(best, matchRuns(qi, otherNorm));
  return explainRuns(qi, best, (k) => idf.weight(bigramId(qi.norm, k)), limit, minWeight);
}

/**
 * For each query position i, the length of the longest run of Han characters starting there that
 * occurs in the other text, as sparse pairs (i, length) for the positions where it is ≥ 2.
 */
export function matchRuns(qi: QueryIndex, other: string): Int32Array {
  const queryNorm = qi.norm;
  let best: Int32Array | undefined;
  for (let p = 0; p + 1 < other.length; p++) {
    const c1 = other.charCodeAt(p);
    const c2 = other.charCodeAt(p + 1);
    if (!qi.filter[pairHash(c1, c2)] || !isHan(c1) || !isHan(c2)) continue;
    const at = qi.positions.get(bigramId(other, p));
    if (!at) continue;
    best ??= new Int32Array(queryNorm.length);
    for (const i of at) {
      let len = 2;
      while (i + len < queryNorm.length && isHan(queryNorm.charCodeAt(i + len)) && other.charCodeAt(p + len) === queryNorm.charCodeAt(i + len)) len++;
      if (len > best[i]!) best[i] = len;
    }
  }
  if (!best) return NO_RUNS;
  let n = 0;
  for (let i = 0; i < best.length; i++) if (best[i]! > 0) n++;
  const pairs = new Int32Array(2 * n);
  n = 0;
  for (let i = 0; i < best.length; i++) {
    if (best[i]! > 0) {
      pairs[n++] = i;
      pairs[n++] = best[i]!;
    }
  }
  return pairs;
}

const NO_RUNS = new Int32Array(0);

/** best[i] = max(best[i], length) for each pair of matchRuns. */
export function mergeRuns(best: Int32Array, pairs: Int32Array): void {
  for (let k = 0; k < pairs.length; k += 2) if (pairs[k + 1]! > best[pairs[k]!]!) best[pairs[k]!] = pairs[k + 1]!;
}

/**
 * The explanation from the longest runs at each query position (see explainShared);
 * `weightAt(k)` is the IDF weight of the query's bigram at position k.
 */
export function explainRuns(qi: QueryIndex, best: Int32Array, weightAt: (k: number) => number, limit = 8, minWeight = 0): string[] {
  const queryNorm = qi.norm;
  const runs = new Map<string, number>();
  let i = 0;
  while (i < queryNorm.length - 1) {
    const len = best[i]!;
    if (len >= 2) {
      const j = i + len - 1;
      let weight = 0;
      for (let k = i; k < j; k++) weight += weightAt(k);
      const run = queryNorm.slice(i, j + 1);
      if (weight / (j - i) >= minWeight && (runs.get(run) ?? -1) < weight) runs.set(run, weight);
      i = j;
    } else i++;
  }
  return rankRuns(runs, limit);
}

/**
 * The runs shown, weightiest first (then longer, then in code-unit order), leaving out runs
 * contained in one already kept; at most `limit`.
 */
export function rankRuns(runs: ReadonlyMap<string, number>, limit: number): string[] {
  const sorted = [...runs.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  const kept: string[] = [];
  for (const [run] of sorted) {
    if (kept.some((k) => k.includes(run))) continue;
    kept.push(run);
    if (kept.length >= limit) break;
  }
  return kept;
}
