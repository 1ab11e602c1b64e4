/**
 * Plan-level context for indicators: the plan's year, and whether each part of the document
 * reports the past (总结, achieved values) or plans the future (计划, targets).
 */
import type { Block, IndicatorKind, Plan, Section } from '../model.js';
import { fitsParagraphMemo, ParagraphSlot } from '../generation-memo.js';
import type { AnalysisSession } from '../session.js';
import { fiveYearPlanEnd, frontMatterYear } from '../year.js';
import { PLAN_YEAR, RETRO_FRAME, REVIEWED_PLAN, SCORE_CUES, TITLE_ACHIEVED, TITLE_REVIEW, TITLE_TARGET } from './lexicon.js';

type PlanBase = Omit<Plan, 'indicators'>;

/** The plan's own year: front matter `year`, else the latest year named as 工作要点/计划/工作会. */
export function planYearOf(plan: PlanBase): number | undefined {
  const fm = frontMatterYear(plan);
  if (fm !== undefined) return fm;
  let best: number | undefined;
  // the title and opening blocks name the plan; fall back to the whole text
  PLAN_YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  const head =
    plan.blocks.length > 0
      ? plan.blocks
          .slice(0, 12)
          .map((b) => b.text)
          .join('\n')
      : plan.text.slice(0, 2000);
  while ((m = PLAN_YEAR.exec(head))) best = Math.max(best ?? 0, Number(m[1]));
  if (best !== undefined) return best;
  PLAN_YEAR.lastIndex = 0;
  while ((m = PLAN_YEAR.exec(plan.text))) best = Math.max(best ?? 0, Number(m[1]));
  return best;
}

export interface CueScore {
  achieved: number;
  target: number;
}

/** scoreText of paragraphs, by text (see scanBlock in ../indicators.ts) */
const scores = new ParagraphSlot<Readonly<CueScore>>();
export function scoreBlock(session: AnalysisSession, block: { text: string }, keep = true): Readonly<CueScore> {
  return scores.use(session, block, scoreText, keep);
}

export function scoreText(s: string): CueScore {
  const score = { achieved: 0, target: 0 };
  SCORE_CUES.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SCORE_CUES.exec(s))) {
    if (m[1] !== undefined) score.achieved++;
    else score.target++;
  }
  return score;
}

/** Kind a section title states outright (总结 / 计划, or its year against the plan year); undefined when mixed. */
export function titleKind(title: string, planYear: number | undefined): IndicatorKind | undefined {
  const stance = titleStance(title, planYear);
  return stance === 'mixed' ? undefined : stance;
}

const TITLE_YEARS = /((?:19|20)\d{2})\s*年|[“"]?十([一二三四五六七八九])五[”"]?/g;

/**
 * What a title states: 'achieved' (a review), 'target' (a plan), 'mixed' when it names both a review and
 * a plan (“十三五”时期发展成就和“十四五”时期主要目标任务, 2020年工作总结和2021年工作计划: each paragraph's
 * own language decides), undefined when it says nothing. A year or five-year period before the plan year
 * names a review, the plan year or later a plan; a plan word that is the object of a review (计划执行情况)
 * names no plan.
 */
export function titleStance(title: string, planYear: number | undefined): IndicatorKind | 'mixed' | undefined {
  const words = title.replace(REVIEWED_PLAN, '执行情况');
  let past = TITLE_REVIEW.test(words);
  let ahead = TITLE_TARGET.test(words);
  if (planYear !== undefined) {
    TITLE_YEARS.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TITLE_YEARS.exec(title))) {
      const year = m[1] ? Number(m[1]) : fiveYearPlanEnd(m[2]!);
      if (year === undefined) continue;
      if (year >= planYear) ahead = true;
      else past = true;
    }
  }
  if (past && ahead) return 'mixed';
  const y = /((?:19|20)\d{2})\s*年/.exec(title);
  if (y && planYear !== undefined) return Number(y[1]) >= planYear ? 'target' : 'achieved';
  if (TITLE_ACHIEVED.test(title)) return 'achieved';
  if (TITLE_TARGET.test(title)) return 'target';
  return undefined;
}

/**
 * Kind of a paragraph from its own language, in a part whose title names both a review and a plan: a
 * retrospective time frame at its start (过去五年，/ 一年来，/ “十三五”时期，) or summary language at a
 * section's rate speaks of the past; plan language alone of the plan; else undefined.
 */
export function paragraphLean(text: string, s: Readonly<CueScore>, planYear: number | undefined): IndicatorKind | undefined {
  const f = RETRO_FRAME.exec(text.trimStart());
  if (f) {
    const year = f[1] ? Number(f[1]) : f[2] ? fiveYearPlanEnd(f[2]) : undefined;
    if (year === undefined || (planYear !== undefined && year < planYear)) return 'achieved';
  }
  const k = scoreKind(s);
  if (k) return k;
  if (s.achieved >= 2 && s.achieved >= 2 * s.target) return 'achieved';
  return strictKind(s);
}

/** a paragraph with cues of one kind only */
function strictKind(s: Readonly<CueScore>): IndicatorKind | undefined {
  return s.achieved >= 1 && s.target === 0 ? 'achieved' : s.target >= 1 && s.achieved === 0 ? 'target' : undefined;
}

/** Decides from cue counts; undefined when the language does not lean clearly. */
export function scoreKind(s: CueScore, minAchieved = 5): IndicatorKind | undefined {
  // plans use 推进/加强/持续 throughout; summaries use them too, but add 已/累计/目前/了 at a far higher rate
  if (s.achieved >= minAchieved && s.achieved * 3 >= s.target) return 'achieved';
  if (s.target >= 2 && s.achieved * 5 < s.target) return 'target';
  return undefined;
}

/**
 * Unnumbered part titles (2026年工作总结, 2027年工作计划, “十四五”时期工作回顾): short paragraphs without
 * sentence punctuation whose words state a kind. `partStance[id]`: for each top-level section with no
 * kind in its own title, the kind of the last such title before it (a title naming both a review and
 * a plan, or none, states nothing). `after`: the blocks that follow such a title inside a numbered
 * section's body, up to the next top-level section, each with the title's kind.
 */
function partTitles(
  blocks: readonly Block[],
  sections: readonly Section[],
  planYear: number | undefined,
): { partStance: (IndicatorKind | undefined)[]; after: Map<number, IndicatorKind> } {
  const partStance: (IndicatorKind | undefined)[] = new Array(sections.length);
  const after = new Map<number, IndicatorKind>();
  let stance: IndicatorKind | undefined;
  /** a part title met in the body of the current top-level section */
  let inBody = false;
  let inSection = false;
  let p = 0;
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi]!;
    if (b.kind === 'heading') {
      while (p < sections.length && sections[p]!.start < b.start) p++;
      const sec = sections[p];
      if (sec && sec.start === b.start && sec.parentId === undefined) {
        inBody = false;
        inSection = true;
        if (stance && titleStance(sec.title, planYear) === undefined) partStance[sec.id] = stance;
      }
      continue;
    }
    const text = b.text;
    if ((b.kind === 'paragraph' || b.kind === 'title') && text.length <= 30 && !PERIOD_IN.test(text)) {
      const stated = titleStance(text, planYear);
      if (stated) {
        stance = stated === 'mixed' ? undefined : stated;
        inBody = inSection;
        continue;
      }
    }
    if (inBody && stance) after.set(bi, stance);
  }
  return { partStance, after };
}

/** sentence punctuation: a block with it is a paragraph, not a part title */
const PERIOD_IN = /[。；;！？，,：:]/;

export interface KindContext {
  /** section id of each block (latest heading at or before it), -1 when none */
  blockSection: Int32Array;
  /** kind of each section: from its title, its ancestors, or the language of its top-level part */
  sectionKind: (IndicatorKind | undefined)[];
  /** kind of each block from its own language (for parts without structure) */
  blockKind: (IndicatorKind | undefined)[];
}

/** the session key of the kind contexts, by the parsed plan's blocks (the indicators and the proofreading rules share one) */
const KINDS: object = Object.freeze({ name: 'kind contexts' });

/** The kind context of a parsed plan for a plan year, computed once per plan and year in `session`. */
export function kindContext(plan: PlanBase, planYear: number | undefined, session: AnalysisSession): KindContext {
  const kept = session.state(KINDS, () => new WeakMap<readonly Block[], { sections: readonly Section[]; planYear: number | undefined; result: KindContext }>());
  const hit = kept.get(plan.blocks);
  if (hit && hit.sections === plan.allSections && hit.planYear === planYear) return hit.result;
  const result = computeKindContext(plan, planYear, session);
  kept.set(plan.blocks, { sections: plan.allSections, planYear, result });
  return result;
}

function computeKindContext(plan: PlanBase, planYear: number | undefined, session: AnalysisSession): KindContext {
  const blocks: readonly Block[] = plan.blocks;
  const sections: readonly Section[] = plan.allSections;
  const blockSection = new Int32Array(blocks.length).fill(-1);
  const keep = fitsParagraphMemo(blocks.length);
  const blockKind: (IndicatorKind | undefined)[] = new Array(blocks.length);
  // cue counts of each top-level section's paragraphs (by section id; scored: any paragraph counted)
  const topAchieved = new Int32Array(sections.length);
  const topTarget = new Int32Array(sections.length);
  const topScored = new Uint8Array(sections.length);
  // a top-level part whose title states its kind needs no scoring of its language
  const titled = sections.map((sec) => (sec.parentId === undefined ? titleKind(sec.title, planYear) !== undefined : false));
  const { partStance, after } = partTitles(blocks, sections, planYear);
  let p = 0;
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi]!;
    while (p < sections.length && sections[p]!.start <= b.start) p++;
    const sec = p > 0 ? sections[p - 1]! : undefined;
    blockSection[bi] = sec ? sec.id : -1;
    let top = sec;
    for (let guard = 0; top && top.parentId !== undefined && guard < 8; guard++) top = sections[top.parentId]!;
    if (top && (titled[top.id] || partStance[top.id])) continue;
    const s = scoreBlock(session, b, keep);
    blockKind[bi] = strictKind(s);
    if (top) {
      topAchieved[top.id]! += s.achieved;
      topTarget[top.id]! += s.target;
      topScored[top.id] = 1;
    }
  }
  // outside any section (a newspaper page, a pasted excerpt) a neutral paragraph continues the
  // language of the paragraph before it
  let carry: IndicatorKind | undefined;
  /** kind stated by an unnumbered part title (“十四五”时期工作回顾, 2026年重点工作): holds until the next one */
  let titleCarry: IndicatorKind | undefined;
  /** after an unnumbered title naming both a review and a plan, each paragraph's own language decides */
  let mixedCarry = false;
  for (let bi = 0; bi < blocks.length; bi++) {
    if (blockSection[bi] !== -1) continue;
    const text = blocks[bi]!.text;
    const stated = text.length <= 30 && !PERIOD_IN.test(text) ? titleStance(text, planYear) : undefined;
    if (stated) {
      mixedCarry = stated === 'mixed';
      titleCarry = stated === 'mixed' ? undefined : stated;
    }
    if (titleCarry) {
      blockKind[bi] = titleCarry;
      continue;
    }
    if (mixedCarry && blocks[bi]!.kind === 'paragraph') {
      const lean = paragraphLean(text, scoreBlock(session, blocks[bi]!, keep), planYear);
      if (lean) blockKind[bi] = lean;
    }
    // headlines ("全面从严治党持续深化") speak for themselves, not for the paragraphs after them
    if (blockKind[bi]) {
      if (blocks[bi]!.kind === 'paragraph') carry = blockKind[bi];
    } else blockKind[bi] = carry;
  }
  // partKind: the kind a section's paragraphs take when their own language does not decide
  const partKind: (IndicatorKind | undefined)[] = new Array(sections.length);
  // a section whose title (or, with no kind of its own, its parent's) names both a review and a plan
  const mixed = new Uint8Array(sections.length);
  for (const sec of sections) {
    // document order: parents come before children
    const stance = titleStance(sec.title, planYear);
    let k = stance === 'mixed' ? undefined : stance;
    if (!k && sec.parentId !== undefined) k = partKind[sec.parentId];
    if (!k && sec.parentId === undefined) k = partStance[sec.id];
    if (!k && sec.parentId === undefined && topScored[sec.id]) k = scoreKind({ achieved: topAchieved[sec.id]!, target: topTarget[sec.id]! });
    partKind[sec.id] = k;
    mixed[sec.id] = stance === 'mixed' || (stance === undefined && sec.parentId !== undefined && mixed[sec.parentId] === 1) ? 1 : 0;
  }
  // the paragraphs after an unnumbered part title that sits in the body of a section (…四、存在的问题
  // …\n2027年工作计划\n…): the title's kind, up to the next section of the top level
  for (const [bi, k] of after) blockKind[bi] = k;
  const sectionKind = partKind.map((k, id) => (mixed[id] ? undefined : k));
  for (let bi = 0; bi < blocks.length; bi++) {
    const sec = blockSection[bi]!;
    if (sec < 0 || !mixed[sec]) continue;
    const b = blocks[bi]!;
    blockKind[bi] = paragraphLean(b.text, scoreBlock(session, b, keep), planYear) ?? partKind[sec];
  }
  return { blockSection, sectionKind, blockKind };
}
