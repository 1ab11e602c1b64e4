import type { Rule } from '../rule.js';
import { parseChineseNumeral } from '../numbering.js';
import { bundledFormulations, formulationForms } from '../formulations.js';
import { blockSpan } from '../indicators.js';
import type { Block, Enumeration, Section } from '../model.js';

/**
 * A promised count in a heading: “两个短板”, 六种能力, 7个专项活动, “三大攻坚”.
 * The numeral must not be part of a larger number or an ordinal (第三个), and the counted
 * noun is short (at most eight characters, up to a closing quote or punctuation).
 */
/** counted nouns that measure (time, percentage points), so the phrase promises no items */
const MEASURE = /^(?:月|年|季度|星期|小时|工作日|百分点|多月|半月)/;

/** closing quotes and brackets after a quoted count phrase */
const CLOSE = /^[”’」』》"']*/;
/** a short noun tail after the phrase (“两个短板”工作, 三大攻坚战任务) still leaves the phrase the title's object */
const TAIL_MAX = 4;

/**
 * Whether the count phrase at [at, end) of the title governs what follows: it is the title's object
 * (the title ends after it, or its clause does, or a short noun tail follows), not a modifier inside
 * a longer predicate (以“三个一”为抓手推进……).
 */
function governs(title: string, end: number): boolean {
  const after = title.slice(end);
  const rest = after.slice(CLOSE.exec(after)![0].length);
  const clause = rest.search(/[，。；：,;:、（(]/);
  const tail = clause < 0 ? rest : rest.slice(0, clause);
  return tail.length <= TAIL_MAX;
}

const COUNT_PHRASE =
  /(?<![0-9０-９第一二三四五六七八九十百千万])([一二两三四五六七八九十]{1,3}|[1-9][0-9]?)(个|种|大|项|条|道|类|方面|件|项重点)([\u4e00-\u9fa5]{1,8})/;

/**
 * A count announced by the deictic 以下 / 如下 at the end of a section's own text (重点做好以下三项工作。,
 * 做到以下三点：): “the following N” refers to what comes next, the section's sub-items or its list.
 */
const ANNOUNCED = /(?:以下|如下)([一二两三四五六七八九十]{1,3}|[1-9][0-9]?)(个方面|方面|个|项|点|条|类|种|件)[\u4e00-\u9fa5]{0,4}[。：:]?\s*$/;

/** The count phrase a section's own text announces last (以下三项工作), with its block and offset in the block's text. */
function announced(s: Section): { block: Block; at: number; phrase: string; numeral: string } | undefined {
  const block = s.body.length > 0 ? s.body[s.body.length - 1]! : s.block;
  // a heading block announces only in its run-in body (the title's own count is read from the title)
  if (block === s.block && !s.runIn) return undefined;
  const m = ANNOUNCED.exec(block.text);
  if (!m || (block === s.block && m.index < block.text.indexOf(s.title) + s.title.length)) return undefined;
  return { block, at: m.index, phrase: m[0].replace(/[。：:\s]+$/, ''), numeral: m[1]! };
}

/** What follows a section and is counted: its sub-items at their top level, else its longest list (一是…, ①…). */
function counted(s: Section, enums: readonly Enumeration[]): { actual: number; what: { zh: string; en: string } } | undefined {
  if (s.children.length > 0) {
    // (no Math.min(...spread): 200,000 children would overflow the call stack)
    const lv = s.children.reduce((m, c) => Math.min(m, c.level), 4);
    return { actual: s.children.filter((c) => c.level === lv).length, what: { zh: '下级条目', en: 'sub-items' } };
  }
  if (enums.length === 0) return undefined;
  return { actual: enums.reduce((m, e) => Math.max(m, e.items.length), 0), what: { zh: '“一是……”列举项', en: 'inline 一是…… items' } };
}

const countOf = (numeral: string): number => (/[0-9]/.test(numeral) ? Number(numeral) : parseChineseNumeral(numeral.replace('两', '二')));

export const rule: Rule = {
  meta: {
    id: 'numbering/count-word',
    tags: ['structural'],
    description: {
      zh: '标题中许诺的数目（如“两个短板”“六种能力”“7个专项活动”），以及条目正文末尾用“以下/如下”预告的数目（重点做好以下三项工作），应与其下级条目或“一是……”“①②③”列举的数目一致',
      en: 'A count promised in a heading (“两个短板”, “六种能力”, “7个专项活动”), or announced with 以下/如下 at the end of an item’s own text (重点做好以下三项工作), matches the number of its sub-items or inline 一是…… / ①②③ items',
    },
    severity: 'error',
    fixable: false,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        formulations: {
          type: 'array',
          items: { type: 'string', minLength: 2 },
          description:
            '固定提法（名称，不是许诺的条数），补充内置清单 server/data/formulations.yaml / fixed formulations (names, not counts) added to the bundled list',
        },
      },
    },
    examples: [
      {
        bad: '六、提升“六种能力”\n（一）提升检测能力\n（二）提升服务能力\n（三）提升保障能力\n（四）提升治理能力\n（五）提升发展能力',
        good: '五、提升“五种能力”\n（一）提升检测能力\n（二）提升服务能力\n（三）提升保障能力\n（四）提升治理能力\n（五）提升发展能力',
      },
      {
        bad: '七、突出“七个重点”\n（一）甲\n（二）乙',
        good: '一、坚决做到“两个维护”\n（一）提高政治站位\n（二）压实工作责任\n（三）严明纪律规矩',
        note: {
          zh: '固定提法（两个维护、四个意识等）是名称，不是许诺的条数',
          en: 'a fixed formulation (两个维护, 四个意识 …) is a name, not a promised count',
        },
      },
      { bad: '（六）突出抓好3个专项活动。一是整治医疗乱象；二是整治欺诈骗保。', good: '（六）突出抓好2个专项活动。一是整治医疗乱象；二是整治欺诈骗保。' },
    ],
  },
  check(ctx) {
    const { plan } = ctx;
    // enumerations by section, built once (linear in drafts with many sections and enumerations)
    const enumsBySection = new Map<number, typeof plan.enumerations>();
    for (const e of plan.enumerations) {
      if (e.sectionId === undefined) continue;
      const list = enumsBySection.get(e.sectionId);
      if (list) list.push(e);
      else enumsBySection.set(e.sectionId, [e]);
    }
    const extra = Array.isArray(ctx.options['formulations'])
      ? (ctx.options['formulations'] as unknown[]).filter((x): x is string => typeof x === 'string')
      : [];
    let forms: string[] | undefined;
    for (const s of plan.allSections) {
      const m = COUNT_PHRASE.exec(s.title);
      if (!m) {
        // no count in the title: a count its own text announces for what follows (以下三项工作)
        const a = announced(s);
        const c = a && counted(s, enumsBySection.get(s.id) ?? []);
        const promised = a ? countOf(a.numeral) : NaN;
        if (!a || !c || !Number.isFinite(promised) || promised < 2 || c.actual === promised) continue;
        ctx.report({
          ...blockSpan(a.block, a.at, a.at + a.phrase.length),
          message: {
            zh: `文中许诺“${a.phrase}”（${promised} 项），但其下共有 ${c.actual} 个${c.what.zh}`,
            en: `the text announces "${a.phrase}" (${promised}), but ${c.actual} ${c.what.en} follow`,
          },
          data: { promised, actual: c.actual },
        });
        continue;
      }
      // a fixed formulation is a name (坚决做到“两个维护”), not a count of what follows
      forms ??= formulationForms(bundledFormulations(), extra);
      if (forms.some((f) => s.title.startsWith(f, m.index))) continue;
      if (!governs(s.title, m.index + m[0].length)) continue;
      // 3个月时间, 两个百分点: a span of time or a measure, not a count of items
      if (MEASURE.test(m[3]!)) continue;
      const promised = countOf(m[1]!);
      if (!Number.isFinite(promised) || promised < 2) continue;
      const c = counted(s, enumsBySection.get(s.id) ?? []);
      if (c === undefined || c.actual === promised) continue;
      const phrase = m[0];
      // through the block's segments: a title may straddle a line break
      const t = s.block.text.indexOf(s.title) + m.index;
      ctx.report({
        ...blockSpan(s.block, t, t + phrase.length),
        message: {
          zh: `标题许诺“${phrase}”（${promised} 项），但其下共有 ${c.actual} 个${c.what.zh}`,
          en: `the heading promises "${phrase}" (${promised}), but ${c.actual} ${c.what.en} follow`,
        },
        data: { promised, actual: c.actual },
      });
    }
  },
};
