import type { Rule } from '../rule.js';

/** PLACEHOLDER: replaced by the real rule. */
export const rule: Rule = {
  meta: {
    id: 'indicator/impossible-value',
    description: { zh: 'indicator/impossible-value', en: 'indicator/impossible-value' },
    severity: 'warning',
    fixable: false,
    examples: [],
  },
  check() {},
};
