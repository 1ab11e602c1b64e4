/**
 * Invalid bytes are a located finding, `input/encoding` (warning), in every output format (issue 14),
 * not only a line on stderr; unread .docx content is one `input/unread-content` information finding.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../server/src/cli/docs.js';
import { makeDocx, p } from './docx-build.js';
import { bundleCliForTest } from './helpers.js';

let cli = '';
let dir = '';
beforeAll(async () => {
  cli = await bundleCliForTest('encoding');
  dir = mkdtempSync(join(tmpdir(), 'planlint-enc-'));
  // line 3 (1-based), column 6: the 0xFF after （一）完善
  const good = (s: string) => Buffer.from(s, 'utf8');
  writeFileSync(
    join(dir, 'bad.txt'),
    Buffer.concat([good('2024年卫生健康工作要点\n一、总体要求\n（一）完善'), Buffer.from([0xff]), good('疾病预防控制体系。\n（二）提高免疫规划水平。\n')]),
  );
});
afterAll(() => {
  rmSync(cli, { force: true });
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', PLANLINT_LANG: '' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('input/encoding in every output format', () => {
  it('json: a located warning diagnostic', () => {
    const r = run(['bad.txt', '--format', 'json']);
    const diag = JSON.parse(r.stdout).files[0].diagnostics.filter((d: { code: string }) => d.code === 'input/encoding');
    expect(diag).toHaveLength(1);
    expect(diag[0]).toMatchObject({
      severity: 'warning',
      range: { start: { line: 2, character: 5 }, end: { line: 2, character: 6 } },
    });
    expect(diag[0].message).toContain('第 3 行第 6 列');
  });

  it('sarif: a result at line 3, column 6, and the rule in the driver list', () => {
    const sarif = JSON.parse(run(['bad.txt', '--format', 'sarif']).stdout);
    const res = sarif.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'input/encoding');
    expect(res).toHaveLength(1);
    expect(res[0].level).toBe('warning');
    expect(res[0].locations[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 6 });
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain('input/encoding');
  });

  it('github, codequality and stylish carry it at its place', () => {
    const gh = run(['bad.txt', '--format', 'github'])
      .stdout.split('\n')
      .filter((l) => l.includes('input/encoding'));
    expect(gh).toHaveLength(1);
    expect(gh[0]).toMatch(/^::warning file=bad\.txt,line=3,col=6,/);
    const cq = JSON.parse(run(['bad.txt', '--format', 'codequality']).stdout).filter((x: { check_name: string }) => x.check_name === 'input/encoding');
    expect(cq).toHaveLength(1);
    expect(JSON.stringify(cq[0].location)).toContain('3');
    const st = run(['bad.txt']).stdout;
    expect(st).toMatch(/3:6\s+\S*\s*(警告|warning)[^\n]*input\/encoding/);
  });

  it('docx: invalid bytes in document.xml are a comment in the reviewed copy', async () => {
    const docx = await makeDocx(p('一、总体要求') + p('（一）完善疾病预防控制体系。'));
    const zip = await JSZip.loadAsync(docx);
    const xml = Buffer.from(await zip.file('word/document.xml')!.async('uint8array'));
    const at = xml.indexOf(Buffer.from('疾病', 'utf8'));
    zip.file('word/document.xml', Buffer.concat([xml.subarray(0, at), Buffer.from([0xff]), xml.subarray(at)]));
    writeFileSync(join(dir, 'bad.docx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const json = JSON.parse(run(['bad.docx', '--format', 'json']).stdout);
    const d = json.files[0].diagnostics.find((x: { code: string }) => x.code === 'input/encoding');
    expect(d.range.start).toEqual({ line: 1, character: 5 });
    run(['bad.docx', '--format', 'docx', '--output', 'out.docx']);
    const comments = await (await JSZip.loadAsync(readFileSync(join(dir, 'out.docx')))).file('word/comments.xml')!.async('string');
    expect(comments).toContain('input/encoding');
  });

  it('docx: unread text boxes are one information finding on the first line', async () => {
    const box = `<w:p><w:r><w:pict><w:txbxContent>${p('框中文字')}</w:txbxContent></w:pict></w:r></w:p>`;
    writeFileSync(join(dir, 'box.docx'), await makeDocx(p('一、总体要求') + box + box));
    const diags = JSON.parse(run(['box.docx', '--format', 'json']).stdout).files[0].diagnostics.filter(
      (x: { code: string }) => x.code === 'input/unread-content',
    );
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ severity: 'information', range: { start: { line: 0, character: 0 } } });
  });

  it('the rules are documented (docs/rules.md)', () => {
    expect(rulesMarkdown()).toContain('input/encoding');
    expect(readFileSync(join(__dirname, '..', 'docs', 'rules.md'), 'utf8')).toContain('rule-input-encoding');
  });
});
