/**
 * Issue 17, Word comments end to end: `planlint check plan.docx --format docx --output reviewed.docx`,
 * then LibreOffice (Debian `libreoffice-writer-nogui`, headless) opens the result:
 * 1. converted to flat ODF (.fodt), every planlint comment is an <office:annotation> by "planlint"
 *    whose range covers exactly the text the finding is about (LibreOffice read our markup);
 * 2. converted to PDF with the comments printed in the margin (ExportNotesInMargin), poppler's
 *    pdftotext finds each comment's message and rule id, and pdftoppm renders page 1 to
 *    artifacts/e2e/docx-comments.png for a person to look at.
 * Missing programs are an error, never a silent skip (.ci/run installs them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, repoRoot } from './harness/codeServer.js';

const cliJs = join(repoRoot, 'server', 'bin', 'planlint.js');
let tmp: string;
let soffice: string;
let report: {
  files: {
    diagnostics: {
      code: string;
      message: string;
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
    }[];
  }[];
};

function which(...names: string[]): string | undefined {
  for (const n of names) if (spawnSync('sh', ['-c', `command -v ${n}`], { encoding: 'utf8' }).status === 0) return n;
  return undefined;
}

/**
 * The text of the PDF's comment annotations (/Contents of /Annot objects; LibreOffice writes them
 * as UTF-16BE strings, hex `<FEFF…>` or literal `(\376\377…)`), for a LibreOffice that does not
 * print comments in the margin.
 */
function annotationTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const utf16 = (bytes: number[]) => {
    const b = Buffer.from(bytes);
    if (b[0] === 0xfe && b[1] === 0xff) return b.subarray(2).swap16().toString('utf16le');
    return b.toString('latin1');
  };
  for (const m of raw.matchAll(/\/Contents\s*<([0-9A-Fa-f\s]+)>/g)) {
    const hex = m[1]!.replace(/\s+/g, '');
    out.push(utf16(Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16))));
  }
  for (const m of raw.matchAll(/\/Contents\s*\(((?:\\[\s\S]|[^\\)])*)\)/g)) {
    const bytes: number[] = [];
    const s = m[1]!;
    for (let i = 0; i < s.length; i++) {
      if (s[i] !== '\\') {
        bytes.push(s.charCodeAt(i));
        continue;
      }
      const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1));
      if (oct) {
        bytes.push(parseInt(oct[0], 8));
        i += oct[0].length;
      } else {
        const c = s[++i]!;
        bytes.push({ n: 10, r: 13, t: 9, b: 8, f: 12 }[c] ?? c.charCodeAt(0));
      }
    }
    out.push(utf16(bytes));
  }
  return out;
}

/** LibreOffice headless with a profile of its own (no HOME writes, no first-start dialogs). */
function convert(file: string, to: string): void {
  const profile = pathToFileURL(join(tmp, 'lo-profile')).href;
  const r = spawnSync(soffice, ['--headless', '--norestore', '--nologo', `-env:UserInstallation=${profile}`, '--convert-to', to, '--outdir', tmp, file], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status !== 0) throw new Error(`soffice --convert-to ${to} failed (${r.status}): ${r.stderr}\n${r.stdout}`);
}

describe('Word comments opened by LibreOffice', () => {
  beforeAll(() => {
    const lo = which('soffice', 'libreoffice');
    const missing = [
      lo ? '' : 'soffice (libreoffice-writer-nogui)',
      which('pdftotext') ? '' : 'pdftotext (poppler-utils)',
      which('pdftoppm') ? '' : 'pdftoppm (poppler-utils)',
    ].filter(Boolean);
    if (missing.length) throw new Error(`missing programs: ${missing.join(', ')}; .ci/run installs them`);
    soffice = lo!;
    if (!existsSync(join(repoRoot, 'server', 'dist', 'cli.js'))) execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    tmp = mkdtempSync(join(tmpdir(), 'planlint-e2e-docx-'));
    copyFileSync(join(repoRoot, 'test/fixtures/docx/plan.docx'), join(tmp, 'plan.docx'));
    report = JSON.parse(execFileSync(process.execPath, [cliJs, 'plan.docx', '--format', 'json'], { cwd: tmp, encoding: 'utf8' }));
    const r = spawnSync(process.execPath, [cliJs, 'plan.docx', '--format', 'docx', '--output', 'reviewed.docx'], {
      cwd: tmp,
      encoding: 'utf8',
    });
    if (!existsSync(join(tmp, 'reviewed.docx'))) throw new Error(`planlint wrote no reviewed.docx (exit ${r.status}): ${r.stderr}`);
  }, 240_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('LibreOffice reads every comment, by planlint, on the text of its finding', () => {
    convert(join(tmp, 'reviewed.docx'), 'fodt');
    const fodt = readFileSync(join(tmp, 'reviewed.fodt'), 'utf8');
    const diagnostics = report.files[0]!.diagnostics;
    expect(diagnostics.length).toBe(3); // test/fixtures/docx: two heading full stops, one half-width (一)
    // (not <office:annotation-end …/>, which \b after 'annotation' would also match)
    const annotations = [...fodt.matchAll(/<office:annotation(?=[\s>])([^>]*)>([\s\S]*?)<\/office:annotation>/g)];
    const ours = annotations.filter((a) => /<dc:creator>planlint<\/dc:creator>/.test(a[2]!));
    expect(ours.length).toBe(diagnostics.length);
    const texts = ours.map((a) => a[2]!.replace(/<[^>]+>/g, ''));
    for (const d of diagnostics) {
      expect(
        texts.some((t) => t.includes(d.message) && t.includes(d.code)),
        d.message,
      ).toBe(true);
    }
    // the text between each annotation and its annotation-end: what the finding is about
    const anchored = ours
      .map((a) => {
        const name = /office:name="([^"]+)"/.exec(a[1]!)?.[1];
        if (!name) return undefined;
        const from = a.index! + a[0].length;
        const end = fodt.indexOf(`<office:annotation-end office:name="${name}"`, from);
        return end < 0 ? undefined : fodt.slice(from, end).replace(/<[^>]+>/g, '');
      })
      .sort();
    expect(anchored).toEqual(['(一)', '。', '。']);
  });

  it('prints the comments into the PDF and renders page 1 to artifacts/e2e/docx-comments.png', () => {
    const filter = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},"ExportNotesInMargin":{"type":"boolean","value":"true"}}';
    convert(join(tmp, 'reviewed.docx'), filter);
    const pdf = join(tmp, 'reviewed.pdf');
    expect(statSync(pdf).size).toBeGreaterThan(1000);
    // reading order (no -layout): the margin boxes come out as blocks of their own
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const version = spawnSync(soffice, ['--version'], { encoding: 'utf8' }).stdout.trim();
    // comments printed in the margin (ExportNotesInMargin), else as PDF comment annotations
    const notes = annotationTexts(readFileSync(pdf)).join('\n').replace(/\s+/g, '');
    for (const d of report.files[0]!.diagnostics) {
      // margin comments wrap: compare without white space, the start of each message
      const start = d.message.replace(/\s+/g, '').slice(0, 8);
      expect(text.includes(start) || notes.includes(start), `comment "${d.message}" is neither in the PDF text nor in its annotations (${version})`).toBe(true);
    }
    mkdirSync(artifactsDir, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, join(artifactsDir, 'docx-comments')]);
    const png = join(artifactsDir, 'docx-comments.png');
    expect(statSync(png).size).toBeGreaterThan(10_000);
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
