/**
 * Generation memos: what the analysis keeps between runs, per analysis generation. While a draft is
 * edited almost every paragraph is the same text as in the previous analysis, so results computed
 * per paragraph (indicator scans, cue scores, term lists, text without white space) are kept by
 * paragraph text (ParagraphSlot, over one ParagraphMemo), as are heading keyword hits; small
 * results per indicator name are kept in a bounded Lru.
 *
 * The memo objects are immutable handles: what they keep lives in the AnalysisSession passed to
 * each call (./session.ts), whose generation counter parsePlan advances. A new session starts empty.
 */
import { PARAGRAPH_MEMO, type AnalysisSession } from './session.js';

export { PARAGRAPH_MEMO } from './session.js';

/** Whether a document of this many paragraphs uses the per-paragraph memos. */
export function fitsParagraphMemo(paragraphs: number): boolean {
  return paragraphs <= PARAGRAPH_MEMO;
}

interface MemoState<V, K> {
  /**
   * One map; each entry carries the analysis generation that last used it. Two maps (the newer
   * and the older generation, entries moved on a hit) cost three lookups and a growing map per
   * paragraph and analysis; a stamp costs one lookup.
   */
  entries: Map<K, { value: V; used: number }>;
  /** the analysis generation of the current turn */
  generation: number;
  /** the last earlier generation that used the memo: entries used before it are gone */
  older: number;
  /** whether the current generation has used the memo */
  usedNow: boolean;
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
  /** `_options` is accepted for compatibility: every memo's content lives in the session */
  constructor(_options: { memo?: boolean } = {}) {}

  private state(session: AnalysisSession): MemoState<V, K> {
    const s = session.state(this, (): MemoState<V, K> => ({ entries: new Map(), generation: session.generation, older: -1, usedNow: false }));
    if (s.generation !== session.generation) turn(s, session.generation);
    return s;
  }

  get(session: AnalysisSession, key: K): V | undefined {
    const s = this.state(session);
    if (!session.paragraphSharing) return undefined;
    const e = s.entries.get(key);
    if (e === undefined || e.used < s.older) return undefined;
    e.used = s.generation;
    s.usedNow = true;
    return e.value;
  }

  set(session: AnalysisSession, key: K, value: V): void {
    const s = this.state(session);
    const e = s.entries.get(key);
    if (e) {
      e.value = value;
      e.used = s.generation;
    } else s.entries.set(key, { value, used: s.generation });
    s.usedNow = true;
  }

  clear(session: AnalysisSession): void {
    const s = this.state(session);
    s.entries.clear();
    s.usedNow = false;
    s.older = -1;
  }
}

function turn<V, K>(s: MemoState<V, K>, generation: number): void {
  // an analysis that found nothing here leaves the older generation in place
  if (s.usedNow) {
    s.older = s.generation;
    s.usedNow = false;
    // what neither of the two generations used goes (forEach: no entry array per element)
    const older = s.older;
    s.entries.forEach((e, key, entries) => {
      if (e.used < older) entries.delete(key);
    });
  }
  s.generation = generation;
}

/**
 * What is kept for one paragraph text: one entry per ParagraphSlot (indicator scan, cue score,
 * term list, text without white space), so that a paragraph is looked up by its text once per
 * analysis, not once per kind of result.
 */
type Facts = unknown[];

interface FactsState {
  paragraphFacts: ParagraphMemo<Facts>;
  /**
   * the facts of each paragraph object of the current analysis (one text lookup per paragraph).
   * A Map emptied when the next analysis starts: a WeakMap's entries (ephemerons) cost the
   * collector on every scavenge, and the paragraphs of the current plan are alive anyway.
   */
  factsByBlock: Map<object, Facts>;
  /**
   * the facts of a document too large for the memo, by paragraph text, for this analysis only: a
   * paragraph that occurs twice in one document (a repeated clause, a pasted section) is worked
   * out once at every size, as it is below the limit, but nothing outlives the next analysis
   */
  factsOfThisAnalysis: Map<string, Facts>;
  /** the index of each slot in a paragraph's facts (given in order of first use) */
  slots: Map<object, number>;
  /** the facts of each array of paragraphs a slot's useAll was given in this analysis (in its order) */
  factsOfArrays: Map<readonly object[], { keep: boolean; facts: Facts[] }>;
  /** the slot looked up last and its index: a stage asks for one slot for paragraph after paragraph */
  lastSlot: object | undefined;
  lastIndex: number;
}

/** The paragraph facts of a session (in its field of their own: AnalysisSession.paragraphFacts). */
function factsState(session: AnalysisSession): FactsState {
  const kept = session.paragraphFacts as FactsState | undefined;
  if (kept !== undefined) return kept;
  const s: FactsState = {
    paragraphFacts: new ParagraphMemo<Facts>(),
    factsByBlock: new Map(),
    factsOfThisAnalysis: new Map(),
    factsOfArrays: new Map(),
    slots: new Map(),
    lastSlot: undefined,
    lastIndex: -1,
  };
  session.atEachAnalysis(() => {
    s.factsByBlock.clear();
    s.factsOfThisAnalysis.clear();
    s.factsOfArrays.clear();
  });
  session.paragraphFacts = s;
  return s;
}

/**
 * One kind of per-paragraph result, kept with the paragraph's other results. `keep` false (a
 * document larger than PARAGRAPH_MEMO): kept for the other stages and equal paragraphs of the
 * same analysis only.
 */
export class ParagraphSlot<V> {
  private slot(st: FactsState): number {
    if (st.lastSlot === this) return st.lastIndex;
    let index = st.slots.get(this);
    if (index === undefined) st.slots.set(this, (index = st.slots.size));
    st.lastSlot = this;
    st.lastIndex = index;
    return index;
  }

  get(session: AnalysisSession, block: { text: string }, keep: boolean): V | undefined {
    const st = factsState(session);
    return blockFacts(session, st, block, keep)[this.slot(st)] as V | undefined;
  }

  set(session: AnalysisSession, block: { text: string }, keep: boolean, value: V): void {
    const st = factsState(session);
    blockFacts(session, st, block, keep)[this.slot(st)] = value;
  }

  use(session: AnalysisSession, block: { text: string }, make: (text: string) => V, keep: boolean): V {
    const st = factsState(session);
    const facts = blockFacts(session, st, block, keep);
    const slot = this.slot(st);
    let v = facts[slot] as V | undefined;
    if (v === undefined) {
      v = make(block.text);
      facts[slot] = v;
    }
    return v;
  }

  /** `get` for each of `blocks`, in order (looked up as by useAll). */
  getAll(session: AnalysisSession, blocks: readonly { text: string }[], keep: boolean): (V | undefined)[] {
    const st = factsState(session);
    const all = factsOfAll(session, st, blocks, keep);
    const slot = this.slot(st);
    return all.map((facts) => facts[slot] as V | undefined);
  }

  /**
   * `use` for each of `blocks`, in order. The paragraphs' facts of one array of blocks (the plan's)
   * are looked up once per analysis for all the slots that read them, not once per slot.
   */
  useAll(session: AnalysisSession, blocks: readonly { text: string }[], make: (text: string) => V, keep: boolean): V[] {
    const st = factsState(session);
    const all = factsOfAll(session, st, blocks, keep);
    const slot = this.slot(st);
    const out = new Array<V>(blocks.length);
    for (let i = 0; i < blocks.length; i++) {
      const facts = all[i]!;
      let v = facts[slot] as V | undefined;
      if (v === undefined) {
        v = make(blocks[i]!.text);
        facts[slot] = v;
      }
      out[i] = v;
    }
    return out;
  }
}

/** The facts of a paragraph of the current analysis (found by its text once per analysis). */
function blockFacts(session: AnalysisSession, st: FactsState, block: { text: string }, keep: boolean): Facts {
  let facts = st.factsByBlock.get(block);
  if (facts) return facts;
  if (!session.paragraphSharing) facts = [];
  else if (keep) {
    facts = st.paragraphFacts.get(session, block.text);
    if (!facts) st.paragraphFacts.set(session, block.text, (facts = []));
  } else {
    facts = st.factsOfThisAnalysis.get(block.text);
    if (!facts) st.factsOfThisAnalysis.set(block.text, (facts = []));
  }
  st.factsByBlock.set(block, facts);
  return facts;
}

/** The facts of each of `blocks` (an array of the current analysis), kept for the analysis by the array. */
function factsOfAll(session: AnalysisSession, st: FactsState, blocks: readonly { text: string }[], keep: boolean): Facts[] {
  const kept = st.factsOfArrays.get(blocks);
  if (kept && kept.keep === keep) return kept.facts;
  const facts = new Array<Facts>(blocks.length);
  for (let i = 0; i < blocks.length; i++) facts[i] = blockFacts(session, st, blocks[i]!, keep);
  st.factsOfArrays.set(blocks, { keep, facts });
  return facts;
}

/** A bounded memo: at most `limit` entries, least recently used go first. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  /** `_options` is accepted for compatibility (an Lru owns its entries; put it in a session to share it) */
  constructor(
    readonly limit: number,
    _options: { memo?: boolean } = {},
  ) {}

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
