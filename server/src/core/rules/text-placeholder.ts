import type { Rule, RuleContext } from '../rule.js';
import { isHan, paragraphMatches, perParagraphAll, spanOf } from '../proofread/context.js';

/**
 * Placeholders left in a draft: ××/XX/xx standing for a number or a name, x月x日, blanks ＿＿ and
 * □□ inside a sentence, bracketed notes to the drafter (【待补】 （此处补充） [待定]), TODO/TBD, 某某.
 *
 * Errs towards misses:
 * - a mask joined to digits (5178XXXX, 1856003XXXX) or an e-mail address (XXX@…) is how a published
 *   copy hides a telephone number, not a gap to fill;
 * - a blank after a colon (联系人：＿＿＿) is a form's field, and a single □ a check box;
 * - 待定 only in brackets (（待定）), since 时间待定 is a legitimate statement;
 * - a single X or x (X光, x轴) and Latin words (XXL, Xinjiang) are not placeholders;
 * - XXX in a person's place (联系人：XXX、XXX, 省长XXX同志, XXX总书记重要批示) is the conventional
 *   anonymisation of a published or collected copy (test/corpus/README.md: "names appear as XXX in
 *   the source"); a drafter's gap for a name is usually ×× or XX and is reported.
 */
const PERSON_BEFORE = /[:：、]\s*$|(?:书记|省长|市长|县长|区长|主任|局长|厅长|部长|处长|科长|主席|同志|委员)\s*$/;
const PERSON_AFTER =
  /^\s*(?:同志|总书记|书记|省长|市长|县长|区长|主任|局长|厅长|部长|处长|科长|主席|委员|新时代中国特色社会主义思想|重要讲话|重要指示|重要批示|[、，,]|拟稿人|联系|电话|$)/;
const MASK = /[×✕ＸXxｘ]{2,}|[×✕](?=[0-9一二三四五六七八九十]|[月日年号个家所人项])/g;
const DATE_MASK = /(?<![A-Za-z])[×Xxｘ＊*]{1,2}月[×Xxｘ＊*]{1,2}日|(?<![A-Za-z])[×Xxｘ＊*]{1,2}月(?:底|末|份|中旬|上旬|下旬)/g;
const BLANK = /[＿_]{2,}|[□■]{2,}|[〇○]{3,}/g;
const NOTE =
  /[【[［〔(（]\s*(?:待定|待补充?|待完善|待核实?|待确认|待更新|待填|此处[^】\]］〕)）]{0,12}|补充[^】\]］〕)）]{0,6}|请填写[^】\]］〕)）]{0,8})\s*[】\]］〕)）]/g;
const TODO = /(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])/g;
const SOMEONE = /某某|某某某/g;

function report(ctx: RuleContext, span: { start: number; end: number }, text: string): void {
  ctx.report({
    ...span,
    message: {
      zh: `文稿中留有占位符“${text}”，印发前应补全`,
      en: `placeholder "${text}" left in the draft; fill it in before issue`,
    },
    data: { placeholder: text },
  });
}

/** the bits of `gates`: which patterns can match a paragraph (each needs one of these characters) */
const [G_DATE, G_NOTE, G_TODO, G_MASK, G_BLANK, G_SOMEONE] = [1, 2, 4, 8, 16, 32];
/** the session key of the paragraphs' gates */
const GATES: object = Object.freeze({ name: 'text/placeholder gates' });

/** What each pattern needs (one native scan each, instead of a search per character in a loop). */
const NEEDS_DATE = /[×Xxｘ＊*]/;
const NEEDS_NOTE = /待|此处|补充|请填写/;
const NEEDS_TODO = /[TFＴＦ]/;
const NEEDS_MASK = /[×✕ＸXxｘ]/;
const NEEDS_BLANK = /[＿_□■〇○]/;

/** Which patterns can match `text`: a pattern is run only on the paragraphs that hold what it needs. */
function gates(text: string): number {
  let g = 0;
  if (text.includes('月') && NEEDS_DATE.test(text)) g |= G_DATE;
  if (NEEDS_NOTE.test(text)) g |= G_NOTE;
  if (NEEDS_TODO.test(text)) g |= G_TODO;
  if (NEEDS_MASK.test(text)) g |= G_MASK;
  if (NEEDS_BLANK.test(text)) g |= G_BLANK;
  if (text.includes('某某')) g |= G_SOMEONE;
  return g;
}

function check(ctx: RuleContext): void {
  const blocks = ctx.plan.blocks;
  // each paragraph's gates, kept by its text: no scan of the whole draft per pattern and analysis
  const gated = perParagraphAll(ctx, GATES, gates);
  const any = gated.reduce((a, g) => a | g, 0);
  const having = (bit: number) => blocks.filter((_, bi) => (gated[bi]! & bit) !== 0);
  const taken: { start: number; end: number }[] = [];
  const overlaps = (s: { start: number; end: number }) => taken.some((t) => s.start < t.end && t.start < s.end);
  const add = (s: { start: number; end: number }, text: string) => {
    if (overlaps(s)) return;
    taken.push(s);
    report(ctx, s, text);
  };
  if (any & G_DATE) for (const { block, m } of paragraphMatches(ctx, DATE_MASK, having(G_DATE))) add(spanOf(block, m.index, m[0].length), m[0]);
  if (any & G_NOTE) for (const { block, m } of paragraphMatches(ctx, NOTE, having(G_NOTE))) add(spanOf(block, m.index, m[0].length), m[0]);
  if (any & G_TODO) for (const { block, m } of paragraphMatches(ctx, TODO, having(G_TODO))) add(spanOf(block, m.index, m[0].length), m[0]);
  for (const { block, m } of any & G_MASK ? paragraphMatches(ctx, MASK, having(G_MASK)) : []) {
    const t = block.text;
    const before = t[m.index - 1];
    const after = t[m.index + m[0].length];
    // masked telephone numbers and e-mail addresses; Latin words (XXL, xxx.com)
    if (/[0-9０-９A-Za-z@.-]/.test(before ?? '') || /[0-9０-９A-Za-z@.-]/.test(after ?? '')) continue;
    if (/^[×✕]$/.test(m[0]) && !isHan(before)) continue;
    // a person's name anonymised in a published copy
    if (m[0] === 'XXX' && (PERSON_BEFORE.test(t.slice(Math.max(0, m.index - 4), m.index)) || PERSON_AFTER.test(t.slice(m.index + 3, m.index + 17)))) continue;
    add(spanOf(block, m.index, m[0].length), m[0]);
  }
  for (const { block, m } of any & G_BLANK ? paragraphMatches(ctx, BLANK, having(G_BLANK)) : []) {
    const t = block.text;
    const before = t[m.index - 1];
    // a field of a form (联系人：＿＿), a line of blanks (signature lines, a form's empty row)
    if (before === undefined || /[：:\s]/.test(before)) continue;
    if (!isHan(before) && !/[0-9]/.test(before)) continue;
    add(spanOf(block, m.index, m[0].length), m[0]);
  }
  if (any & G_SOMEONE) for (const { block, m } of paragraphMatches(ctx, SOMEONE, having(G_SOMEONE))) add(spanOf(block, m.index, m[0].length), m[0]);
}

export const rule: Rule = {
  meta: {
    id: 'text/placeholder',
    description: {
      zh: '文稿中遗留的占位符：××、XX、x月x日、＿＿、□□、【待补】、（此处补充）、TODO、某某；宁漏勿误：电话号码的掩码（5178XXXX）、表格填写栏（联系人：＿＿）、单个□勾选框、未加括号的“待定”不报',
      en: 'Placeholders left in a draft: ××, XX, x月x日, ＿＿, □□, 【待补】, （此处补充）, TODO, 某某; errs towards misses: masked telephone numbers, form fields after a colon, single check boxes and unbracketed 待定 are left alone',
    },
    severity: 'error',
    tags: ['text'],
    fixable: false,
    docs: {
      zh: '**说明**：占位符形式为内置规则（不可配置）。宁漏勿误：与数字相连的掩码（电话号码 5178XXXX）、邮箱、冒号后的填写栏（联系人：＿＿）、单个勾选框 □、未加括号的“待定”、人名位置上的 XXX（公开文本的匿名化，如“联系人：XXX”“省长XXX同志”）均不报。\n\n**来源与扩展**：形式取自起草中常见的占位写法（××、XX、x月x日、＿＿、□□、【待补】、（此处补充）、TODO、某某），写在 server/src/core/rules/text-placeholder.ts 中；新的形式在该文件中增加并在 test/rules/text-placeholder.cases.ts 中补充正反例。单位自己的占位词（如“待补充数据”）可不改代码，写入 text/formulation 的规则选项 `formulations`，作为禁用词（`kind: banned`）报告。',
      en: "**Notes**: the placeholder forms are built in. Errs towards misses: masks joined to digits (telephone numbers), e-mail addresses, form fields after a colon, single check boxes, unbracketed 待定 and XXX in a person's place (the anonymisation of published copies) are left alone. **Source and extending**: the forms are the placeholders drafters commonly leave (××, XX, x月x日, ＿＿, □□, 【待补】, （此处补充）, TODO, 某某), written in server/src/core/rules/text-placeholder.ts; a new form goes there with cases in test/rules/text-placeholder.cases.ts. An office's own placeholder words need no code: list them as banned words (`kind: banned`) in the `formulations` option of text/formulation.",
    },
    examples: [
      { bad: '全年新建××个村卫生室。', good: '全年新建12个村卫生室。' },
      { bad: '于x月x日前报送市卫生健康委。', good: '于6月30日前报送市卫生健康委。' },
      { bad: '由【待补】牵头负责。', good: '由县疾控中心牵头负责。' },
      { bad: '二是推进XX县域医共体建设。', good: '二是推进紧密型县域医共体建设。' },
      { bad: '确保完成＿＿家企业改造任务（此处补充数据）。', good: '确保完成30家企业改造任务。' },
    ],
  },
  check,
};
