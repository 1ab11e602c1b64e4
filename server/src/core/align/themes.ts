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
import { bigramIndex, countTerms, explainShared, Idf, normalize, vectorize, type BigramIndex, type TermCounts } from './similarity.js';
import { sectionRef } from './part.js';
import type { Evidence, SectionRef, ThemeAlignment, ThemeMatch } from './types.js';

/*
 * Calibration (seed 000 against henan-2021, each theme × level-1 section, best unit cosine):
 * the 81 pairs a reader would not match score 0.008–0.095 (median 0.037, p90 0.067); the pairs
 * a reader would match have median 0.207 and reach 0.495. WEAK sits just above the largest
 * unrelated score, STRONG just below the median related one. An unrelated plan (education) scores
 * below WEAK against every theme (test/align.test.ts).
 */
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
  /** the unit's blocks (normalised), joined on demand for explanations */
  parts: string[];
  norm?: string;
  counts: TermCounts;
}

function unitNorm(u: Unit): string {
  if (u.norm === undefined) u.norm = u.parts.join('\n');
  return u.norm;
}

const QUOTES = /[“”‘’"'《》〈〉「」『』]/g;

/**
 * At most this many wildcard gaps per keyword. Each bounded gap doubles the backtracking of a near
 * miss (a Han run one character short), so a chain of them is exponential: 32 gaps cost seconds per
 * text position. Gaps past the cap are dropped; the requirement set loader warns about them.
 */
export const MAX_KEYWORD_WILDCARDS = 4;

/** Number of wildcard gaps in a keyword (a run of `*` is one gap). */
export function keywordWildcards(keyword: string): number {
  return (keyword.match(/\*+/g) ?? []).length;
}

/** Keyword matcher: literal, quotes ignored; `*` = 2–3 Han characters. */
export function keywordPattern(keyword: string): RegExp {
  // consecutive wildcards form one gap (** = 4–6 characters): one bounded quantifier, not a chain
  const pieces = normalize(keyword).replace(QUOTES, '').split(/(\*+)/);
  let source = '';
  let gaps = 0;
  for (const piece of pieces) {
    if (piece.startsWith('*')) {
      if (gaps++ < MAX_KEYWORD_WILDCARDS) source += `[\\u4e00-\\u9fff]{${2 * piece.length},${3 * piece.length}}`;
    } else source += piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(source);
}

function themeQuery(t: Theme): string {
  return normalize([t.title, t.title, ...t.keywords, ...(t.synonyms ?? []), t.text ?? ''].map((s) => s.replace(/\*/g, '，')).join('，'));
}

export interface TopSection {
  ref: SectionRef;
  section?: Section;
}

interface BlockTerms {
  norm: string;
  counts: TermCounts;
}

/**
 * Normalised text and term counts of a paragraph, memoised by its text: while a draft is edited,
 * almost every paragraph is unchanged between two analyses. Bounded (least recently used go).
 */
const blockCache = new Map<string, BlockTerms>();
/**
 * Least recently used entries go first. 4,096 blocks hold a 1 MB draft being edited (≈ 3,400
 * blocks) at ≈ 2.5 KB each; 50,000 entries held ≈ 50 MB with 200 drafts open (bench/RESULTS.md).
 */
const BLOCK_CACHE_LIMIT = 4096;
function termsOfBlock(text: string): BlockTerms {
  let t = blockCache.get(text);
  if (t) {
    // most recently used last (a Map iterates in insertion order)
    blockCache.delete(text);
    blockCache.set(text, t);
  } else {
    const norm = normalize(text);
    t = { norm, counts: countTerms(norm) };
    if (blockCache.size >= BLOCK_CACHE_LIMIT) blockCache.delete(blockCache.keys().next().value!);
    blockCache.set(text, t);
  }
  return t;
}

function mergeCounts(list: readonly TermCounts[]): TermCounts {
  if (list.length === 1) return list[0]!;
  const m: TermCounts = new Map();
  for (const c of list) for (const [t, n] of c) m.set(t, (m.get(t) ?? 0) + n);
  return m;
}

function buildUnits(plan: Plan, tops: readonly TopSection[], blockTerms: readonly BlockTerms[]): Unit[] {
  const units: Unit[] = [];
  // blocks are in document order: the blocks of a span are a contiguous run
  const firstBlockAt = (offset: number) => {
    let lo = 0;
    let hi = plan.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (plan.blocks[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const push = (top: number, ref: SectionRef, span: Span, heading: string) => {
    const parts: string[] = [];
    const counts: TermCounts[] = [];
    for (let i = firstBlockAt(span.start); i < plan.blocks.length && plan.blocks[i]!.end <= span.end; i++) {
      parts.push(blockTerms[i]!.norm);
      counts.push(blockTerms[i]!.counts);
    }
    units.push({ top, ref, span, heading: normalize(heading).replace(QUOTES, ''), parts, counts: mergeCounts(counts) });
  };
  tops.forEach((t, ti) => {
    if (!t.section) {
      push(ti, t.ref, t.ref.span, '');
      return;
    }
    const walk = (s: Section) => {
      const ref = sectionRef(s);
      push(ti, ref, ref.span, s.title);
      // paragraphs: of a leaf section with several, and the lead-in paragraphs of a parent
      if (s.children.length > 0 || s.body.length > 1) {
        for (const b of s.body) push(ti, ref, { start: b.start, end: b.end }, '');
      }
      for (const c of s.children) walk(c);
    };
    walk(t.section);
  });
  return units;
}

interface PreparedSet {
  queries: string[];
  queryCounts: TermCounts[];
  patterns: { k: string; re: RegExp; g: RegExp }[][];
}

/** Set-derived data, computed once per set object (sets are immutable once loaded). */
const preparedSets = new WeakMap<RequirementSet, PreparedSet>();
function prepare(set: RequirementSet): PreparedSet {
  let p = preparedSets.get(set);
  if (!p) {
    const queries = set.themes.map(themeQuery);
    p = {
      queries,
      queryCounts: queries.map(countTerms),
      patterns: set.themes.map((t) =>
        [...t.keywords, ...(t.synonyms ?? [])].map((k) => {
          const re = keywordPattern(k);
          return { k, re, g: new RegExp(re.source, 'g') };
        }),
      ),
    };
    preparedSets.set(set, p);
  }
  return p;
}

export function alignThemes(plan: Plan, tops: readonly TopSection[], set: RequirementSet): ThemeAlignment[] {
  const { queries, queryCounts, patterns } = prepare(set);
  const blockTerms = plan.blocks.map((b) => termsOfBlock(b.text));
  const units = buildUnits(plan, tops, blockTerms);
  const idf = new Idf([...blockTerms.map((b) => b.counts), ...queryCounts]);
  // terms used by a tenth of the paragraphs or more explain little
  const minWeight = Math.log(1 + (idf.n - idf.n / 10 + 0.5) / (idf.n / 10 + 0.5));
  const qv = queryCounts.map((c) => vectorize(c, idf));

  // keywords in headings: leftmost-longest over all themes' keywords, so that in
  // “食品安全风险监测” 食品安全 wins and 安全风险 (another theme's keyword) does not count
  const headingHits = units.map((u) => {
    const hits: { theme: number; k: string; start: number; end: number }[] = [];
    if (!u.heading) return hits;
    patterns.forEach((list, ti) => {
      for (const { k, g } of list) {
        g.lastIndex = 0;
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
  // cosine with every theme in one pass over each unit's terms
  const postings = new Map<number, { ti: number; w: number }[]>();
  qv.forEach((q, ti) => {
    for (const [t, w] of q.weights) {
      const list = postings.get(t);
      if (list) list.push({ ti, w });
      else postings.set(t, [{ ti, w }]);
    }
  });
  // sublinear TF × IDF, computed on the fly (no vector per unit)
  const sims = units.map((u) => {
    const dot = new Float64Array(qv.length);
    let sq = 0;
    for (const [t, c] of u.counts) {
      const w = (1 + Math.log(c)) * idf.weight(t);
      sq += w * w;
      const list = postings.get(t);
      if (list) for (const p of list) dot[p.ti]! += w * p.w;
    }
    const norm = Math.sqrt(sq);
    return Array.from(dot, (d, ti) => (norm && qv[ti]!.norm ? d / (norm * qv[ti]!.norm) : 0));
  });
  // scores[theme][unit]; keywords in the body only explain, so they are looked up for evidence only
  const detail = set.themes.map((_, ti) =>
    units.map((u, ui) => {
      const similarity = sims[ui]![ti]!;
      const headingKeywords = [...new Set(headingHits[ui]!.filter((h) => h.theme === ti).map((h) => h.k))];
      const inHeading = headingKeywords.length > 0;
      let score = similarity;
      if (inHeading) score = Math.max(score, similarity >= WEAK ? STRONG : MIDDLE);
      return { similarity, score, headingKeywords, inHeading };
    }),
  );
  const indexes = new Map<Unit, BigramIndex>();
  const indexOf = (u: Unit): BigramIndex => {
    let index = indexes.get(u);
    if (!index) {
      index = bigramIndex(unitNorm(u));
      indexes.set(u, index);
    }
    return index;
  };
  const stripped = new Map<Unit, string>();
  const bodyKeywords = (u: Unit, ti: number, already: readonly string[]): string[] => {
    let text = stripped.get(u);
    if (text === undefined) {
      text = unitNorm(u).replace(QUOTES, '');
      stripped.set(u, text);
    }
    const out = [...already];
    for (const { k, re } of patterns[ti]!) if (!out.includes(k) && re.test(text)) out.push(k);
    return out;
  };
  const bestPerUnit = units.map((_, ui) => Math.max(0, ...detail.map((d) => d[ui]!.score)));

  return set.themes.map((theme, ti) => {
    const byTop = new Map<number, { u: Unit; ui: number; score: number }[]>();
    units.forEach((u, ui) => {
      const d = detail[ti]![ui]!;
      if (d.score < WEAK || d.score < RELATIVE * bestPerUnit[ui]!) return;
      const list = byTop.get(u.top) ?? [];
      list.push({ u, ui, score: round(d.score) });
      byTop.set(u.top, list);
    });
    const matches: ThemeMatch[] = [...byTop.entries()]
      .map(([top, supporting]) => {
        supporting.sort((a, b) => b.score - a.score || a.u.span.start - b.u.span.start);
        // one piece of evidence per section (its best unit: the section or one of its paragraphs),
        // explained (shared terms, keywords) only for the three shown
        const seen = new Set<number>();
        const best: typeof supporting = [];
        for (const e of supporting) {
          if (seen.has(e.u.ref.sectionId)) continue;
          seen.add(e.u.ref.sectionId);
          best.push(e);
          if (best.length === 3) break;
        }
        const evidence: Evidence[] = best.map(({ u, ui, score }) => {
          const d = detail[ti]![ui]!;
          return {
            section: u.ref,
            span: u.span,
            score,
            similarity: round(d.similarity),
            keywords: bodyKeywords(u, ti, d.headingKeywords),
            keywordInHeading: d.inHeading,
            terms: explainShared(queries[ti]!, unitNorm(u), idf, 6, minWeight, indexOf(u)),
          };
        });
        const score = evidence[0]!.score;
        const terms: string[] = [];
        for (const e of evidence) for (const t of [...e.keywords, ...e.terms]) if (!terms.includes(t) && !terms.some((x) => x.includes(t))) terms.push(t);
        return { section: tops[top]!.ref, score, strength: score >= STRONG ? 'strong' : 'weak', evidence, terms: terms.slice(0, 8) } satisfies ThemeMatch;
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
