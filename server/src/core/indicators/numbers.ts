/** Number reading for quantitative statements: Arabic (half/full width) and Chinese numerals. */

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

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
