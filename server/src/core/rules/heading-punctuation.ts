import type { Rule } from '../rule.js';

/** PLACEHOLDER: replaced by the real rule. */
export const rule: Rule = {
  meta: {
    id: 'heading/punctuation',
    description: { zh: 'heading/punctuation', en: 'heading/punctuation' },
    severity: 'warning',
    fixable: false,
    examples: [],
  },
  check() {},
};
