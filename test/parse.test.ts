import { describe, expect, it } from 'vitest';
import { parsePlan } from '../server/src/core/parse.js';
import type { Plan, Section } from '../server/src/core/model.js';
import { readSeed } from './helpers.js';

const level = (p: Plan, l: number) => p.allSections.filter((s) => s.level === l);
const nums = (ss: Section[]) => ss.map((s) => s.token.value);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('seed structure', () => {
  it('000: ten level-1 sections, items 1.–38. numbered continuously', () => {
    const p = parsePlan(readSeed('000'));
    expect(p.sections.map((s) => s.number)).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    expect(nums(level(p, 3))).toEqual(range(38));
    expect(level(p, 2)).toHaveLength(0);
    expect(p.level3Continuous).toBe(true);
    // every item hangs under a level-1 section (level 2 skipped)
    expect(level(p, 3).every((s) => p.allSections[s.parentId!]!.level === 1)).toBe(true);
    // the page-break line " 3.提升应对能力。" (leading space) is still item 3
    const item3 = level(p, 3)[2]!;
    expect(item3.title).toBe('提升应对能力');
    expect(p.text.slice(item3.token.start, item3.token.end)).toBe('3.');
    expect(p.text[item3.token.start - 1]).toBe(' ');
  });

  it('001: seven level-1 and 27 level-2 sections, half- and full-width brackets alike', () => {
    const p = parsePlan(readSeed('001'));
    expect(level(p, 1)).toHaveLength(7);
    expect(level(p, 2)).toHaveLength(27);
    const childCounts = p.sections.map((s) => s.children.length);
    expect(childCounts).toEqual([0, 2, 3, 4, 5, 6, 7]);
    expect(level(p, 2).filter((s) => s.token.bracket === 'half').length).toBeGreaterThan(0);
    expect(level(p, 2).filter((s) => s.token.bracket === 'full').length).toBeGreaterThan(0);
    // the inline 一是…七是 of （六）突出抓好7个专项活动
    const six = p.sections[6]!.children[5]!;
    expect(six.title).toBe('突出抓好7个专项活动、行动');
    const e = p.enumerations.filter((x) => x.sectionId === six.id);
    expect(e).toHaveLength(1);
    expect(e[0]!.items.map((i) => i.number)).toEqual(range(7));
  });

  it('002: two level-1 and 16 level-2 sections; "47.3%，高出…" is no heading', () => {
    const text = readSeed('002');
    const p = parsePlan(text);
    expect(level(p, 1)).toHaveLength(2);
    expect(level(p, 2)).toHaveLength(16);
    expect(p.sections.map((s) => s.children.length)).toEqual([9, 7]);
    expect(level(p, 3)).toHaveLength(0);
    // the wrapped line starting with a percentage joins the paragraph it continues
    const at = text.indexOf('47.3%，高出省定目标');
    const block = p.blocks.find((b) => b.start <= at && at < b.end)!;
    expect(block.start).toBeLessThan(at);
    expect(block.text).toContain('综合医疗单位的47.3%，高出省定目标');
    // paragraphs opened by 一是/二是 are enumerations of their section
    const first = p.sections[0]!.children[0]!;
    const enums = p.enumerations.filter((e) => e.sectionId === first.id);
    expect(enums.map((e) => e.items.length)).toEqual([9, 5]);
  });

  it('003: five level-1 sections, items 1.–20. continuous, one heading ending in 。', () => {
    const p = parsePlan(readSeed('003'));
    expect(level(p, 1)).toHaveLength(5);
    expect(nums(level(p, 3))).toEqual(range(20));
    const three = p.sections[2]!;
    expect(three.title).toBe('提升基层医疗卫生服务能力');
    expect(three.runIn).toBe(false);
    expect(p.text.slice(three.heading.start, three.heading.end)).toBe('三、提升基层医疗卫生服务能力。');
  });

  it('004: no false headings from figure lines; 一要…十要 is one enumeration', () => {
    const p = parsePlan(readSeed('004'));
    expect(p.allSections).toHaveLength(0);
    const yao = p.enumerations.filter((e) => e.kind === '要');
    expect(yao).toHaveLength(1);
    expect(yao[0]!.items.map((i) => i.number)).toEqual(range(10));
    expect(yao[0]!.items.map((i) => p.text.slice(i.start, i.end))).toEqual(['一要', '二要', '三要', '四要', '五要', '六要', '七要', '八要', '九要', '十要']);
  });
});

describe('PDF and copy-paste traps', () => {
  it('joins hard-wrapped lines, keeping exact offsets of every segment', () => {
    const text = '一、加强监测\n\n1.完善机制。坚持“外防输入、内防反弹”策略，进\n\n一步研究新情况、解决新问题。\n';
    const p = parsePlan(text);
    const item = p.allSections[1]!;
    expect(item.block.text).toBe('1.完善机制。坚持“外防输入、内防反弹”策略，进一步研究新情况、解决新问题。');
    for (const seg of item.block.segments) {
      expect(text.slice(seg.docStart, seg.docStart + seg.length)).toBe(item.block.text.slice(seg.textStart, seg.textStart + seg.length));
    }
  });

  it('does not take numbers that start a wrapped sentence for headings', () => {
    const text = [
      '一、总体情况',
      '全市适龄儿童免疫规划疫苗接种率达到',
      '98.3%，较上年提高',
      '2.3 个百分点，其中第',
      '3、4 季度完成接种',
      '12 万人次。',
      '二、主要任务',
    ].join('\n');
    const p = parsePlan(text);
    expect(p.allSections.map((s) => s.token.raw)).toEqual(['一、', '二、']);
    expect(p.sections[0]!.body).toHaveLength(1);
  });

  it('reads ASCII brackets and commas after copy-paste as the same levels', () => {
    const p = parsePlan('一、总体要求\n(一)强化防控。内容。\n(二)、完善体系\n1、加强监测。内容。\n(1)细化措施\n');
    expect(p.allSections.map((s) => [s.level, s.token.value])).toEqual([
      [1, 1],
      [2, 1],
      [2, 2],
      [3, 1],
      [4, 1],
    ]);
    expect(p.allSections[2]!.token.punct).toBe('、');
    expect(p.allSections[3]!.token.punct).toBe('、');
  });

  it('lets Markdown # markers precede a numbered heading without changing its level', () => {
    const p = parsePlan('# 2021年工作要点\n\n## 一、总体要求\n\n### （一）强化防控\n\n正文。\n');
    expect(p.allSections.map((s) => s.level)).toEqual([1, 2]);
    expect(p.blocks[0]!.kind).toBe('title');
  });

  it('keeps front matter out of the text and ranges on CRLF documents', () => {
    const text = '---\r\ntitle: 测试\r\nyear: 2021\r\n---\r\n一、总体要求\r\n（一）强化防控\r\n';
    const p = parsePlan(text);
    expect(p.frontMatter?.data).toEqual({ title: '测试', year: 2021 });
    expect(p.allSections).toHaveLength(2);
    const s = p.allSections[1]!;
    expect(p.index.rangeOf(s.token)).toEqual({ start: { line: 5, character: 0 }, end: { line: 5, character: 3 } });
  });

  it('locates malformed front matter YAML instead of throwing', () => {
    const p = parsePlan('---\ntitle: [unclosed\n---\n一、总体要求\n');
    expect(p.frontMatter?.errors.length).toBeGreaterThan(0);
    expect(p.allSections).toHaveLength(1);
  });
});

describe('run-in headings', () => {
  it('ends a run-in title at 。 or at an early ：', () => {
    const p = parsePlan('一、总体要求\n（一）总体目标：到2025年，基本建成优质高效的医疗卫生服务体系。\n（二）加强监测。完善体系。\n');
    expect(p.allSections.map((s) => [s.title, s.runIn])).toEqual([
      ['总体要求', false],
      ['总体目标', true],
      ['加强监测', true],
    ]);
  });
});

describe('numbers that are lists, not headings', () => {
  it('reads 一、二季度 and 3、4月 as text but 1、2022年底前… as a heading', () => {
    const p = parsePlan('一、总体要求\n\n全年任务如下。\n\n一、二季度完成调研。\n\n3、4月开展培训。\n\n1、2022年底前完成建设。\n');
    expect(p.allSections.map((s) => s.token.raw)).toEqual(['一、', '1、']);
  });
});

describe('suppression markers', () => {
  it('keeps a trailing <!-- … --> out of a heading title and out of paragraph text', () => {
    const p = parsePlan('一、总体要求 <!-- planlint-disable-line heading/punctuation -->\n\n正文内容。<!-- note -->\n');
    expect(p.allSections[0]!.title).toBe('总体要求');
    expect(p.blocks[1]!.text).toBe('正文内容。');
  });
});
