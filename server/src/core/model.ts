/**
 * The plan model: what the core understands of a draft. Plain data, no editor or protocol types.
 * Every element keeps document offsets (UTF-16 code units); ranges are derived with the
 * document's LineIndex at the edges (findings, CLI output, LSP).
 */
import type { LineIndex, Range, Span } from './text.js';

export type Level = 1 | 2 | 3 | 4;

export interface Localized {
  zh: string;
  en: string;
}

/** A numbering token at the start of a heading line, as written. */
export interface NumberToken extends Span {
  /** exactly as written, including brackets and trailing punctuation, e.g. "(一)" "1、" "（一）、" */
  raw: string;
  /** the level the numeral form implies (一→1, （一）→2, 1→3, （1）→4) */
  level: Level;
  /** numeric value (一 → 1, 十二 → 12, 3 → 3) */
  value: number;
  /** the number as written without brackets and punctuation ("一", "12", "１") */
  numberText: string;
  /** 'enclosed': one Unicode character for the whole token (㈠ ⑴ ⒈) */
  numeral: 'chinese' | 'arabic' | 'fullwidth-arabic' | 'enclosed';
  /** brackets used: none, full-width （）, half-width (), or one of each */
  bracket: 'none' | 'full' | 'half' | 'mixed';
  /** punctuation after the numeral or bracket: "、" "." "．" "，" "" … */
  punct: string;
  /** the token in the form GB/T 9704-2012 / GB/T 15834-2011 expect for its level */
  canonical: string;
  /**
   * 'article': an article of rules and regulations, 第N条 (level 2 by form, under 一、 or 第N章),
   * or a chapter 第N章 (level 1); its items (一)… nest one level deeper. 'decimal': a decimal
   * section number of emergency plans and technical documents (1.1, 3.2.1), level by depth (N.M 2,
   * N.M.K 3, deeper 4) under the N. sections it subdivides, which then stand at level 1 (see
   * parse/decimal.ts). Absent: GB/T 9704 forms.
   */
  scheme?: 'article' | 'decimal';
}

/** A paragraph after joining hard-wrapped lines (PDF extraction). */
export interface Block extends Span {
  kind: 'paragraph' | 'heading' | 'title';
  /** joined text: line breaks (and the page-break indentation after them) removed */
  text: string;
  /** zero-based source lines the block covers */
  firstLine: number;
  lastLine: number;
  /**
   * Mapping from `text` indices to document offsets: segments in order. Segment i covers
   * text[seg.textStart, seg.textStart + seg.length) which sits at doc[seg.docStart, …).
   */
  segments: { textStart: number; docStart: number; length: number }[];
  /** markdown "#" marker count when the line started with one */
  markdownLevel?: number;
  /** a heading recovered in mid-line: run into the text before it (its line break was lost) */
  inline?: boolean;
  /**
   * the part of the document a heading block belongs to (0: the first; a new part starts after an
   * attachment marker 附件N, a signature date or a title line, where numbering restarts)
   */
  part?: number;
  /** a table row (parse/markdown.ts): its cells are separated by TABs in `text`; never a heading */
  tableRow?: boolean;
  /** the first row of a table (parse/markdown.ts): a pipe table (its header row) or a run of TAB rows */
  tableStart?: 'pipe' | 'tab';
  /**
   * how a heading's token reads where the parse stages vetted a form that is text elsewhere: a
   * decimal section number (1.1, 3.2.1, OCR-spaced 1. 2) continuing its outline, or an Arabic
   * ordinal that lost its point (4一网通办) as the next item of a running list
   */
  tokenForm?: 'decimal' | 'bare';
  /** the title a table of contents gives this heading (its length in `text` after the token) */
  tocTitle?: string;
}

export interface Section extends Span {
  level: Level;
  /** position in document order among all sections (stable id within one analysis) */
  id: number;
  token: NumberToken;
  /** the number as written without punctuation, e.g. "一", "3" */
  number: string;
  /** heading title: the rest of the heading line, or up to the first "。" for run-in headings */
  title: string;
  titleSpan: Span;
  /** the heading line (token + title, and for run-in headings the whole first sentence) */
  heading: Span;
  /** true when the heading is run-in: body text follows the title on the same paragraph */
  runIn: boolean;
  /** the block that carries the heading */
  block: Block;
  /** body blocks directly under this section (not inside child sections) */
  body: Block[];
  children: Section[];
  /** id of the parent section, if any */
  parentId?: number;
  /** the document part (Block.part): numbering sequences do not run across parts */
  part?: number;
}

export interface EnumerationItem extends Span {
  /** ordinal value: 一是 → 1 */
  number: number;
  /** the marker as written, e.g. "一是", "三要" (without any line break it straddles) */
  marker: string;
  /** document offset just past the numeral (一, 十二) */
  numeralEnd: number;
}

/** An inline enumeration 一是……二是…… (or 一要/一方面…) in a section's prose. */
export interface Enumeration extends Span {
  /** the marker kind after the numeral: 是, 要, 抓, … */
  kind: string;
  items: EnumerationItem[];
  /** id of the enclosing section, if any */
  sectionId?: number;
}

/** target: plan language; achieved: summary language; parameter: a policy parameter that is neither (赤字率拟按3%安排, an age limit, a rule's clearance) */
export type IndicatorKind = 'target' | 'achieved' | 'parameter';

/** Normalised relation of a quantitative statement. */
export type IndicatorOp = 'ge' | 'gt' | 'le' | 'lt' | 'eq' | 'approx' | 'range' | 'increase' | 'decrease';

export interface Indicator extends Span, Quantity {
  /** the statement as written (name through unit/qualifier) */
  text: string;
  /** the indicator name, e.g. 适龄儿童免疫规划疫苗接种率 */
  name: string;
  kind: IndicatorKind;
  /** id of the enclosing section */
  sectionId?: number;
  /** span of the number (and unit) inside the statement */
  valueSpan: Span;
}

export interface FrontMatter extends Span {
  /** the YAML source between the fences */
  source: string;
  /** offset of the first character of `source` */
  sourceStart: number;
  /** parsed data (undefined when the YAML is malformed) */
  data?: Record<string, unknown>;
  /** YAML syntax errors, located */
  errors: { message: string; span: Span }[];
}

export interface Plan {
  text: string;
  index: LineIndex;
  frontMatter?: FrontMatter;
  /** blocks in document order (front matter excluded) */
  blocks: Block[];
  /** top-level sections (tree) */
  sections: Section[];
  /** all sections in document order; sections[i].id === i */
  allSections: Section[];
  enumerations: Enumeration[];
  indicators: Indicator[];
  /** whether level-3 numbering runs continuously across level-1 sections */
  level3Continuous: boolean;
  /** whether level-2 numbering runs on across level-1 sections (二、…（三）…: a house style) */
  level2Continuous?: boolean;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Every severity, most severe first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** The severities a profile or setting may give a rule: a severity, or `off`. */
export const SEVERITY_SETTINGS: ReadonlySet<string> = new Set<string>([...SEVERITIES, 'off']);

/** A text edit in document offsets. */
export interface Edit extends Span {
  newText: string;
}

export interface Fix {
  title: Localized;
  edits: Edit[];
  /** safe fixes are applied by `--fix` and "fix all"; unsafe ones only on request */
  safe: boolean;
}

export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  message: Localized;
  /** the standard clause it enforces, e.g. "GB/T 15834-2011 B.3.3" */
  standard?: string;
  fix?: Fix;
  /** extra machine-readable data for views (e.g. the indicator, the theme id) */
  data?: Record<string, unknown>;
}

/** A finding with its LSP range filled in. */
export interface LocatedFinding extends Finding {
  range: Range;
}

/**
 * The quantity of an indicator or a target: relation, value(s), unit and the optional extras
 * (Indicator, requirements' Target and the review's target values share these fields).
 */
export interface Quantity {
  /** the comparator as written: 达到, 不低于, 保持在, 控制在, 提高到, 降至, … ("" when none) */
  comparator: string;
  op: IndicatorOp;
  value: number;
  /** upper bound for ranges */
  value2?: number;
  /** unit as written, normalised to half-width (%, ‰, /10万, 元, 万元, 人, 个, m², …) */
  unit: string;
  /** 以上 / 以下 / 左右 / 以内 / 以外 … */
  qualifier?: string;
  /** deadline where stated: 年内, 2021年底, 6月底前, 到2025年 */
  deadline?: string;
}

/** Copies the quantity fields of an indicator or a target, leaving out the absent optional ones. */
export function quantityOf(q: Quantity): Quantity {
  return {
    comparator: q.comparator,
    op: q.op,
    value: q.value,
    ...(q.value2 !== undefined ? { value2: q.value2 } : {}),
    unit: q.unit,
    ...(q.qualifier ? { qualifier: q.qualifier } : {}),
    ...(q.deadline ? { deadline: q.deadline } : {}),
  };
}
