/**
 * alignment/copied-text: a county plan whose paragraph restates Jiangsu's 2025 report (test/corpus/10,
 * line 61) nearly word for word is pointed out with the share copied; its own wording is not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { copiedText } from '../server/src/core/align/copied.js';
import { parsePlan } from '../server/src/core/parse.js';
import { extractRequirementSet } from '../server/src/core/requirements/extract.js';
import { resolveRequirementSets } from '../server/src/node/requirements.js';
import { readSeed, repoRoot } from './helpers.js';

const jiangsu = extractRequirementSet(parsePlan(readFileSync(join(repoRoot, 'test/corpus/10-jiangsu-2025-govreport.txt'), 'utf8')), { name: 'jiangsu-2025' });
const county = readFileSync(join(repoRoot, 'test/fixtures/alignment/county-2025-govreport.txt'), 'utf8');

function copied(text: string) {
  return analyze(text, { requirements: [jiangsu] }).findings.filter((f) => f.ruleId === 'alignment/copied-text');
}

describe('alignment/copied-text', () => {
  it('the county plan as written copies nothing', () => {
    expect(copied(county)).toEqual([]);
    expect(copiedText(parsePlan(county), [jiangsu]).share).toBeLessThan(0.05);
  });

  it('points out a paragraph restating the province’s wording, one word changed, with the shares', () => {
    // Jiangsu line 61, with 煤电机组 changed to 燃煤机组 and 全省 left out
    const para = '持续深入打好蓝天、碧水、净土保卫战。完成燃煤机组深度脱硝改造，推进挥发性有机物和臭氧协同治理，开展垃圾焚烧发电、铸造等行业深度治理。';
    const text = county.replace('持续深入打好蓝天、碧水、净土保卫战，城市生活污水集中收集率达到75%。', para);
    const f = copied(text);
    expect(f).toHaveLength(1);
    // the paragraph (its last sentence, on 节能降碳 and 光伏, is the county's own)
    expect(text.slice(f[0]!.start, f[0]!.end).startsWith(para)).toBe(true);
    expect(f[0]!.severity).toBe('information');
    expect(f[0]!.message.zh).toMatch(/^本段58%的文字与上级文件（2025年江苏省政府工作报告）原文基本相同/);
    expect(f[0]!.message.zh).toMatch(/全文照抄上级的比例为\d+%/);
    const share = copiedText(parsePlan(text), [jiangsu]).share;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.2);
  });

  it('a sentence that shares the province’s topic but not its wording is not copied', () => {
    const text = county.replace(
      '持续深入打好蓝天、碧水、净土保卫战，城市生活污水集中收集率达到75%。',
      '今年完成县热电厂两台机组脱硝改造，关停城东铸造园区三家散乱污企业，城市生活污水集中收集率达到75%。',
    );
    expect(copied(text)).toEqual([]);
  });

  it('seed 000 against henan-2021: the district rewrote its superior (no paragraph copied)', () => {
    const henan = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets;
    const r = copiedText(parsePlan(readSeed('000')), henan);
    expect(r.paragraphs).toEqual([]);
    // a few sentences restate the province's (外防输入、内防反弹 …), about 5% of the text
    expect(r.share).toBeLessThan(0.1);
  });

  it('seed 004, the provincial document henan-2021 was made from, is not "copied" from its own level', () => {
    const henan = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets;
    // the paragraphs are the set's own wording (copiedText finds them), but the draft is no lower level
    expect(copiedText(parsePlan(readSeed('004')), henan).paragraphs.length).toBeGreaterThan(5);
    expect(analyze(readSeed('004'), { requirements: henan }).findings.filter((f) => f.ruleId === 'alignment/copied-text')).toEqual([]);
  });
});
