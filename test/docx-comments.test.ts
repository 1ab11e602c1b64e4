/**
 * Issue 17: `planlint check draft.docx --format docx --output reviewed.docx` writes a copy with
 * every finding as a Word comment anchored on its text. The copy is re-read here as Word reads it:
 * comments.xml (author, message, rule id), the content-type override and the relationship, and in
 * document.xml the text between each commentRangeStart and commentRangeEnd, which must be exactly
 * the text the finding is about. The original must be byte-identical afterwards.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCliForTest, repoRoot } from './helpers.js';

let cli: string;
const dir = mkdtempSync(join(tmpdir(), 'planlint-docx-'));
beforeAll(async () => {
  cli = await bundleCliForTest('docx');
}, 60000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cli, { force: true });
});

const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });

interface ReadComment {
  id: string;
  author: string;
  text: string;
  anchored: string;
}

/** What a word processor shows: each comment's text and the document text it is anchored on. */
async function readComments(file: string): Promise<{ comments: ReadComment[]; zip: JSZip; documentText: string }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parse = (s: string) => new DOMParser().parseFromString(s, 'text/xml');
  const cdoc = parse(await zip.file('word/comments.xml')!.async('string'));
  const doc = parse(await zip.file('word/document.xml')!.async('string'));
  const anchored = new Map<string, string>();
  const open = new Set<string>();
  let documentText = '';
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      const id = el.getAttribute('w:id') ?? '';
      if (el.nodeName === 'w:commentRangeStart') {
        open.add(id);
        anchored.set(id, '');
      } else if (el.nodeName === 'w:commentRangeEnd') open.delete(id);
      else if (el.nodeName === 'w:t') {
        const t = el.textContent ?? '';
        documentText += t;
        for (const o of open) anchored.set(o, anchored.get(o)! + t);
      } else walk(el);
      if (el.nodeName === 'w:p') {
        documentText += '\n';
        for (const o of open) anchored.set(o, anchored.get(o)! + '\n');
      }
    }
  };
  walk(doc.documentElement!);
  const comments = Array.from(cdoc.getElementsByTagName('w:comment')).map((c) => ({
    id: c.getAttribute('w:id')!,
    author: c.getAttribute('w:author')!,
    text: Array.from(c.getElementsByTagName('w:p'))
      .map((p) => p.textContent)
      .join('\n'),
    anchored: anchored.get(c.getAttribute('w:id')!) ?? '<not anchored>',
  }));
  return { comments, zip, documentText };
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx as Word writes one: formatted runs that split words, a tab, an existing comment. */
async function wordLikeDocx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`,
  );
  zip.file(
    'word/comments.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${W}><w:comment w:id="5" w:author="张科长" w:initials="ZK"><w:p><w:r><w:t>请核实</w:t></w:r></w:p></w:comment></w:comments>`,
  );
  const bold = '<w:rPr><w:b/><w:rFonts w:eastAsia="黑体"/></w:rPr>';
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>` +
      `<w:p><w:r><w:t>2021年全县卫生健康工作要点</w:t></w:r></w:p>` +
      `<w:p><w:r>${bold}<w:t>一、加强公共</w:t></w:r><w:r>${bold}<w:t>卫生体系建设</w:t></w:r></w:p>` +
      // the heading's numbering "(一)" is split across two runs, and the full stop sits inside a longer run
      `<w:p><w:r><w:t>(</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>一)完善疾病预防</w:t></w:r><w:r><w:t>控制体系。</w:t></w:r></w:p>` +
      `<w:p><w:commentRangeStart w:id="5"/><w:r><w:t>（二）提高免疫规划水平。</w:t></w:r><w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r><w:r><w:t>适龄儿童免疫规划疫苗接种率保持在90%以上。</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t>二、提升医疗服务能力</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t>（一）推进县域医共体建设。</w:t></w:r></w:p>` +
      `</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('--format docx (Word comments)', () => {
  it('anchors each finding of the fixture on its text, leaving the original untouched', async () => {
    copyFileSync(join(repoRoot, 'test/fixtures/docx/plan.docx'), join(dir, 'plan.docx'));
    const before = readFileSync(join(dir, 'plan.docx'));
    const json = JSON.parse(run(['plan.docx', '--format', 'json']).stdout);
    const r = run(['check', 'plan.docx', '--format', 'docx', '--output', 'reviewed.docx']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0); // warnings only
    expect(readFileSync(join(dir, 'plan.docx')).equals(before)).toBe(true);
    const { comments, zip, documentText } = await readComments(join(dir, 'reviewed.docx'));
    // one comment per finding, by planlint, with the message and the rule id
    expect(comments).toHaveLength(json.files[0].diagnostics.length);
    const byRule = comments.map((c) => [c.author, c.text.split('\n')[1], c.anchored]).sort();
    // the fixture: "(一)完善疾病预防控制体系。" and "（一）推进县域医共体建设。" (test/fixtures/docx/README.md)
    expect(byRule).toEqual([
      ['planlint', 'planlint: heading/punctuation（GB/T 15834-2011）', '。'],
      ['planlint', 'planlint: heading/punctuation（GB/T 15834-2011）', '。'],
      ['planlint', 'planlint: numbering/style（GB/T 9704-2012 §7.3.3; GB/T 15834-2011）', '(一)'],
    ]);
    for (const c of comments) expect(json.files[0].diagnostics.map((d: { message: string }) => d.message)).toContain(c.text.split('\n')[0]);
    // the text itself is unchanged (markers hold no text)
    expect(documentText).toContain('(一)完善疾病预防控制体系。\n');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain(
      'PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"',
    );
    expect(await zip.file('word/_rels/document.xml.rels')!.async('string')).toMatch(
      /Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/comments" Target="comments\.xml"/,
    );
    // planlint reads the reviewed copy exactly as the original
    const again = JSON.parse(run(['reviewed.docx', '--format', 'json']).stdout);
    expect(again.files[0].diagnostics.map((d: { code: string; range: unknown }) => [d.code, d.range])).toEqual(
      json.files[0].diagnostics.map((d: { code: string; range: unknown }) => [d.code, d.range]),
    );
  });

  it('splits formatted runs at the finding offsets, keeps their formatting and existing comments', async () => {
    writeFileSync(join(dir, 'word.docx'), await wordLikeDocx());
    const r = run(['word.docx', '--format', 'docx', '--output', 'word-reviewed.docx']);
    expect(r.stderr).toBe('');
    const { comments, zip } = await readComments(join(dir, 'word-reviewed.docx'));
    const mine = comments.filter((c) => c.author === 'planlint');
    expect(comments.find((c) => c.id === '5')).toMatchObject({
      author: '张科长',
      text: '请核实',
      anchored: '（二）提高免疫规划水平。',
    });
    // new ids do not collide with the existing one
    expect(new Set(comments.map((c) => c.id)).size).toBe(comments.length);
    expect(mine.map((c) => c.anchored).sort()).toEqual(['(一)', '。', '。']);
    const xml = await zip.file('word/document.xml')!.async('string');
    // "(" and "一)" stay in their own runs; the italic run is split after "一)" and keeps <w:i/>
    expect(xml).toContain('<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">一)</w:t></w:r>');
    expect(xml).toContain('<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">完善疾病预防</w:t></w:r>');
    // the relationship and the override are not duplicated
    expect((await zip.file('word/_rels/document.xml.rels')!.async('string')).match(/relationships\/comments/g)).toHaveLength(1);
    expect((await zip.file('[Content_Types].xml')!.async('string')).match(/comments\+xml/g)).toHaveLength(1);
  });

  it('refuses to overwrite the original and needs --output', () => {
    copyFileSync(join(repoRoot, 'test/fixtures/docx/plan.docx'), join(dir, 'same.docx'));
    const same = run(['same.docx', '--format', 'docx', '--output', 'same.docx']);
    expect(same.status).toBe(2);
    expect(same.stderr).toContain('--output 不能是原文件');
    const none = run(['same.docx', '--format', 'docx']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('--output');
  });
});

describe('addDocxComments', () => {
  it('anchors a finding whose line matches no paragraph on the first paragraph, saying which line', async () => {
    const { addDocxComments } = await import('../server/src/cli/format/docx.js');
    const original = readFileSync(join(repoRoot, 'test/fixtures/docx/plan.docx'));
    // the analysed text claims a 10th line the document does not have
    const lines = ['2021年全县卫生健康工作要点', ...Array.from({ length: 9 }, (_, i) => `第${i + 2}行不在文档中`)];
    const out = await addDocxComments(original, lines, [{ start: { line: 9, character: 0 }, end: { line: 9, character: 3 }, text: ['消息', 'planlint: x/y'] }]);
    writeFileSync(join(dir, 'fallback.docx'), out);
    const { comments } = await readComments(join(dir, 'fallback.docx'));
    expect(comments).toEqual([
      {
        id: '0',
        author: 'planlint',
        text: '（第 10 段 / paragraph 10）消息\nplanlint: x/y',
        anchored: '2021年全县卫生健康工作要点',
      },
    ]);
  });

  it('anchors findings on auto-numbered paragraphs (label excluded) and on table cells, by the line map of the reader', async () => {
    const { addDocxComments } = await import('../server/src/cli/format/docx.js');
    const { decodeFile } = await import('../server/src/node/decode.js');
    const { makeDocx, p, table } = await import('./docx-build.js');
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    const original = await makeDocx(
      p('加强公共卫生体系建设', { num: [1, 0] }) +
        table([
          ['指标', '目标'],
          ['接种率', '达到90%以上'],
        ]),
      { numbering },
    );
    const decoded = await decodeFile('n.docx', original);
    expect(decoded.text).toBe('一、加强公共卫生体系建设\n指标\t目标\n接种率\t达到90%以上\n');
    const out = await addDocxComments(
      original,
      decoded.text.split('\n'),
      [
        // 公共卫生 (columns 4–8 of line 0, after the label 一、)
        { start: { line: 0, character: 4 }, end: { line: 0, character: 8 }, text: ['甲'] },
        // 90% in the second cell of the second row (column 4 + 2)
        { start: { line: 2, character: 6 }, end: { line: 2, character: 9 }, text: ['乙'] },
      ],
      new Date(0),
      decoded.docx,
    );
    writeFileSync(join(dir, 'mapped.docx'), out);
    const { comments } = await readComments(join(dir, 'mapped.docx'));
    expect(comments.map((c) => [c.text, c.anchored]).sort()).toEqual([
      ['乙', '90%'],
      ['甲', '公共卫生'],
    ]);
  });
});
