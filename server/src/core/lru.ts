/**
 * What the analysis keeps between runs. While a draft is edited almost every paragraph is the
 * same text as in the previous analysis, so results computed per paragraph (indicator scans, cue
 * scores, term lists, text without white space) are kept by paragraph text (ParagraphSlot, over
 * one ParagraphMemo), as are heading keyword hits; small results per indicator name are kept in a
 * bounded Lru. clearMemos() forgets all of it.
 */

/**
 * Paragraphs of one document that the paragraph memos take: a 1 MB draft has ≈ 3,400. A larger
 * document bypasses them (its own paragraphs would only evict each other) and shares results only
 * between equal paragraphs of one analysis.
 */
export const PARAGRAPH_MEMO = 4096;

/** Whether a document of this many paragraphs uses the per-paragraph memos. */
export function fitsParagraphMemo(paragraphs: number): boolean {
  return paragraphs <= PARAGRAPH_MEMO;
}

/** everything clearMemos() clears */
const memos = new Set<{ clear(): void }>();

let analysisGeneration = 0;

/** Marks the start of an analysis (parsePlan calls it): see ParagraphMemo. */
export function nextAnalysis(): void {
  analysisGeneration++;
  factsByBlock.clear();
  factsOfThisAnalysis.clear();
}

/**
 * Results per paragraph text (or per another key `K` that stands for paragraphs), kept for the
 * paragraphs of the last two analyses that used the memo (two generations: a hit in the older one
 * makes the entry one of the newer). Editing one draft, or going back and forth between two,
 * every unchanged paragraph is found; 200 drafts opened at
 * once leave only the last two drafts' paragraphs behind (a least-recently-used memo of 4,096
 * entries kept 20 MB of other drafts' paragraphs alive in the server, bench/RESULTS.md).
 */
export class ParagraphMemo<V, K = string> {
  /**
   * One map; each entry carries the analysis generation that last used it. Two maps (the newer
   * and the older generation, entries moved on a hit) cost three lookups and a growing map per
   * paragraph and analysis; a stamp costs one lookup.
   */
  private readonly entries = new Map<K, { value: V; used: number }>();
  /** the analysis generation of the current turn */
  private generation = analysisGeneration;
  /** the last earlier generation that used the memo: entries used before it are gone */
  private older = -1;
  /** whether the current generation has used the memo */
  private usedNow = false;

  /** `memo`: whether clearMemos() clears it (false for a memo owned by an object that may go away) */
  constructor({ memo = true }: { memo?: boolean } = {}) {
    if (memo) memos.add(this);
  }

  private turn(): void {
    if (this.generation === analysisGeneration) return;
    // an analysis that found nothing here leaves the older generation in place
    if (this.usedNow) {
      this.older = this.generation;
      this.usedNow = false;
      // what neither of the two generations used goes (forEach: no entry array per element)
      const older = this.older;
      this.entries.forEach((e, key, entries) => {
        if (e.used < older) entries.delete(key);
      });
    }
    this.generation = analysisGeneration;
  }

  get(key: K): V | undefined {
    this.turn();
    if (!sharing) return undefined;
    const e = this.entries.get(key);
    if (e === undefined || e.used < this.older) return undefined;
    e.used = this.generation;
    this.usedNow = true;
    return e.value;
  }

  set(key: K, value: V): void {
    this.turn();
    const e = this.entries.get(key);
    if (e) {
      e.value = value;
      e.used = this.generation;
    } else this.entries.set(key, { value, used: this.generation });
    this.usedNow = true;
  }

  clear(): void {
    this.entries.clear();
    this.usedNow = false;
    this.older = -1;
  }
}

/**
 * What is kept for one paragraph text: one entry per ParagraphSlot (indicator scan, cue score,
 * term list, text without white space), so that a paragraph is looked up by its text once per
 * analysis, not once per kind of result.
 */
type Facts = unknown[];
const paragraphFacts = new ParagraphMemo<Facts>();
/**
 * the facts of each paragraph object of the current analysis (one text lookup per paragraph).
 * A Map emptied when the next analysis starts: a WeakMap's entries (ephemerons) cost the
 * collector on every scavenge, and the paragraphs of the current plan are alive anyway.
 */
const factsByBlock = new Map<object, Facts>();
registerMemo(factsByBlock);
/**
 * the facts of a document too large for the memo, by paragraph text, for this analysis only: a
 * paragraph that occurs twice in one document (a repeated clause, a pasted section) is worked
 * out once at every size, as it is below the limit, but nothing outlives the next analysis
 */
const factsOfThisAnalysis = new Map<string, Facts>();
registerMemo(factsOfThisAnalysis);
let slotCount = 0;

/**
 * One kind of per-paragraph result, kept with the paragraph's other results. `keep` false (a
 * document larger than PARAGRAPH_MEMO): kept for the other stages and equal paragraphs of the
 * same analysis only.
 */
export class ParagraphSlot<V> {
  private readonly slot = slotCount++;

  private facts(block: { text: string }, keep: boolean): Facts {
    let facts = factsByBlock.get(block);
    if (!facts && !sharing) {
      facts = [];
      factsByBlock.set(block, facts);
    }
    if (!facts) {
      const memo = keep ? paragraphFacts : factsOfThisAnalysis;
      facts = memo.get(block.text);
      if (!facts) {
        facts = [];
        memo.set(block.text, facts);
      }
      factsByBlock.set(block, facts);
    }
    return facts;
  }

  get(block: { text: string }, keep: boolean): V | undefined {
    return this.facts(block, keep)[this.slot] as V | undefined;
  }

  set(block: { text: string }, keep: boolean, value: V): void {
    this.facts(block, keep)[this.slot] = value;
  }

  use(block: { text: string }, make: (text: string) => V, keep: boolean): V {
    const facts = this.facts(block, keep);
    let v = facts[this.slot] as V | undefined;
    if (v === undefined) {
      v = make(block.text);
      facts[this.slot] = v;
    }
    return v;
  }
}

/** A bounded memo: at most `limit` entries, least recently used go first. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  /** `memo`: whether clearMemos() clears it (the analysis' own memos; not a server's caches) */
  constructor(
    readonly limit: number,
    { memo = true }: { memo?: boolean } = {},
  ) {
    if (memo) memos.add(this);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  /** The value without marking it used. */
  peek(key: K): V | undefined {
    return this.map.get(key);
  }

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      // most recently used last (a Map iterates in insertion order)
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: K, value: V): void {
    if (this.map.size >= this.limit && !this.map.has(key)) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, value);
  }

  /** The memoised value, computed and kept when absent. */
  use(key: K, make: (key: K) => V): V {
    let v = this.get(key);
    if (v === undefined) {
      v = make(key);
      this.set(key, v);
    }
    return v;
  }

  clear(): void {
    this.map.clear();
  }
}


/** Registers another memo (one that is not an Lru) for clearMemos. */
export function registerMemo(memo: { clear(): void }): void {
  memos.add(memo);
}

let sharing = true;

/**
 * Whether results per paragraph are shared between paragraphs of equal text (within one analysis
 * and with the last two). Off, every paragraph is worked out afresh, as in a first analysis of a
 * document whose paragraphs all differ: for benchmarks (the cost of the work itself, on generated
 * plans that repeat seed paragraphs) and for tests that compare shared with fresh results. The
 * stages of one analysis still share what they work out for the same paragraph.
 */
export function setParagraphSharing(on: boolean): void {
  sharing = on;
  clearMemos();
}

/**
 * Forgets everything the analysis keeps between runs: the next analysis computes everything
 * again, as a fresh process would. For tests that compare kept with fresh results, and for
 * benchmarks of a cold analysis (a CLI run).
 */
export function clearMemos(): void {
  for (const m of memos) m.clear();
}
