/**
 * Writing a fixed draft back in its own encoding: only when nothing outside the fixes can change
 * (the encoder reproduces the original bytes) and every fixed character can be encoded.
 */
import type { Localized } from '../core/model.js';
import { LineIndex } from '../core/text.js';
import { encodeText, iconv, type DecodedText } from './decode.js';

/** Line and column (1-based) of a UTF-16 offset in a text. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  const p = new LineIndex(text).positionAt(offset);
  return { line: p.line + 1, col: p.character + 1 };
}

/** Offset of the first character of `text` the encoding cannot carry (decode(encode(c)) ≠ c), or −1. */
function firstUnencodable(text: string, encoding: string): number {
  const lib = iconv();
  const ok = (s: string) => lib.decode(lib.encode(s, encoding), encoding) === s;
  if (ok(text)) return -1;
  // line by line, then character by character inside the first failing line
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (!ok(line)) {
      for (let i = 0; i < line.length;) {
        const cp = line.codePointAt(i)!;
        const ch = String.fromCodePoint(cp);
        if (!ok(ch)) return start + i;
        i += ch.length;
      }
      return start;
    }
    start = end + 1;
  }
  return 0;
}

/**
 * The bytes to write back after `--fix`, or why the file must not be rewritten. UTF-8 and UTF-16
 * carry any text; a legacy encoding (GB18030, Big5, Shift_JIS, ISO-8859-1 …) is written back only
 * when its encoder reproduces the original bytes exactly (so nothing outside the fixes changes) and
 * can encode the whole fixed text (so no fix turns into "?").
 */
export function encodeForWriteBack(
  fixed: string,
  decoded: Pick<DecodedText, 'encoding' | 'bom' | 'text'>,
  original: Uint8Array,
): { bytes: Buffer } | { refused: Localized } {
  const enc = String(decoded.encoding);
  if (enc === 'utf-8' || enc === 'utf-16le' || enc === 'utf-16be') return { bytes: encodeText(fixed, decoded) };
  if (enc === 'docx')
    return { refused: { zh: '.docx 文件不能自动修复（请在 Word 中修改）', en: '.docx files cannot be fixed automatically (edit them in Word)' } };
  const lib = iconv();
  const again = lib.encode(decoded.text, enc);
  if (!again.equals(Buffer.from(original.buffer, original.byteOffset, original.length))) {
    let i = 0;
    while (i < again.length && i < original.length && again[i] === original[i]) i++;
    const at = lineCol(decoded.text, lib.decode(Buffer.from(original.subarray(0, i)), enc).length);
    return {
      refused: {
        zh: `${enc.toUpperCase()} 编码无法原样写回第 ${at.line} 行第 ${at.col} 列附近的字节，为避免改动修复以外的内容未写入（建议另存为 UTF-8）`,
        en: `the ${enc.toUpperCase()} encoder cannot reproduce the bytes near line ${at.line}, column ${at.col}; not written so that nothing outside the fixes changes (save the file as UTF-8)`,
      },
    };
  }
  const bad = firstUnencodable(fixed, enc);
  if (bad >= 0) {
    const at = lineCol(fixed, bad);
    const ch = String.fromCodePoint(fixed.codePointAt(bad) ?? 0xfffd);
    return {
      refused: {
        zh: `修复后第 ${at.line} 行第 ${at.col} 列的“${ch}”无法用 ${enc.toUpperCase()} 编码表示，未写入（建议另存为 UTF-8）`,
        en: `"${ch}" at line ${at.line}, column ${at.col} of the fixed text cannot be encoded in ${enc.toUpperCase()}; not written (save the file as UTF-8)`,
      },
    };
  }
  return { bytes: lib.encode(fixed, enc) };
}
