/**
 * Numbering tokens of GB/T 9704-2012 §7.3.3: 一、 （一） 1. （1）, and the wrong forms people
 * actually type or paste (1、 一． (一) （一）、 １．). Pure functions over strings.
 */
import type { Level, NumberToken } from './model.js';
import { isDigitCode, isHanCode, toHalfWidth } from './text.js';

/** The value of each Chinese digit character (the one table of them: numbering and indicators). */
export const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
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
const CN_NUMERAL_CHARS = '零〇一二三四五六七八九十百';
const CN_DIGIT_LIST = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Parses a Chinese numeral up to 999 (一, 十, 十二, 二十, 一百零五). NaN when malformed. */
export function parseChineseNumeral(s: string): number {
  if (s.length === 0) return NaN;
  let total = 0;
  let current = -1;
  for (const ch of s) {
    if (ch === '百') {
      total += (current < 0 ? 1 : current) * 100;
      current = -1;
    } else if (ch === '十') {
      total += (current < 0 ? 1 : current) * 10;
      current = -1;
    } else if (ch in CN_DIGITS) {
      if (current >= 0 && current !== 0) return NaN; // two digits in a row: 一二
      current = CN_DIGITS[ch]!;
    } else {
      return NaN;
    }
  }
  if (current > 0) total += current;
  return total;
}

/** Formats 1..999 as a Chinese numeral (1 → 一, 10 → 十, 12 → 十二, 20 → 二十). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n > 999) return String(n);
  let out = '';
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  if (hundreds > 0) out += CN_DIGIT_LIST[hundreds] + '百';
  if (tens > 0) out += (tens === 1 && hundreds === 0 ? '' : CN_DIGIT_LIST[tens]) + '十';
  else if (hundreds > 0 && ones > 0) out += '零';
  if (ones > 0) out += CN_DIGIT_LIST[ones];
  return out;
}

/** space inside a token: blanks, and the zero-width characters pasted text carries (一\u200b、) */
const GAP = '[ \\t\\u3000\\u200b-\\u200d\\u2060\\ufeff]*';
/** only zero-width characters (after a closing bracket a blank belongs to the title) */
const ZW_GAP = '[\\u200b-\\u200d\\u2060\\ufeff]*';
/** zero-width characters: a token that holds one is read, and numbering/style reports it */
export const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;
const RE_BRACKETED = new RegExp(`^([（(])${GAP}([${CN_NUMERAL_CHARS}]{1,4}|[0-9０-９]{1,3})${GAP}([）)])${ZW_GAP}([、，,．.]?)`);
const RE_CHINESE = new RegExp(`^([${CN_NUMERAL_CHARS}]{1,4})${GAP}([、，,．.])`);
/** a decimal point followed by a digit is a number (47.3%), a 顿号 may be followed by a year (1、2022年底前…) */
const RE_ARABIC = new RegExp(`^([0-9０-９]{1,3})${GAP}([.．](?![0-9０-９])|[、，,])`);
/** an Arabic ordinal typed with a full stop (11。) — read only where the caller knows the numbering runs on */
const RE_ARABIC_FULL_STOP = /^([0-9０-９]{1,3})(。)/;

export interface TokenOptions {
  /**
   * also read an Arabic ordinal typed with 。 instead of the point (`11。强化生态帮扶`): only where
   * it continues a running sequence (the caller checks), since `…共12。` ends a sentence
   */
  fullStop?: boolean;
  /**
   * read a decimal section number first (1.1, 3.2.1, OCR-spaced `1. 2`): only where it continues
   * the document's decimal outline (the caller checks, parse/decimal.ts), since 1.5万 is a number
   */
  decimal?: boolean;
  /**
   * also read an Arabic ordinal that lost its point (`4一网通办`): only where it is the next item
   * of a running list and no quantity follows (the caller checks, parse/decimal.ts)
   */
  bare?: boolean;
}

/**
 * A decimal section number: two to four components of one or two digits, a point between them
 * (an OCR space may follow a point: `1. 2`), a title of Chinese text after it (1.5% or 1.2.3.4.5
 * is no section number).
 */
const RE_DECIMAL = /^([0-9]{1,2})[.．] ?([0-9]{1,2})(?:[.．]([0-9]{1,2}))?(?:[.．]([0-9]{1,2}))?(?=[ \t\u3000]*[\u4e00-\u9fff“《])/;
/** an Arabic ordinal without its point, right before the Chinese title (4一网通办) */
const RE_ARABIC_BARE = /^([0-9]{1,2})(?=[\u4e00-\u9fff])/;

/** The decimal section number at the start of `s` (1.1 → level 2, 3.2.1 → level 3, deeper → 4). */
export function matchDecimalToken(s: string): NumberToken | undefined {
  const m = RE_DECIMAL.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).filter((x): x is string => x !== undefined);
  const path = parts.map(Number);
  // 2.0 is a version, not a section
  if (path.some((v) => v === 0)) return undefined;
  const numberText = path.join('.');
  return {
    start: 0,
    end: m[0].length,
    raw: m[0],
    level: Math.min(4, path.length) as Level,
    value: path[path.length - 1]!,
    numberText,
    numeral: 'arabic',
    bracket: 'none',
    punct: '',
    canonical: numberText,
    scheme: 'decimal',
  };
}

/** The components of a decimal section number (3.2.1 → [3, 2, 1]); a plain N. token → [N]. */
export function decimalPath(t: NumberToken): number[] {
  return t.scheme === 'decimal' ? t.numberText.split('.').map(Number) : [t.value];
}
/** after 一、 a second numeral + these means a list of numerals (一、二季度), not a heading */
const RE_NUMERAL_LIST_AFTER = new RegExp(
  `^(?:[${CN_NUMERAL_CHARS}]{1,3}|[0-9０-９]{1,2})[、，,]?[ \\t\\u3000]*(季|级|类|等|期|批|档|线|产|号|届|次|年|月|日|是|要)`,
);

/**
 * Recognises a numbering token at the start of `s` (leading white space already removed).
 * Returns the token with offsets relative to `s` (add the caller's base), or undefined.
 */
export function matchNumberToken(s: string, options: TokenOptions = {}): NumberToken | undefined {
  // every form starts with a bracket, a Chinese numeral or a digit: most lines start otherwise
  if (!mayStartToken(s.charCodeAt(0))) return undefined;
  if (s.charCodeAt(0) === DI) return matchArticle(s);
  if (options.decimal) {
    const d = matchDecimalToken(s);
    if (d) return d;
  }
  const enclosed = matchEnclosed(s);
  if (enclosed) return enclosed;
  let m = RE_BRACKETED.exec(s);
  if (m) {
    const [raw, open, num, close, punct] = m as unknown as [string, string, string, string, string];
    const arabic = /[0-9０-９]/.test(num);
    const value = arabic ? Number(toHalfWidth(num)) : parseChineseNumeral(num);
    if (!Number.isFinite(value) || value <= 0) return undefined;
    const half = (open === '(' ? 1 : 0) + (close === ')' ? 1 : 0);
    const level: Level = arabic ? 4 : 2;
    return {
      start: 0,
      end: raw.length,
      raw,
      level,
      value,
      numberText: num,
      numeral: arabic ? (/[０-９]/.test(num) ? 'fullwidth-arabic' : 'arabic') : 'chinese',
      bracket: half === 0 ? 'full' : half === 2 ? 'half' : 'mixed',
      punct,
      canonical: canonicalToken(level, value),
    };
  }
  m = RE_CHINESE.exec(s);
  if (m) {
    const [raw, num, punct] = m as unknown as [string, string, string];
    const value = parseChineseNumeral(num);
    if (!Number.isFinite(value) || value <= 0) return undefined;
    if (RE_NUMERAL_LIST_AFTER.test(s.slice(raw.length))) return undefined;
    return {
      start: 0,
      end: raw.length,
      raw,
      level: 1,
      value,
      numberText: num,
      numeral: 'chinese',
      bracket: 'none',
      punct,
      canonical: canonicalToken(1, value),
    };
  }
  m = RE_ARABIC.exec(s) ?? (options.fullStop ? RE_ARABIC_FULL_STOP.exec(s) : null);
  if (m) {
    const [raw, num, punct] = m as unknown as [string, string, string];
    const value = Number(toHalfWidth(num));
    if (!Number.isFinite(value) || value <= 0) return undefined;
    const rest = s.slice(raw.length);
    // "5、6月" or "3，4 个" are lists of numbers, "2. %" is no heading
    if (/^[ \t\u3000]*[%％‰]/.test(rest)) return undefined;
    if (punct !== '.' && punct !== '．' && RE_NUMERAL_LIST_AFTER.test(rest)) return undefined;
    return level3Token(raw, value, num, punct);
  }
  m = options.bare ? RE_ARABIC_BARE.exec(s) : null;
  if (m) {
    const [raw, num] = m as unknown as [string, string];
    const value = Number(num);
    if (value <= 0) return undefined;
    return level3Token(raw, value, num, '');
  }
  return undefined;
}

/** A level-3 token 1. / 1、 (or a bare number that lost its point: `punct` empty). */
function level3Token(raw: string, value: number, num: string, punct: string): NumberToken {
  return {
    start: 0,
    end: raw.length,
    raw,
    level: 3,
    value,
    numberText: num,
    numeral: /[０-９]/.test(num) ? 'fullwidth-arabic' : 'arabic',
    bracket: 'none',
    punct,
    canonical: canonicalToken(3, value),
  };
}

const TOKEN_START_CHARS = '（(0123456789０１２３４５６７８９第' + CN_NUMERAL_CHARS;
const TOKEN_STARTS = new Set([...TOKEN_START_CHARS].map((c) => c.charCodeAt(0)));
const DI = '第'.charCodeAt(0);
/** an article or chapter of rules and regulations: 第十八条 / 第二章 (the numeral 一…九百九十九) */
const RE_ARTICLE = new RegExp(`^第([${CN_NUMERAL_CHARS}]{1,5})([条章])`);
/** after 第N条 these make it a reference in a sentence (第十条规定, 第三条第二款, 第一条、第二条, 第五条至第八条) */
const RE_ARTICLE_REFERENCE = /^(?:规定|之|的|第|、|，|,|至|到|和|及|与|或|中|所|款|项|明确|要求|执行)/;

/** The article token 第N条 / chapter token 第N章 at the start of `s`, unless it is a reference. */
function matchArticle(s: string): NumberToken | undefined {
  const m = RE_ARTICLE.exec(s);
  if (!m) return undefined;
  const [raw, num, kind] = m as unknown as [string, string, string];
  const value = parseChineseNumeral(num);
  if (!Number.isFinite(value) || value <= 0) return undefined;
  const rest = s.slice(raw.length);
  if (rest.length === 0 || RE_ARTICLE_REFERENCE.test(rest)) return undefined;
  const level: Level = kind === '章' ? 1 : 2;
  return {
    start: 0,
    end: raw.length,
    raw,
    level,
    value,
    numberText: num,
    numeral: 'chinese',
    bracket: 'none',
    punct: '',
    canonical: `第${toChineseNumeral(value)}${kind}`,
    scheme: 'article',
  };
}

/** The token of `t`'s form and scheme for another value (renumbering): （三） → （四）, 第五条 → 第六条. */
export function tokenForValue(t: NumberToken, value: number): string {
  if (t.scheme === 'article') return `第${toChineseNumeral(value)}${t.raw.includes('章') ? '章' : '条'}`;
  if (t.scheme === 'decimal') return [...decimalPath(t).slice(0, -1), value].join('.');
  return canonicalToken(t.level, value);
}

const CN_NUMERAL_CODES = new Set([...CN_NUMERAL_CHARS].map((c) => c.charCodeAt(0)));
/** what follows a Chinese numeral in a token (一、 一， 一．) */
const AFTER_CN_NUMERAL = new Set([...'、，,．.'].map((c) => c.charCodeAt(0)));
/** what follows the digits of a token (1. 1、 1， 11。 and the point of 1.1) */
const AFTER_DIGITS = new Set([...'.．、，,。'].map((c) => c.charCodeAt(0)));

const isGapCode = (c: number) => c === 32 || c === 9 || c === 0x3000 || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;

/**
 * A cheap necessary condition for a token of matchNumberToken (any option) at `p` of `text`: after
 * a Chinese numeral, a run of at most four numerals, blanks or zero-width characters, then the
 * token's mark (一、 十一， 一百一十．); after a digit, at most three digits, then the mark or the
 * point (1. 11。 1.1), or right after one or two digits a Chinese character (an ordinal that lost
 * its point: 4一网通办). A numeral of running text (统一, 进一步, 三农) or a figure (2025年, 100%)
 * fails here, before any regular expression or backward scan; other starts (brackets, 第, enclosed
 * forms) pass.
 */
export function mayHoldToken(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  const chinese = CN_NUMERAL_CODES.has(c);
  if (!chinese && !isDigitCode(c)) return true;
  const run = chinese ? CN_NUMERAL_CODES : { has: isDigitCode };
  let q = p + 1;
  while (q < text.length && run.has(text.charCodeAt(q))) q++;
  const digits = q - p;
  if (digits > (chinese ? 4 : 3)) return false;
  const next = text.charCodeAt(q);
  if (!chinese && digits <= 2 && isHanCode(next)) return true;
  while (isGapCode(text.charCodeAt(q))) q++;
  return (chinese ? AFTER_CN_NUMERAL : AFTER_DIGITS).has(text.charCodeAt(q));
}

/**
 * The places where `mayStartToken(c) && mayHoldToken(text, p)` holds, as the body of a regex (one
 * character matched, the rest looked at ahead): a search with it jumps from one possible token to
 * the next, where a search for every token start stops at each numeral of running text (统一,
 * 一批, 2025年) and asks mayHoldToken there, in V8's interpreter in a short CLI run. The classes
 * are those of mayHoldToken (CN_NUMERAL_CHARS, isDigitCode, isHanCode, isGapCode, AFTER_CN_NUMERAL,
 * AFTER_DIGITS): test/inline-candidates.test.ts holds the two to the same places. `afterFirst`
 * goes right after each alternative's first character (a lookbehind there, not before it: a
 * pattern that opens with a character class lets the regex engine skip to the candidates, one
 * that opens with a lookbehind asks it at every position, twice as slow on a long draft).
 */
export function holdingTokenSource(afterFirst = ''): string {
  const cn = `[${CN_NUMERAL_CHARS}]`;
  const digit = '[0-9\\uff10-\\uff19]';
  const gap = '[ \\t\\u3000\\u200b-\\u200d\\u2060\\ufeff]';
  const others = '[（(第\\u3220-\\u3229\\u2474-\\u249b]';
  const afterCn = '[、，,．.]';
  const afterDigits = '[.．、，,。]';
  return (
    `${others}${afterFirst}` +
    `|${cn}${afterFirst}(?=${cn}{0,3}(?!${cn})${gap}*${afterCn})` +
    `|${digit}${afterFirst}(?=${digit}?(?!${digit})[\\u4e00-\\u9fff]|${digit}{0,2}(?!${digit})${gap}*${afterDigits})`
  );
}

/** Whether a character may begin a numbering token (the first characters RE_BRACKETED, RE_CHINESE and RE_ARABIC accept, or an enclosed form). */
export function mayStartToken(c: number): boolean {
  return TOKEN_STARTS.has(c) || enclosedForm(c) !== undefined;
}

/**
 * The enclosed numbering characters of Unicode (one character for a whole token): ㈠…㈩
 * (U+3220–3229, parenthesized ideographs, level 2), ⑴…⒇ (U+2474–2487, parenthesized digits,
 * level 4), ⒈…⒛ (U+2488–249B, digits with a full stop, level 3).
 */
function enclosedForm(c: number): { level: Level; value: number } | undefined {
  if (c >= 0x3220 && c <= 0x3229) return { level: 2, value: c - 0x3220 + 1 };
  if (c >= 0x2474 && c <= 0x2487) return { level: 4, value: c - 0x2474 + 1 };
  if (c >= 0x2488 && c <= 0x249b) return { level: 3, value: c - 0x2488 + 1 };
  return undefined;
}

/** An enclosed-form token (㈠ ⑴ ⒈), with the punctuation typed after it, if any. */
function matchEnclosed(s: string): NumberToken | undefined {
  const form = enclosedForm(s.charCodeAt(0));
  if (!form) return undefined;
  const m = /^.[ \t\u3000]*([、，,．.]?)/.exec(s)!;
  // ⒈5 or ⑴% would be a number glued to the sign, not a heading
  if (/^[0-9０-９%％]/.test(s.slice(m[0].length))) return undefined;
  const { level, value } = form;
  return {
    start: 0,
    end: m[0].length,
    raw: m[0],
    level,
    value,
    numberText: String(value),
    numeral: 'enclosed',
    bracket: 'none',
    punct: m[1]!,
    canonical: canonicalToken(level, value),
  };
}

/** The token GB/T 9704-2012 and GB/T 15834-2011 B.3 expect for a level and value. */
export function canonicalToken(level: Level, value: number): string {
  switch (level) {
    case 1:
      return toChineseNumeral(value) + '、';
    case 2:
      return '（' + toChineseNumeral(value) + '）';
    case 3:
      return String(value) + '.';
    case 4:
      return '（' + String(value) + '）';
  }
}

/**
 * The kind of an enumeration of circled numbers ①②③ (GB/T 15834-2011 B.3.8: the level below （1）),
 * written inline or one item a line: items of a list, not sections.
 */
export const CIRCLED_KIND = '①';

/** The value of a circled number ①…⑳ (U+2460–2473) or ❶…❿ (U+2776–277F), else undefined. */
export function circledValue(c: number): number | undefined {
  if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1;
  if (c >= 0x2776 && c <= 0x277f) return c - 0x2776 + 1;
  return undefined;
}

/** The circled number ①…⑳ for a value of 1 to 20. */
export function circled(n: number): string {
  return String.fromCharCode(0x2460 + n - 1);
}

/** What may stand before an enumeration marker. */
export const ENUMERATION_BOUNDARY = /[，。；：、！？“”‘’（）()「」…—\s,;:]/;

const MARKER_KIND = /[是要](?![否非])/g;
const SHI = '是'.charCodeAt(0);
const MARKER_NUMERALS = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));

/**
 * The next inline enumeration marker (一是 / 二要) in `text` from `from` on: one to three of
 * 一…十, then 是 or 要 (not 是否 / 要非), after the text's start or an ENUMERATION_BOUNDARY (so
 * the numerals are the whole run before 是/要). Found from the 是/要 backwards: a pattern that
 * began with the numerals was tried at every position of every paragraph, and one that began
 * with the boundary (^|[，。…]) was the parser's costliest regex.
 */
export function nextEnumerationMarker(text: string, from: number): { at: number; numeral: string; kind: string } | undefined {
  MARKER_KIND.lastIndex = from;
  // test(), not exec(): no match object per 是/要, of which prose has many
  while (MARKER_KIND.test(text)) {
    const pos = MARKER_KIND.lastIndex - 1;
    let at = pos;
    while (at > from && pos - at <= 3 && MARKER_NUMERALS.has(text.charCodeAt(at - 1))) at--;
    const run = pos - at;
    if (run === 0 || run > 3) continue;
    if (at > 0 && !ENUMERATION_BOUNDARY.test(text[at - 1]!)) continue;
    return { at, numeral: text.slice(at, pos), kind: text.charCodeAt(pos) === SHI ? '是' : '要' };
  }
  return undefined;
}
