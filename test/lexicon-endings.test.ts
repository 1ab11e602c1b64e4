/**
 * nameTrail and isMetricName look only at the words that end with the string's last character
 * (indicators/lexicon.ts byLastChar). They must answer as a scan of the whole list in its order
 * does: the first (longest) trailing filler word, except 均 after 人 or 平 (人均, 平均 keep it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMetricName, METRIC_WORDS, NAME_TRAIL_WORDS, nameTrail } from '../server/src/core/indicators/lexicon.js';

function trailByList(s: string, start: number, end: number): number {
  for (const w of NAME_TRAIL_WORDS) {
    const at = end - w.length;
    if (at >= start && s.startsWith(w, at)) {
      if (w === '均' && at > start && (s[at - 1] === '人' || s[at - 1] === '平')) continue;
      return w.length;
    }
  }
  return 0;
}

describe('trailing words looked up by last character', () => {
  it.each([
    ['床位数的', 1],
    ['人均', 0],
    ['平均', 2],
    ['年均', 2],
    ['死亡率均', 1],
    ['指标已经', 2],
    ['距离不得', 2],
    ['', 0],
  ])('nameTrail(%j) = %i', (s, n) => {
    expect(nameTrail(s)).toBe(n);
    expect(trailByList(s, 0, s.length)).toBe(n);
  });

  it('nameTrail agrees with a scan of the list on any text and range', () => {
    const piece = fc.constantFrom(...NAME_TRAIL_WORDS, '人', '平', '率', '床位数', 'a', '，');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const s = pieces.join('');
        const start = a % (s.length + 1);
        const end = b % (s.length + 2);
        expect(nameTrail(s, start, end)).toBe(trailByList(s, start, end));
      }),
      { numRuns: 3000 },
    );
  });

  it('isMetricName agrees with a scan of the list', () => {
    const piece = fc.constantFrom(...METRIC_WORDS, '人', '床位', '覆盖', 'a', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const s = pieces.join('');
        expect(isMetricName(s)).toBe(METRIC_WORDS.some((w) => s.endsWith(w)));
      }),
      { numRuns: 3000 },
    );
    expect(isMetricName('孕产妇死亡率')).toBe(true);
    expect(isMetricName('每千人口床位')).toBe(true);
    expect(isMetricName('医疗机构')).toBe(false);
  });
});
