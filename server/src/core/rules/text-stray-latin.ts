import type { Rule } from '../rule.js';

/** PLACEHOLDER: replaced by the real rule. */
export const rule: Rule = {
  meta: {
    id: 'text/stray-latin',
    description: { zh: 'text/stray-latin', en: 'text/stray-latin' },
    severity: 'warning',
    fixable: false,
    examples: [],
  },
  check() {},
};
