/**
 * Structure parser: text → lines → blocks (paragraphs, joining PDF hard wraps) → sections and
 * inline enumerations → indicators. Pure and linear in the size of the text. Each stage lives in
 * `parse/` and returns records in document offsets.
 */
import { createSession, type AnalysisSession } from './session.js';
import type { FrontMatter, Plan } from './model.js';
import { LineIndex } from './text.js';
import { extractIndicators } from './indicators.js';
import { parseFrontMatter } from './parse/frontmatter.js';
import { buildBlocks, markTitles } from './parse/blocks.js';
import { splitInlineHeadings } from './parse/inline.js';
import { buildSections, detectContinuity } from './parse/sections.js';
import { findEnumerations } from './parse/enumerations.js';

export { parseFrontMatter } from './parse/frontmatter.js';
export { descendantsAtLevel } from './parse/sections.js';

export interface ParseOptions {
  /** extract quantitative indicators (default true; off for the structural-only analysis of huge drafts) */
  indicators?: boolean;
}

/**
 * Parses a draft in `session` (default: a fresh one; see ./session.ts), which begins a new
 * analysis there: the paragraph memos keep what this one and the previous one use.
 */
export function parsePlan(text: string, options: ParseOptions = {}, session: AnalysisSession = createSession()): Plan {
  session.beginAnalysis();
  const index = new LineIndex(text);
  const frontMatter = parseFrontMatter(text);
  const firstLine = frontMatter ? index.lineAt(frontMatter.end) + (frontMatter.end >= text.length ? 1 : 0) : 0;
  const blocks = splitInlineHeadings(buildBlocks(text, index, firstLine), index, session);
  markTitles(blocks);
  const { sections, allSections, owner } = buildSections(blocks, index);
  const enumerations = findEnumerations(blocks, owner);
  const level3Continuous = detectContinuity(sections);
  const level2Continuous = detectContinuity(sections, 2);
  const base = { text, index, frontMatter, blocks, sections, allSections, enumerations, level3Continuous, level2Continuous };
  if (!frontMatter) delete (base as { frontMatter?: FrontMatter }).frontMatter;
  return { ...base, indicators: options.indicators === false ? [] : extractIndicators(base, session) };
}
