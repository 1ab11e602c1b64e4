import type { RuleCases } from '../rule-tester.js';

export default {
  valid: [
    '五、提升“五种能力”\n（一）提升检测能力\n（二）提升服务能力\n（三）提升保障能力\n（四）提升治理能力\n（五）提升发展能力',
    '（六）突出抓好2个专项活动。一是整治医疗乱象；二是整治欺诈骗保。',
    '（二）加强河道管护。重点抓好以下两项工作。\n1.开展河道清障，汛前全部完成。\n2.落实河道保洁，做到常态长效。',
    '（2）组建党员先锋岗。依托楼栋设立党员中心户，做到以下三点：\n①每名党员联系群众不少于10户；\n②每月走访至少1次；\n③建立问题台账。',
    '三、保障措施\n各地按以下三个方面要求抓好落实，经费从以下渠道统筹。\n（一）加强领导\n（二）强化督查',
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
    {
      name: 'a count the item’s run-in text announces with 以下, over fewer sub-items',
      text: '（二）加强河道管护。重点抓好以下三项工作。\n1.开展河道清障，汛前全部完成。\n2.落实河道保洁，做到常态长效。',
      findings: [{ line: 1, column: 15, covers: '以下三项工作', message: '2' }],
      output: null,
    },
    {
      name: 'a count a body paragraph announces with 如下, over more sub-items',
      text: '三、保障措施\n为确保各项任务落到实处，提出如下两点要求：\n（一）加强领导\n（二）强化督查\n（三）严格考核',
      findings: [{ line: 2, column: 15, covers: '如下两点要求', message: '3' }],
      output: null,
    },
  ],
} satisfies RuleCases;
