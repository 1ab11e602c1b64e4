/** Number reading for quantitative statements: Arabic (half/full width) and Chinese numerals. */
import { CN_DIGITS } from '../numbering.js';

const CN_DIGIT = CN_DIGITS;

/** Digits (half or full width) to a number; "１２．５" → 12.5; thousands commas allowed. */
export function parseArabic(s: string): number {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0xff0e) out += '.';
    else if (c === 0xff0d) out += '-';
    else if (c === 44 /* , */) continue;
    else out += s[i];
  }
  return Number(out);
}

/** Chinese integer part: 九十五 → 95, 一百 → 100, 百 → 100, 十二 → 12, 二〇 → NaN. */
function parseCnInt(s: string): number {
  if (s.length === 0) return NaN;
  let total = 0;
  let current = -1;
  for (const ch of s) {
    if (ch === '百' || ch === '十' || ch === '千') {
      const mult = ch === '千' ? 1000 : ch === '百' ? 100 : 10;
      total += (current < 0 ? 1 : current) * mult;
      current = -1;
    } else if (ch in CN_DIGIT) {
      if (current > 0) return NaN;
      current = CN_DIGIT[ch]!;
    } else return NaN;
  }
  if (current > 0) total += current;
  return total;
}

/**
 * Chinese numeral of any size: 一千二百 → 1200, 两万 → 20000, 三亿五千万 → 350000000, 十二 → 12,
 * 二〇 → NaN (digit-by-digit spellings are years or codes, not quantities). 亿 and 万 close
 * sections; within a section 千/百/十 scale the digit before them.
 */
export function parseChineseNumber(s: string): number {
  if (s.length === 0) return NaN;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch === '亿' || ch === '万') {
      if (digit > 0) section += digit;
      digit = -1;
      if (ch === '亿') {
        if (total + section === 0) return NaN;
        total = (total + section) * 1e8; // 一万亿 = (1万) × 1亿
      } else {
        if (section === 0) return NaN;
        total += section * 1e4;
      }
      section = 0;
    } else if (ch === '千' || ch === '百' || ch === '十') {
      const mult = ch === '千' ? 1000 : ch === '百' ? 100 : 10;
      section += (digit < 0 ? 1 : digit) * mult;
      digit = -1;
    } else if (ch in CN_DIGIT) {
      if (digit > 0) return NaN;
      digit = CN_DIGIT[ch]!;
    } else return NaN;
  }
  if (digit > 0) section += digit;
  return total + section;
}

/** Chinese numeral with an optional decimal part: 九十五点五 → 95.5. NaN when malformed. */
export function parseChineseDecimal(s: string): number {
  const dot = s.indexOf('点');
  const int = parseCnInt(dot < 0 ? s : s.slice(0, dot));
  if (dot < 0) return int;
  const frac = s.slice(dot + 1);
  if (!frac) return NaN;
  let digits = '';
  for (const ch of frac) {
    if (!(ch in CN_DIGIT)) return NaN;
    digits += String(CN_DIGIT[ch]);
  }
  return Number(`${int}.${digits}`);
}

/** Number of decimal places as written (for rounding-aware comparisons). */
export function decimals(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Formats a number without floating-point noise, to at most `places` decimals. */
export function formatNumber(n: number, places: number): string {
  const s = n.toFixed(Math.max(0, Math.min(places, 6)));
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
