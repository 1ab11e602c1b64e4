/**
 * .docx input (issue 14): tables and Word's automatic numbering are part of the analysed text.
 * The documents are built here with JSZip: the smallest package Word opens (content types,
 * package relationship, document.xml, optional numbering.xml and styles.xml).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { decodeFile } from '../server/src/node/decode.js';
import { formatNumber } from '../server/src/node/docx.js';
import { resolveRequirementSets } from '../server/src/node/requirements.js';
import { readSeed, repoRoot } from './helpers.js';
import { makeDocx, p, table } from './docx-build.js';

function lvl(ilvl: number, format: string, text: string, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
}

/** the Chinese three-level outline Word users set up: 一、 / （一） / 1. */
const chineseOutline =
  `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum>` +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';

describe('.docx automatic numbering', () => {
  it('formats counters as Word displays them', () => {
    expect([1, 2, 10, 11, 20, 21, 105].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '二', '十', '十一', '二十', '二十一', '一百零五']);
    expect([1, 3, 10].map((n) => formatNumber(n, 'ideographTraditional'))).toEqual(['甲', '丙', '癸']);
    expect([1, 12].map((n) => formatNumber(n, 'chineseLegalSimplified'))).toEqual(['壹', '壹拾贰']);
    expect([1, 3].map((n) => formatNumber(n, 'decimalEnclosedCircle'))).toEqual(['①', '③']);
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(28, 'lowerLetter')).toBe('bb');
  });

  it('prepends the label each paragraph displays, with restarts of deeper levels', async () => {
    const body = [
      p('2024年卫生健康工作要点'),
      p('加强公共卫生体系建设', { num: [1, 0] }),
      p('完善疾病预防控制体系。', { num: [1, 1] }),
      p('提高免疫规划水平。', { num: [1, 1] }),
      p('适龄儿童免疫规划疫苗接种率保持在90%以上。', { num: [1, 2] }),
      p('提升医疗服务能力', { num: [1, 0] }),
      p('推进县域医共体建设。', { num: [1, 1] }),
    ].join('');
    const r = await decodeFile('plan.docx', await makeDocx(body, { numbering: chineseOutline }));
    expect(r.text.split('\n').filter(Boolean)).toEqual([
      '2024年卫生健康工作要点',
      '一、加强公共卫生体系建设',
      '（一）完善疾病预防控制体系。',
      '（二）提高免疫规划水平。',
      '1.适龄儿童免疫规划疫苗接种率保持在90%以上。',
      '二、提升医疗服务能力',
      '（一）推进县域医共体建设。',
    ]);
    expect(r.docx!.map((l) => l.label)).toEqual([0, 2, 3, 3, 2, 2, 3]);
    // auto-numbered items are in the outline
    const { plan } = analyze(r.text);
    expect(plan.sections.map((s) => [s.number, s.children.map((c) => c.number)])).toEqual([
      ['一', ['一', '二']],
      ['二', ['一']],
    ]);
  });

  it('numbering from the paragraph style (w:basedOn), instances sharing an abstract list continue, a start override restarts', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>';
    const numbering =
      chineseOutline +
      '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>';
    const body = [
      p('甲', { style: 'H1' }),
      p('乙', { style: 'H1b' }),
      p('丙', { num: [2, 0] }),
      p('附件一', { num: [3, 0] }),
      p('附件二', { num: [3, 0] }),
    ].join('');
    const r = await decodeFile('plan.docx', await makeDocx(body, { numbering, styles }));
    expect(r.text.split('\n')).toEqual(['一、甲', '二、乙', '三、丙', '一、附件一', '二、附件二', '']);
  });

  it('keeps the plain-text reading of a .docx without numbering (fixture)', async () => {
    const file = join(repoRoot, 'test/fixtures/docx/plan.docx');
    const r = await decodeFile(file, readFileSync(file));
    expect(r.docx!.length).toBe(r.text.split('\n').length - 1);
  });
});

describe('.docx tables', () => {
  const henan = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets[0]!;
  const seed = readSeed('000');
  const sentence = '实施扩大国家免疫规\n\n划工作，适龄儿童免疫规划疫苗接种率达到 90%以上。';

  it('reads each row as one line, cells in reading order separated by a tab', async () => {
    const body =
      p('主要指标') +
      table([
        ['指标', '2024年目标'],
        ['孕产妇死亡率', '10/10万以下'],
        ['多段\n单元格', '①'],
      ]) +
      p('后文。');
    const r = await decodeFile('t.docx', await makeDocx(body));
    expect(r.text).toBe('主要指标\n指标\t2024年目标\n孕产妇死亡率\t10/10万以下\n多段 单元格\t①\n后文。\n');
    expect(r.docx!.map((l) => [l.paragraph, l.table?.row])).toEqual([
      [0, undefined],
      [1, 0],
      [3, 1],
      [5, 2],
      [8, undefined],
    ]);
  });

  it('a target stated in a table is found and aligned, not reported missing', async () => {
    expect(seed).toContain(sentence);
    const lines = seed
      .replace(sentence, '实施扩大国家免疫规划工作。')
      .split('\n')
      .filter((l) => l.trim());
    const at = lines.findIndex((l) => l.includes('实施扩大国家免疫规划工作。'));
    const body =
      lines
        .slice(0, at + 1)
        .map((l) => p(l))
        .join('') +
      table([
        ['指标名称', '目标值'],
        ['适龄儿童免疫规划疫苗接种率', '达到90%以上'],
      ]) +
      lines
        .slice(at + 1)
        .map((l) => p(l))
        .join('');
    const r = await decodeFile('plan.docx', await makeDocx(body));
    const a = analyze(r.text, { requirements: [henan] });
    const ind = a.plan.indicators.find((i) => i.name === '适龄儿童免疫规划疫苗接种率');
    expect(ind?.value).toBe(90);
    expect(a.findings.filter((f) => /^alignment\/(missing|weaker)-target$/.test(f.ruleId))).toEqual([]);
    // the indicator's range is inside the table row's line
    const row = r.text.split('\n').findIndex((l) => l.startsWith('适龄儿童'));
    expect(a.plan.index.positionAt(ind!.start).line).toBe(row);
  });
});

describe('.docx content that is not read', () => {
  it('text boxes and embedded objects are reported once, as one warning of kind docx-unread', async () => {
    const textbox = `<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${p('框中文字')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`;
    const object = '<w:p><w:r><w:object/></w:r></w:p>';
    const r = await decodeFile('x.docx', await makeDocx(p('正文。') + textbox + textbox + object));
    expect(r.text).not.toContain('框中文字');
    const unread = r.warnings.filter((w) => w.kind === 'docx-unread');
    expect(unread).toHaveLength(1);
    expect(unread[0]!.message.zh).toContain('2 个文本框');
    expect(unread[0]!.message.zh).toContain('1 个嵌入对象');
  });
});
