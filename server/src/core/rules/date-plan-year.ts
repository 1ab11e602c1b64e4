import type { Block } from '../model.js';
import type { Rule, RuleContext } from '../rule.js';
import { allMatches, blockParts, perParagraphAll, planYear, spanOf } from '../proofread/context.js';

/**
 * Dates that cannot be right for the plan:
 * - impossible dates: 9月31日, 2月30日 (2月29日 only in a leap year, when the year is written), 13月;
 * - in the plan part, a deadline before the plan's year: a 2025 plan's 2024年底前完成 / 于2023年6月底前
 *   (the review part may talk about the past; a deadline already met, 已于2023年底前完成, is a fact);
 * - a 成文日期 (a line that is only a date) in a year after the plan's year, or a 印发 date (版记:
 *   …2021年3月5日印发) before the 成文日期.
 * Errs towards misses: the plan part is the part the indicator reader calls a plan (by its title,
 * or by its language); where the document does not say, past deadlines are not reported. Without
 * a plan year (front matter `year`, config, or the title) only impossible dates are checked.
 */
const DATE = /(?:((?:19|20)[0-9]{2})\s*年\s*)?(?<![0-9])([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日/g;
const MONTH = /((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月(?!\s*[0-9]{1,2}\s*日)/g;
// Linear (issue 13): without a lead word a deadline never starts inside a run of blanks (the scan
// tried the run's first blank already, and a match from a later blank is one from the first), so
// (?<!\s) keeps every blank of a run from rescanning it; the blanks before 前 belong to the word
// before them (两个相邻的 \s* made a run after 年 quadratic). Same matches as before.
export const DEADLINE =
  /(?:于|在|到|力争|确保|争取|要在|务必|必须|(?<!\s))\s*((?:19|20)[0-9]{2})\s*年\s*(?:([0-9]{1,2})\s*月\s*)?(?:[0-9]{1,2}\s*日\s*)?(?:(?:底|末|初|中旬|上旬|下旬|上半年|下半年)\s*)?(?:前|以前|之前)/g;
const DONE_BEFORE = /(?:截至|截止|截止到|比|较|与|同|对|自|从|已|已经|均已|已于|早在|曾于)\s*$/;
// (one \s* before the comma: \s*(?:[，,]?\s*)? split a run of blanks every way, the same words)
export const DONE_AFTER = /^\s*(?:[，,]\s*)?(?:已|已经|均已|全部已|就已|取得|实现了|完成了|建成了|累计)/;
const DATE_LINE = /^\s*((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日\s*$/;
const ISSUED = /((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日\s*印发/;

function daysIn(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined ? 29 : (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** What date/plan-year reads of a paragraph, from its text alone (kept per paragraph text: perParagraph). */
interface Dates {
  /** matches of DATE that are no date */
  impossible: readonly RegExpExecArray[];
  /** matches of MONTH with no such month */
  months: readonly RegExpExecArray[];
  /** whether the text holds 年 and 前 (the paragraphs pastDeadlines reads, in order) */
  deadlineCue: boolean;
  /** matches of DEADLINE that do not state a deadline already met */
  deadlines: readonly RegExpExecArray[];
  /** DATE_LINE and ISSUED on the text */
  line: RegExpExecArray | null;
  issued: RegExpExecArray | null;
}

const DATES: object = Object.freeze({ name: 'date/plan-year dates' });
const NONE: readonly RegExpExecArray[] = Object.freeze([]);

/** what most paragraphs hold: nothing this rule reads (shared, so that nothing is kept for them) */
const NO_DATES: Dates = Object.freeze({ impossible: NONE, months: NONE, deadlineCue: false, deadlines: NONE, line: null, issued: null });

function datesOf(t: string): Dates {
  const hasYear = t.includes('年');
  const deadlineCue = hasYear && t.includes('前');
  if (!hasYear && !t.includes('印发') && !(t.includes('月') && t.includes('日'))) return NO_DATES;
  return {
    impossible: t.includes('月') && t.includes('日') ? allMatches(DATE, t).filter((m) => !possible(m)) : NONE,
    months: hasYear && t.includes('月') ? allMatches(MONTH, t).filter((m) => !(Number(m[2]) >= 1 && Number(m[2]) <= 12)) : NONE,
    deadlineCue,
    deadlines: deadlineCue ? allMatches(DEADLINE, t).filter((m) => !metBefore(t, m)) : NONE,
    line: hasYear ? DATE_LINE.exec(t) : null,
    issued: t.includes('印发') ? ISSUED.exec(t) : null,
  };
}

/** Whether a match of DATE is a real date. */
function possible(m: RegExpExecArray): boolean {
  const year = m[1] ? Number(m[1]) : undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  // a run of digits before the month is a different number (2021年3月, or 123月)
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);
}

/** Whether a match of DEADLINE states a deadline already met (已于2023年底前完成, 截至…). */
function metBefore(t: string, m: RegExpExecArray): boolean {
  if (DONE_BEFORE.test(t.slice(Math.max(0, m.index - 4), m.index))) return true;
  return DONE_AFTER.test(t.slice(m.index + m[0].length, m.index + m[0].length + 6));
}

function impossibleDates(ctx: RuleContext, dates: readonly Dates[]): void {
  const blocks = ctx.plan.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    for (const m of dates[b]!.impossible) {
      const year = m[1] ? Number(m[1]) : undefined;
      const month = Number(m[2]);
      const day = Number(m[3]);
      ctx.report({
        ...spanOf(block, m.index, m[0].length),
        message: {
          zh: `日期不存在：“${m[0]}”${month > 12 || month < 1 ? '（月份超出1—12）' : `（${month}月只有${daysIn(month, year)}天）`}`,
          en: `no such date: "${m[0]}"${month > 12 || month < 1 ? ' (month outside 1–12)' : ` (month ${month} has ${daysIn(month, year)} days)`}`,
        },
        data: { kind: 'impossible', month, day },
      });
    }
  }
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    for (const m of dates[b]!.months) {
      const month = Number(m[2]);
      ctx.report({
        ...spanOf(block, m.index, m[0].length),
        message: { zh: `日期不存在：“${m[0]}”（月份超出1—12）`, en: `no such date: "${m[0]}" (month outside 1–12)` },
        data: { kind: 'impossible', month },
      });
    }
  }
}

function pastDeadlines(ctx: RuleContext, year: number, dates: readonly Dates[]): void {
  const parts = blockParts(ctx.plan, year, ctx.session);
  // a document without any review part (a 工作要点 as issued) plans throughout
  const allPlan = !parts.includes('achieved') && parts.includes('target');
  const blocks = ctx.plan.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const d = dates[b]!;
    if (!d.deadlineCue) continue;
    const block = blocks[b]!;
    // the part of this paragraph (blockParts is indexed by the plan's paragraphs; an index counting
    // only the paragraphs with 年 and 前, as since 3122a5f, read another paragraph's part)
    const part = parts[b];
    for (const m of d.deadlines) {
      if (part !== 'target' && !(allPlan && part === undefined)) continue;
      const y = Number(m[1]);
      if (y >= year) continue;
      const yearAt = m.index + m[0].indexOf(m[1]!);
      const phrase = m[0].slice(yearAt - m.index);
      ctx.report({
        ...spanOf(block, yearAt, phrase.length),
        message: {
          zh: `${year}年的工作安排中，时限“${phrase}”早于计划年度（${year}年），疑为沿用往年文稿`,
          en: `a ${year} plan sets the deadline "${phrase}", before its own year ${year} (copied from an earlier plan?)`,
        },
        data: { kind: 'past-deadline', year: y, planYear: year },
      });
    }
  }
}

function documentDates(ctx: RuleContext, year: number | undefined, dates: readonly Dates[]): void {
  const blocks = ctx.plan.blocks;
  let signed: { block: Block; y: number; mo: number; d: number } | undefined;
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi]!;
    const m = dates[bi]!.line;
    if (m) {
      signed = { block: b, y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]) };
      break;
    }
  }
  if (!signed) return;
  if (year !== undefined && signed.y > year) {
    ctx.report({
      ...spanOf(signed.block, 0, signed.block.text.length),
      message: {
        zh: `成文日期（${signed.y}年）晚于文稿所安排的年度（${year}年）`,
        en: `the date of the document (${signed.y}) is after the year it plans for (${year})`,
      },
      data: { kind: 'signed-after-period', signed: signed.y, planYear: year },
    });
  }
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi]!;
    const m = dates[bi]!.issued;
    if (!m) continue;
    const iy = Number(m[1]);
    const im = Number(m[2]);
    const id = Number(m[3]);
    const before = iy * 10000 + im * 100 + id < signed.y * 10000 + signed.mo * 100 + signed.d;
    if (!before) continue;
    ctx.report({
      ...spanOf(b, m.index, m[0].length),
      message: {
        zh: `印发日期（${iy}年${im}月${id}日）早于成文日期（${signed.y}年${signed.mo}月${signed.d}日）`,
        en: `the issue date (${iy}-${im}-${id}) is before the date of the document (${signed.y}-${signed.mo}-${signed.d})`,
      },
      data: { kind: 'issued-before-signed' },
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'date/plan-year',
    description: {
      zh: '与计划年度不符的日期：计划部分早于本年度的时限（2025年计划中的“2024年底前完成”）、不存在的日期（9月31日、2月30日、13月）、晚于计划年度的成文日期、早于成文日期的印发日期；宁漏勿误：回顾部分和已完成的事项不报，分不清计划与回顾时不报',
      en: 'Dates inconsistent with the plan year: plan-part deadlines before the plan year (a 2025 plan’s 2024年底前完成), impossible dates (9月31日, 2月30日, 13月), a 成文日期 after the planned year, an issue date before the 成文日期; errs towards misses: review parts and deadlines already met are left alone',
    },
    severity: 'warning',
    tags: ['text'],
    standard: 'GB/T 9704-2012 §7.3.5.4',
    fixable: false,
    docs: {
      zh: '**说明**：计划年度取自配置、文首元数据 `year` 或标题（与指标规则相同）；计划部分与回顾部分的划分与指标提取相同（章节标题或行文）。宁漏勿误：分不清计划与回顾的段落不报；“已于…前完成”“截至…”不报；成文日期只取整行只有日期的一行。\n\n**来源与扩展**：无词表：日期按公历（含闰年）检查，计划年度、计划与回顾部分取自指标提取（server/src/core/indicators）。新的期限写法加在 server/src/core/rules/date-plan-year.ts 的模式中，并在 test/rules/date-plan-year.cases.ts 中补充正反例，在 test/corpus 上核对无误报（test/proofreading-corpus.test.ts）。',
      en: '**Notes**: the plan year comes from config, front matter `year` or the title; plan and review parts are those of the indicator reader. Errs towards misses: paragraphs of unknown part, deadlines already met (已于…前) and 截至… are left alone; the 成文日期 is a line that holds a date only. **Source and extending**: no list: dates are checked against the calendar (leap years included); the plan year and the plan and review parts come from the indicator reader (server/src/core/indicators). A new deadline form goes into the patterns of server/src/core/rules/date-plan-year.ts, with cases in test/rules/date-plan-year.cases.ts, checked quiet on test/corpus (test/proofreading-corpus.test.ts).',
    },
    examples: [
      {
        bad: '2025年工作安排\n一、加快项目建设\n确保2024年底前完成全部改造任务。',
        good: '2025年工作安排\n一、加快项目建设\n确保2025年底前完成全部改造任务。',
      },
      { bad: '各单位于9月31日前报送总结。', good: '各单位于9月30日前报送总结。' },
      { bad: '2023年2月29日召开推进会。', good: '2024年2月29日召开推进会。' },
    ],
  },
  check(ctx) {
    const dates = perParagraphAll(ctx, DATES, datesOf);
    impossibleDates(ctx, dates);
    const year = planYear(ctx);
    if (year !== undefined) pastDeadlines(ctx, year, dates);
    documentDates(ctx, year, dates);
  },
};
