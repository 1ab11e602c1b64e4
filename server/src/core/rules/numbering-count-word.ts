import type { Rule } from '../rule.js';

/** PLACEHOLDER: replaced by the real rule. */
export const rule: Rule = {
  meta: {
    id: 'numbering/count-word',
    description: { zh: 'numbering/count-word', en: 'numbering/count-word' },
    severity: 'warning',
    fixable: false,
    examples: [],
  },
  check() {},
};
