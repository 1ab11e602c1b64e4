/**
 * Indicator recall, precision and kind accuracy on the hand-annotated corpus documents
 * (test/corpus-expect/indicators/, scoring in ./corpus-indicators.ts). Prints the table; with
 * PLANLINT_INDICATOR_DETAIL=1 also every miss, spurious extraction and wrong kind.
 */
import { describe, expect, it } from 'vitest';
import { expectFiles, report, scoreFile, type DocScore } from './corpus-indicators.js';

/** what each document reaches today (ratchet: raise, never lower) */
const FLOOR: Record<string, { recall: number; precision: number }> = {};
const DEFAULT_FLOOR = { recall: 0, precision: 0 };

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
      }
    for (const s of scores) {
      const floor = FLOOR[s.document] ?? DEFAULT_FLOOR;
      expect(s.recall, `${s.document} recall`).toBeGreaterThanOrEqual(floor.recall);
      expect(s.precision, `${s.document} precision`).toBeGreaterThanOrEqual(floor.precision);
    }
  });
});
