import type { Rule } from '../rule.js';
import { CIRCLED_KIND, circled, toChineseNumeral } from '../numbering.js';

/** The marker of item `n` of a list of `kind` (三是, 二要, ③). */
const markerOf = (kind: string, n: number): string => (kind === CIRCLED_KIND ? circled(n) : toChineseNumeral(n) + kind);
/** The numeral of item `n` (what a renumbering writes over: 三 of 三是, the whole ③). */
const numeralOf = (kind: string, n: number): string => (kind === CIRCLED_KIND ? circled(n) : toChineseNumeral(n));

export const rule: Rule = {
  meta: {
    id: 'enumeration/sequence',
    tags: ['structural'],
    description: {
      zh: '“一是……二是……”“一要……二要……”等列举及①②③列项应从“一”（①）开始依次排列，不缺项、不重复',
      en: 'Inline enumerations 一是……二是…… / 一要……二要…… and lists ①②③ start at 一 (①) and run on without gaps or repeats',
    },
    severity: 'warning',
    fixable: true,
    examples: [
      { bad: '一是加强监测；三是完善机制。', good: '一是加强监测；二是完善机制。' },
      { bad: '一要强化防控；二要完善体系；二要深化改革。', good: '一要强化防控；二要完善体系；三要深化改革。' },
      { bad: '实行分类帮扶：\n①建立动态监测台账；\n③及时开展临时救助。', good: '实行分类帮扶：\n①建立动态监测台账；\n②及时开展临时救助。' },
    ],
  },
  check(ctx) {
    for (const e of ctx.plan.enumerations) {
      for (let i = 0; i < e.items.length; i++) {
        const item = e.items[i]!;
        const prev = i > 0 ? e.items[i - 1]!.number : 0;
        const expected = i + 1;
        if (item.number === expected) continue;
        // a run of items off their position is one finding at its first item
        let runEnd = i;
        while (runEnd + 1 < e.items.length && e.items[runEnd + 1]!.number !== runEnd + 2) runEnd++;
        const want = markerOf(e.kind, expected);
        let zh: string;
        let en: string;
        if (item.number === prev) {
          zh = `列举“${item.marker}”重复，应为“${want}”`;
          en = `enumeration item "${item.marker}" repeats; expected "${want}"`;
        } else if (item.number > prev + 1) {
          const missing: string[] = [];
          for (let v = prev + 1; v < item.number && missing.length < 5; v++) missing.push(markerOf(e.kind, v));
          zh = `列举不连续：缺少“${missing.join('”“')}”，此处为“${item.marker}”`;
          en = `enumeration gap: ${missing.map((x) => `"${x}"`).join(', ')} missing before "${item.marker}"`;
        } else {
          zh = `列举顺序颠倒：“${item.marker}”在“${e.items[i - 1]!.marker}”之后，应为“${want}”`;
          en = `enumeration out of order: "${item.marker}" after "${e.items[i - 1]!.marker}"; expected "${want}"`;
        }
        // renumber this item and the ones after it
        const edits = [];
        let v = expected;
        for (let j = i; j <= runEnd; j++, v++) {
          const it = e.items[j]!;
          const text = numeralOf(e.kind, v);
          if (it.number !== v) edits.push({ start: it.start, end: it.numeralEnd, newText: text });
        }
        ctx.report({
          start: item.start,
          end: item.end,
          message: { zh, en },
          fix: { title: { zh: `从此处起重新排序（${want}…）`, en: `Renumber from here (${want}…)` }, edits, safe: true },
        });
        i = runEnd;
      }
    }
  },
};
