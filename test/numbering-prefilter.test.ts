/**
 * mayHoldToken (core/numbering.ts) lets inline heading recovery skip a Chinese numeral of running
 * text (统一, 进一步, 三农) before any regular expression or backward scan. It must be a necessary
 * condition: wherever matchNumberToken reads a token, mayHoldToken says it may.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchNumberToken, mayHoldToken } from '../server/src/core/numbering.js';

describe('mayHoldToken', () => {
  it('rejects numerals of running text and keeps every token form', () => {
    const rejected = ['统一', '进一步', '三农', '一二三四五、', '十分'];
    for (const s of rejected) expect(mayHoldToken(s, s.search(/[一二三四五十]/)), s).toBe(false);
    const kept = ['一、', '十一，', '一百一十．', '二\u200b、', '三 、', '（一）', '1.', '1.1', '4一网通办', '第一条', '㈠'];
    for (const s of kept) expect(mayHoldToken(s, 0), s).toBe(true);
  });

  it('holds wherever matchNumberToken reads a token (3,000 strings of token characters)', () => {
    const alphabet = fc.constantFrom(...'一二三四十百零〇、，,．.。 \u3000\u200b（）()1234567890第条章统进步农'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }), (chars) => {
        const s = chars.join('');
        for (let p = 0; p < s.length; p++) {
          const options = [{ fullStop: true }, { decimal: true }, { bare: true }] as const;
          for (const o of options) if (matchNumberToken(s.slice(p), o)) expect(mayHoldToken(s, p), JSON.stringify([s, p, o])).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
