/**
 * Algorithmic safety by growth ratio (never by wall-clock limits): time(4n) / time(n) of a
 * workload, where a linear one grows about ×4 and a quadratic one ×16. Each time is the best of
 * five runs (the minimum filters out garbage collection and load); a ratio at or above the limit
 * is measured again, up to three times, and the lowest counts: load on a shared machine can slow
 * one measurement, never every one, while a quadratic workload grows ×16 each time.
 */

/** Best of five runs of `f`, in milliseconds; `prepare` runs untimed before each (a fresh session, a fresh set). */
export function bestOfFive<T>(prepare: () => T, f: (x: T) => void): number {
  let min = Infinity;
  for (let i = 0; i < 5; i++) {
    const x = prepare();
    const t0 = performance.now();
    f(x);
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

/** The lowest of up to three ratios time(large) / time(small), after one untimed run of each. */
export function growthRatio(small: () => number, large: () => number, limit = 6): number {
  small();
  large();
  let ratio = Infinity;
  for (let i = 0; i < 3 && ratio >= limit; i++) ratio = Math.min(ratio, large() / Math.max(1, small()));
  return ratio;
}

/** time(4n) / time(n) for a workload built from n (the build is untimed). */
export function growth(build: (n: number) => () => void, n: number, limit = 6): number {
  const time = (f: () => void) => () => bestOfFive(() => undefined, f);
  return growthRatio(time(build(n)), time(build(4 * n)), limit);
}
