/**
 * Merging the edits of many fixes (fix all, renumber, normalise, insert all themes): the result
 * never overlaps, keeps every edit of each fix it takes and drops a fix whole, and matches the
 * obvious quadratic definition (earlier fixes win) on random fixes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Edit } from '../server/src/core/model.js';
import { mergeFixEdits } from '../server/src/lsp/convert.js';

function reference(fixes: readonly (readonly Edit[])[]): Edit[] {
  const taken: Edit[] = [];
  const overlap = (a: Edit, b: Edit) => a.start < b.end && b.start < a.end;
  for (const edits of fixes) {
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    if (sorted.some((e, i) => i > 0 && e.start < sorted[i - 1]!.end)) continue;
    if (sorted.some((e) => taken.some((t) => overlap(e, t)))) continue;
    taken.push(...sorted);
  }
  // stable: insertions at one point keep the order of their fixes
  return taken.sort((a, b) => a.start - b.start || a.end - b.end);
}

const edit = fc.tuple(fc.nat(40), fc.nat(6), fc.string({ maxLength: 2 })).map(([start, length, newText]): Edit => ({ start, end: start + length, newText }));

describe('mergeFixEdits', () => {
  it('agrees with the reference definition and never overlaps', () => {
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 14 }), (fixes) => {
        const merged = mergeFixEdits(fixes);
        expect(merged).toEqual(reference(fixes));
        for (let i = 1; i < merged.length; i++) expect(merged[i]!.start).toBeGreaterThanOrEqual(merged[i - 1]!.end);
        // every fix is taken whole or not at all
        for (const f of fixes) {
          const inside = f.filter((e) => merged.includes(e)).length;
          expect(inside === 0 || inside === f.length).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps two insertions at one point in fix order, and drops an insertion inside a replacement', () => {
    const a: Edit = { start: 5, end: 5, newText: 'A' };
    const b: Edit = { start: 5, end: 5, newText: 'B' };
    const r: Edit = { start: 3, end: 8, newText: 'R' };
    expect(mergeFixEdits([[a], [b]])).toEqual([a, b]);
    expect(mergeFixEdits([[r], [a]])).toEqual([r]);
    expect(mergeFixEdits([[a], [r]])).toEqual([a]);
  });

  it('merges 100,000 document-ordered fixes', () => {
    const fixes: Edit[][] = [];
    for (let i = 0; i < 100_000; i++) fixes.push([{ start: i * 10, end: i * 10 + 3, newText: '（一）' }]);
    expect(mergeFixEdits(fixes).length).toBe(100_000);
  });
});
