/**
 * Collection when the server falls idle after a burst of work (issue 17, memory).
 *
 * V8 collects the old generation when it grows past a limit, and gives memory back only when its
 * memory reducer runs, seconds after allocation stops. A folder of drafts opened at once (each
 * analysed, its plan model, findings and paragraph facts built, most of it garbage a moment later)
 * therefore leaves the server holding tens of MB of dead objects for a while: 200 seed-sized drafts
 * left 51 MB of heap in use of which 27.5 MB was alive (a heap snapshot, which collects first).
 *
 * The collector runs one full collection once no analysis has run for `delayMs`, and only when
 * the heap has grown by `growthBytes` since the last one: while a user types into one draft, each
 * keystroke's garbage dies young (the scavenger frees it) and the heap does not grow by that much,
 * so typing never waits for it; after opening many drafts, or a large one, it runs in the pause
 * that follows. It needs `gc` (the extension starts the server with `--expose-gc`,
 * client/src/launch.ts); without it, it does nothing.
 */
import { getHeapStatistics } from 'node:v8';

/** Idle time after the last analysis before a collection (ms). */
export const IDLE_GC_DELAY_MS = 250;
/** Heap growth since the last collection that makes one worth running (bytes). */
export const IDLE_GC_GROWTH_BYTES = 12 * 1024 * 1024;

export interface IdleCollectorOptions {
  delayMs?: number;
  growthBytes?: number;
  /** the collector (default: `globalThis.gc` twice, present with --expose-gc); null: none */
  gc?: (() => void) | null;
  /** the heap in use, bytes (default: V8's used_heap_size) */
  heapUsed?: () => number;
}

/**
 * V8's gc extension (`--expose-gc`), run twice. One full collection frees the dead objects but
 * leaves the survivors scattered over the pages the burst filled (200 drafts: 18 MB alive in 51 MB
 * of old space, RSS unchanged at 150 MB); the second, knowing how little each page holds, moves
 * them together and gives the empty pages back (23.5 MB of old space, RSS 123 MB). Node 20's
 * extension ignores the options (type, flavor) that would ask for that in one call.
 */
function defaultCollector(): (() => void) | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  return gc
    ? () => {
        gc();
        gc();
      }
    : undefined;
}

export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;
  private baseline: number;
  /** collections run, for tests and the log */
  collections = 0;
  private readonly delayMs: number;
  private readonly growthBytes: number;
  private readonly gc: (() => void) | undefined;
  private readonly heapUsed: () => number;

  constructor({
    delayMs = IDLE_GC_DELAY_MS,
    growthBytes = IDLE_GC_GROWTH_BYTES,
    gc = defaultCollector() ?? null,
    heapUsed = () => getHeapStatistics().used_heap_size,
  }: IdleCollectorOptions = {}) {
    this.delayMs = delayMs;
    this.growthBytes = growthBytes;
    this.gc = gc ?? undefined;
    this.heapUsed = heapUsed;
    this.baseline = this.gc ? heapUsed() : 0;
  }

  /** The heap as it is now counts as collected (after a collection made elsewhere, e.g. the warm-up's). */
  collected(): void {
    if (this.gc) this.baseline = this.heapUsed();
  }

  /** An analysis has just run: a collection waits until `delayMs` pass without another. */
  worked(): void {
    if (!this.gc) return;
    if (this.timer) this.timer.refresh();
    else {
      this.timer = setTimeout(() => this.idle(), this.delayMs);
      this.timer.unref();
    }
  }

  private idle(): void {
    this.timer = undefined;
    if (!this.gc || this.heapUsed() - this.baseline < this.growthBytes) return;
    this.gc();
    this.collections++;
    this.baseline = this.heapUsed();
  }
}
