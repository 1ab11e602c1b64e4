/**
 * Theme ↔ section mapping.
 *
 * Every top section of the plan part is cut into units: the section as a whole, each descendant
 * section, and each paragraph of a leaf section. A theme is compared with every unit by
 *   - character-bigram TF-IDF cosine (no word list; IDF over the draft's paragraphs and the
 *     set's themes, so words every paragraph uses, such as 加强/工作/建设, weigh little), and
 *   - its keywords and synonyms (exact, quotes ignored; `*` stands for 2–3 Han characters, e.g.
 *     健康*行动 for a place name): they weigh in the theme's vector, and a keyword in a unit's
 *     heading raises the unit's score to the strong threshold when the text is similar too
 *     (cosine ≥ weak), else to midway between weak and strong (a heading alone is weak evidence).
 * A unit supports a theme when its score reaches the weak threshold and is at least half its
 * best score over the set's themes (a paragraph answers the themes it is mainly about, not every
 * theme it mentions in passing). A top section's score for a theme is its best supporting unit.
 * Status: covered when some section reaches the strong threshold, partial when only the weak one.
 */
import type { Plan, Section } from '../model.js';
import type { RequirementSet, Theme } from '../requirements/types.js';
import type { Span } from '../text.js';
import { countTerms, cosine, explainShared, Idf, normalize, vectorize, type TermCounts, type Vector } from './similarity.js';
import { sectionRef } from './part.js';
import type { Evidence, SectionRef, ThemeAlignment, ThemeMatch } from './types.js';

/** Score a unit must reach to count as (weak) evidence: partial coverage. */
export const WEAK = 0.1;
/** Score of strong evidence: the theme is covered. */
export const STRONG = 0.18;
/** A heading that names a theme keyword with little text similarity: weak evidence. */
export const MIDDLE = (WEAK + STRONG) / 2;
/** A unit supports the themes scoring at least this share of its best theme score. */
export const RELATIVE = 0.5;

interface Unit {
  top: number;
  ref: SectionRef;
  span: Span;
  heading: string;
  norm: string;
  counts: TermCounts;
  vector?: Vector;
}

const QUOTES = /[“”‘’"'《》〈〉「」『』]/g;

/** Keyword matcher: literal, quotes ignored; `*` = 2–3 Han characters. */
export function keywordPattern(keyword: string): RegExp {
  const parts = normalize(keyword).replace(QUOTES, '').split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('[\\u4e00-\\u9fff]{2,3}'));
}

function themeQuery(t: Theme): string {
  return normalize([t.title, t.title, ...t.keywords, ...(t.synonyms ?? []), t.text ?? ''].map((s) => s.replace(/\*/g, '，')).join('，'));
}

export interface TopSection {
  ref: SectionRef;
  section?: Section;
}

function buildUnits(plan: Plan, tops: readonly TopSection[]): Unit[] {
  const units: Unit[] = [];
  const push = (top: number, ref: SectionRef, span: Span, heading: string, text: string) => {
    const norm = normalize(text);
    units.push({ top, ref, span, heading: normalize(heading).replace(QUOTES, ''), norm, counts: countTerms(norm) });
  };
  tops.forEach((t, ti) => {
    if (!t.section) {
      push(ti, t.ref, t.ref.span, '', plan.text.slice(t.ref.span.start, t.ref.span.end));
      return;
    }
    const walk = (s: Section) => {
      const ref = sectionRef(s);
      push(ti, ref, ref.span, s.title, plan.text.slice(s.start, s.end));
      // paragraphs: of a leaf section with several, and the lead-in paragraphs of a parent
      if (s.children.length > 0 || s.body.length > 1) {
        for (const b of s.body) push(ti, ref, { start: b.start, end: b.end }, '', b.text);
      }
      for (const c of s.children) walk(c);
    };
    walk(t.section);
  });
  return units;
}

export function alignThemes(plan: Plan, tops: readonly TopSection[], set: RequirementSet): ThemeAlignment[] {
  const units = buildUnits(plan, tops);
  const queries = set.themes.map(themeQuery);
  const queryCounts = queries.map(countTerms);
  const idf = new Idf([...plan.blocks.map((b) => countTerms(normalize(b.text))), ...queryCounts]);
  // terms used by a tenth of the paragraphs or more explain little
  const minWeight = Math.log(1 + (idf.n - idf.n / 10 + 0.5) / (idf.n / 10 + 0.5));
  for (const u of units) u.vector = vectorize(u.counts, idf);
  const qv = queryCounts.map((c) => vectorize(c, idf));
  const patterns = set.themes.map((t) => [...t.keywords, ...(t.synonyms ?? [])].map((k) => ({ k, re: keywordPattern(k) })));

  // keywords in headings: leftmost-longest over all themes' keywords, so that in
  // “食品安全风险监测” 食品安全 wins and 安全风险 (another theme's keyword) does not count
  const headingHits = units.map((u) => {
    const hits: { theme: number; k: string; start: number; end: number }[] = [];
    if (!u.heading) return hits;
    patterns.forEach((list, ti) => {
      for (const { k, re } of list) {
        const g = new RegExp(re.source, 'g');
        for (const m of u.heading.matchAll(g)) hits.push({ theme: ti, k, start: m.index, end: m.index + m[0].length });
      }
    });
    hits.sort((a, b) => a.start - b.start || b.end - a.end || a.theme - b.theme);
    const kept: typeof hits = [];
    for (const h of hits) {
      const last = kept[kept.length - 1];
      if (last && h.start < last.end && !(h.start === last.start && h.end === last.end)) continue;
      kept.push(h);
    }
    return kept;
  });
  // scores[theme][unit]
  const detail = set.themes.map((_, ti) =>
    units.map((u, ui) => {
      const similarity = cosine(qv[ti]!, u.vector!);
      const text = u.norm.replace(QUOTES, '');
      const inHeadingKeywords = headingHits[ui]!.filter((h) => h.theme === ti).map((h) => h.k);
      const keywords: string[] = [...new Set(inHeadingKeywords)];
      const inHeading = keywords.length > 0;
      for (const { k, re } of patterns[ti]!) if (!keywords.includes(k) && re.test(text)) keywords.push(k);
      let score = similarity;
      if (inHeading) score = Math.max(score, similarity >= WEAK ? STRONG : MIDDLE);
      return { similarity, score, keywords, inHeading };
    }),
  );
  const bestPerUnit = units.map((_, ui) => Math.max(0, ...detail.map((d) => d[ui]!.score)));

  return set.themes.map((theme, ti) => {
    const byTop = new Map<number, Evidence[]>();
    units.forEach((u, ui) => {
      const d = detail[ti]![ui]!;
      if (d.score < WEAK || d.score < RELATIVE * bestPerUnit[ui]!) return;
      const terms = explainShared(queries[ti]!, u.norm, idf, 6, minWeight);
      const ev: Evidence = { section: u.ref, span: u.span, score: round(d.score), similarity: round(d.similarity), keywords: d.keywords, keywordInHeading: d.inHeading, terms };
      const list = byTop.get(u.top) ?? [];
      list.push(ev);
      byTop.set(u.top, list);
    });
    const matches: ThemeMatch[] = [...byTop.entries()]
      .map(([top, evidence]) => {
        evidence.sort((a, b) => b.score - a.score || a.span.start - b.span.start);
        // one piece of evidence per section (its best unit: the section or one of its paragraphs)
        const best = evidence.filter((e, i) => evidence.findIndex((x) => x.section.sectionId === e.section.sectionId) === i).slice(0, 3);
        const score = best[0]!.score;
        const terms: string[] = [];
        for (const e of best) for (const t of [...e.keywords, ...e.terms]) if (!terms.includes(t) && !terms.some((x) => x.includes(t))) terms.push(t);
        return { section: tops[top]!.ref, score, strength: score >= STRONG ? 'strong' : 'weak', evidence: best, terms: terms.slice(0, 8) } satisfies ThemeMatch;
      })
      .sort((a, b) => b.score - a.score || a.section.span.start - b.section.span.start);
    const score = matches[0]?.score ?? 0;
    const status = score >= STRONG ? 'covered' : score >= WEAK ? 'partial' : 'missing';
    return { set: set.name, theme, status, score, matches };
  });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
