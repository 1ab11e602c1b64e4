import { resolveRequirementSets } from '../../server/src/node/requirements.js';
import type { RuleCases } from '../rule-tester.js';
import { repoRoot } from '../helpers.js';

export default {
  requirements: () => resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets,
  valid: ['2021年全县卫生健康工作要点\n\n一、推进中医药传承创新发展\n\n县人民医院设立中医科，年内在城关、河口两个乡镇卫生院建成示范中医馆。'],
  invalid: [
    {
      text: '2021年全县卫生健康工作要点\n\n一、推进中医药传承创新发展\n\n强化中医药服务能力建设，启动县级以上综合医院、妇幼保健院中医药科室标准化建设，开展示范中医馆建设。',
      findings: [
        {
          line: 5,
          column: 1,
          covers: '强化中医药服务能力建设，启动县级以上综合医院、妇幼保健院中医药科室标准化建设，开展示范中医馆建设。',
        },
      ],
      output: null,
    },
  ],
} satisfies RuleCases;
