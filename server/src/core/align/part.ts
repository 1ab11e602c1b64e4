/**
 * Which part of a draft is the plan. A combined document such as “2020年工作总结暨2021年工作计划”
 * has a summary part (achieved values of the previous year) and a plan part; only the plan part
 * is reviewed against the superior plan.
 *
 * A top section counts as summary when its title says so (总结, 回顾, 成效, 完成情况, 存在的问题 …, or names
 * the previous year), or when its body reports the previous year: it names the previous year
 * more often than the plan year, or its indicators are mostly achieved values. A section counts
 * as plan when its title names the plan year or plan words (计划, 安排, 打算, 要点, 任务 …).
 * Summary sections are left out only when at least one section remains.
 */
import type { Plan, Section } from '../model.js';
import type { PlanPart, SectionRef } from './types.js';
import { parseLevel } from '../levels.js';

const PLAN_WORDS = /(计划|安排|打算|要点|思路|部署|任务|目标|重点工作)/;
const SUMMARY_WORDS = /(总结|回顾|成效|成绩|完成情况|工作情况|进展情况|主要做法|取得的|工作成果|存在的?问题|问题和不足|不足之处|困难和问题)/;
const YEAR = /((?:19|20)\d{2})\s*年/g;

export function sectionRef(s: Section): SectionRef {
  return {
    sectionId: s.id,
    level: s.level,
    number: s.number,
    title: s.title,
    span: { start: s.start, end: s.end },
    heading: { start: s.heading.start, end: s.heading.end },
  };
}

/** Text before the first section (title, cover notice, preamble). */
function preamble(plan: Plan): string {
  const first = plan.allSections[0];
  const end = first ? first.start : Math.min(plan.text.length, 400);
  const start = plan.frontMatter ? plan.frontMatter.end : 0;
  return plan.text.slice(start, end);
}

function frontMatterValue(plan: Plan, key: string): unknown {
  return plan.frontMatter?.data?.[key];
}

/** The draft's year: front matter `year`, else the latest year named in the title/preamble. */
export function draftYear(plan: Plan, fallback?: number): number | undefined {
  const fm = frontMatterValue(plan, 'year');
  if (typeof fm === 'number' && Number.isInteger(fm)) return fm;
  if (typeof fm === 'string' && /^\d{4}$/.test(fm.trim())) return Number(fm.trim());
  if (fallback !== undefined) return fallback;
  const title = titleLine(plan);
  if (title?.year !== undefined) return title.year;
  // else title-like blocks before the first section; prose there names past years freely
  const first = plan.allSections[0]?.start ?? plan.text.length;
  const titles = plan.blocks.filter((b) => b.end <= first && b.text.replace(/\s+/g, '').length <= 60);
  return latestYear(titles.map((b) => b.text).join('\n')) ?? latestYear(preamble(plan).slice(0, 400));
}

function latestYear(s: string): number | undefined {
  let best: number | undefined;
  for (const m of s.matchAll(YEAR)) {
    const y = Number(m[1]);
    if (best === undefined || y > best) best = y;
  }
  return best;
}

const TITLE_WORDS = /(工作要点|工作计划|工作安排|重点工作|工作会|工作思路|工作报告|规划|方案|计划|要点|安排|总结)/;

/**
 * The document's title line: the first short line (≤ 40 characters without spaces, no ，。；) before the
 * first section that names a year and a plan word (要点, 计划, 安排, 工作会, 规划 …), with the
 * latest year it names (“2020年工作总结暨2021年工作计划” → 2021).
 */
export function titleLine(plan: Plan): { text: string; year?: number; line: number } | undefined {
  const first = plan.allSections[0]?.start ?? plan.text.length;
  const lastLine = plan.index.lineAt(first);
  const startLine = plan.frontMatter ? plan.index.lineAt(plan.frontMatter.end) : 0;
  for (let i = startLine; i <= lastLine && i < plan.index.lineCount; i++) {
    const text = plan.index.line(i).text.replace(/[\s\u3000]+/g, '');
    if (!text || text.length > 40 || /[，。；,;]/.test(text)) continue;
    YEAR.lastIndex = 0;
    if (!YEAR.test(text) || !TITLE_WORDS.test(text)) continue;
    YEAR.lastIndex = 0;
    return { text, year: latestYear(text), line: i };
  }
  return undefined;
}

/** The draft's government level: front matter `level`, else 全省/全市/全县/全区 or “X市卫生健康委” in the preamble. */
export function draftLevel(plan: Plan): PlanPart['level'] {
  const fm = frontMatterValue(plan, 'level');
  const map = (s: string): PlanPart['level'] => parseLevel(s);
  if (typeof fm === 'string' && fm.trim()) return map(fm);
  // the title lines only: the preamble's prose names other levels (全国, 全省) freely
  const title = plan.blocks
    .filter((b) => b.end <= (plan.allSections[0]?.start ?? Infinity))
    .slice(0, 4)
    .filter((b) => b.text.length <= 60)
    .map((b) => b.text.replace(/\s+/g, ''))
    .join('\n');
  const line = titleLine(plan)?.text ?? '';
  // the four 直辖市 are of provincial level
  if (/(北京|天津|上海|重庆)市/.test(line || title)) return '省';
  const m =
    // (starts only where a Han run starts, which is where the leftmost match starts anyway: linear, not quadratic)
    /(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,}?(省|市|县|区)(?:卫生健康|卫健|卫生计生|人民政府|政府)/.exec(title) ??
    /全(省|市|县|区|国)/.exec(line) ??
    /全(省|市|县|区|国)/.exec(title);
  return m ? map(m[1]!) : undefined;
}

/** Indicators inside a section, from a list sorted by start (a binary search, not a scan). */
function indicatorsIn(list: Plan['indicators'], s: { start: number; end: number }): Plan['indicators'] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < s.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Plan['indicators'] = [];
  for (let i = lo; i < list.length && list[i]!.start < s.end; i++) if (list[i]!.end <= s.end) out.push(list[i]!);
  return out;
}

/**
 * How often `text` names `year` as YEAR does (a year then 年): counted with test(), which makes no
 * match object (a section's body names years hundreds of times). A match of another year never
 * overlaps one of this year: each ends at its own 年. The pattern is made per call (a section
 * counts two years): a kept one would be state shared between analyses (its lastIndex).
 */
export function countYear(text: string, year: number): number {
  // YEAR reads 1900–2099 only
  if (!Number.isInteger(year) || year < 1900 || year > 2099) return 0;
  const re = new RegExp(`${year}\\s*年`, 'g');
  let n = 0;
  while (re.test(text)) n++;
  return n;
}

export function choosePlanPart(plan: Plan, opts: { year?: number } = {}): PlanPart {
  const year = draftYear(plan, opts.year);
  const level = draftLevel(plan);
  const tops = plan.sections;
  if (tops.length === 0) {
    return {
      year,
      level,
      sections: [],
      excluded: [],
      reason: { zh: '草案没有编号的一级标题，按段落比对。', en: 'The draft has no numbered top-level headings; paragraphs are compared.' },
    };
  }
  const byStart = [...plan.indicators].sort((a, b) => a.start - b.start);
  const verdicts = tops.map((s) => {
    const title = s.title.replace(/\s+/g, '');
    const body = plan.text.slice(s.start, s.end);
    const titleYears = [...title.matchAll(YEAR)].map((m) => Number(m[1]));
    let summary = SUMMARY_WORDS.test(title);
    let planLike = PLAN_WORDS.test(title) && !summary;
    if (year !== undefined) {
      if (titleYears.includes(year)) planLike = true;
      if (titleYears.includes(year - 1) && !titleYears.includes(year)) summary = true;
      const prev = countYear(body, year - 1);
      const cur = countYear(body, year);
      if (!planLike && prev >= 2 && prev > 2 * cur) summary = true;
    }
    const inds = indicatorsIn(byStart, s);
    const achieved = inds.filter((i) => i.kind === 'achieved').length;
    const targets = inds.length - achieved;
    if (!planLike && achieved >= 3 && achieved >= 2 * targets) summary = true;
    return { s, summary: summary && !planLike, planLike };
  });
  const kept = verdicts.filter((v) => !v.summary);
  if (kept.length === 0 || kept.length === verdicts.length) {
    return {
      year,
      level,
      sections: tops.map(sectionRef),
      excluded: [],
      reason:
        kept.length === 0
          ? {
              zh: '所有一级部分都像上年总结，无法区分，全文按计划比对。',
              en: 'Every top-level part reads like a summary; the whole draft is compared as the plan.',
            }
          : { zh: '全文为计划。', en: 'The whole draft is the plan.' },
    };
  }
  const excluded = verdicts.filter((v) => v.summary).map((v) => v.s);
  return {
    year,
    level,
    sections: kept.map((v) => sectionRef(v.s)),
    excluded: excluded.map(sectionRef),
    reason: {
      zh: `按计划部分比对（${kept.map((v) => v.s.number + '、').join('')}），上年总结部分（${excluded.map((s) => s.number + '、').join('')}）不计入。`,
      en: `Compared the plan part (${kept.map((v) => v.s.number).join(', ')}); the previous year's summary (${excluded.map((s) => s.number).join(', ')}) is left out.`,
    },
  };
}
