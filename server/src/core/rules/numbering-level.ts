import type { Rule } from '../rule.js';

/** PLACEHOLDER: replaced by the real rule. */
export const rule: Rule = {
  meta: {
    id: 'numbering/level',
    description: { zh: 'numbering/level', en: 'numbering/level' },
    severity: 'warning',
    fixable: false,
    examples: [],
  },
  check() {},
};
