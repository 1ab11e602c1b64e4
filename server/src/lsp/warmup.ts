/**
 * Warm-up: right after `initialized`, the server analyses a built-in sample plan a few times, off
 * the critical path, so that V8 has compiled (and begun to optimise) the parser, the indicator
 * scanner, every rule, the alignment and the diagnostic conversion before the user's first
 * keystrokes. Without it the first keystrokes after opening a document cost two to four times a
 * warm one (V8 compiles each function lazily, on its first call).
 *
 * It runs in a session of its own (never the server's: the sample's paragraphs must not push a
 * draft's paragraphs out of the server's memos), one analysis per event-loop turn, and only while
 * the server has nothing else to do: it stops as soon as a document is open (`busy`), whose own
 * analyses then warm the code — measured under load, a warm-up competing with the first
 * document's analysis made its open → diagnostics slower, not faster. Nothing it computes is kept.
 * `PLANLINT_NO_WARMUP=1` turns it off (to measure what it saves).
 */
import { analyzeDocument, createSession } from '../core/analyze.js';
import type { RequirementSet } from '../core/requirements/types.js';
import { listBundledSets, resolveRequirementSets } from '../node/requirements.js';
import { toDiagnostic } from './convert.js';
import type { Logger } from './log.js';

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

/** Rounds of the warm-up: the first compiles, the later ones let V8 optimise the hot functions. */
export const WARM_UP_ROUNDS = 12;

/** How long after `initialized` the warm-up starts (ms). */
export const WARM_UP_DELAY_MS = 50;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A bundled requirement set for the alignment rules (none if no set is bundled). */
function sampleRequirements(): readonly RequirementSet[] {
  const name = listBundledSets()[0];
  return name ? resolveRequirementSets([name], { baseDir: process.cwd() }).sets : [];
}

/**
 * Analyses WARM_UP_SAMPLE `rounds` times in a session of its own, yielding to the event loop
 * before each round. Never throws: a failure is logged and ends the warm-up.
 */
export async function warmUp(
  log: Logger,
  { rounds = WARM_UP_ROUNDS, busy = () => false, delayMs = WARM_UP_DELAY_MS }: { rounds?: number; busy?: () => boolean; delayMs?: number } = {},
): Promise<WarmUpReport | undefined> {
  if (process.env.PLANLINT_NO_WARMUP === '1') return undefined;
  try {
    // an editor that starts the server for an opened document sends didOpen right after
    // initialized: give it the chance to come first
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (busy()) {
      log.info('warm-up skipped: a document is already open');
      return undefined;
    }
    const requirements = sampleRequirements();
    const session = createSession();
    const t0 = performance.now();
    let first = 0;
    let last = 0;
    let done = 0;
    for (let i = 0; i < rounds; i++) {
      if (i > 0) await nextTurn();
      if (busy()) break;
      const t = performance.now();
      // each round a slightly different text, as after a keystroke (the memos see one changed paragraph)
      const text = i % 2 === 0 ? WARM_UP_SAMPLE : WARM_UP_SAMPLE.replace('全面从严治党', '全面从严治党的');
      const a = analyzeDocument(text, { requirements, year: 2024 }, session);
      a.findings.forEach((f, k) => toDiagnostic(f, k, i, k % 2 === 0 ? 'zh-en' : 'zh'));
      last = performance.now() - t;
      if (i === 0) first = last;
      done++;
    }
    const report: WarmUpReport = { rounds: done, millis: performance.now() - t0, first, last };
    log.info(`warm-up: ${done} analyses of the built-in sample in ${report.millis.toFixed(1)} ms (first ${first.toFixed(1)} ms, last ${last.toFixed(1)} ms)`);
    return report;
  } catch (err) {
    log.warn(`warm-up failed (the server works without it): ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}
