/** Quantitative indicator extraction (placeholder until the extractor lands). */
import type { Indicator, Plan } from './model.js';

export function extractIndicators(_plan: Omit<Plan, 'indicators'>): Indicator[] {
  return [];
}
