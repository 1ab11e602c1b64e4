/**
 * A part whose title names both a review and a plan (“十三五”时期发展成就和“十四五”时期主要目标任务,
 * 2020年工作回顾和2021年工作安排) states no kind: each paragraph's own language decides (a retrospective
 * time frame at its start, summary or plan language), and the part's language only where a paragraph
 * does not lean. Issues 14 and 15: the national 2021 report's review of the past five years was
 * extracted as 2021 targets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../server/src/core/parse.js';
import { extractRequirementSet } from '../server/src/core/requirements/extract.js';
import { repoRoot } from './helpers.js';

const corpus = (name: string) => readFileSync(join(repoRoot, 'test/corpus', name), 'utf8');

describe('requirements extract: a number in a statement’s name or comparator is its base, not a target', () => {
  it('bug: 报销比例由50%提高到60% gives the 60% target only (national 2019 report, test/corpus 02)', () => {
    const set = extractRequirementSet(parsePlan(corpus('02-national-2019-govreport.txt')));
    const rows = set.targets.filter((t) => /报销比例/.test(t.source?.quote ?? '')).map((t) => [t.name, t.comparator, t.value, t.unit]);
    expect(rows).toEqual([['报销比例', '提高到', 60, '%']]);
  });
});
