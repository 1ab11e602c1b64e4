/**
 * Word's automatic numbering (ECMA-376 Part 1 §17.9): the label each numbered paragraph displays,
 * from word/numbering.xml. Counters belong to the abstract numbering (w:num instances that share one
 * continue each other); a level restarts when a lower level is used (w:lvlRestart); an instance's
 * w:lvlOverride/w:startOverride restarts it where it is first used.
 */
export type El = Element;

export function kids(el: Node, name?: string): El[] {
  const out: El[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (!name || (c as El).nodeName === name)) out.push(c as El);
  return out;
}

export function kid(el: Node | undefined, name: string): El | undefined {
  if (!el) return undefined;
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as El).nodeName === name) return c as El;
  return undefined;
}

export function val(el: El | undefined): string | undefined {
  return el?.getAttribute('w:val') ?? undefined;
}

export function intVal(el: El | undefined): number | undefined {
  const v = val(el);
  if (v === undefined || !/^-?\d{1,9}$/.test(v)) return undefined;
  return Number(v);
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
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, r] of table) {
    while (n >= v) {
      out += r;
      n -= v;
    }
  }
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
