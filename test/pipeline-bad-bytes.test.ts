/**
 * The CLI pipeline never throws on bad bytes: random byte strings, seeds re-encoded and then
 * damaged (truncated, bytes flipped, BOMs mixed in) all come back either as a decoded, analysed
 * draft whose findings lie inside the text, or as a one-line refusal (binary / not text).
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { findRule } from '../server/src/core/rules/index.js';
import * as parse from '../server/src/core/parse.js';
import { checkDraft, isFailure } from '../server/src/cli/pipeline.js';
import { DecodeError, decodeBytes } from '../server/src/node/decode.js';
import { readSeed, repoRoot, seedPath } from './helpers.js';

const seeds = ['000', '001', '002', '003', '004'].map(readSeed);
const encodings = ['utf8', 'utf8bom', 'utf16le', 'utf16be', 'gb18030'] as const;

function encode(text: string, enc: (typeof encodings)[number]): Buffer {
  switch (enc) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const b = Buffer.from(text, 'utf16le');
      b.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), b]);
    }
    default:
      return iconv.encode(text, 'gb18030');
  }
}

/** A seed slice, encoded, then damaged a little. */
const damagedSeed = fc
  .record({
    seed: fc.integer({ min: 0, max: seeds.length - 1 }),
    from: fc.nat(),
    len: fc.integer({ min: 0, max: 3000 }),
    enc: fc.constantFrom(...encodings),
    flips: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 4 }),
    cut: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ seed, from, len, enc, flips, cut }) => {
    const s = seeds[seed]!;
    const start = from % Math.max(1, s.length);
    const buf = Buffer.from(encode(s.slice(start, start + len), enc));
    for (const f of flips) if (buf.length) buf[f.at % buf.length] = f.byte;
    return cut === undefined || buf.length === 0 ? buf : buf.subarray(0, cut % buf.length);
  });

const anyBytes = fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a));

describe('bytes never crash the pipeline', () => {
  it('decodeBytes returns text or refuses with a DecodeError', () => {
    fc.assert(
      fc.property(fc.oneof(damagedSeed, anyBytes), (buf) => {
        try {
          const r = decodeBytes(buf);
          expect(typeof r.text).toBe('string');
          // bytes that could not be decoded faithfully are always reported
          if (!r.lossless) expect(r.warnings.length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(DecodeError);
          expect((e as DecodeError).localized.zh.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('checkDraft analyses or refuses, and every finding lies inside the decoded text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(damagedSeed, anyBytes), fc.constantFrom('draft.txt', 'draft.md'), async (buf, name) => {
        const r = await checkDraft(`${repoRoot}/${name}`, { input: buf, cwd: repoRoot });
        if (isFailure(r)) {
          expect(r.message.en).toMatch(/not a text file|cannot read|UTF-16 without a byte-order mark/);
          return;
        }
        const n = r.decoded.text.length;
        for (const f of [...r.findings, ...r.suppressed]) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(n);
          expect(f.start).toBeLessThanOrEqual(f.end);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('a failing rule', () => {
  it('costs only its own findings: the others are reported and the failure is one located internal/error finding', async () => {
    const style = findRule('numbering/style')!;
    const before = await checkDraft(seedPath('001'), { cwd: repoRoot });
    if (isFailure(before)) throw new Error(before.message.en);
    const others = before.findings.filter((f) => f.ruleId !== 'numbering/style');
    expect(before.findings.length).toBeGreaterThan(others.length);
    const spy = vi.spyOn(style, 'check').mockImplementation(() => {
      throw new Error('boom');
    });
    try {
      const r = await checkDraft(seedPath('001'), { cwd: repoRoot });
      if (isFailure(r)) throw new Error(r.message.en);
      // the failure is a finding of the draft, at its start (the one pipeline: core/analyze.ts)
      const internal = r.findings.filter((f) => f.ruleId === 'internal/error');
      expect(internal).toEqual([
        expect.objectContaining({ severity: 'error', start: 0, end: 0, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }),
      ]);
      expect(internal[0]!.message.en).toContain('internal error in rule numbering/style, its findings are missing: boom');
      const rest = r.findings.filter((f) => f.ruleId !== 'internal/error');
      expect(rest.map((f) => `${f.ruleId}@${f.start}`)).toEqual(others.map((f) => `${f.ruleId}@${f.start}`));
      expect(r.externalProblems).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('a failing parser', () => {
  it('refuses that draft with a one-line internal error; nothing is thrown', async () => {
    const spy = vi.spyOn(parse, 'parsePlan').mockImplementation(() => {
      throw new Error('parser exploded');
    });
    try {
      const r = await checkDraft(seedPath('003'), { cwd: repoRoot });
      expect(isFailure(r)).toBe(true);
      if (isFailure(r)) {
        expect(r.message.en).toBe('internal error while analysing: parser exploded (please report this)');
        expect(r.code).toBe('internal/error');
      }
    } finally {
      spy.mockRestore();
    }
  });
});
