/**
 * The review report: the alignment of one draft with its superior plans, as plain JSON
 * (schemas/review.schema.json). Built from an AlignmentResult; renderers (Markdown, HTML) read
 * only this model.
 */
import { LEVEL_NAME, parseLevel, type GovLevel } from '../levels.js';
import { quantityOf, type Localized, type Plan, type Quantity } from '../model.js';
import type { Range } from '../text.js';
import type { AlignmentResult, SectionRef, TargetStatus, ThemeStatus } from '../align/types.js';
import type { RequirementSet, SourceRef } from '../requirements/types.js';
import { describeTarget } from '../align/targets.js';
import { explainTheme } from '../align/index.js';
import { createSession, type AnalysisSession } from '../session.js';
import { STRONG, WEAK } from '../align/themes.js';
import { wholeWordTerms } from './words.js';

export interface ReviewSectionRef {
  number: string;
  title: string;
  level: number;
  range: Range;
}

export interface ReviewEvidence extends ReviewSectionRef {
  score: number;
  similarity: number;
  terms: string[];
  keywords: string[];
  keywordInHeading: boolean;
}

export interface ReviewThemeSection extends ReviewSectionRef {
  score: number;
  strength: 'strong' | 'weak';
  /** shared words (whole words of the draft, see words.ts) and keywords found */
  terms: string[];
  /** the score in words: 强对应/弱对应, what was matched, against which threshold */
  explanation: Localized;
  evidence: ReviewEvidence[];
}

export interface ReviewTheme {
  id: string;
  set: string;
  title: string;
  required: boolean;
  status: ThemeStatus;
  score: number;
  source?: SourceRef;
  sections: ReviewThemeSection[];
}

export interface ReviewTargetValue extends Omit<Quantity, 'comparator'> {
  text: string;
  name?: string;
  comparator?: string;
  year?: number;
  range?: Range;
  source?: SourceRef;
}

export interface ReviewTarget {
  id: string;
  set: string;
  name: string;
  status: TargetStatus;
  applies: boolean;
  superior: ReviewTargetValue;
  draft: ReviewTargetValue | null;
  nameScore?: number;
  problems: string[];
  reason: Localized;
  /** the government level of the set that asks for it (in a chain of levels) */
  level?: string;
  /** another set's stricter target on the same draft figure (only that one is reported) */
  supersededBy?: { set: string; targetId: string };
}

export interface Review {
  version: 1;
  /** for the footer a reviewer signs: when and by which planlint the report was made */
  generated?: { date: string; planlint: string };
  draft: { path?: string; title?: string; year?: number; level?: GovLevel };
  /** each set with its identity: name, year, level, the set it names as its superior, and its content hash */
  sets: { name: string; title: string; issuer?: string; level?: string; year?: number; superior?: string; hash?: string }[];
  planPart: { sections: ReviewSectionRef[]; excluded: ReviewSectionRef[]; reason: Localized };
  coverage: number;
  /** the match-score thresholds: weak evidence (partial) and strong evidence (covered) */
  thresholds: { weak: number; strong: number };
  themes: ReviewTheme[];
  targets: ReviewTarget[];
  /** sections: numbers; sectionTitles: the printed headers (“三、推进科技创新和产业升级”) */
  matrix: { themes: string[]; sections: string[]; sectionTitles?: string[]; cells: number[][] };
  unmatchedSections: ReviewSectionRef[];
  summary: { themes: Record<ThemeStatus, number>; targets: Record<TargetStatus, number> };
}

/** The draft's title: front matter `title`, else the first non-blank line before the first section. */
export function draftTitle(plan: Plan): string | undefined {
  const fm = plan.frontMatter?.data?.title;
  if (typeof fm === 'string' && fm.trim()) return fm.trim();
  const first = plan.allSections[0]?.start ?? plan.text.length;
  const blocks = plan.blocks.filter((b) => b.end <= first && b.text.trim().length > 0 && b.text.trim().length <= 60);
  // prefer a line naming a plan (要点/计划/安排/总结), else the first short line
  const named = blocks.find((b) => /(要点|计划|安排|总结|方案|规划)/.test(b.text));
  return (named ?? blocks[0])?.text.replace(/\s+/g, ' ').trim();
}

export interface ReviewOptions {
  path?: string;
  /** the date of the report (YYYY-MM-DD), for its footer */
  date?: string;
  /** planlint's version, for its footer */
  version?: string;
  /** the session that aligned the plan (its explanations serve; default: a fresh one works them out again) */
  session?: AnalysisSession;
}

/**
 * The score of a match in words, with what was matched (a reviewer cannot sign “0.18”). `quoted`
 * escapes the matched words for the output format (the Markdown report escapes them, not the
 * sentence around them).
 */
export function explainMatch(strength: 'strong' | 'weak', score: number, terms: readonly string[], quoted: (term: string) => string = (t) => t): Localized {
  const shown = terms.slice(0, 6).map(quoted);
  const zh = `${strength === 'strong' ? '强对应' : '弱对应'}（得分 ${score.toFixed(2)}，${strength === 'strong' ? `达到强对应线 ${STRONG}` : `介于弱对应线 ${WEAK} 与强对应线 ${STRONG} 之间`}）：双方共有 ${shown.length ? shown.map((t) => `“${t}”`).join('、') : '—'}${terms.length > shown.length ? ` 等 ${terms.length} 个词` : ''}`;
  const en = `${strength === 'strong' ? 'strong match' : 'weak match'} (score ${score.toFixed(2)}, ${strength === 'strong' ? `at or above the strong line ${STRONG}` : `between the weak line ${WEAK} and the strong line ${STRONG}`}): both texts use ${shown.length ? shown.map((t) => `"${t}"`).join(', ') : '—'}${terms.length > shown.length ? ` and ${terms.length - shown.length} more` : ''}`;
  return { zh, en };
}

export function buildReview(plan: Plan, result: AlignmentResult, sets: readonly RequirementSet[], opts: ReviewOptions = {}): Review {
  const range = (s: { start: number; end: number }) => plan.index.rangeOf(s);
  const ref = (s: SectionRef): ReviewSectionRef => ({ number: s.number, title: s.title, level: s.level, range: range(s.span) });
  // one session for every theme: a result aligned elsewhere is aligned again once, not per theme
  const session = opts.session ?? createSession();
  const themes: ReviewTheme[] = result.themes.map((t) => ({
    id: t.theme.id,
    set: t.set,
    title: t.theme.title,
    required: t.theme.required,
    status: t.status,
    score: t.score,
    ...(t.theme.source ? { source: t.theme.source } : {}),
    sections: t.matches.map((m, mi) => {
      const why = explainTheme(plan, sets, t, { year: result.planPart.year, session })[mi]!;
      // shared fragments widened to whole words of the evidence paragraph
      const evidence = m.evidence.map((e, ei) => ({
        ...ref(e.section),
        range: range(e.span),
        score: e.score,
        similarity: e.similarity,
        terms: wholeWordTerms(plan.text.slice(e.span.start, e.span.end), why.evidence[ei]!.terms),
        keywords: why.evidence[ei]!.keywords,
        keywordInHeading: e.keywordInHeading,
      }));
      const terms = [...new Set([...evidence.flatMap((e) => e.keywords), ...evidence.flatMap((e) => e.terms)])].filter(
        (w, _, all) => !all.some((o) => o !== w && o.includes(w)),
      );
      return { ...ref(m.section), score: m.score, strength: m.strength, terms, explanation: explainMatch(m.strength, m.score, terms), evidence };
    }),
  }));
  const targets: ReviewTarget[] = result.targets.map((t) => {
    const sup = t.target;
    const superior: ReviewTargetValue = {
      text: `${sup.name}${describeTarget(sup)}`,
      name: sup.name,
      ...quantityOf(sup),
      ...(sup.year !== undefined ? { year: sup.year } : {}),
      ...(sup.source ? { source: sup.source } : {}),
    };
    const ind = t.indicator;
    const draft: ReviewTargetValue | null = ind
      ? {
          text: ind.text,
          name: ind.name,
          ...quantityOf(ind),
          range: range(ind),
        }
      : null;
    return {
      id: sup.id,
      set: t.set,
      name: sup.name,
      status: t.status,
      applies: t.applies,
      superior,
      draft,
      ...(t.nameScore !== undefined ? { nameScore: t.nameScore } : {}),
      problems: t.problems,
      reason: t.reason,
      ...(t.level ? { level: t.level } : {}),
      ...(t.supersededBy ? { supersededBy: t.supersededBy } : {}),
    };
  });
  const matrixSections = result.sections.map((s) => s.section);
  const cells = result.themes.map((t) =>
    matrixSections.map((s) => t.matches.find((m) => m.section.sectionId === s.sectionId && m.section.span.start === s.span.start)?.score ?? 0),
  );
  const themeSummary: Record<ThemeStatus, number> = { covered: 0, partial: 0, missing: 0 };
  for (const t of result.themes) themeSummary[t.status]++;
  return {
    version: 1,
    ...(opts.date && opts.version ? { generated: { date: opts.date, planlint: opts.version } } : {}),
    draft: {
      ...(opts.path ? { path: opts.path } : {}),
      ...(draftTitle(plan) ? { title: draftTitle(plan) } : {}),
      ...(result.planPart.year !== undefined ? { year: result.planPart.year } : {}),
      ...(result.planPart.level ? { level: result.planPart.level } : {}),
    },
    sets: sets.map((s) => ({
      name: s.name,
      title: s.title,
      ...(s.issuer ? { issuer: s.issuer } : {}),
      ...(s.level ? { level: s.level } : {}),
      ...(s.year !== undefined ? { year: s.year } : {}),
      ...(s.superior ? { superior: s.superior } : {}),
      ...(s.origin?.hash ? { hash: s.origin.hash } : {}),
    })),
    planPart: { sections: result.planPart.sections.map(ref), excluded: result.planPart.excluded.map(ref), reason: result.planPart.reason },
    coverage: result.coverage,
    thresholds: { weak: WEAK, strong: STRONG },
    themes,
    targets,
    matrix: {
      themes: result.themes.map((t) => (sets.length > 1 ? `${t.set}:${t.theme.id}` : t.theme.id)),
      sections: matrixSections.map((s) => s.number),
      sectionTitles: matrixSections.map((s) => `${sectionLabel(s)}${s.title}`),
      cells,
    },
    unmatchedSections: result.unmatchedSections.map(ref),
    summary: { themes: themeSummary, targets: result.targetSummary },
  };
}

/** The section number as a heading writes it: 一、 （一） 3. （3） */
export function sectionLabel(s: { level: number; number: string }): string {
  if (s.number.startsWith('¶')) return s.number;
  return s.level === 1 ? `${s.number}、` : s.level === 2 ? `（${s.number}）` : s.level === 3 ? `${s.number}.` : `（${s.number}）`;
}

export { targetStatusLabel, themeStatusLabel } from '../align/labels.js';

/** The language of a rendered report: its labels in Chinese (default) or English, never both. */
export type ReportLang = 'zh' | 'en';

/**
 * The labels of the rendered reports (HTML and Markdown share them, so a reviewer reads the same
 * words in both). Text quoted from the draft and the sets is never translated.
 */
export const reportLabel = {
  title: { zh: '对标上级规划审查报告', en: 'Alignment review' },
  draft: { zh: '草案', en: 'Draft' },
  noTitle: { zh: '（无标题）', en: '(no title)' },
  superiorPlan: { zh: '上级规划', en: 'Superior plan' },
  scope: { zh: '比对范围', en: 'Compared' },
  coverage: { zh: '总体覆盖率', en: 'Coverage' },
  matrix: { zh: '覆盖矩阵', en: 'Themes × sections' },
  superiorTask: { zh: '上级任务', en: 'Superior task' },
  status: { zh: '状态', en: 'Status' },
  mapping: { zh: '任务对应与依据', en: 'Mapping and evidence' },
  noAnswer: { zh: '草案中未找到对应部分', en: 'No part of the draft answers it' },
  evidence: { zh: '依据', en: 'evidence' },
  sharedWords: { zh: '共同词', en: 'shared words' },
  keywords: { zh: '关键词', en: 'keywords' },
  targets: { zh: '指标对照', en: 'Targets' },
  target: { zh: '指标', en: 'Target' },
  superior: { zh: '上级要求', en: 'Superior' },
  explanation: { zh: '说明', en: 'Explanation' },
  unmatched: { zh: '未对应上级任务的草案部分', en: 'Parts answering no superior task' },
  none: { zh: '无', en: 'None' },
  excluded: { zh: '未纳入比对（上年总结）', en: "Not compared (last year's review)" },
  date: { zh: '生成日期', en: 'Date' },
  set: { zh: '要求集', en: 'Set' },
  superiorSet: { zh: '上级', en: 'superior' },
  hash: { zh: '内容摘要', en: 'content hash' },
  signature: { zh: '审核人（签字）：____________　日期：____________', en: 'Reviewer (signature): ____________  Date: ____________' },
} as const satisfies Record<string, Localized>;

/** “任务：已覆盖 9，部分覆盖 1，未覆盖 0（覆盖率 = …）” in the report's language. */
export function themeSummaryText(st: Record<ThemeStatus, number>, lang: ReportLang): string {
  return lang === 'en'
    ? `Themes: covered ${st.covered}, partial ${st.partial}, missing ${st.missing} (coverage = (covered + ½ partial) ÷ required themes)`
    : `任务：已覆盖 ${st.covered}，部分覆盖 ${st.partial}，未覆盖 ${st.missing}（覆盖率 =（已覆盖 + ½ 部分覆盖）÷ 必选任务数）`;
}

/** “指标：达标 3，高于上级 1，…” in the report's language. */
export function targetSummaryText(tt: Record<TargetStatus, number>, lang: ReportLang): string {
  return lang === 'en'
    ? `Targets: met ${tt.met}, stronger ${tt.stronger}, weaker ${tt.weaker}, missing ${tt.missing}, not comparable ${tt['not-comparable'] ?? 0}, not applicable ${tt['not-applicable']}`
    : `指标：达标 ${tt.met}，高于上级 ${tt.stronger}，弱于上级 ${tt.weaker}，未体现 ${tt.missing}，不可比 ${tt['not-comparable'] ?? 0}，不适用 ${tt['not-applicable']}`;
}

/** The matrix legend: what ● and ○ mean. */
export function matrixLegend(lang: ReportLang): string {
  return lang === 'en'
    ? "● strong match (covered)　○ weak match (partial); columns are the draft's parts (number and title)."
    : '● 强对应（已覆盖）　○ 弱对应（部分覆盖）；列为草案各部分（编号与标题）。';
}

/** A government level in the report's language: 省级 / provincial level (a word it cannot read as a level, with 级). */
export function levelText(level: string, lang: ReportLang): string {
  const l = parseLevel(level);
  return l ? LEVEL_NAME[l][lang] : lang === 'en' ? `level ${level}` : `${level}级`;
}

/** “第 12 行” / “line 12” (1-based line number). */
export function lineText(line: number, lang: ReportLang): string {
  return lang === 'en' ? `line ${line}` : `第 ${line} 行`;
}
