/**
 * Robustness properties of the analysis core (issue 7): parsing, every rule, indicator extraction
 * and alignment never throw on arbitrary input; every finding's span lies inside the text; every
 * fix's edits are in range and do not overlap; the plan model maps back onto the source exactly.
 * Case counts are listed per property (≥ 10,000 in total over this file and property-fix).
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';

/** PROPERTY_SCALE=10 multiplies every property's case count (for a long local hunt). */
const scale = Number(process.env['PROPERTY_SCALE'] ?? 1);
const runs = (n: number) => Math.round(n * scale);
vi.setConfig({ testTimeout: 60000 * Math.max(1, scale) });
import { analyze } from '../server/src/core/analyze.js';
import { parsePlan } from '../server/src/core/parse.js';
import { alignPlan } from '../server/src/core/align/index.js';
import { countYear } from '../server/src/core/align/part.js';
import { ENUMERATION_BOUNDARY, matchNumberToken, nextEnumerationMarker, parseChineseNumeral, toChineseNumeral } from '../server/src/core/numbering.js';
import { LineIndex } from '../server/src/core/text.js';
import type { Plan } from '../server/src/core/model.js';
import type { RequirementSet } from '../server/src/core/requirements/types.js';
import { resolveRequirementSets } from '../server/src/node/requirements.js';
import { collectSuppressions, applySuppressions, disableFileEdits, disableLineEdits } from '../server/src/core/suppress.js';
import { allRules } from '../server/src/core/rules/index.js';
import { domainString, findingProblems, mutatedSeed, spanProblems, unicodeString, editsProblems } from './robust-gen.js';
import { repoRoot } from './helpers.js';

const { sets: henan, problems: setProblems } = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot });
const requirements: readonly RequirementSet[] = henan;

/** Structural invariants of the plan model; returns the violations. */
function planProblems(plan: Plan): string[] {
  const { text } = plan;
  const n = text.length;
  const out: string[] = [];
  for (const b of plan.blocks) {
    out.push(...spanProblems(`block ${b.firstLine}`, b, n));
    if (b.firstLine > b.lastLine) out.push(`block ${b.firstLine}: lines reversed`);
    for (const seg of b.segments) {
      out.push(...spanProblems(`block ${b.firstLine} segment`, { start: seg.docStart, end: seg.docStart + seg.length }, n));
      // the joined text maps back onto the source character for character (no lost or altered text)
      if (seg.length > 0 && text.slice(seg.docStart, seg.docStart + seg.length) !== b.text.slice(seg.textStart, seg.textStart + seg.length)) {
        out.push(`block ${b.firstLine}: segment at ${seg.docStart} does not match the source`);
      }
    }
  }
  plan.allSections.forEach((s, i) => {
    if (s.id !== i) out.push(`section ${i} has id ${s.id}`);
    const w = `section ${s.token.raw}@${s.start}`;
    for (const [k, sp] of [
      ['', s],
      ['token', s.token],
      ['title', s.titleSpan],
      ['heading', s.heading],
    ] as const)
      out.push(...spanProblems(`${w} ${k}`, sp, n));
    // a token broken over two lines by the source (a lone （ then 六）…) is one heading: its span
    // holds the break, its raw text does not (parse/blocks.ts joins it; a numbering/style fix rejoins it).
    // A line break is \r\n, \n or a lone \r, as LineIndex reads them (fast-check found 一\r． read as 一．)
    if (text.slice(s.token.start, s.token.end).replace(/\r\n?|\n/g, '') !== s.token.raw) out.push(`${w}: token span does not hold its raw text`);
    if (s.parentId !== undefined && !(s.parentId < s.id)) out.push(`${w}: parent ${s.parentId} not before it`);
    if (s.title.length > 0 && text.slice(s.titleSpan.start, s.titleSpan.end).replace(/[\r\n]/g, '').length < 1) out.push(`${w}: empty title span`);
  });
  for (const e of plan.enumerations) {
    out.push(...spanProblems(`enumeration ${e.kind}@${e.start}`, e, n));
    for (const it of e.items) {
      out.push(...spanProblems(`enumeration item ${it.marker}`, it, n));
      // a marker may straddle a hard line wrap (PDF text: "二\n要"): compare without the break
      if (text.slice(it.start, it.end).replace(/[\r\n\s\u3000]+/g, '') !== it.marker)
        out.push(`enumeration item ${it.marker}@${it.start}: span holds "${text.slice(it.start, it.end)}"`);
    }
  }
  for (const ind of plan.indicators) {
    out.push(...spanProblems(`indicator ${ind.name}`, ind, n));
    out.push(...spanProblems(`indicator ${ind.name} value`, ind.valueSpan, n));
    if (!Number.isFinite(ind.value)) out.push(`indicator ${ind.name}: value ${ind.value}`);
  }
  if (plan.frontMatter) out.push(...spanProblems('front matter', plan.frontMatter, n));
  return out;
}

function checkText(text: string, withRequirements: boolean): string[] {
  const { plan, findings } = analyze(text, withRequirements ? { requirements } : {});
  const problems = [...planProblems(plan), ...findingProblems(text, findings)];
  if (withRequirements) {
    const r = alignPlan(plan, requirements);
    for (const t of r.themes) for (const m of t.matches) problems.push(...spanProblems(`alignment ${t.theme.id}`, m.section.span, text.length));
  }
  return problems;
}

const prop = (arb: fc.Arbitrary<string>, withRequirements = false) =>
  fc.property(arb, (text) => {
    const problems = checkText(text, withRequirements);
    if (problems.length) throw new Error(problems.slice(0, 5).join('\n'));
  });

describe('the analysis core never throws and stays in range', () => {
  it('loads the bundled requirement set used below', () => {
    expect(setProblems).toEqual([]);
    expect(requirements).toHaveLength(1);
  });

  it('on arbitrary Unicode (2,500 cases)', () => {
    fc.assert(prop(unicodeString(300)), { numRuns: runs(2500) });
  });

  it('on strings biased to the plan alphabet (3,000 cases)', () => {
    fc.assert(prop(domainString(80)), { numRuns: runs(3000) });
  });

  it('on mutated windows of the seeds (1,500 cases)', () => {
    fc.assert(prop(mutatedSeed({ window: 2500 })), { numRuns: runs(1500) });
  });

  it('on mutated whole seeds (150 cases)', () => {
    fc.assert(prop(mutatedSeed({ maxMutations: 30 })), { numRuns: runs(150) });
  });

  it('with the henan-2021 requirement set: alignment rules and alignPlan (600 + 200 cases)', () => {
    fc.assert(prop(domainString(80), true), { numRuns: runs(600) });
    fc.assert(prop(mutatedSeed({ window: 4000 }), true), { numRuns: runs(200) });
  });

  it('every rule on its own, at every severity override, with options of any shape (400 cases)', () => {
    fc.assert(
      // options of any shape (the server passes settings through; only the CLI validates them first)
      fc.property(
        domainString(60),
        fc.constantFrom(...allRules),
        fc.constantFrom('error', 'warning', 'information', 'hint', 'off' as const),
        fc.dictionary(fc.constantFrom('fullwidthPeriod', 'allow', 'max', 'units', 'words', 'tolerance', 'bogus'), fc.anything()),
        (text, rule, severity, options) => {
          const { findings } = analyze(text, { rules: [rule], profile: { name: 'p', rules: { [rule.meta.id]: { severity, options } } }, requirements });
          if (severity === 'off') expect(findings).toEqual([]);
          for (const f of findings) {
            expect(f.ruleId).toBe(rule.meta.id);
            expect(f.severity).toBe(severity);
          }
          expect(findingProblems(text, findings)).toEqual([]);
        },
      ),
      { numRuns: runs(400) },
    );
  });
});

describe('building blocks never throw', () => {
  it('numbering tokens and numerals (1,000 cases)', () => {
    fc.assert(
      fc.property(domainString(6), (s) => {
        const t = matchNumberToken(s);
        if (t) {
          expect(s.startsWith(t.raw)).toBe(true);
          expect(t.value).toBeGreaterThan(0);
          expect([1, 2, 3, 4]).toContain(t.level);
        }
        const v = parseChineseNumeral(s);
        expect(Number.isNaN(v) || v >= 0).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
    for (let n = 1; n <= 999; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });

  it('enumeration markers: what the plain pattern with a boundary check finds (2,000 cases)', () => {
    // reference: the pattern the finder replaced, tried at every position, then the boundary check
    const reference = (text: string) => {
      const out: string[] = [];
      const re = /([一二三四五六七八九十]{1,3})(是|要)(?![否非])/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) {
        if (m.index > 0 && !ENUMERATION_BOUNDARY.test(text[m.index - 1]!)) {
          re.lastIndex = m.index + 1;
          continue;
        }
        out.push(`${m.index}:${m[1]}${m[2]}`);
      }
      return out;
    };
    const found = (text: string) => {
      const out: string[] = [];
      for (let m = nextEnumerationMarker(text, 0); m; m = nextEnumerationMarker(text, m.at + m.numeral.length + m.kind.length))
        out.push(`${m.at}:${m.numeral}${m.kind}`);
      return out;
    };
    const alphabet = fc.constantFrom(...'一二三四五六七八九十百两是要否非，。：（ x的'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(found(text)).toEqual(reference(text));
      }),
      { numRuns: runs(2000) },
    );
    expect(found('工作要求：一是加强领导，二是十二要落实；三是否')).toEqual(['5:一是', '12:二是']);
  });

  it('year counts: what matching every year and keeping one finds (2,000 cases)', () => {
    const reference = (text: string, year: number) => [...text.matchAll(/((?:19|20)\d{2})\s*年/g)].filter((m) => Number(m[1]) === year).length;
    const piece = fc.constantFrom('2', '0', '1', '9', '2021', '2020', '年', ' ', '\u3000', '\n', 'x', '12', '202');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.constantFrom(2020, 2021, 1999, 202, 20210), (pieces, year) => {
        const text = pieces.join('');
        expect(countYear(text, year)).toBe(reference(text, year));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('positions and offsets round-trip on mixed line breaks (500 cases)', () => {
    fc.assert(
      fc.property(unicodeString(120), fc.nat(), (text, k) => {
        const idx = new LineIndex(text);
        const o = text.length === 0 ? 0 : k % (text.length + 1);
        const p = idx.positionAt(o);
        expect(p.line).toBeLessThan(idx.lineCount);
        expect(p.character).toBeGreaterThanOrEqual(0);
        // an offset inside a CRLF maps to the end of its line; every other offset round-trips
        if (!(text[o - 1] === '\r' && text[o] === '\n')) expect(idx.offsetAt(p)).toBe(o);
        expect(idx.offsetAt({ line: p.line + 1e6, character: -5 })).toBe(text.length);
      }),
      { numRuns: runs(500) },
    );
  });

  it('suppression markers: collecting, applying and the disable edits (600 cases)', () => {
    fc.assert(
      fc.property(domainString(60), fc.nat(), fc.boolean(), (text, k, markdown) => {
        const plan = parsePlan(text);
        const src = { text, index: plan.index, frontMatter: plan.frontMatter };
        const sups = collectSuppressions(src);
        for (const s of sups) expect(spanProblems('suppression', s.span, text.length)).toEqual([]);
        const offset = text.length === 0 ? 0 : k % text.length;
        const fake = [{ ruleId: 'numbering/style', start: offset }];
        const r = applySuppressions(fake, src, sups);
        expect(r.kept.length + r.suppressed.length).toBe(1);
        for (const edits of [
          disableLineEdits(src, { ruleId: 'numbering/style', offset }, { markdown }),
          disableFileEdits(src, 'numbering/style', { markdown }),
        ]) {
          if (edits) expect(editsProblems('disable', edits, text.length)).toEqual([]);
        }
      }),
      { numRuns: runs(600) },
    );
  });
});
