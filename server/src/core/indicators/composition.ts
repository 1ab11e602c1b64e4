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

/** A post of a body written alone (副组长, 常务副主任, 委员), without the body that sets it up. */
const BARE_POST = /^(?:常务|执行)?副?(?:总?(?:组长|主任|秘书长|部长|局长|书记|主席|处长|科长|队长|站长|院长|所长|指挥|联络员|秘书)|(?:主任)?委员|成员)$/;

/**
 * The make-up of a body is written once for all its posts: 领导小组设组长1人，副组长4人 sets up both
 * posts, the second without repeating 领导小组设. A bare post after a post set up by a body, in the
 * same full sentence, is named with that body (领导小组副组长).
 */
export function carryBodies(out: RawQuantity[]): RawQuantity[] {
  let body: { period: number; name: string } | undefined;
  for (const r of out) {
    if (r.body) body = { period: r.period, name: r.body };
    else if (body && body.period === r.period && r.cue === 'parameter' && BARE_POST.test(r.name)) r.name = body.name + r.name;
  }
  return out;
}
