/**
 * alignment/superior-wording: a lower-level draft that keeps its superior's own-jurisdiction words
 * (全省, 省委省政府 in a county plan) where the sentence is about the draft's own work — the trace of
 * a paragraph copied from the superior without being rewritten for the draft's own level.
 *
 * Runs only when the draft's level is known (front matter or title) and a requirement set of a
 * higher level applies. A sentence that refers to the superior is not reported: the word after a
 * verb of following or ranking (贯彻, 落实, 按照, 根据, 围绕, 融入, 在, 居, 位居, 争当, 走在 …), or
 * before 部署, 要求, 决策, 精神, 第一, 前列, 率先, 排名 … (“落实省委省政府决策部署”, “走在全省前列”).
 */
import type { Rule } from '../rule.js';
import { segmentOffset } from '../text.js';
import { draftLevel } from '../align/part.js';
import { isBelow, LEVEL_NAME, LEVEL_RANK, type GovLevel } from '../levels.js';
import { perParagraphAll } from '../proofread/context.js';

/** The own-jurisdiction words of a level: its 全X and its leading bodies. */
function superiorWords(level: GovLevel): string[] {
  switch (level) {
    case '国家':
      return ['党中央国务院', '党中央、国务院'];
    case '省':
      return ['全省', '省委省政府', '省委、省政府'];
    case '市':
      return ['全市', '市委市政府', '市委、市政府'];
    case '县':
      return ['全县', '县委县政府', '县委、县政府'];
    case '区':
      return ['全区', '区委区政府', '区委、区政府'];
    default:
      return [];
  }
}

/** Before the word (same clause): the sentence follows or ranks against the superior. */
const REFERENCE_BEFORE =
  /(贯彻|落实|按照|根据|遵照|依照|围绕|对标|对照|服务|融入|配合|争当|争创|争取|走在|位居|居于?|列|在|为|向|受|经|获|全面对接|对接|高于|低于|超过|达到)$/;
/** After the word: the superior's deployment, or a ranking. */
const REFERENCE_AFTER =
  /^(的)?(部署|决策|要求|安排|精神|文件|会议|工作会|统一|统筹|批准|考核|表彰|督导|前列|第[一二三四五六七八九十\d]|首位|领先|率先|唯一|平均|均值|排名|范围内|试点|示范|先进|标杆|样板|乃至|和|及|以及|、)/;

/** Heads of a noun phrase that names the superior's own meeting, document or deployment. */
const SUPERIOR_EVENT = /(大会|会议|工作会|座谈会|推进会|现场会|精神|部署|决策|文件|规划|纲要|方案|意见|通知|考核|评比|表彰)/;
/** The word as one of a list of levels ("全国、全省…", "国家和省…"): the levels' own things, not the draft's work. */
const LEVEL_LIST = /(全国|国家|中央)[、和及与]$/;

/** A superior's word in a sentence about the draft's own work: the word and where it stands in the paragraph. */
interface Hit {
  w: string;
  at: number;
}
/** a paragraph's hits by superior level (perParagraph: they depend on its text and the level only) */
type Kept = Map<GovLevel, readonly Hit[]>;
const HITS: object = Object.freeze({ name: 'alignment/superior-wording hits' });

/** The superior words of `level` in `text` that are not a reference to the superior, word by word, in text order. */
function ownWorkHits(text: string, level: GovLevel): Hit[] {
  const out: Hit[] = [];
  for (const w of superiorWords(level)) {
    let at = text.indexOf(w);
    while (at >= 0) {
      // the clause before the word, and what follows it
      let a = at;
      while (a > 0 && !/[，,。；;：:！？、\n]/.test(text[a - 1]!)) a--;
      const before = text.slice(a, at).replace(/\s+/g, '');
      const after = text.slice(at + w.length, at + w.length + 8).replace(/\s+/g, '');
      // the noun phrase the word opens, up to the clause's end: a superior's meeting, document or
      // deployment named by it ("全省卫生健康大会精神", "全国、全省卫生健康工作会议") is a reference
      const phrase = text.slice(at + w.length, at + w.length + 16).split(/[，,。；;：:！？、\n]/)[0]!;
      const reference =
        REFERENCE_BEFORE.test(before) ||
        /(贯彻|落实|按照|根据|围绕|融入|对标)/.test(before) ||
        REFERENCE_AFTER.test(after) ||
        SUPERIOR_EVENT.test(phrase) ||
        LEVEL_LIST.test(text.slice(Math.max(0, at - 3), at));
      if (!reference) out.push({ w, at });
      at = text.indexOf(w, at + w.length);
    }
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'alignment/superior-wording',
    description: {
      zh: '下级草案不应沿用上级本级的用语（如县级计划中讲本县工作时写“全省”“省委省政府”）：多为照抄上级文件未改写',
      en: "A lower-level draft does not keep its superior's own-jurisdiction words (全省, 省委省政府 in a county plan) where the sentence is about the draft's own work: usually text copied from the superior without rewriting",
    },
    severity: 'warning',
    tags: ['alignment'],
    fixable: false,
    examples: [
      {
        bad: '---\nlevel: 县\nrequirements: [henan-2021]\n---\n2021年全县卫生健康工作要点\n\n一、推进中医药传承创新发展\n\n全省新建示范中医馆10个，推动中医药文化进校园。',
        good: '---\nlevel: 县\nrequirements: [henan-2021]\n---\n2021年全县卫生健康工作要点\n\n一、推进中医药传承创新发展\n\n全县新建示范中医馆2个，推动中医药文化进校园，力争走在全省前列。',
        note: {
          zh: '县级计划讲本县工作，应写“全县”；“走在全省前列”是与全省比较，不报告',
          en: 'a county plan speaks of the county (全县); 走在全省前列 compares with the province and is not reported',
        },
      },
    ],
  },
  check(ctx) {
    if (ctx.requirements.length === 0) return;
    const own = draftLevel(ctx.plan);
    if (!own) return;
    // the levels above the draft that a set applies from, nearest first
    const above = [...new Set(ctx.requirements.map((s) => s.level).filter((l): l is GovLevel => l !== undefined && isBelow(own, l)))].sort(
      (a, b) => LEVEL_RANK[b] - LEVEL_RANK[a],
    );
    if (above.length === 0) return;
    const plan = ctx.plan;
    const kept = perParagraphAll(ctx, HITS, (): Kept => new Map());
    for (const level of above) {
      for (let bi = 0; bi < plan.blocks.length; bi++) {
        const b = plan.blocks[bi]!;
        if (b.kind === 'title') continue;
        const byLevel = kept[bi]!;
        let hits = byLevel.get(level);
        if (!hits) byLevel.set(level, (hits = ownWorkHits(b.text, level)));
        for (const { w, at } of hits) {
          const start = segmentOffset(b.segments, at);
          const end = segmentOffset(b.segments, at + w.length - 1) + 1;
          const ownWord = own === '乡镇' || own === '街道' ? '本乡镇（街道）' : `全${own}`;
          ctx.report({
            start,
            end,
            message: {
              zh: `${own}级草案沿用了上级（${level}级）用语“${w}”，此句讲的是本级工作：应改为“${w.startsWith('全') ? ownWord : `${own}委${own}政府`}”等本级表述`,
              en: `a draft of ${LEVEL_NAME[own].en} keeps the superior's (${LEVEL_NAME[level].en}) wording "${w}" in a sentence about its own work: use its own level's wording ("${w.startsWith('全') ? ownWord : `${own}委${own}政府`}")`,
            },
            data: { word: w, superiorLevel: level, draftLevel: own },
          });
        }
      }
    }
  },
};
