/**
 * Structure recovery on real text shapes (issue 14): short excerpts reproducing what the field
 * corpus (test/corpus/) shows — tokens broken over a line, typed with the wrong mark, articles,
 * decimal sections, attachment lists.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../server/src/core/parse.js';
import type { Plan } from '../server/src/core/model.js';

const outline = (p: Plan) => [...p.allSections].sort((a, b) => a.start - b.start).map((s) => `${s.level} ${s.token.raw}${s.title}`);

describe('a token broken over two lines', () => {
  it('a lone （ at a line end and 三）… on the next line is heading （三） (corpus 15)', () => {
    const text = [
      '一、工作回顾',
      '（一）经济运行顶住压力、稳中有进。',
      '全年地区生产总值增长5%。',
      '（二）产业发展提质增效、转型加快。',
      '规上工业增加值增长8.1%。',
      '（',
      '三）改革开放持续深化、互促共进。',
      '市场准入效能评估形成方案。',
      '（四）城乡发展齐头并进、更趋协调。',
    ].join('\n');
    const p = parsePlan(text);
    expect(outline(p)).toEqual(['1 一、工作回顾', '2 （一）经济运行顶住压力、稳中有进', '2 （二）产业发展提质增效、转型加快', '2 （三）改革开放持续深化、互促共进', '2 （四）城乡发展齐头并进、更趋协调']);
    const three = p.allSections[3]!;
    expect(p.text.slice(three.token.start, three.token.end)).toBe('（\n三）');
  });

  it('a lone bracket in prose that does not continue the numbering stays text', () => {
    const text = ['一、工作回顾', '（一）经济运行稳中有进。', '全年增长5%（', '五）项目。'].join('\n');
    expect(outline(parsePlan(text))).toEqual(['1 一、工作回顾', '2 （一）经济运行稳中有进']);
  });
});
