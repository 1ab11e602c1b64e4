/**
 * Text pasted from Word, PDF and WeChat differs from the typed original in ways that carry no
 * meaning: line endings (CRLF, CR), a BOM, indentation made of NBSP, ideographic or zero-width
 * spaces, trailing blanks, blank lines between every line. The structure the parser finds, and
 * the findings (rule and LSP position), must not change with them (issue 7).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../server/src/core/analyze.js';
import { parsePlan } from '../server/src/core/parse.js';
import { mutatedSeed, SEEDS } from './robust-gen.js';

const shape = (t: string) => parsePlan(t).allSections.map((s) => `${s.level}:${s.number}:${s.title}`);
const findings = (t: string) =>
  analyze(t).findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`);

const NOISE: Record<string, (s: string) => string> = {
  'CRLF line endings': (s) => s.replace(/\r?\n/g, '\r\n'),
  'CR line endings (classic Mac, some PDF tools)': (s) => s.replace(/\r?\n/g, '\r'),
  'a BOM': (s) => '\ufeff' + s,
  'NBSP indentation': (s) => s.replace(/^/gm, '\u00a0\u00a0'),
  'ideographic-space indentation': (s) => s.replace(/^/gm, '\u3000\u3000'),
  'zero-width space at line starts (WeChat)': (s) => s.replace(/^/gm, '\u200b'),
  'zero-width no-break space at line starts': (s) => s.replace(/^/gm, '\ufeff'),
  'trailing blanks': (s) => s.replace(/$/gm, ' \u3000'),
  'tab indentation': (s) => s.replace(/^/gm, '\t'),
  'a blank line after every line (double-spaced PDF export)': (s) => s.replace(/\r?\n/g, '\n\n'),
  'form feeds between pages': (s) => s.replace(/\n(?=[^\n]*\n)/g, (m, at: number) => (at % 7 === 0 ? '\n\f\n' : m)),
};

describe('structure survives paste noise', () => {
  for (const [name, noise] of Object.entries(NOISE)) {
    it(`${name}: same sections in every seed`, () => {
      for (const seed of SEEDS) expect(shape(noise(seed))).toEqual(shape(seed));
    });
  }

  it('line endings change no finding and no LSP position (LF, CRLF, CR), on mutated seeds too (200 cases)', () => {
    for (const seed of SEEDS) {
      const lf = seed.replace(/\r\n?/g, '\n');
      expect(findings(lf.replace(/\n/g, '\r\n'))).toEqual(findings(lf));
      expect(findings(lf.replace(/\n/g, '\r'))).toEqual(findings(lf));
    }
    fc.assert(
      fc.property(mutatedSeed({ window: 2000 }), (text) => {
        const lf = text.replace(/\r\n?/g, '\n');
        expect(findings(lf.replace(/\n/g, '\r\n'))).toEqual(findings(lf));
      }),
      { numRuns: 200 },
    );
  });

  it('a title that straddles a line break keeps its findings on its words (replay of a failing case)', () => {
    // fast-check seed 676331136, path 1215: a wrapped （二） heading joined across a blank line, whose
    // title holds “改善服务十大举措”: numbering/count-word added the title's index to its start as if
    // the title were one stretch of the document (4 characters off under LF, across lines under CRLF)
    fc.assert(
      fc.property(mutatedSeed({ window: 2000 }), (text) => {
        for (const t of [text.replace(/\r\n?/g, '\n'), text.replace(/\r?\n/g, '\r\n')]) {
          const f = analyze(t).findings.filter((x) => x.ruleId === 'numbering/count-word');
          expect(f.map((x) => t.slice(x.start, x.end))).toEqual(['十大举措']);
        }
      }),
      { seed: 676331136, path: '1215', numRuns: 1 },
    );
  });
});
