/**
 * The main-targets paragraphs before a plan's first numbered heading: a 政府工作报告 or a plan
 * often states its targets there (“今年经济社会发展的主要预期目标是：…”, “主要目标：…”). They belong
 * to the plan part for targets, on both sides: the superior's extraction and the draft's comparison.
 */
import type { Plan } from '../model.js';
import type { Span } from '../text.js';

/** A paragraph that states main targets. */
export const GOALS = /(主要目标|预期目标|目标是|目标任务|发展目标)/;

/** Spans of the paragraphs before the first numbered heading that state main targets. */
export function goalParagraphs(plan: Plan): Span[] {
  const first = plan.allSections[0]?.start ?? plan.text.length;
  const out: Span[] = [];
  for (const b of plan.blocks) {
    if (b.end > first) break;
    if (GOALS.test(b.text)) out.push({ start: b.start, end: b.end });
  }
  return out;
}
