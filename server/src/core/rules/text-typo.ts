import type { Rule, RuleContext } from '../rule.js';
import { crossesLine } from '../indicators.js';
import { paragraphMatches, spanOf } from '../proofread/context.js';
import { bundledTypos, type TypoPair } from '../proofread/data.js';

/**
 * Curated confusion pairs that matter in 公文 (server/data/typos.yaml): words that do not exist
 * (布署, 再接再励), a word in the wrong sense (截止 directly before a date means 截至), and
 * characters that text recognition swaps in known words (纳人 → 纳入, 己经 → 已经). Every pair
 * states the context in which it is an error (after / notAfter / notBefore / date) and its source.
 * Errs towards misses: a pair whose context is not met is quiet, and the list is kept short and
 * checked against the seeds and the corpus.
 */
const DATE_AFTER =
  /^\s*(?:(?:19|20)[0-9]{2}\s*年|[0-9]{1,2}\s*月|目前|今年|去年|上年|本年|年底|年末|当前|现在|[一二三四五六七八九十]{1,2}月|上半年|下半年|第[一二三四]季度)/;

/** All wrong forms in one pattern (longest first), and the pairs by wrong form; built on first use. */
let compiled: { re: RegExp; byWrong: Map<string, TypoPair[]> } | undefined;
function pattern(): { re: RegExp; byWrong: Map<string, TypoPair[]> } {
  if (!compiled) {
    const byWrong = new Map<string, TypoPair[]>();
    for (const p of bundledTypos()) {
      const list = byWrong.get(p.wrong);
      if (list) list.push(p);
      else byWrong.set(p.wrong, [p]);
    }
    const alternatives = [...byWrong.keys()].sort((x, y) => y.length - x.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    compiled = { re: new RegExp(alternatives.join('|'), 'g'), byWrong };
  }
  return compiled;
}

function applies(p: TypoPair, text: string, at: number): boolean {
  const rest = text.slice(at + p.wrong.length, at + p.wrong.length + 12);
  const head = text.slice(Math.max(0, at - 6), at);
  if (p.after && !p.after.some((w) => rest.startsWith(w))) return false;
  if (p.notAfter?.some((w) => rest.startsWith(w))) return false;
  if (p.notBefore?.some((w) => head.endsWith(w))) return false;
  if (p.date && !DATE_AFTER.test(rest)) return false;
  return true;
}

function check(ctx: RuleContext): void {
  const { re, byWrong } = pattern();
  // the pattern is built once from the bundled list: its matches are kept per paragraph
  for (const { block, m } of paragraphMatches(ctx, re)) {
    const t = block.text;
    const i = m.index;
    const p = byWrong.get(m[0])!.find((x) => applies(x, t, i));
    if (!p) continue;
    const span = spanOf(block, i, p.wrong.length);
    const canFix = p.fix !== false && !crossesLine(ctx.plan.text, span);
    const why =
      p.kind === 'usage'
        ? { zh: '（用法）', en: ' (usage)' }
        : p.kind === 'ocr'
          ? { zh: '（疑为识别错字）', en: ' (probably a text-recognition error)' }
          : { zh: '', en: '' };
    ctx.report({
      ...span,
      message: {
        zh: `“${p.wrong}”应为“${p.right}”${why.zh}；依据：${p.source}`,
        en: `"${p.wrong}" should be "${p.right}"${why.en}; source: ${p.source}`,
      },
      fix: canFix
        ? {
            title: { zh: `改为“${p.right}”`, en: `Change to "${p.right}"` },
            edits: [{ ...span, newText: p.right }],
            safe: false,
          }
        : undefined,
      data: { wrong: p.wrong, right: p.right, kind: p.kind ?? 'word' },
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'text/typo',
    description: {
      zh: '公文常见易错字词（布署→部署、再接再励→再接再厉、日期前的“截止”→“截至”、识别错字“纳人”→“纳入”等），每对均附出处与适用语境；宁漏勿误：语境不符即不报，词表经种子文稿和语料检验无误报。词表见 server/data/typos.yaml',
      en: 'Common confusions in official documents (布署→部署, 再接再励→再接再厉, 截止 before a date → 截至, OCR 纳人→纳入 …), each with its source and the context in which it is wrong; errs towards misses: outside that context a pair is quiet. List: server/data/typos.yaml',
    },
    severity: 'warning',
    tags: ['text'],
    fixable: true,
    docs: {
      zh: '**词表**：`server/data/typos.yaml`（模式 `schemas/typos.schema.json`）：每对含误写 wrong、正确 right、类别 kind（word 非词、usage 用法、ocr 识别错字）、适用语境（after 后接、notAfter 不后接、notBefore 不前接、date 后接日期）与出处 source；构建时编译为 `server/data/compiled/typos.json`。\n\n**扩展**：在 typos.yaml 中增加一对，写明出处和使语境外的正当用法不报的条件，运行 `npm test`（每一对都须在种子文稿与 test/corpus 上无误报）。宁漏勿误：语境不符即不报，修复为非安全修复。',
      en: '**List**: `server/data/typos.yaml` (schema `schemas/typos.schema.json`): wrong, right, kind, the context conditions (after, notAfter, notBefore, date) and a source; compiled at build time. **Extending**: add a pair with its source and a context that keeps legitimate uses quiet, then run `npm test` (every pair must be quiet on the seeds and test/corpus). Errs towards misses; fixes are not applied by `--fix`.',
    },
    examples: [
      { bad: '认真落实省委省政府决策布署。', good: '认真落实省委省政府决策部署。' },
      { bad: '截止2021年底，全县建成村卫生室326个。', good: '截至2021年底，全县建成村卫生室326个。' },
      { bad: '将安全生产纳人日常管理。', good: '将安全生产纳入日常管理。' },
      { bad: '全体干部职工要再接再励。', good: '全体干部职工要再接再厉。' },
      { bad: '各项工作己经全面启动。', good: '各项工作已经全面启动。' },
    ],
  },
  check,
};
