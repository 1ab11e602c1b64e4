/**
 * Links from a diagnostic's code to the rule's documentation: docs/rules.md shipped next to the
 * server (repository: docs/rules.md; extension package: <extension>/docs/rules.md). A local file,
 * never the network; no link when the file is not there.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules } from '../core/rules/index.js';

declare const __dirname: string | undefined;

let docsUrl: string | null | undefined;

function rulesDocUrl(): string | undefined {
  if (docsUrl === undefined) {
    docsUrl = null;
    const here = typeof __dirname === 'string' ? __dirname : undefined;
    // the bundle runs from server/dist/
    for (const rel of here ? ['../../docs/rules.md', '../docs/rules.md'] : []) {
      const p = resolve(join(here!, rel));
      if (existsSync(p)) {
        docsUrl = pathToFileURL(p).href;
        break;
      }
    }
  }
  return docsUrl ?? undefined;
}

const ruleIds = new Set(allRules.map((r) => r.meta.id));

/** `file:///…/docs/rules.md#numberingstyle` for a bundled rule, else undefined. */
export function ruleDocHref(ruleId: string): string | undefined {
  if (!ruleIds.has(ruleId)) return undefined;
  const url = rulesDocUrl();
  // the heading anchor as Markdown renderers make it: lower case, "/" dropped
  return url ? `${url}#${ruleId.toLowerCase().replace(/[^a-z0-9-]/g, '')}` : undefined;
}
