import type { Block } from '../model.js';
import type { Rule, RuleContext } from '../rule.js';
import { crossesLine } from '../indicators.js';
import { paragraphMatches, spanOf } from '../proofread/context.js';

/**
 * 发文字号 in the GB/T 9704-2012 §7.2.4 form 机关代字〔年份〕序号号: the year in full inside 六角括号
 * 〔〕, the number without 第 and without leading zeros (1, not 01). Flagged: 〔〕 written as [] ［］
 * () （） 【】, a two-digit year, 第01号. The 机关代字 must end in a Han character directly before the
 * bracket and 号 must follow the number: court case numbers （2021）鲁01民初39号 (their own form,
 * year first) and years in brackets elsewhere are left alone.
 *
 * An 印发通知 naming the plan it issues (现将《…》印发 / 附件：…) whose attached plan's title, later
 * in the same document, differs: reported at the name in the notice. Only when exactly one later
 * title line (ending in a genre word: 工作要点, 方案, 计划 …) shares three quarters of the name's
 * characters, and none matches it, so an unrelated title never fires.
 */
const NUMBER = /([\u4e00-\u9fa5])\s*([[［(（〔【])\s*((?:19|20)?[0-9]{2})\s*([\]］)）〕】])\s*(第?)\s*([0-9]+)\s*号/g;
const ISSUE = /(?:现将|印发)\s*《([^《》\n]{4,60})》|^附件\s*[0-9]?\s*[：:]\s*(?:[0-9]+[.．、]\s*)?《?([^《》\n。]{4,60}?)》?\s*$/g;
const GENRE = /(工作要点|要点|实施方案|工作方案|方案|工作计划|计划|工作安排|安排|实施意见|意见|办法|细则|规划|清单|通知|规定)$/;

function norm(s: string): string {
  return s.replace(/[\s\u3000《》“”"]/g, '');
}

function checkNumbers(ctx: RuleContext): void {
  for (const { block, m } of paragraphMatches(ctx, NUMBER, ctx.plan.blocks)) {
    const [all, code, open, year, close, di, num] = m;
    const yearFull = year!.length === 4;
    const problems: { zh: string; en: string }[] = [];
    if (open !== '〔' || close !== '〕')
      problems.push({
        zh: `年份应用六角括号“〔〕”括入，不用“${open}${close}”`,
        en: `the year goes in 〔〕, not "${open}${close}"`,
      });
    if (!yearFull) problems.push({ zh: '年份应标全称', en: 'the year in full' });
    if (di) problems.push({ zh: '序号不加“第”字', en: 'no 第 before the number' });
    if (num!.length > 1 && num![0] === '0') problems.push({ zh: '序号不编虚位（1不编为01）', en: 'no leading zeros in the number (1, not 01)' });
    if (problems.length === 0) continue;
    // a two-digit year is only fixed when it cannot be misread
    const fixedYear = yearFull ? year! : `20${year}`;
    const fixed = `${code}〔${fixedYear}〕${String(Number(num))}号`;
    const start = m.index;
    const span = spanOf(block, start, all.length);
    ctx.report({
      ...span,
      message: {
        zh: `发文字号应为“机关代字〔年份〕序号号”：${problems.map((p) => p.zh).join('；')}（GB/T 9704-2012 §7.2.4）`,
        en: `a document number takes the form 机关代字〔年份〕序号号: ${problems.map((p) => p.en).join('; ')} (GB/T 9704-2012 §7.2.4)`,
      },
      fix: crossesLine(ctx.plan.text, span)
        ? undefined
        : {
            title: { zh: `改为“…${fixed}”`, en: `Change to "…${fixed}"` },
            edits: [{ ...span, newText: fixed }],
            safe: false,
          },
      data: { written: all, fixed },
    });
  }
}

/** Title-like lines: short, no sentence punctuation, ending in a genre word. */
function titleLines(blocks: readonly Block[], from: number): { block: Block; text: string }[] {
  const out: { block: Block; text: string }[] = [];
  for (let bi = from; bi < blocks.length; bi++) {
    const b = blocks[bi]!;
    const t = b.text.trim();
    if (t.length < 6 || t.length > 60 || /[。；，：:]/.test(t)) continue;
    if (!GENRE.test(norm(t))) continue;
    out.push({ block: b, text: t });
  }
  return out;
}

function checkAttachment(ctx: RuleContext): void {
  const blocks = ctx.plan.blocks;
  // only the notice part at the head of the document
  const head = Math.min(blocks.length, 40);
  // one finding per named document (the notice's title and its 现将《…》印发 sentence name it twice)
  const reported = new Set<string>();
  for (let bi = 0; bi < head; bi++) {
    const b = blocks[bi]!;
    ISSUE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ISSUE.exec(b.text))) {
      const named = (m[1] ?? m[2] ?? '').trim();
      const key = norm(named);
      const genre = GENRE.exec(key)?.[1];
      if (!genre || key.endsWith('通知') || reported.has(key)) continue;
      // the same document: most of its characters are shared
      const chars = [...new Set(key)];
      const titles = titleLines(blocks, bi + 1).filter((t) => {
        const tk = norm(t.text);
        if (/^(关于)?印发/.test(tk)) return false;
        return chars.filter((c) => tk.includes(c)).length >= Math.max(4, chars.length * 0.75);
      });
      if (titles.some((t) => norm(t.text) === key) || titles.length !== 1) continue;
      const title = titles[0]!;
      reported.add(key);
      const at = m.index + m[0].indexOf(named);
      ctx.report({
        ...spanOf(b, at, named.length),
        message: {
          zh: `通知所印发的文件名称“${named}”与附件标题“${title.text}”不一致`,
          en: `the notice issues "${named}" but the attached document is titled "${title.text}"`,
        },
        data: { named, title: title.text },
      });
    }
  }
}

export const rule: Rule = {
  meta: {
    id: 'notice/document-number',
    description: {
      zh: '发文字号应为“机关代字〔年份〕序号号”（六角括号、年份全称、序号不加“第”不编虚位）；印发通知所称文件名与所附文件标题应一致；宁漏勿误：法院案号等其他编号不报，附件标题不唯一时不比较',
      en: 'A 发文字号 takes the form 机关代字〔年份〕序号号 (〔〕, the year in full, no 第, no leading zeros); an 印发通知 names its attachment by its title; errs towards misses: court case numbers and ambiguous attachments are left alone',
    },
    severity: 'warning',
    tags: ['text'],
    standard: 'GB/T 9704-2012 §7.2.4',
    fixable: true,
    docs: {
      zh: '**说明**：发文字号格式依 GB/T 9704-2012 §7.2.4：年份用六角括号“〔〕”括入并标全称，序号不加“第”、不编虚位。修复为按需修复（`--fix` 不自动应用：被引用的他机关文号按原文照录时也会被报告）。印发通知所称文件名（现将《…》印发、附件：…）与其后所附文件标题比较，只在恰有一个标题与之大部分相同而不一致时报告。宁漏勿误：法院案号（（2021）鲁01民初39号）等其他编号不报。',
      en: "**Notes**: the form of GB/T 9704-2012 §7.2.4 (〔〕, the year in full, no 第, no leading zeros); the fix is offered but not applied by `--fix` (a number quoted from another office may be reproduced as written). An 印发通知's named document is compared with the attached title only when exactly one later title shares most of its characters. Errs towards misses: court case numbers and other numbering are left alone.",
    },
    examples: [
      { bad: '豫卫办[2021]15号', good: '豫卫办〔2021〕15号' },
      { bad: '濉卫健（2021）31号', good: '濉卫健〔2021〕31号' },
      { bad: '开卫发〔2021〕第01号', good: '开卫发〔2021〕1号' },
      {
        bad: '现将《2022年全市疾病预防控制工作要点》印发给你们。\n\n2022年全市疾病预防控制工作计划\n\n一、加强监测预警',
        good: '现将《2022年全市疾病预防控制工作要点》印发给你们。\n\n2022年全市疾病预防控制工作要点\n\n一、加强监测预警',
      },
    ],
  },
  check(ctx) {
    checkNumbers(ctx);
    checkAttachment(ctx);
  },
};
