/**
 * Workspace settings (`planlint.*`) as the server understands them. The client sends them via
 * workspace/configuration (pull) or initializationOptions; anything missing or malformed falls back
 * to the defaults here, so a bare LSP client (no settings at all) still gets every feature.
 */
import { globProblem } from '../node/glob.js';
import { SEVERITY_SETTINGS, type Severity } from '../core/model.js';
import { DEFAULT_MAX_FULL_ANALYSIS_BYTES } from '../core/analyze.js';
import type { DebounceSetting } from './debounce.js';
import { isRecord } from '../node/validate.js';

export type MessageLanguage = 'zh' | 'en' | 'zh-en';
/** as configured: `auto` follows the editor's UI language (the initialize request's locale) */
export type LanguageSetting = MessageLanguage | 'auto';

/**
 * `auto`: Chinese for a Chinese (simplified) UI, English for any other; both when the client did
 * not say (a bare LSP client without locale).
 */
export function resolveLanguage(setting: LanguageSetting, locale: string | undefined): MessageLanguage {
  if (setting !== 'auto') return setting;
  if (!locale) return 'zh-en';
  return /^zh(?:$|[-_](?:cn|sg|hans))/i.test(locale) ? 'zh' : 'en';
}

export interface PlanlintSettings {
  /** requirement sets (bundled names or paths) applied on top of front matter / planlint.yaml */
  requirements: string[];
  /** profile name or path ("" = from planlint.yaml / front matter, else the default) */
  profile: string;
  /**
   * Globs (relative to the workspace folder) of files that are plans. `null` = no filter: every
   * document the client sends is analysed (bare LSP clients).
   */
  include: string[] | null;
  /** a document with plan front matter is a plan even if no include glob matches */
  detectFrontMatter: boolean;
  /** a document named or titled like a plan (工作要点, 工作计划 … core/planname.ts) is a plan */
  detectPlans: boolean;
  /** per-rule severity overrides: { "text/stray-latin": "off" } */
  severity: Record<string, Severity | 'off'>;
  /** diagnostic message language */
  language: MessageLanguage;
  /** delay between the last keystroke and the analysis, in ms, or "auto": from the last analysis's cost (./debounce.ts) */
  debounce: DebounceSetting;
  /** code lenses on level-1 headings */
  codeLens: boolean;
  /** size guard in UTF-8 bytes (core analyze.ts: DEFAULT_MAX_FULL_ANALYSIS_BYTES): above it, structural checks only */
  maxDocumentSize: number;
}

export const defaultSettings: PlanlintSettings = {
  requirements: [],
  profile: '',
  include: null,
  detectFrontMatter: true,
  detectPlans: true,
  severity: {},
  language: 'zh-en',
  debounce: 'auto',
  codeLens: true,
  maxDocumentSize: DEFAULT_MAX_FULL_ANALYSIS_BYTES,
};

const severities = SEVERITY_SETTINGS;

function stringList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
  return undefined;
}

/** Normalises whatever the client sent (possibly null, partial or wrong types). */
export function normaliseSettings(raw: unknown, locale?: string): PlanlintSettings {
  if (!isRecord(raw)) return { ...defaultSettings };
  const s: PlanlintSettings = { ...defaultSettings, severity: {} };
  const req = stringList(raw.requirements);
  if (req) s.requirements = req;
  if (typeof raw.profile === 'string') s.profile = raw.profile.trim();
  if (raw.include !== undefined) {
    // a glob over the complexity limits (node/glob.ts) is dropped: it would hang matching
    const inc = stringList(raw.include)?.filter((g) => !globProblem(g));
    s.include = inc ?? null;
  }
  if (typeof raw.detectFrontMatter === 'boolean') s.detectFrontMatter = raw.detectFrontMatter;
  if (typeof raw.detectPlans === 'boolean') s.detectPlans = raw.detectPlans;
  if (isRecord(raw.severity)) {
    for (const [id, sev] of Object.entries(raw.severity)) {
      if (typeof sev === 'string' && severities.has(sev)) s.severity[id] = sev as Severity | 'off';
    }
  }
  if (raw.language === 'zh' || raw.language === 'en' || raw.language === 'zh-en' || raw.language === 'auto') s.language = resolveLanguage(raw.language, locale);
  if (typeof raw.debounce === 'number' && Number.isFinite(raw.debounce)) {
    s.debounce = Math.max(0, Math.min(5000, Math.round(raw.debounce)));
  } else if (raw.debounce === 'auto') s.debounce = 'auto';
  if (typeof raw.codeLens === 'boolean') s.codeLens = raw.codeLens;
  if (typeof raw.maxDocumentSize === 'number' && Number.isFinite(raw.maxDocumentSize) && raw.maxDocumentSize > 0) {
    s.maxDocumentSize = Math.round(raw.maxDocumentSize);
  }
  return s;
}
