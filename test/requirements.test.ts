import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listBundledSets, parseRequirementSet, resolveRequirementSets } from '../server/src/node/requirements.js';
import { readSeed, repoRoot } from './helpers.js';

describe('requirement set loading', () => {
  it('lists and resolves the bundled henan-2021 set by name', () => {
    expect(listBundledSets()).toContain('henan-2021');
    const { sets, problems } = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot });
    expect(problems).toEqual([]);
    expect(sets).toHaveLength(1);
    expect(sets[0]!.name).toBe('henan-2021');
    expect(sets[0]!.themes).toHaveLength(10);
  });
});
