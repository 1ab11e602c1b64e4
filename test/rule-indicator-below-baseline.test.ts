import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rule } from '../server/src/core/rules/indicator-below-baseline.js';
import { checkDraft } from '../server/src/cli/pipeline.js';
import { table } from './proofreading-helpers.js';

const REVIEW = '一、2020年工作回顾\n全市适龄儿童免疫规划疫苗接种率达到95%，孕产妇死亡率为10.5/10万，累计完成了各项任务。\n二、2021年工作安排\n';
const SUMMARY = '2020年全县卫生健康工作总结\n一、主要成效\n全县电子健康档案建档率达到82%，家庭医生签约服务覆盖率已达到45%，累计完成了全年任务。\n';

describe('indicator/below-baseline', () => {
  table(
    rule,
    [
      { text: REVIEW + '适龄儿童免疫规划疫苗接种率达到90%以上。', findings: [{ line: 4, column: 16, excerpt: '90%' }] },
      {
        text: REVIEW + '（一）全市适龄儿童免疫规划疫苗接种率不低于92%。',
        findings: [{ line: 4, column: 22, excerpt: '92%' }],
      },
      {
        text: '一、2020年工作回顾\n全县65岁以上老年人健康管理率已达到72%。\n二、2021年工作安排\n65岁以上老年人健康管理率达到70%。',
        findings: [{ line: 4, column: 16, excerpt: '70%' }],
      },
      {
        text: '2021年全县卫生健康工作要点\n一、基层卫生\n电子健康档案建档率达到80%以上。',
        options: { baseline: { name: '../2020/summary.txt', text: SUMMARY } },
        findings: [{ line: 3, column: 12, excerpt: '80%' }],
      },
      {
        // 95.6% rounds to 96% at the target's precision: the floor is below what was achieved
        text: '一、2020年工作回顾\n全市基本医疗保险参保率达到95.6%，累计完成了各项任务。\n二、2021年工作安排\n全市基本医疗保险参保率稳定在95%以上。',
        findings: [{ line: 4, column: 15, excerpt: '95%' }],
      },
    ],
    [
      { text: REVIEW + '适龄儿童免疫规划疫苗接种率保持在95%以上。' },
      { text: REVIEW + '孕产妇死亡率控制在12/10万以下。' }, // a ceiling keeps a margin: not compared
      // a floor in whole percents is met by an achieved 95.1% (it rounds to the floor): the level is kept
      { text: '一、2020年工作回顾\n全市基本医疗保险参保率达到95.1%，累计完成了各项任务。\n二、2021年工作安排\n全市基本医疗保险参保率稳定在95%以上。' },
      {
        text: '一、2020年工作回顾\n城镇新增就业1361万人，累计完成了各项任务。\n二、2021年工作安排\n城镇新增就业1100万人以上。',
      }, // a flow
      { text: REVIEW + '适龄儿童免疫规划疫苗接种率提高5%。' }, // a change, not a level
      { text: REVIEW + '65岁以上老年人健康管理率达到70%以上。' }, // another indicator
      { text: '2021年全县卫生健康工作要点\n一、基层卫生\n电子健康档案建档率达到80%以上。' }, // no baseline
      {
        text: '2021年全县卫生健康工作要点\n一、基层卫生\n电子健康档案建档率达到85%以上。',
        options: { baseline: { name: 'summary.txt', text: SUMMARY } },
      },
    ],
  );

  describe('the CLI reads the baseline file named in front matter', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-baseline-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it('compares with the summary and reports a missing file at the baseline key', async () => {
      writeFileSync(join(dir, 'summary.txt'), SUMMARY);
      const draft = join(dir, 'plan.txt');
      writeFileSync(draft, '---\nbaseline: summary.txt\n---\n2021年全县卫生健康工作要点\n一、基层卫生\n家庭医生签约服务覆盖率达到40%以上。\n');
      const r = await checkDraft(draft, { cwd: dir });
      if (!('findings' in r)) throw new Error('no result');
      expect(r.findings.filter((f) => f.ruleId === 'indicator/below-baseline').map((f) => [f.range.start.line + 1, f.data?.['achieved']])).toEqual([[6, 45]]);
      const missing = join(dir, 'plan2.txt');
      writeFileSync(missing, '---\nbaseline: nowhere.txt\n---\n2021年工作要点\n');
      const r2 = await checkDraft(missing, { cwd: dir });
      if (!('findings' in r2)) throw new Error('no result');
      expect(r2.findings.filter((f) => f.ruleId === 'config/front-matter').map((f) => [f.range.start.line + 1, f.severity])).toEqual([[2, 'error']]);
    });
  });
});
