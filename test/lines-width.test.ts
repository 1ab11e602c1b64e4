/**
 * The display width of a line (parse/lines.ts width), which decides the wrap width of a text and
 * so where a hard-wrapped paragraph continues: 1 for a CJK or full-width character, ½ for a narrow
 * one (a UTF-16 code unit below U+2E80). The width is found by regex over narrow runs (a short CLI
 * run no longer loops over every character in V8's interpreter); these tables and the property
 * hold it to the definition.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { width } from '../server/src/core/parse/lines.js';

/** The definition, one code unit at a time. */
function byDefinition(s: string, from = 0, to = s.length): number {
  let w = 0;
  for (let i = from; i < to; i++) w += s.charCodeAt(i) < 0x2e80 ? 0.5 : 1;
  return w;
}

describe('width', () => {
  it.each([
    ['', 0, 0, 0],
    ['abc', 0, 3, 1.5],
    ['全面推进健康中国建设', 0, 10, 10],
    // full-width punctuation and the ideographic space are wide; ASCII digits and % are narrow
    ['提高到95%以上。', 0, 9, 6 + 1.5],
    ['（一）加强领导', 0, 7, 7],
    ['\u3000\u3000一、总体要求', 0, 8, 8],
    // U+2E7F is the last narrow code unit, U+2E80 (a CJK radical) the first wide one
    ['\u2e7f\u2e80', 0, 2, 1.5],
    // a range inside the text: 到95 of 提高到95%以上
    ['提高到95%以上', 2, 5, 1 + 1],
    // an astral character is two wide code units (surrogates are above U+2E80)
    ['𠀀a', 0, 3, 2.5],
    // an empty or inverted range
    ['abc', 2, 2, 0],
    ['abc', 3, 1, 0],
  ])('width(%j, %i, %i) = %d', (s, from, to, expected) => {
    expect(width(s, from, to)).toBe(expected);
    expect(byDefinition(s, from, to)).toBe(expected);
  });

  it('the whole string by default', () => {
    expect(width('1.加强队伍建设')).toBe(1 + 6);
  });

  it('agrees with the definition on any text and range', () => {
    const unit = fc.constantFrom('a', ' ', '\t', '\n', '1', '%', 'é', '\u2e7f', '\u2e80', '中', '，', '\u3000', '𠀀');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), fc.nat(), fc.nat(), (units, a, b) => {
        const s = units.join('');
        const from = a % (s.length + 1);
        const to = b % (s.length + 1);
        expect(width(s, from, to)).toBe(byDefinition(s, from, to));
      }),
      { numRuns: 2000 },
    );
  });
});
