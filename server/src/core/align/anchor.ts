/**
 * Where document-level alignment findings go: the `requirements` entry of the front matter when
 * there is one, else the front matter, else the first non-blank line (the title).
 */
import type { Plan } from '../model.js';
import type { Span } from '../text.js';
import type { RequirementSet, SourceRef } from '../requirements/types.js';

export function documentAnchor(plan: Plan): Span {
  const fm = plan.frontMatter;
  if (fm) {
    const m = /^(requirements|requirementSets|superior)\s*:.*$/m.exec(fm.source);
    if (m) return { start: fm.sourceStart + m.index, end: fm.sourceStart + m.index + m[0].length };
    return { start: fm.start, end: Math.min(fm.end, fm.start + 3) };
  }
  for (let i = 0; i < plan.index.lineCount; i++) {
    const line = plan.index.line(i);
    const lead = line.text.length - line.text.trimStart().length;
    if (line.text.trim()) return { start: line.start + lead, end: line.end };
  }
  return { start: 0, end: 0 };
}

/** “河南省…（第221行：“一要…”）” — the source of a requirement, for messages. */
export function describeSource(set: RequirementSet, src: SourceRef | undefined): { zh: string; en: string } {
  const doc = src?.document ?? set.title;
  const line = src?.line !== undefined ? `第${src.line}行` : '';
  const lineEn = src?.line !== undefined ? `line ${src.line}` : '';
  const quote = src?.quote ? `“${src.quote}”` : '';
  return {
    zh: `${doc}${line || quote ? '（' : ''}${line}${line && quote ? '：' : ''}${quote}${line || quote ? '）' : ''}`,
    en: `${doc}${lineEn || quote ? ' (' : ''}${lineEn}${lineEn && quote ? ': ' : ''}${quote}${lineEn || quote ? ')' : ''}`,
  };
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99). */
export function chineseNumeral(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`;
}
