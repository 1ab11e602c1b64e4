/**
 * Core benchmark: full analysis (parse, every rule, indicators, alignment against the bundled
 * requirement set) of each seed and of generated 1 MB / 10 MB plans, in one process, after warm-up.
 */
import { join } from 'node:path';
import { analyzeDocument, runRules, type DocumentContext } from '../../server/src/core/analyze.js';
import { parsePlan } from '../../server/src/core/parse.js';
import { createSession, type AnalysisSession } from '../../server/src/core/session.js';
import { allRules } from '../../server/src/core/rules/index.js';
import type { RequirementSet } from '../../server/src/core/requirements/types.js';
import { resolveRequirementSets } from '../../server/src/node/requirements.js';
import { generatePlan, readSeeds } from './generate.js';
import { MB, now, round, summarize, type Summary } from './stats.js';

export interface CoreDocResult {
  doc: string;
  bytes: number;
  chars: number;
  lines: number;
  sections: number;
  indicators: number;
  findings: number;
  runs: number;
  /** full analysis, ms */
  analyze: Summary;
  /** CPU time of the same analyses (process.cpuUsage), ms */
  cpu?: Summary;
  /**
   * full analysis with nothing kept from earlier runs (a new session before each, untimed): what
   * a CLI run or the first analysis of a draft costs, ms. `analyze` is the same text analysed
   * again, with the per-paragraph results of the previous run kept, as while editing.
   */
  cold?: Summary;
  /**
   * cold, and with no sharing between paragraphs of equal text either (a new session made with
   * createSession({ paragraphSharing: false })): every paragraph worked out afresh, as for a document whose
   * paragraphs all differ. The generated plans repeat seed paragraphs (distinctParagraphs), which
   * a cold analysis works out once each; this is the cost of the work itself, ms.
   */
  fresh?: Summary;
  /** paragraphs, and how many distinct paragraph texts among them */
  paragraphs?: number;
  distinctParagraphs?: number;
  /** parse alone (structure + indicators), ms */
  parse: Summary;
  /** MB/s at the median */
  mbPerSec: number;
  /** median ms per MB */
  msPerMB: number;
  /** cold median ms per MB (nothing kept from earlier runs: every size on the same terms) */
  coldMsPerMB?: number;
  /** fresh median ms per MB */
  freshMsPerMB?: number;
}

export interface CoreResult {
  requirementSets: string[];
  docs: CoreDocResult[];
  /** median ms of each rule alone (on a parsed plan), slowest first, per document */
  ruleBreakdown: Record<string, { rule: string; median: number }[]>;
  /**
   * ratios of fresh ms/MB between sizes (1 = perfectly linear): every size on the same terms, all
   * the work done. The warm figures are not alike across sizes (a document with more paragraphs
   * than the memos take, the 10 MB plan, keeps nothing for the next run), nor are the cold ones
   * (the larger a generated plan, the more often each seed paragraph recurs in it).
   */
  growth: { from: string; to: string; ratio: number }[];
  /** the same ratios on cold figures (equal paragraphs share their work) */
  coldGrowth?: { from: string; to: string; ratio: number }[];
}

function time<T>(fn: () => T): number {
  const t0 = now();
  fn();
  return now() - t0;
}

/**
 * Runs `fn` `warm` times, then until `runs` timed runs or `budgetMs` spent (at least 5 runs).
 * `cpu` receives the CPU time of each timed run.
 */
function measure(fn: () => unknown, warm: number, runs: number, budgetMs: number, cpu?: number[], before?: () => void): number[] {
  for (let i = 0; i < warm; i++) fn();
  const out: number[] = [];
  const start = now();
  while (out.length < runs && (out.length < 5 || now() - start < budgetMs)) {
    before?.();
    const c0 = process.cpuUsage();
    out.push(time(fn));
    const c = process.cpuUsage(c0);
    cpu?.push((c.user + c.system) / 1000);
  }
  return out;
}

export function runCore(root: string, quick: boolean): CoreResult {
  const seeds = readSeeds(root);
  const { sets, problems } = resolveRequirementSets(['henan-2021'], { baseDir: root, setDirs: [join(root, 'server', 'sets')] });
  if (problems.length > 0) throw new Error(`requirement set problems: ${problems.map((p) => p.message.en).join('; ')}`);
  const requirements: readonly RequirementSet[] = sets;
  const docs: { name: string; text: string; warm: number; runs: number; budget: number }[] = seeds.map((s) => ({
    name: `seed ${s.name}`,
    text: s.text,
    warm: quick ? 10 : 50,
    runs: quick ? 50 : 300,
    budget: quick ? 1000 : 4000,
  }));
  const oneMB = generatePlan(seeds, MB);
  const tenMB = generatePlan(seeds, 10 * MB);
  docs.push({ name: '1 MB plan', text: oneMB, warm: quick ? 2 : 5, runs: quick ? 10 : 40, budget: quick ? 2000 : 6000 });
  docs.push({ name: '10 MB plan', text: tenMB, warm: 1, runs: quick ? 3 : 8, budget: quick ? 4000 : 15000 });

  const results: CoreDocResult[] = [];
  for (const d of docs) {
    // the whole analysis at every size (no size guard), as the product's entry point runs it
    const opts: DocumentContext = { requirements, maxFullAnalysisBytes: Infinity };
    const session = createSession();
    const a = analyzeDocument(d.text, opts, session);
    const cpuSamples: number[] = [];
    const analyzeSamples = measure(() => analyzeDocument(d.text, opts, session), d.warm, d.runs, d.budget, cpuSamples);
    let fresh: AnalysisSession = createSession();
    const coldSamples = measure(
      () => analyzeDocument(d.text, opts, fresh),
      Math.min(d.warm, 3),
      Math.min(d.runs, 100),
      d.budget / 2,
      undefined,
      () => {
        fresh = createSession();
      },
    );
    const freshSamples = measure(
      () => analyzeDocument(d.text, opts, fresh),
      Math.min(d.warm, 3),
      Math.min(d.runs, 100),
      d.budget / 2,
      undefined,
      () => {
        fresh = createSession({ paragraphSharing: false });
      },
    );
    const parseSamples = measure(() => parsePlan(d.text, {}, session), Math.min(d.warm, 3), Math.min(d.runs, 20), d.budget / 3);
    const bytes = Buffer.byteLength(d.text);
    const sum = summarize(analyzeSamples);
    results.push({
      doc: d.name,
      bytes,
      chars: d.text.length,
      lines: a.plan.index.lineCount,
      sections: a.plan.allSections.length,
      indicators: a.plan.indicators.length,
      findings: a.findings.length,
      runs: analyzeSamples.length,
      analyze: sum,
      cpu: summarize(cpuSamples),
      cold: summarize(coldSamples),
      fresh: summarize(freshSamples),
      paragraphs: a.plan.blocks.length,
      distinctParagraphs: new Set(a.plan.blocks.map((b) => b.text)).size,
      parse: summarize(parseSamples),
      mbPerSec: round(bytes / MB / (sum.median / 1000)),
      msPerMB: round(sum.median / (bytes / MB)),
      coldMsPerMB: round(summarize(coldSamples).median / (bytes / MB)),
      freshMsPerMB: round(summarize(freshSamples).median / (bytes / MB)),
    });
  }

  // rules alone, each on a freshly parsed plan (rules may memoise per plan object)
  // (one session throughout: its memos serve from the second run on, as in the server)
  const ruleSession = createSession();
  const breakdown = (text: string, runs: number) =>
    allRules
      .map((rule) => {
        const samples: number[] = [];
        for (let i = 0; i <= runs; i++) {
          const plan = parsePlan(text, {}, ruleSession);
          const t = time(() => runRules(plan, { rules: [rule], requirements }, ruleSession));
          if (i > 0) samples.push(t); // the first run warms up
        }
        return { rule: rule.meta.id, median: summarize(samples).median };
      })
      .sort((a, b) => b.median - a.median);
  const ruleBreakdown = {
    'seed 002': breakdown(seeds.find((s) => s.name === '002')!.text, quick ? 5 : 15),
    '1 MB plan': breakdown(oneMB, quick ? 1 : 3),
  };

  // the large plans are made of all five seeds: their per-MB cost compares with the seeds' together
  const seedDocs = results.filter((r) => r.doc.startsWith('seed '));
  const curve = (key: 'fresh' | 'cold') => {
    const per = (name: string) => {
      const d = results.find((r) => r.doc === name)!;
      return d[key]!.median / (d.bytes / MB);
    };
    const seedsPerMB = seedDocs.reduce((a, r) => a + r[key]!.median, 0) / (seedDocs.reduce((a, r) => a + r.bytes, 0) / MB);
    return [
      { from: 'five seeds', to: '1 MB plan', ratio: round(per('1 MB plan') / seedsPerMB) },
      { from: 'seed 002', to: '1 MB plan', ratio: round(per('1 MB plan') / per('seed 002')) },
      { from: '1 MB plan', to: '10 MB plan', ratio: round(per('10 MB plan') / per('1 MB plan')) },
      { from: 'seed 002', to: '10 MB plan', ratio: round(per('10 MB plan') / per('seed 002')) },
    ];
  };
  return { requirementSets: sets.map((s) => s.name), docs: results, ruleBreakdown, growth: curve('fresh'), coldGrowth: curve('cold') };
}
