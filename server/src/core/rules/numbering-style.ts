import type { Rule } from '../rule.js';

/** PLACEHOLDER: replaced by the real rule. */
export const rule: Rule = {
  meta: {
    id: 'numbering/style',
    description: { zh: 'numbering/style', en: 'numbering/style' },
    severity: 'warning',
    fixable: false,
    examples: [],
  },
  check() {},
};
