/**
 * Warm-up: right after `initialized`, the server analyses sample plans in a session of its own,
 * as an editor would drive it: a cold analysis, then one-character edits (insert 的, delete it)
 * at points spread through a real, seed-sized plan. V8 compiles each function lazily and
 * optimises it only once it has run hot, and the hottest functions of a keystroke (the proofreading
 * rules' loops over every list and paragraph, the parser, the alignment) only run hot on a
 * document of real size: the short sample alone left the first 20 keystrokes of a draft at two to
 * three times the cost of later ones (35–55 ms against 10–17 ms of CPU on seed 002, with or
 * without it). After this warm-up they cost what later ones do.
 *
 * It runs in the analyzer's queue (Analyzer.exclusive), so a document opened meanwhile waits for it
 * instead of competing with it: its first analysis then runs on compiled code, and its first
 * keystrokes do not pay for compilation. It is bounded by WARM_UP_BUDGET_MS of wall time and yields
 * to the event loop between rounds (incoming messages are read, queued analyses wait). The samples
 * are analysed in a session of its own (their paragraphs must not push a draft's out of the
 * memos). The keystroke rounds of a document opened meanwhile are rehearsed through the server's
 * own path instead (`rehearse`: Analyzer.rehearse with the document's context and the server's
 * session, the diagnostics converted and encoded as sent, nothing published or kept): what is
 * then compiled and optimised is what that document's keystrokes run, the LSP side included, and
 * the memos hold its paragraphs when its first analysis comes. Measured on seed 002 through the
 * real server (three interleaved pairs, 2 rounds each): first 20 keystrokes p95 12.0–14.4 ms
 * (10.5–13 ms CPU each) against 15.4–19.9 ms (14–17 ms CPU) with its rounds in the warm-up's
 * session. `PLANLINT_NO_WARMUP=1` turns it off (to measure what it saves).
 */
import { analyzeDocument, createSession } from '../core/analyze.js';
import type { RequirementSet } from '../core/requirements/types.js';
import { listBundledSets, resolveRequirementSets } from '../node/requirements.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analysis.js';
import { toDiagnostic } from './convert.js';
import { diagnosticsOf } from './diagnostics.js';
import type { Logger } from './log.js';
// a real plan of typical size, bundled as text, for the keystroke rounds: seed 000 (19 KB, 一、…十、
// with continuously numbered items, lists and targets). Adding seed 004 (a page dense with figures)
// for half the rounds measured no better (interleaved, under load: first 20 keystrokes 29.5–31 against 26–29 ms CPU)
import PLAN_000 from '../../../seeds/000_2b0973b0b13c13b7.txt?raw';

/**
 * A short plan written for the warm-up: headings of every level, enumerations, targets with
 * percentages, per-mille and percentage points, a deadline, and a few defects (a skipped number,
 * half-width punctuation, a heading ending in a full stop) so that the rules' reporting paths run.
 */
export const WARM_UP_SAMPLE = `某县卫生健康委员会2024年工作要点

2024年，全县卫生健康工作以习近平新时代中国特色社会主义思想为指导，深入实施健康中国战略，推动卫生健康事业高质量发展。

一、深化医药卫生体制改革

（一）推进紧密型县域医共体建设。完善县乡村三级医疗卫生服务体系，县域内住院率达到90%以上，基层医疗卫生机构诊疗量占比提高2个百分点。

（二）深化公立医院改革。推进公立医院高质量发展，控制医疗费用不合理增长，医疗服务收入占比达到35%。

（四）健全药品供应保障制度,落实国家集中带量采购政策，完成采购任务的100%。

二、提升公共卫生服务能力。

（一）加强疾病预防控制。适龄儿童免疫规划疫苗接种率保持在95%以上，肺结核发病率下降到45/10万以下，严重精神障碍患者规范管理率达到85%。

（二）做好妇幼健康工作。孕产妇死亡率控制在12/10万以下，婴儿死亡率控制在5‰以下，5岁以下儿童死亡率控制在6.5‰以内。

（三）推进基本公共卫生服务。人均基本公共卫生服务经费补助标准提高到94元，居民电子健康档案建档率达到90%，65岁及以上老年人健康管理率达到70%。

三、提高医疗服务水平

（一）加强重点专科建设。新建省级重点专科2个、市级重点专科5个，县级医院胸痛、卒中、创伤、危重孕产妇救治、危重新生儿救治五大中心全部建成。

（二）改善医疗服务。一是推行预约诊疗，二是推广日间手术，三是开展检查检验结果互认。2024年底前，二级以上公立医院预约诊疗率达到60%。

1.加强中医药服务。每个乡镇卫生院建成中医馆，中医药服务覆盖率达到100%。
2.加强人才队伍建设。每千人口执业（助理）医师数达到3.2人，每万人口全科医生数达到3.5人。
4.加强信息化建设。全民健康信息平台互联互通，电子病历系统应用水平分级评价达到4级。

四、加强党的建设

全面从严治党，落实党风廉政建设责任制，持续改进作风，为卫生健康事业发展提供坚强保障。
`;

export interface WarmUpReport {
  rounds: number;
  /** wall time from the first round to the last, ms */
  millis: number;
  /** the first (cold) round and the last, ms */
  first: number;
  last: number;
}

/** Rounds of the warm-up on the short sample (every rule's reporting path), then on the seed-sized plan. */
export const WARM_UP_SAMPLE_ROUNDS = 4;
/**
 * Keystroke rounds on the seed-sized plan (or rehearsed on the document opened): enough for V8 to
 * optimise what a keystroke runs hot. 80 rather than 40, rehearsing seed 002 (three interleaved
 * pairs): first 20 keystrokes 9.5–11.5 against 13.5–17.5 ms of CPU each, p95 11.4–15.5 against
 * 13.0–18.4 ms, for about 0.25 s more before the first document's first diagnostics.
 */
export const WARM_UP_EDIT_ROUNDS = 80;
export const WARM_UP_ROUNDS = WARM_UP_SAMPLE_ROUNDS + WARM_UP_EDIT_ROUNDS;

/** The longest the warm-up runs (ms of wall time); a slow or loaded machine stops it early. */
export const WARM_UP_BUDGET_MS = 2000;

/** The plans of the keystroke rounds (shared equally among them). */
export const WARM_UP_PLANS: readonly string[] = [PLAN_000];

/** A document opened during the warm-up of at most this many characters takes over its keystroke rounds. */
export const WARM_UP_DOC_MAX_CHARS = 100_000;

/**
 * `n` keystroke rounds on `plan`: the plan as opened (even rounds) and the plan with 的 inserted at
 * a point (odd rounds; the points spread through the plan), as typing and deleting a character do.
 */
export function editRounds(plan: string, n: number): string[] {
  const lines = plan.split('\n');
  const points = lines.flatMap((l, i) => (l.trim().length >= 4 ? [i] : []));
  const edits = Math.max(1, Math.ceil(n / 2));
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    if (k % 2 === 0 || points.length === 0) {
      out.push(plan);
      continue;
    }
    const at = points[Math.floor(((Math.floor(k / 2) + 0.5) * points.length) / edits) % points.length]!;
    const edited = [...lines];
    const l = lines[at]!;
    edited[at] = l.slice(0, l.length >> 1) + '的' + l.slice(l.length >> 1);
    out.push(edited.join('\n'));
  }
  return out;
}

/**
 * The texts of the warm-up, in order: the short sample (with and without a one-character edit),
 * then keystroke rounds (editRounds) on the bundled plans, shared equally among them.
 */
export function warmUpTexts(rounds = WARM_UP_ROUNDS): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.min(rounds, WARM_UP_SAMPLE_ROUNDS); i++)
    out.push(i % 2 === 0 ? WARM_UP_SAMPLE : WARM_UP_SAMPLE.replace('全面从严治党', '全面从严治党的'));
  const per = Math.ceil((rounds - out.length) / WARM_UP_PLANS.length);
  for (const plan of WARM_UP_PLANS) out.push(...editRounds(plan, Math.min(per, rounds - out.length)));
  return out;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A bundled requirement set for the alignment rules (none if no set is bundled). */
function sampleRequirements(): readonly RequirementSet[] {
  const name = listBundledSets()[0];
  return name ? resolveRequirementSets([name], { baseDir: process.cwd() }).sets : [];
}

/**
 * Analyses the warm-up texts (warmUpTexts) in a session of its own, yielding to the event loop
 * before each round, until they are done or `budgetMs` has passed. A document opened meanwhile
 * (`opened`: its text; it waits for the warm-up) takes over the remaining keystroke rounds, so the
 * paths its own keystrokes run (its lists, its indicators) are the ones V8 optimises: first 20
 * keystrokes of seed 002 14.5–17 against 17.5–26.5 ms of CPU with the bundled plan's rounds alone
 * (three interleaved pairs, load 3). Never throws: a failure is logged and ends the warm-up.
 */
export async function warmUp(
  log: Logger,
  {
    rounds = WARM_UP_ROUNDS,
    budgetMs = WARM_UP_BUDGET_MS,
    opened = () => undefined,
    rehearse,
  }: {
    rounds?: number;
    budgetMs?: number;
    opened?: () => string | undefined;
    /**
     * Runs a keystroke round on the opened document through the server's own path (its context,
     * the server's session, diagnostics as sent), keeping nothing; without it, such rounds run
     * analyzeDocument in the warm-up's session like the others.
     */
    rehearse?: (text: string, round: number) => Promise<void>;
  } = {},
): Promise<WarmUpReport | undefined> {
  if (process.env.PLANLINT_NO_WARMUP === '1') return undefined;
  try {
    const requirements = sampleRequirements();
    const session = createSession();
    const t0 = performance.now();
    let first = 0;
    let last = 0;
    let done = 0;
    let texts = warmUpTexts(rounds);
    let own = false;
    for (let i = 0; i < texts.length; i++) {
      await nextTurn();
      if (performance.now() - t0 > budgetMs) break;
      const doc = !own && i >= WARM_UP_SAMPLE_ROUNDS ? opened() : undefined;
      if (doc !== undefined && doc.length <= WARM_UP_DOC_MAX_CHARS) {
        texts = [...texts.slice(0, i), ...editRounds(doc, texts.length - i)];
        own = true;
      }
      const text = texts[i]!;
      const t = performance.now();
      if (own && rehearse) await rehearse(text, i);
      else {
        const a = analyzeDocument(text, i < WARM_UP_SAMPLE_ROUNDS ? { requirements, year: 2024 } : { requirements }, session);
        a.findings.forEach((f, k) => toDiagnostic(f, k, i, k % 2 === 0 ? 'zh-en' : 'zh'));
      }
      last = performance.now() - t;
      if (i === 0) first = last;
      done++;
    }
    // the warm-up's garbage (its session, its analyses) goes now, while nothing waits, instead of
    // keeping the heap it grew into (the extension starts the server with --expose-gc)
    (globalThis as { gc?: () => void }).gc?.();
    const report: WarmUpReport = { rounds: done, millis: performance.now() - t0, first, last };
    const on = own ? ', the last ones on the document opened' : '';
    log.info(`warm-up: ${done} analyses${on} in ${report.millis.toFixed(1)} ms (first ${first.toFixed(1)} ms, last ${last.toFixed(1)} ms)`);
    return report;
  } catch (err) {
    log.warn(`warm-up failed (the server works without it): ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/**
 * The warm-up's rehearsal of the opened document's keystrokes (warmUp's `rehearse`): each round's
 * text reaches a copy of the document as the client's incremental change would (the range between
 * the common prefix and suffix of the last text and this one, through TextDocument.update), is
 * analysed by Analyzer.rehearse with the document's own context, and its diagnostics are converted
 * and encoded as they would be sent. Nothing is published or kept.
 */
export function rehearsal(analyzer: Pick<Analyzer, 'rehearse'>, opened: () => TextDocument | undefined): (text: string, round: number) => Promise<void> {
  let copy: TextDocument | undefined;
  return async (text, round) => {
    const doc = opened();
    if (!doc) return;
    const version = -1 - round;
    if (!copy || copy.uri !== doc.uri) copy = TextDocument.create(doc.uri, doc.languageId, version, text);
    else {
      const old = copy.getText();
      let p = 0;
      const max = Math.min(old.length, text.length);
      while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
      let q = 0;
      while (q < max - p && old.charCodeAt(old.length - 1 - q) === text.charCodeAt(text.length - 1 - q)) q++;
      const range = { start: copy.positionAt(p), end: copy.positionAt(old.length - q) };
      copy = TextDocument.update(copy, [{ range, text: text.slice(p, text.length - q) }], version);
    }
    const a = await analyzer.rehearse(copy);
    JSON.stringify({ uri: a.uri, version: a.version, diagnostics: diagnosticsOf(a) });
  };
}
