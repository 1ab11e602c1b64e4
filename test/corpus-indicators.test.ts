/**
 * Indicator recall, precision, kind accuracy and name agreement on the hand-annotated corpus documents
 * (test/corpus-expect/indicators/, scoring in ./corpus-indicators.ts). Prints the table; with
 * PLANLINT_INDICATOR_DETAIL=1 also every miss, spurious extraction, wrong kind and differing name.
 */
import { describe, expect, it } from 'vitest';
import { expectFiles, report, scoreFile, type DocScore } from './corpus-indicators.js';

/**
 * Issue 14 asks for ≥ 95% recall and precision on every annotated document. A document that does
 * not reach it yet gets a floor here (what it reaches today, a ratchet to raise, never lower), with
 * its misses named; none does now.
 */
const FLOOR: Record<string, { recall: number; precision: number }> = {};
const DEFAULT_FLOOR = { recall: 0.95, precision: 0.95 };

describe('indicators of the hand-annotated corpus documents', () => {
  const scores: DocScore[] = expectFiles().map(scoreFile);

  it('has at least eight annotated documents', () => {
    expect(scores.length).toBeGreaterThanOrEqual(8);
  });

  it('reports recall, precision and kind accuracy per document', () => {
    console.log(report(scores));
    if (process.env['PLANLINT_INDICATOR_DETAIL'])
      for (const s of scores) {
        console.log(`\n## ${s.document}`);
        for (const m of s.missed) console.log(`  MISS ${m.excerpt} = ${m.value} ${m.unit}`);
        for (const x of s.spurious) console.log(`  SPUR ${JSON.stringify(x.text)} name=${x.name} ${x.value} ${x.unit}`);
        for (const w of s.wrongKind) console.log(`  KIND ${w.a.excerpt}: want ${w.a.kind}, got ${w.got}`);
        for (const w of s.wrongName) console.log(`  NAME ${w.a.excerpt}: want ${w.a.name}, got ${w.got}`);
      }
    const matched = scores.reduce((n, s) => n + s.matched, 0);
    const kindRight = scores.reduce((n, s) => n + s.kindRight, 0);
    expect(kindRight / matched, 'kind accuracy over all matched indicators').toBeGreaterThanOrEqual(0.95);
    // names: the annotators wrote the noun phrase a reader names (行政法规 where planlint keeps the verb,
    // 制定修订行政法规), so agreement is not 100%; a floor under today's 74.6% (sameName in
    // ./corpus-indicators.ts) catches a systematic loss of names (five points fail it)
    const nameRight = scores.reduce((n, s) => n + s.nameRight, 0);
    expect(nameRight / matched, 'names agreeing with the annotation over all matched indicators').toBeGreaterThanOrEqual(0.7);
    for (const s of scores) {
      const floor = FLOOR[s.document] ?? DEFAULT_FLOOR;
      expect(s.recall, `${s.document} recall`).toBeGreaterThanOrEqual(floor.recall);
      expect(s.precision, `${s.document} precision`).toBeGreaterThanOrEqual(floor.precision);
    }
  });
});
