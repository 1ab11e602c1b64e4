import { resolveRequirementSets } from '../../server/src/node/requirements.js';
import type { RuleCases } from '../rule-tester.js';
import { repoRoot } from '../helpers.js';

export default {
  requirements: () => resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets,
  valid: [],
  invalid: [
    {
      text: '---\nrequirements: [henan-2021]\n---\n一、坚决打赢常态化疫情防控持久战\n（全文未涉及中医药）',
      findings: [
        { line: 2, column: 1, covers: 'requirements: [henan-2021]' },
        { line: 2, column: 1, covers: 'requirements: [henan-2021]' },
        { line: 2, column: 1, covers: 'requirements: [henan-2021]' },
        { line: 2, column: 1, covers: 'requirements: [henan-2021]' },
        { line: 2, column: 1, covers: 'requirements: [henan-2021]' },
        { line: 2, column: 1, covers: 'requirements: [henan-2021]' },
        { line: 2, column: 1, covers: 'requirements: [henan-2021]' },
        { line: 2, column: 1, covers: 'requirements: [henan-2021]' },
        { line: 2, column: 1, covers: 'requirements: [henan-2021]' },
      ],
      output: null,
    },
  ],
} satisfies RuleCases;
