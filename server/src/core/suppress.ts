/**
 * Suppression markers, honoured by every caller of the analysis (CLI and language server).
 *
 * Markdown (and any text that contains them):
 *   <!-- planlint-disable-next-line rule-id[, rule-id] -->   on its own line: the next line
 *   …text… <!-- planlint-disable-line rule-id -->             the line it is on
 *   <!-- planlint-disable rule-id -->                         the whole file
 *   (no ids = every rule)
 * Front matter (plain text and Markdown):
 *   disable:
 *     - numbering/style                        # the whole file
 *     - rule: heading/punctuation              # lines starting with this text (survives edits)
 *       line: "三、加强卫生健康队伍建设"
 *   "*" stands for every rule.
 *
 * Pure: no file system. Also builds the edits that add a marker (for "disable for this line /
 * this file" quick fixes).
 */
import { yaml } from './yaml.js';
import type { Edit, Finding, FrontMatter } from './model.js';
import { LineIndex, isSpace, type Span } from './text.js';

export type SuppressionKind = 'file' | 'line' | 'next-line' | 'front-matter-file' | 'front-matter-line';

export interface Suppression {
  kind: SuppressionKind;
  /** rule ids, or "all" */
  rules: readonly string[] | 'all';
  /** zero-based line it applies to (line kinds) */
  line?: number;
  /** for front-matter line entries: the text the line starts with */
  linePrefix?: string;
  /** where the marker is written */
  span: Span;
}

export interface SuppressionSource {
  text: string;
  index?: LineIndex;
  frontMatter?: FrontMatter;
}

/** the opening of a marker, tried (sticky) right after each `<!--` */
const markerHead = /\s*planlint-disable(-next-line|-line)?\b/y;

/**
 * Markers in the text, scanned linearly: each `<!--` is tried once and its end is one indexOf for
 * `-->`; once no `-->` follows, no later marker can end either, so the scan stops. (The regular
 * expression `<!--\s*planlint-disable…([^]*?)-->` rescanned to the end of the text for every
 * unterminated marker: quadratic.)
 */
export function* scanMarkers(text: string): Generator<{ start: number; end: number; kind: string | undefined; ids: string }> {
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) return;
    markerHead.lastIndex = open + 4;
    const head = markerHead.exec(text);
    if (!head) {
      from = open + 1;
      continue;
    }
    const idsStart = open + 4 + head[0].length;
    const close = text.indexOf('-->', idsStart);
    if (close < 0) return;
    yield { start: open, end: close + 3, kind: head[1], ids: text.slice(idsStart, close) };
    from = close + 3;
  }
}

function parseIds(raw: string): string[] | 'all' {
  const ids = raw
    .split(/[\s,，]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s !== '--');
  if (ids.length === 0 || ids.includes('*')) return 'all';
  return ids;
}

/** Strips leading white space (including the ideographic space) for prefix matching. */
function trimLead(s: string): string {
  let i = 0;
  while (i < s.length && isSpace(s[i])) i++;
  return s.slice(i).trimEnd();
}

/** Every suppression in the document: HTML-comment markers and the front matter `disable:` list. */
export function collectSuppressions(src: SuppressionSource): Suppression[] {
  const { text } = src;
  const index = src.index ?? new LineIndex(text);
  const out: Suppression[] = [];
  if (text.includes('planlint-disable')) {
    for (const m of scanMarkers(text)) {
      const span = { start: m.start, end: m.end };
      const rules = parseIds(m.ids);
      const line = index.lineAt(m.start);
      if (m.kind === '-next-line') out.push({ kind: 'next-line', rules, line: index.lineAt(span.end) + 1, span });
      else if (m.kind === '-line') out.push({ kind: 'line', rules, line, span });
      else out.push({ kind: 'file', rules, span });
    }
  }
  const fm = src.frontMatter;
  const list = fm?.data?.['disable'];
  if (fm && Array.isArray(list)) {
    for (const item of list) {
      if (typeof item === 'string' && item.trim()) {
        out.push({ kind: 'front-matter-file', rules: item.trim() === '*' ? 'all' : [item.trim()], span: fm });
      } else if (item && typeof item === 'object' && !Array.isArray(item)) {
        const rec = item as Record<string, unknown>;
        const rule = rec['rule'];
        const ids = typeof rule === 'string' ? [rule] : Array.isArray(rule) ? rule.filter((r): r is string => typeof r === 'string') : [];
        if (ids.length === 0) continue;
        const rules = ids.includes('*') ? 'all' : ids;
        const line = rec['line'];
        if (typeof line === 'string' && trimLead(line)) {
          out.push({ kind: 'front-matter-line', rules, linePrefix: trimLead(line), span: fm });
        } else if (line === undefined) {
          out.push({ kind: 'front-matter-file', rules, span: fm });
        }
      }
    }
  }
  return out;
}

function covers(rules: readonly string[] | 'all', ruleId: string): boolean {
  return rules === 'all' || rules.includes(ruleId);
}

export interface SuppressionResult<T> {
  kept: T[];
  suppressed: T[];
}

/** Splits findings into kept and suppressed. A finding belongs to the line it starts on. */
export function applySuppressions<T extends Pick<Finding, 'ruleId' | 'start'>>(
  findings: readonly T[],
  src: SuppressionSource,
  suppressions: readonly Suppression[] = collectSuppressions(src),
): SuppressionResult<T> {
  if (suppressions.length === 0) return { kept: [...findings], suppressed: [] };
  const index = src.index ?? new LineIndex(src.text);
  const fmEnd = src.frontMatter?.end ?? 0;
  const prefixes = suppressions.filter((s) => s.kind === 'front-matter-line');
  const lineTextCache = new Map<number, string>();
  const lineText = (line: number): string => {
    let t = lineTextCache.get(line);
    if (t === undefined) {
      t = trimLead(index.line(line).text);
      lineTextCache.set(line, t);
    }
    return t;
  };
  // file-wide suppressions, and line suppressions by line: each finding looks at its own line only
  // (testing every marker for every finding was quadratic in a document with many markers)
  const fileWide = suppressions.filter((s) => s.kind === 'file' || s.kind === 'front-matter-file');
  const byLine = new Map<number, Suppression[]>();
  for (const s of suppressions) {
    if ((s.kind !== 'line' && s.kind !== 'next-line') || s.line === undefined) continue;
    const list = byLine.get(s.line);
    if (list) list.push(s);
    else byLine.set(s.line, [s]);
  }
  const kept: T[] = [];
  const suppressed: T[] = [];
  for (const f of findings) {
    const line = index.lineAt(f.start);
    let hit = fileWide.some((s) => covers(s.rules, f.ruleId));
    if (!hit) hit = byLine.get(line)?.some((s) => covers(s.rules, f.ruleId)) ?? false;
    if (!hit && prefixes.length > 0 && f.start >= fmEnd) {
      const t = lineText(line);
      hit = prefixes.some((s) => covers(s.rules, f.ruleId) && t.startsWith(s.linePrefix!));
    }
    (hit ? suppressed : kept).push(f);
  }
  return { kept, suppressed };
}

// ---------------------------------------------------------------------------------------------
// Edits that add markers

export interface DisableTarget {
  ruleId: string;
  /** offset of the finding (its start): the line to disable */
  offset: number;
}

export interface DisableOptions {
  /** Markdown documents get HTML comments; plain text gets a front-matter `disable:` entry */
  markdown: boolean;
}

function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** Shortest prefix (≥ 10 characters, or the whole line) of the line that no other line starts with. */
export function uniqueLinePrefix(index: LineIndex, line: number, skipBefore = 0): string {
  const target = trimLead(index.line(line).text);
  const others: string[] = [];
  for (let i = 0; i < index.lineCount; i++) {
    if (i === line || index.lineStart(i) < skipBefore) continue;
    const t = trimLead(index.line(i).text);
    if (t) others.push(t);
  }
  for (let n = Math.min(10, target.length); n <= target.length; n++) {
    // never cut a surrogate pair
    const c = target.charCodeAt(n - 1);
    if (c >= 0xd800 && c <= 0xdbff && n < target.length) continue;
    const p = target.slice(0, n);
    if (n >= Math.min(40, target.length) || !others.some((o) => o.startsWith(p))) return p;
  }
  return target;
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

function frontMatterEdit(src: SuppressionSource, item: string[], eol: string): Edit[] | undefined {
  const fm = src.frontMatter;
  if (!fm) {
    const body = ['---', 'disable:', ...item.map((l) => '  ' + l), '---', ''].join(eol);
    return [{ start: 0, end: 0, newText: body }];
  }
  if (fm.errors.length > 0) return undefined;
  const doc = yaml().parseDocument(fm.source);
  if (doc.errors.length > 0) return undefined;
  const existing = doc.get('disable', true);
  if (existing === undefined || existing === null) {
    // append a `disable:` key after the last line of the front matter source
    const src2 = fm.source;
    const lines = ['disable:', ...item.map((l) => '  ' + l)].join(eol);
    const newText = src2.length === 0 || src2.endsWith('\n') ? lines + eol : eol + lines;
    const at = fm.sourceStart + src2.length;
    return [{ start: at, end: at, newText }];
  }
  if (!yaml().isSeq(existing)) return undefined;
  // insert one more item after the list's last item, with the same indentation
  const last = existing.items[existing.items.length - 1] as { range?: [number, number, number] } | undefined;
  const flow = (existing as { flow?: boolean }).flow;
  if (!last?.range || flow) {
    return undefined;
  }
  const index = new LineIndex(fm.source);
  const lastLine = index.lineAt(Math.max(0, last.range[1] - 1));
  const firstItem = existing.items[0] as { range?: [number, number, number] };
  const itemLine = index.line(index.lineAt(firstItem.range![0]));
  const dash = itemLine.text.indexOf('-');
  const indent = dash >= 0 ? itemLine.text.slice(0, dash) : '  ';
  const at = fm.sourceStart + index.lineEnd(lastLine);
  const newText = item.map((l) => eol + indent + l).join('');
  return [{ start: at, end: at, newText }];
}

/** Edits that suppress `ruleId` on the finding's line. undefined when no safe edit exists. */
export function disableLineEdits(src: SuppressionSource, target: DisableTarget, options: DisableOptions): Edit[] | undefined {
  const index = src.index ?? new LineIndex(src.text);
  const eol = eolOf(src.text);
  const line = index.lineAt(target.offset);
  if (options.markdown) {
    // extend an existing next-line marker on the line above, else insert one
    if (line > 0) {
      const above = index.line(line - 1);
      const m = /^\s*<!--\s*planlint-disable-next-line\b([^]*?)-->\s*$/.exec(above.text);
      if (m) {
        const ids = parseIds(m[1] ?? '');
        if (ids === 'all' || ids.includes(target.ruleId)) return [];
        const newText = `<!-- planlint-disable-next-line ${[...ids, target.ruleId].join(', ')} -->`;
        return [{ start: above.start, end: above.end, newText }];
      }
    }
    const at = index.lineStart(line);
    return [{ start: at, end: at, newText: `<!-- planlint-disable-next-line ${target.ruleId} -->${eol}` }];
  }
  const prefix = uniqueLinePrefix(index, line, src.frontMatter?.end ?? 0);
  if (!prefix) return undefined;
  return frontMatterEdit(src, [`- rule: ${target.ruleId}`, `  line: ${yamlString(prefix)}`], eol);
}

/** Edits that suppress `ruleId` in the whole file. */
export function disableFileEdits(src: SuppressionSource, ruleId: string, options: DisableOptions): Edit[] | undefined {
  const eol = eolOf(src.text);
  if (options.markdown) {
    const existing = collectSuppressions({ text: src.text, index: src.index }).find((s) => s.kind === 'file');
    if (existing) {
      if (existing.rules === 'all' || existing.rules.includes(ruleId)) return [];
      return [{ ...existing.span, newText: `<!-- planlint-disable ${[...existing.rules, ruleId].join(', ')} -->` }];
    }
    const at = src.frontMatter?.end ?? 0;
    const text = src.text;
    // after the front matter's closing fence line
    let pos = at;
    if (pos > 0 && text[pos - 1] !== '\n') {
      const nl = text.indexOf('\n', pos);
      pos = nl < 0 ? text.length : nl + 1;
    }
    const lead = pos === text.length && pos > 0 && text[pos - 1] !== '\n' ? eol : '';
    return [{ start: pos, end: pos, newText: `${lead}<!-- planlint-disable ${ruleId} -->${eol}` }];
  }
  return frontMatterEdit(src, [`- ${ruleId}`], eol);
}
