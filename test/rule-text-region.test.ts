import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { rule } from '../server/src/core/rules/text-region.js';
import { readSeed } from './helpers.js';
import { table } from './proofreading-helpers.js';

const KAIFENG = '开封市卫生健康委员会\n2021年全市卫生健康工作要点\n一、深化改革\n';

describe('text/region', () => {
  table(
    rule,
    [
      {
        text: '组织医务人员赴湖北省张家界市开展业务培训。',
        findings: [{ line: 1, column: 8, excerpt: '湖北省张家界市' }],
      },
      { text: '开封市濉溪县', findings: [{ line: 1, column: 1, excerpt: '开封市濉溪县' }] },
      { text: KAIFENG + '全面推进濉溪县医共体建设。', findings: [{ line: 4, column: 5, excerpt: '濉溪县' }] },
      {
        text: '---\nissuer: 兰考县卫生健康委员会\n---\n一、深化改革\n推进濉溪县人民医院建设。',
        findings: [{ line: 5, column: 3, excerpt: '濉溪县' }],
      },
      {
        text: '---\nregion: 福建省龙岩市\n---\n一、整治隐患\n由赣州市城管局负责拆除，漳平市配合。',
        findings: [{ line: 5, column: 2, excerpt: '赣州市' }],
      },
    ],
    [
      { text: '组织医务人员赴湖南省张家界市开展业务培训。' },
      { text: KAIFENG + '与安徽省濉溪县开展对口协作。' },
      { text: KAIFENG + '学习借鉴浙江安吉县经验。' },
      { text: KAIFENG + '推进郑州至开封城际铁路建设，加强与濉溪县的交流合作。' },
      { text: KAIFENG + '贯彻《淮北市濉溪县医共体建设方案》精神。' },
      { text: '福州市鼓楼区卫生健康局\n一、工作\n推进秦岭终南山区生态保护，促进和平区域合作。' },
      { text: '2021年卫生健康工作要点\n一、深化改革\n全面推进濉溪县医共体建设。' }, // region unknown
      { text: '河南省人民政府\n2026年政府工作报告\n一、回顾\n推动郑州、开封与许昌市协同发展，支援新疆哈密市。' }, // a province-level draft
    ],
  );

  it('reads the region from a seed’s issuer line and flags a paragraph copied from another province', () => {
    const seed = readSeed('002'); // 开封市卫生健康委员会
    expect(analyze(seed, { rules: [rule] }).findings).toEqual([]);
    const i = seed.indexOf('\n', seed.indexOf('一、')) + 1;
    const altered = seed.slice(0, i) + '全面推进濉溪县医共体建设。\n' + seed.slice(i);
    const found = analyze(altered, { rules: [rule] }).findings;
    expect(found.map((f) => altered.slice(f.start, f.end))).toEqual(['濉溪县']);
  });
});
