/**
 * Patterns from requirement sets cannot hang the process (issue 7). The only user-controlled
 * pattern is a theme keyword's `*` wildcard (2–3 Han characters), compiled by core/align's
 * keywordPattern. Many wildcards in a row (`******…`) or wildcards between Han literals used to
 * compile to a chain of bounded gaps that backtracks exponentially on a run of Han text that almost
 * matches (32 stars: 14 s per position). Consecutive wildcards now form one gap, the number of
 * gaps is capped, and the loader reports a keyword over the cap, located at the keyword.
 * (No test asserts a time: a hang shows as the test timeout.)
 */
import { describe, expect, it } from 'vitest';
import { keywordPattern, MAX_KEYWORD_WILDCARDS } from '../server/src/core/align/keywords.js';
import { alignPlan } from '../server/src/core/align/index.js';
import { analyze } from '../server/src/core/analyze.js';
import { parsePlan } from '../server/src/core/parse.js';
import { parseRequirementSet } from '../server/src/node/requirements.js';
import { LineIndex } from '../server/src/core/text.js';

const HAN = '加强推进全面深化改革卫生健康服务体系建设疫情防控达到以上以下率';
const hanRun = (n: number) => Array.from({ length: n }, (_, i) => HAN[i % HAN.length]).join('');

describe('keyword wildcards', () => {
  it('keep their meaning: * is 2–3 Han characters, ** is 4–6', () => {
    const one = keywordPattern('卫生*体系');
    expect(one.test('卫生健康体系')).toBe(true); // 2
    expect(one.test('卫生健康类体系')).toBe(true); // 3
    expect(one.test('卫生健康服务体系')).toBe(false); // 4
    expect(one.test('卫生康体系')).toBe(false); // 1
    const two = keywordPattern('卫生**体系');
    expect(two.test('卫生健康服务体系')).toBe(true); // 4
    expect(two.test('卫生健康服务改革体系')).toBe(true); // 6
    expect(two.test('卫生健康服体系')).toBe(false); // 3
    expect(two.test('卫生健康服务改革建体系')).toBe(false); // 7
  });

  it('a keyword of 40 stars against almost-matching Han runs finishes (one merged gap)', () => {
    const re = keywordPattern('*'.repeat(40));
    const text = (hanRun(79) + '，').repeat(20);
    expect(re.test(text)).toBe(false);
    expect(re.test(hanRun(80))).toBe(true);
  });

  it('wildcards between Han literals are capped, so backtracking stays bounded', () => {
    const keyword = Array(30).fill('一').join('*');
    const re = keywordPattern(keyword);
    const gaps = re.source.split('[\\u4e00-\\u9fff]').length - 1;
    expect(gaps).toBeLessThanOrEqual(MAX_KEYWORD_WILDCARDS);
    re.test('一'.repeat(87) + '，'.repeat(100) + '一'.repeat(87));
  });

  it('alignment with a hostile set completes, and the loader locates the keyword', () => {
    const yaml = [
      'title: 上级要点',
      'themes:',
      '  - id: t1',
      '    title: 疫情防控',
      '    keywords:',
      '      - 疫情防控',
      `      - "${'*'.repeat(40)}"`,
      `      - "${Array(30).fill('一').join('*')}"`,
      '',
    ].join('\n');
    const r = parseRequirementSet(yaml, { file: 'hostile.yaml', name: 'hostile' });
    expect(r.set).toBeDefined();
    const over = r.problems.filter((p) => p.message.en.includes('wildcard'));
    expect(over).toHaveLength(1);
    expect(over[0]!.severity).toBe('warning');
    const idx = new LineIndex(yaml);
    expect(yaml.slice(idx.offsetAt(over[0]!.range.start)).startsWith(`"${'一*一'}`)).toBe(true);
    const text = '一、' + hanRun(30) + '\n' + (hanRun(79) + '，\n').repeat(30) + '二、' + '一'.repeat(60) + '。\n';
    const plan = parsePlan(text);
    expect(alignPlan(plan, [r.set!]).themes).toHaveLength(1);
    expect(analyze(text, { requirements: [r.set!] }).findings.length).toBeGreaterThanOrEqual(0);
  });
});
