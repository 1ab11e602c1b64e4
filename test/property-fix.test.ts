/**
 * Fix safety (issue 7): applying any set of fixes, one by one, all at once or in any order,
 * changes only the characters their edits name; edits never overlap; "fix all" run twice changes
 * nothing the second time. Inputs: mutated seeds (they carry real numbering, punctuation and
 * enumeration defects) and strings biased to the plan alphabet.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';

/** PROPERTY_SCALE=10 multiplies every property's case count (for a long local hunt). */
const scale = Number(process.env['PROPERTY_SCALE'] ?? 1);
const runs = (n: number) => Math.round(n * scale);
vi.setConfig({ testTimeout: 60000 * Math.max(1, scale) });
import { analyze } from '../server/src/core/analyze.js';
import { applyFixes, applyFixesOnce, fixesOf } from '../server/src/core/fix.js';
import type { Edit, Fix } from '../server/src/core/model.js';
import { domainString, editsProblems, mutatedSeed, onlyEditsChanged, SEEDS } from './robust-gen.js';

const findingsOf = (text: string) => analyze(text).findings;
const allFixes = (text: string, safeOnly = false): Fix[] => fixesOf(findingsOf(text), safeOnly);
const realEdits = (fix: Fix): Edit[] => fix.edits.filter((e) => !(e.start === e.end && e.newText === ''));

/** Applies fixes one at a time in the given order, shifting later offsets by earlier changes. */
function applySequentially(text: string, fixes: readonly Fix[]): string {
  const applied: { start: number; end: number; delta: number }[] = [];
  let out = text;
  const map = (o: number, isEnd: boolean) => {
    let shift = 0;
    for (const a of applied) if (a.end < o || (a.end === o && (isEnd || a.start < a.end || a.start < o))) shift += a.delta;
    return o + shift;
  };
  for (const fix of fixes) {
    const edits = realEdits(fix).map((e) => ({ ...e, start: map(e.start, false), end: map(e.end, true) }));
    const r = applyFixesOnce(out, [{ ...fix, edits }]);
    out = r.text;
    for (const e of realEdits(fix)) applied.push({ start: e.start, end: e.end, delta: e.newText.length - (e.end - e.start) });
  }
  return out;
}

// mutated seeds plus a defect-rich doc: the altered seeds carry misnumbering, (一)、1、 and 。 headings
const fixInput = fc.oneof({ weight: 4, arbitrary: mutatedSeed({ window: 3000, maxMutations: 15 }) }, { weight: 1, arbitrary: domainString(60) });

/** The straightforward quadratic acceptance rule, as the oracle for the indexed one in core/fix.ts. */
function overlapsRef(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}
function applyFixesOnceRef(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[] } {
  const first = (f: Fix) => Math.min(Infinity, ...f.edits.map((e) => e.start));
  const ordered = [...fixes].sort((a, b) => first(a) - first(b));
  const accepted: Edit[] = [];
  const applied: Fix[] = [];
  for (const fix of ordered) {
    const edits = realEdits(fix);
    const ok =
      edits.length > 0 &&
      edits.every((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && 0 <= e.start && e.start <= e.end && e.end <= text.length) &&
      edits.every((e, i) => edits.every((f, j) => i === j || !overlapsRef(e, f))) &&
      edits.every((e) => accepted.every((a) => !overlapsRef(e, a))) &&
      edits.some((e) => text.slice(e.start, e.end) !== e.newText);
    if (ok) {
      accepted.push(...edits);
      applied.push(fix);
    }
  }
  let out = text;
  for (const e of [...accepted].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return { text: out, applied };
}

describe('fix application', () => {
  it('accepts exactly the fixes the quadratic reference accepts, with the same result (1,500 cases)', () => {
    const edit = fc
      .record({ start: fc.integer({ min: -1, max: 12 }), len: fc.integer({ min: 0, max: 3 }), newText: fc.constantFrom('', 'X', 'YY', '（一）') })
      .map(({ start, len, newText }) => ({ start, end: start + len, newText }));
    const fix = fc.array(edit, { minLength: 0, maxLength: 4 }).map((edits): Fix => ({ title: { zh: 't', en: 't' }, edits, safe: true }));
    fc.assert(
      fc.property(fc.string({ minLength: 6, maxLength: 12 }), fc.array(fix, { maxLength: 8 }), (text, fixes) => {
        const ref = applyFixesOnceRef(text, fixes);
        const got = applyFixesOnce(text, fixes);
        expect(got.applied).toEqual(ref.applied);
        expect(got.text).toBe(ref.text);
        expect(got.applied.length + got.skipped.length).toBe(fixes.length);
      }),
      { numRuns: runs(1500) },
    );
  });
});

describe('fixes change only what they name', () => {
  it('each fix alone (800 documents)', () => {
    let fixesSeen = 0;
    fc.assert(
      fc.property(fixInput, (text) => {
        for (const fix of allFixes(text)) {
          fixesSeen++;
          expect(editsProblems(fix.title.en, fix.edits, text.length)).toEqual([]);
          const r = applyFixesOnce(text, [fix]);
          expect(onlyEditsChanged(text, r.applied.length ? realEdits(fix) : [], r.text)).toBe(true);
        }
      }),
      { numRuns: runs(800) },
    );
    // the inputs exercise fixes at all (not a vacuous property)
    expect(fixesSeen).toBeGreaterThan(800);
  });

  it('all at once, and one by one in any order, give the same text (600 documents)', () => {
    fc.assert(
      fc.property(fixInput, fc.nat(), (text, shuffleSeed) => {
        const fixes = allFixes(text);
        const r = applyFixesOnce(text, fixes);
        const accepted = r.applied.flatMap(realEdits);
        expect(editsProblems('accepted', accepted, text.length)).toEqual([]);
        expect(onlyEditsChanged(text, accepted, r.text)).toBe(true);
        // a random permutation of the accepted fixes, applied one at a time
        const order = [...r.applied];
        let s = shuffleSeed;
        for (let i = order.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2147483648;
          const j = s % (i + 1);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        expect(applySequentially(text, order)).toBe(r.text);
      }),
      { numRuns: runs(600) },
    );
  });

  it('"fix all" is idempotent and every pass changes only named characters (300 documents)', () => {
    fc.assert(
      fc.property(fixInput, (text) => {
        // pass by pass, as applyFixes does, checking each pass
        let cur = text;
        for (let pass = 0; pass < 10; pass++) {
          const r = applyFixesOnce(cur, allFixes(cur, true));
          if (r.applied.length === 0 || r.text === cur) break;
          expect(onlyEditsChanged(cur, r.applied.flatMap(realEdits), r.text)).toBe(true);
          cur = r.text;
        }
        const first = applyFixes(text, findingsOf);
        expect(first.converged).toBe(true);
        const second = applyFixes(first.text, findingsOf);
        expect(second.text).toBe(first.text);
        expect(second.appliedCount).toBe(0);
        // nothing safe left to fix after fix-all
        expect(allFixes(first.text, true)).toEqual([]);
      }),
      { numRuns: runs(300) },
    );
  });

  it('fix all on every whole seed converges and keeps every other character', () => {
    for (const seed of SEEDS) {
      const first = applyFixes(seed, findingsOf);
      expect(first.converged).toBe(true);
      expect(applyFixes(first.text, findingsOf).text).toBe(first.text);
      // the fixes touch numbering tokens and trailing punctuation only: no Han character is lost
      const han = (s: string) => s.replace(/[^\u4e00-\u9fff]/g, '');
      const removedHan = han(seed).length - han(first.text).length;
      expect(Math.abs(removedHan)).toBeLessThanOrEqual(first.appliedCount * 4);
    }
  });
});
