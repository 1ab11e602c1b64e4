/** Every bundled rule, in documentation order. One rule per file. */
import type { Rule } from '../rule.js';
import { rule as numberingSequence } from './numbering-sequence.js';
import { rule as numberingStyle } from './numbering-style.js';
import { rule as numberingLevel } from './numbering-level.js';
import { rule as numberingCountWord } from './numbering-count-word.js';
import { rule as enumerationSequence } from './enumeration-sequence.js';
import { rule as headingPunctuation } from './heading-punctuation.js';
import { rule as headingInline } from './heading-inline.js';
import { rule as indicatorFormat } from './indicator-format.js';
import { rule as indicatorImpossibleValue } from './indicator-impossible-value.js';
import { rule as indicatorContradiction } from './indicator-contradiction.js';
import { rule as indicatorConflict } from './indicator-conflict.js';
import { rule as arithmeticPercentagePoints } from './arithmetic-percentage-points.js';
import { rule as textStrayLatin } from './text-stray-latin.js';
import { rule as alignmentMissingTheme } from './alignment-missing-theme.js';
import { rule as alignmentWeakerTarget } from './alignment-weaker-target.js';
import { rule as alignmentMissingTarget } from './alignment-missing-target.js';
import { rule as alignmentSuperiorWording } from './alignment-superior-wording.js';
import { rule as alignmentCopiedText } from './alignment-copied-text.js';

export const allRules: readonly Rule[] = [
  numberingSequence,
  numberingStyle,
  numberingLevel,
  numberingCountWord,
  enumerationSequence,
  headingPunctuation,
  headingInline,
  indicatorFormat,
  indicatorImpossibleValue,
  indicatorContradiction,
  indicatorConflict,
  arithmeticPercentagePoints,
  textStrayLatin,
  alignmentMissingTheme,
  alignmentWeakerTarget,
  alignmentMissingTarget,
  alignmentSuperiorWording,
  alignmentCopiedText,
];

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
