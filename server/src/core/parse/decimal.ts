/**
 * Decimal section numbers and ordinals that lost their point: two numbering forms the parse stages
 * accept only where the document's own numbering vouches for them.
 *
 * Decimal sections (1 / 1.1 / 1.1.1) are how emergency plans (应急预案), technical specifications
 * and many 实施细则 number their outline: `1.总则` then `1.1编制目的`, `3.2预警` then `3.2.1预警级别`.
 * A decimal number is a heading only where it continues the outline exactly: N.1 right under the
 * N. section, N.(M+1) after N.M, N.M.1 under N.M … (`DecimalOutline`), and only in a part whose top
 * numbering is N. (no 一、/（一）/第N条 there: under those, N. is a level-3 item and 1.1 is text). In
 * such a part N. stands at level 1, N.M at 2, N.M.K at 3 and anything deeper at 4 (the model's
 * Level stops at 4); （1） items stay at level 4 (parse/sections.ts).
 *
 * An Arabic ordinal that lost its point (`；4一网通办。`) is read only as exactly the next item of a
 * running N. list after a sentence's end, and only where no quantity follows it (`；4个县…`).
 * `quantityFollows` is the guard both forms share, on the units and measure words of the
 * indicators' lexicon.
 */
import type { NumberToken } from '../model.js';
import { decimalPath } from '../numbering.js';
import { DATE_AFTER, MAGNITUDE_CHARS } from '../indicators/lexicon.js';
import { matchUnit } from '../indicators/lexer.js';
import { chineseWords } from '../text.js';

/** The decimal outline so far: the path of the last section (N. → [N], 3.2.1 → [3, 2, 1]). */
export class DecimalOutline {
  private path: number[] = [];
  /** false once the part numbers with 一、 / （一） / articles (its N. are items, not chapters) */
  private open = true;

  /** A new part of the document: its numbering starts afresh. */
  reset(): void {
    this.path = [];
    this.open = true;
  }

  /** Records an accepted heading token. */
  see(tk: NumberToken): void {
    if (tk.scheme === 'decimal') this.path = decimalPath(tk);
    else if (tk.level === 3 && !tk.scheme) {
      if (this.open) this.path = [tk.value];
    } else if (tk.level <= 2) {
      this.open = false;
      this.path = [];
    }
  }

  /** Whether a decimal token is exactly the next section of the outline (never a first N.1 of nothing). */
  continues(tk: NumberToken): boolean {
    if (!this.open || tk.scheme !== 'decimal') return false;
    const p = decimalPath(tk);
    const k = p.length;
    if (this.path.length < k - 1) return false;
    for (let i = 0; i < k - 1; i++) if (p[i] !== this.path[i]) return false;
    return p[k - 1] === (this.path[k - 1] ?? 0) + 1;
  }
}

/** after a number these always make it a quantity, a date or a range (4个, 4月, 4万, 4至5, 4.5, 4%) */
const QUANTITY_CHAR = new Set([...`0123456789０１２３４５６７８９.．%％‰${MAGNITUDE_CHARS}年月日号时天周个余多至到~～-－—–`]);
const CN_NUMERAL = new Set([...'零〇一二三四五六七八九两']);

/** Whether a word of `s` ends at index `end` (a unit 组 is no unit in 组织). */
function wordEndsAt(s: string, end: number): boolean {
  if (end >= s.length) return true;
  for (const w of chineseWords(s.slice(0, end + 4))) {
    if (w.index === end) return true;
    if (w.index > end) return false;
  }
  return false;
}

/**
 * Whether the text after a number reads as what the number counts or dates: a digit, point or
 * percent sign, a magnitude (万), a time word (年, 月), a unit or measure word of the indicators'
 * lexicon that is a word of its own (4家医院, 2.5米; not 组 in 组织), a date or ordinal word
 * (届, 批, 季度), or a Chinese numeral of a range (4一5个).
 */
export function quantityFollows(rest: string): boolean {
  let i = 0;
  while (i < rest.length && (rest[i] === ' ' || rest[i] === '\u3000')) i++;
  const s = rest.slice(i, i + 12);
  if (s.length === 0) return false;
  if (QUANTITY_CHAR.has(s[0]!)) return true;
  if (CN_NUMERAL.has(s[0]!) && s.length > 1 && (QUANTITY_CHAR.has(s[1]!) || CN_NUMERAL.has(s[1]!))) return true;
  const date = DATE_AFTER.exec(s);
  if (date && wordEndsAt(s, date[0].length)) return true;
  const unit = matchUnit(s, 0);
  return unit !== undefined && wordEndsAt(s, unit.end);
}

/** before a section number these make it a citation in a sentence (第1.2条, 见1.2, 按照1.2, 1.1和1.2) */
const CITATION_BEFORE = new Set([...'第见按照依据和及与至或、同']);
/** a first word after it that makes it one (1.2规定, 1.2条, 1.2中, 1.2的要求) */
const CITATION_AFTER = new Set(['规定', '要求', '条', '款', '项', '中', '的', '所', '之', '执行', '明确', '所述', '所列']);

/** Whether a section number stands cited in a sentence: after 第/见/按照…, or before 规定/条/中/的…. */
export function citedSection(before: string, rest: string): boolean {
  if (CITATION_BEFORE.has(before)) return true;
  let i = 0;
  while (i < rest.length && (rest[i] === ' ' || rest[i] === '\u3000')) i++;
  for (const w of chineseWords(rest.slice(i, i + 6))) return CITATION_AFTER.has(w.segment);
  return false;
}
