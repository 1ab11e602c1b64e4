/** alignment/superior-wording: valid and invalid sentences of a county plan checked against a provincial set. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { resolveRequirementSets } from '../server/src/node/requirements.js';
import { repoRoot } from './helpers.js';

const requirements = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets;

function words(body: string, level = '县'): string[] {
  const text = `---\nlevel: ${level}\nrequirements: [henan-2021]\n---\n2021年卫生健康工作要点\n\n一、推进中医药传承创新发展\n\n${body}`;
  return analyze(text, { requirements })
    .findings.filter((f) => f.ruleId === 'alignment/superior-wording')
    .map((f) => text.slice(f.start, f.end));
}

describe('alignment/superior-wording', () => {
  const invalid = [
    ['全省新建示范中医馆10个。', ['全省']],
    ['持续做好全省中医药人才培养，再培养骨干20名。', ['全省']],
    ['在省委省政府坚强领导下完成各项任务。', []], // 在…领导下: a reference to the superior
    ['省委、省政府高度重视中医药工作，我县…', ['省委、省政府']],
  ] as const;
  const valid = [
    '全县新建示范中医馆2个。',
    '认真贯彻落实省委省政府决策部署。',
    '力争中医药服务能力走在全省前列。',
    '按照全省统一安排，开展中医药文化进校园。',
    '我县中医馆建设位居全省第一方阵。',
    // the superior's own meetings and documents named (seed 002, a city plan, three false alarms before)
    '按照全国、全省卫生健康工作会议要求，扎实推进各项工作。',
    '今年4月份，全省卫生健康大会在郑州召开。',
    '县政府高度重视全省卫生健康大会精神落实，召开专题会议研究部署。',
  ];
  for (const [text, expected] of invalid) it(`reports ${expected.join('、') || 'nothing'} in “${text}”`, () => expect(words(text)).toEqual(expected));
  for (const text of valid) it(`accepts “${text}”`, () => expect(words(text)).toEqual([]));
  it('names both levels in the message’s language (English labels in English, the word quoted)', () => {
    const text = `---\nlevel: 县\nrequirements: [henan-2021]\n---\n2021年卫生健康工作要点\n\n一、推进中医药传承创新发展\n\n全省新建示范中医馆10个。`;
    const [f] = analyze(text, { requirements }).findings.filter((x) => x.ruleId === 'alignment/superior-wording');
    expect(f!.message.zh).toContain('县级草案沿用了上级（省级）用语“全省”');
    expect(f!.message.en).toContain('a draft of county level keeps the superior\'s (provincial level) wording "全省"');
    expect(f!.message.en.replace(/"[^"]*"/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });
  it('does not run on a draft of the set’s own level, or of unknown level', () => {
    expect(words('全省新建示范中医馆10个。', '省')).toEqual([]);
    const text = '---\nrequirements: [henan-2021]\n---\n中医药工作安排\n\n一、推进中医药发展\n\n全省新建示范中医馆10个。';
    expect(analyze(text, { requirements }).findings.filter((f) => f.ruleId === 'alignment/superior-wording')).toEqual([]);
  });
});
