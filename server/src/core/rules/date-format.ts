import type { Rule, RuleContext } from '../rule.js';
import { crossesLine } from '../indicators.js';
import { allMatches, perParagraphAll, spanOf } from '../proofread/context.js';
import type { Localized } from '../model.js';
import type { Span } from '../text.js';

/**
 * Date forms of GB/T 9704-2012 §7.3.5.4 and GB/T 15834-2011:
 * - month and day without zero padding: 2024年3月5日, not 2024年03月05日;
 * - the year in full: 2024年3月, not 24年3月 (only a two-digit number directly before 年 and a
 *   month, so that durations such as 连续24年 stay quiet);
 * - a span of years takes the 一字线 “—”: 2021—2025年, not 2021-2025年 / 2021~2025年 / 2021－2025年.
 * Errs towards misses: a date followed by a clock time (a web page's 发布时间 stamp) is a system
 * timestamp, not a written date, and is left alone; a span needs two four-digit years, the second
 * later, followed by 年.
 */
const PADDED = /(?<![0-9０-９])((?:19|20)[0-9]{2})年(0?[0-9]|1[0-2])月(?:(0?[0-9]|[12][0-9]|3[01])日)?/g;
/** a two-digit year only at the start of a clause or after a preposition of time (于24年6月), never after a word (连续24年) */
const SHORT_YEAR = /(?<=^|[于在自从到至，、。；：（(\s“])([0-9]{2})年([1-9]|1[0-2])月(?![0-9])/g;
const SPAN = /(?<![0-9])((?:19|20)[0-9]{2})\s*(-|~|～|－|–|−|—{2}|－{2}|-{2})\s*((?:19|20)[0-9]{2})(?=\s*年)/g;
const CLOCK = /^\s*[0-9]{1,2}\s*(?:[:：]|时)/;

function unpad(s: string): string {
  return s.length === 2 && s[0] === '0' ? s.slice(1) : s;
}

/** A date in the wrong form, with the fix to `fixed` (offered where the span stays on one line). */
function reportForm(ctx: RuleContext, span: Span, fixed: string, form: string, standard: string, message: Localized): void {
  ctx.report({
    ...span,
    message,
    standard,
    fix: crossesLine(ctx.plan.text, span)
      ? undefined
      : {
          title: { zh: `改为“${fixed}”`, en: `Change to "${fixed}"` },
          edits: [{ ...span, newText: fixed }],
          safe: false,
        },
    data: { form, fixed },
  });
}

/** What date/format may report in a paragraph, from its text alone (kept per paragraph text: perParagraph). */
interface Forms {
  padded: readonly RegExpExecArray[];
  short: readonly RegExpExecArray[];
  spans: readonly RegExpExecArray[];
}

const FORMS: object = Object.freeze({ name: 'date/format forms' });
const NONE: readonly RegExpExecArray[] = Object.freeze([]);

/** what a paragraph without 年 holds (shared: nothing is kept for it) */
const NO_FORMS: Forms = Object.freeze({ padded: NONE, short: NONE, spans: NONE });

function formsOf(t: string): Forms {
  const year = t.includes('年');
  if (!year) return NO_FORMS;
  const yearMonth = t.includes('月');
  return {
    padded: yearMonth ? allMatches(PADDED, t).filter((m) => isPadded(t, m)) : NONE,
    short: yearMonth ? allMatches(SHORT_YEAR, t) : NONE,
    spans: year ? allMatches(SPAN, t).filter((m) => Number(m[3]) > Number(m[1])) : NONE,
  };
}

/** Whether a match of PADDED pads its month or day, and is not a timestamp (a clock time after it). */
function isPadded(t: string, m: RegExpExecArray): boolean {
  const [all, , month, day] = m;
  if (!(month!.length === 2 && month![0] === '0') && !(day && day.length === 2 && day[0] === '0')) return false;
  return !CLOCK.test(t.slice(m.index + all.length, m.index + all.length + 6));
}

function check(ctx: RuleContext): void {
  const blocks = ctx.plan.blocks;
  const forms = perParagraphAll(ctx, FORMS, formsOf);
  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi]!;
    for (const m of forms[bi]!.padded) {
      const [all, year, month, day] = m;
      const fixed = `${year}年${unpad(month!)}月${day ? `${unpad(day)}日` : ''}`;
      reportForm(ctx, spanOf(block, m.index, all.length), fixed, 'zero-padded', 'GB/T 9704-2012 §7.3.5.4', {
        zh: `日期月、日不编虚位：“${all}”应为“${fixed}”（GB/T 9704-2012 §7.3.5.4）`,
        en: `no zero padding of month and day in dates: "${all}" should be "${fixed}" (GB/T 9704-2012 §7.3.5.4)`,
      });
    }
  }
  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi]!;
    for (const m of forms[bi]!.short) {
      const [all, yy, month] = m;
      const y = Number(yy);
      const full = `${y <= 50 ? '20' : '19'}${yy}`;
      const fixed = `${full}年${month}月`;
      reportForm(ctx, spanOf(block, m.index, all.length), fixed, 'short-year', 'GB/T 9704-2012 §7.3.5.4', {
        zh: `年份应标全称：“${all}”应为“${fixed}”（GB/T 9704-2012 §7.3.5.4）`,
        en: `write the year in full: "${all}" should be "${fixed}" (GB/T 9704-2012 §7.3.5.4)`,
      });
    }
  }
  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi]!;
    for (const m of forms[bi]!.spans) {
      const [all, from, dash, to] = m;
      const fixed = `${from}—${to}`;
      reportForm(ctx, spanOf(block, m.index, all.length), fixed, 'span-dash', 'GB/T 15834-2011', {
        zh: `标示时间起止用一字线“—”：“${from}${dash}${to}年”应为“${fixed}年”（GB/T 15834-2011 连接号）`,
        en: `a span of years takes the em dash "—": "${from}${dash}${to}年" should be "${fixed}年" (GB/T 15834-2011, connecting marks)`,
      });
    }
  }
}

export const rule: Rule = {
  meta: {
    id: 'date/format',
    description: {
      zh: '日期写法：月、日不编虚位（2024年3月5日），年份标全称（2024年，不作24年），年份起止用一字线（2021—2025年）；宁漏勿误：带时刻的网页时间戳、可能是时长的“24年”不报',
      en: 'Date forms: no zero padding (2024年3月5日), the year in full (2024年, not 24年), year spans with the em dash (2021—2025年); errs towards misses: timestamps with a clock time and durations are left alone',
    },
    severity: 'warning',
    tags: ['text'],
    standard: 'GB/T 9704-2012 §7.3.5.4',
    fixable: true,
    docs: {
      zh: '**说明**：月、日不编虚位、年份标全称依 GB/T 9704-2012 §7.3.5.4；年份起止用一字线依 GB/T 15834-2011（连接号）。宁漏勿误：日期后紧跟时刻（网页“发布时间”戳）、前有词语的“24年”（可能是时长）、后一年份不大于前一年份的“2020-2019”均不报。修复均为按需修复（编辑器快速修复，`--fix` 不自动应用，以免改动引文中的原文），两位年份按 20xx/19xx 推断，需确认。\n\n**来源与扩展**：无词表：写法依 GB/T 9704-2012 §7.3.5.4（日期）与 GB/T 15834-2011（连接号）。新的写法加在 server/src/core/rules/date-format.ts 的模式中，并在 test/rules/date-format.cases.ts 中补充正反例，在 test/corpus 上核对无误报。',
      en: '**Notes**: zero padding and full years per GB/T 9704-2012 §7.3.5.4; year spans with the 一字线 per GB/T 15834-2011. Errs towards misses: dates followed by a clock time, two-digit years after a word (a duration), and non-increasing spans are left alone. Fixes are offered (editor quick fixes) but not applied by `--fix`, which leaves quoted titles as written; a two-digit year is completed as 20xx/19xx and needs a look. **Source and extending**: no list: the forms of GB/T 9704-2012 §7.3.5.4 (dates) and GB/T 15834-2011 (the connecting dash). A new form goes into the patterns of server/src/core/rules/date-format.ts, with cases in test/rules/date-format.cases.ts, checked quiet on test/corpus.',
    },
    examples: [
      { bad: '本方案自2024年03月05日起施行。', good: '本方案自2024年3月5日起施行。' },
      { bad: '24年6月底前完成全部评估。', good: '2024年6月底前完成全部评估。' },
      { bad: '落实《卫生健康事业发展规划（2021-2025年）》。', good: '落实《卫生健康事业发展规划（2021—2025年）》。' },
      { bad: '编制2021~2025年建设计划。', good: '编制2021—2025年建设计划。' },
    ],
  },
  check,
};
