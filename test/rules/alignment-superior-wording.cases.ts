import { resolveRequirementSets } from '../../server/src/node/requirements.js';
import type { RuleCases } from '../rule-tester.js';
import { repoRoot } from '../helpers.js';

export default {
  requirements: () => resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets,
  valid: [
    '---\nlevel: 县\nrequirements: [henan-2021]\n---\n2021年全县卫生健康工作要点\n\n一、推进中医药传承创新发展\n\n全县新建示范中医馆2个，推动中医药文化进校园，力争走在全省前列。',
  ],
  invalid: [
    {
      text: '---\nlevel: 县\nrequirements: [henan-2021]\n---\n2021年全县卫生健康工作要点\n\n一、推进中医药传承创新发展\n\n全省新建示范中医馆10个，推动中医药文化进校园。',
      findings: [{ line: 9, column: 1, covers: '全省' }],
      output: null,
    },
  ],
} satisfies RuleCases;
