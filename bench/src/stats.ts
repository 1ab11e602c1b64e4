/** Small statistics helpers for the benchmarks: order statistics over samples in milliseconds. */

export interface Summary {
  n: number;
  min: number;
  median: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile (p in 0..100) of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return {
    n: s.length,
    min: round(s[0] ?? NaN),
    median: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    max: round(s[s.length - 1] ?? NaN),
    mean: round(mean),
  };
}

/** Rounds to 3 significant decimals for milliseconds (keeps sub-millisecond figures readable). */
export function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  const a = Math.abs(x);
  const d = a >= 100 ? 1 : a >= 10 ? 2 : 3;
  return Number(x.toFixed(d));
}

export function now(): number {
  return performance.now();
}

export const MB = 1024 * 1024;

/**
 * CPU time (user + system, ms) from /proc (Linux): of a process, or (children = true) of the
 * children this process has waited for. Clock ticks of 10 ms: meaningful as sums over many runs.
 * NaN where /proc is not available.
 */
export function procCpuMs(pid: number | 'self', children = false): number {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const stat = (require('node:fs') as typeof import('node:fs')).readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the parenthesised command name: state is field 3; utime 14, stime 15, cutime 16, cstime 17
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const at = (n: number) => Number(f[n - 3]);
    const ticks = children ? at(16) + at(17) : at(14) + at(15);
    return ticks * 10;
  } catch {
    return NaN;
  }
}
