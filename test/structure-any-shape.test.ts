/**
 * Structure from any text shape (issue 14): one-sentence items, fixed formulations, headings run
 * into the text around them, look-alikes of numbering tokens. Texts written for the purpose,
 * reproducing defects seen in real documents (test/corpus).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { applyEdits } from '../server/src/core/fix.js';
import type { LocatedFinding } from '../server/src/core/model.js';

const only = (text: string, id: string): LocatedFinding[] => analyze(text).findings.filter((f) => f.ruleId === id);
const outline = (text: string) => analyze(text).plan.allSections.map((s) => `${s.level}:${s.token.raw}${s.title}`);

describe('heading/punctuation: items that are sentences', () => {
  const countyPlan = [
    '一、主要目标',
    '（一）预约率达到80%，覆盖率达到90%。',
    '（二）家庭医生签约服务重点人群覆盖率保持在75%以上。',
    '二、重点任务',
    '（一）继续创新和完善宏观调控，确保经济运行在合理区间。',
    '深入推进各项工作。',
    '（二）激发市场主体活力，着力优化营商环境。',
    '持续深化改革。',
    '',
  ].join('\n');
  it('a one-sentence item with figures or clauses is a run-in item: no finding', () => {
    expect(only(countyPlan, 'heading/punctuation')).toEqual([]);
  });
  it('a list written entirely as statements is the document form', () => {
    const text = '一、经济运行稳中有进。\n正文。\n二、产业发展提质增效。\n正文。\n三、城乡发展更趋协调。\n正文。\n';
    expect(only(text, 'heading/punctuation')).toEqual([]);
  });
  it('a title with a stray full stop among bare siblings is still found, and only the mark is removed', () => {
    const text = '一、总体要求\n二、提升基层医疗卫生服务能力。\n三、保障措施\n';
    const f = only(text, 'heading/punctuation');
    expect(f.map((x) => [x.range.start.line, x.range.start.character])).toEqual([[1, 14]]);
    expect(applyEdits(text, f[0]!.fix!.edits)).toBe('一、总体要求\n二、提升基层医疗卫生服务能力\n三、保障措施\n');
  });
  it('a level-2 title ending in a comma is found', () => {
    const text = '一、任务\n（一）强化医疗服务质量，\n（二）完善体系\n';
    expect(only(text, 'heading/punctuation').map((x) => [x.range.start.line, x.range.start.character])).toEqual([[1, 11]]);
  });
});

describe('numbering/count-word: formulations are names, a promise governs what follows', () => {
  it('坚决做到“两个维护” with three children is no promise (bundled list)', () => {
    const text = '一、坚决做到“两个维护”\n（一）提高政治站位\n（二）压实工作责任\n（三）严明纪律规矩\n二、协调推进“四个全面”战略布局\n（一）甲\n（二）乙\n';
    expect(only(text, 'numbering/count-word')).toEqual([]);
  });
  it('a misquoted variant (四种意识) is a name as well', () => {
    expect(only('一、增强“四种意识”\n（一）甲\n（二）乙\n', 'numbering/count-word')).toEqual([]);
  });
  it('a count inside a longer predicate is no promise; the title’s object is', () => {
    expect(only('一、以“三个一”为抓手推进基层治理现代化\n（一）甲\n（二）乙\n', 'numbering/count-word')).toEqual([]);
    const f = only('一、提升“六种能力”\n（一）甲\n（二）乙\n', 'numbering/count-word');
    expect(f.map((x) => [x.range.start.line, x.range.start.character, x.data])).toEqual([[0, 5, { promised: 6, actual: 2 }]]);
  });
  it('users add their own formulations as a rule option', () => {
    const text = '一、落实“三个一批”\n（一）甲\n（二）乙\n';
    expect(only(text, 'numbering/count-word')).toHaveLength(1);
    const profile = { name: 'office', rules: { 'numbering/count-word': { options: { formulations: ['三个一批'] } } } };
    expect(analyze(text, { profile }).findings.filter((f) => f.ruleId === 'numbering/count-word')).toEqual([]);
  });
});
