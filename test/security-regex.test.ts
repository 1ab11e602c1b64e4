/**
 * The expressions regex-linear.test.ts once listed as known exceptions (issue 13 follow-up), through
 * the public entry point: a whole analysis (analyzeDocument) of a draft built around the adversarial
 * run, timed by growth ratio only (time(4n) / time(n) < 6; with the old expressions these grew ×11
 * to ×32). And the rewrites find exactly what the old expressions found, on random text made of the
 * characters they read.
 *
 * Three are not reached with long input through an entry point, so only regex-linear.test.ts
 * times them: reader.ts's THRESHOLD reads a subject phrase of at most 40 characters,
 * date-plan-year's DONE_AFTER the six characters after a deadline, and requirements/extract.ts's
 * bracketed title a title line of at most 60.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../server/src/core/analyze.js';
import { createSession } from '../server/src/core/session.js';
import { firstBracketedTitle, replaceBookTitles } from '../server/src/core/text.js';
import { NUM_RE } from '../server/src/core/indicators/lexer.js';
import { THRESHOLD } from '../server/src/core/indicators/reader.js';
import { DEADLINE, DONE_AFTER } from '../server/src/core/rules/date-plan-year.js';
import { bestOfFive, growthRatio } from './growth.js';

/** time(4n) / time(n) of a whole analysis of the draft built from n. */
function analysisGrowth(draft: (n: number) => string, n: number, year?: number): number {
  const run = (text: string) => () =>
    bestOfFive(createSession, (s) => void analyzeDocument(text, { maxFullAnalysisBytes: Infinity, ...(year ? { year } : {}) }, s));
  return growthRatio(run(draft(n)), run(draft(4 * n)));
}

describe('the expressions once known to be quadratic, through analyzeDocument', () => {
  it('indicators/classify: a run of 《 without 》 in a plan paragraph (time cues skip titles)', () => {
    const draft = (n: number) => `一、主要目标\n到2025年，${'《'.repeat(n)}全市人均预期寿命达到79岁以上。\n`;
    expect(analysisGrowth(draft, 10_000)).toBeLessThan(6);
  }, 120_000);

  it('indicators/lexer: a run of Chinese numerals without a measure word, in a paragraph that has a counted numeral', () => {
    const draft = (n: number) => `一、主要目标\n新建三个示范村，${'四'.repeat(n)}。\n`;
    expect(analysisGrowth(draft, 3000)).toBeLessThan(6);
  }, 120_000);

  it('rules/date-plan-year: runs of blanks, alone and after a year (年) or a month (月), in a plan with a year', () => {
    for (const run of ['\u3000', ' ']) {
      for (const lead of ['', '2021年', '2021年3月', '于']) {
        const draft = (n: number) => `2025年工作要点\n一、重点任务\n力争${lead}${run.repeat(n)}完成。\n`;
        expect(analysisGrowth(draft, 3000, 2025), JSON.stringify(lead + run)).toBeLessThan(6);
      }
    }
  }, 120_000);
});

/** All matches of a global expression: index, text and groups. */
function all(re: RegExp, s: string): unknown[] {
  const g = new RegExp(re.source, re.flags);
  return [...s.matchAll(g)].map((m) => [m.index, ...m]);
}

const text = (chars: string, maxLength = 30) => fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(''));

describe('the rewrites find what the old expressions found', () => {
  it('book titles: replaceBookTitles is s.replace(/《[^》]*》/g, …)', () => {
    fc.assert(
      fc.property(text('《》〈〉a\n年'), (s) => {
        expect(replaceBookTitles(s, (x) => `[${x.length}]`)).toBe(s.replace(/《[^》]*》/g, (x) => `[${x.length}]`));
      }),
      { numRuns: 3000 },
    );
  });

  it('bracketed titles: firstBracketedTitle is /[《〈](.+?)[》〉]/.exec(s)?.[1]', () => {
    fc.assert(
      fc.property(text('《》〈〉a\n\r\u2028'), (s) => {
        expect(firstBracketedTitle(s)).toBe(/[《〈](.+?)[》〉]/.exec(s)?.[1]);
      }),
      { numRuns: 3000 },
    );
  });

  it('numbers: NUM_RE as before for numerals of up to 24 characters', () => {
    // the unbounded form, with the two readings added since (issue 14): fractions X分之Y and a bare
    // magnitude before 名 (带动万名青年)
    const OLD =
      /(?:百分之|千分之)[零〇一二两三四五六七八九十百点]+|(?<![一二两三四五六七八九十百千])[二三四五六七八九十]分之[一二三四五六七八九]|[-－]?[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?|一半|(?<![零〇一二两三四五六七八九十百千万亿])[百千万](?=名(?![百千万亿]))|[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?=[个条次名项家所座处台套人户倍番成辆艘件张支])/g;
    fc.assert(
      fc.property(text('一二十百千万零百分之半个人名1.,-a', 24), (s) => {
        expect(all(NUM_RE, s)).toEqual(all(OLD, s));
      }),
      { numRuns: 5000 },
    );
  });

  it('thresholds: THRESHOLD replaces what it replaced', () => {
    const OLD = /[0-9０-９]+(?:[.．][0-9０-９]+)?[\u4e00-\u9fff]{1,2}(?:及)?(?:以下|以上)/g;
    fc.assert(
      fc.property(text('12.．岁户及以下上a'), (s) => {
        expect(s.replace(THRESHOLD, '#')).toBe(s.replace(OLD, '#'));
      }),
      { numRuns: 3000 },
    );
  });

  it('deadlines: DEADLINE and DONE_AFTER as before', () => {
    const OLD =
      /(?:于|在|到|力争|确保|争取|要在|务必|必须)?\s*((?:19|20)[0-9]{2})\s*年\s*(?:([0-9]{1,2})\s*月\s*)?(?:[0-9]{1,2}\s*日\s*)?(?:底|末|初|中旬|上旬|下旬|上半年|下半年)?\s*(?:前|以前|之前)/g;
    const OLD_AFTER = /^\s*(?:[，,]?\s*)?(?:已|已经|均已|全部已|就已|取得|实现了|完成了|建成了|累计)/;
    const pieces = ['2021', '20', '21', '年', '3', '12', '月', '日', '底', '上半年', '前', '以前', '于', '力争', ' ', '\u3000', '\n', '，', '已', 'a'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((a) => a.join('')),
        (s) => {
          expect(all(DEADLINE, s)).toEqual(all(OLD, s));
          expect(DONE_AFTER.test(s)).toBe(OLD_AFTER.test(s));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
