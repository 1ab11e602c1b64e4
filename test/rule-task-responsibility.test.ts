import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { defaultProfile } from '../server/src/core/profile.js';
import { rule } from '../server/src/core/rules/task-responsibility.js';
import { loadProfile } from '../server/src/node/config.js';
import { repoRoot } from './helpers.js';
import { table } from './proofreading-helpers.js';
import { readFixture } from './fixture-markers.js';

const strict = loadProfile('strict', { baseDir: repoRoot, referrer: '' }).profile;
const on = { profile: strict };
const FIELDS =
  '一、重点任务\n（一）推进医共体建设。牵头单位：县卫健委；完成时限：6月底前。\n（二）加强疾病防控。牵头单位：县疾控中心；完成时限：年底前。\n（三）提升基层能力。牵头单位：县卫健委；完成时限：9月底前。\n';
const PARENS =
  '二、重点任务\n（一）推进医共体建设（县卫健委负责，6月底前）。\n（二）加强疾病防控（县疾控中心负责，年底前）。\n（三）提升基层能力（县卫健委负责，9月底前）。\n';

describe('task/responsibility', () => {
  table(
    rule,
    [
      {
        text: FIELDS + '（四）开展健康教育。加强宣传引导。',
        options: on,
        findings: [{ line: 5, column: 1, excerpt: '（四）开展健康教育。' }],
      },
      {
        text: PARENS + '（四）加强监督执法。\n三、保障措施\n加强组织领导。',
        options: on,
        findings: [{ line: 5, column: 1, excerpt: '（四）加强监督执法。' }],
      },
      {
        text: FIELDS + '（四）开展健康教育。牵头单位：县健教所。',
        options: on,
        findings: [{ line: 5, column: 1, excerpt: '（四）开展健康教育。' }],
      },
    ],
    [
      { text: FIELDS + '（四）开展健康教育。牵头单位：县健教所；完成时限：年底前。', options: on },
      { text: FIELDS + '（四）开展健康教育。由县健教所负责，年内完成。', options: on }, // named in prose: counts
      {
        text: '一、重点任务\n（一）推进医共体建设。\n（二）加强疾病防控。\n（三）提升基层能力。\n（四）开展健康教育。',
        options: on,
      }, // no task names an owner
      { text: FIELDS + '（四）开展健康教育。加强宣传引导。' }, // the default profile: off
      { text: '（一）推进医共体建设。牵头单位：县卫健委；完成时限：6月底前。\n（二）开展健康教育。', options: on }, // fewer than four tasks
    ],
  );

  it('is off in the default profile and information in strict', () => {
    expect(defaultProfile.rules['task/responsibility']?.severity).toBe('off');
    expect(strict.rules['task/responsibility']?.severity).toBe('information');
    const f = analyze(FIELDS + '（四）开展健康教育。加强宣传引导。', { profile: strict, rules: [rule] }).findings;
    expect(f.map((x) => [x.severity, x.data?.['lacks']])).toEqual([['information', ['owner', 'deadline']]]);
  });
});

describe('task/responsibility on a realistic draft', () => {
  it('flags the one task of test/fixtures/cases/proof-province-agri-tasks.md without fields, under the strict profile its front matter names', async () => {
    const { join } = await import('node:path');
    // the draft without its inline markers of expected findings (./fixture-markers.ts)
    const { text } = readFixture(join(repoRoot, 'test/fixtures/cases/proof-province-agri-tasks.md'));
    expect(text).toMatch(/^---\n[\s\S]*profile: strict/);
    const found = analyze(text, { profile: strict, rules: [rule] }).findings;
    expect(found.map((f) => [f.range.start.line + 1, text.slice(f.start, f.end)])).toEqual([[20, '（四）推进数字化管理。']]);
  });
});
