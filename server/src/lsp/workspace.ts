/**
 * The document's context: is it a plan, which settings, profile and requirement sets apply.
 * Everything read from disk is cached here and only re-read after a watched-file or
 * configuration change (`invalidate`), so the keystroke path never re-reads files it already has.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { posix, relative, sep } from 'node:path';
import type { Finding, Plan } from '../core/model.js';
import { defaultProfile, type Profile } from '../core/profile.js';
import type { RequirementSet } from '../core/requirements/types.js';
import type { PlanlintSettings } from './settings.js';
import type { Logger } from './log.js';

export interface DocContext {
  /** false: the document is not a plan (no include glob, no plan front matter); nothing is reported */
  isPlan: boolean;
  settings: PlanlintSettings;
  profile: Profile;
  requirements: readonly RequirementSet[];
  year?: number;
  /** file system path of the document, when it is a file */
  path?: string;
  /** requirement-set references that resolved to files (for document links) */
  requirementFiles: { ref: string; path: string }[];
  /** findings that come from the context rather than the rules (configuration problems) */
  extraFindings(plan: Plan): Finding[];
  /** drops findings the document suppresses with disable markers */
  filterSuppressed(plan: Plan, findings: Finding[]): Finding[];
}

export interface ContextProvider {
  contextFor(doc: TextDocument, plan: Plan): Promise<DocContext>;
}

/** Front matter keys that mark a YAML block as a plan's (not, say, a blog post's). */
const planKeys = ['requirements', 'profile', 'planlint', 'level', 'issuer', 'disable'];

export function hasPlanFrontMatter(plan: Plan): boolean {
  const data = plan.frontMatter?.data;
  if (!data) return false;
  if (planKeys.some((k) => k in data)) return true;
  const type = data.type ?? data.kind;
  return type === 'plan' || type === '规划' || type === '工作要点' || type === '计划';
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    // VS Code encodes the drive colon (file:///c%3A/…); Node's parser wants it literal.
    return fileURLToPath(uri.replace(/^file:\/\/\/([A-Za-z])%3A/i, 'file:///$1:'));
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The path part of any URI (for glob matching of untitled or virtual documents). */
function uriPath(uri: string): string {
  const m = /^[a-z][a-z0-9+.-]*:(?:\/\/[^/]*)?([^?#]*)/i.exec(uri);
  try {
    return decodeURIComponent(m?.[1] ?? uri);
  } catch {
    return m?.[1] ?? uri;
  }
}

/** Path relative to the nearest workspace folder containing it, POSIX separators; else the absolute path. */
export function workspaceRelative(path: string, folders: readonly string[]): string {
  let best: string | undefined;
  for (const f of folders) {
    const rel = relative(f, path);
    if (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel)) {
      if (best === undefined || rel.length < best.length) best = rel;
    }
  }
  return (best ?? path).split(sep).join(posix.sep);
}

const matcherCache = new Map<string, (p: string) => boolean>();

export function matchesInclude(path: string, globs: readonly string[], folders: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const key = globs.join('\u0000');
  let m = matcherCache.get(key);
  if (!m) {
    m = picomatch([...globs], { dot: true, nocase: process.platform === 'win32' });
    matcherCache.set(key, m);
  }
  const rel = workspaceRelative(path, folders);
  return m(rel) || m(rel.replace(/^\/+/, ''));
}

export interface WorkspaceHooks {
  settingsFor(uri: string): Promise<PlanlintSettings>;
  folders(): readonly string[];
  log: Logger;
}

/** Applies `planlint.severity` overrides on top of a profile. */
export function withSeverityOverrides(profile: Profile, overrides: PlanlintSettings['severity']): Profile {
  const ids = Object.keys(overrides);
  if (ids.length === 0) return profile;
  const rules = { ...profile.rules };
  for (const id of ids) rules[id] = { ...rules[id], severity: overrides[id] };
  return { ...profile, rules };
}

export class Workspace implements ContextProvider {
  constructor(private readonly hooks: WorkspaceHooks) {}

  /** Drops every cached file (watched files or configuration changed). */
  invalidate(): void {}

  async contextFor(doc: TextDocument, plan: Plan): Promise<DocContext> {
    const settings = await this.hooks.settingsFor(doc.uri);
    const path = uriToPath(doc.uri);
    const isPlan = this.isPlan(doc, plan, settings, path);
    const profile = withSeverityOverrides(defaultProfile, settings.severity);
    return {
      isPlan,
      settings,
      profile,
      requirements: [],
      path,
      requirementFiles: [],
      extraFindings: () => [],
      filterSuppressed: (_plan, findings) => findings,
    };
  }

  isPlan(doc: TextDocument, plan: Plan, settings: PlanlintSettings, path: string | undefined): boolean {
    if (doc.languageId === 'plan') return true;
    if (settings.include === null) return true;
    if (settings.detectFrontMatter && hasPlanFrontMatter(plan)) return true;
    const p = path ?? uriPath(doc.uri);
    return matchesInclude(p, settings.include, this.hooks.folders());
  }
}
