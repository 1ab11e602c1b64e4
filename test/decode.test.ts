import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeBytes, decodeFile, encodeText } from '../server/src/node/decode.js';
import { readSeed, repoRoot } from './helpers.js';

const seed000 = readSeed('000');
const seed001 = readSeed('001');

function utf16be(text: string): Buffer {
  const b = Buffer.from(text, 'utf16le');
  b.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), b]);
}

describe('decodeBytes', () => {
  it('reads UTF-8 without BOM exactly', () => {
    const r = decodeBytes(Buffer.from(seed000, 'utf8'));
    expect(r).toMatchObject({ encoding: 'utf-8', bom: false, lossless: true, warnings: [] });
    expect(r.text).toBe(seed000);
  });

  it('strips a UTF-8 BOM and remembers it', () => {
    const r = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed001, 'utf8')]));
    expect(r.encoding).toBe('utf-8');
    expect(r.bom).toBe(true);
    expect(r.text).toBe(seed001);
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    const le = decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed001, 'utf16le')]));
    expect(le).toMatchObject({ encoding: 'utf-16le', bom: true, lossless: true });
    expect(le.text).toBe(seed001);
    const be = decodeBytes(utf16be(seed001));
    expect(be.encoding).toBe('utf-16be');
    expect(be.text).toBe(seed001);
  });

  it('detects GB18030 (what Word on Chinese Windows saves) for whole seeds and short paragraphs', () => {
    const whole = decodeBytes(iconv.encode(seed000, 'gb18030'));
    expect(whole.encoding).toBe('gb18030');
    expect(whole.text).toBe(seed000);
    expect(whole.lossless).toBe(true);
    // a short plan fragment, where statistics give little evidence
    const short = '一、加强党的建设\n（一）接种率保持在90%以上。\n';
    const r = decodeBytes(iconv.encode(short, 'gbk'));
    expect(r.text).toBe(short);
  });

  it('reads Big5 (traditional Chinese) when chardet is clearly sure of it, not as GB18030 mojibake', () => {
    const text = '一、加強黨的建設，鞏固疫情防控成果。\n（一）適齡兒童免疫規劃疫苗接種率保持在90%以上。\n二、推進縣域醫療衛生服務體系建設。\n';
    const r = decodeBytes(iconv.encode(text, 'big5'));
    expect(r.encoding).toBe('big5');
    expect(r.text).toBe(text);
  });

  it('detects GBK even with a single Chinese character in ASCII text', () => {
    const text = 'Plan 2021\nSection 1: total budget 300 (万) yuan\n';
    const r = decodeBytes(iconv.encode(text, 'gbk'));
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toBe(text);
  });

  it('keeps UTF-8 with a damaged byte, replaces only that byte and says where', () => {
    const bytes = Buffer.from(seed001, 'utf8');
    // damage the first byte of the first character on line 7 (1-based)
    const lines = seed001.split('\n');
    const lineStart = Buffer.byteLength(lines.slice(0, 6).join('\n') + '\n', 'utf8');
    const damaged = Buffer.from(bytes);
    damaged[lineStart] = 0xff;
    const r = decodeBytes(damaged);
    expect(r.encoding).toBe('utf-8');
    expect(r.lossless).toBe(false);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.message.zh).toContain('第 7 行第 1 列');
    expect(r.warnings[0]!.message.en).toContain('line 7, column 1');
    // every other line is intact
    const out = r.text.split('\n');
    expect(out.length).toBe(lines.length);
    out.forEach((l, i) => {
      if (i !== 6) expect(l).toBe(lines[i]);
    });
    expect(out[6]!.startsWith('\ufffd')).toBe(true);
  });

  it('reports an odd trailing byte in UTF-16 instead of dropping it silently', () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('一、总则', 'utf16le'), Buffer.from([0x41])]);
    const r = decodeBytes(buf);
    expect(r.text.startsWith('一、总则')).toBe(true);
    expect(r.lossless).toBe(false);
    expect(r.warnings[0]!.message.en).toMatch(/odd number of bytes/);
  });

  it('refuses binary files with a clear message', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => decodeBytes(png)).toThrow(DecodeError);
    try {
      decodeBytes(png);
    } catch (e) {
      expect((e as DecodeError).localized.zh).toContain('不是文本文件（PNG）');
    }
    expect(() => decodeBytes(Buffer.from('abc\0def'))).toThrow(/NUL/);
    expect(() => decodeBytes(Buffer.from('%PDF-1.7\n...'))).toThrow(/PDF/);
  });

  it('says what to do with UTF-16 saved without a BOM', () => {
    expect(() => decodeBytes(Buffer.from('Plan 2021: 一、总则\n', 'utf16le'))).toThrow(/UTF-16 without a byte-order mark/);
  });

  it('decodes an empty file as empty UTF-8 text', () => {
    expect(decodeBytes(Buffer.alloc(0))).toMatchObject({ text: '', encoding: 'utf-8', lossless: true });
  });
});

describe('encodeText (writing back after --fix)', () => {
  for (const enc of [
    { encoding: 'utf-8', bom: false },
    { encoding: 'utf-8', bom: true },
    { encoding: 'utf-16le', bom: true },
    { encoding: 'utf-16be', bom: true },
    { encoding: 'gb18030', bom: false },
  ] as const) {
    it(`round-trips ${enc.encoding}${enc.bom ? ' with BOM' : ''}`, () => {
      const bytes = encodeText(seed001, enc);
      const back = decodeBytes(bytes);
      expect(back.encoding).toBe(enc.encoding);
      expect(back.bom).toBe(enc.bom);
      expect(back.text).toBe(seed001);
    });
  }
});

describe('decodeFile', () => {
  it('extracts the paragraphs of a .docx, one per line', async () => {
    const file = join(repoRoot, 'test/fixtures/docx/plan.docx');
    const r = await decodeFile(file, readFileSync(file));
    expect(r.encoding).toBe('docx');
    expect(r.text.split('\n').filter(Boolean)).toEqual([
      '2021年全县卫生健康工作要点',
      '一、加强公共卫生体系建设',
      '(一)完善疾病预防控制体系。',
      '（二）提高免疫规划水平。适龄儿童免疫规划疫苗接种率保持在90%以上。',
      '二、提升医疗服务能力',
      '（一）推进县域医共体建设。',
    ]);
  });

  it('refuses a .docx that is not a ZIP archive, and legacy .doc files', async () => {
    await expect(decodeFile('x.docx', Buffer.from('just text'))).rejects.toThrow(/not a valid \.docx/);
    await expect(decodeFile('x.doc', Buffer.from('anything'))).rejects.toThrow(/legacy Word/);
    await expect(decodeFile('x.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(DecodeError);
  });
});
