import type { RuleCases } from '../rule-tester.js';

export default {
  valid: [
    '一是加强监测；二是完善机制。',
    '一要强化防控；二要完善体系；三要深化改革。',
    '（2）组建党员先锋岗，做到以下三点：\n①每名党员联系群众不少于10户；\n②每月走访至少1次；\n③建立问题台账。',
    '各村按①②③号楼顺序入户登记，④号楼另行安排。',
    '一、加强管理\n①建立台账；②定期检查。\n二、强化保障\n①落实经费；②配齐人员。',
  ],
  invalid: [
    {
      text: '一是加强监测；三是完善机制。',
      findings: [{ line: 1, column: 8, covers: '三是' }],
      output: '一是加强监测；二是完善机制。',
    },
    {
      text: '一要强化防控；二要完善体系；二要深化改革。',
      findings: [{ line: 1, column: 15, covers: '二要' }],
      output: '一要强化防控；二要完善体系；三要深化改革。',
    },
    {
      name: 'a list of circled numbers, one item a line, with a gap',
      text: '对困难群众实行分类帮扶：\n①建立动态监测台账，每月更新一次；\n③对因灾致困家庭及时开展临时救助。',
      findings: [{ line: 3, column: 1, covers: '③', message: '②' }],
      output: '对困难群众实行分类帮扶：\n①建立动态监测台账，每月更新一次；\n②对因灾致困家庭及时开展临时救助。',
    },
    {
      name: 'an inline list of circled numbers with a repeat',
      text: '重点抓好三件事：①摸清底数；②建立台账；②限期整改。',
      findings: [{ line: 1, column: 21, covers: '②', message: '③' }],
      output: '重点抓好三件事：①摸清底数；②建立台账；③限期整改。',
    },
  ],
} satisfies RuleCases;
