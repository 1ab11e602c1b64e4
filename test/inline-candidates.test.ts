/**
 * The search for headings that lost their line break (parse/inline-facts.ts) jumps by regex to the
 * places worth asking about: a possible numbering token (mayStartToken and mayHoldToken, not after
 * a character of a larger number) and, in a paragraph with an attachment list, each 。 and ；. The
 * regex must find exactly the places that definition gives (a missed place would lose a heading),
 * on random text made of the characters it reads and on every paragraph of the seeds and corpus.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayHoldToken, mayStartToken } from '../server/src/core/numbering.js';
import { MAY_START, MAY_START_OR_STOP, NUMBER_PART } from '../server/src/core/parse/inline-facts.js';
import { growth } from './growth.js';

/** The places by definition, one character at a time (from 1: the paragraph's start is its head). */
function byDefinition(text: string, listed: boolean): number[] {
  const out: number[] = [];
  for (let p = 1; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (listed && (c === 0x3002 || c === 0xff1b)) out.push(p);
    else if (mayStartToken(c) && !NUMBER_PART.has(text.charCodeAt(p - 1)) && mayHoldToken(text, p)) out.push(p);
  }
  return out;
}

function byRegex(text: string, listed: boolean): number[] {
  const re = listed ? MAY_START_OR_STOP : MAY_START;
  const out: number[] = [];
  re.lastIndex = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

const root = join(__dirname, '..');
const paragraphs = ['seeds', join('test', 'corpus')].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(root, dir, f), 'utf8').split(/\r?\n/)),
);

describe('the places the inline heading search asks about', () => {
  it.each([
    // 一、 after a sentence: a place; 统一 and 一批: none (no mark after the numeral)
    ['推进统一管理。一、总体要求', [7]],
    ['建成一批项目', []],
    // digits: 1. and 12、 are places; 2025年 and 100% are not; 4一网通办 (one digit, then Han) is
    ['目标。1.加强领导；12、完善机制', [3, 10]],
    ['到2025年达到100%', []],
    ['推进4一网通办', [2]],
    // after a character of a larger number (第一、二批, 12.5): no place
    ['第一、二批', []],
    // brackets, 第 and enclosed forms always
    ['工作（一）和⑴及第三条', [2, 6, 8]],
    // four numerals at most, and blanks before the mark
    ['共一百一十 、其二二二二二、', [1]],
  ])('%j', (text, places) => {
    expect(byRegex(text, false)).toEqual(places);
    expect(byDefinition(text, false)).toEqual(places);
  });

  it('agree on random text of the characters they read', () => {
    const ch = fc.constantFrom(...'一二三十百零〇千两第（(0123０９5.．、，,。；：\u3000 \t\u200b年个统管理⑴⒈㈠)）%a'.split(''));
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 30 }), fc.boolean(), (chars, listed) => {
        const text = chars.join('');
        expect(byRegex(text, listed)).toEqual(byDefinition(text, listed));
      }),
      { numRuns: 5000 },
    );
  });

  it(`agree on every paragraph of the seeds and the corpus (${paragraphs.length} lines)`, () => {
    let places = 0;
    for (const text of paragraphs) {
      for (const listed of [false, true]) {
        const found = byRegex(text, listed);
        expect(found, text.slice(0, 40)).toEqual(byDefinition(text, listed));
        places += found.length;
      }
    }
    expect(places).toBeGreaterThan(1000);
  });

  // built with new RegExp, so regex-linear.test.ts does not enumerate them: the runs their
  // lookaheads read (numerals, digits, blanks before a mark) are timed here by growth ratio
  it.each([
    ['numerals', (n: number) => '一'.repeat(n)],
    ['numerals and blanks', (n: number) => '一\u3000'.repeat(n)],
    ['a numeral before a long blank run', (n: number) => '。一' + ' '.repeat(n)],
    ['short runs before blanks', (n: number) => '一二三\u200b\u200b'.repeat(n)],
    ['digits', (n: number) => '1'.repeat(n)],
    ['digits before blanks', (n: number) => ('12' + '\t'.repeat(8)).repeat(n)],
    ['stops and tokens', (n: number) => '。1、；一、'.repeat(n)],
  ])('stay linear on %s', (_, build) => {
    for (const listed of [false, true]) {
      expect(
        growth((n) => {
          const text = build(n);
          return () => void byRegex(text, listed);
        }, 20000),
      ).toBeLessThan(6);
    }
  });
});
