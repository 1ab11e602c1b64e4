/**
 * Stage 1 of indicator extraction: the value lexer. Reads, at a position of compact text (white
 * space removed, see `compact`), a number (Arabic with decimals and thousands separators, 百分之/千分之,
 * fractions such as 三分之一,
 * Chinese numerals such as 一千二百 or 两万, 七成, 一半), its magnitude (十/百/千/万/亿 in any sequence:
 * 万亿, 百亿亿), its unit (an open class: percent signs, SI and GB 3100 units and their Chinese names,
 * 市制, currencies, measure words, compounds such as 吨/日, 克/千瓦时, 例/10万) and what follows the
 * value: a range partner (3至5名, 0.6-1万人), a qualifier (以上, 以下, 左右, 以内) and list partners
 * (4.2‰、5.3‰、9.5/10万以下; 3人或5人). Indices are into the compact text; the caller maps them
 * back once. No state outside the call.
 */
import { BASE_UNITS, MAGNITUDE_CHARS, QUALIFIERS } from './lexicon.js';
import { parseArabic, parseChineseDecimal, parseChineseNumber } from './numbers.js';

/**
 * Compact text and the map from its indices to the original ones (map[c.length] = t.length);
 * no map when the text has no white space (the indices are the same).
 */
export interface Compact {
  c: string;
  map?: Int32Array;
  /** with no map: the length of the leading white space removed (an indent), else 0 */
  shift: number;
}

const WHITESPACE_RUN = /[ \t\u3000\u00a0\r\n\ufeff]+/g;

/** Removes white space, keeping a map from compact indices to original ones. */
export function compact(t: string, buffer?: Int32Array): Compact {
  WHITESPACE_RUN.lastIndex = 0;
  let m: RegExpExecArray | null = WHITESPACE_RUN.exec(t);
  if (!m) return { c: t, shift: 0 };
  // only an indent (ideographic spaces): the indices shift by its length
  if (m.index === 0) {
    const lead = m[0].length;
    WHITESPACE_RUN.lastIndex = lead;
    if (!WHITESPACE_RUN.exec(t)) return { c: t.slice(lead), shift: lead };
  }
  const map = buffer && buffer.length > t.length ? buffer : new Int32Array(t.length + 1);
  const parts: string[] = [];
  let n = 0;
  let runStart = 0;
  WHITESPACE_RUN.lastIndex = 0;
  while ((m = WHITESPACE_RUN.exec(t))) {
    for (let k = runStart; k < m.index; k++) map[n++] = k;
    if (m.index > runStart) parts.push(t.slice(runStart, m.index));
    runStart = m.index + m[0].length;
  }
  for (let k = runStart; k < t.length; k++) map[n++] = k;
  map[n] = t.length;
  if (t.length > runStart) parts.push(t.slice(runStart));
  return { c: parts.join(''), map, shift: 0 };
}

/**
 * Candidate numbers: 百分之/千分之 + Chinese numeral, fractions (三分之一), Arabic numbers, and Chinese numerals that start
 * with a digit word (一二两三…十) — the last only become values when a unit follows and a comparator
 * precedes (checked by the caller), so 一是, 两个维护, 十四五 never do. A Chinese numeral has at most
 * 24 characters (九千九百九十九亿九千九百九十九万九千九百九十九 has 23). Linear (issue 13): a numeral starts
 * where its run starts — a match from inside a run of 一…十 is one from the character before, which
 * the scan tried first (the run's end decides both) — and is bounded, so a run of numeral
 * characters without a measure word after it is not rescanned from each of them (quadratic). Every
 * numeral of up to 24 characters is found as before.
 */
export const NUM_RE =
  /(?:百分之|千分之)[零〇一二两三四五六七八九十百点]+|(?<![一二两三四五六七八九十百千])[二三四五六七八九十]分之[一二三四五六七八九]|[-－]?[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?|一半|(?<![一二两三四五六七八九十])[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]{0,23}(?=[个条次名项家所座处台套人户倍番成辆艘件张支])/g;
/** NUM_RE without Chinese numerals, for paragraphs with no Chinese numeral before a measure word */
export const ARABIC_NUM_RE =
  /(?:百分之|千分之)[零〇一二两三四五六七八九十百点]+|(?<![一二两三四五六七八九十百千])[二三四五六七八九十]分之[一二三四五六七八九]|[-－]?[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?/g;
const NUM_AT =
  /(?:百分之|千分之)[零〇一二两三四五六七八九十百点]+|(?<![一二两三四五六七八九十百千])[二三四五六七八九十]分之[一二三四五六七八九]|[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?|一半|[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]{0,23}(?=[个条次名项家所座处台套人户倍番成辆艘件张支])/y;
export const RANGE_SEP = new Set(['～', '~', '〜', '-', '－', '—', '–', '至']);
const PER_UNIT = /\/(?:10万|十万|万|千|100|1000|10000|100000)(?![0-9])/y;
/** Denominators of compound units after '/': 吨/日, 克/千瓦时, 吨/万平方米, 次/秒, 元/人. */
const PER_DENOMINATORS = ['千瓦时', '平方米', '平方公里', '立方米', '小时', '年', '日', '天', '月', '秒', '分钟', '人', '户', '亩', '公里', '吨', '车'];

export interface NumberToken {
  text: string;
  value: number;
  end: number;
  /** % or ‰ for 百分之/千分之, % for 一半 */
  percent?: string;
  /** written in Chinese numerals (一千二百, 两万): a value only after a comparator */
  chinese?: boolean;
}

export interface UnitMatch {
  unit: string;
  end: number;
  /** 余 or 多 as written around the magnitude ("60余万份", "1.1万余次"), "" when none */
  more: string;
}

export interface ValueItem {
  v: number;
  v2?: number;
  s: number;
  e: number;
  unit: string;
  more: string;
  qualifier?: string;
  qs?: number;
  qe?: number;
}

const UNITS_BY_FIRST = new Map<number, string[]>();
for (const u of BASE_UNITS) {
  const list = UNITS_BY_FIRST.get(u.charCodeAt(0)) ?? [];
  list.push(u);
  UNITS_BY_FIRST.set(u.charCodeAt(0), list);
}

function baseAt(c: string, k: number): string {
  for (const u of UNITS_BY_FIRST.get(c.charCodeAt(k)) ?? []) if (c.startsWith(u, k)) return u;
  return '';
}

const MAGNITUDE_CODES = new Set([...MAGNITUDE_CHARS].map((x) => x.charCodeAt(0)));
function isMagnitude(code: number): boolean {
  return MAGNITUDE_CODES.has(code);
}

const CHINESE_FIRST = new Set([...'一二两三四五六七八九十'].map((x) => x.charCodeAt(0)));

/** Number token from its text as matched. */
export function numberOf(text: string, at: number): NumberToken | undefined {
  if (text.startsWith('百分之') || text.startsWith('千分之')) {
    const v = parseChineseDecimal(text.slice(3));
    if (!Number.isFinite(v)) return undefined;
    return { text, value: v, end: at + text.length, percent: text.startsWith('百') ? '%' : '‰' };
  }
  if (text === '一半') return { text, value: 50, end: at + 2, percent: '%', chinese: true };
  // a fraction: 三分之一 (33.3%), 四分之三 (75%); its numerator is below its denominator
  if (text[1] === '分' && text[2] === '之') {
    const den = parseChineseNumber(text[0]!);
    const num = parseChineseNumber(text.slice(3));
    if (!(num > 0 && num < den)) return undefined;
    return { text, value: (100 * num) / den, end: at + text.length, percent: '%' };
  }
  if (CHINESE_FIRST.has(text.charCodeAt(0))) {
    const v = parseChineseNumber(text);
    if (!Number.isFinite(v) || v <= 0) return undefined;
    return { text, value: v, end: at + text.length, chinese: true };
  }
  const v = parseArabic(text);
  if (!Number.isFinite(v)) return undefined;
  return { text, value: v, end: at + text.length };
}

/** The number starting exactly at `at`, if any. */
export function readNumber(c: string, at: number): NumberToken | undefined {
  NUM_AT.lastIndex = at;
  const m = NUM_AT.exec(c);
  if (!m) return undefined;
  return numberOf(m[0], at);
}

/**
 * A Chinese numeral run may have swallowed the magnitude of its unit (两万人 → 两万 + 人) or a unit
 * that begins with a numeral character (十万 is fine, but 一千二百万元 → 一千二百万 + 元): the caller
 * reads the unit after the whole run, so nothing to split. 七成 is 70%.
 */
export function chineseShare(c: string, n: NumberToken): UnitMatch | undefined {
  if (n.chinese && c[n.end] === '成' && n.value <= 10) return { unit: '%', end: n.end + 1, more: '' };
  return undefined;
}

/** The unit written at j (after a number), with its magnitude and 余/多, or undefined. */
export function matchUnit(c: string, j: number): UnitMatch | undefined {
  const ch = c[j];
  if (ch === '%' || ch === '％') return { unit: '%', end: j + 1, more: '' };
  if (ch === '‰') return { unit: '‰', end: j + 1, more: '' };
  let k = j;
  let more = '';
  if (c[k] === '余' || c[k] === '多') {
    more = c[k]!;
    k++;
  }
  // magnitude run, then the first base unit after the shortest prefix of it that takes one:
  // 万千瓦 (万 + 千瓦), 万亿元 (万亿 + 元), 百亿亿次 (百亿亿 + 次), 千米 (a base of its own)
  let magEnd = k;
  while (magEnd < c.length && magEnd - k < 4 && isMagnitude(c.charCodeAt(magEnd))) magEnd++;
  let mag = '';
  let base = '';
  for (let m = k; m <= magEnd; m++) {
    let at = m;
    let moreHere = '';
    if (m > k && (c[at] === '余' || c[at] === '多')) {
      moreHere = c[at]!;
      at++;
    }
    const b = baseAt(c, at);
    if (b) {
      mag = c.slice(k, m);
      base = b;
      if (moreHere) more = moreHere;
      k = at + b.length;
      break;
    }
  }
  if (!base) {
    if (magEnd > k) {
      mag = c.slice(k, magEnd);
      k = magEnd;
      if (c[k] === '余' || c[k] === '多') {
        more = c[k]!;
        k++;
      }
    } else {
      PER_UNIT.lastIndex = j;
      const per = PER_UNIT.exec(c);
      if (per) return { unit: per[0].replace('十万', '10万'), end: j + per[0].length, more: '' };
      return undefined;
    }
  }
  if (base === 'm2') base = 'm²';
  let unit = mag + base;
  // a rate per population (例/10万) or a compound unit (吨/日, 克/千瓦时, 吨/万平方米)
  if (c[k] === '/') {
    PER_UNIT.lastIndex = k;
    const per = PER_UNIT.exec(c);
    if (per && !baseAt(c, k + per[0].length)) {
      unit += per[0].replace('十万', '10万');
      k += per[0].length;
    } else if (base) {
      // the denominator as written (千瓦时), else after a magnitude (万平方米)
      let d = k + 1;
      let den = PER_DENOMINATORS.find((x) => c.startsWith(x, d));
      if (!den) {
        while (d < c.length && d - k - 1 < 2 && isMagnitude(c.charCodeAt(d))) d++;
        den = PER_DENOMINATORS.find((x) => c.startsWith(x, d));
      }
      if (den) {
        unit += c.slice(k, d) + den;
        k = d + den.length;
      }
    }
  }
  return { unit, end: k, more };
}

const QUALIFIER_FIRST = new Set(QUALIFIERS.map((q) => q.text.charCodeAt(0)));

export function qualifierAt(c: string, k: number): string | undefined {
  if (!QUALIFIER_FIRST.has(c.charCodeAt(k))) return undefined;
  for (const q of QUALIFIERS) if (c.startsWith(q.text, k)) return q.text;
  return undefined;
}

export { isDigitCode, isLatinCode } from '../text.js';
export const RANGE_SEP_CODES = new Set([...RANGE_SEP].map((x) => x.charCodeAt(0)));

/** The unit of a number token: its own percent, 七成, or the unit written after it. */
export function unitOf(c: string, n: NumberToken): UnitMatch | undefined {
  if (n.percent) return { unit: n.percent, end: n.end, more: '' };
  return chineseShare(c, n) ?? matchUnit(c, n.end);
}

/** List partners after a value: 、4.2‰, 和 6%, 或 5人 (each with its own unit and qualifier). */
export function readListPartners(c: string, k: number, values: ValueItem[]): number {
  for (;;) {
    const sep = c[k];
    if (sep !== '、' && sep !== '和' && sep !== '或' && sep !== '与') break;
    const nx = readNumber(c, k + 1);
    if (!nx || (nx.chinese && sep !== '、')) break;
    const ux = unitOf(c, nx);
    if (!ux) break;
    const qx = qualifierAt(c, ux.end);
    values.push({
      v: nx.value,
      s: k + 1,
      e: ux.end,
      unit: ux.unit,
      more: ux.more,
      qualifier: qx,
      qs: qx ? ux.end : undefined,
      qe: qx ? ux.end + qx.length : undefined,
    });
    k = ux.end + (qx ? qx.length : 0);
  }
  return k;
}

/**
 * A time limit: a period of hours, days, working days or months, then 内/以内/之内, then the action it
 * bounds (24小时内举行新闻发布会, 15个工作日内报送, 两个月内将报告报省政府). Years are left out: 两年内 /
 * 三年内 state a plan's horizon or a policy's duration, not a procedural limit; 日 too (5月10日内 is a
 * date).
 */
const LIMIT_UNITS = new Set(['个工作日', '工作日', '小时', '分钟', '天', '个月']);
const INSIDE = /(?:以内|之内|内)(?=[\u4e00-\u9fff])/y;
/** End of the 内 of a time limit whose unit ends at e (the start of the action), or -1. */
export function timeLimitEnd(c: string, unit: string, e: number): number {
  if (!LIMIT_UNITS.has(unit)) return -1;
  INSIDE.lastIndex = e;
  return INSIDE.exec(c) ? INSIDE.lastIndex : -1;
}
/** A Chinese numeral before a time limit (两个月内, 三个工作日内): a value with no comparator. */
const CN_LIMIT = /(?:个月|个工作日)(?:以内|之内|内)(?=[\u4e00-\u9fff])/y;
export function chineseLimitAt(c: string, j: number): boolean {
  CN_LIMIT.lastIndex = j;
  return CN_LIMIT.test(c);
}
