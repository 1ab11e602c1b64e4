import type { Block } from '../model.js';
import type { Rule, RuleContext } from '../rule.js';
import { blockSpan, crossesLine } from '../indicators.js';
import { decimals, formatNumber } from '../indicators/numbers.js';

/**
 * Percentage-point claims whose numbers are all given in one sentence:
 *   “筛查率 67.08%，高出省目标 12.08 个百分点（省目标为 55%）”  → 67.08 − 55 = 12.08
 *   “比例由 52.25% 提高到 92.73%，提高了 40.48 个百分点”         → 92.73 − 52.25 = 40.48
 *   “签约率 70%，比上年（64%）提高 6 个百分点”                   → 70 − 64 = 6
 * The value is the percentage nearest the claim that is not a base; the base is a percentage in
 * a parenthesis (……为 55%) or after 由/从/比/较. Direction comes from the verb before the claim.
 * A claim is checked to the precision the text writes it in.
 */
// Linear on any text: a number starts only where no digit precedes it (a match can never begin
// inside a digit run, so runs of digits are not rescanned from every position), and the blanks
// before 百 are one run (`[ ]*个?[ ]*` split a run of blanks in every possible way: quadratic).
const POINTS = /(?<![0-9])([0-9]+(?:\.[0-9]+)?)[ \u3000]*(?:个[ \u3000]*)?百[ \u3000]*分[ \u3000]*点/g;
const PERCENT = /(?<![0-9])([0-9]+(?:\.[0-9]+)?)[ \u3000]*[%％]/g;
const UP = /高出|高于|超过|超出|提高|提升|增加|增长|上升|多出|[高多](?=[ \u3000]*[0-9])/g;
const DOWN = /低于|下降|降低|减少|回落|下滑|少于|低出|[低少](?=[ \u3000]*[0-9])/g;
// 比 as a preposition (比上年, 与…相比); not the 比 of the ratio nouns 之比, 占比, 比例, 比重, 比值, 比率,
// which name a share (研发费用与营收之比达到3.25%, 鲜切花占比60%) rather than a base to compare with
const BASE_MARK = /(?:由|从|(?<![之占])比(?![例重值率])|较)[^，。；%％]{0,8}$/;
const SENTENCE_END = /[。；;！!？?]/;

interface Pct {
  value: number;
  text: string;
  at: number;
  end: number;
  base: boolean;
  inParen: boolean;
}

function lastMatch(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let at = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) at = m.index;
  return at;
}

function checkBlock(ctx: RuleContext, b: Block): void {
  const t = b.text;
  POINTS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = POINTS.exec(t))) {
    const claimAt = m.index;
    const claimEnd = m.index + m[0].length;
    const y = Number(m[1]);
    // the sentence around the claim, at most 160 characters either side (run-on text stays linear)
    let s = claimAt;
    const sMin = Math.max(0, claimAt - 160);
    while (s > sMin && !SENTENCE_END.test(t[s - 1]!)) s--;
    let e = claimEnd;
    const eMax = Math.min(t.length, claimEnd + 160);
    while (e < eMax && !SENTENCE_END.test(t[e]!)) e++;
    // percentages in the sentence, with bracket context
    const pcts: Pct[] = [];
    let depth = 0;
    const parenStack: number[] = [];
    const parenContent = new Map<number, string>();
    for (let i = s; i < e; i++) {
      const ch = t[i]!;
      if (ch === '（' || ch === '(') {
        depth++;
        parenStack.push(i);
      } else if ((ch === '）' || ch === ')') && depth > 0) {
        depth--;
        const open = parenStack.pop()!;
        parenContent.set(open, t.slice(open + 1, i));
      }
    }
    // searched in the sentence only: a search in the whole text would scan to its end for every claim
    // (a little past its end, for a percentage that starts inside it and ends outside)
    const sentence = t.slice(s, Math.min(t.length, e + 32));
    PERCENT.lastIndex = 0;
    let q: RegExpExecArray | null;
    while ((q = PERCENT.exec(sentence)) && q.index + s < e) {
      const p = { index: q.index + s, 0: q[0], 1: q[1] };
      if (p.index > 0 && /[0-9.]/.test(t[p.index - 1]!)) continue;
      // innermost parenthesis containing p
      let inParen = false;
      let content = '';
      for (const [open, text] of parenContent) {
        if (open < p.index && p.index < open + 1 + text.length) {
          inParen = true;
          content = text;
        }
      }
      const before = t.slice(Math.max(s, p.index - 10), p.index);
      const base = (inParen && /目标|上年|去年|同期|基数|原|为|是|平均/.test(content)) || BASE_MARK.test(before);
      pcts.push({ value: Number(p[1]), text: p[0], at: p.index, end: p.index + p[0].length, base, inParen });
    }
    const beforeClaim = pcts.filter((x) => x.end <= claimAt);
    const afterClaim = pcts.filter((x) => x.at >= claimEnd);
    const x = [...beforeClaim].reverse().find((q) => !q.base && !q.inParen) ?? afterClaim.find((q) => !q.base && !q.inParen);
    const z = afterClaim.find((q) => q.base) ?? [...beforeClaim].reverse().find((q) => q.base);
    if (!x || !z || x === z) continue;
    // direction: the last verb between the value (or sentence start) and the claim
    const from = x.end <= claimAt ? x.end : s;
    // up to and including the claimed number, so "高 3.5" reads as a comparison
    const between = t.slice(from, claimAt + m[1]!.length);
    const up = lastMatch(UP, between);
    const down = lastMatch(DOWN, between);
    if (up < 0 && down < 0) continue;
    const sign = up > down ? 1 : -1;
    const diff = sign * (x.value - z.value);
    const dx = decimals(x.value);
    const dy = decimals(y);
    const dz = decimals(z.value);
    // checked to the precision written: 67.1% − 55% against 12.08 points is consistent
    const precision = Math.min(dx, dy, dz > 0 ? dz : Infinity);
    if (Math.abs(diff - y) <= 0.5 * Math.pow(10, -precision) + 1e-9) continue;
    const places = Math.max(dx, dz);
    const correct = formatNumber(diff, places);
    const yText = m[1]!;
    const claimSpan = blockSpan(b, claimAt, claimEnd);
    const expr = sign > 0 ? `${x.value}% − ${z.value}%` : `${z.value}% − ${x.value}%`;
    const ySpan = blockSpan(b, claimAt, claimAt + yText.length);
    ctx.report({
      ...claimSpan,
      message: {
        zh: `百分点计算有误：${expr} = ${correct} 个百分点，文中为“${yText} 个百分点”`,
        en: `percentage points do not add up: ${expr} = ${correct} points, the text says ${yText}`,
      },
      fix:
        diff > 0 && !crossesLine(ctx.plan.text, ySpan)
          ? { title: { zh: `改为“${correct}”`, en: `Change to "${correct}"` }, edits: [{ ...ySpan, newText: correct }], safe: false }
          : undefined,
      data: {
        value: x.value,
        base: z.value,
        claimed: y,
        computed: Number(correct),
        valueSpan: blockSpan(b, x.at, x.end),
        baseSpan: blockSpan(b, z.at, z.end),
      },
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'arithmetic/percentage-points',
    tags: ['arithmetic', 'indicator'],
    description: {
      zh: '“X%，高出……Y个百分点（……目标为Z%）”等百分点表述，X与Z之差应等于Y',
      en: 'In "X%, Y percentage points above … (target Z%)" claims, X − Z equals Y',
    },
    severity: 'error',
    fixable: true,
    examples: [
      {
        bad: '筛查率 67.08%，高出省目标 13.08 个百分点（省目标为 55%）',
        good: '筛查率 67.08%，高出省目标 12.08 个百分点（省目标为 55%）',
      },
      {
        bad: '报销比例由 52.25% 提高到 92.73%，提高了 41.48 个百分点',
        good: '报销比例由 52.25% 提高到 92.73%，提高了 40.48 个百分点',
      },
    ],
  },
  check(ctx) {
    for (const b of ctx.plan.blocks) {
      if (b.text.includes('百分点') || /百[ \u3000]*分[ \u3000]*点/.test(b.text)) checkBlock(ctx, b);
    }
  },
};
