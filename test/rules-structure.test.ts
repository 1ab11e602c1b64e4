import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { applyEdits } from '../server/src/core/fix.js';
import type { LocatedFinding } from '../server/src/core/model.js';
import { readSeed } from './helpers.js';

const only = (text: string, id: string): LocatedFinding[] => analyze(text).findings.filter((f) => f.ruleId === id);
const numberingErrors = (text: string) => analyze(text).findings.filter((f) => f.ruleId.startsWith('numbering/') && f.severity === 'error');

/** Replaces the n-th (0-based) occurrence of `from` in `text`. */
function alter(text: string, from: string, to: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(from, at + 1);
    if (at < 0) throw new Error(`"${from}" #${nth} not in text`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe('seeds as they are', () => {
  it('000 and 002 report no numbering errors', () => {
    expect(numberingErrors(readSeed('000'))).toEqual([]);
    expect(numberingErrors(readSeed('002'))).toEqual([]);
  });
  it('001 reports every half-width (一) heading, and only those', () => {
    const text = readSeed('001');
    const style = only(text, 'numbering/style');
    const halfWidth = [...text.matchAll(/^\([一二三四五六七]\)/gm)].length;
    expect(halfWidth).toBeGreaterThan(10);
    expect(style).toHaveLength(halfWidth);
    for (const f of style) {
      expect(text.slice(f.start, f.end)).toMatch(/^\([一二三四五六七]\)$/);
      expect(f.range.start.character).toBe(0);
      expect(f.message.zh).toContain('半角括号');
    }
    // all count promises of 001 hold
    expect(only(text, 'numbering/count-word')).toEqual([]);
  });
  it('003 reports its heading that ends in 。', () => {
    const text = readSeed('003');
    const f = only(text, 'heading/punctuation');
    expect(f).toHaveLength(1);
    expect(text.slice(f[0]!.start, f[0]!.end)).toBe('。');
    expect(f[0]!.range.start.line).toBe(40);
  });
});

describe('numbering/sequence', () => {
  it('finds a missing item in the continuous 1.–38. of seed 000, and renumbers from there', () => {
    const text = alter(readSeed('000'), '5.改革完善疾病预防控制体系', '改革完善疾病预防控制体系');
    const f = only(text, 'numbering/sequence');
    expect(f).toHaveLength(1);
    expect(text.slice(f[0]!.start, f[0]!.end)).toBe('6.');
    expect(f[0]!.message.zh).toContain('缺少“5.”');
    const fixed = applyEdits(text, f[0]!.fix!.edits);
    expect(only(fixed, 'numbering/sequence')).toEqual([]);
    expect(fixed).toContain('5.加快健全重大疫情防控救治体系');
    expect(fixed).toContain('37.加强人大代表建议政协委员提案办理');
  });
  it('finds a duplicate level-1 number', () => {
    const text = alter(readSeed('003'), '四、加强医疗卫生行业服务管理', '三、加强医疗卫生行业服务管理');
    const f = only(text, 'numbering/sequence');
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual(['三、']);
    expect(f[0]!.message.zh).toContain('重复');
  });
  it('finds a restart inside a document whose level-3 numbers run on', () => {
    const text = alter(readSeed('003'), '6. 加强基层卫生重点学科建设', '1. 加强基层卫生重点学科建设');
    const f = only(text, 'numbering/sequence');
    expect(f).toHaveLength(1);
    expect(f[0]!.message.zh).toContain('重新开始');
  });
  it('accepts numbering that restarts per section consistently', () => {
    const text = '一、甲\n1.子项。内容。\n2.子项。内容。\n二、乙\n1.子项。内容。\n2.子项。内容。\n';
    expect(only(text, 'numbering/sequence')).toEqual([]);
  });
  it('finds items out of order under one parent', () => {
    const text = '一、甲\n（一）子项\n（三）子项\n（二）子项\n';
    const f = only(text, 'numbering/sequence');
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual(['（三）']);
    expect(applyEdits(text, f[0]!.fix!.edits)).toBe('一、甲\n（一）子项\n（二）子项\n（三）子项\n');
  });
});

describe('numbering/style', () => {
  it('flags 1、 一． （一）、 and full-width digits, with a fix that changes only the token', () => {
    const text = '一．总体要求\n（一）、强化防控\n1、加强监测。内容。\n２．完善机制。内容。\n';
    const f = only(text, 'numbering/style');
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual(['一．', '（一）、', '1、', '２．']);
    const fixed = applyEdits(
      text,
      f.flatMap((x) => x.fix!.edits),
    );
    expect(fixed).toBe('一、总体要求\n（一）强化防控\n1.加强监测。内容。\n2.完善机制。内容。\n');
  });
  it('accepts the canonical forms', () => {
    expect(only('一、总体要求\n（一）强化防控\n1.加强监测。内容。\n（1）细化。\n', 'numbering/style')).toEqual([]);
  });
  it('treats the full-width point after level-3 numbers as a house choice', () => {
    const text = '一、甲\n1．加强监测。内容。\n';
    expect(only(text, 'numbering/style')[0]!.severity).toBe('warning');
    const allow = analyze(text, { profile: { name: 't', rules: { 'numbering/style': { options: { fullwidthPeriod: 'allow' } } } } });
    expect(allow.findings.filter((f) => f.ruleId === 'numbering/style')).toEqual([]);
  });
  it('fixes seed 001 so that every other character survives', () => {
    const text = readSeed('001');
    const f = only(text, 'numbering/style');
    const fixed = applyEdits(
      text,
      f.flatMap((x) => x.fix!.edits),
    );
    expect(fixed.length).toBe(text.length);
    expect(fixed.replace(/（/g, '(').replace(/）/g, ')')).toBe(text.replace(/（/g, '(').replace(/）/g, ')'));
    expect(only(fixed, 'numbering/style')).toEqual([]);
  });
});

describe('numbering/level', () => {
  it('flags （1） without a 1. parent (in a document that uses 1.) and （一） before the first 一、', () => {
    const text = '（一）前言\n一、总体要求\n1.加强监测\n二、保障措施\n（1）细化措施\n';
    const f = only(text, 'numbering/level');
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual(['（一）', '（1）']);
  });
  it('flags a climb back to a higher level inside one branch', () => {
    const text = '一、总体要求\n1.加强监测。内容。\n（一）强化防控\n';
    const f = only(text, 'numbering/level');
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual(['（一）']);
  });
  it('allows level 3 to be skipped: a flat （1）…（n） list in a document without 1.', () => {
    expect(only('一、总体要求\n（一）主要目标\n（1）细化措施\n（2）压实责任\n', 'numbering/level')).toEqual([]);
  });
  it('allows level 2 to be skipped (seed 000, 003)', () => {
    expect(only(readSeed('000'), 'numbering/level')).toEqual([]);
    expect(only(readSeed('003'), 'numbering/level')).toEqual([]);
  });
});

describe('numbering/count-word', () => {
  it('flags 六种能力 with five children (altered seed 001)', () => {
    const seed = readSeed('001');
    const start = seed.lastIndexOf('\n', seed.indexOf('提升基层医疗服务能力。')) + 1;
    const end = seed.indexOf('七、突出“七个重点”');
    const text = seed.slice(0, start) + seed.slice(end);
    const f = only(text, 'numbering/count-word');
    expect(f).toHaveLength(1);
    expect(text.slice(f[0]!.start, f[0]!.end)).toBe('六种能力');
    expect(f[0]!.data).toEqual({ promised: 6, actual: 5 });
  });
  it('flags 8个专项活动 followed by seven 一是…七是 (altered seed 001)', () => {
    const text = alter(readSeed('001'), '突出抓好7个专项活动', '突出抓好8个专项活动');
    const f = only(text, 'numbering/count-word');
    expect(f).toHaveLength(1);
    expect(f[0]!.data).toEqual({ promised: 8, actual: 7 });
  });
});

describe('enumeration/sequence', () => {
  it('flags 一是、三是、三是 in altered seed 002 once, and its fix restores the seed', () => {
    const seed = readSeed('002');
    const gap = alter(seed, '二是在全市 77 个卡点', '三是在全市 77 个卡点');
    const f = only(gap, 'enumeration/sequence');
    expect(f).toHaveLength(1);
    expect(f[0]!.message.zh).toContain('缺少“二是”');
    const fixed = applyEdits(gap, f[0]!.fix!.edits);
    expect(fixed).toBe(seed);
  });
  it('flags a repeated 二要', () => {
    const text = '一、任务\n一要强化防控；二要完善体系；二要深化改革。\n';
    const f = only(text, 'enumeration/sequence');
    expect(f).toHaveLength(1);
    expect(f[0]!.message.zh).toContain('重复');
    expect(applyEdits(text, f[0]!.fix!.edits)).toBe('一、任务\n一要强化防控；二要完善体系；三要深化改革。\n');
  });
  it('flags 一是 … 三是 with 二是 missing', () => {
    const text = '一、任务\n一是加强监测；三是完善机制。\n';
    const f = only(text, 'enumeration/sequence');
    expect(f).toHaveLength(1);
    expect(f[0]!.message.zh).toContain('缺少“二是”');
    expect(applyEdits(text, f[0]!.fix!.edits)).toBe('一、任务\n一是加强监测；二是完善机制。\n');
  });
  it('reports nothing on seeds 001, 002 and 004', () => {
    for (const s of ['001', '002', '004']) expect(only(readSeed(s), 'enumeration/sequence')).toEqual([]);
  });
});

describe('heading/punctuation', () => {
  it('removes only the trailing 。 of seed 003', () => {
    const text = readSeed('003');
    const f = only(text, 'heading/punctuation')[0]!;
    const fixed = applyEdits(text, f.fix!.edits);
    expect(fixed).toBe(text.replace('三、提升基层医疗卫生服务能力。', '三、提升基层医疗卫生服务能力'));
  });
  it('leaves run-in headings alone', () => {
    expect(only('一、甲\n（一）继续推进重点项目建设。一是推进。\n', 'heading/punctuation')).toEqual([]);
  });
});

describe('enumeration markers across a hard wrap', () => {
  it('renumbers a marker that straddles a line break without touching the break', () => {
    const text = '一、任务\n一是加强监测；三是完善机制，四\n是深化改革。\n';
    const f = only(text, 'enumeration/sequence');
    expect(f).toHaveLength(1);
    expect(applyEdits(text, f[0]!.fix!.edits)).toBe('一、任务\n一是加强监测；二是完善机制，三\n是深化改革。\n');
  });
});
