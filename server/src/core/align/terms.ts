/**
 * Dense term ids and per-paragraph term lists for the theme alignment.
 *
 * A term (similarity.ts: a Han bigram or a Latin word, as a number up to ~8·10⁸) gets a dense id
 * (0, 1, 2 … in order of first sight), so that document frequencies, merged counts and query
 * postings live in typed arrays indexed by term instead of Maps: the alignment of a 1 MB draft
 * spent a third of its time hashing terms and collecting the Maps' garbage.
 *
 * A paragraph's terms are computed once per paragraph text and kept (generation-memo.ts: ParagraphMemo):
 * while a draft is edited almost every paragraph is unchanged between two analyses.
 */
import { ParagraphSlot } from '../generation-memo.js';
import type { AnalysisSession } from '../session.js';
import { forEachTerm, normalize, type LatinIds, type Term } from './similarity.js';

/** The term dictionary of a session (see ./session.ts), with termList's buffers. */
interface Dictionary {
  denseIds: Map<Term, number>;
  /** raw term of each dense id (for explanations, which weigh raw terms) */
  rawOf: Term[];
  /** bumped when the dictionary starts again: term lists of older generations are not used */
  generation: number;
  /** counts of termList, by dense id */
  countScratch: Scratch;
  /** termList's distinct ids while counting */
  idBuffer: Int32Array<ArrayBuffer>;
  /** ids of Latin words (similarity.ts), kept when the dictionary starts again */
  latinIds: LatinIds;
}

const DICTIONARY: object = Object.freeze({ name: 'term dictionary' });

/** The session's term dictionary. */
function dictionary(session: AnalysisSession): Dictionary {
  return session.state(DICTIONARY, (): Dictionary => ({
    denseIds: new Map(),
    rawOf: [],
    generation: 0,
    countScratch: new Scratch(),
    idBuffer: new Int32Array(1024),
    latinIds: new Map(),
  }));
}

/**
 * Above this many distinct terms the dictionary starts again (with the paragraph cache, whose
 * lists hold old ids). Chinese text has a few hundred thousand bigrams in practice; the limit only
 * guards a server that has been fed megabytes of Latin or random text.
 */
const DICTIONARY_LIMIT = 2_000_000;

/** Number of dense ids handed out in the session: every id is below it. */
export function termSpace(session: AnalysisSession): number {
  return dictionary(session).rawOf.length;
}

export function rawTerm(session: AnalysisSession, id: number): Term {
  return dictionary(session).rawOf[id]!;
}

/** The ids the session's dictionary gives Latin words (for a count that must agree with its term lists). */
export function latinIdsOf(session: AnalysisSession): LatinIds {
  return dictionary(session).latinIds;
}

/** The dense id of a raw term, when it has one (the lookup of `dict`: termLookup). */
export function denseIdOf(raw: Term, dict: { denseIds: Map<Term, number> }): number | undefined {
  return dict.denseIds.get(raw);
}

/** The session's dictionary lookup, for loops that look up many terms. */
export function termLookup(session: AnalysisSession): { denseIds: Map<Term, number> } {
  return dictionary(session);
}

function denseId(d: Dictionary, raw: Term): number {
  let id = d.denseIds.get(raw);
  if (id === undefined) {
    id = d.rawOf.length;
    d.denseIds.set(raw, id);
    d.rawOf.push(raw);
  }
  return id;
}

/** A text's distinct terms (dense ids, in order of first occurrence) and their counts. */
export interface TermList {
  /** the paragraph's text */
  text: string;
  /**
   * its normalised text (similarity.normalize), made on demand (normOf) for explanations only:
   * kept for every paragraph it was a tenth of a large draft's live heap, for little use
   */
  norm: string | undefined;
  ids: Int32Array;
  counts: Int32Array;
  /**
   * The text's matchRuns against theme queries, computed on demand for explanations (kept with
   * the paragraph, so that an unchanged paragraph is not scanned again on the next analysis)
   */
  runs?: Map<object, Int32Array>;
  /** which of a theme's keywords the text has (by the theme's keyword list), computed on demand */
  keywords?: Map<object, Uint8Array>;
  /** the dictionary generation the ids belong to */
  generation: number;
}

/** Term list of an already normalised text. */
/** The normalised text of a term list, made on first use. */
export function normOf(list: TermList): string {
  list.norm ??= normalize(list.text);
  return list.norm;
}

export function termList(session: AnalysisSession, text: string, norm = normalize(text)): TermList {
  // counts in a scratch array by dense id, distinct ids in order of first occurrence (the
  // summation order of the Map-based vectors this replaces, so that scores stay bit-for-bit the
  // same); the scratch array is left zeroed
  // distinct ids gather in a reused buffer; the list keeps an exact-size copy
  const d = dictionary(session);
  let n = 0;
  forEachTerm(norm, d.latinIds, (t) => {
    const id = denseId(d, t);
    const seen = d.countScratch.ids(d.rawOf.length);
    if (seen[id] === 0) {
      d.idBuffer = withRoom(d.idBuffer, n + 1, n);
      d.idBuffer[n++] = id;
    }
    seen[id]!++;
  });
  const seen = d.countScratch.ids(d.rawOf.length);
  const out = d.idBuffer.slice(0, n);
  const cs = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    cs[k] = seen[out[k]!]!;
    seen[out[k]!] = 0;
  }
  // every field present from the start: one object shape, so the hot loops over lists stay monomorphic
  return { text, norm: undefined, ids: out, counts: cs, runs: undefined, keywords: undefined, generation: d.generation };
}

const termSlot = new ParagraphSlot<TermList>();

/**
 * Called before an analysis computes term lists: starts the dictionary again when it has grown
 * past its limit. Returns the dictionary's generation; lists computed in an older generation
 * (cached query lists) must be computed again.
 */
export function dictionaryGeneration(session: AnalysisSession): number {
  const d = dictionary(session);
  if (d.rawOf.length > DICTIONARY_LIMIT) {
    d.denseIds.clear();
    d.rawOf = [];
    d.generation++;
  }
  return d.generation;
}

/** Term list of a paragraph (normalised first), memoised by its text. */
export function termsOfBlock(session: AnalysisSession, block: { text: string }, keep = true): TermList {
  const kept = termSlot.get(session, block, keep);
  if (kept && kept.generation === dictionary(session).generation) return kept;
  const list = termList(session, block.text);
  termSlot.set(session, block, keep, list);
  return list;
}

/** termsOfBlock for each of `blocks`, in order (their facts looked up once: ParagraphSlot.getAll). */
export function termsOfBlocks(session: AnalysisSession, blocks: readonly { text: string }[], keep = true): TermList[] {
  const kept = termSlot.getAll(session, blocks, keep);
  const out = new Array<TermList>(blocks.length);
  for (let i = 0; i < blocks.length; i++) {
    // a paragraph equal to an earlier one of this analysis has its list by now (kept[i] was read before)
    let k = kept[i];
    if (!k || k.generation !== dictionary(session).generation) k = termSlot.get(session, blocks[i]!, keep);
    if (k && k.generation === dictionary(session).generation) out[i] = k;
    else {
      const list = termList(session, blocks[i]!.text);
      termSlot.set(session, blocks[i]!, keep, list);
      out[i] = list;
    }
  }
  return out;
}

/**
 * `buffer` when it holds at least `size` entries, else a larger one (at least double) with the
 * first `keep` entries copied: for the buffers reused from one analysis to the next.
 */
export function withRoom(buffer: Int32Array<ArrayBuffer>, size: number, keep = 0): Int32Array<ArrayBuffer> {
  if (buffer.length >= size) return buffer;
  const grown = new Int32Array(Math.max(size, 2 * buffer.length));
  if (keep > 0) grown.set(buffer.subarray(0, keep));
  return grown;
}

/**
 * A scratch array indexed by dense id, reused between analyses (an analysis leaves it zeroed):
 * allocating and zeroing an array the size of the dictionary for every keystroke would cost more
 * than the lookups it serves.
 */
export class Scratch {
  private a = new Int32Array(1024);
  /** an Int32Array of at least `space` (termSpace of the session) entries, all zero (callers must zero what they set) */
  ids(space: number): Int32Array {
    // grown while in use (new terms get ids mid-count): what was counted so far is kept
    this.a = withRoom(this.a, space, this.a.length);
    return this.a;
  }
}
