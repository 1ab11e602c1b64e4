/**
 * The idle collection (server/src/lsp/idle-gc.ts): a full collection once analyses pause after a
 * burst that grew the heap, never while they go on, never after work that did not grow it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdleCollector } from '../server/src/lsp/idle-gc.js';

const MB = 1024 * 1024;

function fake(delayMs = 250, growthBytes = 12 * MB) {
  const heap = { used: 40 * MB };
  const gc = vi.fn(() => {
    heap.used = 20 * MB;
  });
  const c = new IdleCollector({ delayMs, growthBytes, gc, heapUsed: () => heap.used });
  return { c, gc, heap };
}

describe('IdleCollector', () => {
  afterEach(() => vi.useRealTimers());

  it('collects once the analyses have paused for the delay after the heap grew', () => {
    vi.useFakeTimers();
    const { c, gc, heap } = fake();
    for (let i = 0; i < 10; i++) {
      heap.used += 3 * MB;
      c.worked();
      vi.advanceTimersByTime(100); // analyses 100 ms apart: no pause yet
    }
    expect(gc).not.toHaveBeenCalled();
    vi.advanceTimersByTime(150);
    expect(gc).toHaveBeenCalledTimes(1);
    expect(c.collections).toBe(1);
    // nothing more to do until the heap grows again
    c.worked();
    vi.advanceTimersByTime(1000);
    expect(gc).toHaveBeenCalledTimes(1);
  });

  it('does not collect after work that left the heap about as it was', () => {
    vi.useFakeTimers();
    const { c, gc, heap } = fake();
    heap.used += 11 * MB; // under the 12 MB growth
    c.worked();
    vi.advanceTimersByTime(1000);
    expect(gc).not.toHaveBeenCalled();
    heap.used += 2 * MB;
    c.worked();
    vi.advanceTimersByTime(249);
    expect(gc).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(gc).toHaveBeenCalledTimes(1);
  });

  it('counts growth from a collection made elsewhere (the warm-up’s)', () => {
    vi.useFakeTimers();
    const { c, gc, heap } = fake();
    heap.used = 60 * MB;
    c.collected();
    heap.used += 5 * MB;
    c.worked();
    vi.advanceTimersByTime(1000);
    expect(gc).not.toHaveBeenCalled();
  });

  it('does nothing without a collector (a server started without --expose-gc)', () => {
    vi.useFakeTimers();
    const c = new IdleCollector({ gc: null, heapUsed: () => 1000 * MB });
    c.worked();
    vi.advanceTimersByTime(10_000);
    expect(c.collections).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
