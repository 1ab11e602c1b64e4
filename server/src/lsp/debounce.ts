/**
 * How long to wait after a keystroke before analysing (push diagnostics and pull requests alike).
 *
 * A fixed debounce makes every keystroke of a seed-sized plan wait far longer than its analysis
 * (150 ms for an 8 ms analysis). The default (`planlint.debounce: "auto"`) derives the delay from
 * the measured cost of the last analysis of the same document instead:
 *  - cheap documents (last analysis ≤ CHEAP_MS) are analysed at once: the analysis is over before
 *    the next keystroke arrives, and a newer version supersedes the work in flight anyway;
 *  - costlier ones wait a fraction (COST_FRACTION) of the last cost, clamped to MAX_AUTO_MS, so a
 *    typing burst on a megabyte draft coalesces into one analysis while the user waits about
 *    1.5 × the cost after the last keystroke;
 *  - a document never analysed yet waits nothing (its first analysis is the open's).
 * A number configured by the user is used as it is.
 */

/** The setting: a fixed delay in ms, or "auto" (from the last analysis's cost). */
export type DebounceSetting = number | 'auto';

/**
 * Analyses at most this long (ms) are not debounced under "auto". A seed-sized plan's keystroke
 * analysis takes 3–8 ms once warm and 10–25 ms on a loaded machine or in the first keystrokes
 * after opening: it is over long before the next keystroke (a newer version supersedes it anyway),
 * so waiting would only add to what the user waits for (with 12 ms, such keystrokes of 13–25 ms
 * each made the next one wait 7–12 ms more).
 */
export const CHEAP_MS = 25;
/** Under "auto", the delay is this fraction of the last analysis's cost. */
export const COST_FRACTION = 0.5;
/** Under "auto", the longest delay (ms). */
export const MAX_AUTO_MS = 250;

/**
 * The delay (ms) before analysing a document that just changed. `lastCostMs`: the analysis time
 * of the document's last analysis (DocAnalysis.millis), undefined when it has none.
 */
export function debounceDelay(setting: DebounceSetting, lastCostMs: number | undefined): number {
  if (setting !== 'auto') return Math.max(0, setting);
  if (lastCostMs === undefined || !Number.isFinite(lastCostMs) || lastCostMs <= CHEAP_MS) return 0;
  return Math.min(MAX_AUTO_MS, Math.round(lastCostMs * COST_FRACTION));
}
