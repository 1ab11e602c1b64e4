import type { RuleCases } from '../rule-tester.js';

export default {
  valid: [
    '五、提升“五种能力”\n（一）提升检测能力\n（二）提升服务能力\n（三）提升保障能力\n（四）提升治理能力\n（五）提升发展能力',
    '（六）突出抓好2个专项活动。一是整治医疗乱象；二是整治欺诈骗保。',
  ],
  invalid: [
    {
      text: '六、提升“六种能力”\n（一）提升检测能力\n（二）提升服务能力\n（三）提升保障能力\n（四）提升治理能力\n（五）提升发展能力',
      findings: [{ line: 1, column: 6, covers: '六种能力' }],
      output: null,
    },
    {
      text: '（六）突出抓好3个专项活动。一是整治医疗乱象；二是整治欺诈骗保。',
      findings: [{ line: 1, column: 8, covers: '3个专项活动' }],
      output: null,
    },
  ],
} satisfies RuleCases;
