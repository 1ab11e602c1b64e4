/**
 * Indicators in tables (issue 14): a table of targets (主要指标表) is read as a table, from its
 * structure, not as running prose. A table is a run of table-row blocks (parse/markdown.ts: a pipe
 * table, a run of TAB rows, a .docx table read as TAB rows); its header row (a pipe table's first
 * row; a TAB table's first row when no cell holds a figure) names the columns.
 *
 * - Columns: the label (指标/名称/项目/内容 …, else the first column that holds no figures) names each
 *   row's indicator; a 单位 column gives the unit of bare figures; responsible units, remarks,
 *   属性 (约束性/预期性: the model has no field for it), 序号 and dates (时间/时限/节点) are never names
 *   or values; a column whose header states a year or a kind (目标/预期/计划 → target; 基数/基期/
 *   现状/完成/实际 → achieved), or whose cells are figures, is a value column; any other column is
 *   text, read as prose cell by cell (一项任务 “建成10个示范点” keeps its own name).
 * - A year in a value column's header is the statement's time (2027年目标 → a target for 2027年;
 *   2026年基数 → achieved in 2026年); a year column without a kind word is a target when it is
 *   the plan's year or later and no later year column follows it, else a base (achieved).
 * - A value cell is read by the sentence scanner (comparators and symbols ≥ ≤ > <, qualifiers
 *   以上/以下/左右, ranges), with the row's unit put after its figure when the cell has none; a bare
 *   figure with no unit anywhere is still a value (an index, a count in a table that names no unit).
 * - A table without a header: each row's label is its first cell without a figure; the cells after
 *   it that are figures are its values, of the kind the context gives.
 * Positions: each statement's range is its value cell's exact range (valueSpan the figure within).
 */
import type { Block, IndicatorKind } from '../model.js';
import { fiveYearPlanEnd } from '../year.js';
import { parseArabic } from './numbers.js';
import { scanText, type RawQuantity } from './scan.js';
import { matchUnit } from './lexer.js';

/** A cell of a row: its range in the block's text (cells are separated by a TAB there). */
interface Cell {
  s: number;
  e: number;
  text: string;
}

type Role = 'label' | 'value' | 'unit' | 'skip' | 'text';

interface Column {
  role: Role;
  kind?: IndicatorKind;
  /** the year of the column as written (2027年), with its number */
  year?: string;
  yearValue?: number;
  /** a unit in the header's parentheses: 目标值（%） */
  unit?: string;
  /** the header's words, for a table whose rows are years (the name is then the column's) */
  name?: string;
}

const UNIT_HEAD = /^(?:计量)?单位$/;
const SKIP_HEAD =
  /序号|编号|责任|牵头|主责|配合|协同|协助|承办|主办|负责|主管|部门|单位|主体|联系人|备注|说明|属性|性质|类型|来源|依据|口径|出处|时限|时间|期限|进度|节点|日期|年月|状态|方式|评分|分值|权重/;
const LABEL_HEAD = /指标|名称|项目|内容|事项|名目|品种|产品|对象|工程/;
const TARGET_HEAD = /目标|预期|计划|规划|力争|预计/;
const BASE_HEAD = /基数|基期|基准|基线|现状|现值|现有|完成|实际|实绩|已|上年|去年|当前|目前|期初/;
const VALUE_HEAD = /值|数$|数量|规模|金额|投资|产量|面积|比例|比重|占比|增[长速幅]|[率量额]$/;
const YEAR_HEAD = /((?:19|20)\d{2})\s*年?/;
const FIVE_YEAR_HEAD = /十([一二三四五六七八九])五(?:末|期末)?/;
/** a cell that is a figure: an optional comparator, then a number (95%, ≥93%, 不低于98.5%, 约5, 5所以上) */
const FIGURE =
  /^(?:[≥≤><＞＜≧≦⩾⩽]=?|不低于|不少于|不小于|不高于|不超过|不大于|不多于|至少|超过|大于|小于|高于|低于|达到|力争|约|近|超|控制在|保持在|稳定在|降至|降到|提高到|提高至|提升到|提升至|增长|下降|新增|新建|累计)?\s*[-－]?[0-9０-９]/;
/** a date or a year in a cell (2027年3月底前, 2027年10月, 2027年): never a figure */
const DATE_CELL = /^(?:(?:19|20)\d{2}\s*(?:年|\.|-|\/)|(?:19|20)\d{2}$|\d{1,2}\s*月)/;
const BARE = /^([≥≤><＞＜≧≦⩾⩽]?=?)\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)$/;
const UNIT_PARENS = /[（(]([^（）()]{1,10})[)）]\s*$/;
/** units a parenthesis or a 单位 cell may hold that the sentence scanner does not count (ages, durations) */
const PLAIN_UNITS = /^(?:岁|年|天|日|月|小时|分钟|秒|倍|元\/人|人\/万人|张\/千人|人\/千人|张|辆|艘)$/;

function cellsOf(b: Block): Cell[] {
  const out: Cell[] = [];
  let s = 0;
  const t = b.text;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || t[i] === '\t') {
      out.push({ s, e: i, text: t.slice(s, i) });
      s = i + 1;
    }
  }
  return out;
}

/** qualifiers and marks that may close a figure cell */
const FIGURE_TAIL = /^(?:及以上|及以下|以上|以下|左右|以内|上下|之间|[。；;，,）)\s*＊※★▲△]|[（(][^（）()]*[)）])*$/;
/** a figure cell without a unit: a comparator, a number (or a range), a qualifier */
const BARE_FIGURE =
  /^[^0-9０-９]{0,4}[-－]?[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[-－—–～~至][0-9０-９]+(?:[.．][0-9０-９]+)?)?(?:及以上|及以下|以上|以下|左右|以内)?$/;

/**
 * Whether a cell is a figure (95%, ≥93%, 不低于98.5%, 5所以上, 控制在200/10万以下, 6.1), not a text
 * that holds one (新建10个村卫生室, a task) nor a date (2027年6月底前).
 */
function isFigure(text: string, planYear?: number): boolean {
  const t = text.trim();
  if (!FIGURE.test(t) || DATE_CELL.test(t.replace(/^\D{0,3}/, ''))) return false;
  if (BARE_FIGURE.test(t)) return true;
  const r = scanText(t, { planYear }).find((x) => x.unit);
  return r !== undefined && r.valueStart <= 4 && FIGURE_TAIL.test(t.slice(r.end));
}

/** A unit written alone (a 单位 cell, a parenthesis): %, 万亩, 亿元, 岁, 微克/立方米 … */
export function unitOfText(text: string): string | undefined {
  const u = text.trim();
  if (!u || u.length > 10) return undefined;
  if (u.startsWith('单位')) return unitOfText(u.replace(/^单位[:：]?/, ''));
  if (PLAIN_UNITS.test(u)) return u;
  const m = matchUnit(u, 0);
  return m && m.end === u.length ? m.unit : undefined;
}

/** Whether a row is a header: no cell holds a figure (years are not figures). */
function headerLike(cells: readonly Cell[]): boolean {
  return cells.every((c) => !/[0-9０-９]/.test(c.text.replace(/(?:19|20)\d{2}\s*年?/g, '').replace(/十[一二三四五六七八九]五/g, '')));
}

function yearOf(head: string): { year: string; value: number } | undefined {
  const y = YEAR_HEAD.exec(head);
  if (y) return { year: `${y[1]}年`, value: Number(y[1]) };
  const f = FIVE_YEAR_HEAD.exec(head);
  const end = f ? fiveYearPlanEnd(f[1]!) : undefined;
  return end !== undefined ? { year: `${end}年`, value: end } : undefined;
}

/** The columns' roles from the header (when there is one) and the body's cells. */
function columnsOf(header: readonly Cell[] | undefined, body: readonly Cell[][], planYear: number | undefined): Column[] {
  const n = Math.max(header?.length ?? 0, ...body.map((r) => r.length));
  const cols: Column[] = [];
  for (let j = 0; j < n; j++) {
    const head = (header?.[j]?.text ?? '').replace(/\s+/g, '');
    const cells = body.map((r) => r[j]?.text ?? '').filter((t) => t && !/^[-－—–/／无]+$/.test(t));
    const figures = cells.filter((t) => isFigure(t, planYear)).length;
    const unitParens = UNIT_PARENS.exec(head);
    const unit = unitParens ? unitOfText(unitParens[1]!) : undefined;
    const bare = unit ? head.slice(0, unitParens!.index) : head;
    const y = yearOf(bare);
    const kind: IndicatorKind | undefined = TARGET_HEAD.test(bare) ? 'target' : BASE_HEAD.test(bare) ? 'achieved' : undefined;
    let role: Role;
    if (UNIT_HEAD.test(bare)) role = 'unit';
    else if (SKIP_HEAD.test(bare)) role = 'skip';
    else if (y || kind) role = 'value';
    else if (LABEL_HEAD.test(bare) && !VALUE_HEAD.test(bare.replace(LABEL_HEAD, ''))) role = 'label';
    else if (cells.length > 0 && figures * 2 >= cells.length) role = 'value';
    else role = 'text';
    cols.push({ role, kind, year: y?.year, yearValue: y?.value, unit, name: bare || undefined });
  }
  // one label column: the first the header names, else the first column of text before the values
  const labels = cols.map((c, j) => (c.role === 'label' ? j : -1)).filter((j) => j >= 0);
  labels.slice(1).forEach((j) => (cols[j]!.role = 'text'));
  if (labels.length === 0) {
    const j = cols.findIndex((c) => c.role === 'text');
    if (j >= 0 && cols.slice(j + 1).some((c) => c.role === 'value')) cols[j]!.role = 'label';
  }
  yearKinds(cols, planYear);
  return cols;
}

/**
 * The kind of a year column whose header says no kind: the plan's year or later, with no later
 * year column after it, is the target; an earlier year (or one a later column follows) is a base.
 */
function yearKinds(cols: Column[], planYear: number | undefined): void {
  const years = cols.filter((c) => c.role === 'value' && c.yearValue !== undefined).map((c) => c.yearValue!);
  const last = years.length > 0 ? Math.max(...years) : undefined;
  for (const c of cols) {
    if (c.role !== 'value' || c.kind || c.yearValue === undefined) continue;
    if (planYear !== undefined && c.yearValue < planYear) c.kind = 'achieved';
    else c.kind = c.yearValue === last ? 'target' : 'achieved';
  }
}

/** The row's label: its name (without numbering and a unit in parentheses) and that unit. */
function labelOf(text: string): { name: string; unit?: string } {
  let name = text.replace(/^(?:[（(]?[0-9０-９一二三四五六七八九十]{1,3}[)）.、．]\s*)/, '').replace(/[★▲△*＊※]+$/, '');
  let unit: string | undefined;
  const p = UNIT_PARENS.exec(name);
  if (p) {
    const u = unitOfText(p[1]!);
    if (u) {
      unit = u;
      name = name.slice(0, p.index);
    }
  }
  return { name: name.trim(), unit };
}

/** The end of the last number in a cell, where a unit from elsewhere goes. */
function lastNumberEnd(text: string): number {
  let end = -1;
  const re = /[0-9０-９]+(?:[.．][0-9０-９]+)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) end = m.index + m[0].length;
  return end;
}

/** A raw statement read from within the text of one cell, shifted to the block's text. */
function shifted(r: RawQuantity, at: number, map: (i: number) => number): RawQuantity {
  const pos = (i: number) => at + map(i);
  return {
    ...r,
    start: pos(r.start),
    end: pos(r.end),
    nameStart: pos(r.nameStart),
    nameEnd: pos(r.nameEnd),
    comparatorStart: pos(r.comparatorStart),
    comparatorEnd: pos(r.comparatorEnd),
    valueStart: pos(r.valueStart),
    valueEnd: pos(r.valueEnd),
    qualifierStart: r.qualifierStart !== undefined ? pos(r.qualifierStart) : undefined,
    qualifierEnd: r.qualifierEnd !== undefined ? pos(r.qualifierEnd) : undefined,
  };
}

/** The figure of a value cell, read by the sentence scanner (the row's unit after its number when it has none). */
function readValue(cell: Cell, unit: string | undefined, planYear: number | undefined): RawQuantity | undefined {
  const own = scanText(cell.text, { planYear }).find((r) => r.unit);
  if (own) return shifted(own, cell.s, (i) => i);
  const p = lastNumberEnd(cell.text);
  if (p < 0) return undefined;
  if (unit) {
    const synth = cell.text.slice(0, p) + unit + cell.text.slice(p);
    const back = (i: number) => (i <= p ? i : i < p + unit.length ? p : i - unit.length);
    const r = scanText(synth, { planYear }).find((x) => x.unit === unit);
    if (r) return { ...shifted(r, cell.s, back), valueEnd: cell.s + Math.max(back(r.valueEnd), p) };
  }
  const bare = BARE.exec(cell.text.trim());
  if (!bare) return undefined;
  const lead = cell.text.length - cell.text.trimStart().length;
  const sign = bare[1]!;
  const vs = cell.s + lead + cell.text.trim().indexOf(bare[2]!);
  const op =
    sign.startsWith('≥') || sign.startsWith('≧') || sign.startsWith('⩾') || sign === '>='
      ? 'ge'
      : sign.startsWith('≤') || sign.startsWith('≦') || sign.startsWith('⩽') || sign === '<='
        ? 'le'
        : sign === '>' || sign === '＞'
          ? 'gt'
          : sign === '<' || sign === '＜'
            ? 'lt'
            : 'eq';
  return {
    start: cell.s,
    end: cell.e,
    name: '',
    nameStart: cell.s,
    nameEnd: cell.s,
    comparator: sign,
    comparatorStart: cell.s + lead,
    comparatorEnd: cell.s + lead + sign.length,
    opClass: op,
    value: parseArabic(bare[2]!),
    valueStart: vs,
    valueEnd: vs + bare[2]!.length,
    unit: unit ?? '',
    sentence: 0,
    period: 0,
    group: 0,
  };
}

export interface TableRowContext {
  cols: readonly Column[];
  /** the label of the row above (a vertically merged label cell is empty in the rows below it) */
  lastLabel: string;
  planYear: number | undefined;
}

/** The statements of one body row. */
function readRow(cells: readonly Cell[], ctx: TableRowContext): { raws: RawQuantity[]; label: string } {
  const { cols, planYear } = ctx;
  const raws: RawQuantity[] = [];
  const li = cols.findIndex((c) => c.role === 'label');
  let labelText = li >= 0 ? (cells[li]?.text ?? '') : '';
  let labelCell = li >= 0 ? cells[li] : undefined;
  if (li < 0) {
    // no label column: the first cell of text without a figure (an ordinal before it is passed over)
    labelCell = cells.find(
      (c, j) => c.text && (cols[j]?.role ?? 'text') === 'text' && !isFigure(c.text) && !DATE_CELL.test(c.text) && /[\u4e00-\u9fff]/.test(c.text),
    );
    labelText = labelCell?.text ?? '';
  }
  if (!labelText && ctx.lastLabel) labelText = ctx.lastLabel;
  const label = labelOf(labelText);
  const ui = cols.findIndex((c) => c.role === 'unit');
  const rowUnit = (ui >= 0 ? unitOfText(cells[ui]?.text ?? '') : undefined) ?? label.unit;
  const labelYear = /^(?:19|20)\d{2}\s*年?(?:度|底|末)?$/.test(label.name) ? yearOf(label.name) : undefined;
  cells.forEach((cell, j) => {
    const col = cols[j] ?? { role: 'text' as Role };
    if (!cell.text || cell === labelCell) return;
    // values follow the row's name: a figure before it is an ordinal
    const after = labelCell !== undefined && cell.s > labelCell.s;
    const valueColumn = after && (col.role === 'value' || (li < 0 && col.role === 'text' && isFigure(cell.text)));
    if (valueColumn && label.name) {
      const r = readValue(cell, rowUnit ?? col.unit, planYear);
      if (!r) return;
      // a table whose rows are years names its indicators by the columns
      const name = labelYear && col.name ? labelOf(col.name).name : label.name;
      const year = labelYear ?? (col.year ? { year: col.year, value: col.yearValue! } : undefined);
      const kind = labelYear ? (planYear !== undefined && labelYear.value < planYear ? 'achieved' : 'target') : col.kind;
      raws.push({
        ...r,
        start: cell.s,
        end: cell.e,
        name,
        norm: undefined,
        share: undefined,
        sentence: 0,
        period: 0,
        group: 0,
        cue: kind ?? r.cue,
        deadline: year?.year ?? r.deadline,
        deadlineYear: year?.value ?? r.deadlineYear,
      });
    } else if (col.role === 'text' || (li < 0 && col.role !== 'skip' && col.role !== 'unit' && !isFigure(cell.text))) {
      // a cell of text (a task) is prose: its statements keep their own names
      for (const r of scanText(cell.text, { planYear })) {
        const k = (j + 1) * 1000;
        raws.push({ ...shifted(r, cell.s, (i) => i), sentence: k + r.sentence, period: k + r.period, group: k + r.group });
      }
    }
  });
  return { raws, label: labelText };
}

/**
 * The statements of the table rows of a plan, by block index: each table (a run of table-row
 * blocks from a block with `tableStart`) read as described above.
 */
export function readTables(blocks: readonly Block[], planYear: number | undefined): Map<number, RawQuantity[]> {
  const out = new Map<number, RawQuantity[]>();
  let i = 0;
  while (i < blocks.length) {
    if (!blocks[i]!.tableRow) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < blocks.length && blocks[j]!.tableRow && !blocks[j]!.tableStart) j++;
    readTable(blocks, i, j, planYear, out);
    i = j;
  }
  return out;
}

function readTable(blocks: readonly Block[], from: number, to: number, planYear: number | undefined, out: Map<number, RawQuantity[]>): void {
  const rows = [];
  for (let k = from; k < to; k++) rows.push(cellsOf(blocks[k]!));
  const first = blocks[from]!;
  const hasHeader = first.tableStart === 'pipe' || headerLike(rows[0]!);
  const header = hasHeader ? rows[0] : undefined;
  const body = hasHeader ? rows.slice(1) : rows;
  const cols = columnsOf(header, body, planYear);
  const ctx: TableRowContext = { cols, lastLabel: '', planYear };
  body.forEach((cells, k) => {
    const { raws, label } = readRow(cells, ctx);
    ctx.lastLabel = label;
    if (raws.length > 0) out.set(from + (hasHeader ? 1 : 0) + k, raws);
  });
}
