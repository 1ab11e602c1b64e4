/**
 * Generators for the robustness properties (fast-check): arbitrary Unicode, strings biased to the
 * alphabet of Chinese work plans, and mutations of the real seeds (lines deleted, duplicated,
 * swapped, numbering tokens inserted, widths mixed, line breaks mixed, BOMs, control characters,
 * lone surrogates). Shared by test/property*.test.ts and test/robust*.test.ts.
 */
import fc from 'fast-check';
import type { Edit, Finding, LocatedFinding } from '../server/src/core/model.js';
import { LineIndex } from '../server/src/core/text.js';
import { readSeed } from './helpers.js';

export const SEEDS = ['000', '001', '002', '003', '004'].map((p) => readSeed(p));

/** Pieces people actually paste into plans, plus the characters that break naive code. */
const DOMAIN_PIECES = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '百',
  '两',
  '零',
  '〇',
  '（',
  '）',
  '(',
  ')',
  '、',
  '.',
  '．',
  '，',
  ',',
  '。',
  '；',
  '：',
  '…',
  '“',
  '”',
  '《',
  '》',
  '0',
  '1',
  '2',
  '3',
  '5',
  '9',
  '10',
  '99',
  '100',
  '０',
  '１',
  '９',
  '%',
  '％',
  '‰',
  '～',
  '~',
  '-',
  '—',
  '/10万',
  '万元',
  '亿元',
  '个',
  '人',
  '项',
  '以上',
  '以下',
  '左右',
  '以内',
  '达到',
  '不低于',
  '不少于',
  '不超过',
  '控制在',
  '提高到',
  '降至',
  '保持在',
  '约',
  '年底前',
  '2021年',
  '6月底前',
  '是',
  '要',
  '一是',
  '二是',
  '三是',
  '一要',
  '十要',
  '高出',
  '个百分点',
  '目标为',
  '率',
  '覆盖率',
  '接种率',
  '一、',
  '二、',
  '（一）',
  '（二）',
  '(一)',
  '（一）、',
  '1.',
  '2.',
  '1、',
  '１．',
  '（1）',
  '(2)',
  '十二、',
  '一百零五、',
  '999.',
  '0.',
  '两个短板',
  '六种能力',
  '3个专项活动',
  'and',
  'the',
  'COVID-19',
  'Word',
  ' ',
  '\t',
  '\u3000',
  '\u00a0',
  '\n',
  '\n',
  '\n',
  '\r\n',
  '\r',
  '\ufeff',
  '\u200b',
  '\u2028',
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\ud800',
  '\udc00',
  '\ud83d\ude00',
  '\ud83d',
  '\ufffd',
  '#',
  '## ',
  '---\n',
  '...\n',
  'title: 测试\n',
  'year: 2021\n',
  'requirements: [henan-2021]\n',
  'disable:\n  - numbering/style\n',
  '<!-- planlint-disable-next-line -->',
  '<!-- planlint-disable numbering/sequence -->',
  '<!--',
  '-->',
  '卫生健康',
  '工作要点',
  '加强',
  '推进',
  '全面',
  '体系',
  '建设',
  '疫情防控',
  '医疗',
  '服务',
];

/** A string biased to the domain alphabet of plans (numbering, indicators, line breaks, oddities). */
export const domainString = (maxPieces = 60): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...DOMAIN_PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) }), {
      maxLength: maxPieces,
    })
    .map((a) => a.join(''));

/** Arbitrary Unicode (any code point, plus lone surrogates sprinkled in). */
export const unicodeString = (maxLength = 200): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc
      .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('\ud800', '\udfff', '\n', '\r', '\r\n', '\ufeff')), {
        maxLength: maxLength / 4,
      })
      .map((a) => a.join('')),
  );

/** Lines with their breaks, so that mixed breaks survive a split/join round trip. */
export function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'insert'; at: number; piece: string }
  | { op: 'prefix'; at: number; piece: string }
  | { op: 'widen'; at: number }
  | { op: 'narrow'; at: number }
  | { op: 'eol'; at: number; eol: string }
  | { op: 'char'; at: number; offset: number; piece: string }
  | { op: 'bom' }
  | { op: 'truncate'; at: number };

const TOKENS = [
  '一、',
  '二、',
  '三、',
  '十、',
  '（一）',
  '（三）',
  '(二)',
  '1.',
  '2.',
  '7.',
  '38.',
  '1、',
  '１．',
  '（1）',
  '(2)',
  '一是',
  '三是',
  '二要',
  '一．',
  '（一）、',
  '47.3%，',
  '98.3%',
];
const ODD = ['\u0000', '\u0007', '\u001b', '\ud800', '\udc00', '\ufeff', '\u200b', '\u2028', '\r', '\n', '\r\n', '\t', '\u3000', '％', '～', '<!--', '---'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(fc.constantFrom(...TOKENS), domainString(8)).map((s) => s + '\n') }),
  fc.record({ op: fc.constant('prefix' as const), at: fc.nat(), piece: fc.constantFrom(...TOKENS, ' ', '\u3000', '# ', '## ') }),
  fc.record({ op: fc.constant('widen' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('narrow' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('eol' as const), at: fc.nat(), eol: fc.constantFrom('\n', '\r\n', '\r', '', '\n\n') }),
  fc.record({ op: fc.constant('char' as const), at: fc.nat(), offset: fc.nat(), piece: fc.constantFrom(...ODD) }),
  fc.constant({ op: 'bom' as const }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

const HALF = '0123456789()%.,';
const FULL = '０１２３４５６７８９（）％．，';

function mapChars(s: string, from: string, to: string): string {
  let out = '';
  for (const ch of s) {
    const i = from.indexOf(ch);
    out += i >= 0 ? to[i] : ch;
  }
  return out;
}

export function mutate(seed: string, muts: readonly Mutation[]): string {
  let lines = splitLines(seed);
  for (const m of muts) {
    const n = lines.length;
    if (m.op === 'bom') {
      lines = ['\ufeff', ...lines];
      continue;
    }
    if (n === 0) {
      lines = ['一、\n'];
      continue;
    }
    const i = m.at % n;
    const line = lines[i]!;
    switch (m.op) {
      case 'delete':
        lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, line);
        break;
      case 'swap': {
        const j = m.with % n;
        lines[i] = lines[j]!;
        lines[j] = line;
        break;
      }
      case 'insert':
        lines.splice(i, 0, m.piece);
        break;
      case 'prefix':
        lines[i] = m.piece + line.replace(/^\s*(?:[（(]?[一二三四五六七八九十0-9０-９]{1,3}[）)]?[、.．]?)?/, '');
        break;
      case 'widen':
        lines[i] = mapChars(line, HALF, FULL);
        break;
      case 'narrow':
        lines[i] = mapChars(line, FULL, HALF);
        break;
      case 'eol':
        lines[i] = line.replace(/(?:\r\n|\r|\n)$/, '') + m.eol;
        break;
      case 'char': {
        const o = m.offset % (line.length + 1);
        lines[i] = line.slice(0, o) + m.piece + line.slice(o);
        break;
      }
      case 'truncate': {
        const keep = Math.max(1, i);
        lines = lines.slice(0, keep);
        break;
      }
    }
  }
  return lines.join('');
}

/** A seed (or a window of one, to keep runs fast) with a list of mutations applied. */
export const mutatedSeed = (opts: { window?: number; maxMutations?: number } = {}): fc.Arbitrary<string> =>
  fc
    .record({
      seed: fc.nat({ max: SEEDS.length - 1 }),
      from: fc.nat(),
      muts: fc.array(mutation, { minLength: 1, maxLength: opts.maxMutations ?? 12 }),
    })
    .map(({ seed, from, muts }) => {
      const s = SEEDS[seed]!;
      let text = s;
      if (opts.window && s.length > opts.window) {
        const start = from % (s.length - opts.window);
        text = s.slice(start, start + opts.window);
      }
      return mutate(text, muts);
    });

// ---------------------------------------------------------------------------------------------
// Invariants, as plain functions returning a list of violations (empty = fine)

export function spanProblems(what: string, s: { start: number; end: number }, length: number): string[] {
  const ok = Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= length;
  return ok ? [] : [`${what}: span [${s.start}, ${s.end}) outside [0, ${length}]`];
}

export function editsProblems(what: string, edits: readonly Edit[], length: number): string[] {
  const out: string[] = [];
  edits.forEach((e, i) => {
    out.push(...spanProblems(`${what} edit ${i}`, e, length));
    if (typeof e.newText !== 'string') out.push(`${what} edit ${i}: newText is not a string`);
  });
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const overlap = b.start < a.end || (a.start === a.end && b.start === b.end && a.start === b.start);
    if (overlap) out.push(`${what}: edits [${a.start},${a.end}) and [${b.start},${b.end}) overlap`);
  }
  return out;
}

export function findingProblems(text: string, findings: readonly (Finding | LocatedFinding)[]): string[] {
  const index = new LineIndex(text);
  const out: string[] = [];
  for (const f of findings) {
    const what = `${f.ruleId} at ${f.start}`;
    out.push(...spanProblems(what, f, text.length));
    if (!f.message || typeof f.message.zh !== 'string' || typeof f.message.en !== 'string' || !f.message.zh || !f.message.en)
      out.push(`${what}: message missing`);
    if ('range' in f) {
      const r = f.range;
      const s = index.positionAt(f.start);
      const e = index.positionAt(f.end);
      if (r.start.line !== s.line || r.start.character !== s.character || r.end.line !== e.line || r.end.character !== e.character) {
        out.push(`${what}: range ${JSON.stringify(r)} does not match offsets`);
      }
    }
    if (f.fix) out.push(...editsProblems(`${what} fix`, f.fix.edits, text.length));
  }
  return out;
}

/**
 * Independent check that `after` is `before` with exactly `edits` applied: every character
 * outside the edit spans survives, in order (walks forward; applyEdits walks backward).
 */
export function onlyEditsChanged(before: string, edits: readonly Edit[], after: string): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let pos = 0;
  let out = 0;
  for (const e of sorted) {
    const kept = before.slice(pos, e.start);
    if (after.slice(out, out + kept.length) !== kept) return false;
    out += kept.length;
    if (after.slice(out, out + e.newText.length) !== e.newText) return false;
    out += e.newText.length;
    pos = e.end;
  }
  return after.slice(out) === before.slice(pos);
}
