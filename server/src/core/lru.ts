/**
 * A bounded memo: at most `limit` entries, least recently used go first. The analysis keeps
 * per-paragraph and per-name results in these, because while a draft is edited almost every
 * paragraph is the same text as in the previous analysis.
 */
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
