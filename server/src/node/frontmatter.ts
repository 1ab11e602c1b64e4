/**
 * A draft's front-matter metadata (title, year, level, issuer, requirements, profile), validated
 * against schemas/frontmatter.schema.json. Nothing here throws for bad input: every mistake is a
 * located ConfigProblem and the valid fields are still used.
 */
import { GOV_LEVELS, type GovLevel } from '../core/levels.js';
import type { FrontMatter } from '../core/model.js';
import type { LineIndex, Range, Span } from '../core/text.js';
import { readYear } from '../core/year.js';
import type { Located } from './config.js';
import type { ConfigProblem } from './problems.js';
import { isRecord, nodeSpan, parseYaml, validateDoc, type LocateContext } from './validate.js';

export type GovernmentLevel = GovLevel;

export interface DraftMeta {
  title?: string;
  year?: number;
  level?: GovernmentLevel;
  issuer?: string;
  requirements: Located<string>[];
  profile?: Located<string>;
}

/**
 * Validates a draft's front matter against schemas/frontmatter.schema.json. Problems are located
 * in the draft (rule id `config/front-matter`); unknown keys are warnings (the block may be shared
 * with other tools), everything else is an error. Valid fields are returned even when others fail.
 */
export function frontMatterMeta(fm: FrontMatter | undefined, index: LineIndex, file: string): { meta: DraftMeta; problems: ConfigProblem[] } {
  const meta: DraftMeta = { requirements: [] };
  if (!fm) return { meta, problems: [] };
  const ctx: LocateContext = { file, index, base: fm.sourceStart, ruleId: 'config/front-matter', unknownKeySeverity: 'warning' };
  const parsed = parseYaml(fm.source, { ...ctx });
  const problems = [...parsed.problems];
  if (!parsed.doc || parsed.problems.length) return { meta, problems };
  const data = parsed.data;
  const doc = parsed.doc;
  if (data === null || data === undefined) return { meta, problems };
  if (!isRecord(data)) {
    problems.push({
      file,
      range: index.rangeOf({ start: fm.sourceStart, end: fm.sourceStart + fm.source.replace(/\s+$/, '').length }),
      ruleId: 'config/front-matter',
      severity: 'error',
      message: {
        zh: '文首元数据应为 YAML 映射（title、year、level、issuer、requirements、profile、disable）',
        en: 'front matter must be a YAML mapping (title, year, level, issuer, requirements, profile, disable)',
      },
    });
    return { meta, problems };
  }
  for (const q of validateDoc('frontmatter', data, doc, ctx)) problems.push(q);
  const rangeOf = (s: Span | undefined): Range | undefined => (s ? index.rangeOf({ start: fm.sourceStart + s.start, end: fm.sourceStart + s.end }) : undefined);
  if (typeof data['title'] === 'string') meta.title = data['title'];
  if (typeof data['issuer'] === 'string') meta.issuer = data['issuer'];
  const year = readYear(data['year']);
  if (year !== undefined) meta.year = year;
  if (typeof data['level'] === 'string' && (GOV_LEVELS as readonly string[]).includes(data['level'])) meta.level = data['level'] as GovernmentLevel;
  if (typeof data['profile'] === 'string' && data['profile'].trim())
    meta.profile = { value: data['profile'].trim(), range: rangeOf(nodeSpan(doc, ['profile'])) };
  const req = data['requirements'];
  if (typeof req === 'string' && req.trim()) meta.requirements.push({ value: req.trim(), range: rangeOf(nodeSpan(doc, ['requirements'])) });
  else if (Array.isArray(req)) {
    req.forEach((r, i) => {
      if (typeof r === 'string' && r.trim()) meta.requirements.push({ value: r.trim(), range: rangeOf(nodeSpan(doc, ['requirements', i])) });
    });
  }
  return { meta, problems };
}
