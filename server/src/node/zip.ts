/**
 * Bounds on a .docx (ZIP) archive, checked before anything is unpacked (issue 13): a 297 KB file
 * that inflates to 102 MB of XML used to exhaust the heap inside the ZIP reader.
 */
import { DecodeError } from './decode.js';

/** node:zlib on first use: loading it is a few ms of every CLI start, and only a .docx needs it. */
function inflateRawSync(data: Buffer, options: import('node:zlib').ZlibOptions): Buffer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zlib = require('node:zlib') as typeof import('node:zlib');
  return zlib.inflateRawSync(data, options);
}

/** Limits of a .docx before it is unpacked: a real plan's .docx holds a few dozen parts and a few MB of XML. */
export const DOCX_MAX_ENTRIES = 2000;
/** unpacked XML (the parts the text is read from) */
export const DOCX_MAX_UNPACKED = 48 * 1024 * 1024;
/** unpacked size of everything, pictures included (those are not read, so only declared sizes count) */
export const DOCX_MAX_UNPACKED_ALL = 1024 * 1024 * 1024;

function refuseZip(zh: string, en: string): never {
  throw new DecodeError({ zh: `.docx 文件未读取：${zh}`, en: `.docx file not read: ${en}` });
}

/**
 * Checks a .docx (ZIP) archive before anything is inflated: at most DOCX_MAX_ENTRIES entries and
 * DOCX_MAX_UNPACKED bytes unpacked in all, by the central directory; and, since those sizes are
 * only declared, each compressed entry is inflated with its output capped at its declared size, so
 * a lying entry (a "zip bomb") stops at the cap instead of filling the heap.
 */
export function checkZipBounds(buf: Uint8Array): void {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
  // end of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuseZip('找不到 ZIP 目录（文件不完整或已损坏）', 'no ZIP directory (truncated or damaged file)');
  const entries = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    refuseZip('ZIP64 压缩包（超大文档）不受支持', 'ZIP64 archives (huge documents) are not supported');
  }
  if (entries > DOCX_MAX_ENTRIES)
    refuseZip(`压缩包含 ${entries} 个条目，超过上限 ${DOCX_MAX_ENTRIES}`, `the archive has ${entries} entries, more than the limit of ${DOCX_MAX_ENTRIES}`);
  if (cdOffset + cdSize > b.length) refuseZip('ZIP 目录超出文件末尾（文件已损坏）', 'the ZIP directory runs past the end of the file (damaged)');
  let total = 0;
  let all = 0;
  let at = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) refuseZip('ZIP 目录已损坏', 'damaged ZIP directory');
    const method = b.readUInt16LE(at + 10);
    const compressed = b.readUInt32LE(at + 20);
    const size = b.readUInt32LE(at + 24);
    const nameLen = b.readUInt16LE(at + 28);
    const extraLen = b.readUInt16LE(at + 30);
    const commentLen = b.readUInt16LE(at + 32);
    const local = b.readUInt32LE(at + 42);
    const name = b.toString('latin1', at + 46, at + 46 + nameLen);
    const isXml = /\.(xml|rels)$/i.test(name) || !name.includes('media/');
    all += size;
    if (all > DOCX_MAX_UNPACKED_ALL) refuseZip('解压后超过 1 GB', 'it would unpack to more than 1 GB');
    if (isXml) total += size;
    if (total > DOCX_MAX_UNPACKED) {
      refuseZip(
        `解压后超过 ${DOCX_MAX_UNPACKED / 1024 / 1024} MB（疑似压缩炸弹）`,
        `it would unpack to more than ${DOCX_MAX_UNPACKED / 1024 / 1024} MB (a possible zip bomb)`,
      );
    }
    if (isXml && method === 8 && local + 30 <= b.length && b.readUInt32LE(local) === 0x04034b50) {
      const dataAt = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
      const data = b.subarray(dataAt, Math.min(b.length, dataAt + compressed));
      try {
        inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ERR_BUFFER_TOO_LARGE') {
          refuseZip('某个条目解压后大于其声明的大小（疑似压缩炸弹）', 'an entry unpacks to more than its declared size (a possible zip bomb)');
        }
        // other inflate errors: left to the ZIP reader, which reports them
      }
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
}
