import type { Rule } from '../rule.js';

/** PLACEHOLDER: replaced by the real rule. */
export const rule: Rule = {
  meta: {
    id: 'indicator/format',
    description: { zh: 'indicator/format', en: 'indicator/format' },
    severity: 'warning',
    fixable: false,
    examples: [],
  },
  check() {},
};
