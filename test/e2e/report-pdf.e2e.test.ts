/**
 * Issue 15: the HTML review report printed to PDF by headless Chromium shows the section titles
 * in the coverage matrix and the footer a reviewer signs (date, planlint version, each set's name,
 * year and content hash). The report is made by the built CLI for the county report of
 * test/fixtures/alignment against the chain fixture (江苏 2025 → 国家 2025); the PDF is kept under
 * artifacts/e2e/ and its text, read by poppler's pdftotext (poppler-utils, installed by .ci/run),
 * is checked too: what is printed, not only what the page holds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, repoRoot } from './harness/codeServer.js';
import { launchBrowser, type Browser } from './harness/workbench.js';

const cli = join(repoRoot, 'server', 'dist', 'cli.js');
const draft = join(repoRoot, 'test', 'fixtures', 'alignment', 'county-2025-govreport.txt');
const set = join(repoRoot, 'test', 'fixtures', 'alignment', 'chain', 'jiangsu-2025.yaml');
const htmlFile = join(artifactsDir, 'report-county-2025.html');
const pdfFile = join(artifactsDir, 'report-county-2025.pdf');

let browser: Browser;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  // a fixed date makes the footer known; the draft names no level: the report says so
  execFileSync(process.execPath, [cli, 'report', draft, '--requirements', set, '--format', 'html', '--output', htmlFile], {
    env: { ...process.env, PLANLINT_REPORT_DATE: '2026-12-02' },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the HTML report printed to PDF', () => {
  it('prints the matrix headers with section titles and the footer', async () => {
    const page = browser.page;
    await page.goto(`file://${htmlFile}`);
    await page.emulateMedia({ media: 'print' });
    const headers = await page.locator('#matrix thead th.sec').allInnerTexts();
    expect(headers.map((h) => h.replace(/\s+/g, ''))).toEqual([
      '一、扩大有效需求，巩固经济回升向好态势',
      '二、推进科技创新和产业升级',
      '三、扎实推进乡村全面振兴',
      '四、加快绿色低碳发展',
      '五、持续提高人民生活品质',
      '六、统筹发展和安全',
    ]);
    // every header is laid out with its full title (not clipped to the number)
    for (const th of await page.locator('#matrix thead th.sec').all()) expect((await th.boundingBox())!.height).toBeGreaterThan(0);
    const footer = (await page.locator('#footer').innerText()).replace(/\s+/g, ' ');
    expect(footer).toContain('生成日期：2026-12-02');
    expect(footer).toMatch(/planlint \d+\.\d+\.\d+/);
    expect(footer).toMatch(/要求集：jiangsu-2025，2025年江苏省政府工作报告，2025 年，省级，上级 national-2025\.yaml，内容摘要 [0-9a-f]{16}/);
    expect(footer).toMatch(/要求集：national-2025，2025年政府工作报告（国务院），2025 年，国家级，内容摘要 [0-9a-f]{16}/);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(pdfFile, pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error !== undefined)
      throw new Error('missing program: pdftotext (poppler-utils); .ci/run installs it');
    // -raw: text in the order Chromium drew it (a table header wrapped in a narrow column stays
    // in one piece; the page layout would interleave the columns' lines)
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    // every matrix column's title is printed (the text of the matrix lies between its heading and the next)
    const matrix = text.slice(text.indexOf('覆盖矩阵'));
    for (const title of headers.map((h) => h.replace(/\s+/g, ''))) expect(matrix, title).toContain(title);
    // the footer: date, version, each set's name, year, level and content hash, the signature line
    expect(text).toContain('生成日期：2026-12-02');
    expect(text).toMatch(/planlint\d+\.\d+\.\d+/);
    expect(text).toMatch(/要求集：jiangsu-2025，2025年江苏省政府工作报告，2025年，省级，上级national-2025\.yaml，内容摘要[0-9a-f]{16}/);
    expect(text).toMatch(/要求集：national-2025，.*?，2025年，国家级，内容摘要[0-9a-f]{16}/);
    expect(text).toContain('审核人（签字）');
    expect(readFileSync(htmlFile, 'utf8')).toContain('<footer id="footer">');
  });
});
