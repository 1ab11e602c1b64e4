import type { Rule } from '../rule.js';

/** PLACEHOLDER: replaced by the real rule. */
export const rule: Rule = {
  meta: {
    id: 'alignment/missing-target',
    description: { zh: 'alignment/missing-target', en: 'alignment/missing-target' },
    severity: 'warning',
    fixable: false,
    examples: [],
  },
  check() {},
};
