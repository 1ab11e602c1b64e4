import type { Rule } from '../rule.js';

/** PLACEHOLDER: replaced by the real rule. */
export const rule: Rule = {
  meta: {
    id: 'indicator/conflict',
    description: { zh: 'indicator/conflict', en: 'indicator/conflict' },
    severity: 'warning',
    fixable: false,
    examples: [],
  },
  check() {},
};
