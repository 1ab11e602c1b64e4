import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../server/src/cli/docs.js';
import { repoRoot } from './helpers.js';

describe('docs/rules.md', () => {
  it('is what the rules metadata generates (run `npm run docs` after changing a rule)', () => {
    const committed = readFileSync(join(repoRoot, 'docs', 'rules.md'), 'utf8');
    expect(committed.trimEnd()).toBe(rulesMarkdown().trimEnd());
  });
});
