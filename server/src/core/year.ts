/**
 * The plan year as a setting says it (front matter `year`, planlint.yaml `meta.year`): one reading,
 * validated once, for the host (node/frontmatter.ts) and the core (indicators' plan year, the
 * alignment's draft year). Years named in the text are read by their own stages (the plan year of
 * 工作要点/计划 wording: indicators/context.ts planYearOf; the title's: align/part.ts draftYear).
 */

/** The years a plan can have (schemas/frontmatter.schema.json: `year`). */
export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;

/**
 * A year setting: an integer, or four digits in a string (as YAML gives `year: "2021"`), within
 * MIN_YEAR…MAX_YEAR; anything else is no year (the schema reports it as a located problem).
 */
export function readYear(value: unknown): number | undefined {
  const y = typeof value === 'number' ? value : typeof value === 'string' && /^\d{4}$/.test(value.trim()) ? Number(value.trim()) : undefined;
  return y !== undefined && Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR ? y : undefined;
}

/** The year of a document's front matter, when it states a valid one. */
export function frontMatterYear(plan: { frontMatter?: { data?: Record<string, unknown> } }): number | undefined {
  return readYear(plan.frontMatter?.data?.['year']);
}

/**
 * The last year of a five-year plan named by its numeral (十四五 → 四 → 2025; 十一五 → 2010), or
 * undefined for anything else: the one reading of “十X五” for deadlines, titles and time frames.
 */
export function fiveYearPlanEnd(numeral: string): number | undefined {
  const n = numeral.length === 1 ? '一二三四五六七八九'.indexOf(numeral) : -1;
  return n < 0 ? undefined : 2010 + 5 * n;
}
