/**
 * Bytes → text. Plans arrive as UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK
 * (what Word on Chinese Windows saves as "plain text"), or .docx. Decoding never throws on
 * invalid byte sequences: they become U+FFFD and are reported as warnings with their position.
 * A binary or non-text file is refused with a DecodeError carrying a clear, localised message.
 */
import { extname } from 'node:path';
import type { Localized } from '../core/model.js';
import { LineIndex } from '../core/text.js';
import { checkZipBounds } from './zip.js';
import type { ConfigProblem } from './problems.js';
import { readDocxText, unreadNames, type DocxLine, type DocxText } from './docx.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'docx' | (string & {});

export interface DecodeWarning {
  /** what the warning is about: invalid bytes (located), or .docx content that was not read */
  kind?: 'encoding' | 'docx-unread';
  message: Localized;
  /** offset in the decoded text the warning is about, if any */
  offset?: number;
}

export interface DecodedText {
  text: string;
  /** encoding of the bytes (iconv-lite name), or "docx" */
  encoding: TextEncoding;
  /** whether the bytes started with a byte-order mark (removed from `text`) */
  bom: boolean;
  /** false when bytes were replaced (invalid sequences) or the source is .docx: writing back would lose data */
  lossless: boolean;
  warnings: DecodeWarning[];
  /** .docx: where each line of `text` comes from (paragraph index, numbering label length, table row) */
  docx?: DocxLine[];
}

export class DecodeError extends Error {
  readonly localized: Localized;
  constructor(message: Localized) {
    super(message.en);
    this.localized = message;
    this.name = 'DecodeError';
  }
}

const REPLACEMENT = 0xfffd;

/** Signatures of common binary formats that sometimes get a text extension. */
const magics: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP (.docx/.xlsx/.zip)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'OLE (.doc/.xls/.wps)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'ELF' },
  { bytes: [0x1f, 0x8b], what: 'gzip' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'RAR' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: '7z' },
];

function startsWith(buf: Uint8Array, bytes: readonly number[]): boolean {
  if (buf.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[i] !== bytes[i]) return false;
  return true;
}

function refuseBinary(what: string): never {
  throw new DecodeError({
    zh: `不是文本文件（${what}），planlint 只读取 .txt、.md（UTF-8、UTF-16、GB18030）和 .docx`,
    en: `not a text file (${what}); planlint reads .txt, .md (UTF-8, UTF-16, GB18030) and .docx`,
  });
}

/** C0 controls other than TAB, LF, VT, FF, CR, ESC; DEL */
const CONTROL_BYTES = /[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]/g;

/** Refuses binary content: known signatures, NUL bytes, or many control characters. */
function checkNotBinary(buf: Uint8Array): void {
  for (const m of magics) if (startsWith(buf, m.bytes)) refuseBinary(m.what);
  const n = Math.min(buf.length, 16 * 1024);
  if (Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.length, 1024 * 1024)).indexOf(0) >= 0) {
    // NULs at every other byte: UTF-16 saved without a byte-order mark
    let even = 0;
    let odd = 0;
    for (let i = 0; i < Math.min(buf.length, 4096); i++) {
      if (buf[i] !== 0) continue;
      if (i % 2) odd++;
      else even++;
    }
    if (buf.length % 2 === 0 && Math.max(even, odd) >= 9 * Math.min(even, odd) && Math.max(even, odd) >= 2) {
      throw new DecodeError({
        zh: '文件像是没有字节顺序标记（BOM）的 UTF-16 文本：请另存为 UTF-8，或带 BOM 的 UTF-16',
        en: 'the file looks like UTF-16 without a byte-order mark: save it as UTF-8, or UTF-16 with BOM',
      });
    }
    refuseBinary('NUL bytes');
  }
  // counted by a regular expression over the bytes as Latin-1, not a loop in JavaScript: the loop
  // ran in V8's interpreter in a short CLI run (~1 ms for five drafts)
  const control = Buffer.from(buf.buffer, buf.byteOffset, n).toString('latin1').match(CONTROL_BYTES)?.length ?? 0;
  if (n > 0 && control / n > 0.05 && control > 8) refuseBinary('control bytes');
}

function countReplacements(text: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === REPLACEMENT) at.push(i);
  return at;
}

function invalidWarning(text: string, at: readonly number[], encoding: string): DecodeWarning {
  const p = new LineIndex(text).positionAt(at[0]!);
  const where = { zh: `第 ${p.line + 1} 行第 ${p.character + 1} 列`, en: `line ${p.line + 1}, column ${p.character + 1}` };
  return {
    kind: 'encoding',
    offset: at[0],
    message: {
      zh: `${where.zh}起有 ${at.length} 处无效的 ${encoding.toUpperCase()} 字节序列，已替换为 U+FFFD（文件可能已损坏或编码混用）`,
      en: `${at.length} invalid ${encoding.toUpperCase()} byte sequence(s) from ${where.en}, replaced by U+FFFD (damaged file or mixed encodings)`,
    },
  };
}

type Iconv = typeof import('iconv-lite');
let iconvModule: Iconv | undefined;
export function iconv(): Iconv {
  // loaded on first non-UTF-8 file only: keeps start-up fast for the common case
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (iconvModule ??= require('iconv-lite') as Iconv);
}

/**
 * Characters of Chinese prose: Han ideographs, CJK punctuation, full-width forms and the general
 * punctuation Chinese text uses (“” ‘’ — …). Half-width katakana (U+FF61–FF9F) are NOT counted:
 * they are what GB18030 bytes turn into when misread as Shift_JIS (一、 → ﾒｻ｡｢).
 */
function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff01 && code <= 0xff5e) ||
    (code >= 0x2010 && code <= 0x2027)
  );
}

function cjkShare(text: string): number {
  let cjk = 0;
  let high = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    high++;
    if (isCjk(c)) cjk++;
  }
  return high === 0 ? 1 : cjk / high;
}

/** Decodes the bytes of a .txt/.md file. Throws DecodeError for binary content only. */
export function decodeBytes(buf: Uint8Array): DecodedText {
  const warnings: DecodeWarning[] = [];
  // byte-order marks first: they are unambiguous
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    return utf8(buf.subarray(3), true);
  }
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) {
    const le = buf[0] === 0xff;
    if (le && startsWith(buf, [0xff, 0xfe, 0, 0])) refuseBinary('UTF-32');
    const body = buf.subarray(2);
    const encoding = le ? 'utf-16le' : 'utf-16be';
    let text: string;
    if (le) {
      text = Buffer.from(body.buffer, body.byteOffset, body.length - (body.length % 2)).toString('utf16le');
    } else {
      const swapped = Buffer.from(body.subarray(0, body.length - (body.length % 2)));
      swapped.swap16();
      text = swapped.toString('utf16le');
    }
    if (body.length % 2 === 1) {
      text += '\ufffd';
      warnings.push({
        kind: 'encoding',
        offset: text.length - 1,
        message: {
          zh: `${encoding.toUpperCase()} 文件的字节数为奇数，末尾多出一个字节`,
          en: `${encoding.toUpperCase()} file has an odd number of bytes; the last byte is incomplete`,
        },
      });
    }
    const lone = loneSurrogates(text);
    if (lone.length > 0) {
      const p = new LineIndex(text).positionAt(lone[0]!);
      warnings.push({
        kind: 'encoding',
        offset: lone[0],
        message: {
          zh: `第 ${p.line + 1} 行第 ${p.character + 1} 列起有 ${lone.length} 个不成对的代理项（无效的 UTF-16）`,
          en: `${lone.length} unpaired surrogate(s) (invalid UTF-16) from line ${p.line + 1}, column ${p.character + 1}`,
        },
      });
    }
    if (text.includes('\0')) refuseBinary('NUL characters');
    return { text, encoding, bom: true, lossless: warnings.length === 0, warnings };
  }
  checkNotBinary(buf);
  // strict UTF-8 first: any valid UTF-8 file (including pure ASCII) is UTF-8
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
    return { text, encoding: 'utf-8', bom: false, lossless: true, warnings };
  } catch {
    // not valid UTF-8: either another encoding, or UTF-8 with damaged bytes
  }
  const lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(buf);
  const bad = countReplacements(lossy).length;
  let high = 0;
  for (let i = 0; i < lossy.length; i++) if (lossy.charCodeAt(i) >= 0x80) high++;
  // UTF-8 with a few damaged bytes (many valid multi-byte characters per invalid one): keep UTF-8 and
  // report where. GBK text has almost no valid UTF-8 sequences, however short it is.
  if (high - bad >= 20 * bad) return utf8(buf, false);
  // A short UTF-8 draft with a damaged byte (15 characters, 1 bad byte) must not become GB18030 or
  // KOI8-R mojibake: valid 3-byte Han characters are strong evidence of UTF-8, since GBK bytes almost
  // never form one (a lead E4-E9 followed by two bytes 80-BF); four per damaged spot suffice.
  let han = 0;
  for (let i = 0; i < lossy.length; i++) {
    const c = lossy.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
  }
  if (han >= 4 * bad) return utf8(buf, false);
  return legacy(buf);
}

function utf8(buf: Uint8Array, bom: boolean): DecodedText {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(buf);
  const bad = countReplacements(text);
  // a literal U+FFFD in valid UTF-8 is not a decoding problem
  let valid = true;
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    valid = false;
  }
  if (bom) checkNotBinary(buf);
  const warnings = !valid && bad.length > 0 ? [invalidWarning(text, bad, 'utf-8')] : [];
  return { text, encoding: 'utf-8', bom, lossless: valid, warnings };
}

/** Non-UTF-8 bytes without BOM: GB18030 (the usual case for Chinese Windows), or what chardet reports. */
function legacy(buf: Uint8Array): DecodedText {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const chardet = require('chardet') as typeof import('chardet');
  const lib = iconv();
  // chardet's ranking: GB18030 is the prior for Chinese plans; another encoding wins only when
  // chardet is clearly more confident of it (Big5 from Taiwan/Hong Kong, a Western code page …)
  const matches = chardet.analyse(buf);
  const confidence = (name: string) => matches.find((m) => m.name.toLowerCase() === name)?.confidence ?? 0;
  const top = (matches[0]?.name ?? '').toLowerCase();
  const candidates: string[] = ['gb18030'];
  if (top && top !== 'gb18030' && !top.startsWith('utf') && lib.encodingExists(top)) {
    if (confidence(top) >= confidence('gb18030') + 30) candidates.unshift(top);
    else candidates.push(top);
  }
  let best: { text: string; encoding: string; bad: number[]; score: number } | undefined;
  for (const encoding of candidates) {
    const text = lib.decode(Buffer.from(buf), encoding);
    const bad = countReplacements(text);
    // fewer invalid sequences first, then more CJK (plans are Chinese); ties go to the preferred one
    const score = bad.length * 10 - cjkShare(text);
    if (!best || score < best.score - 1e-9) best = { text, encoding, bad, score };
  }
  const { text, encoding, bad } = best!;
  const warnings = bad.length > 0 ? [invalidWarning(text, bad, encoding)] : [];
  return { text, encoding: encoding as TextEncoding, bom: false, lossless: bad.length === 0, warnings };
}

function loneSurrogates(text: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else at.push(i);
    } else if (c >= 0xdc00 && c <= 0xdfff) at.push(i);
  }
  return at;
}

/** Encodes text back to the bytes of its original encoding (for `--fix`). */
export function encodeText(text: string, decoded: Pick<DecodedText, 'encoding' | 'bom'>): Buffer {
  const { encoding, bom } = decoded;
  if (encoding === 'docx') throw new DecodeError({ zh: '不能写回 .docx 文件', en: 'cannot write back a .docx file' });
  if (encoding === 'utf-8') return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (encoding === 'utf-16be') {
    const b = Buffer.from(text, 'utf16le');
    b.swap16();
    return Buffer.concat([Buffer.from([0xfe, 0xff]), b]);
  }
  return iconv().encode(text, encoding);
}

/** Paragraph text of a .docx, with automatic numbering and tables (node/docx.ts). */
export async function decodeDocx(buf: Uint8Array): Promise<DecodedText> {
  if (!startsWith(buf, [0x50, 0x4b])) {
    if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0])) {
      throw new DecodeError({
        zh: '这是旧版 Word（.doc）文件，请另存为 .docx 或 .txt 后再检查',
        en: 'this is a legacy Word (.doc) file; save it as .docx or .txt first',
      });
    }
    throw new DecodeError({ zh: '不是有效的 .docx 文件（不是 ZIP 压缩包）', en: 'not a valid .docx file (not a ZIP archive)' });
  }
  checkZipBounds(buf);
  let read: DocxText;
  try {
    read = await readDocxText(buf);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new DecodeError({ zh: `无法读取 .docx 文件：${why}`, en: `cannot read the .docx file: ${why}` });
  }
  const { text } = read;
  const warnings: DecodeWarning[] = [];
  if (read.invalid) {
    const at = new LineIndex(text).positionAt(read.invalid.offset);
    const parts = read.invalid.parts.join(', ');
    warnings.push({
      kind: 'encoding',
      offset: read.invalid.offset,
      message: {
        zh: `.docx 的 ${parts} 中有无效的 UTF-8 字节序列，已替换为 U+FFFD（第 ${at.line + 1} 行第 ${at.character + 1} 列起；文件可能已损坏）`,
        en: `invalid UTF-8 byte sequence(s) in ${parts} of the .docx, replaced by U+FFFD (from line ${at.line + 1}, column ${at.character + 1}; the file may be damaged)`,
      },
    });
  }
  const kinds = Object.keys(read.unread);
  if (kinds.length > 0) {
    const name = (k: string) => unreadNames[k] ?? unreadNames['object']!;
    const zh = kinds.map((k) => `${read.unread[k]} 个${name(k).zh}`).join('、');
    const en = kinds.map((k) => `${read.unread[k]} ${name(k).en}`).join(', ');
    warnings.push({
      kind: 'docx-unread',
      message: {
        zh: `.docx 中有未读取的内容（${zh}），其中的文字未检查`,
        en: `the .docx holds content that was not read (${en}); any text in it was not checked`,
      },
    });
  }
  return { text, encoding: 'docx', bom: false, lossless: false, warnings, docx: read.lines };
}

const refusedExtensions: Record<string, Localized> = {
  '.doc': { zh: '旧版 Word（.doc）文件不受支持，请另存为 .docx 或 .txt', en: 'legacy Word (.doc) files are not supported; save as .docx or .txt' },
  '.wps': { zh: 'WPS（.wps）文件不受支持，请另存为 .docx 或 .txt', en: 'WPS (.wps) files are not supported; save as .docx or .txt' },
  '.pdf': { zh: 'PDF 文件不受支持，请先导出为文本（.txt）', en: 'PDF files are not supported; export the text (.txt) first' },
};

/** Decodes a file's bytes by its name: .docx via node/docx.ts, everything else as text. */
export async function decodeFile(path: string, buf: Uint8Array): Promise<DecodedText> {
  const ext = extname(path).toLowerCase();
  if (ext === '.docx') return decodeDocx(buf);
  const refused = refusedExtensions[ext];
  if (refused) throw new DecodeError(refused);
  return decodeBytes(buf);
}

/**
 * The decoder's warnings as located problems of the draft, reported as findings in every output
 * format (issue 14): invalid bytes → `input/encoding` (warning) at the first replaced character;
 * .docx content that was not read → one `input/unread-content` (information) on the first line.
 */
export function decodeProblems(decoded: Pick<DecodedText, 'text' | 'warnings'>, file: string): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  let index: LineIndex | undefined;
  for (const w of decoded.warnings) {
    if (w.kind !== 'encoding' && w.kind !== 'docx-unread') continue;
    index ??= new LineIndex(decoded.text);
    const start = Math.min(w.offset ?? 0, decoded.text.length);
    const end = w.kind === 'encoding' ? Math.min(start + 1, decoded.text.length) : index.lineEnd(0);
    out.push({
      file,
      range: { start: index.positionAt(start), end: index.positionAt(end) },
      ruleId: w.kind === 'encoding' ? 'input/encoding' : 'input/unread-content',
      severity: w.kind === 'encoding' ? 'warning' : 'information',
      message: w.message,
    });
  }
  return out;
}
