import type { Rule, RuleContext } from '../rule.js';
import { crossesLine } from '../indicators.js';
import { matches, paragraphMatches, perParagraph, planYear, spanOf } from '../proofread/context.js';
import { bundledFormulations, type FormulationEntry } from '../proofread/data.js';

/**
 * Misquoted fixed formulations (固定提法) and meeting names:
 * - a known misquote of a formulation's name (四种意识 → 四个意识, 两个拥护 → 两个维护), from the
 *   `variants` of server/data/formulations.yaml;
 * - a wrong member in an enumerated formulation: a list (A、B、C和D) with as many items as the
 *   formulation has members, all but one of them members, and the odd one built like the missing
 *   member (the same last two characters: 文明自信 for 文化自信, 服务意识 for 看齐意识);
 * - a plenary session of the Central Committee by the grammar 届 + N中 + 全会: 十九届五中会议 /
 *   十九届五中大会 → 十九届五中全会 (lists such as 十九届二中、三中、四中、五中全会 are fine);
 * - kind: banned entries (an office's 禁用词): the name itself is reported, with its source.
 * Offices extend the list through the rule's option `formulations` (same shape as the bundled
 * entries; set in a profile file named by planlint.yaml or front matter).
 * Errs towards misses: an enumeration is compared only when its count equals the formulation's and
 * one item differs; a formulation dated after the plan year (`since`) is not applied.
 */
const NUM = '[一二三四五六七八九十]';
const MEETING = new RegExp(`((?:二十|十)?${NUM}?届(?:${NUM}中[、和及]){0,6}${NUM}中)(会议|大会|全体会|全会议)(?!室|厅)`, 'g');
const ITEM_SPLIT = /、|和|及|以及|与/;

function entries(ctx: RuleContext): readonly FormulationEntry[] {
  const extra = ctx.options['formulations'];
  const own = Array.isArray(extra) ? (extra as FormulationEntry[]) : [];
  return own.length ? [...bundledFormulations(), ...own] : bundledFormulations();
}

function sourceNote(e: FormulationEntry): { zh: string; en: string } {
  return { zh: `（依据：${e.source}）`, en: ` (source: ${e.source})` };
}

interface WordIndex {
  re: RegExp;
  byWord: Map<string, { e: FormulationEntry; banned: boolean }>;
}

/** One pattern over every misquote and banned word of a list (longest first); the bundled list's is kept. */
const wordIndexes = new WeakMap<readonly FormulationEntry[], WordIndex | null>();
function wordIndex(list: readonly FormulationEntry[]): WordIndex | null {
  const byWord = new Map<string, { e: FormulationEntry; banned: boolean }>();
  for (const e of list) {
    const banned = e.kind === 'banned';
    for (const w of banned ? [e.name, ...(e.variants ?? [])] : (e.variants ?? [])) if (!byWord.has(w)) byWord.set(w, { e, banned });
  }
  if (byWord.size === 0) return null;
  const alternatives = [...byWord.keys()].sort((x, y) => y.length - x.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { re: new RegExp(alternatives.join('|'), 'g'), byWord };
}

function checkVariants(ctx: RuleContext, list: readonly FormulationEntry[], year: number | undefined): void {
  // the bundled list alone (the common case) keeps its pattern; an office's list is compiled per run
  let idx = wordIndexes.get(list);
  if (idx === undefined) {
    idx = wordIndex(list);
    if (list === bundledFormulations()) wordIndexes.set(list, idx);
  }
  if (!idx) return;
  // the bundled list's pattern is a constant: its matches are kept per paragraph
  const found = list === bundledFormulations() ? paragraphMatches(ctx, idx.re) : matches(ctx.plan.blocks, idx.re);
  for (const { block, m } of found) {
    const w = m[0];
    const { e, banned } = idx.byWord.get(w)!;
    if (e.since !== undefined && year !== undefined && year < e.since) continue;
    const span = spanOf(block, m.index, w.length);
    const src = sourceNote(e);
    ctx.report({
      ...span,
      message: banned
        ? { zh: `“${w}”为禁用词，不宜使用${src.zh}`, en: `"${w}" is on the list of words not to use${src.en}` }
        : {
            zh: `固定提法“${e.name}”误作“${w}”${src.zh}`,
            en: `the fixed formulation "${e.name}" is misquoted as "${w}"${src.en}`,
          },
      fix:
        banned || crossesLine(ctx.plan.text, span)
          ? undefined
          : {
              title: { zh: `改为“${e.name}”`, en: `Change to "${e.name}"` },
              edits: [{ ...span, newText: e.name }],
              safe: false,
            },
      data: { formulation: e.name, written: w, kind: banned ? 'banned' : 'variant' },
    });
  }
}

/**
 * Lists of 3–8 short items separated by 、 (the last possibly by 和/及/与), inside one clause. Every
 * repetition is anchored on a 、 (not a Han character), so matching stays linear on long runs.
 */
const LIST = /[\u4e00-\u9fa5]{2,12}(?:、[\u4e00-\u9fa5]{2,12}){1,7}/g;

interface MemberSlip {
  e: FormulationEntry;
  /** offset of the wrong item in the paragraph */
  at: number;
  wrong: string;
  right: string;
}

/** The items of one list match, with their offsets in it. */
function listItems(raw: string): { text: string; at: number }[] {
  const items: { text: string; at: number }[] = [];
  let pos = 0;
  for (const part of raw.split(ITEM_SPLIT)) {
    const at = raw.indexOf(part, pos);
    items.push({ text: part, at });
    pos = at + part.length;
  }
  return items;
}

/** The one wrong member of a list written like an enumerated formulation, if there is exactly one. */
function slipIn(items: readonly { text: string; at: number }[], e: FormulationEntry): { at: number; wrong: string; right: string } | undefined {
  const members = e.members!;
  // the first and last item may carry words of the sentence around the list (坚定道路自信 …)
  const norm = items.map((it, i) => {
    if (i === 0) {
      const hit = members.find((mb) => it.text.endsWith(mb));
      if (hit) return { text: hit, at: it.at + it.text.length - hit.length };
    }
    if (i === items.length - 1) {
      const hit = members.find((mb) => it.text.startsWith(mb));
      if (hit) return { text: hit, at: it.at };
    }
    return it;
  });
  if (norm.length !== members.length) return undefined;
  const odd = norm.filter((it) => !members.includes(it.text));
  if (odd.length !== 1) return undefined;
  const missing = members.filter((mb) => !norm.some((it) => it.text === mb));
  if (missing.length !== 1) return undefined;
  const wrong = odd[0]!;
  const right = missing[0]!;
  if (wrong.text.length < 2 || wrong.text.slice(-2) !== right.slice(-2) || Math.abs(wrong.text.length - right.length) > 1) return undefined;
  return { at: wrong.at, wrong: wrong.text, right };
}

/** One pattern over every member of the enumerated formulations (their words, escaped). */
function anyMemberPattern(withMembers: readonly FormulationEntry[]): RegExp {
  return new RegExp(withMembers.flatMap((e) => e.members!.map((mb) => mb.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('|'));
}

/**
 * Every list of a paragraph checked against the enumerated formulations (whatever their `since`);
 * `anyMember` is anyMemberPattern(withMembers).
 */
function memberSlips(text: string, withMembers: readonly FormulationEntry[], anyMember: RegExp): MemberSlip[] {
  const out: MemberSlip[] = [];
  if (!text.includes('、')) return out;
  // a list is compared only when all but one of its items are members, so a paragraph that does
  // not hold all but one of a formulation's members has nothing to compare with it (and a paragraph
  // that holds none of them runs no pattern: a start-up cost of the CLI). Most paragraphs hold no
  // member at all: one search for any of them answers for every formulation (a formulation has at
  // least 3 members, so it needs 2 of them) instead of a search for each member: ~60 calls per
  // paragraph, which a short CLI run makes in V8's interpreter (~9 ms for the five seeds)
  if (!anyMember.test(text)) return out;
  const candidates = withMembers.filter((e) => e.members!.filter((mb) => text.includes(mb)).length >= e.members!.length - 1);
  if (candidates.length === 0) return out;
  LIST.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LIST.exec(text))) {
    if (!m[0].includes('、')) continue;
    const items = listItems(m[0]);
    for (const e of candidates) {
      const slip = slipIn(items, e);
      if (slip) out.push({ e, at: m.index + slip.at, wrong: slip.wrong, right: slip.right });
    }
  }
  return out;
}

/** the session key of the bundled list's member slips per paragraph */
const MEMBER_SLIPS: object = Object.freeze({ name: 'text/formulation member slips' });

function checkMembers(ctx: RuleContext, list: readonly FormulationEntry[], year: number | undefined): void {
  const enumerated = list.filter((e) => (e.members?.length ?? 0) >= 3);
  if (!enumerated.some((e) => !(e.since !== undefined && year !== undefined && year < e.since))) return;
  // the bundled list's results are kept per paragraph; an office's list is checked afresh
  const bundled = list === bundledFormulations();
  const anyMember = anyMemberPattern(enumerated);
  for (const block of ctx.plan.blocks) {
    const slips = bundled
      ? perParagraph(ctx, MEMBER_SLIPS, block, (t) => memberSlips(t, enumerated, anyMember))
      : memberSlips(block.text, enumerated, anyMember);
    for (const { e, at, wrong, right } of slips) {
      if (e.since !== undefined && year !== undefined && year < e.since) continue;
      const members = e.members!;
      const span = spanOf(block, at, wrong.length);
      const src = sourceNote(e);
      ctx.report({
        ...span,
        message: {
          zh: `“${e.name}”的内容为${members.join('、')}，此处“${wrong}”应为“${right}”${src.zh}`,
          en: `"${e.name}" is ${members.join('、')}: "${wrong}" should be "${right}"${src.en}`,
        },
        fix: crossesLine(ctx.plan.text, span)
          ? undefined
          : {
              title: { zh: `改为“${right}”`, en: `Change to "${right}"` },
              edits: [{ ...span, newText: right }],
              safe: false,
            },
        data: { formulation: e.name, written: wrong, member: right, kind: 'member' },
      });
    }
  }
}

function checkMeetings(ctx: RuleContext): void {
  for (const { block, m } of paragraphMatches(
    ctx,
    MEETING,
    ctx.plan.blocks.filter((b) => b.text.includes('届')),
  )) {
    const [all, head, tail] = m;
    if (!/届/.test(head!)) continue;
    const fixed = `${head}全会`;
    const span = spanOf(block, m.index, all.length);
    ctx.report({
      ...span,
      message: {
        zh: `中央全会名称应为“${fixed}”，不作“${all}”（届次 + 中 + 全会）`,
        en: `a plenary session of the Central Committee is "${fixed}", not "${all}" (届 + N中 + 全会)`,
      },
      fix: crossesLine(ctx.plan.text, span)
        ? undefined
        : {
            title: { zh: `改为“${fixed}”`, en: `Change to "${fixed}"` },
            edits: [{ ...span, newText: fixed }],
            safe: false,
          },
      data: { written: all, fixed, kind: 'meeting', tail },
    });
  }
}

const ENTRY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'source'],
  properties: {
    name: { type: 'string', minLength: 2 },
    members: { type: 'array', items: { type: 'string', minLength: 1 } },
    variants: { type: 'array', items: { type: 'string', minLength: 2 } },
    kind: { enum: ['formulation', 'meeting', 'banned'] },
    since: { type: 'integer', minimum: 1949, maximum: 2100 },
    source: { type: 'string', minLength: 2 },
  },
};

export const rule: Rule = {
  meta: {
    id: 'text/formulation',
    description: {
      zh: '固定提法与会议名称的误引：“四种意识”应为“四个意识”、“两个拥护”应为“两个维护”、列举中错一项（文明自信→文化自信）、“十九届五中会议”应为“十九届五中全会”；单位可在规则选项 formulations 中增补本单位提法和禁用词。词表见 server/data/formulations.yaml（每条注明出处）；宁漏勿误：列举项数不符或多项不同时不比较',
      en: 'Misquoted fixed formulations and meeting names: 四种意识 → 四个意识, 两个拥护 → 两个维护, a wrong member of an enumerated formulation (文明自信 → 文化自信), 十九届五中会议 → 十九届五中全会; offices add their own 提法 and banned words through the option `formulations`. List: server/data/formulations.yaml (each entry with its source); errs towards misses',
    },
    severity: 'warning',
    tags: ['text'],
    fixable: true,
    docs: {
      zh: '**词表**：`server/data/formulations.yaml`（模式 `schemas/formulations.schema.json`；每条含规范名称 name、列举项 members、常见误写 variants、类别 kind、启用年份 since、出处 source），构建时编译为 `server/data/compiled/formulations.json`。中央全会名称按语法检查（届次 + N中 + 全会），不需逐条列出。\n\n**扩展**：单位自己的提法和禁用词写在规则选项 `formulations` 中（与词表条目同形，`kind: banned` 为禁用词），放在 planlint.yaml 的 `rules:` 或 planlint.yaml / 文首元数据所指的配置文件（profile）中：\n\n```yaml\nrules:\n  text/formulation:\n    options:\n      formulations:\n        - { name: 三个一批, variants: [三个一拨], source: 本单位2021年工作会议 }\n        - { name: 亮点纷呈, kind: banned, source: 本单位文稿规范 }\n```\n\n宁漏勿误：列举只在项数与提法相同且仅一项不同、且该项与缺项结构相同（末两字相同）时比较；计划年度早于 since 的提法不适用。',
      en: "**List**: `server/data/formulations.yaml` (schema `schemas/formulations.schema.json`: name, members, variants, kind, since, source), compiled to `server/data/compiled/formulations.json` at build time. Central Committee plenums are checked by grammar (届 + N中 + 全会). **Extending**: an office adds its own formulations and banned words (`kind: banned`) in the rule option `formulations`, in planlint.yaml's `rules:` or in a profile file it names. Errs towards misses: a list is compared only when it has as many items as the formulation and one item, built like the missing member, differs.",
    },
    examples: [
      { bad: '牢固树立“四种意识”，坚定“四个自信”。', good: '牢固树立“四个意识”，坚定“四个自信”。' },
      { bad: '坚定道路自信、理论自信、制度自信、文明自信。', good: '坚定道路自信、理论自信、制度自信、文化自信。' },
      { bad: '深入学习贯彻党的十九届五中会议精神。', good: '深入学习贯彻党的十九届五中全会精神。' },
      { bad: '坚决做到“两个拥护”。', good: '坚决做到“两个维护”。' },
    ],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        formulations: {
          type: 'array',
          items: ENTRY_SCHEMA,
          description: 'the office’s own formulations and banned words (same shape as server/data/formulations.yaml entries)',
        },
      },
    },
  },
  check(ctx) {
    const list = entries(ctx);
    const year = planYear(ctx);
    checkVariants(ctx, list, year);
    checkMembers(ctx, list, year);
    checkMeetings(ctx);
  },
};
