/**
 * The numbering of a flattened text so far (stage 2b of the structure parser, ./inline.ts): the
 * last value at each level in the current context, the document's part, its articles and its
 * decimal outline.
 */
import type { Level, NumberToken } from '../model.js';
import { DecimalOutline } from './decimal.js';

/** The numbering so far: the last value at each level in the current context, and the part. */
export class Numbering {
  /** last[level]: the last value at that level under the current parent (0: none yet) */
  readonly last = [0, 0, 0, 0, 0];
  /** the last level-3 value anywhere (level-3 numbers may run on through the document) */
  l3 = 0;
  /** the last level-2 value anywhere in the part */
  l2 = 0;
  part = 0;
  headingsInPart = 0;
  /** a part marker was seen since the last heading */
  marker = false;

  /** the last article 第N条 of the part (articles run on across the 一、 or 第N章 above them) */
  article = 0;
  /** the decimal outline of the part (1. → 1.1 → 1.1.1, ./decimal.ts) */
  readonly decimal = new DecimalOutline();

  /** Whether a token continues the numbering (after a sentence's end when `boundary`). */
  continuesToken(tk: NumberToken, boundary: boolean): boolean {
    if (tk.scheme === 'decimal') return this.decimal.continues(tk);
    if (tk.scheme === 'article' && tk.level === 2) return tk.value === this.article + 1;
    return this.continues(tk.level, tk.value, boundary);
  }

  /** Records a heading token (an article: its items (一)… start afresh under it; a decimal section: its （1）…). */
  acceptToken(tk: NumberToken): void {
    if (tk.scheme === 'decimal') {
      this.decimal.see(tk);
      this.last[4] = 0;
      this.headingsInPart++;
      this.marker = false;
      return;
    }
    if (tk.scheme !== 'article' || tk.level !== 2) {
      this.accept(tk.level, tk.value);
      this.decimal.see(tk);
      return;
    }
    this.decimal.see(tk);
    this.article = tk.value;
    for (let k = 2; k <= 4; k++) this.last[k] = 0;
    this.l2 = 0;
    this.headingsInPart++;
    this.marker = false;
  }

  /** Whether `value` at `level` continues the numbering (after a sentence's end when `boundary`). */
  continues(level: Level, value: number, boundary: boolean): boolean {
    const last = this.last;
    if (last[level]! > 0 && value === last[level]! + 1) return true;
    if (level === 3 && this.l3 > 0 && value === this.l3 + 1 && last[3] === 0) return true;
    // level-2 items numbered on across level-1 parts (二、…(三)…, a common house style)
    if (level === 2 && this.l2 > 0 && value === this.l2 + 1 && last[2] === 0) return true;
    if (value !== 1) return false;
    if (last[level] === 0) {
      if (this.headingsInPart === 0) return boundary;
      if (level === 1) return true;
      if (level === 2) return last[1]! > 0 || this.article > 0;
      if (level === 3) return last[1]! > 0 || last[2]! > 0;
      return last[2]! > 0 || last[3]! > 0;
    }
    // a restart at 1 of a running level: a new part after a marker
    return boundary && this.marker && level === 1;
  }

  /** Whether `value` is exactly the next number at `level` of a running sequence (never a first item). */
  next(level: Level, value: number): boolean {
    if (value < 2) return false;
    return this.last[level] === value - 1 || (level === 3 && this.last[3] === 0 && this.l3 === value - 1);
  }

  /** Records a heading (and starts a new part when it restarts a running level-1 numbering after a marker). */
  accept(level: Level, value: number): void {
    if (value === 1 && this.last[level]! > 0 && this.marker) this.newPart();
    this.last[level] = value;
    for (let k = level + 1; k <= 4; k++) this.last[k] = 0;
    if (level === 3) this.l3 = value;
    if (level === 2) this.l2 = value;
    this.headingsInPart++;
    this.marker = false;
  }

  newPart(): void {
    this.part++;
    this.last.fill(0);
    this.l3 = 0;
    this.l2 = 0;
    this.article = 0;
    this.headingsInPart = 0;
    this.decimal.reset();
  }
}
