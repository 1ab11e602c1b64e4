/**
 * `planlint --fix` on files (issue 7): whatever the encoding (UTF-8 with/without BOM, UTF-16 LE/BE,
 * GB18030) and line endings (LF, CRLF, CR), the file written back decodes to exactly the core's
 * fixed text, in the same encoding with the same BOM; a second --fix leaves the bytes untouched;
 * a file with invalid bytes is never rewritten. Runs the CLI pipeline in-process (checkDraft).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDraft } from '../server/src/cli/pipeline.js';
import { decodeBytes } from '../server/src/node/decode.js';
import { mutatedSeed } from './robust-gen.js';

const ENCODE: Record<string, (s: string) => Buffer> = {
  'utf-8': (s) => Buffer.from(s, 'utf8'),
  'utf-8 BOM': (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]),
  'utf-16le': (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]),
  'utf-16be': (s) => {
    const b = Buffer.from(s, 'utf16le');
    b.swap16();
    return Buffer.concat([Buffer.from([0xfe, 0xff]), b]);
  },
  gb18030: (s) => iconv.encode(s, 'gb18030'),
};

describe('--fix writes files back faithfully', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-robust-fix-'));

  it('any encoding and line ending: the written text is the fixed text, the encoding and BOM are kept, a second run is a no-op (60 drafts)', async () => {
    const input = fc.record({
      // printable drafts only: the encodings cannot all carry lone surrogates or NULs
      text: mutatedSeed({ window: 2500, maxMutations: 10 }).map((t) => t.replace(/[\ud800-\udfff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff]/g, '')),
      encoding: fc.constantFrom(...Object.keys(ENCODE)),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
    });
    const samples = fc.sample(input, { numRuns: 60, seed: 3 });
    let rewritten = 0;
    for (const [i, { text: raw, encoding, eol }] of samples.entries()) {
      const text = raw.replace(/\r\n?|\n/g, eol);
      const file = join(dir, `draft-${i}.txt`);
      const bytes = ENCODE[encoding]!(text);
      writeFileSync(file, bytes);
      const before = decodeBytes(bytes);
      const r = await checkDraft(file, { fix: true, cwd: dir });
      expect('decoded' in r, JSON.stringify(r)).toBe(true);
      if (!('decoded' in r)) continue;
      const after = readFileSync(file);
      const decoded = decodeBytes(after);
      expect(decoded.encoding).toBe(before.encoding);
      expect(decoded.bom).toBe(before.bom);
      expect(decoded.text).toBe(r.decoded.text);
      if (r.fixed > 0) {
        rewritten++;
        // line endings of the untouched lines survive: no lone \n appears in a CRLF file, etc.
        if (eol === '\r\n') expect(decoded.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
        if (eol === '\n') expect(decoded.text).not.toMatch(/\r/);
      } else expect(after.equals(bytes)).toBe(true);
      // a second --fix changes nothing
      const again = await checkDraft(file, { fix: true, cwd: dir });
      expect('fixed' in again && again.fixed).toBe(0);
      expect(readFileSync(file).equals(after)).toBe(true);
    }
    expect(rewritten).toBeGreaterThan(10);
  }, 120000);

  it('a file with invalid bytes is reported and never rewritten', async () => {
    const file = join(dir, 'damaged.txt');
    const bytes = Buffer.concat([Buffer.from('一、总体要求\n(一)加强领导\n', 'utf8'), Buffer.from([0xff]), Buffer.from('\n二、重点任务\n', 'utf8')]);
    writeFileSync(file, bytes);
    const r = await checkDraft(file, { fix: true, cwd: dir });
    expect('fixSkipped' in r && r.fixSkipped?.en, JSON.stringify('findings' in r && r.findings.map((f) => f.ruleId + (f.fix?.safe ? '*' : '')))).toMatch(
      /invalid byte/,
    );
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
