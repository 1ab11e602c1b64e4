/**
 * Scoring of extracted indicators against the hand annotations of test/corpus-expect/indicators/
 * (one YAML file per corpus document). An annotation is found when an extracted indicator's value
 * lies inside the annotation's excerpt and has the same value (magnitudes folded: 1.4万亿斤 =
 * 14000亿斤). Only the annotated scope counts; extracted values inside `unreadable`/`neutral` spans
 * (figures the OCR broke, quantities a reader may read either way) are neither rewarded nor blamed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { parsePlan } from '../server/src/core/parse.js';
import type { Indicator } from '../server/src/core/model.js';
import { repoRoot } from './helpers.js';

export const expectDir = join(repoRoot, 'test', 'corpus-expect', 'indicators');
const corpusDir = join(repoRoot, 'test', 'corpus');

export interface Annotation {
  line: number;
  excerpt: string;
  occurrence?: number;
  name: string;
  comparator?: string;
  value: number;
  value2?: number;
  unit: string;
  qualifier?: string;
  kind: 'target' | 'achieved' | 'parameter';
  deadline?: string;
}

interface ExpectFile {
  document: string;
  scope: { part?: string; lines?: number[]; from?: string; to?: string };
  indicators: Annotation[];
  unreadable?: string[];
  neutral?: string[];
}

export interface DocScore {
  document: string;
  expected: number;
  extracted: number;
  matched: number;
  kindRight: number;
  recall: number;
  precision: number;
  missed: Annotation[];
  spurious: Indicator[];
  wrongKind: { a: Annotation; got: string }[];
  /** matched indicators whose name is the annotated one (sameName) */
  nameRight: number;
  wrongName: { a: Annotation; got: string }[];
}

const MAG: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };

/** value × the magnitude prefix of its unit: 1.4 万亿斤 → 1.4e12 */
export function folded(value: number, unit: string): number {
  let v = value;
  for (const ch of unit) {
    const m = MAG[ch];
    if (m === undefined) break;
    v *= m;
  }
  return v;
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function allIndexes(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let p = text.indexOf(needle); p >= 0; p = text.indexOf(needle, p + 1)) out.push(p);
  return out;
}

export function expectFiles(): string[] {
  return readdirSync(expectDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

export function scoreFile(file: string): DocScore {
  const spec = YAML.parse(readFileSync(join(expectDir, file), 'utf8')) as ExpectFile;
  let text = readFileSync(join(corpusDir, spec.document), 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineSpan = (n: number): [number, number] => [lineStarts[n - 1]!, n < lineStarts.length ? lineStarts[n]! : text.length];
  let ranges: [number, number][];
  if (spec.scope.lines) ranges = spec.scope.lines.map(lineSpan);
  else {
    const s = spec.scope.from ? text.indexOf(spec.scope.from) : 0;
    const e = spec.scope.to ? text.indexOf(spec.scope.to) + spec.scope.to.length : text.length;
    if (s < 0 || e < s) throw new Error(`${file}: scope not found`);
    ranges = [[s, e]];
  }
  const inScope = (p: number): boolean => ranges.some(([s, e]) => p >= s && p < e);
  const ignored: [number, number][] = [];
  for (const u of [...(spec.unreadable ?? []), ...(spec.neutral ?? [])]) for (const p of allIndexes(text, u)) ignored.push([p, p + u.length]);

  const plan = parsePlan(text);
  const got = plan.indicators.filter((i) => {
    const p = i.valueSpan.start;
    return inScope(p) && !ignored.some(([s, e]) => p >= s && p < e);
  });
  const used = new Set<Indicator>();
  const missed: Annotation[] = [];
  const wrongKind: { a: Annotation; got: string }[] = [];
  const wrongName: { a: Annotation; got: string }[] = [];
  let kindRight = 0;
  let nameRight = 0;
  for (const a of spec.indicators) {
    const [ls, le] = lineSpan(a.line);
    const hits = allIndexes(text.slice(ls, le), String(a.excerpt));
    const at = hits[(a.occurrence ?? 1) - 1];
    if (at === undefined) throw new Error(`${file}: excerpt ${a.excerpt} not on line ${a.line}`);
    const s = ls + at;
    const e = s + String(a.excerpt).length;
    const want = folded(a.value, a.unit ?? '');
    const hit = got.find(
      (i) => !used.has(i) && i.valueSpan.start >= s && i.valueSpan.start < e && (same(folded(i.value, i.unit), want) || same(i.value, a.value)),
    );
    if (!hit) {
      missed.push(a);
      continue;
    }
    used.add(hit);
    if (hit.kind === a.kind) kindRight++;
    else wrongKind.push({ a, got: hit.kind });
    if (sameName(hit.name, a.name)) nameRight++;
    else wrongName.push({ a, got: hit.name });
  }
  const matched = spec.indicators.length - missed.length;
  return {
    document: spec.document,
    expected: spec.indicators.length,
    extracted: got.length,
    matched,
    kindRight,
    recall: spec.indicators.length ? matched / spec.indicators.length : 1,
    precision: got.length ? matched / got.length : 1,
    missed,
    spurious: got.filter((i) => !used.has(i)),
    wrongKind,
    nameRight,
    wrongName,
  };
}

/** the words a name may carry or drop without naming another thing: scope (全省, 全市…), 的, quotes, spaces */
const NAME_NOISE = /^(?:全国|全省|全市|全县|全区|全州|全镇|我省|我市|我县|我区)|[的“”"‘’'\s]/g;
/**
 * Whether an extracted name names what the annotation names: equal once scope words, 的, quotes and
 * spaces are set aside, or one holds the other whole with at most two characters more (a subject or
 * a classifier the annotator kept or left: 煤炭储备能力 / 全省煤炭储备能力, 新建学校 / 学校).
 */
export function sameName(got: string, want: string): boolean {
  const g = got.replace(NAME_NOISE, '');
  const w = want.replace(NAME_NOISE, '');
  if (g === w) return true;
  return (g.includes(w) || w.includes(g)) && Math.abs(g.length - w.length) <= 2 && Math.min(g.length, w.length) >= 2;
}

export function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

export function report(scores: readonly DocScore[]): string {
  const rows = scores.map(
    (s) =>
      `${s.document.slice(0, 44).padEnd(44)} expected ${String(s.expected).padStart(3)} extracted ${String(s.extracted).padStart(3)} ` +
      `recall ${pct(s.recall).padStart(6)} precision ${pct(s.precision).padStart(6)} kind ${pct(s.matched ? s.kindRight / s.matched : 1).padStart(6)} ` +
      `name ${pct(s.matched ? s.nameRight / s.matched : 1).padStart(6)}`,
  );
  const E = scores.reduce((n, s) => n + s.expected, 0);
  const X = scores.reduce((n, s) => n + s.extracted, 0);
  const M = scores.reduce((n, s) => n + s.matched, 0);
  const K = scores.reduce((n, s) => n + s.kindRight, 0);
  const N = scores.reduce((n, s) => n + s.nameRight, 0);
  rows.push(
    `${'overall'.padEnd(44)} expected ${E} extracted ${X} recall ${pct(M / E)} precision ${pct(X ? M / X : 1)} kind ${pct(M ? K / M : 1)} name ${pct(M ? N / M : 1)}`,
  );
  return rows.join('\n');
}
