import type { Section } from '../model.js';
import type { Rule } from '../rule.js';
import type { QuantityStatement } from '../indicators.js';
import { fiveYearPlanEnd } from '../year.js';

/**
 * The same target stated twice with different values: same normalised name, same unit, same
 * target year (the stated deadline's year, else a year in an enclosing heading, else the
 * plan's own year), both targets. Statements
 * of one sentence are never compared (a 分别 list gives one name several values for several
 * subjects; the ；-clauses of one full sentence are parallel statements about parallel subjects:
 * “关闭…8处煤矿，合计产能240万吨；关闭…19处煤矿，合计产能3160万吨”). Level targets (达到 90%) and change targets (提高 5 个百分点) are kept apart.
 * A count or an amount in a wider scope and a smaller one inside it are a whole and its part (wholeAndPart).
 */
const SUBJECT_PREFIX = /^(?:全市|全省|全县|全区|全国|我市|我省|我县|我区|各县区|各县（市、区）)/;
const YEAR = /((?:19|20)\d{2})年/;
const FIVE_YEAR = /十([一二三四五六七八九])五/;

function normName(name: string): string {
  return name.replace(SUBJECT_PREFIX, '').replace(/的/g, '').replace(/[“”"]/g, '');
}

function yearIn(s: string): string | undefined {
  const y = YEAR.exec(s);
  if (y) return y[1]!;
  const f = FIVE_YEAR.exec(s);
  const end = f ? fiveYearPlanEnd(f[1]!) : undefined;
  return end !== undefined ? String(end) : undefined;
}

/**
 * The year a target is for: its own deadline, else a year in an enclosing heading, else the plan's.
 * `headingYears` keeps each section's answer for the check (a section holds many statements).
 */
function targetYear(q: QuantityStatement, sections: readonly Section[], planYear: number | undefined, headingYears: Map<number, string>): string {
  const own = yearIn(q.deadline ?? '');
  if (own) return own;
  if (q.sectionId === undefined) return planYear !== undefined ? String(planYear) : '';
  let year = headingYears.get(q.sectionId);
  if (year === undefined) {
    year = planYear !== undefined ? String(planYear) : '';
    let sec: Section | undefined = sections[q.sectionId];
    for (let guard = 0; sec && guard < 8; guard++) {
      const y = yearIn(sec.title.replace(/\s+/g, ''));
      if (y) {
        year = y;
        break;
      }
      sec = sec.parentId !== undefined ? sections[sec.parentId] : undefined;
    }
    headingYears.set(q.sectionId, year);
  }
  return year;
}

/** a rate, share or ratio: not a sum of parts */
const NOT_ADDITIVE = /[%％‰‱/]|百分点|倍/;

/** Whether section `inner` lies within section `outer` (undefined: the whole document, before any heading). */
function within(sections: readonly Section[], inner: number | undefined, outer: number | undefined): boolean {
  if (inner === outer) return false;
  if (outer === undefined) return true;
  for (let s = inner !== undefined ? sections[inner] : undefined, guard = 0; s && guard < 8; guard++) {
    if (s.parentId === outer) return true;
    s = s.parentId !== undefined ? sections[s.parentId] : undefined;
  }
  return false;
}

/**
 * Whether two statements of a count or an amount are a whole and a part of it: one in a wider
 * scope (the goals before the tasks, or the section that holds the other), the other inside it and
 * smaller. Counts and amounts add up over the tasks (新增学位2400个 for the county, 540个 of them in one
 * project); a rate does not, and a part larger than its whole is a conflict.
 */
function wholeAndPart(sections: readonly Section[], a: QuantityStatement, b: QuantityStatement): boolean {
  if (NOT_ADDITIVE.test(a.unit) || a.value2 !== undefined || b.value2 !== undefined) return false;
  if (within(sections, b.sectionId, a.sectionId)) return b.value < a.value;
  if (within(sections, a.sectionId, b.sectionId)) return a.value < b.value;
  return false;
}

function describe(q: QuantityStatement): string {
  const v = q.value2 !== undefined ? `${q.value}～${q.value2}` : String(q.value);
  return `${q.comparator}${v}${q.unit}${q.qualifier ?? ''}`;
}

export const rule: Rule = {
  meta: {
    id: 'indicator/conflict',
    tags: ['indicator'],
    description: {
      zh: '同一指标在同一文稿中（同一目标年）前后给出不同的目标值',
      en: 'The same indicator is given different target values (for the same year) in one document',
    },
    severity: 'warning',
    fixable: false,
    examples: [
      {
        bad: '（一）……县域就诊率达到 90%。\n……\n（五）……县域就诊率达到 85%。',
        good: '（一）……县域就诊率达到 90%。\n……\n（五）……巩固县域就诊率 90% 的成果。',
      },
    ],
  },
  check(ctx) {
    const { planYear, quantities } = ctx.quantities;
    const first = new Map<string, QuantityStatement>();
    const headingYears = new Map<number, string>();
    for (const q of quantities) {
      if (!q.name || q.kind !== 'target') continue;
      // a level, one year's change, or the average change per year over a period (年均增长): three indicators
      const change = q.comparator.startsWith('年均') ? 'average' : q.op === 'increase' || q.op === 'decrease' ? 'change' : 'level';
      const year = targetYear(q, ctx.plan.allSections, planYear, headingYears);
      const key = `${normName(q.name)}|${q.unit}|${year}|${change}`;
      const prev = first.get(key);
      if (!prev) {
        first.set(key, q);
        continue;
      }
      if (prev.block === q.block && (prev.sentence === q.sentence || prev.period === q.period)) continue;
      if (prev.value === q.value && (prev.value2 ?? prev.value) === (q.value2 ?? q.value)) continue;
      if (change === 'level' && wholeAndPart(ctx.plan.allSections, prev, q)) continue;
      const line = ctx.plan.index.positionAt(prev.start).line + 1;
      ctx.report({
        start: q.start,
        end: q.end,
        message: {
          zh: `指标“${q.name}”${year ? `（${year}年）` : ''}的目标前后不一致：第${line}行为“${describe(prev)}”，此处为“${describe(q)}”`,
          en: `indicator "${q.name}"${year ? ` (${year})` : ''} has conflicting targets: "${describe(prev)}" on line ${line}, "${describe(q)}" here`,
        },
        data: {
          name: q.name,
          first: { start: prev.start, end: prev.end, text: prev.text, value: prev.value, value2: prev.value2 },
          related: [
            {
              start: prev.start,
              end: prev.end,
              message: { zh: `“${q.name}”首次出现：${describe(prev)}`, en: `first statement of "${q.name}": ${describe(prev)}` },
            },
          ],
        },
      });
    }
  },
};
