import type { Block } from '../model.js';
import type { Span } from '../text.js';
import type { Rule, RuleContext } from '../rule.js';
import { blockSpan, crossesLine, tokenSpans } from '../indicators.js';
import { parseChineseDecimal } from '../indicators/numbers.js';
import { formatNumber } from '../indicators/numbers.js';
import { toHalfWidth } from '../text.js';
import { allMatches, perParagraphAll } from '../proofread/context.js';

/**
 * Numbers in statistics (GB/T 15835-2011): half-width Arabic digits, no space inside a number or
 * before %/‰, a range of percentages carries the unit on both values, and 约 is not stacked
 * with 左右/余/多. A space between Chinese text and a number ("达到 90%") is how PDF extraction
 * spaces CJK and Latin text, not a defect; thousands grouped by spaces ("10 000") are allowed.
 */

/** A run of digits (either width), decimal points and spaces between digit groups, with %/‰. */
const NUMBER_CHUNK = /[0-9０-９](?:[0-9０-９]|[.．](?=[ \u3000]*[0-9０-９])|[ \u3000]+(?=[0-9０-９.．]))*(?:[ \u3000]*[%％‰])?/g;
const CN_PERCENT = /(百分之|千分之)([零〇一二两三四五六七八九十百点]+)/g;
const RANGE_MISSING_UNIT = /(?<![0-9０-９.．%％‰])([0-9]+(?:\.[0-9]+)?)([ \u3000]*)([～~〜\-－–—])([ \u3000]*)([0-9]+(?:\.[0-9]+)?)([ \u3000]*)([%％‰])/g;
const STACKED_APPROX =
  /(约为|大约|(?<![签节制公契预合条婚履违特相邀践])约)([ \u3000]*)([0-9０-９][0-9０-９.．,]*)([ \u3000]*)(?:(?:万|亿|千)?(余|多)|((?:万|亿|千)?[^\s，。；、：:,;0-9０-９（）()]{0,3}?)([ \u3000]*)(左右|上下))/g;
const DIGIT = /[0-9０-９]/;
const HYPHENS = new Set(['-', '－', '–']);

function overlapsAny(span: Span, spans: readonly Span[]): boolean {
  for (const s of spans) if (span.start < s.end && s.start < span.end) return true;
  return false;
}

/** Whether spaces inside the digits are thousands grouping: every group after the first has 3 digits. */
function isGrouping(digits: string): boolean {
  const intPart = digits.split(/[.．]/)[0]!;
  const groups = intPart.split(/[ \u3000]+/);
  if (groups.length < 2) return false;
  if (digits.indexOf('.') >= 0 && /[ \u3000]/.test(digits.slice(digits.indexOf('.')))) return false;
  return groups[0]!.length >= 1 && groups[0]!.length <= 3 && groups.slice(1).every((g) => g.length === 3);
}

/** Whether a number chunk has a space (either width) or a full-width digit, point or percent sign. */
function hasSpaceOrFullWidth(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x20 || c === 0x3000 || (c >= 0xff10 && c <= 0xff19) || c === 0xff0e || c === 0xff05) return true;
  }
  return false;
}

function checkChunks(ctx: RuleContext, b: Block, tokens: readonly Span[], chunks: readonly RegExpExecArray[]): void {
  for (const m of chunks) {
    const raw = m[0];
    // (blanks are matched only from the start of their run, where the leftmost match starts: linear)
    const unitMatch = /(?<![ \u3000])[ \u3000]*([%％‰])$/.exec(raw);
    const digits = unitMatch ? raw.slice(0, raw.length - unitMatch[0].length) : raw;
    const fullWidth = /[０-９．％]/.test(raw);
    // digits separated by spaces are one broken number only when a unit or decimal point says so
    // ("9 0%", "9. 5"); "1 2 3" may be a list
    const innerSpace = /[ \u3000]/.test(digits) && !isGrouping(digits) && (unitMatch !== null || /[.．]/.test(digits)) && raw.length <= 32;
    const unitSpace = unitMatch !== null && unitMatch[0].length > 1;
    if (!fullWidth && !innerSpace && !unitSpace) continue;
    const span = blockSpan(b, m.index, m.index + raw.length);
    if (overlapsAny(span, tokens)) continue;
    // keep grouping spaces when the only problem is elsewhere
    const cleanDigits = innerSpace ? digits.replace(/[ \u3000]+/g, '') : digits;
    const fixed = toHalfWidth(cleanDigits) + (unitMatch ? toHalfWidth(unitMatch[1]!) : '');
    const zh: string[] = [];
    const en: string[] = [];
    if (fullWidth) {
      zh.push('使用了全角数字或符号');
      en.push('uses full-width digits or signs');
    }
    if (innerSpace) {
      zh.push('数字中间有空格');
      en.push('has a space inside the number');
    }
    if (unitSpace) {
      zh.push(`数字与“${unitMatch![1]}”之间有空格`);
      en.push(`has a space between the number and "${unitMatch![1]}"`);
    }
    // the edit must not cover a section token (checked above) nor PDF line breaks: edit only
    // within one line; spans that cross lines are reported with a fix only when the line
    // break is not inside the replaced text.
    const wrapped = crossesLine(ctx.plan.text, span);
    ctx.report({
      ...span,
      message: {
        zh: `数字“${raw}”${zh.join('，')}，应写作“${fixed}”`,
        en: `number "${raw}" ${en.join(', ')}; write "${fixed}"`,
      },
      fix: wrapped ? undefined : { title: { zh: `改为“${fixed}”`, en: `Change to "${fixed}"` }, edits: [{ ...span, newText: fixed }], safe: true },
      data: { kind: fullWidth ? 'full-width' : 'space' },
    });
  }
}

/** Whether the text at `at` ends a clause: a clause mark, a closing bracket or quote, or the end of the text. */
function closesClause(text: string, at: number): boolean {
  return at >= text.length || /^\s*(?:$|[。，；、：！？）)”」\n])/.test(text.slice(at, at + 4));
}

function checkChineseNumerals(ctx: RuleContext, b: Block, found: readonly RegExpExecArray[]): void {
  for (const m of found) {
    const [raw, kind, num] = m as unknown as [string, string, string];
    // 百分之百 is an idiom where it qualifies what follows (百分之百的努力, 百分之百完成任务) and a
    // statistic where it is the value that closes its clause (新能源车辆比例达到百分之百。)
    if (num === '百' && kind === '百分之' && !closesClause(b.text, m.index + raw.length)) continue;
    const value = parseChineseDecimal(num);
    if (!Number.isFinite(value)) continue;
    const unit = kind === '百分之' ? '%' : '‰';
    const fixed = formatNumber(value, 6) + unit;
    const span = blockSpan(b, m.index, m.index + raw.length);
    ctx.report({
      ...span,
      message: {
        zh: `统计数据应使用阿拉伯数字：“${raw}”应写作“${fixed}”`,
        en: `statistics use Arabic numerals: write "${fixed}" for "${raw}"`,
      },
      fix: crossesLine(ctx.plan.text, span)
        ? undefined
        : { title: { zh: `改为“${fixed}”`, en: `Change to "${fixed}"` }, edits: [{ ...span, newText: fixed }], safe: false },
      data: { kind: 'chinese-numeral' },
    });
  }
}

function checkRanges(ctx: RuleContext, b: Block, found: readonly RegExpExecArray[]): void {
  for (const m of found) {
    const [raw, a, sp1, sep, , bNum, , unitRaw] = m as unknown as [string, string, string, string, string, string, string, string];
    const unit = toHalfWidth(unitRaw);
    const aEnd = m.index + a.length;
    const sepStart = aEnd + sp1.length;
    const hyphen = HYPHENS.has(sep);
    const good = `${a}${unit}～${bNum}${unit}`;
    const span = blockSpan(b, m.index, m.index + raw.length);
    const edits = [{ ...blockSpan(b, aEnd, aEnd), newText: unit }];
    if (hyphen) edits.push({ ...blockSpan(b, sepStart, sepStart + sep.length), newText: '～' });
    ctx.report({
      ...span,
      message: {
        zh: `百分数范围“${raw}”的两个数值都应带“${unit}”${hyphen ? '，范围号用“～”' : ''}，应写作“${hyphen ? good : `${a}${unit}${sep}${bNum}${unit}`}”`,
        en: `both values of the range "${raw}" take "${unit}"${hyphen ? ' and the range mark is "～"' : ''}: write "${hyphen ? good : `${a}${unit}${sep}${bNum}${unit}`}"`,
      },
      fix: edits.some((e) => crossesLine(ctx.plan.text, e))
        ? undefined
        : {
            title: { zh: hyphen ? `改为“${good}”` : `在“${a}”后补“${unit}”`, en: hyphen ? `Change to "${good}"` : `Add "${unit}" after "${a}"` },
            edits,
            safe: true,
          },
      data: { kind: 'range-unit' },
    });
  }
}

function checkStackedApprox(ctx: RuleContext, b: Block, found: readonly RegExpExecArray[]): void {
  for (const m of found) {
    const raw = m[0];
    const approx = m[1]!;
    const tail = m[5] ?? m[8]!;
    const tailStart = m.index + raw.length - tail.length;
    // remove the trailing word and the spaces before it (for 余/多 keep the spaces)
    const removeStart = m[8] ? tailStart - (m[7]?.length ?? 0) : tailStart;
    const span = blockSpan(b, m.index, m.index + raw.length);
    const edit = { ...blockSpan(b, removeStart, m.index + raw.length), newText: '' };
    ctx.report({
      ...span,
      message: {
        zh: `“${approx}”与“${tail}”都表示概数，按编辑惯例不宜叠用：“${raw}”保留其一即可`,
        en: `"${approx}" and "${tail}" both mark an approximate number; editorial practice keeps one of them in "${raw}"`,
      },
      fix: crossesLine(ctx.plan.text, edit) ? undefined : { title: { zh: `删除“${tail}”`, en: `Remove "${tail}"` }, edits: [edit], safe: false },
      // editorial practice, not a clause of GB/T 15835-2011: cite no standard for this one
      standard: '',
      data: { kind: 'stacked-approximation' },
    });
  }
}

/** The matches the checks read in a paragraph, from its text alone (kept per paragraph text: perParagraph). */
interface Forms {
  /** whether the text holds a digit (the Arabic number checks run) */
  digit: boolean;
  /** the number chunks with a space or a full-width character (most numbers have neither: nothing to check) */
  chunks: readonly RegExpExecArray[];
  ranges: readonly RegExpExecArray[];
  stacked: readonly RegExpExecArray[];
  /** whether the text holds 分之 (the check of 百分之… runs) */
  percentWords: boolean;
  chinese: readonly RegExpExecArray[];
}

const FORMS: object = Object.freeze({ name: 'indicator/format forms' });
const NONE: readonly RegExpExecArray[] = Object.freeze([]);

/** what a paragraph without a digit or 分之 holds (shared: nothing is kept for it) */
const NO_FORMS: Forms = Object.freeze({ digit: false, chunks: NONE, ranges: NONE, stacked: NONE, percentWords: false, chinese: NONE });

function formsOf(t: string): Forms {
  const digit = DIGIT.test(t);
  const percentWords = t.includes('分之');
  if (!digit && !percentWords) return NO_FORMS;
  return {
    digit,
    chunks: digit ? allMatches(NUMBER_CHUNK, t).filter((m) => hasSpaceOrFullWidth(m[0])) : NONE,
    ranges: digit ? allMatches(RANGE_MISSING_UNIT, t) : NONE,
    stacked: digit ? allMatches(STACKED_APPROX, t) : NONE,
    percentWords,
    chinese: percentWords ? allMatches(CN_PERCENT, t) : NONE,
  };
}

export const rule: Rule = {
  meta: {
    id: 'indicator/format',
    tags: ['indicator'],
    description: {
      zh: '统计数字用半角阿拉伯数字，数字内部及数字与“%”之间不加空格，百分数范围两端都带“%”，“约”不与“左右”“余”叠用',
      en: 'Statistics use half-width Arabic digits, no space inside a number or before "%", both ends of a percentage range carry "%", and "约" is not stacked with "左右"/"余"',
    },
    severity: 'warning',
    standard: 'GB/T 15835-2011',
    fixable: true,
    examples: [
      { bad: '接种率达到９０％以上', good: '接种率达到90%以上' },
      { bad: '签约率达到百分之九十', good: '签约率达到90%' },
      { bad: '覆盖率达到 90 %', good: '覆盖率达到 90%' },
      { bad: '占比控制在15～30%', good: '占比控制在15%～30%' },
      { bad: '占比为30-40%', good: '占比为30%～40%' },
      { bad: '投入约 50 万元左右', good: '投入约 50 万元' },
    ],
  },
  check(ctx) {
    const tokens = tokenSpans(ctx.plan);
    const forms = perParagraphAll(ctx, FORMS, formsOf);
    for (let bi = 0; bi < forms.length; bi++) {
      const b = ctx.plan.blocks[bi]!;
      const f = forms[bi]!;
      if (f.digit) {
        checkChunks(ctx, b, tokens, f.chunks);
        checkRanges(ctx, b, f.ranges);
        checkStackedApprox(ctx, b, f.stacked);
      }
      if (f.percentWords) checkChineseNumerals(ctx, b, f.chinese);
    }
  },
};
