/**
 * The analysis session: everything the core keeps between analyses (paragraph memos and their
 * generation counter, per-module dictionaries, caches and scratch buffers) lives in one object
 * that the host creates — one per language server, one per CLI run, a fresh one per test — and
 * passes to analyzeDocument (./analyze.ts). Two sessions never see each other's state.
 *
 * The session is passed explicitly: as a parameter of the core's entry points (analyzeDocument,
 * parsePlan, alignPlan, analyzeQuantities …) and to rules as `ctx.session`. A public function that
 * a test or a host may call without one creates a fresh session for that call. The core keeps no
 * pointer to a "current" session.
 */

/** Paragraphs of one document that the paragraph memos take: a 1 MB draft has ≈ 3,400. */
export const PARAGRAPH_MEMO = 4096;

export interface SessionOptions {
  /**
   * Whether results per paragraph are shared between paragraphs of equal text (within one
   * analysis and with the last two). Off, every paragraph is worked out afresh: for benchmarks and
   * for tests that compare shared with fresh results. Default true.
   */
  paragraphSharing?: boolean;
}

export class AnalysisSession {
  /** analyses begun in this session (parsePlan begins one): the generation of the paragraph memos */
  generation = 0;
  /** see SessionOptions.paragraphSharing */
  readonly paragraphSharing: boolean;
  /** per-owner state (a memo, a module's dictionaries and buffers), created on first use */
  private states = new WeakMap<object, unknown>();
  /** hooks run when the next analysis begins (per-analysis maps are emptied) */
  private readonly onBegin: (() => void)[] = [];
  /**
   * The paragraph facts of generation-memo.ts, in a field of their own rather than in `states`:
   * they are asked for once per paragraph and kind of result (tens of thousands of times in an
   * analysis of a large draft), and a field is read faster than a WeakMap.
   */
  paragraphFacts: unknown = undefined;

  constructor({ paragraphSharing = true }: SessionOptions = {}) {
    this.paragraphSharing = paragraphSharing;
  }

  /**
   * The state `owner` keeps in this session, made by `init` on first use. `owner` is an immutable
   * module-level key (an object or a memo instance); the state itself lives here only.
   */
  state<T>(owner: object, init: () => T): T {
    let s = this.states.get(owner) as T | undefined;
    if (s === undefined) {
      s = init();
      this.states.set(owner, s);
    }
    return s;
  }

  /** Registers work to do at the start of every analysis of this session. */
  atEachAnalysis(hook: () => void): void {
    this.onBegin.push(hook);
  }

  /** Marks the start of an analysis (parsePlan calls it): see ParagraphMemo. */
  beginAnalysis(): void {
    this.generation++;
    for (const h of this.onBegin) h();
  }

  /** Forgets everything kept: the next analysis computes everything again, as a new session would. */
  clear(): void {
    this.states = new WeakMap();
    this.onBegin.length = 0;
    this.paragraphFacts = undefined;
  }
}

/** Creates a session (the host's: one per language server, one per CLI run, a fresh one per test). */
export function createSession(options: SessionOptions = {}): AnalysisSession {
  return new AnalysisSession(options);
}
