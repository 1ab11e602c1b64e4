/**
 * The analysis keeps work between runs (indicator scans and cue scores per paragraph; for the
 * alignment, paragraph term lists, explanation runs and keyword flags per paragraph, heading hits
 * per heading, dense term ids, prepared names): these tests check that what it keeps never
 * changes a result, and that the explanation scan finds what a plain search finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignPlan, explainTheme } from '../server/src/core/align/index.js';
import { analyze } from '../server/src/core/analyze.js';
import { parsePlan } from '../server/src/core/parse.js';
import { countTerms, explainShared, normalize, rankRuns } from '../server/src/core/align/similarity.js';
import { latinIdsOf, rawTerm, termList } from '../server/src/core/align/terms.js';
import { MERGED_PER_KEY, mostMergedEntriesPerKey } from '../server/src/core/align/themes.js';
import { PARAGRAPH_MEMO, ParagraphMemo, ParagraphSlot } from '../server/src/core/generation-memo.js';
import { createSession, type AnalysisSession } from '../server/src/core/session.js';
import type { RequirementSet } from '../server/src/core/requirements/types.js';
import { resolveRequirementSets } from '../server/src/node/requirements.js';
import { readSeed, repoRoot } from './helpers.js';

const henan: RequirementSet = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot }).sets[0]!;

/** The session the analyses of a test share (as the language server's while a draft is edited). */
let session: AnalysisSession = createSession();

/** Everything an analysis yields: findings (with indicators' rules) and the alignment. */
function result(text: string) {
  const { plan, findings } = analyze(text, { requirements: [henan] }, session);
  const alignment = alignPlan(plan, [henan], { session });
  const explanations = alignment.themes.map((t) => explainTheme(plan, [henan], t, { session }));
  return JSON.stringify({ findings, indicators: plan.indicators, alignment, explanations });
}

function fresh(text: string) {
  session.clear();
  return result(text);
}

const warm = result;

describe('what the analysis keeps between runs', () => {
  it('an edited draft aligns as it would in a fresh process, before and after the edit', () => {
    const original = readSeed('000');
    // an edit inside the plan part that changes a paragraph's words (and so its terms, runs and keywords)
    const at = original.indexOf('疫情');
    expect(at).toBeGreaterThan(0);
    // …and adds a quantitative statement to it (indicators are kept per paragraph too)
    const edited = original.slice(0, at) + '食品安全和职业健康，职业病报告率达到95%以上，' + original.slice(at);
    const expectedOriginal = fresh(original);
    const expectedEdited = fresh(edited);
    expect(expectedEdited).not.toBe(expectedOriginal);
    session.clear();
    for (const text of [original, edited, original, edited]) {
      expect(warm(text)).toBe(text === original ? expectedOriginal : expectedEdited);
    }
  });

  it("other drafts analysed in between do not change a draft's alignment", () => {
    const a = readSeed('000');
    const expected = fresh(a);
    for (const name of ['001', '002', '003', '004']) warm(readSeed(name));
    expect(warm(a)).toBe(expected);
  });

  it('random edit sequences: each analysis equals a fresh one (the cosine reuses units whose terms kept their frequency)', () => {
    const seeds = [readSeed('000'), readSeed('002')];
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 6 }),
      insert: fc.constantFrom('', '的', '健康', '\n', '。', '卫生健康', '95%', '\n（一）加强', '是'),
    });
    fc.assert(
      fc.property(fc.nat({ max: 1 }), fc.array(edit, { minLength: 3, maxLength: 8 }), (which, edits) => {
        const texts: string[] = [];
        let text = seeds[which]!;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
          texts.push(text);
        }
        session.clear();
        const kept = texts.map((t) => warm(t));
        const expected = texts.map((t) => fresh(t));
        expect(kept).toEqual(expected);
      }),
      { numRuns: 25 },
    );
    // a property test of 25 edit sequences: allowed the time a loaded machine needs (no speed assertion)
  }, 180_000);

  it('the cosine kept for a unit two analyses back is not reused once its terms changed frequency', () => {
    // P, then a draft without P (P': the same terms, other counts), then P back: P's terms have the
    // frequencies of the second analysis, not of the first (Q, which shares 卫生 with P, became Q2)
    const body = (p: string, q: string) =>
      [
        '一、加强公共卫生体系建设',
        p,
        q,
        '完善疾病预防控制体系，提升应急处置能力。',
        '二、推进健康中国行动',
        '实施健康知识普及行动，提高居民健康素养水平。',
      ].join('\n') + '\n';
    const P = '加强卫生健康工作。';
    const P2 = '加强卫生健康工作，加强卫生健康工作。';
    const Q = '推进卫生事业发展。';
    const Q2 = '推进教育事业发展。';
    const texts = [body(P, Q), body(P2, Q2), body(P, Q2)];
    session.clear();
    const kept = texts.map((t) => warm(t));
    expect(kept).toEqual(texts.map((t) => fresh(t)));
  });

  it('typing inside a section keeps a bounded number of its merged term counts', () => {
    const text = readSeed('000');
    const plan = parsePlan(text);
    // the second paragraph of a section: the section's first paragraph (the key) stays the same
    const section = plan.allSections.find((s) => s.body.length >= 2 && s.children.length === 0)!;
    const at = section.body[1]!.start + 2;
    session.clear();
    let typed = '';
    for (let i = 0; i < 40; i++) {
      typed += '的';
      warm(text.slice(0, at) + typed + text.slice(at));
    }
    expect(mostMergedEntriesPerKey(session)).toBeGreaterThan(1);
    expect(mostMergedEntriesPerKey(session)).toBeLessThanOrEqual(MERGED_PER_KEY);
  });

  it('equal paragraphs share their work, below and above the memo limit, with the results of unshared work', () => {
    const seed = readSeed('000');
    // a small draft with a paragraph pasted twice, and a document of more paragraphs than the
    // memo takes (each paragraph of seed 000 many times over: only equal paragraphs of the
    // same analysis share there)
    const para = seed.split('\n').find((l) => l.length > 80 && /\d/.test(l))!;
    const small = seed + '\n' + para + '\n' + para + '\n';
    const copies = Math.ceil((PARAGRAPH_MEMO + 1) / parsePlan(seed).blocks.length) + 1;
    const large = Array.from({ length: copies }, () => seed).join('\n');
    expect(parsePlan(large).blocks.length).toBeGreaterThan(PARAGRAPH_MEMO);
    try {
      for (const text of [small, large]) {
        session = createSession({ paragraphSharing: false });
        const unshared = result(text);
        session = createSession();
        expect(fresh(text)).toBe(unshared);
        expect(warm(text)).toBe(unshared);
      }
    } finally {
      session = createSession();
    }
  });
});

/** Reference: from each query position, the longest Han run found in the other text by plain substring search. */
function reference(query: string, other: string, weight: (t: string) => number, limit: number): string[] {
  const han = (c: string) => /[\u4e00-\u9fff]/.test(c);
  const runs = new Map<string, number>();
  let i = 0;
  while (i < query.length - 1) {
    let j = i;
    if (han(query[i]!) && han(query[i + 1]!) && other.includes(query.slice(i, i + 2))) {
      j = i + 1;
      while (j + 1 < query.length && han(query[j + 1]!) && other.includes(query.slice(i, j + 2))) j++;
    }
    if (j > i) {
      const run = query.slice(i, j + 1);
      let w = 0;
      for (let k = i; k < j; k++) w += weight(query.slice(k, k + 2));
      if ((runs.get(run) ?? -1) < w) runs.set(run, w);
      i = j;
    } else i++;
  }
  // the ranking is the library's own (rankRuns): what is checked here is which runs are found
  return rankRuns(runs, limit);
}

describe('explainShared', () => {
  it('finds the longest shared runs a plain substring search finds', () => {
    // a small alphabet (Han, punctuation, digits) so that texts share runs often
    const char = fc.constantFrom(...'健康卫生服务体系建设疫情防控，。1a'.split(''));
    const text = fc.array(char, { maxLength: 60 }).map((a) => a.join(''));
    // the other text mixes noise with pieces of the query, so shared runs are common (also runs
    // that reach the end of the query)
    const other = fc.tuple(text, fc.array(fc.tuple(fc.nat(), fc.nat(), text), { maxLength: 4 }));
    fc.assert(
      fc.property(text, other, (q, [head, pieces]) => {
        const o = head + pieces.map(([a, b, noise]) => q.slice(a % (q.length + 1), (a % (q.length + 1)) + (b % 12)) + noise).join('');
        const query = normalize(q);
        const otherNorm = normalize(o);
        // a weight that depends on the bigram, so the ranking is not decided by length alone
        const weigh = (bigram: string) => (bigram.charCodeAt(0) % 7) + (bigram.charCodeAt(1) % 3) + 1;
        const idf = { weight: (t: number) => weigh(String.fromCharCode(0x3400 + Math.floor(t / (0x6c00 + 0x200)), 0x3400 + (t % (0x6c00 + 0x200)))) };
        expect(explainShared(query, otherNorm, idf, 8)).toEqual(reference(query, otherNorm, weigh, 8));
      }),
      { numRuns: 300 },
    );
  });

  it('explains a theme with the words a reader sees in both texts', () => {
    const idf = { weight: () => 1 };
    expect(explainShared(normalize('完善疫情防控体系，加强公共卫生应急能力'), normalize('今年要进一步完善疫情防控体系。'), idf)).toEqual(['完善疫情防控体系']);
  });
});

describe('ParagraphMemo', () => {
  it('keeps the paragraphs of the last two analyses that used it', () => {
    const memo = new ParagraphMemo<number>();
    let made = 0;
    const use = (text: string) => {
      let v = memo.get(session, text);
      if (v === undefined) memo.set(session, text, (v = ++made));
      return v;
    };
    session.beginAnalysis();
    use('甲');
    use('乙');
    session.beginAnalysis();
    expect(use('甲')).toBe(1); // from the previous analysis
    use('丙');
    session.beginAnalysis();
    // 甲 and 丙 were used by the last analysis, 乙 only by the one before it
    expect(use('甲')).toBe(1);
    expect(use('丙')).toBe(3);
    expect(use('乙')).toBe(4);
    // analyses that do not use the memo do not age it
    session.beginAnalysis();
    session.beginAnalysis();
    expect(use('乙')).toBe(4);
    expect(made).toBe(4);
  });

  it('a slot keeps the paragraphs of a document larger than the memo for the current analysis only', () => {
    const slot = new ParagraphSlot<number>();
    let made = 0;
    const block = { text: '甲' };
    session.beginAnalysis();
    // the same paragraph object: computed once for every stage of this analysis
    expect(slot.use(session, block, () => ++made, false)).toBe(1);
    expect(slot.use(session, block, () => ++made, false)).toBe(1);
    // the same text in the next analysis: nothing was kept by text
    session.beginAnalysis();
    expect(slot.use(session, { text: '甲' }, () => ++made, false)).toBe(2);
    // kept by text (keep = true): found again in the next analysis
    expect(slot.use(session, { text: '乙' }, () => ++made, true)).toBe(3);
    session.beginAnalysis();
    expect(slot.use(session, { text: '乙' }, () => ++made, true)).toBe(3);
  });
});

describe('termList', () => {
  it('counts what countTerms counts, also while new terms grow the dictionary mid-count', () => {
    // an empty dictionary: the first long paragraphs add thousands of ids while being counted
    session.clear();
    for (const name of ['000', '002', '004']) {
      for (const paragraph of readSeed(name).split(/\n\s*\n/)) {
        const norm = normalize(paragraph);
        const list = termList(session, norm);
        const counted = new Map<number, number>();
        list.ids.forEach((id, k) => counted.set(rawTerm(session, id), list.counts[k]!));
        // same terms, same counts, same order of first occurrence
        expect([...counted]).toEqual([...countTerms(norm, latinIdsOf(session))]);
      }
    }
  });
});

describe('explanations', () => {
  it('are worked out on demand by a function; the result is plain data', () => {
    session.clear();
    const plan = parsePlan(readSeed('000'), {}, session);
    const result = alignPlan(plan, [henan], { session });
    const theme = result.themes.find((t) => t.status === 'covered')!;
    const match = theme.matches[0]!;
    // plain data: no accessors anywhere, and JSON gives back an equal structure
    expect(Object.keys(match.evidence[0]!)).toEqual(['section', 'span', 'score', 'similarity', 'keywordInHeading']);
    expect(Object.values(Object.getOwnPropertyDescriptors(match.evidence[0]!)).every((d) => 'value' in d)).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    const why = explainTheme(plan, [henan], theme, { session });
    expect(why).toHaveLength(theme.matches.length);
    expect(why[0]!.terms.length).toBeGreaterThan(0);
    expect(why[0]!.evidence).toHaveLength(match.evidence.length);
    // worked out once per theme result in the session
    expect(explainTheme(plan, [henan], theme, { session })).toBe(why);
    // a result read back from JSON, or explained in another session, is explained alike
    const copy = JSON.parse(JSON.stringify(theme)) as typeof theme;
    expect(explainTheme(plan, [henan], copy, { session })).toEqual(why);
    expect(explainTheme(plan, [henan], theme, { session: createSession() })).toEqual(why);
  });
});
