import type { Section } from '../model.js';
import type { Rule, RuleContext } from '../rule.js';

/**
 * In a document whose tasks usually name who leads them (牵头单位, 责任单位, （县卫健委负责）) and by
 * when (完成时限, 6月底前, 年底前), a task that names none: information, on in the `strict` profile
 * only (server/profiles/strict.yaml). Each finding's data lists what is missing; the summary finding
 * at the first such task counts them.
 * Tasks are the leaf sections (no sub-sections) with text. "Usually" means that at least half of
 * at least four tasks carry the explicit field (牵头单位：… / （…负责） for owners; 完成时限：… /
 * （2021年6月底前） for deadlines): prose such as 全年, 持续推进 in a government work report is not
 * a task list's field, so such reports (corpus 02, 04, 06, 10, 11, 16) are quiet.
 * Errs towards misses: once fields are usual, a task counts as having an owner or a deadline if any
 * wording in its heading or body names one (由…负责, 6月底前完成, 年内, 长期坚持).
 */
const OWNER_FIELD = /(?:牵头|责任|主责|配合)(?:单位|部门|科室|领导|人)\s*[:：]|[（(][^（）()]{2,40}(?:负责|牵头)[^（）()]{0,16}[）)]/;
const DEADLINE_FIELD =
  /(?:完成时限|时间节点|完成时间|时限要求|时间安排)\s*[:：]|[（(][^（）()]{0,12}(?:[0-9]{1,2}\s*月(?:底|末|中旬|上旬|下旬)?前|年底前|年内完成|长期坚持|持续推进)[^（）()]{0,6}[）)]/;
const OWNER =
  /(?:牵头|责任|主责|配合|参与)(?:单位|部门|科室|领导|人)\s*[:：]|[（(][^（）()]{2,60}(?:负责|牵头|落实|配合)[）)]|由[^，。；]{2,30}(?:负责|牵头)|[（(]责任[^（）()]{0,4}[:：]/;
const DEADLINE =
  /完成时限|时间节点|时间安排|完成时间|[0-9０-９]{1,2}\s*月(?:底|末|中旬|上旬|下旬|份)?\s*前|[0-9]{4}\s*年(?:底|末)|年底前|年内|全年|上半年|下半年|第[一二三四]季度|长期|持续推进|常态化|[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日前/;
const MIN_TASKS = 4;
/**
 * The framing parts every 方案/要点 has besides its tasks (guiding thought, principles, targets,
 * safeguards, organisation, evaluation): they set no task of their own, so they need no owner.
 */
const FRAMING_TITLE =
  /^(?:指导思想|总体要求|总体思路|基本原则|工作原则|(?:主要|总体|工作)?目标(?:指标|任务)?|目标指标|保障措施|组织保障|(?:加强)?组织(?:领导|实施)|(?:加强)?(?:实施)?评估|监督考核|督导考核|宣传引导)$/;

function taskText(s: Section): string {
  return [s.title, s.block.text, ...s.body.map((b) => b.text)].join('\n');
}

function check(ctx: RuleContext): void {
  const leaves = ctx.plan.allSections.filter((s) => s.children.length === 0 && !FRAMING_TITLE.test(s.title.replace(/[。．.，,；;：:\s]+$/, '')));
  const all = leaves.map((s) => {
    const t = taskText(s);
    const ownerField = OWNER_FIELD.test(t);
    const deadlineField = DEADLINE_FIELD.test(t);
    return {
      s,
      owner: ownerField || OWNER.test(t),
      deadline: deadlineField || DEADLINE.test(t),
      ownerField,
      deadlineField,
    };
  });
  // the task list: leaf sections among whose siblings some carry a field (not 总体要求, 保障措施)
  const parentsWithFields = new Set(all.filter((f) => f.ownerField || f.deadlineField).map((f) => f.s.parentId ?? -1));
  const facts = all.filter((f) => parentsWithFields.has(f.s.parentId ?? -1));
  const tasks = facts.map((f) => f.s);
  if (tasks.length < MIN_TASKS) return;
  const owners = facts.filter((f) => f.ownerField).length;
  const deadlines = facts.filter((f) => f.deadlineField).length;
  const wantOwner = owners * 2 >= tasks.length;
  const wantDeadline = deadlines * 2 >= tasks.length;
  if (!wantOwner && !wantDeadline) return;
  const missing = facts.filter((f) => (wantOwner && !f.owner) || (wantDeadline && !f.deadline));
  for (const f of missing) {
    const lacks = [wantOwner && !f.owner ? 'owner' : '', wantDeadline && !f.deadline ? 'deadline' : ''].filter(Boolean);
    const zh = lacks.map((l) => (l === 'owner' ? '牵头（责任）单位' : '完成时限')).join('和');
    const en = lacks.map((l) => (l === 'owner' ? 'a lead (responsible) unit' : 'a deadline')).join(' and ');
    ctx.report({
      start: f.s.heading.start,
      end: f.s.heading.end,
      message: {
        zh: `本文多数任务写明了${wantOwner ? `牵头单位（${owners}/${tasks.length}）` : ''}${wantOwner && wantDeadline ? '和' : ''}${wantDeadline ? `完成时限（${deadlines}/${tasks.length}）` : ''}，此项未写${zh}（共 ${missing.length} 项任务缺少）`,
        en: `most tasks here name ${wantOwner ? `a lead unit (${owners}/${tasks.length})` : ''}${wantOwner && wantDeadline ? ' and ' : ''}${wantDeadline ? `a deadline (${deadlines}/${tasks.length})` : ''}; this one has no ${en} (${missing.length} tasks lack them)`,
      },
      data: { lacks, task: f.s.title, tasksWithout: missing.length, tasks: tasks.length },
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'task/responsibility',
    description: {
      zh: '多数任务写明牵头（责任）单位和完成时限的文稿中，未写明的任务（提示级，仅 strict 配置启用）；宁漏勿误：少于4项任务或多数任务都未写明时不报',
      en: 'In a document whose tasks mostly name a lead unit and a deadline, the tasks that name none (information; on in the strict profile only); errs towards misses: fewer than four tasks, or a document where most tasks name none, is quiet',
    },
    severity: 'information',
    tags: ['text'],
    fixable: false,
    docs: {
      zh: '**说明**：默认关闭，`strict` 配置中为信息级（server/profiles/strict.yaml）；也可在 planlint.yaml 中 `task/responsibility: information` 单独开启。任务指有同级兄弟条目写明字段的末级条目；“多数写明”只计明确字段（牵头单位：…、（…负责）、完成时限：…、（6月底前）），政府工作报告中的“全年”“持续推进”等行文不算。宁漏勿误：任务少于4项或写明字段的不足一半时不报；一旦多数写明，任务行文中任何负责单位或时间表述都算写明。\n\n**来源与扩展**：无词表：字段词（牵头单位、责任单位、配合单位、完成时限、时间节点……）写在 server/src/core/rules/task-responsibility.ts 中；新的字段写法在该文件中增加，并在 test/rules/task-responsibility.cases.ts 中补充正反例。开启与级别由配置（profile 或 planlint.yaml 的 `rules:`）决定。',
      en: '**Notes**: off by default, information in the `strict` profile (or `task/responsibility: information` in planlint.yaml). Tasks are the leaf sections among siblings that carry fields; "usually" counts explicit fields only. Errs towards misses: fewer than four tasks, or fewer than half with fields, is quiet; once fields are usual, any wording naming an owner or a time counts. **Source and extending**: no list: the field words (牵头单位, 责任单位, 配合单位, 完成时限, 时间节点 …) are written in server/src/core/rules/task-responsibility.ts; a new form goes there with cases in test/rules/task-responsibility.cases.ts. Whether it runs, and at which severity, is set by the profile or planlint.yaml `rules:`.',
    },
    examples: [
      {
        bad: '一、重点任务\n（一）推进医共体建设。牵头单位：县卫健委；完成时限：6月底前。\n（二）加强疾病防控。牵头单位：县疾控中心；完成时限：年底前。\n（三）提升基层能力。牵头单位：县卫健委；完成时限：9月底前。\n（四）开展健康教育。加强宣传引导。',
        good: '一、重点任务\n（一）推进医共体建设。牵头单位：县卫健委；完成时限：6月底前。\n（二）加强疾病防控。牵头单位：县疾控中心；完成时限：年底前。\n（三）提升基层能力。牵头单位：县卫健委；完成时限：9月底前。\n（四）开展健康教育。牵头单位：县健康教育所；完成时限：年底前。',
      },
    ],
  },
  check,
};
