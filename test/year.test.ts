/**
 * The year a setting states (front matter `year`): one reading for the host and the core
 * (server/src/core/year.ts), so the configuration, the indicators' plan year and the alignment's
 * draft year never disagree about what a front matter says.
 */
import { describe, expect, it } from 'vitest';
import { fiveYearPlanEnd, readYear } from '../server/src/core/year.js';
import { parsePlan } from '../server/src/core/parse.js';
import { planYearOf } from '../server/src/core/indicators.js';
import { draftYear } from '../server/src/core/align/index.js';
import { frontMatterMeta } from '../server/src/node/frontmatter.js';

const draft = (year: string) => `---\nyear: ${year}\n---\n2019年卫生健康工作要点\n\n一、目标\n\n到年底，门诊满意率达到 90%。\n`;

describe('the year of a setting', () => {
  it('an integer, or four digits in a string, within the years a plan can have', () => {
    expect(readYear(2021)).toBe(2021);
    expect(readYear(' 2021 ')).toBe(2021);
    expect(readYear(2021.5)).toBeUndefined();
    expect(readYear(3000)).toBeUndefined();
    expect(readYear('二〇二一')).toBeUndefined();
    expect(readYear(null)).toBeUndefined();
  });

  it('the configuration, the plan year and the draft year read a front matter alike', () => {
    for (const [written, expected] of [
      ['2021', 2021],
      ['"2022"', 2022],
      // no valid year: each falls back to the title's 2019
      ['3000', 2019],
    ] as const) {
      const text = draft(written);
      const plan = parsePlan(text);
      expect(planYearOf(plan), written).toBe(expected);
      expect(draftYear(plan), written).toBe(expected);
      const meta = frontMatterMeta(plan.frontMatter, plan.index, 'draft.txt').meta;
      expect(meta.year ?? 2019, written).toBe(expected);
    }
  });
});

describe('fiveYearPlanEnd', () => {
  it('reads 十X五 as the last year of that five-year plan', () => {
    expect(fiveYearPlanEnd('一')).toBe(2010);
    expect(fiveYearPlanEnd('三')).toBe(2020);
    expect(fiveYearPlanEnd('四')).toBe(2025);
    expect(fiveYearPlanEnd('九')).toBe(2050);
    expect(fiveYearPlanEnd('十')).toBeUndefined();
    expect(fiveYearPlanEnd('四五')).toBeUndefined();
    expect(fiveYearPlanEnd('')).toBeUndefined();
  });
});
