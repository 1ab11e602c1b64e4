import type { RawQuantity } from './scan.js';

/**
 * The parts of a whole are no targets: two or more shares (占N%) of one sentence that add up to
 * exactly 100% divide something up (季度检查结果占40%，年终考核结果占60%: the weights of an
 * assessment; 中央资金占70%，地方配套占30%: the shares of a fund). Marked parameters (`norm`). A
 * share to reach says so (占比达到30%) and is read with that comparator, not 占.
 */
export function markCompositions(out: RawQuantity[]): RawQuantity[] {
  const isShare = (r: RawQuantity) => r.comparator === '占' && r.unit === '%' && r.value2 === undefined;
  let byPeriod: Map<number, RawQuantity[]> | undefined;
  for (const r of out) {
    if (!isShare(r)) continue;
    byPeriod ??= new Map();
    const shares = byPeriod.get(r.period);
    if (shares) shares.push(r);
    else byPeriod.set(r.period, [r]);
  }
  if (!byPeriod) return out;
  for (const shares of byPeriod.values()) {
    if (shares.length < 2) continue;
    const sum = shares.reduce((a, r) => a + r.value, 0);
    if (Math.abs(sum - 100) < 1e-9) for (const r of shares) r.norm = true;
  }
  return out;
}
