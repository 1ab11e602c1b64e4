/** Chinese numerals for headings (一 … 九十九), as GB/T 9704-2012 numbering writes them. */
const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0) return String(n);
  if (n < 10) return digits[n]!;
  if (n < 20) return '十' + (n % 10 ? digits[n % 10] : '');
  if (n < 100) return digits[Math.floor(n / 10)] + '十' + (n % 10 ? digits[n % 10] : '');
  return String(n);
}

/** The canonical numbering token for a level and value: 一、 （一） 1. （1） */
export function canonicalToken(level: 1 | 2 | 3 | 4, value: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(value)}、`;
    case 2:
      return `（${chineseNumeral(value)}）`;
    case 3:
      return `${value}.`;
    case 4:
      return `（${value}）`;
  }
}
