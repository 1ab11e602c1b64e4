/**
 * Text copied from the superior: draft sentences that restate a sentence of a requirement set (its
 * themes' wording, titles and targets' quotes) nearly word for word. Reviewers must spot a draft
 * that is “与上级文件大部分雷同” as well as one with gaps.
 *
 * A draft sentence (between 。；！？, at least MIN_CHARS characters without white space and
 * punctuation) is copied when at least COPIED of its character bigrams occur, in one superior
 * sentence, in that sentence: the superior's wording with a few words changed or cut. A paragraph
 * is copied when its copied sentences hold at least half of its characters. The share of the draft
 * copied is the copied sentences' characters over all sentences' characters of the plan part.
 *
 * Pure: computed per call from the sets (no module state).
 */
import { createSession, type AnalysisSession } from '../session.js';
import type { Plan } from '../model.js';
import type { RequirementSet } from '../requirements/types.js';
import type { Span } from '../text.js';
import { fitsParagraphMemo, ParagraphSlot } from '../generation-memo.js';

export const MIN_CHARS = 15;
export const COPIED = 0.85;

export interface CopiedParagraph {
  /** the paragraph */
  span: Span;
  /** characters of the paragraph in copied sentences, over all its characters (0–1) */
  share: number;
  /** the superior sentence most of it restates, and its set */
  source: { set: string; text: string };
}

export interface CopiedText {
  /** share of the draft's sentence characters that are copied (0–1) */
  share: number;
  paragraphs: CopiedParagraph[];
}

const PUNCT = /[\s\u3000，,。；;：:！!？?、“”‘’"'（）()《》〈〉【】—…·]/g;

function sentences(text: string): string[] {
  return text
    .split(/[。；;！!？?\n]/)
    .map((s) => s.replace(PUNCT, ''))
    .filter((s) => s.length > 0);
}

function grams(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1));
  return out;
}

/** The superior sentences of the sets, indexed by bigram. */
function superiorIndex(sets: readonly RequirementSet[]): { texts: { set: string; text: string; grams: Set<number> }[]; byGram: Map<number, number[]> } {
  const texts: { set: string; text: string; grams: Set<number> }[] = [];
  const seen = new Set<string>();
  for (const set of sets) {
    const wording = [...set.themes.flatMap((t) => [t.title, t.text ?? '', t.source?.quote ?? '']), ...set.targets.map((t) => t.source?.quote ?? '')];
    for (const w of wording) {
      for (const s of sentences(w)) {
        if (s.length < MIN_CHARS || seen.has(s)) continue;
        seen.add(s);
        texts.push({ set: set.name, text: s, grams: new Set(grams(s)) });
      }
    }
  }
  const byGram = new Map<number, number[]>();
  texts.forEach((t, i) => {
    for (const g of t.grams) {
      const list = byGram.get(g);
      if (list) list.push(i);
      else byGram.set(g, [i]);
    }
  });
  return { texts, byGram };
}

type SuperiorIndex = ReturnType<typeof superiorIndex>;
interface BlockCopy {
  total: number;
  copied: number;
  best?: { i: number; chars: number };
}
/** Kept in the session between analyses: the sets' index, and each paragraph's result by its text. */
interface CopiedState {
  sets: readonly RequirementSet[];
  index?: SuperiorIndex;
}
/** each paragraph's BlockCopy, with the index it was computed against */
const copies = new ParagraphSlot<{ index: SuperiorIndex; copy: BlockCopy }>();
const COPIED_STATE: object = Object.freeze({ name: 'copied text' });

function sameSets(a: readonly RequirementSet[], b: readonly RequirementSet[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** One paragraph's copied share against the index. */
function blockCopy(text: string, index: SuperiorIndex, counts: Map<number, number>): BlockCopy {
  let total = 0;
  let copied = 0;
  let best: { i: number; chars: number } | undefined;
  for (const s of sentences(text)) {
    total += s.length;
    if (s.length < MIN_CHARS) continue;
    const g = [...new Set(grams(s))];
    counts.clear();
    for (const x of g) for (const i of index.byGram.get(x) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
    let top = -1;
    let topCount = 0;
    for (const [i, c] of counts) if (c > topCount) [top, topCount] = [i, c];
    if (top >= 0 && topCount >= COPIED * g.length) {
      copied += s.length;
      if (!best || s.length > best.chars) best = { i: top, chars: s.length };
    }
  }
  return best ? { total, copied, best } : { total, copied };
}

/**
 * Copied paragraphs of the draft's plan part (`inPart` selects its paragraphs). The sets' index and
 * each paragraph's result are kept in the session (by set identity and paragraph text), so an edit
 * recomputes only the paragraphs it changed (`session` default: a fresh one).
 */
export function copiedText(
  plan: Plan,
  sets: readonly RequirementSet[],
  inPart: (s: Span) => boolean = () => true,
  session: AnalysisSession = createSession(),
): CopiedText {
  const state = session.state<CopiedState>(COPIED_STATE, () => ({ sets: [] }));
  if (!state.index || !sameSets(state.sets, sets)) {
    state.sets = [...sets];
    state.index = superiorIndex(sets);
  }
  const index = state.index;
  let total = 0;
  let copied = 0;
  const paragraphs: CopiedParagraph[] = [];
  if (index.texts.length === 0) return { share: 0, paragraphs };
  const counts = new Map<number, number>();
  // each paragraph's result is kept with its other facts (by its text, for this analysis and the
  // next: generation-memo.ts), with the superior index it was computed against
  const keep = fitsParagraphMemo(plan.blocks.length);
  const kept = copies.getAll(session, plan.blocks, keep);
  for (let bi = 0; bi < plan.blocks.length; bi++) {
    const b = plan.blocks[bi]!;
    if (b.kind === 'title' || !inPart(b)) continue;
    // a paragraph equal to an earlier one of this analysis has its result by now (kept[bi] was read before)
    let k = kept[bi];
    if (k === undefined || k.index !== index) k = copies.get(session, b, keep);
    let r = k !== undefined && k.index === index ? k.copy : undefined;
    if (!r) {
      r = blockCopy(b.text, index, counts);
      copies.set(session, b, keep, { index, copy: r });
    }
    total += r.total;
    copied += r.copied;
    if (r.best && r.total > 0 && r.copied >= 0.5 * r.total) {
      const src = index.texts[r.best.i]!;
      paragraphs.push({
        span: { start: b.start, end: b.end },
        share: Math.round((r.copied / r.total) * 1000) / 1000,
        source: { set: src.set, text: src.text },
      });
    }
  }
  return { share: total ? Math.round((copied / total) * 1000) / 1000 : 0, paragraphs };
}
