/**
 * A bounded memo: at most `limit` entries, least recently used go first. The analysis keeps
 * per-paragraph and per-name results in these, because while a draft is edited almost every
 * paragraph is the same text as in the previous analysis.
 */
/**
 * Entries of each per-paragraph memo: 4,096 paragraphs hold a 1 MB draft being edited (≈ 3,400
 * paragraphs); 50,000 held ≈ 50 MB with 200 drafts open (bench/RESULTS.md). A document with more
 * paragraphs bypasses the memos (see Lru.use).
 */
export const PARAGRAPH_MEMO = 4096;

/** Whether a document of this many paragraphs uses the per-paragraph memos. */
export function fitsParagraphMemo(paragraphs: number): boolean {
  return paragraphs <= PARAGRAPH_MEMO;
}

export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(readonly limit: number) {
    memos.add(this);
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

  /**
   * The memoised value, computed and kept when absent. With `keep` false (a document with more
   * paragraphs than the memo holds, whose own paragraphs would evict each other before any is
   * used again) a kept value is still used, but nothing is reordered or added.
   */
  use(key: K, make: (key: K) => V, keep = true): V {
    if (!keep) return this.map.get(key) ?? make(key);
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

const memos = new Set<{ clear(): void }>();

/** Registers another memo (one that is not an Lru) for clearMemos. */
export function registerMemo(memo: { clear(): void }): void {
  memos.add(memo);
}

/**
 * Forgets everything the analysis keeps between runs: the next analysis computes everything
 * again, as a fresh process would. For tests that compare kept with fresh results, and for
 * benchmarks of a cold analysis (a CLI run).
 */
export function clearMemos(): void {
  for (const m of memos) m.clear();
}
