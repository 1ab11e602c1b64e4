import type { Rule } from '../rule.js';

/** PLACEHOLDER: replaced by the real rule. */
export const rule: Rule = {
  meta: {
    id: 'numbering/sequence',
    description: { zh: 'numbering/sequence', en: 'numbering/sequence' },
    severity: 'warning',
    fixable: false,
    examples: [],
  },
  check() {},
};
