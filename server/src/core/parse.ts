/** Structure parser (placeholder until the parser lands). */
import type { Plan } from './model.js';
import { LineIndex } from './text.js';
import { extractIndicators } from './indicators.js';

export function parsePlan(text: string): Plan {
  const base = { text, index: new LineIndex(text), blocks: [], sections: [], allSections: [], enumerations: [], level3Continuous: false };
  return { ...base, indicators: extractIndicators(base) };
}
