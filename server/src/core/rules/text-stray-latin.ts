import type { Block } from '../model.js';
import type { Rule, RuleContext } from '../rule.js';
import { blockSpan, crossesLine } from '../indicators.js';
import { toHalfWidth } from '../text.js';

/**
 * A lowercase Latin word between Chinese characters (“思想 and 党的”): usually a slip of the
 * input method or a machine-translation leftover. Not flagged: capitals and mixed case
 * (PPP, IGM, P2, CT, GDP, mRNA, I 级), units after a number (10000 m², 5 km), single letters
 * (brand prefixes such as e家/i健康), URLs, e-mail addresses, file names, Latin next to Latin (an
 * English title or phrase), and the name of an organisation (东莞vivo全球研发总部).
 */
const WORD = /[A-Za-zＡ-Ｚａ-ｚ]+/g;
const LOWERCASE = /[a-zａ-ｚ]/;
const UNITS = new Set([
  'km',
  'kg',
  'mg',
  'ml',
  'mm',
  'cm',
  'dm',
  'm',
  'g',
  't',
  'h',
  'min',
  's',
  'ms',
  'kb',
  'mb',
  'gb',
  'tb',
  'kw',
  'kwh',
  'mmol',
  'mol',
  'l',
  'ppm',
  'ph',
  'db',
  'hz',
  'khz',
  'mhz',
  'ghz',
  'mu',
  'ug',
  'μg',
]);
/** Lowercase loanwords that Chinese prose uses as they are (健康app, 免费wifi). */
const LOANWORDS = new Set(['app', 'apps', 'wifi', 'web', 'email', 'blog', 'vlog', 'logo']);
const TRANSLATION: Record<string, string> = { and: '和', or: '或' };
/**
 * The head noun of an organisation or site within a few characters after the word: the word then
 * names it (a company or brand written lowercase by its owner, 东莞vivo全球研发总部), it is no stray.
 */
const ORGANISATION_AFTER = /^[\u4e00-\u9fff]{0,6}?(?:总部|公司|集团|工厂|基地|产业园|研究院)/;

function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}
/** CJK punctuation and full-width forms that sit in Chinese prose. */
function isCjkPunct(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x303f) ||
    code === 0xff0c ||
    code === 0xff1b ||
    code === 0xff1a ||
    code === 0xff08 ||
    code === 0xff09 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0xff01 ||
    code === 0xff1f
  );
}
function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0;
}

function checkBlock(ctx: RuleContext, b: Block): void {
  const t = b.text;
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(t))) {
    const raw = m[0];
    const word = toHalfWidth(raw);
    if (word.length < 2 || word !== word.toLowerCase()) continue;
    if (UNITS.has(word) || LOANWORDS.has(word)) continue;
    const start = m.index;
    const end = start + raw.length;
    // neighbours, skipping spaces
    let p = start - 1;
    while (p >= 0 && isSpaceCode(t.charCodeAt(p))) p--;
    let n = end;
    while (n < t.length && isSpaceCode(t.charCodeAt(n))) n++;
    if (p < 0 || n >= t.length) continue;
    const pc = t.charCodeAt(p);
    const nc = t.charCodeAt(n);
    if (!(isHan(pc) || isCjkPunct(pc)) || !(isHan(nc) || isCjkPunct(nc))) continue;
    // a unit written after a number and a space ("5 km以内") has a digit before it
    if (/[0-9０-９]/.test(t[p]!)) continue;
    if (ORGANISATION_AFTER.test(t.slice(n, n + 16))) continue;
    const span = blockSpan(b, start, end);
    const zh = TRANSLATION[word];
    // replace the word with the spaces around it, when they sit on one line
    const outer = blockSpan(b, p + 1, n);
    const oneLine = !crossesLine(ctx.plan.text, outer);
    ctx.report({
      ...span,
      message: {
        zh: `中文行文中夹有英文单词“${raw}”${zh ? `，疑为“${zh}”` : ''}`,
        en: `Latin word "${raw}" inside Chinese prose${zh ? `; probably "${zh}"` : ''}`,
      },
      fix: zh && oneLine ? { title: { zh: `改为“${zh}”`, en: `Replace with "${zh}"` }, edits: [{ ...outer, newText: zh }], safe: false } : undefined,
      data: { word },
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'text/stray-latin',
    tags: ['text'],
    description: {
      zh: '中文行文中夹杂的小写英文单词（如“思想 and 党的”）；缩写、专有名词、单位、网址不在此列',
      en: 'A lowercase Latin word inside Chinese prose (e.g. “思想 and 党的”); abbreviations, proper tokens, units and URLs are fine',
    },
    severity: 'warning',
    fixable: true,
    examples: [
      { bad: '以习近平新时代中国特色社会主义思想 and 党的十九大精神为指导', good: '以习近平新时代中国特色社会主义思想和党的十九大精神为指导' },
      { bad: '推进 health 信息平台建设', good: '推进健康信息平台建设' },
    ],
  },
  check(ctx) {
    // only paragraphs with a lowercase letter (either width) can have a finding
    for (const b of ctx.plan.blocks) if (LOWERCASE.test(b.text)) checkBlock(ctx, b);
  },
};
