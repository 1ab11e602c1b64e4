/**
 * Evidence as whole words. The alignment explains a match by the maximal common substrings of the
 * two texts, which cut words (“家新型工业化示范区”, “业提”, “食播种面积”); a reviewer reads words. Each
 * shared fragment is widened to the word boundaries of the draft paragraph it was found in.
 *
 * Word boundaries come from ICU's dictionary-based Chinese word segmentation, built into Node and
 * Electron as `Intl.Segmenter` (granularity “word”): a maintained segmenter (ICU, with its CJ
 * dictionary) that runs offline, needs no native build, adds nothing to the package and loads no
 * file (the pure core reads no files). See the commit introducing this module for the choice.
 */

import { chineseWords } from '../text.js';

/** Word boundaries (offsets) of a text: 0, each word's end, text.length. */
export function wordBoundaries(text: string): Set<number> {
  const out = new Set<number>([0, text.length]);
  for (const s of chineseWords(text)) {
    out.add(s.index);
    out.add(s.index + s.segment.length);
  }
  return out;
}

/** The text without white space (the alignment's terms are found in it). */
export function stripSpace(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

/**
 * A fragment widened to whole words of `text` (white space ignored): its first occurrence, its
 * start moved back and its end moved on to the nearest word boundaries. The fragment itself when
 * it does not occur. At most 4 characters are added on either side (a fragment is never widened
 * into a clause).
 */
export function wholeWords(text: string, fragment: string, bounds?: Set<number>): string {
  const t = stripSpace(text);
  const at = t.indexOf(fragment);
  if (at < 0) return fragment;
  const b = bounds ?? wordBoundaries(t);
  let a = at;
  while (a > 0 && at - a < 4 && !b.has(a)) a--;
  let z = at + fragment.length;
  while (z < t.length && z - (at + fragment.length) < 4 && !b.has(z)) z++;
  if (!b.has(a)) a = at;
  if (!b.has(z)) z = at + fragment.length;
  // a function word standing as its own word at either edge is not part of the shared term
  // (“储备和”, “和数字”, “机械等”)
  while (z - a > 2 && b.has(a + 1) && FUNCTION_WORD.test(t[a]!)) a++;
  while (z - a > 2 && b.has(z - 1) && FUNCTION_WORD.test(t[z - 1]!)) z--;
  return t.slice(a, z);
}

/** Single-character function words: conjunctions, particles, prepositions. */
const FUNCTION_WORD = /[和与及并等的地得了在对把将为以从向于或且]/;

/** Fragments widened to whole words of `text`, in order, without repeats or words inside another. */
export function wholeWordTerms(text: string, fragments: readonly string[]): string[] {
  const t = stripSpace(text);
  const bounds = wordBoundaries(t);
  const out: string[] = [];
  for (const f of fragments) {
    const w = wholeWords(t, f, bounds);
    if (!out.includes(w)) out.push(w);
  }
  return out.filter((w) => !out.some((o) => o !== w && o.includes(w)));
}
