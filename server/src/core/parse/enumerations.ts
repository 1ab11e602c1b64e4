/** Stage 4 of the structure parser: inline enumerations 一是……二是…… within the sections' blocks. */
import type { Block, Enumeration, EnumerationItem } from '../model.js';
import { CIRCLED_KIND, ENUMERATION_BOUNDARY, circledValue, nextEnumerationMarker, parseChineseNumeral } from '../numbering.js';
import { textToDoc } from './sections.js';

/**
 * Inline enumerations 一是……二是…… grouped per enclosing section and marker kind, and lists of
 * circled numbers ①②③ (inline after a boundary, or one item a line) grouped per enclosing section
 * and ended by a heading: a ① starts a list, a later number goes on with the running one (its gaps
 * and repeats are enumeration/sequence findings); a lone later number with no list running is text.
 */
export function findEnumerations(blocks: Block[], owner: Int32Array): Enumeration[] {
  const out: Enumeration[] = [];
  let current: Enumeration | undefined;
  let circledList: Enumeration | undefined;
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi]!;
    const sectionId = owner[bi]! >= 0 ? owner[bi] : undefined;
    if (current && current.sectionId !== sectionId) current = undefined;
    if (circledList && (circledList.sectionId !== sectionId || b.kind === 'heading' || b.kind === 'title')) circledList = undefined;
    for (let m = nextEnumerationMarker(b.text, 0); m; m = nextEnumerationMarker(b.text, m.at + m.numeral.length + m.kind.length)) {
      const { at, numeral, kind } = m;
      const value = parseChineseNumeral(numeral);
      if (!Number.isFinite(value) || value <= 0 || value > 30) continue;
      const start = textToDoc(b, at);
      const end = textToDoc(b, at + numeral.length + kind.length - 1) + 1;
      const numeralEnd = textToDoc(b, at + numeral.length - 1) + 1;
      current = addItem(out, current, { number: value, marker: numeral + kind, start, end, numeralEnd }, kind, sectionId);
    }
    circledList = circledItems(b, out, circledList, sectionId);
  }
  out.sort((a, b) => a.start - b.start);
  // an enumeration's extent runs to the end of the text of its last item's block
  return out;
}

/** the characters circledValue reads (①…⑳, ❶…❿) */
const CIRCLED_CHAR = /[\u2460-\u2473\u2776-\u277f]/g;

/** The circled numbers of a block (found by a regex: most blocks have none) added to their list; the list now running. */
function circledItems(b: Block, out: Enumeration[], current: Enumeration | undefined, sectionId: number | undefined): Enumeration | undefined {
  const t = b.text;
  CIRCLED_CHAR.lastIndex = 0;
  for (let m = CIRCLED_CHAR.exec(t); m; m = CIRCLED_CHAR.exec(t)) {
    const at = m.index;
    const value = circledValue(t.charCodeAt(at));
    if (value === undefined || (at > 0 && !ENUMERATION_BOUNDARY.test(t[at - 1]!))) continue;
    const start = textToDoc(b, at);
    current = addItem(out, current, { number: value, marker: t[at]!, start, end: start + 1, numeralEnd: start + 1 }, CIRCLED_KIND, sectionId);
  }
  return current;
}

/**
 * Adds an item to the running list of its kind, or starts a list (at a 1, at a jump of more than 3,
 * at another kind); a lone later number with no list of its kind running is prose, not an item (一是
 * restarts, a stray ⑤). Returns the list now running.
 */
function addItem(
  out: Enumeration[],
  current: Enumeration | undefined,
  item: EnumerationItem,
  kind: string,
  sectionId: number | undefined,
): Enumeration | undefined {
  const last = current?.items[current.items.length - 1];
  if (!current || current.kind !== kind || !last || item.number === 1 || item.number > last.number + 3) {
    if (item.number > 3 && (!current || current.kind !== kind)) return current;
    const list: Enumeration = { kind, items: [item], start: item.start, end: item.end };
    if (sectionId !== undefined) list.sectionId = sectionId;
    out.push(list);
    return list;
  }
  current.items.push(item);
  current.end = item.end;
  return current;
}
