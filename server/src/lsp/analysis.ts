/**
 * Analysis per document version: parse → context (config, profile, requirement sets) → rules →
 * suppression. Results are cached per (version, generation); a newer version supersedes work in
 * flight (checked between stages, after yielding to the event loop so newer edits get in).
 * Every stage is isolated: a stage or rule that throws is logged and skipped, and the document
 * still gets what the other stages computed.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LocatedFinding, Plan } from '../core/model.js';
import { analysisSteps, parseDocument, type DocumentAnalysis } from '../core/analyze.js';
import { createSession, type AnalysisSession } from '../core/session.js';
import { LineIndex } from '../core/text.js';
import { Lru } from '../core/generation-memo.js';
import { IdleCollector } from './idle-gc.js';
import type { Logger } from './log.js';
import { describeError } from './log.js';
import type { ContextProvider, DocContext } from './workspace.js';

export interface DocAnalysis {
  uri: string;
  version: number;
  generation: number;
  plan: Plan;
  /** findings after suppression, sorted by position */
  findings: LocatedFinding[];
  context: DocContext;
  /** names of stages or rules that failed (logged); the rest of the analysis is still valid */
  failures: string[];
  /** analysis time in ms (parse + rules), for the log and the benchmark */
  millis: number;
  /** the session the analysis ran in (views compute the alignment there, from its memos) */
  session: AnalysisSession;
  /** whether this was the document's first analysis in this generation (see Analyzer.lastCost) */
  first: boolean;
}

export class Superseded extends Error {
  constructor() {
    super('superseded by a newer version');
  }
}

export function emptyPlan(text: string): Plan {
  return {
    text,
    index: new LineIndex(text),
    blocks: [],
    sections: [],
    allSections: [],
    enumerations: [],
    indicators: [],
    level3Continuous: false,
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Inflight {
  version: number;
  generation: number;
  promise: Promise<DocAnalysis>;
}

/** Analyses kept (see Analyzer.cache): a drafting session rarely has more drafts in use. */
export const KEPT_ANALYSES = 32;

/**
 * The longest an analysis waits for the one before it (see oneAtATime): an analysis that cannot
 * finish (a client that never answers workspace/configuration) must not hold up every other
 * document. A 10 MB draft takes about a second.
 */
export const QUEUE_WAIT_MS = 5000;

/**
 * The longest an analysis runs rules without yielding to the event loop (ms): the granularity of
 * cancellation between rules. Yielding costs a turn of the event loop each time (under load, a
 * chance for the scheduler to run something else): a slice keeps that cost off short analyses.
 */
export const RULE_SLICE_MS = 10;

export class Analyzer {
  private generation = 0;
  /**
   * The latest analysis of the most recently used documents. An analysis holds the plan model
   * (several times the size of the text); with hundreds of drafts open, those not used for a while
   * are dropped and analysed again when next asked for (their published diagnostics stay).
   */
  private readonly cache: Lru<string, DocAnalysis>;
  private readonly inflight = new Map<string, Inflight>();
  /** counts, for tests and the log: how many analyses actually ran */
  runs = 0;
  /** everything the core keeps between analyses: one session per language server */
  readonly session: AnalysisSession = createSession();
  /** a full collection once analyses pause after a burst that grew the heap (./idle-gc.ts) */
  readonly collector = new IdleCollector();

  constructor(
    private readonly contexts: ContextProvider,
    private readonly log: Logger,
    { keep = KEPT_ANALYSES, queueWait = QUEUE_WAIT_MS, slice = RULE_SLICE_MS }: { keep?: number; queueWait?: number; slice?: number } = {},
  ) {
    this.queueWait = queueWait;
    this.slice = slice;
    this.cache = new Lru(keep, { memo: false });
  }

  /** Invalidates every cached result (configuration or watched files changed). */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
    this.inflight.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.inflight.delete(uri);
  }

  /** The cached analysis of exactly this version, if any. */
  peek(doc: TextDocument): DocAnalysis | undefined {
    const a = this.cache.get(doc.uri);
    return a && a.version === doc.version && a.generation === this.generation ? a : undefined;
  }

  /** Latest cached analysis of the document, whatever its version. */
  latest(uri: string): DocAnalysis | undefined {
    return this.cache.get(uri);
  }

  /**
   * What the document's last analysis cost (ms), for the debounce (./debounce.ts); undefined when
   * it has none yet or only its first: the first analysis of a document after it was opened (or
   * after a configuration change) pays for loading its context and for code V8 has not compiled
   * yet, and says little about what a keystroke will cost.
   */
  lastCost(uri: string): number | undefined {
    const a = this.cache.peek(uri);
    return a && !a.first ? a.millis : undefined;
  }

  /**
   * Analysis of the document's current version. `isCurrent` tells whether this version is still
   * the newest; when it stops being so between stages, the promise rejects with Superseded.
   */
  get(doc: TextDocument, isCurrent: () => boolean = () => true): Promise<DocAnalysis> {
    const hit = this.peek(doc);
    if (hit) return Promise.resolve(hit);
    const running = this.inflight.get(doc.uri);
    if (running && running.version === doc.version && running.generation === this.generation) return running.promise;
    const generation = this.generation;
    const promise = this.oneAtATime(() => this.run(doc, generation, isCurrent)).finally(() => {
      const cur = this.inflight.get(doc.uri);
      if (cur && cur.promise === promise) this.inflight.delete(doc.uri);
    });
    this.inflight.set(doc.uri, { version: doc.version, generation, promise });
    return promise;
  }

  /**
   * Runs `work` in the analyses' queue: analyses requested meanwhile wait for it (the warm-up, so
   * that a document opened at once is analysed on compiled code instead of competing with it).
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.oneAtATime(work);
  }

  /** The end of the last analysis queued: analyses run one after another, in request order. */
  private queue: Promise<void> = Promise.resolve();

  /**
   * Runs analyses one at a time. Each yields between stages so that newer edits and requests get
   * in; without a queue, a burst of opened drafts (a folder opened, 200 files) interleaved all
   * their analyses and held every half-built plan at once. A queued analysis whose version was
   * superseded while it waited gives up before parsing (see run).
   */
  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const before = this.queue;
    let done!: () => void;
    this.queue = new Promise<void>((resolve) => (done = resolve));
    let timer: NodeJS.Timeout | undefined;
    const waited = Promise.race([before, new Promise<void>((resolve) => (timer = setTimeout(resolve, this.queueWait)))]).finally(() => clearTimeout(timer));
    return waited.then(work).finally(done);
  }

  private readonly queueWait: number;
  /** see RULE_SLICE_MS */
  private readonly slice: number;

  /**
   * The whole analysis path of `doc` (its own context, the server's session), as a keystroke runs
   * it, with nothing kept: no cached result, no count. The warm-up rehearses a document's first
   * keystrokes with it (./warmup.ts). Not queued: the caller is in the queue already.
   */
  rehearse(doc: TextDocument): Promise<DocAnalysis> {
    return this.run(doc, this.generation, () => true, false);
  }

  private async run(doc: TextDocument, generation: number, isCurrent: () => boolean, keep = true): Promise<DocAnalysis> {
    if (!isCurrent()) throw new Superseded();
    const text = doc.getText();
    const version = doc.version;
    const failures: string[] = [];
    const t0 = performance.now();
    let structure: Plan;
    try {
      structure = parseDocument(text, this.session);
    } catch (err) {
      failures.push('parse');
      this.log.error(`parse failed for ${doc.uri}`, err);
      structure = emptyPlan(text);
    }
    let millis = performance.now() - t0;
    await tick();
    if (!isCurrent()) throw new Superseded();

    const context = await this.contexts.contextFor(doc, structure);
    if (!isCurrent()) throw new Superseded();

    let t1 = performance.now();
    // a document that is not a plan reports nothing, but its views still show its indicators
    const steps = analysisSteps(
      structure,
      context.isPlan
        ? {
            profile: context.profile,
            requirements: context.requirements,
            year: context.year,
            baseline: context.baseline,
            problems: context.problems(structure),
            maxFullAnalysisBytes: context.settings.maxDocumentSize,
          }
        : { rules: [], maxFullAnalysisBytes: context.settings.maxDocumentSize, suppress: false },
      this.session,
      { onError: (stage, err) => this.log.error(`${stage.includes('/') ? 'rule ' : ''}${stage} failed on ${doc.uri}`, describeError(err)) },
    );
    // rules run synchronously until a time slice is used up; then the analysis yields to the event
    // loop (a newer edit can supersede this work) and goes on in a new slice. A short analysis
    // (a seed-sized plan) never yields; a long one yields about every RULE_SLICE_MS.
    let analysis: DocumentAnalysis;
    let sliceStart = t1;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        analysis = step.value;
        break;
      }
      const now = performance.now();
      if (now - sliceStart >= this.slice) {
        millis += now - t1;
        await tick();
        if (!isCurrent()) throw new Superseded();
        t1 = sliceStart = performance.now();
      }
    }
    millis += performance.now() - t1;
    if (keep) {
      this.runs++;
      this.collector.worked();
    }
    failures.push(...analysis.failures);
    const findings = context.isPlan ? analysis.findings : [];
    const before = this.cache.peek(doc.uri);
    const first = !before || before.generation !== generation;
    const result: DocAnalysis = { uri: doc.uri, version, generation, plan: analysis.plan, findings, context, failures, millis, session: this.session, first };
    if (keep && generation === this.generation) {
      const prev = this.cache.peek(doc.uri);
      if (!prev || prev.version <= version) this.cache.set(doc.uri, result);
    }
    return result;
  }
}
