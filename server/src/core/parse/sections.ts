/**
 * Stage 3 of the structure parser: blocks → the section tree (heading, title, run-in, body,
 * extents), in document offsets.
 */
import type { Block, Level, NumberToken, Section } from '../model.js';
import { isSpace } from '../text.js';
import { matchNumberToken } from '../numbering.js';

/**
 * Where a run-in heading's title ends: at the first 。, or at a ： that comes early (a short
 * title such as "总体目标：到2025年……"). -1 when the line has neither.
 */
export function runInStop(after: string): number {
  const full = after.indexOf('。');
  const colon = after.search(/[：:]/);
  if (colon >= 0 && colon <= 24 && (full < 0 || colon < full)) return colon;
  return full;
}

/**
 * Sections from the heading blocks; `owner[i]`: the id of the section whose heading or body block
 * i is (−1 for none: text before the first heading, a heading without a number token)
 */
export function buildSections(blocks: Block[]): { sections: Section[]; allSections: Section[]; owner: Int32Array } {
  const sections: Section[] = [];
  const allSections: Section[] = [];
  const stack: Section[] = [];
  const owner = new Int32Array(blocks.length).fill(-1);
  let part = 0;
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi]!;
    if (b.kind !== 'heading') {
      const top = stack[stack.length - 1];
      if (top) {
        top.body.push(b);
        owner[bi] = top.id;
      }
      continue;
    }
    const tk = matchNumberToken(b.text);
    if (!tk) continue;
    // a new part of the document (an attached plan after its notice): its numbering starts afresh
    if (b.part !== undefined && b.part !== part) {
      part = b.part;
      stack.length = 0;
    }
    owner[bi] = allSections.length;
    const token: NumberToken = { ...tk, start: b.start, end: b.start + tk.raw.length };
    const after = b.text.slice(tk.raw.length);
    let lead = 0;
    while (lead < after.length && isSpace(after[lead])) lead++;
    const stop = runInStop(after);
    const runIn = stop >= 0 && after.slice(stop + 1).trim().length > 0;
    let titleEnd = runIn ? stop : after.length;
    let title = after.slice(lead, titleEnd);
    while (title.length > 0 && /[。，；：、,;:.\s]/.test(title[title.length - 1]!)) {
      title = title.slice(0, -1);
      titleEnd = lead + title.length;
    }
    titleEnd = lead + title.length;
    const off = (i: number) => textToDoc(b, tk.raw.length + i);
    const headingEnd = runIn ? off(stop + 1) : b.end;
    while (stack.length > 0 && stack[stack.length - 1]!.level >= tk.level) stack.pop();
    const parent = stack[stack.length - 1];
    const section: Section = {
      level: tk.level,
      id: allSections.length,
      token,
      number: tk.numberText,
      title,
      titleSpan: { start: off(lead), end: title.length > 0 ? textToDoc(b, tk.raw.length + titleEnd - 1) + 1 : off(lead) },
      heading: { start: b.start, end: headingEnd },
      runIn,
      block: b,
      body: [],
      children: [],
      start: b.start,
      end: b.end,
    };
    if (b.part) section.part = b.part;
    if (parent) {
      section.parentId = parent.id;
      parent.children.push(section);
    } else sections.push(section);
    allSections.push(section);
    stack.push(section);
  }
  // extents: a section ends where its last block or descendant ends
  for (let i = allSections.length - 1; i >= 0; i--) {
    const s = allSections[i]!;
    let end = s.block.end;
    for (const b of s.body) end = Math.max(end, b.end);
    for (const c of s.children) end = Math.max(end, c.end);
    s.end = end;
  }
  return { sections, allSections, owner };
}

export function textToDoc(b: Block, i: number): number {
  const segs = b.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.textStart <= i) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo];
  if (!seg) return b.start;
  return seg.docStart + Math.min(Math.max(0, i - seg.textStart), seg.length);
}

export function detectContinuity(top: Section[]): boolean {
  let continuous = 0;
  let restart = 0;
  let prevLast: number | undefined;
  for (const s of top) {
    if (s.level !== 1) continue;
    const l3 = collect(s, 3);
    if (l3.length === 0) continue;
    if (prevLast !== undefined) {
      const first = l3[0]!.token.value;
      if (first === 1) restart++;
      else if (first > prevLast) continuous++;
    }
    prevLast = l3[l3.length - 1]!.token.value;
  }
  return continuous > restart;
}

function collect(s: Section, level: Level): Section[] {
  const out: Section[] = [];
  const walk = (x: Section) => {
    for (const c of x.children) {
      if (c.level === level) out.push(c);
      walk(c);
    }
  };
  walk(s);
  return out;
}

/** Every section in document order at a level beneath `s` (helper for rules). */
export function descendantsAtLevel(s: Section, level: Level): Section[] {
  return collect(s, level);
}
