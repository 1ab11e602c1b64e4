import { draftLevel } from '../align/part.js';
import { isBelow } from '../levels.js';
import type { Rule } from '../rule.js';
import { lowerBound, type Span } from '../text.js';
import { copiedText, COPIED } from '../align/copied.js';

/**
 * The test "inside one of `spans`" (true for every span when there are none), in logarithmic time
 * per test: a paragraph lies inside one of them when, among the spans starting at or before it,
 * the furthest end reaches its end (any spans, nested or overlapping alike).
 */
function withinAny(spans: readonly Span[]): (x: Span) => boolean {
  if (spans.length === 0) return () => true;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const reach = new Float64Array(sorted.length);
  let far = -Infinity;
  sorted.forEach((p, i) => (reach[i] = far = Math.max(far, p.end)));
  return (x) => {
    const n = lowerBound(sorted.length, (i) => sorted[i]!.start <= x.start);
    return n > 0 && reach[n - 1]! >= x.end;
  };
}

export const rule: Rule = {
  meta: {
    id: 'alignment/copied-text',
    description: {
      zh: '草案段落与上级文件原文基本相同（照抄上级）时提示，并给出全文照抄比例：审核既要查“漏项”，也要查“与上级文件大部分雷同”',
      en: "A draft paragraph that restates the superior's wording nearly word for word is pointed out, with the share of the draft that is copied: reviewers look for text copied from the superior as well as for gaps",
    },
    severity: 'information',
    tags: ['alignment'],
    fixable: false,
    examples: [
      {
        bad: '2021年全县卫生健康工作要点\n\n一、推进中医药传承创新发展\n\n强化中医药服务能力建设，启动县级以上综合医院、妇幼保健院中医药科室标准化建设，开展示范中医馆建设。',
        good: '2021年全县卫生健康工作要点\n\n一、推进中医药传承创新发展\n\n县人民医院设立中医科，年内在城关、河口两个乡镇卫生院建成示范中医馆。',
        note: {
          zh: '上级原文：“强化中医药服务能力建设，启动县级以上综合医院、妇幼保健院中医药科室标准化建设，开展示范中医馆建设”',
          en: "the superior's wording, restated word for word",
        },
      },
    ],
  },
  check(ctx) {
    // copying counts only from a superior: a set of the draft's own level or below (a draft checked
    // against the set made from itself, a neighbour's plan) is not one; an unknown level is given the benefit
    const own = draftLevel(ctx.plan);
    const superiors = ctx.requirements.filter((s) => !own || !s.level || isBelow(own, s.level));
    if (superiors.length === 0) return;
    const part = ctx.alignment().planPart;
    const spans = part.sections.map((s) => s.span);
    const inPart = withinAny(spans);
    const copied = copiedText(ctx.plan, superiors, inPart, ctx.session);
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    for (const p of copied.paragraphs) {
      const set = ctx.requirements.find((s) => s.name === p.source.set);
      const quote = p.source.text.length > 40 ? `${p.source.text.slice(0, 40)}…` : p.source.text;
      ctx.report({
        start: p.span.start,
        end: p.span.end,
        message: {
          zh: `本段${pct(p.share)}的文字与上级文件（${set?.title ?? p.source.set}）原文基本相同（逐句相似度≥${pct(COPIED)}），如“${quote}”；全文照抄上级的比例为${pct(copied.share)}。请结合本级实际改写`,
          en: `${pct(p.share)} of this paragraph restates the superior's wording (${set?.title ?? p.source.set}; sentence similarity ≥ ${pct(COPIED)}), e.g. "${quote}"; ${pct(copied.share)} of the draft is copied. Rewrite it for the draft's own level`,
        },
        data: { set: p.source.set, share: p.share, draftShare: copied.share },
      });
    }
  },
};
