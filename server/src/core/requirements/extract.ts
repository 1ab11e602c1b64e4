/**
 * Drafting a requirement set from a superior document, for a reviewer to curate.
 *
 * Only the plan part counts (a “2020年总结暨2021年计划” hands down its 2021 part; see
 * align/part.ts). Themes: the document's numbered tasks: its level-1 headings (一、) when it has at
 * least three, else its level-2 headings (（一）) when it has three; otherwise the longest inline
 * enumeration of tasks (一要…十要, 一是…) with at least three items; otherwise any headings. Each theme gets the
 * task's first clause as title, the whole task as text, quoted terms (“一老一小”) and the title as
 * keywords, and its 1-based source line.
 *
 * Targets: the indicators the core extracts that are stated as targets (a comparator or a
 * 以上/以下/左右/以内 qualifier), plus quantities the extractor leaves unnamed when their sentence is
 * in plan language (再有/再培养/新增/今年/年内/到2025年/力争/确保, or names the plan year or later),
 * such as “再有30所县级医院…晋升三级” or “40%左右的县（市）…达到优良标准”. Each target gets the theme
 * whose task text is most similar (bigram TF-IDF cosine), its year and its source line.
 */
import { quantityOf, type Block, type Indicator, type IndicatorOp, type Plan, type Section } from '../model.js';
import { firstBracketedTitle, replaceBookTitles, segmentOffset, spanTest } from '../text.js';
import { choosePlanPart, draftYear, draftLevel, titleLine } from '../align/part.js';
import { cosine, countTerms, Idf, normalize, vectorize } from '../align/similarity.js';
import { WEAK } from '../align/themes.js';
import type { RequirementSet, Target, Theme } from './types.js';
import { levelFromText } from '../levels.js';
import { goalParagraphs } from '../align/goals.js';
import { inferBinds } from '../align/binding.js';
import { clauseOf, isParameter } from './parameters.js';
import { COUNT_VERBS } from '../indicators/lexicon.js';

export interface ExtractOptions {
  /** the superior document's name or path, recorded as `source.document` */
  document?: string;
  /** set name (default: "draft") */
  name?: string;
}

interface TaskSpan {
  marker: string;
  /** the heading's title, for tasks taken from headings */
  title?: string;
  start: number;
  end: number;
  text: string;
}

const PLAN_LANGUAGE = /(再有|再培养|再建|新增|新建|今年|年内|年底前|月底前|力争|确保|主要目标|预期目标|(?:^|[，,；;])到(?:19|20)\d{2}年)/;
const TARGET_COMPARATOR =
  /^(达到|保持在|保持|提高到|提高至|提升到|提升至|增长到|增加到|控制在|降至|降到|降低到|降低至|不低于|不少于|不超过|不高于|低于|高于|超过|力争|确保)$/;
const QUOTED = /[“"]([^”"]{2,12})[”"]/g;
const UNIT = '(%|％|‰|(?:万亿|千万|百万|亿|万)?(?:斤|吨|亩|公顷|平方公里|千瓦时|千瓦|公里|元|人|户|个|家|所|张|项|座|台)|名|支)';
const QUANTITY = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*${UNIT}(左右|以上|以下|以内)?`, 'g');

function oneLine(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

/** First clause of a task: up to the first ，；。 (kept short for a title). */
function firstClause(s: string): string {
  const t = oneLine(s);
  const m = /^[^，；。,;]+/.exec(t);
  return (m ? m[0] : t).slice(0, 40);
}

type InPart = (span: { start: number; end: number }) => boolean;

function tasksFromEnumerations(plan: Plan, inPart: InPart): TaskSpan[] | undefined {
  const candidates = plan.enumerations.filter((e) => e.items.length >= 3 && (e.kind === '要' || e.kind === '是') && inPart(e));
  if (candidates.length === 0) return undefined;
  const best = candidates.reduce((a, b) => (b.items.length > a.items.length ? b : a));
  const out: TaskSpan[] = [];
  best.items.forEach((item, i) => {
    const next = best.items[i + 1];
    let end: number;
    if (next) end = next.start;
    else {
      // the last task runs to the end of its sentence group: its block, continued while the
      // block does not end a sentence (PDF columns split paragraphs at blank lines)
      const bi = plan.blocks.findIndex((b) => b.start <= item.start && item.start < b.end);
      let k = bi;
      while (k >= 0 && k + 1 < plan.blocks.length && !/[。！？]$/.test(plan.blocks[k]!.text.trim())) k++;
      end = k >= 0 ? plan.blocks[k]!.end : item.end;
    }
    const raw = plan.text.slice(item.start, end);
    out.push({ marker: item.marker, start: item.start, end, text: oneLine(raw).slice(item.marker.length) });
  });
  return out;
}

/** A level-1 heading that carries the tasks in its level-2 headings (三、2025年政府工作任务, 二、2025年工作安排). */
const TASK_HEAD = /(工作任务|主要任务|重点任务|重点工作|工作安排|工作部署|目标任务)/;
/** A level-1 heading that frames rather than tasks (总体要求, 主要目标, 形势). */
const FRAME_HEAD = /(总体要求|总体思路|指导思想|主要目标|预期目标|政策取向|形势|回顾|总结)/;

/**
 * Themes from the level that carries the tasks: the level-2 headings of a task-bearing level-1
 * part (a 政府工作报告's “三、…工作任务”), with the other plan-part level-1 sections that are
 * tasks themselves (“三、全面提升政府治理现代化水平”); else the level-1 headings when there are
 * at least three, else the level-2 headings.
 */
function taskBearing(plan: Plan, inPart: InPart): Section[] | undefined {
  const l1 = plan.allSections.filter((s) => s.level === 1 && inPart(s));
  const carriers = l1.filter((s) => TASK_HEAD.test(s.title) && s.children.filter((c) => c.level === 2).length >= 3);
  if (carriers.length === 0) return undefined;
  // an appendix (附件1 十件民生实事) ends the body: its numbered items are not tasks
  const appendix =
    plan.blocks.find(
      (b) =>
        b.start > carriers[0]!.start && /^附件\s*[0-9０-９一二三四五六七八九十]*\s*(?:$|[\u4e00-\u9fff：:])/.test(b.text.trim()) && b.text.trim().length <= 30,
    )?.start ?? Infinity;
  const out: Section[] = [];
  // a set, not carriers.includes (quadratic in task-bearing headings); a loop, not push(...spread)
  // (a heading with 200,000 subheadings overflowed the call stack)
  const carrying = new Set(carriers);
  for (const s of l1) {
    if (carrying.has(s)) {
      for (const c of s.children) if (c.level === 2) out.push(c);
    } else if (!FRAME_HEAD.test(s.title) && s.start > carriers[0]!.start && s.start < appendix && s.children.length > 0) out.push(s);
  }
  return out;
}

function tasksFromSections(plan: Plan, inPart: InPart, min: number): TaskSpan[] | undefined {
  const l1 = plan.allSections.filter((s) => s.level === 1 && inPart(s));
  const list = taskBearing(plan, inPart) ?? (l1.length >= 3 ? l1 : plan.allSections.filter((s) => s.level === 2 && inPart(s)));
  if (list.length < min) return undefined;
  return list.map((s) => ({
    marker: s.token.raw,
    title: oneLine(s.title),
    start: s.heading.start,
    end: s.end,
    text: oneLine(plan.text.slice(s.titleSpan.start, s.end)),
  }));
}

/** The block holding a document offset, and the offset's index in the block's joined text. */
function locateInBlock(plan: Plan, offset: number): { block: Block; index: number } | undefined {
  const block = plan.blocks.find((b) => b.start <= offset && offset < b.end);
  if (!block) return undefined;
  for (const seg of block.segments) {
    if (offset >= seg.docStart && offset < seg.docStart + seg.length) return { block, index: seg.textStart + (offset - seg.docStart) };
  }
  return { block, index: 0 };
}

/** The sentence (between 。；！？) of a block's text around [start, end). */
function sentenceIn(text: string, start: number, end: number): { start: number; end: number } {
  let a = start;
  while (a > 0 && !/[。；;！？]/.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !/[。；;！？]/.test(text[b]!)) b++;
  return { start: a, end: b };
}

/** Years a sentence names, leaving out those inside a document title 《…》. */
function yearsIn(s: string): number[] {
  return [...withoutBookTitles(s).matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
}

/** The text without 《…》 titles (as `s.replace(/《[^》]*》/g, '')`, in linear time). */
function withoutBookTitles(s: string): string {
  return replaceBookTitles(s, () => '');
}

/** The latest year the plan part's headings name (a report without a title line). */
function headingYear(titles: readonly string[]): number | undefined {
  // a loop, not Math.max(...spread): 200,000 headings naming a year overflowed the call stack
  let latest: number | undefined;
  for (const t of titles) for (const y of yearsIn(t)) if (latest === undefined || y > latest) latest = y;
  return latest;
}

/**
 * The title a 通知 cover line gives way to: 关于印发《…》的通知, or the same line without book-title
 * marks, as official titles are mostly written (关于印发2021年全省农业农村工作要点的通知).
 */
function coverTitle(t: string): string | undefined {
  return (
    /关于印发[《〈](.+?)[》〉]的?通知/.exec(t)?.[1] ??
    /关于印发([^《》〈〉，。；：]+?)的通知$/.exec(t)?.[1] ??
    (/通知$/.test(t) ? firstBracketedTitle(t) : undefined)
  );
}

/**
 * The document's title: a 通知 cover line (关于印发…的通知) gives way to the title it quotes;
 * a title line (year and plan word) as the alignment reads it; else the first short line that names
 * a plan word before the first heading.
 */
function documentTitle(plan: Plan): string | undefined {
  const line = titleLine(plan)?.text;
  const first = plan.allSections[0]?.start ?? plan.text.length;
  const lines = plan.blocks
    .filter((b) => b.end <= first)
    .map((b) => oneLine(b.text))
    .filter((t) => t.length > 0 && t.length <= 60);
  for (const t of [line ?? '', ...lines]) {
    const quoted = coverTitle(t);
    if (quoted !== undefined) return quoted;
  }
  // a numbered heading (a text that starts at 二、) is not a title
  if (
    line &&
    !plan.allSections.some(
      (s) =>
        s.block.start <= (plan.blocks.find((b) => oneLine(b.text) === line)?.start ?? -1) &&
        (plan.blocks.find((b) => oneLine(b.text) === line)?.start ?? -1) < s.block.end,
    )
  )
    return line;
  return lines.find((t) => !/[，。；：:]/.test(t) && /(报告|要点|计划|规划|方案|意见|安排|措施)/.test(t));
}

function slug(n: number, prefix: string): string {
  return `${prefix}-${String(n).padStart(2, '0')}`;
}

/** What the target readers share: the draft's year, its plan part and the theme assignment. */
interface Reader {
  plan: Plan;
  opts: ExtractOptions;
  year: number | undefined;
  inPart: InPart;
  lineOf(offset: number): number;
  themeFor(offset: number, sentence: string): string | undefined;
  targetYear(sentence: string, deadline?: string): number | undefined;
  /** value spans already read as targets (by the indicator extractor or the quantity reader) */
  covered: { start: number; end: number }[];
}

export function extractRequirementSet(plan: Plan, opts: ExtractOptions = {}): RequirementSet {
  // year from the title, else from the plan part's headings (“三、2025年政府工作任务”)
  let part = choosePlanPart(plan);
  const year = draftYear(plan) ?? headingYear(part.sections.map((s) => s.title));
  if (year !== undefined && part.year === undefined) part = choosePlanPart(plan, { year });
  const level = draftLevel(plan) ?? levelFromText(plan.text);
  const lineOf = (offset: number) => plan.index.positionAt(offset).line + 1;
  // only the plan part: a “2020年总结暨2021年计划” superior hands down its 2021 part; and the
  // paragraphs before the first heading that state the main targets (主要目标, 预期目标)
  const partSpans = part.sections.map((p) => p.span);
  const goalSpans = goalParagraphs(plan);
  // binary searches, not spans.some (every paragraph against every section was quadratic)
  const inSections = spanTest(partSpans);
  const inGoals = spanTest(goalSpans);
  const inPart: InPart = (x) => partSpans.length === 0 || inSections(x) || inGoals(x);
  // numbered headings when there are at least three; else the task enumeration (一要…十要 of a
  // speech or a report); else whatever headings there are
  const tasks = tasksFromSections(plan, inPart, 3) ?? tasksFromEnumerations(plan, inPart) ?? tasksFromSections(plan, inPart, 1) ?? [];
  const themes = themesOf(tasks, opts, lineOf);
  const themeFor = themeAssigner(plan, tasks, themes);
  const targetYear = (sentence: string, deadline?: string): number | undefined => {
    const ys = yearsIn(deadline ?? '');
    if (ys.length) return ys.reduce((m, y) => Math.max(m, y)); // (no spread: a run-on sentence can name any number of years)
    const inSentence = yearsIn(sentence).filter((y) => year === undefined || y >= year);
    return inSentence.length ? inSentence.reduce((m, y) => Math.max(m, y)) : year;
  };
  const reader: Reader = { plan, opts, year, inPart, lineOf, themeFor, targetYear, covered: [] };
  const targets: Target[] = [...statedTargets(reader), ...unnamedTargets(reader)];
  targets.sort((x, y) => (x.source?.line ?? 0) - (y.source?.line ?? 0));
  // the same target stated twice (a task and its elaboration) is kept once
  const seen = new Set<string>();
  const figures = new Set<string>();
  const unique = targets.filter((t) => {
    const key = `${t.name}|${t.value}|${t.unit}|${t.year ?? ''}`;
    const figure = `${t.value}|${t.unit}|${t.qualifier ?? ''}|${t.year ?? ''}`;
    // a restatement that names the goal, not the indicator (“经济增长预期目标为5%左右” after
    // “国内生产总值增长5%左右”) is the same target
    const restated = /目标$/.test(t.name) && figures.has(figure);
    if (seen.has(key) || restated) return false;
    seen.add(key);
    figures.add(figure);
    return true;
  });
  unique.forEach((t, i) => (t.id = slug(i + 1, 'target')));

  const fmTitle = plan.frontMatter?.data?.title;
  return {
    name: opts.name ?? 'draft',
    title: typeof fmTitle === 'string' ? fmTitle : (documentTitle(plan) ?? opts.document ?? '上级规划'),
    ...(level ? { level } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(opts.document ? { source: { document: opts.document } } : {}),
    themes,
    targets: unique,
  };
}

function themesOf(tasks: readonly TaskSpan[], opts: ExtractOptions, lineOf: (offset: number) => number): Theme[] {
  return tasks.map((t, i) => {
    const title = t.title ?? firstClause(t.text);
    const quoted = [...t.text.matchAll(QUOTED)].map((m) => m[1]!);
    const keywords = [...new Set([title, ...quoted])];
    return {
      id: slug(i + 1, 'task'),
      title,
      text: t.text,
      keywords,
      required: true,
      source: { ...(opts.document ? { document: opts.document } : {}), line: lineOf(t.start), quote: oneLine(t.marker) + title },
    };
  });
}

/** Theme assignment: the task a target stands in, else the most similar task text. */
function themeAssigner(plan: Plan, tasks: readonly TaskSpan[], themes: readonly Theme[]): Reader['themeFor'] {
  // one id per Latin word across the texts compared here
  const latin = new Map<string, number>();
  const themeCounts = themes.map((t) => countTerms(normalize(t.text ?? t.title), latin));
  const idf = new Idf([...plan.blocks.map((b) => countTerms(normalize(b.text), latin)), ...themeCounts]);
  const themeVectors = themeCounts.map((c) => vectorize(c, idf));
  return (offset: number, sentence: string): string | undefined => {
    const inside = tasks.findIndex((t) => t.start <= offset && offset < t.end);
    if (inside >= 0) return themes[inside]!.id;
    const v = vectorize(countTerms(normalize(sentence), latin), idf);
    let best = -1;
    let score = WEAK;
    themeVectors.forEach((tv, i) => {
      const c = cosine(v, tv);
      if (c >= score) {
        score = c;
        best = i;
      }
    });
    return best >= 0 ? themes[best]!.id : undefined;
  };
}

/** Targets among the indicators the extractor found. */
function statedTargets({ plan, opts, inPart, lineOf, themeFor, targetYear, covered }: Reader): Target[] {
  const targets: Target[] = [];
  // stated as a target: a target comparator (达到, 保持在, 控制在 …) or a 以上/以下/左右/以内 bound;
  // any other wording (缩短, 增加 …) only in a plan-language sentence
  const stated = (i: Indicator, sentence: string) =>
    i.kind === 'target' &&
    (TARGET_COMPARATOR.test(i.comparator) ||
      /^(以上|以下|左右|以内)$/.test(i.qualifier ?? '') ||
      (i.comparator !== '' && PLAN_LANGUAGE.test(sentence)) ||
      // a total the plan makes: 布局建设10家概念验证中心, 新建1亿亩高标准农田 (a plan verb governing a count)
      (i.op === 'increase' && i.unit !== '%' && COUNT_VERBS.some((v) => i.comparator.endsWith(v))));
  const sentenceOf = (offset: number, endOffset: number): string => {
    const at = locateInBlock(plan, offset);
    if (!at) return oneLine(plan.text.slice(offset, endOffset));
    const sent = sentenceIn(at.block.text, at.index, at.index + 1);
    return oneLine(at.block.text.slice(sent.start, sent.end));
  };
  for (const ind of plan.indicators) {
    if (!inPart(ind)) continue;
    // the statement up to its value: a number in its name or comparator is its base (报销比例由50%提高到60%,
    // 国内生产总值从不到70万亿元增加到超过100万亿元), not a target of its own
    covered.push({ start: Math.min(ind.start, ind.valueSpan.start), end: ind.valueSpan.end });
    const sentence = sentenceOf(ind.start, ind.end);
    if (!stated(ind, sentence)) continue;
    // fiscal and policy parameters (赤字率拟按3%安排, 比上年年初预算增加1800亿元) are not targets
    if (isParameter(ind, clauseOf(sentence, ind.text))) continue;
    const y = targetYear(sentence, ind.deadline);
    const theme = themeFor(ind.start, sentence);
    const name = oneLine(ind.name);
    const quantity = quantityOf(ind);
    targets.push({
      id: '',
      name,
      ...quantity,
      binds: inferBinds({ name, unit: quantity.unit, op: quantity.op }, sentence),
      ...(y !== undefined ? { year: y } : {}),
      ...(theme ? { theme } : {}),
      source: { ...(opts.document ? { document: opts.document } : {}), line: lineOf(ind.start), quote: oneLine(ind.text) },
    });
  }
  return targets;
}

/** Quantities the extractor left unnamed, in plan-language sentences. */
function unnamedTargets({ plan, opts, year, inPart, lineOf, themeFor, targetYear, covered }: Reader): Target[] {
  const targets: Target[] = [];
  for (const b of plan.blocks) {
    if (!inPart(b)) continue;
    QUANTITY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = QUANTITY.exec(b.text))) {
      const ts = m.index;
      const te = ts + m[0].length;
      const start = segmentOffset(b.segments, ts);
      const end = segmentOffset(b.segments, te - 1) + 1;
      if (covered.some((c) => c.start < end && start < c.end)) continue;
      const sent = sentenceIn(b.text, ts, te);
      const sentence = oneLine(b.text.slice(sent.start, sent.end));
      // plan language: a marker in the sentence or its paragraph, or the plan year (or later)
      // named before the quantity in its sentence (“2021年，…40%左右的县…”)
      const yearsBefore = yearsIn(oneLine(b.text.slice(sent.start, ts)));
      const planLanguage = PLAN_LANGUAGE.test(sentence) || PLAN_LANGUAGE.test(oneLine(b.text)) || (year !== undefined && yearsBefore.some((y) => y >= year));
      if (!planLanguage) continue;
      // the clause around the quantity (between ，、；： boundaries) names it
      let a = ts;
      while (a > sent.start && !/[，,；;：:]/.test(b.text[a - 1]!)) a--;
      let z = te;
      while (z < sent.end && !/[，,；;。]/.test(b.text[z]!)) z++;
      const clause = oneLine(b.text.slice(a, z));
      const value = Number(m[1]);
      const unit = m[2] === '％' ? '%' : m[2]!;
      const qualifier = m[3];
      const before = oneLine(b.text.slice(a, ts));
      const increment = /(再有|再培养|再建|新增|新建)/.test(before);
      const op: IndicatorOp = increment ? 'increase' : qualifier === '左右' ? 'approx' : qualifier === '以下' || qualifier === '以内' ? 'le' : 'ge';
      if (isParameter({ name: clause, text: clause, kind: 'target' }, clause)) continue;
      const name = clause
        .replace(oneLine(m[0]), '')
        .replace(/^(再有|再培养|再建|新增|新建|今年|年内|全省|全市|全县|全区|其中|将)+/, '')
        .replace(/^的/, '');
      if (name.length < 2) continue;
      const y = targetYear(sentence);
      const theme = themeFor(start, sentence);
      targets.push({
        id: '',
        name,
        comparator: '',
        op,
        value,
        unit,
        ...(qualifier ? { qualifier } : {}),
        binds: inferBinds({ name, unit, op }, sentence),
        ...(y !== undefined ? { year: y } : {}),
        ...(theme ? { theme } : {}),
        source: { ...(opts.document ? { document: opts.document } : {}), line: lineOf(segmentOffset(b.segments, a)), quote: clause },
      });
      covered.push({ start, end });
    }
  }
  return targets;
}
