/**
 * Word lists for quantitative statements: units, comparators, qualifiers and the cue words that
 * tell a target (plan language) from an achieved value (summary language). Data only.
 */
import type { IndicatorOp } from '../model.js';

/**
 * How a comparator relates the name to the value.
 * - ge/le/gt/lt/eq/approx: fixed relation
 * - reach: 达到/提高到/保持在 … (a lower bound when it is a target, the value when achieved)
 * - lower: 降至/控制在 … (an upper bound when it is a target, the value when achieved)
 * - increase/decrease: a change by the value (增长 5%, 下降 2 个百分点)
 */
export type OpClass = Exclude<IndicatorOp, 'range'> | 'reach' | 'lower';

/** Comparators as written, longest first within each prefix family (matched backwards). */
// prettier-ignore
const COMPARATOR_LIST: [string, OpClass][] = [
  ['不低于', 'ge'], ['不少于', 'ge'], ['不小于', 'ge'], ['至少', 'ge'], ['最少', 'ge'], ['最低', 'ge'],
  ['不高于', 'le'], ['不超过', 'le'], ['不多于', 'le'], ['不大于', 'le'], ['最多', 'le'], ['至多', 'le'], ['最高', 'le'],
  ['高于', 'gt'], ['超过', 'gt'], ['突破', 'gt'], ['大于', 'gt'], ['多于', 'gt'],
  ['低于', 'lt'], ['小于', 'lt'], ['少于', 'lt'],
  ['达到了', 'reach'], ['达到', 'reach'], ['达', 'reach'],
  ['提高到', 'reach'], ['提高至', 'reach'], ['提升到', 'reach'], ['提升至', 'reach'],
  ['增长到', 'reach'], ['增长至', 'reach'], ['增加到', 'reach'], ['增加至', 'reach'], ['增至', 'reach'],
  ['上升到', 'reach'], ['上升至', 'reach'], ['扩大到', 'reach'], ['扩大至', 'reach'], ['升至', 'reach'],
  ['保持在', 'reach'], ['维持在', 'reach'], ['稳定在', 'reach'], ['保持', 'reach'],
  ['降至', 'lower'], ['降到', 'lower'], ['降低到', 'lower'], ['降低至', 'lower'], ['下降到', 'lower'],
  ['下降至', 'lower'], ['减少到', 'lower'], ['减少至', 'lower'], ['减至', 'lower'], ['控制在', 'lower'],
  ['控制到', 'lower'], ['压缩到', 'lower'], ['压缩至', 'lower'], ['缩短到', 'lower'], ['缩短至', 'lower'],
  ['提高了', 'increase'], ['增长了', 'increase'], ['增加了', 'increase'], ['上升了', 'increase'],
  ['提高', 'increase'], ['提升', 'increase'], ['增长', 'increase'], ['增加', 'increase'], ['上升', 'increase'],
  ['上调', 'increase'], ['高出', 'increase'], ['扩大', 'increase'],
  // the average change per year over a period (年均增长5%): another indicator than one year's change
  ['年均增长', 'increase'], ['年均增加', 'increase'], ['年均提高', 'increase'], ['年均提升', 'increase'],
  ['年均下降', 'decrease'], ['年均降低', 'decrease'], ['年均减少', 'decrease'],
  // the change on the same period of last year, or on the period before (同比增长5.8%)
  ['同比增长', 'increase'], ['同比提高', 'increase'], ['同比增加', 'increase'], ['同比上升', 'increase'],
  ['同比下降', 'decrease'], ['同比降低', 'decrease'], ['同比减少', 'decrease'],
  ['环比增长', 'increase'], ['环比下降', 'decrease'],
  ['下降了', 'decrease'], ['降低了', 'decrease'], ['减少了', 'decrease'],
  ['下降', 'decrease'], ['降低', 'decrease'], ['减少', 'decrease'], ['下调', 'decrease'], ['缩短', 'decrease'],
  ['压缩', 'decrease'], ['压减', 'decrease'], ['回落', 'decrease'], ['降价', 'decrease'],
  ['延长至', 'reach'], ['延长到', 'reach'], ['延长', 'increase'], ['跃上', 'reach'], ['跃升至', 'reach'], ['跃升到', 'reach'], ['迈上', 'reach'], ['跨上', 'reach'], ['攀升至', 'reach'], ['进入了', 'reach'], ['进入', 'reach'],
  ['至少有', 'ge'], ['最多有', 'le'], ['只能有', 'eq'], ['超', 'gt'], ['逾', 'gt'], ['翻', 'increase'],
  ['再有', 'increase'], ['新增', 'increase'], ['净增', 'increase'], ['净增加', 'increase'], ['净减少', 'decrease'], ['另有', 'increase'], ['还有', 'increase'], ['共有', 'eq'],
  ['约为', 'approx'], ['大约', 'approx'], ['约', 'approx'], ['接近', 'approx'], ['将近', 'approx'], ['近', 'approx'], ['安排', 'eq'],
  ['均为', 'eq'], ['为', 'eq'], ['占', 'eq'],
  // the mathematical signs of tables and formulas (GB 3102.11: ≥ ≤ > <, with the full-width and ≧/⩾ forms)
  ['≥', 'ge'], ['≧', 'ge'], ['⩾', 'ge'], ['>=', 'ge'], ['≤', 'le'], ['≦', 'le'], ['⩽', 'le'], ['<=', 'le'],
  ['>', 'gt'], ['＞', 'gt'], ['<', 'lt'], ['＜', 'lt'],
];

export const COMPARATORS: readonly { text: string; op: OpClass }[] = COMPARATOR_LIST.map(([text, op]) => ({ text, op })).sort(
  (a, b) => b.text.length - a.text.length,
);

/** Qualifiers after the value, longest first, with the relation each implies. */
// prettier-ignore
export const QUALIFIERS: readonly { text: string; op: IndicatorOp }[] = [
  { text: '及以上', op: 'ge' },
  { text: '及以下', op: 'le' },
  { text: '以上', op: 'ge' },
  { text: '以下', op: 'le' },
  { text: '以内', op: 'le' },
  { text: '左右', op: 'approx' },
  { text: '上下', op: 'approx' },
  { text: '之间', op: 'range' },
];

/** Direction a comparator or qualifier bounds the value from: lower bound (≥) or upper bound (≤). */
export function boundOf(op: OpClass | IndicatorOp): 'lower' | 'upper' | undefined {
  if (op === 'ge' || op === 'gt' || op === 'reach') return 'lower';
  if (op === 'le' || op === 'lt' || op === 'lower') return 'upper';
  return undefined;
}

/**
 * Base units, matched after an optional magnitude (万/亿/千) and "余/多". Longest first.
 * Normalised to half-width on output.
 */
// prettier-ignore
export const BASE_UNITS: readonly string[] = [
  // percentages and rates; grades on a scale (耕地质量提高0.5个等级)
  '个百分点', '百分点', '微克/立方米', '毫克/立方米', '毫克/升', '个等级',
  // SI and GB 3100 units, by their Chinese names and symbols
  '吨标准煤', '吨标煤', '千克标准煤', '千克标煤', '蒸吨', '千瓦时', '兆瓦时', '千瓦', '兆瓦', '吉瓦', '瓦',
  '千伏安', '千伏', '伏', '欧', '赫兹', '焦耳', '千焦', '标准立方米',
  '平方公里', '平方千米', '平方米', '立方米', '立方', '公顷', '千米', '公里', '厘米', '毫米', '米',
  '千克', '公斤', '毫克', '微克', '克', '吨', '升', '毫升',
  'km²', 'm²', 'm³', 'm2', 'km', 'kg',
  // 市制
  '亩', '斤', '公亩',
  // currency
  '美元', '欧元', '港元', '元',
  // time
  '个工作日', '工作日', '个月', '小时', '分钟', '秒', '天', '周岁', '岁',
  // measure words (counts)
  '人次', '人份', '台次', '场次', '条次', '剂次', '车次', '户次', '架次', '艘次', '床日', '标箱', '人口',
  '人', '名', '位', '个', '家', '所', '张', '次', '例', '项', '篇', '支', '辆', '艘', '架', '列', '种', '类', '份',
  '件', '宗', '起', '床', '座', '处', '段', '倍', '番', '台', '套', '本', '册', '部', '批', '场', '期', '户', '间',
  '栋', '幢', '条', '门', '株', '棵', '头', '只', '眼', '根', '组', '片', '块', '县', '镇', '乡', '村', '轮', '元/人',
].slice().sort((a, b) => b.length - a.length);

/** Magnitude characters, read in any sequence before a unit: 万, 亿, 万亿, 百亿亿, 千万. */
export const MAGNITUDE_CHARS = '十百千万亿';

/** Units of time: a quantity of these with no comparator is a period, a parameter of the plan. */
export const DURATION_UNITS = new Set(['年', '个月', '月', '天', '日', '周', '小时', '个工作日', '工作日']);

/** Count units a plan verb may govern with its object after them: 建成 5000 个 示范村. */
// prettier-ignore
export const COUNT_OBJECT_UNITS = new Set([
  '个', '家', '所', '座', '条', '项', '部', '批', '户', '套', '张', '台', '辆', '艘', '架', '人', '名', '位', '人次', '次',
  '场', '期', '篇', '件', '宗', '起', '例', '支', '处', '段', '种', '类', '县', '镇', '乡', '村', '栋', '幢', '间', '床',
  '本', '册', '门', '株', '棵', '头', '只', '组', '片', '块', '亩', '公顷', '吨', '千瓦', '公里', '千米', '元', '平方米', '人口', '轮',
]);

/**
 * Verbs of plan and summary language that take a counted object (建成 5000 个示范村, 培育 20 个集群,
 * 推动超 9000 家企业…): the object after the count is the indicator's name. Matched ending right
 * before the count (or before a 超/近/约 that precedes it).
 */
// prettier-ignore
export const COUNT_VERBS: readonly string[] = [
  '新建', '改建', '扩建', '建成', '建设', '建立', '培育', '打造', '创建', '完成', '实施', '改造', '关闭', '关停', '淘汰', '退出', '整合',
  '引进', '招引', '认定', '设立', '组建', '开工', '新开工', '推动', '支持', '扶持', '带动', '吸引', '培训', '招募',
  '安置', '吸纳', '帮扶', '救助', '资助', '选派', '派驻', '遴选', '评选', '命名', '选树', '布局', '设置', '配备', '培养',
  '新办', '开设', '开办', '开通', '新开通', '投用', '投运', '创办', '引育', '储备', '转移', '治理', '修复',
  '整治', '提升', '推广', '覆盖', '惠及', '服务', '救治', '筛查', '接种', '排查', '发放', '落地', '签约', '上市',
  '可设', '应设', '一般设', '新培育', '新认定', '新增', '再有', '另有', '还有', '确定', '选定', '列入',
  // assigning people and inspecting: 指派1名联络员, 抽调10名骨干, 抽查2个县, 抽检200批次
  '指派', '委派', '抽调', '抽查', '抽检', '检查', '督查', '核查', '巡查', '暗访',
  // what funds are spent on: 用于1500万人次以上的职工技能培训
  '用于',
  // providing and delivering to people: 为退役军人提供5万个就业岗位, 选送1000场戏曲进社区, 输送500名毕业生
  '提供', '选送', '输送',
].slice().sort((a, b) => b.length - a.length);

/** Units that only make a statement after a comparator (ages: “5岁以下儿童” is a name, “增长1岁” a statement). */
export const NEEDS_COMPARATOR = new Set(['岁']);

/** Count units: a negative value with these is impossible. */
// prettier-ignore
export const COUNT_UNITS = new Set([
  '人', '名', '个', '家', '所', '张', '床', '座', '处', '台', '套', '本', '场', '户', '间', '辆', '支', '种', '份', '件',
  '艘', '架', '宗', '起', '段', '条', '部', '批', '栋', '幢',
  '例', '项', '篇', '次', '人次', '人份', '台次', '场次', '条次', '剂次', '车次', '户次',
]);

/** Characters after a number that make it a date, time or ordinal rather than a quantity. */
export const DATE_AFTER = /^(?:年|月|日|号|时|点|周年|届|期|级|代|批|季度|期间)/;

/** Characters that may follow a statement's value (after unit and qualifier). */
// prettier-ignore
export const STATEMENT_END = new Set([
  '，', ',', '。', '；', ';', '、', '：', ':', '！', '!', '？', '?', '）', ')', '」', '”', '"', '’', '…', '—', '/',
  '（', '(', '】', '》', '\n',
]);

/** Clause boundaries when looking backwards for the indicator name. */
export const NAME_BOUNDARY = new Set(['，', ',', '。', '；', ';', '：', ':', '！', '!', '？', '?', '、', '\n']);
export const OPENERS = new Set(['（', '(', '“', '「', '《', '【', '[', '‘']);
export const CLOSERS = new Set(['）', ')', '”', '」', '》', '】', ']', '’']);
/** Sentence ends (for deadlines and cue words). */
export const SENTENCE_END = new Set(['。', '；', ';', '！', '!', '？', '?', '\n']);

/**
 * A span of years (五年, 十年来, 3年间, 两年内): how long a review looks back or a plan runs, an
 * adverbial, never a name (the body of a regex; a year such as 2025年 is no span).
 */
export const YEAR_SPAN = '(?:[一二两三四五六七八九十]{1,2}|(?<![0-9])[0-9]{1,2})年(?:来|间|内)?';

/** Words stripped from the start of a name (fillers, subjects, time phrases, enumeration markers). */
export const NAME_LEAD =
  /^(?:[\u2460-\u2473\u2776-\u277f]|拟(?:安排|发行|新增)|[一二三四五六七八九十]{1,3}(?:是|要|方面)|第[一二三四五六七八九十百]{1,4}条|[0-9]{1,2}[.．、]|（[0-9一二三四五六七八九十]{1,3}）|其中|同时|并且|此外|另外|第一时间|按照|依照|按|高出|高于|低于|超出|超过|截至目前|截止目前|截至|截止|今年以来|今年|目前|全年|年内|年底前|年底|年末|(?:到|至|在)?(?:19|20)[0-9]{2}年(?:底|末|度|全年)?(?:前)?|(?:全市|全省|全县|全区|全国|我市|我省|我县|我区|我委)(?:共|累计)?|确保|力争|努力|争取|计划|预计|全力|实现|推动|促进|累计|共计|已经|逐步|进一步|持续|通过|使(?!用)|让|并|且|共(?![享建同青产])|已(?!婚)|在(?![岗院职线校册编建床管])|将|要(?![素求])|把|对(?![象口调])|均(?![衡等匀值])|都|再(?![生婚])|还(?!款))/;

/** Words stripped from the end of a name (checked with endsWith: anchored-at-end regexes scan). */
// prettier-ignore
export const NAME_TRAIL_WORDS: readonly string[] = [
  '的', '分别', '均', '都', '也', '再', '将', '要', '已经', '已', '累计', '共', '全部', '基本', '稳定', '持续',
  '进一步', '力争', '确保', '逐步', '仍', '始终', '提前', '进行', '平均', '总计', '合计', '一般', '拟按', '拟安排', '拟', '首次',
  // 年均增长7%: the average is the comparator's adverbial (the name is what grows), 年 with it
  '年均', '同比', '环比',
  // modal auxiliaries and adverbs of obligation before the comparator (距离不得小于6.5米, 最迟不得超过1小时)
  '不得', '不应', '不宜', '应当', '必须', '务必', '最迟',
  // an approximation before the comparator (财政收入接近翻一番, 将近达到…)
  '接近', '将近',
].sort((a, b) => b.length - a.length);

/**
 * Words of a list by their last character, each bucket in the list's order: a test of a string's
 * end looks at the few words that end with its last character (nameTrail runs for every name the
 * reader trims; a loop over the whole list ran in V8's interpreter in a short CLI run).
 */
function byLastChar(words: readonly string[]): Map<number, readonly string[]> {
  const out = new Map<number, string[]>();
  for (const w of words) {
    const last = w.charCodeAt(w.length - 1);
    const bucket = out.get(last);
    if (bucket) bucket.push(w);
    else out.set(last, [w]);
  }
  return out;
}

const NAME_TRAIL_BY_LAST = byLastChar(NAME_TRAIL_WORDS);
const NO_WORDS: readonly string[] = [];

/** Length of a trailing filler word of `s` (0 when none); 人均/平均 keep their 均, 年均 goes whole. */
export function nameTrail(s: string, start = 0, end = s.length): number {
  if (end <= start) return 0;
  for (const w of NAME_TRAIL_BY_LAST.get(s.charCodeAt(end - 1)) ?? NO_WORDS) {
    const at = end - w.length;
    if (at >= start && s.startsWith(w, at)) {
      if (w === '均' && at > start && (s[at - 1] === '人' || s[at - 1] === '平')) continue;
      return w.length;
    }
  }
  return 0;
}

/** Names that only point at a target elsewhere (“省目标为 55%”): not indicators by themselves. */
export const GENERIC_NAME = /^(?:[省市县区]定?|国家|全国|上级|年度)?(?:下达的?)?(?:工作)?(?:目标|指标)(?:任务|值)?$/;

/** A name ending that marks a measurable quantity (rate, share, count, amount …). */
// prettier-ignore
export const METRIC_WORDS: readonly string[] = [
  '率', '比例', '比重', '占比', '比', '数', '量', '额', '费', '经费', '资金', '指数', '寿命', '水平', '时间', '时限',
  '住院日', '收入', '金额', '面积', '规模', '覆盖面', '人数', '床位',
];

const METRIC_BY_LAST = byLastChar(METRIC_WORDS);

export function isMetricName(s: string): boolean {
  if (s.length === 0) return false;
  for (const w of METRIC_BY_LAST.get(s.charCodeAt(s.length - 1)) ?? NO_WORDS) if (s.endsWith(w)) return true;
  return false;
}

/** A name ending that marks an entity (for 分别 lists: “A、B机构……占比分别……”). */
export const ENTITY_END = /(?:院|机构|中心|站|室|所|局|委|校|园|县|市|区|乡|镇|村|人口|儿童|妇女|人群|患者|居民|医师|护士|医生)/g;

/** Per-capita prefixes carried over in lists (“每千人口拥有床位数、医师数……”). */
export const PER_CAPITA_PREFIX = /^(?:每[十百千万]?(?:常住)?人口(?:拥有)?|人均)/;

/** Strong sentence-level cues. */
export const TARGET_CUE = /力争|确保|(?<![动作划展])计划(?![生单])|预计|力求|拟(?!按|发行|安排)|逐步|争取(?=到|在|于|实现|达)/g;
export const ACHIEVED_CUE = /累计(?!建成|完成|新增|培育|实现)|已经|已(?!婚)|截[至止](?!(?:19|20)[0-9]{2}年)|今年以来|目前|现有|完成了|实现了|达到了|均为/g;
/**
 * Cues of a policy parameter, neither a target nor a result: a budget proposal (拟按 3% 安排, 拟发行),
 * a rule's norm (一般设, 不得小于, 必须, 应当), a subsidy or award amount (给予补助 10 万元), a notice's
 * request to its recipients (请就…确定一名联络员: how the procedure is done; a deadline nearer the value
 * still makes it a target).
 */
export const PARAMETER_CUE =
  /拟(?:按|发行|安排)|(?<![申邀提报聘呈])请(?=各|就|于|按)|一般(?=设|为|在|应|不|由|分别)|可设|应设|可按|只能|(?<![建开增新架敷铺假预])设(?=[0-9０-９]|(?![立置计施备想])[\u4e00-\u9fff]{1,6}[0-9０-９一二两三四五六七八九十]{1,3}[名人个位])|不得|不应|不宜|应当|应在|必须|给予|(?:最高|一次性)(?:补助|补贴|奖励)|奖补|延长|有效期|期限为/g;
/**
 * Broad cues for scoring whole sections and paragraphs (summary language vs plan language),
 * in one pattern: group 1 is summary language, group 2 plan language.
 */
export const SCORE_CUES =
  /(累计|已经|已(?!婚)|截[至止](?!(?:19|20)[0-9]{2}年)|今年以来|目前|完成了|实现了|达到了|取得|同比|较上年|比上年|圆满|顺利|获得|(?<![为除])了(?!解))|(力争|确保|(?<![动作划展])计划(?![生单])|预计|力求|拟|逐步|将|要(?![求素])|加快|推进|推动|加强|深化|强化|持续|继续|全面实施)/g;

/**
 * Instruments of fiscal, tax and monetary policy: what a plan sets, not what it aims to reach (赤字率拟按
 * 3%安排, 增值税税率降至13%, 财政支出超过23万亿元, 专项债券2.15万亿元, 起征点提高到10万元). A value of
 * one stated in plan language is a parameter; in a review it stays an achieved value. Revenue and
 * lending are outcomes (一般公共预算收入增长4%, 贷款增长30%) and are not listed.
 */
export const POLICY_INSTRUMENT =
  /(?:税率|费率|缴费比例|缴费基数|起征点|赤字率|赤字规模|财政赤字|(?:财政|预算)支出(?:规模)?|转移支付|专项债券|特别国债|国债|预算内投资|存款准备金率)$/;

/** Verbs of inspection: the count they govern in plan language is a sampling quota, a parameter (至少抽查2个县). */
export const SAMPLING_VERB = /抽查|抽检|检查|督查|核查|巡查|暗访/;

/** Section titles that name the part's purpose outright. */
export const TITLE_ACHIEVED = /总结|回顾|完成情况|工作情况|主要成效|主要成绩|取得的成[效绩]|发展基础|工作基础|现实基础|现状/;
export const TITLE_TARGET = /计划|安排|打算|要点|思路|下一步|目标任务|主要目标|重点工作|重点任务/;
/**
 * Words of a title that name a review, broader than TITLE_ACHIEVED: used only to find a title that
 * names both a review and a plan (“十三五”时期发展成就和“十四五”时期主要目标任务), which states no kind.
 */
export const TITLE_REVIEW = /总结|回顾|完成情况|执行情况|进展情况|工作情况|成就|成效|成绩/;
/** A plan word that is the object of a review (2020年计划执行情况, 重点工作完成情况): it names no plan. */
export const REVIEWED_PLAN = /(?:计划|安排|目标任务|主要目标|重点工作|重点任务)(?:的)?(?:完成|执行|落实|进展)(?:情况)?/g;
/**
 * A retrospective time frame opening a paragraph: 过去五年，/ 过去一年，/ 五年来，/ 一年来，/ 去年，/
 * “十三五”时期，/ 2020年，(a period or year before the plan year is checked by the caller, group 1: the
 * year, group 2: the five-year plan's numeral).
 */
export const RETRO_FRAME =
  /^(?:(?:过去|以往)的?[一二三四五六七八九十两]{1,3}年(?:来|以来|间|里|中)?|[一二三四五六七八九十两]{1,3}年(?:来|以来)|去年(?:以来)?|上一年|((?:19|20)[0-9]{2})年(?:以来)?|[“"]?十([一二三四五六七八九])五[”"]?(?:时期|期间|以来))[，,]/;

/** Plan-year phrases: “2021 年工作要点”, “2021年全省卫生健康工作会”. */
export const PLAN_YEAR =
  /((?:19|20)[0-9]{2})\s*年(?:度)?[^，。；\n0-9]{0,14}?(?:工作要点|工作计划|工作安排|重点工作|工作会|工作任务|工作思路|工作报告|计划|要点)/g;
