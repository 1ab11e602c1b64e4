/**
 * The text of a .docx as planlint analyses it, read from word/document.xml directly (JSZip +
 * @xmldom/xmldom, both bundled and loaded on first use), not from mammoth's raw text, which drops
 * Word's automatic numbering and runs table cells into loose paragraphs.
 *
 * - One line per body paragraph, in document order (empty paragraphs are empty lines), as before.
 * - Automatic numbering (ECMA-376 Part 1 §17.9): a paragraph's w:numPr (or its style's, following
 *   w:basedOn) names a w:num and a level; the label Word displays is the level's w:lvlText with each
 *   %N replaced by level N's counter in its w:numFmt (decimal, chineseCounting 一二三, ideographTraditional
 *   甲乙丙, chineseLegalSimplified 壹贰叁, enclosed forms …). Counters belong to the abstract
 *   numbering (w:num instances sharing one continue each other), a level restarts when a lower level
 *   is used (w:lvlRestart), and a w:lvlOverride/w:startOverride restarts the instance where it is first
 *   used. The label is prepended to the line; bullets and `none` add nothing.
 * - Tables (w:tbl): one line per table row, its cells in reading order separated by a TAB (the shape
 *   Word itself gives a table copied as plain text); the paragraphs of one cell are joined by a space;
 *   a nested table's rows go into its cell the same way.
 * - What cannot be read as text (text boxes, embedded objects, charts, pictures with no text) is
 *   counted and reported once by the caller.
 */
import type { Localized } from '../core/model.js';

const MAX_STYLE_DEPTH = 16;

/** Where a line of the decoded text comes from. */
export interface DocxLine {
  /** index of the (first) paragraph of the line among the document body's w:p elements, in document order */
  paragraph: number;
  /** length of the automatic numbering label prepended to the paragraph's own text (0 when none) */
  label: number;
  /** for a table row: the table (0-based, in document order) and the row */
  table?: { index: number; row: number };
}

export interface DocxText {
  text: string;
  lines: DocxLine[];
  /** content that is not part of the text: kind → count */
  unread: Record<string, number>;
}

interface Level {
  start: number;
  format: string;
  text: string;
  /** w:lvlRestart: undefined (restart after any lower level), 0 (never), N (after level N, 1-based, or lower) */
  restart?: number;
  legal: boolean;
}

interface NumInstance {
  abstractId: string;
  /** level index → overriding start value (w:startOverride) */
  startOverride: Map<number, number>;
  /** level index → level definition replacing the abstract one (w:lvlOverride/w:lvl) */
  levels: Map<number, Level>;
}

type El = Element;

function kids(el: Node, name?: string): El[] {
  const out: El[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (!name || (c as El).nodeName === name)) out.push(c as El);
  return out;
}

function kid(el: Node | undefined, name: string): El | undefined {
  if (!el) return undefined;
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as El).nodeName === name) return c as El;
  return undefined;
}

function val(el: El | undefined): string | undefined {
  return el?.getAttribute('w:val') ?? undefined;
}

function intVal(el: El | undefined): number | undefined {
  const v = val(el);
  if (v === undefined || !/^-?\d{1,9}$/.test(v)) return undefined;
  return Number(v);
}

function readLevel(lvl: El): Level {
  const restart = intVal(kid(lvl, 'w:lvlRestart'));
  const isLgl = kid(lvl, 'w:isLgl');
  return {
    start: intVal(kid(lvl, 'w:start')) ?? 0,
    format: val(kid(lvl, 'w:numFmt')) ?? 'decimal',
    text: val(kid(lvl, 'w:lvlText')) ?? '',
    ...(restart !== undefined ? { restart } : {}),
    legal: isLgl !== undefined && val(isLgl) !== '0' && val(isLgl) !== 'false',
  };
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';

/** 1–99999 in Chinese counting (一, 十, 十一, 二十, 一百零五 …); `legal`: 壹拾 … */
function chineseCounting(n: number, legal = false): string {
  if (n <= 0) return legal ? CN_LEGAL[0]! : CN_DIGITS[0]!;
  const digits = legal ? CN_LEGAL : CN_DIGITS;
  const units = legal ? ['', '拾', '佰', '仟', '万'] : ['', '十', '百', '千', '万'];
  const s = String(Math.min(n, 99999));
  let out = '';
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i]!;
    if (d === 0) {
      zero = out.length > 0;
      continue;
    }
    if (zero) out += legal ? digits[0] : '零';
    zero = false;
    out += digits[d]! + unit;
  }
  // 一十一 → 十一 (counting, not legal)
  if (!legal && out.startsWith('一十')) out = out.slice(1);
  return out;
}

function alpha(n: number, base: string): string {
  // Word: a … z, aa … zz, aaa …
  if (n <= 0) return '';
  const letter = base[(n - 1) % 26]!;
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, r] of table) while (n >= v) ((out += r), (n -= v));
  return out;
}

function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n);
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** A counter in one of Word's number formats (ST_NumberFormat). Unknown formats fall back to decimal. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
    case 'bullet':
      return '';
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return alpha(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter':
      return alpha(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwanCounting':
    case 'taiwanCountingThousand':
    case 'japaneseCounting':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return chineseCounting(n, true);
    case 'ideographDigital':
    case 'taiwanDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]!);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? STEMS[n - 1]! : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? BRANCHES[n - 1]! : String(n);
    case 'ideographEnclosedCircle':
      return enclosed(n, 0x3220, 10); // ㈠ … ㈩
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460, 20); // ① … ⑳
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20); // ⑴ … ⒇
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20); // ⒈ … ⒛
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    default:
      return String(n);
  }
}

/** Counters of Word's automatic numbering, fed paragraph by paragraph in document order. */
export class NumberingState {
  private readonly abstract = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, NumInstance>();
  /** abstract id → counters by level (undefined: not started since the last restart) */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly seen = new Set<string>();

  constructor(numbering: Document | undefined) {
    if (!numbering) return;
    const root = numbering.documentElement;
    if (!root) return;
    for (const a of kids(root, 'w:abstractNum')) {
      const id = a.getAttribute('w:abstractNumId');
      if (id === null) continue;
      const levels = new Map<number, Level>();
      for (const l of kids(a, 'w:lvl')) {
        const ilvl = Number(l.getAttribute('w:ilvl'));
        if (Number.isInteger(ilvl) && ilvl >= 0 && ilvl <= 8) levels.set(ilvl, readLevel(l));
      }
      this.abstract.set(id, levels);
    }
    for (const n of kids(root, 'w:num')) {
      const id = n.getAttribute('w:numId');
      const abstractId = val(kid(n, 'w:abstractNumId'));
      if (id === null || abstractId === undefined) continue;
      const inst: NumInstance = { abstractId, startOverride: new Map(), levels: new Map() };
      for (const o of kids(n, 'w:lvlOverride')) {
        const ilvl = Number(o.getAttribute('w:ilvl'));
        if (!Number.isInteger(ilvl) || ilvl < 0 || ilvl > 8) continue;
        const so = intVal(kid(o, 'w:startOverride'));
        if (so !== undefined) inst.startOverride.set(ilvl, so);
        const lvl = kid(o, 'w:lvl');
        if (lvl) inst.levels.set(ilvl, readLevel(lvl));
      }
      this.nums.set(id, inst);
    }
  }

  private level(inst: NumInstance, ilvl: number): Level | undefined {
    return inst.levels.get(ilvl) ?? this.abstract.get(inst.abstractId)?.get(ilvl);
  }

  /** The label a paragraph numbered (numId, ilvl) displays, advancing the counters; '' when none. */
  next(numId: string, ilvl: number): string {
    if (numId === '0') return ''; // numId 0: numbering removed
    const inst = this.nums.get(numId);
    if (!inst) return '';
    const lvl = this.level(inst, ilvl);
    if (!lvl) return '';
    let counters = this.counters.get(inst.abstractId);
    if (!counters) this.counters.set(inst.abstractId, (counters = new Array<number | undefined>(9).fill(undefined)));
    // an instance with start overrides restarts those levels where it is first used
    if (!this.seen.has(numId)) {
      this.seen.add(numId);
      for (const [l, start] of inst.startOverride) counters[l] = start - 1;
      for (const l of inst.levels.keys()) if (!inst.startOverride.has(l)) counters[l] = undefined;
    }
    const current = counters[ilvl];
    counters[ilvl] = current === undefined ? lvl.start : current + 1;
    // deeper levels restart (unless their w:lvlRestart says otherwise)
    for (let k = ilvl + 1; k < 9; k++) {
      const deeper = this.level(inst, k);
      const restart = deeper?.restart;
      if (restart === undefined || (restart !== 0 && ilvl <= restart - 1)) counters[k] = undefined;
    }
    if (lvl.format === 'bullet' || lvl.format === 'none') return '';
    return lvl.text.replace(/%([1-9])/g, (_m, d: string) => {
      const k = Number(d) - 1;
      const other = k === ilvl ? lvl : this.level(inst, k);
      const n = counters[k] ?? other?.start ?? 1;
      return formatNumber(n, lvl.legal && k !== ilvl ? 'decimal' : (other?.format ?? 'decimal'));
    });
  }
}

/** A paragraph's numbering: its own w:numPr, else its style's (following w:basedOn). */
function numberingOf(p: El, styles: Map<string, El>): { numId: string; ilvl: number } | undefined {
  const pPr = kid(p, 'w:pPr');
  const own = kid(pPr, 'w:numPr');
  let numId = val(kid(own, 'w:numId'));
  let ilvl = intVal(kid(own, 'w:ilvl'));
  let style = val(kid(pPr, 'w:pStyle'));
  for (let depth = 0; style !== undefined && depth < MAX_STYLE_DEPTH && (numId === undefined || ilvl === undefined); depth++) {
    const s = styles.get(style);
    if (!s) break;
    const sPr = kid(s, 'w:pPr');
    const numPr = kid(sPr, 'w:numPr');
    numId ??= val(kid(numPr, 'w:numId'));
    ilvl ??= intVal(kid(numPr, 'w:ilvl'));
    style = val(kid(s, 'w:basedOn'));
  }
  if (numId === undefined) return undefined;
  return { numId, ilvl: Math.min(8, Math.max(0, ilvl ?? 0)) };
}

/** Text of one paragraph: w:t, w:tab as a tab, hyphens; deleted text, field codes and drawings skipped. */
function paragraphText(p: El, unread: Record<string, number>): string {
  let out = '';
  const walk = (el: El) => {
    for (const c of kids(el)) {
      const n = c.nodeName;
      if (n === 'w:del' || n === 'w:pPr' || n === 'w:rPr' || n === 'w:instrText' || n === 'w:delText' || n === 'w:moveFrom') continue;
      if (n === 'w:t') out += c.textContent ?? '';
      else if (n === 'w:tab' || n === 'w:ptab') out += '\t';
      else if (n === 'w:noBreakHyphen') out += '\u2011';
      else if (n === 'w:softHyphen') continue;
      else if (n === 'w:br' || n === 'w:cr') {
        // a page or column break is layout; a line break inside a paragraph reads as a space
        if (c.getAttribute('w:type') !== 'page' && c.getAttribute('w:type') !== 'column') out += ' ';
      } else if (n === 'w:drawing' || n === 'w:pict' || n === 'w:object' || n === 'mc:AlternateContent') countUnread(c, unread);
      else walk(c);
    }
  };
  walk(p);
  return out;
}

/** What a drawing, picture, object or alternate content holds that is not read. */
function countUnread(el: El, unread: Record<string, number>): void {
  const has = (tag: string) => el.getElementsByTagName(tag).length > 0;
  let kind: string;
  if (has('w:txbxContent')) kind = 'textbox';
  else if (has('c:chart')) kind = 'chart';
  else if (el.nodeName === 'w:object' || has('o:OLEObject')) kind = 'object';
  else if (has('pic:pic') || has('v:imagedata')) return; // a picture: nothing to read, nothing lost of the text
  else kind = 'object';
  unread[kind] = (unread[kind] ?? 0) + 1;
}

export const unreadNames: Record<string, Localized> = {
  textbox: { zh: '文本框', en: 'text box(es)' },
  chart: { zh: '图表', en: 'chart(s)' },
  object: { zh: '嵌入对象', en: 'embedded object(s)' },
};

interface Walker {
  lines: string[];
  map: DocxLine[];
  unread: Record<string, number>;
  styles: Map<string, El>;
  numbering: NumberingState;
  /** running index of w:p elements in document order (all of them, as getElementsByTagName counts) */
  pIndex: number;
  tables: number;
}

/** A paragraph's label + text, advancing the numbering counters. */
function paragraphLine(w: Walker, p: El): { text: string; label: number } {
  const num = numberingOf(p, w.styles);
  const label = num ? w.numbering.next(num.numId, num.ilvl) : '';
  return { text: label + paragraphText(p, w.unread), label: label.length };
}

/** Counts the w:p elements inside `el` (text boxes included) so paragraph indexes stay document order. */
function skipParagraphs(w: Walker, el: El): void {
  w.pIndex += el.getElementsByTagName('w:p').length;
}

/** The text of a table cell: its paragraphs (and nested tables' rows) joined by a space. */
function cellText(w: Walker, tc: El): string {
  const parts: string[] = [];
  for (const c of kids(tc)) {
    if (c.nodeName === 'w:p') {
      const first = w.pIndex;
      w.pIndex++;
      const { text } = paragraphLine(w, c);
      w.pIndex = Math.max(w.pIndex, first + 1 + c.getElementsByTagName('w:p').length);
      if (text.trim()) parts.push(text.trim());
    } else if (c.nodeName === 'w:tbl') {
      for (const tr of rowsOf(c)) parts.push(kids(tr, 'w:tc').map((x) => cellText(w, x)).join(' '));
    } else if (c.nodeName === 'w:sdt') {
      const content = kid(c, 'w:sdtContent');
      if (content) parts.push(cellText(w, content));
    } else skipParagraphs(w, c);
  }
  return parts.join(' ').replace(/\t/g, ' ');
}

function rowsOf(tbl: El): El[] {
  const rows: El[] = [];
  for (const c of kids(tbl)) {
    if (c.nodeName === 'w:tr') rows.push(c);
    else if (c.nodeName === 'w:sdt') for (const r of kids(kid(c, 'w:sdtContent') ?? c, 'w:tr')) rows.push(r);
  }
  return rows;
}

function walkBlocks(w: Walker, container: El): void {
  for (const c of kids(container)) {
    const n = c.nodeName;
    if (n === 'w:p') {
      const index = w.pIndex;
      const { text, label } = paragraphLine(w, c);
      // paragraphs nested in the paragraph (text boxes) are counted, not read
      w.pIndex += 1 + c.getElementsByTagName('w:p').length;
      w.lines.push(text);
      w.map.push({ paragraph: index, label });
    } else if (n === 'w:tbl') {
      const table = w.tables++;
      let row = 0;
      for (const tr of rowsOf(c)) {
        const index = w.pIndex;
        const cells = kids(tr, 'w:tc').map((tc) => cellText(w, tc));
        w.lines.push(cells.join('\t'));
        w.map.push({ paragraph: index, label: 0, table: { index: table, row: row++ } });
      }
    } else if (n === 'w:sdt') {
      const content = kid(c, 'w:sdtContent');
      if (content) walkBlocks(w, content);
    } else if (n === 'w:customXml' || n === 'w:ins' || n === 'w:moveTo') walkBlocks(w, c);
    else if (n === 'w:sectPr' || n === 'w:del' || n === 'w:moveFrom') skipParagraphs(w, c);
    else if (n === 'mc:AlternateContent' || n === 'w:altChunk') {
      w.unread['object'] = (w.unread['object'] ?? 0) + 1;
      skipParagraphs(w, c);
    } else skipParagraphs(w, c);
  }
}

export class DocxFormatError extends Error {}

/** The analysed text of a .docx package (already checked for size by the caller). */
export async function readDocxText(buf: Uint8Array): Promise<DocxText> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip') as typeof import('jszip');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DOMParser } = require('@xmldom/xmldom') as typeof import('@xmldom/xmldom');
  const zip = await JSZip.loadAsync(buf);
  const part = async (name: string): Promise<Document | undefined> => {
    const f = zip.file(name);
    if (!f) return undefined;
    const xml = await f.async('string');
    const errors: string[] = [];
    const doc = new DOMParser({
      errorHandler: {
        warning: () => undefined,
        error: () => undefined,
        fatalError: (msg: string) => void errors.push(msg),
      },
    }).parseFromString(xml, 'text/xml') as unknown as Document;
    if (errors.length) throw new DocxFormatError(`${name}: ${errors[0]!.split('\n')[0]}`);
    return doc;
  };
  const main = await mainDocumentPart(zip);
  const doc = await part(main);
  const body = doc?.documentElement ? kid(doc.documentElement, 'w:body') : undefined;
  if (!body) throw new DocxFormatError(`${main}: no w:body`);
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const stylesDoc = await part(`${dir}styles.xml`);
  const styles = new Map<string, El>();
  if (stylesDoc?.documentElement) {
    for (const s of kids(stylesDoc.documentElement, 'w:style')) {
      const id = s.getAttribute('w:styleId');
      if (id !== null && s.getAttribute('w:type') !== 'character') styles.set(id, s);
    }
  }
  const w: Walker = {
    lines: [],
    map: [],
    unread: {},
    styles,
    numbering: new NumberingState(await part(`${dir}numbering.xml`)),
    pIndex: 0,
    tables: 0,
  };
  walkBlocks(w, body);
  // no trailing empty lines (mammoth's text ended in one line break too)
  while (w.lines.length > 0 && w.lines[w.lines.length - 1] === '') {
    w.lines.pop();
    w.map.pop();
  }
  return { text: w.lines.length ? w.lines.join('\n') + '\n' : '', lines: w.map, unread: w.unread };
}

/** word/document.xml, or the part the package relationships name as the main document. */
async function mainDocumentPart(zip: import('jszip')): Promise<string> {
  const rels = zip.file('_rels/.rels');
  if (rels) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DOMParser } = require('@xmldom/xmldom') as typeof import('@xmldom/xmldom');
    const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: () => undefined } }).parseFromString(await rels.async('string'), 'text/xml');
    const all = doc.getElementsByTagName('Relationship');
    for (let i = 0; i < all.length; i++) {
      const r = all[i]!;
      if (!(r.getAttribute('Type') ?? '').endsWith('/officeDocument')) continue;
      const target = (r.getAttribute('Target') ?? '').replace(/^\//, '');
      if (target && zip.file(target)) return target;
    }
  }
  return 'word/document.xml';
}
