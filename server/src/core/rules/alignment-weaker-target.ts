import type { Rule } from '../rule.js';

/** PLACEHOLDER: replaced by the real rule. */
export const rule: Rule = {
  meta: {
    id: 'alignment/weaker-target',
    description: { zh: 'alignment/weaker-target', en: 'alignment/weaker-target' },
    severity: 'warning',
    fixable: false,
    examples: [],
  },
  check() {},
};
