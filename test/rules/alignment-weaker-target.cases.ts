import { resolveRequirementSets } from '../../server/src/node/requirements.js';
import type { RuleCases } from '../rule-tester.js';
import { repoRoot } from '../helpers.js';

export default {
  requirements: () => resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets,
  valid: [],
  invalid: [
    {
      text: '适龄儿童免疫规划疫苗接种率达到 85%以上。',
      findings: [{ line: 1, column: 1, covers: '适龄儿童免疫规划疫苗接种率达到 85%以上' }],
      output: null,
    },
  ],
} satisfies RuleCases;
