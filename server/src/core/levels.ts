/**
 * Government levels (行政层级) as one type, shared by requirement sets, drafts' front matter,
 * the alignment and the report: 国家 → 省 → 市 → 县/区 → 乡镇/街道. A 区 (district) is at the
 * level of a 县, a 街道 at the level of a 乡镇; 直辖市 are 省-level (their sets say 省).
 */
export type GovLevel = '国家' | '省' | '市' | '县' | '区' | '乡镇' | '街道';

export const GOV_LEVELS: readonly GovLevel[] = ['国家', '省', '市', '县', '区', '乡镇', '街道'];

/** Depth of a level: 国家 0, 省 1, 市 2, 县/区 3, 乡镇/街道 4. */
export const LEVEL_RANK: Readonly<Record<GovLevel, number>> = { 国家: 0, 省: 1, 市: 2, 县: 3, 区: 3, 乡镇: 4, 街道: 4 };

/** The level named by a word: 国家/全国/国务院, 省/自治区/直辖市, 市/州/盟, 县/旗/县级市, 区, 乡/镇, 街道. */
export function parseLevel(s: string | undefined): GovLevel | undefined {
  if (!s) return undefined;
  const t = s.trim();
  if ((GOV_LEVELS as readonly string[]).includes(t)) return t as GovLevel;
  if (/街道/.test(t)) return '街道';
  if (/乡|镇/.test(t)) return '乡镇';
  if (/国/.test(t)) return '国家';
  if (/省|自治区/.test(t)) return '省';
  if (/县|旗/.test(t)) return '县';
  if (/区/.test(t)) return '区';
  if (/市|州|盟/.test(t)) return '市';
  return undefined;
}

/** A level as a report prints it: 省级 / provincial level (labels in the report's language). */
export const LEVEL_NAME: Readonly<Record<GovLevel, { zh: string; en: string }>> = {
  国家: { zh: '国家级', en: 'national level' },
  省: { zh: '省级', en: 'provincial level' },
  市: { zh: '市级', en: 'municipal level' },
  县: { zh: '县级', en: 'county level' },
  区: { zh: '区级', en: 'district level' },
  乡镇: { zh: '乡镇级', en: 'township level' },
  街道: { zh: '街道级', en: 'subdistrict level' },
};

/** Whether two levels are the same tier (县 and 区 are). */
export function sameTier(a: GovLevel, b: GovLevel): boolean {
  return LEVEL_RANK[a] === LEVEL_RANK[b];
}

/** Whether `a` lies below `b` (a 县 below a 省). */
export function isBelow(a: GovLevel, b: GovLevel): boolean {
  return LEVEL_RANK[a] > LEVEL_RANK[b];
}

/** The own-jurisdiction word of a level: 全省, 全市, 全县 … (全国 for 国家). */
export function jurisdictionWord(l: GovLevel): string {
  return l === '国家' ? '全国' : l === '乡镇' ? '全镇' : l === '街道' ? '全街道' : `全${l}`;
}

/**
 * The issuer's level from a text whose title does not say it: the leading bodies it names most
 * (党中央/国务院; 省委/省政府; 市委/市政府; 县委/县政府; 区委/区政府), at least three times.
 * 全国 and 我国 are named at every level, so the bodies decide, not the jurisdiction words.
 */
export function levelFromText(text: string): GovLevel | undefined {
  const counts = new Map<GovLevel, number>();
  for (const m of text.matchAll(/(党中央|国务院)|(省|市|县|区)(?:委|政府|人大|政协)/g)) {
    const l = m[1] ? '国家' : parseLevel(m[2]!)!;
    counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  let best: GovLevel | undefined;
  let n = 2;
  for (const [l, c] of counts) if (c > n) [best, n] = [l, c];
  return best;
}
