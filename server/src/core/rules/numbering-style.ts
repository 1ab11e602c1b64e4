import type { Rule } from '../rule.js';
import type { Section, Severity } from '../model.js';
import { ZERO_WIDTH } from '../numbering.js';

const LEVEL_NAME = ['', '一级', '二级', '三级', '四级'] as const;
const LEVEL_EN = ['', 'level-1', 'level-2', 'level-3', 'level-4'] as const;

/** What is wrong with a token, in both languages; undefined when it is in the canonical form. */
function problem(s: Section, fullwidthPeriod: string, mixedBrackets: boolean): { zh: string; en: string; severity?: Severity } | undefined {
  const t = s.token;
  const lv = t.level;
  // an article 第N条 of rules and regulations has one form (GB/T 9704 does not govern it)
  if (t.scheme === 'article') return undefined;
  // a decimal section number (1.1, 3.2.1) has one form: points between the numbers, nothing else
  if (t.scheme === 'decimal') {
    if (t.raw === t.canonical) return undefined;
    return {
      zh: `章节编号“${t.raw}”中有多余的空格或全角点，应为“${t.canonical}”`,
      en: `section number "${t.raw}" holds a stray space or full-width point; expected "${t.canonical}"`,
    };
  }
  if (t.numeral === 'enclosed') {
    return {
      zh: `序号“${t.raw}”是带括号或带点的合成字符，应为“${t.canonical}”`,
      en: `numbering "${t.raw}" is an enclosed Unicode character; expected "${t.canonical}"`,
    };
  }
  if (ZERO_WIDTH.test(t.raw)) {
    return {
      zh: `序号“${t.raw}”中含有不可见的零宽字符，应为“${t.canonical}”`,
      en: `numbering "${t.raw}" holds an invisible zero-width character; expected "${t.canonical}"`,
    };
  }
  if (t.numeral === 'fullwidth-arabic') {
    return { zh: `序号“${t.raw}”使用了全角数字，应为半角“${t.canonical}”`, en: `numbering "${t.raw}" uses full-width digits; expected "${t.canonical}"` };
  }
  if (lv === 2 || lv === 4) {
    if (t.bracket !== 'full') {
      const mixed = mixedBrackets ? '（全文全角、半角括号混用）' : '';
      const mixedEn = mixedBrackets ? ' (the document mixes full- and half-width brackets)' : '';
      return {
        zh: `${LEVEL_NAME[lv]}序号“${t.raw}”使用了半角括号，应为全角“${t.canonical}”${mixed}`,
        en: `${LEVEL_EN[lv]} numbering "${t.raw}" uses half-width brackets; expected "${t.canonical}"${mixedEn}`,
      };
    }
    if (t.punct !== '') {
      return {
        zh: `带括号的序号“${t.raw}”后不加标点，应为“${t.canonical}”`,
        en: `a bracketed ordinal takes no punctuation after it: "${t.raw}" → "${t.canonical}"`,
      };
    }
    return undefined;
  }
  if (lv === 1) {
    if (t.punct !== '、') {
      return {
        zh: `一级序号“${t.raw}”后应用顿号，应为“${t.canonical}”`,
        en: `a level-1 ordinal takes an enumeration comma (顿号): "${t.raw}" → "${t.canonical}"`,
      };
    }
    return undefined;
  }
  // level 3
  if (t.punct === '．') {
    if (fullwidthPeriod === 'allow') return undefined;
    return {
      zh: `三级序号“${t.raw}”后用了全角点“．”，应为半角“${t.canonical}”`,
      en: `level-3 numbering "${t.raw}" uses a full-width point; expected "${t.canonical}"`,
      severity: fullwidthPeriod === 'error' ? 'error' : undefined,
    };
  }
  if (t.punct !== '.') {
    return {
      zh: `阿拉伯数字序号“${t.raw}”后应用下脚点，应为“${t.canonical}”`,
      en: `an Arabic ordinal takes a full stop (下脚点): "${t.raw}" → "${t.canonical}"`,
    };
  }
  return undefined;
}

export const rule: Rule = {
  meta: {
    id: 'numbering/style',
    tags: ['structural'],
    description: {
      zh: '序号形式应符合层级：一、 （一） 1. （1），括号全角、数字半角，带括号的序号后不加标点',
      en: 'Numbering tokens take the form of their level: 一、 （一） 1. （1）, full-width brackets, half-width digits, no punctuation after brackets',
    },
    severity: 'warning',
    standard: 'GB/T 9704-2012 §7.3.3; GB/T 15834-2011',
    fixable: true,
    examples: [
      { bad: '1、加强监测预警。', good: '1.加强监测预警。' },
      { bad: '(一)继续推进重点项目建设。', good: '（一）继续推进重点项目建设。' },
      { bad: '（一）、完善卫生应急管理体系', good: '（一）完善卫生应急管理体系' },
      { bad: '一．坚决打赢疫情防控持久战', good: '一、坚决打赢疫情防控持久战' },
      { bad: '１．提升应对能力。', good: '1.提升应对能力。' },
      { bad: '一、总体要求\n㈠加强监测', good: '一、总体要求\n（一）加强监测' },
    ],
    optionsSchema: {
      type: 'object',
      properties: {
        fullwidthPeriod: {
          enum: ['allow', 'warning', 'error'],
          description: 'How to treat the full-width point after level-3 numbers (1．): a house choice',
        },
      },
      additionalProperties: false,
    },
  },
  check(ctx) {
    const fullwidthPeriod = typeof ctx.options['fullwidthPeriod'] === 'string' ? (ctx.options['fullwidthPeriod'] as string) : 'warning';
    const bracketed = ctx.plan.allSections.filter((s) => !s.token.scheme && (s.token.level === 2 || s.token.level === 4));
    const mixedBrackets = bracketed.some((s) => s.token.bracket === 'full') && bracketed.some((s) => s.token.bracket !== 'full');
    for (const s of ctx.plan.allSections) {
      const p = problem(s, fullwidthPeriod, mixedBrackets);
      if (!p) continue;
      ctx.report({
        start: s.token.start,
        end: s.token.end,
        severity: p.severity,
        message: { zh: p.zh, en: p.en },
        fix: {
          title: { zh: `改为“${s.token.canonical}”`, en: `Change to "${s.token.canonical}"` },
          edits: [{ start: s.token.start, end: s.token.end, newText: s.token.canonical }],
          safe: true,
        },
      });
    }
  },
};
