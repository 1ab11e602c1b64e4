import type { RuleCases } from '../rule-tester.js';

const FIELDS =
  '一、重点任务\n（一）推进医共体建设。牵头单位：县卫健委；完成时限：6月底前。\n（二）加强疾病防控。牵头单位：县疾控中心；完成时限：年底前。\n（三）提升基层能力。牵头单位：县卫健委；完成时限：9月底前。\n';
const PARENS =
  '二、重点任务\n（一）推进医共体建设（县卫健委负责，6月底前）。\n（二）加强疾病防控（县疾控中心负责，年底前）。\n（三）提升基层能力（县卫健委负责，9月底前）。\n';

const NUMBERED =
  '三、工作任务\n1.完善分级诊疗制度。责任单位：市卫健委；时间节点：6月底前。\n2.推进家庭医生签约服务。责任单位：各区县卫健局；时间节点：9月底前。\n3.加强基层卫生人才培养。责任单位：市卫健委；时间节点：年底前。\n';

// off in the default profile (a house rule, on in the strict one): the table enables it
export default {
  profile: { name: 'task-responsibility-on', rules: { 'task/responsibility': { severity: 'information' } } },
  valid: [
    FIELDS + '（四）开展健康教育。牵头单位：县健教所；完成时限：年底前。',
    { name: 'owner and deadline in prose', text: FIELDS + '（四）开展健康教育。由县健教所负责，年内完成。' },
    { name: 'numbered tasks, the last with its owner and time in prose', text: NUMBERED + '4.规范药品集中采购，由市医保局负责，年底前完成。\n' },
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
      name: 'tasks numbered 1. with 责任单位 and 时间节点 fields, one without either',
      text: NUMBERED + '4.规范药品集中采购。\n',
      findings: [{ line: 5, column: 1, covers: '4.规范药品集中采购。' }],
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
