import type { Rule } from '../rule.js';

/** PLACEHOLDER: replaced by the real rule. */
export const rule: Rule = {
  meta: {
    id: 'indicator/contradiction',
    description: { zh: 'indicator/contradiction', en: 'indicator/contradiction' },
    severity: 'warning',
    fixable: false,
    examples: [],
  },
  check() {},
};
