import { resolveRequirementSets } from '../../server/src/node/requirements.js';
import type { RuleCases } from '../rule-tester.js';
import { repoRoot } from '../helpers.js';

export default {
  requirements: () => resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets,
  valid: [],
  invalid: [
    {
      text: '9.强化传染病防控。实施扩大国家免疫规划工作。',
      findings: [
        { line: 1, column: 1, covers: '9.强化传染病防控。' },
        { line: 1, column: 1, covers: '9.强化传染病防控。实施扩大国家免疫规划工作。' },
        { line: 1, column: 1, covers: '9.强化传染病防控。实施扩大国家免疫规划工作。' },
      ],
      output: null,
    },
  ],
} satisfies RuleCases;
