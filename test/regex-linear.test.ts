/**
 * Every regular expression in server/src runs in linear time on adversarial input (issue 13).
 * The expressions are enumerated, not hand-picked: the TypeScript scanner finds every regular
 * expression literal in every source file, so a new one is tested without anyone listing it.
 * (Patterns built with `new RegExp(…)` from data — keyword wildcards, formulations — have their
 * own bounds and tests: robust-regex.test.ts.)
 *
 * Inputs, for each expression: a long run of each character it can consume (every literal
 * character and class member written in it, plus digits, Latin, Han, blanks of both widths,
 * punctuation and line breaks), and the same run after the expression's own literal opening (an
 * unterminated construct such as `<!-- planlint-disable` + blanks). Each input is scanned the way
 * the code scans (every match of a global expression, else one search); time(4n) / time(n) must
 * stay below 6 (a quadratic expression grows ×16). Suspects are measured again, best of three,
 * before the test fails, so load on the machine does not make it flaky.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

interface Found {
  file: string;
  line: number;
  source: string;
  re: RegExp;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.ts$/.test(name) && !/\.d\.ts$/.test(name)) out.push(p);
  }
  return out;
}

/** Every regular expression literal of the server sources (TypeScript's own scanner decides what is one). */
function regexLiterals(): Found[] {
  const found: Found[] = [];
  for (const file of sourceFiles(join(repoRoot, 'server', 'src'))) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(sf);
        const slash = literal.lastIndexOf('/');
        const re = new RegExp(literal.slice(1, slash), literal.slice(slash + 1));
        found.push({
          file: relative(repoRoot, file),
          line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
          source: literal,
          re,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

const GENERIC = [
  'a',
  'Z',
  '1',
  '0',
  '.',
  ' ',
  '\u3000',
  '\t',
  '\n',
  '\r\n',
  '一',
  '、',
  '，',
  '。',
  '（',
  '(',
  '%',
  '-',
  '*',
  '<',
  '"',
  '“',
  '\\',
  '/',
  '\u200b',
];

/** Characters the expression can consume: its literal characters and the members of its classes it names. */
function alphabet(source: string): string[] {
  const chars = new Set<string>(GENERIC);
  const body = source.slice(1, source.lastIndexOf('/'));
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      const n = body[i + 1];
      if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6))) {
        chars.add(String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16)));
        i += 5;
      } else if (n === 's') chars.add(' ');
      else if (n === 'd') chars.add('7');
      else if (n === 'w') chars.add('w');
      else if (n && !/[bBpPkcx]/.test(n)) chars.add(n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n);
      i++;
    } else if (!'^$()[]{}|?*+'.includes(c)) chars.add(c);
  }
  return [...chars];
}

/** The expression's literal opening (up to its first special character), for unterminated constructs. */
function opening(source: string): string {
  const body = source.slice(1, source.lastIndexOf('/'));
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '^') continue;
    if (c === '\\') {
      const n = body[i + 1] ?? '';
      if (/[sdwbBpPuxk]/.test(n)) break;
      out += n;
      i++;
      continue;
    }
    if ('$()[]{}|?*+.'.includes(c)) {
      // an optional last character is not part of the opening
      if ('?*{'.includes(c)) out = out.slice(0, -1);
      break;
    }
    out += c;
  }
  return out;
}

/** Scans the input as the code does: all matches of a global/sticky expression, else one search. */
function scan(re: RegExp, input: string): void {
  if (re.sticky && !re.global) {
    // a sticky expression is tried at one position (where the code points it)
    re.lastIndex = 0;
    re.exec(input);
  } else if (re.global) {
    const g = new RegExp(re.source, re.flags);
    let guard = 0;
    for (let m = g.exec(input); m && guard < 1e6; m = g.exec(input), guard++) if (m[0] === '') g.lastIndex++;
  } else re.test(input);
}

function time(re: RegExp, input: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    scan(re, input);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** time(4n) / time(n), with a floor that keeps microsecond noise from looking like growth. */
function ratio(re: RegExp, make: (n: number) => string, n: number, runs: number): number {
  const small = make(n);
  const large = make(4 * n);
  scan(re, small);
  return time(re, large, runs) / Math.max(0.25, time(re, small, runs));
}

describe('regular expressions in server/src', () => {
  const all = regexLiterals();

  it('are found by the scanner (a sanity check of the enumeration)', () => {
    expect(all.length).toBeGreaterThan(150);
    expect(all.some((f) => f.file.endsWith('suppress.ts'))).toBe(true);
    expect(all.some((f) => f.source.includes('百'))).toBe(true);
  });

  it('run in linear time on long runs of every character they consume, alone and after their own opening', () => {
    const slow: string[] = [];
    for (const f of all) {
      const open = opening(f.source);
      for (const c of alphabet(f.source)) {
        for (const prefix of open ? ['', open] : ['']) {
          const make = (n: number) => prefix + c.repeat(n);
          // screening at a small size, then the suspects again at a larger one, best of three
          if (ratio(f.re, make, 500, 1) < 6) continue;
          const r = ratio(f.re, make, 2000, 3);
          if (r >= 6) slow.push(`${f.file}:${f.line} ${f.source} on ${JSON.stringify(prefix)} + ${JSON.stringify(c)}×n: time(4n)/time(n) = ${r.toFixed(1)}`);
        }
      }
    }
    expect(slow).toEqual([]);
  }, 120_000);
});
