import type { Rule } from '../rule.js';
import type { Section } from '../model.js';
import { canonicalToken } from '../numbering.js';

const LEVEL_NAME = ['', '一级', '二级', '三级', '四级'] as const;

export const rule: Rule = {
  meta: {
    id: 'numbering/level',
    tags: ['structural'],
    description: {
      zh: '层级应依次为 一、→（一）→1.→（1）：文中用到 1. 时（1）须在 1. 之下，（一）不得出现在第一个“一、”之前，低层级之后不得回到高层级（跳过某一层级是允许的）；Markdown 文稿中同一标题深度（###）对应同一层级，用错层级序号的标题予以指出',
      en: 'Levels nest in order 一、 → （一） → 1. → （1）: where the document uses 1., a （1） sits under one; no （一） before the first 一、; no climbing back to a higher level after a lower one (skipping a level is allowed); in Markdown, a heading at a depth (###) the document gives one level but numbered with another level’s marker is reported',
    },
    severity: 'warning',
    standard: 'GB/T 9704-2012 §7.3.3; GB/T 15834-2011',
    fixable: false,
    examples: [
      { bad: '一、……\n1.……\n二、……\n（1）……', good: '一、……\n1.……\n二、……\n1.……\n（1）……' },
      { bad: '（一）……\n一、……\n（一）……', good: '一、……\n（一）……' },
      { bad: '一、……\n1.……\n（一）……', good: '一、……\n（一）……\n1.……' },
    ],
  },
  check(ctx) {
    const { allSections } = ctx.plan;
    const firstL1 = allSections.find((s) => s.level === 1);
    // §7.3.3 marks the levels in order but a document may skip one (a flat （1）…（10） list, or
    // （一） then （1）): a （1） outside a 1. is a slip only in a part that uses 1. elsewhere
    // (a part numbered by decimal sections 1.1/1.1.1 puts its （1） items under any section)
    const partsWithL3 = new Set(allSections.filter((s) => s.level === 3 && s.token.scheme !== 'decimal').map((s) => s.part ?? 0));
    const byId = (id: number | undefined): Section | undefined => (id === undefined ? undefined : allSections[id]);
    // for every child: the first earlier sibling of a lower level (deeper number), in one pass per
    // parent (linear: a draft with 200,000 siblings must not cost 200,000² steps)
    const lowerBeforeOf = new Map<Section, Section>();
    for (const p of allSections) {
      const firstDeeper: (Section | undefined)[] = [];
      for (const c of p.children) {
        const lower = firstDeeper[c.level];
        if (lower) lowerBeforeOf.set(c, lower);
        for (let lv = 1; lv < c.level; lv++) firstDeeper[lv] ??= c;
      }
    }
    for (const s of allSections) {
      const parent = byId(s.parentId);
      // a Markdown heading at the depth the document gives another level (### 3.… among ### （一）（二）):
      // the depth places it, its token is that level's wrong marker (parse/sections.ts markdownDepthLevels)
      if (s.block.markdownLevel !== undefined && !s.token.scheme && s.level !== s.token.level) {
        const want = canonicalToken(s.level, s.token.value);
        ctx.report({
          start: s.token.start,
          end: s.token.end,
          message: {
            zh: `序号“${s.token.raw}”与同级标题（${'#'.repeat(s.block.markdownLevel)}）的层级不符：此处为${LEVEL_NAME[s.level]}标题，应为“${want}”`,
            en: `"${s.token.raw}" does not match the level of its heading depth (${'#'.repeat(s.block.markdownLevel)}): a level-${s.level} heading, expected "${want}"`,
          },
        });
      }
      if (s.level === 2 && !s.token.scheme && firstL1 && s.start < firstL1.start) {
        ctx.report({
          start: s.token.start,
          end: s.token.end,
          message: {
            zh: `二级序号“${s.token.raw}”出现在第一个一级序号“${firstL1.token.raw}”之前`,
            en: `level-2 numbering "${s.token.raw}" comes before the first level-1 heading "${firstL1.token.raw}"`,
          },
        });
      } else if (s.level === 4 && (!parent || parent.level !== 3) && partsWithL3.has(s.part ?? 0)) {
        ctx.report({
          start: s.token.start,
          end: s.token.end,
          message: {
            zh: `四级序号“${s.token.raw}”缺少上级三级序号“1.”`,
            en: `level-4 numbering "${s.token.raw}" has no level-3 parent ("1.")`,
          },
        });
      }
      // climbing back: a higher level after a lower one among the same parent's children
      if (parent) {
        const lowerBefore = lowerBeforeOf.get(s);
        if (lowerBefore && s.level !== 4) {
          ctx.report({
            start: s.token.start,
            end: s.token.end,
            message: {
              zh: `层级倒置：“${s.token.raw}”出现在同一上级下的低层级序号“${lowerBefore.token.raw}”之后`,
              en: `level climbs back: "${s.token.raw}" follows the lower-level "${lowerBefore.token.raw}" under the same parent`,
            },
          });
        }
      }
    }
  },
};
