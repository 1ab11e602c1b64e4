/**
 * Every finding planlint reports on the field corpus (test/corpus/, issue 14) has been read in its
 * document and judged as a careful reader would: test/corpus-expect/verdicts.yaml records the
 * verdict of each (the proofreading rules of issue 16 keep theirs in proofreading-verdicts.yaml,
 * kept exact by test/proofreading-corpus.test.ts). This test runs the CLI's pipeline on every corpus
 * document with the default configuration and fails when
 *  - a finding has no recorded verdict (the message lists them ready to paste into verdicts.yaml,
 *    with `verdict: null` and `why: ""` to fill in after reading the document there);
 *  - a finding recorded false still fires, unless it is marked `known: true` (a known false alarm,
 *    its mechanism named in `why`); a known one that no longer fires must lose its mark;
 *  - a finding recorded true no longer fires (the file stays current: re-review it or remove it).
 *
 * A verdict is keyed by document + rule + excerpt: the 12 characters of the line from where the
 * finding starts (fewer at the line's end). Line numbers are only a hint (the nearest entry wins
 * when an excerpt repeats), so verdicts survive line shifts and changes to a finding's end.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkDraft, isFailure } from '../server/src/cli/pipeline.js';
import { repoRoot } from './helpers.js';
import { PROOFREADING_RULES } from './proofreading-rules.js';

const corpusDir = join(repoRoot, 'test', 'corpus');
const EXCERPT = 12;

interface Verdict {
  document: string;
  rule: string;
  line: number;
  excerpt: string;
  verdict: boolean | null;
  why: string;
  known?: boolean;
}

interface ProofreadingVerdict {
  file: string;
  rule: string;
  line: number;
  excerpt: string;
  verdict: boolean;
}

interface Seen {
  document: string;
  rule: string;
  line: number;
  excerpt: string;
  /** the finding's own text (range), to match proofreading-verdicts.yaml */
  text: string;
  message: string;
}

async function findingsOf(document: string): Promise<Seen[]> {
  const r = await checkDraft(join(corpusDir, document), { cwd: repoRoot });
  if (isFailure(r)) throw new Error(`${document}: ${r.message.en}`);
  const lines = r.decoded.text.split('\n').map((l) => l.replace(/\r$/, ''));
  return r.findings.map((f) => {
    const line = lines[f.range.start.line] ?? '';
    const start = f.range.start.character;
    const end = f.range.end.line === f.range.start.line ? f.range.end.character : line.length;
    return {
      document,
      rule: f.ruleId,
      line: f.range.start.line + 1,
      excerpt: line.slice(start, start + EXCERPT).replace(/^\uFEFF/, ''),
      text: line.slice(start, end).replace(/^\uFEFF/, ''),
      message: f.message.zh,
    };
  });
}

/** One line of verdicts.yaml for a finding, to paste and complete. */
function pasteLine(s: Seen): string {
  return `  - { document: ${s.document}, rule: ${s.rule}, line: ${s.line}, excerpt: ${JSON.stringify(s.excerpt)}, verdict: null, why: "" }  # ${s.message}`;
}

describe('field corpus: every finding reviewed (test/corpus-expect/verdicts.yaml)', () => {
  it('has a verdict for each finding; none recorded false fires unless known; none recorded true has gone', async () => {
    const { verdicts } = parseYaml(readFileSync(join(repoRoot, 'test/corpus-expect/verdicts.yaml'), 'utf8')) as { verdicts: Verdict[] };
    const proofreading = (
      parseYaml(readFileSync(join(repoRoot, 'test/corpus-expect/proofreading-verdicts.yaml'), 'utf8')) as { verdicts: ProofreadingVerdict[] }
    ).verdicts.filter((v) => v.file.startsWith('test/corpus/'));
    const proofreadingRules = new Set(PROOFREADING_RULES);
    for (const v of verdicts) {
      expect(typeof v.verdict, `${v.document} ${v.rule} ${v.excerpt}: verdict true or false`).toBe('boolean');
      expect(v.why.length, `${v.document} ${v.rule} ${v.excerpt}: a reason`).toBeGreaterThan(10);
      expect(proofreadingRules.has(v.rule), `${v.rule} is reviewed in proofreading-verdicts.yaml`).toBe(false);
      if (v.known) expect(v.verdict, `${v.document} ${v.rule} ${v.excerpt}: only a false verdict can be a known false alarm`).toBe(false);
    }

    const documents = readdirSync(corpusDir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    const seen: Seen[] = [];
    for (const d of documents) seen.push(...(await findingsOf(d)));

    const unreviewed: Seen[] = [];
    const falseFiring: string[] = [];
    const used = new Set<Verdict>();
    const usedProofreading = new Set<ProofreadingVerdict>();
    for (const s of seen) {
      if (proofreadingRules.has(s.rule)) {
        const p = proofreading.find((v) => !usedProofreading.has(v) && v.file === `test/corpus/${s.document}` && v.rule === s.rule && v.excerpt === s.text);
        if (!p) unreviewed.push(s);
        else {
          usedProofreading.add(p);
          if (!p.verdict) falseFiring.push(`${s.document}:${s.line} ${s.rule} “${s.excerpt}” (proofreading-verdicts.yaml says false)`);
        }
        continue;
      }
      const candidates = verdicts.filter((v) => !used.has(v) && v.document === s.document && v.rule === s.rule && v.excerpt === s.excerpt);
      if (candidates.length === 0) {
        unreviewed.push(s);
        continue;
      }
      const v = candidates.reduce((a, b) => (Math.abs(b.line - s.line) < Math.abs(a.line - s.line) ? b : a));
      used.add(v);
      if (v.verdict === false && !v.known) falseFiring.push(`${s.document}:${s.line} ${s.rule} “${s.excerpt}”: ${v.why}`);
    }
    const gone = verdicts.filter((v) => !used.has(v) && v.verdict === true).map((v) => `${v.document}:${v.line} ${v.rule} “${v.excerpt}”`);
    const staleKnown = verdicts.filter((v) => !used.has(v) && v.known).map((v) => `${v.document}:${v.line} ${v.rule} “${v.excerpt}”`);

    const problems = [
      [
        unreviewed.map(pasteLine),
        'findings without a verdict: read each in its document, then paste these lines into test/corpus-expect/verdicts.yaml with verdict and why filled in',
      ],
      [falseFiring, 'findings recorded false that still fire: fix the mechanism (or mark known: true, naming it in why)'],
      [gone, 'findings recorded true that no longer fire: a lost true finding, or a changed excerpt (re-review and update the entry)'],
      [staleKnown, 'known false alarms that no longer fire: remove `known: true` (keep the false verdict as a guard)'],
    ] as const;
    const message = problems
      .filter(([items]) => items.length > 0)
      .map(([items, what]) => `${items.length} ${what}:\n${items.join('\n')}`)
      .join('\n\n');
    // expect.fail prints the message as it is, so the unreviewed lines can be pasted
    if (message) expect.fail(message);
  });
});
