/**
 * Encodings under bad input (issue 7), through the CLI helper's node/decode.ts: arbitrary bytes
 * never raise anything but a DecodeError with a localized message; GB18030, UTF-16 LE/BE and UTF-8
 * with and without BOM give exactly the text, and so exactly the findings and ranges, of the UTF-8
 * original (no mojibake, no shifted ranges); damaged bytes are replaced one for one, located, and
 * every other character survives.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../server/src/core/analyze.js';
import { LineIndex } from '../server/src/core/text.js';
import { DecodeError, decodeBytes, encodeText } from '../server/src/node/decode.js';
import { findingProblems, SEEDS } from './robust-gen.js';

type Enc = { name: string; encode: (s: string) => Buffer };
const ENCODINGS: Enc[] = [
  { name: 'utf-8', encode: (s) => Buffer.from(s, 'utf8') },
  { name: 'utf-8 BOM', encode: (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]) },
  { name: 'utf-16le BOM', encode: (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]) },
  {
    name: 'utf-16be BOM',
    encode: (s) => {
      const b = Buffer.from(s, 'utf16le');
      b.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), b]);
    },
  },
  { name: 'gb18030', encode: (s) => iconv.encode(s, 'gb18030') },
];

const summary = (text: string) =>
  analyze(text).findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`);

describe('decoding never throws anything but DecodeError', () => {
  it('on arbitrary bytes (2,000 cases), and decoded text is analysable', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), (bytes, bom) => {
        let text: string;
        try {
          const r = decodeBytes(Uint8Array.from([...bom, ...bytes]));
          text = r.text;
          for (const w of r.warnings) {
            expect(w.message.zh.length).toBeGreaterThan(0);
            if (w.offset !== undefined) expect(w.offset).toBeLessThanOrEqual(r.text.length);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(DecodeError);
          const { zh, en } = (e as DecodeError).localized;
          expect(zh.length).toBeGreaterThan(0);
          expect(en.length).toBeGreaterThan(0);
          expect(zh + en).not.toContain('\ufffd');
          return;
        }
        expect(findingProblems(text, analyze(text).findings)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('UTF-16 without a BOM is refused with a clear message rather than read as mojibake', () => {
    for (const s of SEEDS.slice(0, 2)) {
      expect(() => decodeBytes(Buffer.from(s, 'utf16le'))).toThrow(DecodeError);
    }
  });
});

describe('every encoding gives the same text, findings and ranges as UTF-8', () => {
  for (const enc of ENCODINGS) {
    it(`${enc.name}: all seeds, LF and CRLF`, () => {
      for (const seed of SEEDS) {
        for (const text of [seed, seed.replace(/\n/g, '\r\n')]) {
          const r = decodeBytes(enc.encode(text));
          expect(r.text).toBe(text);
          expect(r.lossless).toBe(true);
          expect(r.warnings).toEqual([]);
          expect(summary(r.text)).toEqual(summary(text));
          // written back, the bytes are the same
          expect(encodeText(r.text, r).equals(enc.encode(text))).toBe(true);
        }
      }
    });
  }

  it('short Chinese fragments in GB18030 decode without mojibake (500 cases)', () => {
    // (at least 6 characters: GBK bytes of one or two Han characters can happen to be valid UTF-8,
    // e.g. 一一 = D2 BB D2 BB = "һһ"; valid UTF-8 is read as UTF-8, a deliberate, standard choice)
    const han = fc.array(fc.constantFrom(...'一二三四五六七八九十、（）。，；：“”加强推进全面深化改革卫生健康服务体系建设疫情防控达到以上以下率％'.split('')), {
      minLength: 6,
      maxLength: 40,
    });
    const line = fc.tuple(
      fc.constantFrom('一、', '（一）', '1.', ''),
      han.map((a) => a.join('')),
      fc.constantFrom('\n', '\r\n', ''),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const text = lines.map(([a, b, c]) => a + b + c).join('');
        const r = decodeBytes(iconv.encode(text, 'gb18030'));
        expect(r.text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('no Shift_JIS mojibake for GB18030 text', () => {
  it('一、 with curly quotes is not read as half-width katakana (ﾒｻ｡｢)', () => {
    // found by the property above: chardet guessed Shift_JIS, and half-width katakana counted as CJK
    for (const text of ['一、一“一\n', '二、“十四五”规划\n', '（一）“一老一小”\n']) {
      const r = decodeBytes(iconv.encode(text, 'gb18030'));
      expect(r.encoding).toBe('gb18030');
      expect(r.text).toBe(text);
    }
  });
});

describe('invalid byte sequences', () => {
  const BAD: number[][] = [[0xff], [0xc0], [0xe4, 0xb8], [0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];

  it('in UTF-8: each damaged spot becomes U+FFFD, every other character survives, the warning is located (300 cases)', () => {
    fc.assert(
      fc.property(fc.nat({ max: SEEDS.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BAD)), { minLength: 1, maxLength: 2 }), (si, damage) => {
        const seed = SEEDS[si]!;
        // damage at character boundaries so the expected text is known exactly
        const chars = [...seed];
        const spots = [...new Set(damage.map(([at]) => at % chars.length))].sort((a, b) => a - b);
        const byCut = new Map(damage.map(([at, bytes]) => [at % chars.length, bytes]));
        const parts: Buffer[] = [];
        let expected = '';
        let prev = 0;
        for (const at of spots) {
          const before = chars.slice(prev, at).join('');
          parts.push(Buffer.from(before, 'utf8'), Buffer.from(byCut.get(at)!));
          expected += before;
          prev = at;
        }
        parts.push(Buffer.from(chars.slice(prev).join(''), 'utf8'));
        expected += chars.slice(prev).join('');
        const r = decodeBytes(Buffer.concat(parts));
        expect(r.encoding).toBe('utf-8');
        expect(r.lossless).toBe(false);
        // remove the replacement characters: what is left is exactly the original
        expect(r.text.replace(/\ufffd/g, '')).toBe(expected.replace(/\ufffd/g, ''));
        expect(r.warnings).toHaveLength(1);
        const w = r.warnings[0]!;
        expect(r.text[w.offset!]).toBe('\ufffd');
        expect(r.text.indexOf('\ufffd')).toBe(w.offset);
        const p = new LineIndex(r.text).positionAt(w.offset!);
        expect(w.message.zh).toContain(`第 ${p.line + 1} 行第 ${p.character + 1} 列`);
        expect(w.message.zh).not.toContain('\ufffd');
        expect(findingProblems(r.text, analyze(r.text).findings)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a short UTF-8 draft with one damaged byte stays UTF-8 (not GB18030 mojibake such as 涓€銆佹€讳綋)', () => {
    // found through --fix: 15 valid characters per damaged byte was not enough "evidence" for UTF-8
    for (const text of ['一、总体要求\n(一)加强领导\n', '二、重点任务\n', '1.加强疫情防控。\n']) {
      const r = decodeBytes(Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xff]), Buffer.from('\n', 'utf8')]));
      expect(r.encoding).toBe('utf-8');
      expect(r.text).toBe(text + '\ufffd\n');
      expect(r.lossless).toBe(false);
    }
    // and short GBK text is still GBK, not "damaged UTF-8"
    for (const text of ['一、总体要求\n', '加强\n', 'Plan 2021 (万)\n']) expect(decodeBytes(iconv.encode(text, 'gbk')).text).toBe(text);
  });

  it('in GB18030: damaged double-byte characters are replaced and located, the text is not mis-detected', () => {
    const seed = SEEDS[0]!;
    const bytes = iconv.encode(seed, 'gb18030');
    const damaged = Buffer.concat([bytes.subarray(0, 200), Buffer.from([0x81]), Buffer.from([0x0a]), bytes.subarray(200)]);
    const r = decodeBytes(damaged);
    expect(r.encoding).toBe('gb18030');
    expect(r.lossless).toBe(false);
    expect(r.warnings.length).toBe(1);
    // everything after the damage decodes as the original (no shifted double-byte pairs)
    const tail = seed.slice(seed.length - 2000);
    expect(r.text.endsWith(tail)).toBe(true);
  });

  it('an odd trailing byte in UTF-16 is reported, not dropped silently, and ranges stay in the text', () => {
    const b = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEEDS[3]!, 'utf16le'), Buffer.from([0x41])]);
    const r = decodeBytes(b);
    expect(r.text.startsWith(SEEDS[3]!)).toBe(true);
    expect(r.warnings.length).toBe(1);
    expect(findingProblems(r.text, analyze(r.text).findings)).toEqual([]);
  });
});
