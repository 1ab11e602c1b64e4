/** The proofreading rules of issue 16 (a contract: these ids stay), reviewed in test/corpus-expect/proofreading-verdicts.yaml. */
export const PROOFREADING_RULES: readonly string[] = [
  'date/plan-year',
  'date/format',
  'text/placeholder',
  'text/formulation',
  'text/typo',
  'text/region',
  'indicator/below-baseline',
  'task/responsibility',
  'notice/document-number',
];
