import type { Rule } from '../rule.js';
import { tokenForValue } from '../numbering.js';
import { numberSequences, renumberEdits, sequenceFences } from '../renumber.js';

const LEVEL_NAME = ['', '一级', '二级', '三级', '四级'] as const;

export const rule: Rule = {
  meta: {
    id: 'numbering/sequence',
    tags: ['structural'],
    description: {
      zh: '同级序号应从一（1）开始连续编排，不缺号、不重号、不倒序；三级序号全文连续或逐节重排，须前后一致',
      en: 'Numbers at one level run 1, 2, 3… without gaps, duplicates or reversals; level-3 numbers run on through the document or restart per section, consistently',
    },
    severity: 'error',
    standard: 'GB/T 9704-2012 §7.3.3',
    fixable: true,
    examples: [
      { bad: '一、……\n二、……\n四、……', good: '一、……\n二、……\n三、……' },
      { bad: '（一）……\n（二）……\n（二）……', good: '（一）……\n（二）……\n（三）……' },
    ],
  },
  check(ctx) {
    for (const seq of numberSequences(ctx.plan)) {
      const items = seq.items;
      const fences = sequenceFences(ctx.plan, seq);
      const fenced = new Set(fences);
      let fi = 0;
      for (let i = 0; i < items.length; i++) {
        // a run of items whose numbers differ from their position is one finding, at its first item
        if (items[i]!.token.value === i + 1) continue;
        // an item past a fence that follows on from the one before it (二、四、|五、) is the same run:
        // its number is off only as the earlier slip made it, reported there
        if (fenced.has(i) && items[i]!.token.value === items[i - 1]!.token.value + 1) continue;
        let runEnd = i;
        // a run never crosses a heading recovered in mid-line (its numbering is uncertain)
        while (fi < fences.length && fences[fi]! <= i) fi++;
        const fence = fences[fi] ?? items.length;
        while (runEnd + 1 < fence && items[runEnd + 1]!.token.value !== runEnd + 2) runEnd++;
        const s = items[i]!;
        const actual = s.token.value;
        const prev = i > 0 ? items[i - 1]!.token.value : undefined;
        const expected = i + 1;
        const name = s.token.scheme === 'article' ? '条文' : LEVEL_NAME[s.level];
        const want = tokenForValue(s.token, expected);
        let zh: string;
        let en: string;
        if (prev === undefined) {
          zh = `${name}序号应从“${tokenForValue(s.token, 1)}”开始，此处为“${s.token.raw}”`;
          en = `${name} numbering should start at "${tokenForValue(s.token, 1)}", found "${s.token.raw}"`;
        } else if (actual === prev) {
          zh = `${name}序号“${s.token.raw}”与上一条重复，应为“${want}”`;
          en = `duplicate number "${s.token.raw}"; expected "${want}"`;
        } else if (actual > prev) {
          const missing: string[] = [];
          for (let v = expected; v < actual && missing.length < 5; v++) missing.push(tokenForValue(s.token, v));
          zh = `${name}序号不连续：缺少“${missing.join('”“')}”，此处应为“${want}”`;
          en = `numbering gap: missing ${missing.map((m) => `"${m}"`).join(', ')}; expected "${want}" here`;
        } else if (seq.continuous && actual === 1) {
          zh = `本文${name}序号全文连续编排，此处却从“${s.token.raw}”重新开始，应为“${want}”`;
          en = `level-${s.level} numbers run on through this document, but restart at "${s.token.raw}" here; expected "${want}"`;
        } else {
          zh = `${name}序号顺序颠倒：“${s.token.raw}”在“${items[i - 1]!.token.raw}”之后，应为“${want}”`;
          en = `numbers out of order: "${s.token.raw}" after "${items[i - 1]!.token.raw}"; expected "${want}"`;
        }
        ctx.report({
          start: s.token.start,
          end: s.token.end,
          message: { zh, en },
          fix: {
            title: { zh: `从此处起重新编号（${want}…）`, en: `Renumber from here (${want}…)` },
            edits: renumberEdits(seq, i, runEnd + 1),
            safe: true,
          },
        });
        i = runEnd;
      }
    }
  },
};
