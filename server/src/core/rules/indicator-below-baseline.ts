import type { Rule, RuleContext } from '../rule.js';
import { parsePlan } from '../parse.js';
import { planYear, quantities, type QuantityStatement } from '../proofread/context.js';
import { analyzeQuantities } from '../indicators.js';
import { decimals } from '../indicators/numbers.js';

/**
 * A target set below what has already been achieved: the review part of the same document says
 * 2020年…接种率达到95%, the plan part sets …接种率达到90%以上; or the previous year's summary named
 * by front matter `baseline:` (read by the host) reports more than the target asks.
 * Compared: levels only — rates and shares (…率, 比例, 占比, 比重, 覆盖面 in %, ‰ or per 10万) with
 * the same name (after dropping 全市/全县/年度 … prefixes) and unit; a floor (达到, 不低于, 以上)
 * below the achieved value is reported.
 * Errs towards misses. Not compared: flows and counts (城镇新增就业1100万人以上 after 1361万 achieved
 * is how annual targets are set, corpus 02/04/06), ceilings (失业率5%以内 after 4.6%, 死亡率控制在
 * …以下: macro and health targets keep a margin), changes and ranges, growth rates, an achieved value
 * that rounds to the floor at the precision the target is written in (稳定在95%以上 after 95.1%: a
 * floor in whole percents is met by what rounds to it, GB/T 8170 — the level is kept), names shorter
 * than six characters (县域就诊率 says nothing of whose: seed 002 reports 98.69% for the poor and
 * plans 90% for everyone), and a name achieved with two different values.
 */
const LEVEL_NAME = /(?:率|比例|占比|比重|覆盖面)$/;
const LEVEL_UNIT = new Set(['%', '‰', '/10万', '/万', '/千', '/1000', '/10000', '/100000']);
const NOT_LEVEL = /增长|增速|增幅|涨幅|失业|下降|降低|减少|提高率/;
const MIN_NAME = 6;

function isLevel(q: QuantityStatement): boolean {
  return q.name.length >= MIN_NAME && LEVEL_NAME.test(q.name) && LEVEL_UNIT.has(q.unit) && !NOT_LEVEL.test(q.name);
}
const PREFIX = /^(?:全省|全市|全县|全区|全州|全旗|全镇|本地区|我省|我市|我县|我区|年度|年内|当年|今年|全年|力争|确保|进一步|持续|稳定|不断|努力|要|将)+/;

function key(q: QuantityStatement): string {
  return q.name.replace(/\s+/g, '').replace(PREFIX, '') + '|' + q.unit;
}

interface Achieved {
  value: number;
  where: string;
}

function achievedValues(list: readonly QuantityStatement[], where: string, into: Map<string, Achieved | null>): void {
  for (const q of list) {
    if (q.kind !== 'achieved' || !q.name || !isLevel(q)) continue;
    if (q.op === 'increase' || q.op === 'decrease' || q.op === 'range' || q.value2 !== undefined) continue;
    const k = key(q);
    const old = into.get(k);
    if (old === undefined) into.set(k, { value: q.value, where });
    else if (old && old.value !== q.value) into.set(k, null); // two values: no comparison
  }
}

/** `v` rounded to `places` decimals (half up). */
function roundTo(v: number, places: number): number {
  const f = 10 ** places;
  return Math.round(v * f + 1e-9) / f;
}

function check(ctx: RuleContext): void {
  const qs = quantities(ctx);
  const achieved = new Map<string, Achieved | null>();
  achievedValues(qs, 'document', achieved);
  if (ctx.baseline) {
    const base = parsePlan(ctx.baseline.text, {}, ctx.session);
    achievedValues(analyzeQuantities(base, ctx.session).quantities, ctx.baseline.name, achieved);
  }
  if (achieved.size === 0) return;
  const year = planYear(ctx);
  for (const q of qs) {
    if (q.kind !== 'target' || !q.name || !isLevel(q)) continue;
    const a = achieved.get(key(q));
    if (!a) continue;
    const floor = q.op === 'ge' || q.op === 'gt' || (q.op === 'eq' && /达到|实现|保持|提高到|提升到|不低于/.test(q.comparator));
    if (!floor || q.value >= a.value || roundTo(a.value, decimals(q.value)) <= q.value) continue;
    const fromDoc = a.where === 'document';
    ctx.report({
      ...q.valueSpan,
      message: {
        zh: `${year ? `${year}年` : ''}目标“${q.text}”低于${fromDoc ? '本文回顾部分' : `基线文件 ${a.where} `}已实现的${a.value}${q.unit}`,
        en: `the ${year ? `${year} ` : ''}target "${q.text}" is below the ${a.value}${q.unit} already achieved (${fromDoc ? 'review part of this document' : `baseline ${a.where}`})`,
      },
      data: { name: q.name, target: q.value, achieved: a.value, unit: q.unit, baseline: fromDoc ? undefined : a.where },
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'indicator/below-baseline',
    description: {
      zh: '目标低于已实现水平：计划部分的目标低于本文回顾部分（或文首元数据 baseline 指定的上年总结）所报告的同一指标的实际值（如已达95%、又定“达到90%以上”）；宁漏勿误：仅比较名称、单位完全相同的指标，增幅、区间和有两个实际值的指标不比较',
      en: 'A target below what is already achieved: a plan-part target below the value the review part (or the previous year’s summary named by front matter `baseline:`) reports for the same indicator; errs towards misses: only identical names and units are compared',
    },
    severity: 'warning',
    tags: ['indicator'],
    fixable: false,
    docs: {
      zh: '**说明**：基线为本文回顾部分报告的实际值，或文首元数据 `baseline:` 指定的上年总结（相对文稿的路径，UTF-8，须位于工作区内；命令行与语言服务器均读取，语言服务器在该文件改动后重新检查；读不到或位于工作区之外时在 `baseline` 处报 config/front-matter 错误）。只比较水平类指标（…率、比例、占比、比重，单位 %、‰、/10万），且名称（去掉“全市”“年度”等前缀后）与单位完全相同、名称不少于6字。宁漏勿误：流量与数量（城镇新增就业等年度目标常低于上年实绩）、上限目标（失业率、死亡率“控制在…以下”留有余地）、增幅、区间、有两个实际值的指标均不比较。\n\n**来源与扩展**：无词表：指标名称、数值与单位取自指标提取（server/src/core/indicators），水平类指标的判断（…率、比例、占比、比重）写在 server/src/core/rules/indicator-below-baseline.ts 中；扩展时在该文件中增加，并在 test/rules/indicator-below-baseline.cases.ts 中补充正反例。上年总结由文首元数据 `baseline:` 指定，无需配置。',
      en: "**Notes**: the baseline is the review part of the same document, or the previous year's summary named by front matter `baseline:` (relative to the draft, UTF-8, inside the workspace; read by the CLI and the language server, which re-checks the draft when the file changes; a file that cannot be read or lies outside the workspace is an error at the `baseline` key). Only levels (rates and shares in %, ‰, per 10万) with identical names of six characters or more and units are compared; floors only. Errs towards misses: flows, counts, ceilings, changes and ranges are not compared. **Source and extending**: no list: names, values and units come from the indicator reader (server/src/core/indicators); which indicators are levels (…率, 比例, 占比, 比重) is written in server/src/core/rules/indicator-below-baseline.ts, extended there with cases in test/rules/indicator-below-baseline.cases.ts. The previous summary is named per draft by front matter `baseline:`.",
    },
    examples: [
      {
        bad: '一、2020年工作回顾\n全市适龄儿童免疫规划疫苗接种率达到95%，累计完成了各项任务。\n二、2021年工作安排\n适龄儿童免疫规划疫苗接种率达到90%以上。',
        good: '一、2020年工作回顾\n全市适龄儿童免疫规划疫苗接种率达到95%，累计完成了各项任务。\n二、2021年工作安排\n适龄儿童免疫规划疫苗接种率保持在95%以上。',
      },
    ],
  },
  check,
};
