/**
 * Links from a diagnostic's code to the rule's own section of docs/rules.md shipped next to the
 * server (repository: docs/rules.md; extension and npm packages: <package>/docs/rules.md). A local
 * file, never the network; no link when the file is not there. The VS Code extension opens these
 * links in the rendered Markdown preview at the rule's anchor (client/src/ruleDocs.ts).
 */
import { allRules } from '../core/rules/index.js';
import { SIZE_LIMIT_ID } from '../core/analyze.js';
import { ruleAnchor, rulesDocFileUrl } from '../node/ruledocs.js';

const documented = new Set([
  ...allRules.map((r) => r.meta.id),
  SIZE_LIMIT_ID,
  'config/front-matter',
  'config/requirements',
  'config/profile',
  'config/yaml',
  'config/schema',
]);
let docsUrl: string | null | undefined;

/** `file:///…/docs/rules.md#rule-numbering-style` for a documented rule id, else undefined. */
export function ruleDocHref(ruleId: string): string | undefined {
  if (!documented.has(ruleId)) return undefined;
  if (docsUrl === undefined) docsUrl = rulesDocFileUrl() ?? null;
  return docsUrl ? `${docsUrl}#${ruleAnchor(ruleId)}` : undefined;
}
