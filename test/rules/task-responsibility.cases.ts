import type { RuleCases } from '../rule-tester.js';

const FIELDS =
  '一、重点任务\n（一）推进医共体建设。牵头单位：县卫健委；完成时限：6月底前。\n（二）加强疾病防控。牵头单位：县疾控中心；完成时限：年底前。\n（三）提升基层能力。牵头单位：县卫健委；完成时限：9月底前。\n';
const PARENS =
  '二、重点任务\n（一）推进医共体建设（县卫健委负责，6月底前）。\n（二）加强疾病防控（县疾控中心负责，年底前）。\n（三）提升基层能力（县卫健委负责，9月底前）。\n';

// off in the default profile (a house rule, on in the strict one): the table enables it
export default {
  profile: { name: 'task-responsibility-on', rules: { 'task/responsibility': { severity: 'information' } } },
  valid: [
    FIELDS + '（四）开展健康教育。牵头单位：县健教所；完成时限：年底前。',
    { name: 'owner and deadline in prose', text: FIELDS + '（四）开展健康教育。由县健教所负责，年内完成。' },
    {
      name: 'no task names an owner',
      text: '一、重点任务\n（一）推进医共体建设。\n（二）加强疾病防控。\n（三）提升基层能力。\n（四）开展健康教育。',
    },
    {
      name: 'fewer than four tasks',
      text: '（一）推进医共体建设。牵头单位：县卫健委；完成时限：6月底前。\n（二）开展健康教育。',
    },
  ],
  invalid: [
    {
      name: 'labelled fields, the last task lacks both',
      text: FIELDS + '（四）开展健康教育。加强宣传引导。',
      findings: [{ line: 5, column: 1, covers: '（四）开展健康教育。', message: '牵头单位' }],
      output: null,
    },
    {
      name: 'owners in brackets',
      text: PARENS + '（四）加强监督执法。\n三、保障措施\n加强组织领导。',
      findings: [{ line: 5, column: 1, covers: '（四）加强监督执法。' }],
      output: null,
    },
    {
      name: 'an owner without a deadline',
      text: FIELDS + '（四）开展健康教育。牵头单位：县健教所。',
      findings: [{ line: 5, column: 1, covers: '（四）开展健康教育。' }],
      output: null,
    },
  ],
} satisfies RuleCases;
