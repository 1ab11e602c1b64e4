import type { Rule } from '../rule.js';

/** PLACEHOLDER: replaced by the real rule. */
export const rule: Rule = {
  meta: {
    id: 'arithmetic/percentage-points',
    description: { zh: 'arithmetic/percentage-points', en: 'arithmetic/percentage-points' },
    severity: 'warning',
    fixable: false,
    examples: [],
  },
  check() {},
};
