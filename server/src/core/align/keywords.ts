/**
 * The keyword syntax of requirement sets (themes' keywords and synonyms): literal text, quotes
 * ignored, `*` a gap of 2–3 Han characters. Shared by the alignment (align/themes.ts) and the
 * requirement set loader (node/requirements.ts), which warns about keywords with too many gaps.
 */
import { normalize } from './similarity.js';

/** Quotation marks and title marks, ignored in keywords and headings. */
export const QUOTES = /[“”‘’"'《》〈〉「」『』]/g;

/**
 * At most this many wildcard gaps per keyword. Each bounded gap doubles the backtracking of a near
 * miss (a Han run one character short), so a chain of them is exponential: 32 gaps cost seconds per
 * text position. Gaps past the cap are dropped; the requirement set loader warns about them.
 */
export const MAX_KEYWORD_WILDCARDS = 4;

/** Number of wildcard gaps in a keyword (a run of `*` is one gap). */
export function keywordWildcards(keyword: string): number {
  return (keyword.match(/\*+/g) ?? []).length;
}

/** Keyword matcher: literal, quotes ignored; `*` = 2–3 Han characters. */
export function keywordPattern(keyword: string): RegExp {
  // consecutive wildcards form one gap (** = 4–6 characters): one bounded quantifier, not a chain
  const pieces = normalize(keyword).replace(QUOTES, '').split(/(\*+)/);
  let source = '';
  let gaps = 0;
  for (const piece of pieces) {
    if (piece.startsWith('*')) {
      if (gaps++ < MAX_KEYWORD_WILDCARDS) source += `[\\u4e00-\\u9fff]{${2 * piece.length},${3 * piece.length}}`;
    } else source += piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(source);
}
