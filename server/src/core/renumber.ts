/**
 * Numbering sequences and renumbering edits, shared by numbering/sequence and the
 * "renumber" code actions. Siblings of one level under one parent form a sequence; level-3
 * items form one document-wide sequence when the document numbers them continuously.
 */
import type { Edit, Level, Plan, Section } from './model.js';
import { tokenForValue } from './numbering.js';

export interface NumberSequence {
  level: Level;
  items: Section[];
  /** the parent section id, or undefined for the document / a continuous level-3 run */
  parentId?: number;
  continuous: boolean;
}

export function numberSequences(plan: Plan): NumberSequence[] {
  const out: NumberSequence[] = [];
  const continuousL3: Section[] = [];
  const continuousL2: Section[] = [];
  const visit = (children: Section[], parentId: number | undefined) => {
    const byLevel = new Map<Level, Section[]>();
    for (const c of children) {
      if (c.level === 3 && plan.level3Continuous) continuousL3.push(c);
      else if (c.level === 2 && plan.level2Continuous) continuousL2.push(c);
      else {
        const list = byLevel.get(c.level) ?? [];
        list.push(c);
        byLevel.set(c.level, list);
      }
      visit(c.children, c.id);
    }
    for (const [level, items] of byLevel) {
      const seq: NumberSequence = { level, items, continuous: false };
      if (parentId !== undefined) seq.parentId = parentId;
      out.push(seq);
    }
  };
  // each part of the document (a notice and its attached plan) numbers its own top level
  const byPart = new Map<number, Section[]>();
  for (const s of plan.sections) {
    const list = byPart.get(s.part ?? 0);
    if (list) list.push(s);
    else byPart.set(s.part ?? 0, [s]);
  }
  for (const top of byPart.values()) {
    visit(top, undefined);
    if (continuousL2.length > 0) out.push({ level: 2, items: continuousL2.splice(0), continuous: true });
    if (continuousL3.length > 0) out.push({ level: 3, items: continuousL3.splice(0), continuous: true });
  }
  return out;
}

/**
 * Where renumbering runs must stop: the indices k of the items with a heading recovered in mid-line
 * (Section.block.inline) at the sequence's level or above at item k or between it and item k − 1,
 * ascending. The numbering around a lost line break is uncertain: a renumbering never crosses it
 * (heading/inline's fix restores the break first). Linear in the sections the sequence spans.
 */
export function sequenceFences(plan: Plan, seq: NumberSequence): number[] {
  const items = seq.items;
  const out: number[] = [];
  for (let k = 1; k < items.length; k++) {
    if (items[k]!.block.inline) {
      out.push(k);
      continue;
    }
    // inline headings of a higher level between the two items (ids run in document order)
    for (let id = items[k - 1]!.id + 1; id < items[k]!.id; id++) {
      const x = plan.allSections[id]!;
      if (x.block.inline && x.level <= seq.level) {
        out.push(k);
        break;
      }
    }
  }
  return out;
}

/**
 * Edits that renumber `seq.items[from…to)` to their positions (item i gets number i + 1), each
 * token rewritten in its canonical form. Tokens already right are left alone.
 */
export function renumberEdits(seq: NumberSequence, from = 0, to = seq.items.length): Edit[] {
  const edits: Edit[] = [];
  let value = from + 1;
  for (let i = from; i < to; i++, value++) {
    const s = seq.items[i]!;
    // in the token's own form and scheme: （一） under an article stays （…）, 第五条 → 第六条
    const text = tokenForValue(s.token, value);
    if (s.token.raw !== text) edits.push({ start: s.token.start, end: s.token.end, newText: text });
  }
  return edits;
}

/** Edits that renumber every sequence of the document (and normalise every token's form). */
export function renumberDocument(plan: Plan, level?: Level): Edit[] {
  const edits: Edit[] = [];
  // (no push(...spread): a sequence of 200,000 items would overflow the call stack)
  for (const seq of numberSequences(plan)) {
    if (level !== undefined && seq.level !== level) continue;
    for (const e of renumberEdits(seq, 0, sequenceFences(plan, seq)[0] ?? seq.items.length)) edits.push(e);
  }
  return edits.sort((a, b) => a.start - b.start);
}
