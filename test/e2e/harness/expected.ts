/**
 * What a reader sees in the seed texts, derived from the text itself (independently of planlint's
 * parser), so that the end-to-end assertions do not copy the tool's own output.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './codeServer.js';

export function seedName(prefix: string): string {
  const name = readdirSync(join(repoRoot, 'seeds')).find((f) => f.startsWith(prefix + '_'));
  if (!name) throw new Error(`no seed ${prefix}`);
  return name;
}

export function seedText(prefix: string): string {
  return readFileSync(join(repoRoot, 'seeds', seedName(prefix)), 'utf8');
}

export function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const cn = '[一二三四五六七八九十]+';

/** 0-based lines that open with a half-width bracketed level-2 number such as "(一)". */
export function halfWidthLevel2Lines(text: string): { line: number; numeral: string }[] {
  const re = new RegExp(`^\\s*\\((${cn})\\)`);
  return lines(text).flatMap((l, i) => {
    const m = re.exec(l);
    return m ? [{ line: i, numeral: `(${m[1]})` }] : [];
  });
}

/** Level-1 headings "一、…" (0-based line, full heading text). */
export function level1Headings(text: string): { line: number; number: string; text: string }[] {
  const re = new RegExp(`^(${cn})、\\S`);
  return lines(text).flatMap((l, i) => {
    const m = re.exec(l.trim());
    return m ? [{ line: i, number: m[1]!, text: l.trim() }] : [];
  });
}

/**
 * Numbered items "1." … under each level-1 heading: a line that starts with a number and a
 * full stop that is not a decimal point ("4.5‰" on a wrapped line is not an item).
 */
export function itemsBySection(text: string): { heading: string; items: { line: number; number: number }[] }[] {
  const heads = level1Headings(text);
  const all = lines(text);
  return heads.map((h, k) => {
    const end = heads[k + 1]?.line ?? all.length;
    const items: { line: number; number: number }[] = [];
    for (let i = h.line + 1; i < end; i++) {
      const m = /^(\d{1,2})[.．](?!\d)\S/.exec(all[i]!.trim());
      if (m) items.push({ line: i, number: Number(m[1]) });
    }
    return { heading: h.text, items };
  });
}

export function hasChinese(s: string): boolean {
  return /[\u4e00-\u9fff]/.test(s);
}

/** The themes of the bundled Henan 2021 requirement set, read from its YAML. */
export function henanThemes(): { id: string; title: string }[] {
  const doc = parse(readFileSync(join(repoRoot, 'server', 'sets', 'henan-2021.yaml'), 'utf8')) as { themes?: { id: string; title: string }[] };
  return (doc.themes ?? []).map((t) => ({ id: t.id, title: t.title }));
}
