/**
 * What the search for headings that lost their line break (./inline.ts) reads of a paragraph
 * whatever the numbering so far: its part markers (./markers.ts) and the places the search has to
 * stop at — where a numbering token starts in mid-paragraph (with the token), and each 。 or ；
 * (which ends an attachment list). Every other character only passes by, so the search visits
 * these places alone. The facts depend on the paragraph's text only and are kept with its other
 * per-paragraph results in the session (../generation-memo.ts): an unchanged paragraph is not
 * scanned again.
 */
import type { Block, NumberToken } from '../model.js';
import type { AnalysisSession } from '../session.js';
import { ParagraphSlot } from '../generation-memo.js';
import { matchNumberToken, mayStartToken } from '../numbering.js';
import { codes, markers, type Marker } from './markers.js';
import { isTitleLike } from './blocks.js';

/** before one of these a numeral is part of a larger number or an ordinal (第一、二批, 12.5) */
const NUMBER_PART = codes('第零〇一二三四五六七八九十百千万两0123456789０１２３４５６７８９.．');
/** how far a token may reach (matchNumberToken looks at a few characters) */
const WINDOW = 24;

/** the numerals of a Chinese token (numbering.ts CN_NUMERAL_CHARS) */
const CN_NUMERAL = codes('零〇一二三四五六七八九十百');
/** what may follow a Chinese numeral in a token (一、 一． 一，), and an Arabic one (1. 1、 11。) */
const AFTER_CHINESE = codes('、，,．.');
const AFTER_ARABIC = codes('.．、，,。');

function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/** blanks and zero-width characters a token may hold (numbering.ts GAP) */
function isGap(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/**
 * A cheap necessary condition for a token of matchNumberToken at `p`: a run of at most four
 * Chinese numerals (three digits), blanks, then the token's mark. A numeral in running text
 * (统一, 进一步, 三农) fails at once; brackets, 第 and enclosed forms are left to matchNumberToken.
 */
function mayHoldToken(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  const chinese = CN_NUMERAL.has(c);
  if (!chinese && !isDigit(c)) return true;
  let q = p + 1;
  if (chinese) while (q < text.length && CN_NUMERAL.has(text.charCodeAt(q))) q++;
  else while (q < text.length && isDigit(text.charCodeAt(q))) q++;
  if (q - p > (chinese ? 4 : 3)) return false;
  while (q < text.length && isGap(text.charCodeAt(q))) q++;
  return (chinese ? AFTER_CHINESE : AFTER_ARABIC).has(text.charCodeAt(q));
}

/** The token starting at `p` of a paragraph's text (not at its start), if any. */
function tokenAt(text: string, p: number): NumberToken | undefined {
  const c = text.charCodeAt(p);
  if (!mayStartToken(c) || NUMBER_PART.has(text.charCodeAt(p - 1)) || !mayHoldToken(text, p)) return undefined;
  return matchNumberToken(text.slice(p, p + WINDOW), { fullStop: true });
}

export interface InlineFacts {
  /** the token at the paragraph's start (read when it is a heading block) */
  readonly head: NumberToken | undefined;
  /** isTitleLike (./blocks.ts) */
  readonly titleLike: boolean;
  /** the paragraph's part markers and lists, in text order */
  readonly marks: readonly Marker[];
  /** the places to stop at (from 1 on, ascending): a token's start, or a 。 or ； */
  readonly at: Int32Array;
  /** the token at each place (undefined at a 。 or ；) */
  readonly tokens: readonly (NumberToken | undefined)[];
}

function inlineFacts(text: string): InlineFacts {
  const at: number[] = [];
  const tokens: (NumberToken | undefined)[] = [];
  for (let p = 1; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x3002 /* 。 */ || c === 0xff1b /* ； */) {
      at.push(p);
      tokens.push(undefined);
      continue;
    }
    const tk = tokenAt(text, p);
    if (tk) {
      at.push(p);
      tokens.push(tk);
    }
  }
  return {
    head: matchNumberToken(text, { fullStop: true }),
    titleLike: isTitleLike(text),
    marks: markers(text),
    at: Int32Array.from(at),
    tokens,
  };
}

const slot = new ParagraphSlot<InlineFacts>();

/** The facts of each block's text, from the session's memo when the paragraph was seen (`keep`: see ParagraphSlot). */
export function inlineFactsOfAll(session: AnalysisSession, blocks: readonly Block[], keep: boolean): InlineFacts[] {
  return slot.useAll(session, blocks, inlineFacts, keep);
}
