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
import { isDigitCode } from '../text.js';
import { ParagraphSlot } from '../generation-memo.js';
import { holdingTokenSource, matchNumberToken } from '../numbering.js';
import { codes, markers, type Marker } from './markers.js';
import { isTitleLike } from './blocks.js';

/** before one of these a numeral is part of a larger number or an ordinal (第一、二批, 12.5) */
export const NUMBER_PART = codes('第零〇一二三四五六七八九十百千万两0123456789０１２３４５６７８９.．');
/** how far a token may reach (matchNumberToken looks at a few characters) */
export const WINDOW = 24;

/**
 * The tokens a place may start, whatever the numbering so far: the usual forms, a decimal section
 * number (1.1, read only where it continues the document's decimal outline) and an Arabic ordinal
 * that lost its point (4一网通办, read only as the next item of a running list): ./inline.ts decides.
 */
interface Candidates {
  token: NumberToken | undefined;
  decimal: NumberToken | undefined;
  bare: NumberToken | undefined;
}

/**
 * The tokens starting at `p` of a paragraph's text (not at its start), if any: `p` is a place MAY_START
 * found (mayStartToken and mayHoldToken hold there, and no NUMBER_PART character precedes it).
 */
function candidatesAt(text: string, p: number): Candidates | undefined {
  const c = text.charCodeAt(p);
  const window = text.slice(p, p + WINDOW);
  const token = matchNumberToken(window, { fullStop: true });
  const digit = isDigitCode(c);
  const decimal = digit ? matchNumberToken(window, { decimal: true }) : undefined;
  const bare = digit && !token ? matchNumberToken(window, { bare: true }) : undefined;
  const out: Candidates = {
    token,
    decimal: decimal?.scheme === 'decimal' ? decimal : undefined,
    bare: bare && bare.punct === '' ? bare : undefined,
  };
  return out.token || out.decimal || out.bare ? out : undefined;
}

export interface InlineFacts {
  /** the token at the paragraph's start (read when it is a heading block) */
  readonly head: NumberToken | undefined;
  /** isTitleLike (./blocks.ts) */
  readonly titleLike: boolean;
  /** the paragraph's part markers and lists, in text order */
  readonly marks: readonly Marker[];
  /** the places to stop at (from 1 on, ascending): where a token may start, or a 。 or ； (in a paragraph with an attachment list) */
  readonly at: ArrayLike<number>;
  /** 1 where the place is a 。 or ； */
  readonly stops: ArrayLike<number>;
  /** the usual token at each place, if any */
  readonly tokens: readonly (NumberToken | undefined)[];
  /** the decimal section number at each place, if any */
  readonly decimals: readonly (NumberToken | undefined)[];
  /** the Arabic ordinal without its point at each place, if any (only where no usual token is) */
  readonly bares: readonly (NumberToken | undefined)[];
}

/** the empty arrays most paragraphs share (frozen: nothing is ever added to them) */
const NONE: readonly never[] = Object.freeze([]);

/** NUMBER_PART as a regex class body */
const NUMBER_PART_CLASS = '第零〇一二三四五六七八九十百千万两0-9０-９.．';

/**
 * The places to ask candidatesAt about (a possible token: mayStartToken and mayHoldToken, not after
 * a NUMBER_PART character, asked right after the token's first character; and in a paragraph with
 * an attachment list each 。 and ；): the search jumps from one to the next by regex instead of
 * asking of every character or every numeral (a loop over them runs in V8's interpreter in a short
 * CLI run). test/inline-candidates.test.ts holds the regex to that definition.
 */
const HOLDING = holdingTokenSource(`(?<![${NUMBER_PART_CLASS}].)`);
export const MAY_START = new RegExp(HOLDING, 'g');
export const MAY_START_OR_STOP = new RegExp(`[\u3002\uff1b]|${HOLDING}`, 'g');

function inlineFacts(text: string): InlineFacts {
  const marks = markers(text);
  // a 。 or ； matters only where it can end an attachment list (a list marker in this paragraph)
  const listed = marks.some((m) => m.kind === 'list');
  const at: number[] = [];
  const stops: number[] = [];
  const tokens: (NumberToken | undefined)[] = [];
  const decimals: (NumberToken | undefined)[] = [];
  const bares: (NumberToken | undefined)[] = [];
  const next = listed ? MAY_START_OR_STOP : MAY_START;
  next.lastIndex = 1;
  for (let m = next.exec(text); m; m = next.exec(text)) {
    const p = m.index;
    const c = text.charCodeAt(p);
    const stop = listed && (c === 0x3002 /* 。 */ || c === 0xff1b); /* ； */
    const found = stop ? undefined : candidatesAt(text, p);
    if (!stop && !found) continue;
    at.push(p);
    stops.push(stop ? 1 : 0);
    tokens.push(found?.token);
    decimals.push(found?.decimal);
    bares.push(found?.bare);
  }
  // most paragraphs have no place at all: they share empty arrays (the facts of every paragraph of
  // every open draft stay in the session)
  const none = at.length === 0;
  return {
    head: matchNumberToken(text, { fullStop: true }),
    titleLike: isTitleLike(text),
    marks,
    at: none ? NONE : Int32Array.from(at),
    stops: none ? NONE : Uint8Array.from(stops),
    tokens: none ? NONE : tokens,
    decimals: none || decimals.every((d) => d === undefined) ? NONE : decimals,
    bares: none || bares.every((d) => d === undefined) ? NONE : bares,
  };
}

const slot = new ParagraphSlot<InlineFacts>();

/** The facts of each block's text, from the session's memo when the paragraph was seen (`keep`: see ParagraphSlot). */
export function inlineFactsOfAll(session: AnalysisSession, blocks: readonly Block[], keep: boolean): InlineFacts[] {
  return slot.useAll(session, blocks, inlineFacts, keep);
}
