import type { Rule } from '../rule.js';

/** PLACEHOLDER: replaced by the real rule. */
export const rule: Rule = {
  meta: {
    id: 'enumeration/sequence',
    description: { zh: 'enumeration/sequence', en: 'enumeration/sequence' },
    severity: 'warning',
    fixable: false,
    examples: [],
  },
  check() {},
};
