/**
 * The field corpus (test/corpus/, issue 14): every document's outline as planlint's `outline`
 * command computes it, against what a careful reader sees (test/corpus-expect/<doc>.yaml, written
 * by reading the documents, never copied from planlint's output).
 *
 * test/corpus-expect/status.yaml lists the documents whose outline is known not to match yet, each
 * with a one-line reason. Every document not listed must match exactly; every listed one must still
 * differ, so the list cannot go stale: when a fix makes a document match, remove it from the list.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkDraft, isFailure } from '../server/src/cli/pipeline.js';
import { repoRoot } from './helpers.js';

const corpusDir = join(repoRoot, 'test', 'corpus');
const expectDir = join(repoRoot, 'test', 'corpus-expect');

interface Entry {
  level: number;
  token: string;
  title: string;
}

interface Expectation {
  document: string;
  outline: Entry[];
}

/**
 * The one place that runs planlint on a corpus document: the same pipeline the CLI `outline`
 * command uses (decode → parse → the plan's section tree, flattened in document order).
 */
async function outlineOf(file: string): Promise<Entry[]> {
  const r = await checkDraft(file);
  if (isFailure(r)) throw new Error(`${file}: ${r.message.en}`);
  return [...r.plan.allSections].sort((a, b) => a.start - b.start).map((s) => ({ level: s.level, token: s.token.raw, title: s.title }));
}

const CHINESE_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十二 → 12, 二十一 → 21, 一百零三 → 103 */
function chineseValue(s: string): number | undefined {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CHINESE_DIGITS) digit = CHINESE_DIGITS[ch]!;
    else if (ch === '十' || ch === '百') {
      total += (digit || 1) * (ch === '十' ? 10 : 100);
      digit = 0;
    } else return undefined;
  }
  return total + digit;
}

const toHalfWidth = (s: string) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * The number a token stands for, without its brackets and punctuation: "（一）" and "(一)" → "1",
 * "12." and "12、" → "12", "第十八条" → "18", the decimal section "3.2.1" → "3.2.1".
 */
export function tokenNumber(token: string): string {
  const t = toHalfWidth(token).replace(/\s+/g, '');
  const article = /^第([〇零一二两三四五六七八九十百]+)[章节条]|^第([〇零一二两三四五六七八九十百]+)部分/.exec(t);
  if (article) return String(chineseValue(article[1] ?? article[2]!));
  const bare = t.replace(/^\(/, '').replace(/[)、.,，．。]+$/, '');
  if (/^\d+(\.\d+)*$/.test(bare)) return bare.split('.').map(Number).join('.');
  const v = chineseValue(bare);
  return v === undefined ? bare : String(v);
}

/** Titles compare with full/half-width brackets unified and trailing punctuation and spaces dropped. */
export function normTitle(title: string): string {
  return title
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/^[\s\u3000]+/, '')
    .replace(/[\s\u3000。，、；：！？.,;:!?]+$/, '');
}

const key = (e: Entry) => `${e.level}|${tokenNumber(e.token)}|${normTitle(e.title)}`;
const show = (e: Entry | undefined) => (e ? `${e.level} ${e.token}${normTitle(e.title)}` : '(none)');

/** Undefined when the outlines match; otherwise a one-line summary of the first differing entry. */
export function firstDifference(expected: Entry[], actual: Entry[]): string | undefined {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    if (!e || !a || key(e) !== key(a)) {
      return `${expected.length} expected / ${actual.length} found; first difference at #${i + 1}: expected [${show(e)}], found [${show(a)}]`;
    }
  }
  return undefined;
}

const expectations: Expectation[] = readdirSync(expectDir)
  .filter((f) => f.endsWith('.yaml') && f !== 'status.yaml' && f !== 'proofreading-verdicts.yaml' && f !== 'verdicts.yaml')
  .sort()
  .map((f) => parseYaml(readFileSync(join(expectDir, f), 'utf8')) as Expectation);

const known: Record<string, string> =
  (parseYaml(readFileSync(join(expectDir, 'status.yaml'), 'utf8')) as { 'known-mismatch'?: Record<string, string> })['known-mismatch'] ?? {};

describe('corpus expectations', () => {
  it('cover every corpus document, and the status list names only documents that have one', () => {
    const docs = readdirSync(corpusDir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    expect(expectations.map((e) => e.document)).toEqual(docs);
    for (const doc of Object.keys(known)) expect(docs).toContain(doc);
    for (const reason of Object.values(known)) expect(typeof reason === 'string' && reason.length > 0).toBe(true);
  });

  it('tokens compare by level and number', () => {
    expect(tokenNumber('（一）')).toBe(tokenNumber('(一)'));
    expect(tokenNumber('二十一、')).toBe('21');
    expect(tokenNumber('12.')).toBe(tokenNumber('12、'));
    expect(tokenNumber('（１０）')).toBe('10');
    expect(tokenNumber('第十八条')).toBe('18');
    expect(tokenNumber('3.2.1')).toBe('3.2.1');
    expect(firstDifference([{ level: 2, token: '（一）', title: '压实责任' }], [{ level: 2, token: '(一)', title: '压实责任。' }])).toBeUndefined();
    expect(firstDifference([{ level: 2, token: '（一）', title: '压实责任' }], [{ level: 3, token: '1.', title: '压实责任' }])).toMatch(/#1/);
  });
});

describe('corpus outlines (what a careful reader sees)', () => {
  for (const exp of expectations) {
    const reason = known[exp.document];
    it(`${exp.document}${reason ? ' (known mismatch)' : ''}`, async () => {
      const actual = await outlineOf(join(corpusDir, exp.document));
      const diff = firstDifference(exp.outline, actual);
      if (reason) {
        // still wrong, as status.yaml says; when this fails, the fix landed: drop the document from the list
        expect(diff, `${exp.document} now matches its expectation: remove it from test/corpus-expect/status.yaml`).toBeDefined();
      } else {
        expect(diff, `${exp.document}: ${diff}`).toBeUndefined();
      }
    });
  }
});
