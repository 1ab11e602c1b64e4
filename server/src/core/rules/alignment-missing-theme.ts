import type { Rule } from '../rule.js';

/** PLACEHOLDER: replaced by the real rule. */
export const rule: Rule = {
  meta: {
    id: 'alignment/missing-theme',
    description: { zh: 'alignment/missing-theme', en: 'alignment/missing-theme' },
    severity: 'warning',
    fixable: false,
    examples: [],
  },
  check() {},
};
