/**
 * Applying fixes. Pure: text in, text out. A fix is applied whole or not at all; fixes whose
 * edits overlap an already accepted edit are dropped (they are applied in a later pass, after
 * re-analysis, if still needed). Edits are applied back to front so offsets stay valid.
 */
import type { Edit, Fix, Finding } from './model.js';
import { lowerBound } from './text.js';

export interface ApplyResult {
  text: string;
  /** fixes applied, in document order of their first edit */
  applied: Fix[];
  /** fixes skipped because they overlapped an accepted fix or were malformed */
  skipped: Fix[];
}

function overlaps(a: Edit, b: Edit): boolean {
  // two insertions at the same point conflict (their order would be arbitrary);
  // an insertion at the boundary of a replacement does not
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

function validEdit(e: Edit, length: number): boolean {
  return Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= length;
}

/**
 * Applies a list of edits (already known not to overlap) to the text. Built front to back from
 * pieces, so the cost is linear in the text plus the edits (a renumbering of 200,000 items must
 * not copy the text 200,000 times). Insertions at one point keep their given order.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const parts: string[] = [];
  let pos = 0;
  for (const { e } of sorted) {
    parts.push(text.slice(pos, e.start), e.newText);
    pos = Math.max(pos, e.end);
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/**
 * Accepted edits kept sorted by (start, end); their interiors are disjoint, so the edits that can
 * conflict with a new one are its neighbours: found by binary search, not by a scan of them all.
 */
class EditSet {
  private readonly edits: Edit[] = [];

  /** index of the first edit sorting after (start, end) */
  private bound(e: Edit): number {
    const edits = this.edits;
    return lowerBound(edits.length, (i) => edits[i]!.start < e.start || (edits[i]!.start === e.start && edits[i]!.end <= e.end));
  }

  conflicts(e: Edit): boolean {
    const p = this.bound(e);
    for (let i = p - 1; i >= 0 && this.edits[i]!.end >= e.start; i--) if (overlaps(e, this.edits[i]!)) return true;
    for (let i = p; i < this.edits.length && this.edits[i]!.start <= e.end; i++) if (overlaps(e, this.edits[i]!)) return true;
    return false;
  }

  add(e: Edit): void {
    const p = this.bound(e);
    if (p === this.edits.length) this.edits.push(e);
    else this.edits.splice(p, 0, e);
  }

  toArray(): Edit[] {
    return this.edits;
  }
}

/**
 * One pass: accepts fixes in order of their first edit, skipping any fix that overlaps an
 * accepted one (or whose own edits overlap each other), then applies the accepted edits.
 */
export function applyFixesOnce(text: string, fixes: readonly Fix[]): ApplyResult {
  const ordered = [...fixes].sort((a, b) => firstStart(a) - firstStart(b));
  const accepted = new EditSet();
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of ordered) {
    const edits = fix.edits.filter((e) => !(e.start === e.end && e.newText === ''));
    let ok = edits.length > 0 && edits.every((e) => validEdit(e, text.length)) && edits.some((e) => text.slice(e.start, e.end) !== e.newText);
    if (ok) {
      // the fix's own edits must not overlap each other, nor any accepted edit
      const own = new EditSet();
      for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
        if (own.conflicts(e) || accepted.conflicts(e)) {
          ok = false;
          break;
        }
        own.add(e);
      }
    }
    if (ok) {
      for (const e of edits) accepted.add(e);
      applied.push(fix);
    } else skipped.push(fix);
  }
  return { text: applyEdits(text, accepted.toArray()), applied, skipped };
}

function firstStart(fix: Fix): number {
  let m = Number.POSITIVE_INFINITY;
  for (const e of fix.edits) m = Math.min(m, e.start);
  return m;
}

export interface FixpointOptions {
  /** maximum analysis/apply passes (default 10) */
  maxPasses?: number;
  /** apply only fixes marked safe (default true) */
  safeOnly?: boolean;
}

export interface FixpointResult {
  text: string;
  /** number of fixes applied over all passes */
  appliedCount: number;
  passes: number;
  /** true when the last pass found nothing left to apply */
  converged: boolean;
}

/** The fixes carried by findings, optionally only the safe ones. */
export function fixesOf(findings: readonly Finding[], safeOnly = true): Fix[] {
  const out: Fix[] = [];
  for (const f of findings) if (f.fix && (!safeOnly || f.fix.safe)) out.push(f.fix);
  return out;
}

/**
 * Fixes until nothing changes: analyse, apply the non-overlapping fixes, re-analyse … (at most
 * `maxPasses`), so that running it twice changes nothing the second time.
 */
export function applyFixes(text: string, findingsOf: (text: string) => readonly Finding[], options: FixpointOptions = {}): FixpointResult {
  const maxPasses = options.maxPasses ?? 10;
  const safeOnly = options.safeOnly ?? true;
  let current = text;
  let appliedCount = 0;
  const seen = new Set<string>([current]);
  for (let pass = 1; pass <= maxPasses; pass++) {
    const fixes = fixesOf(findingsOf(current), safeOnly);
    const r = applyFixesOnce(current, fixes);
    if (r.applied.length === 0 || r.text === current) return { text: current, appliedCount, passes: pass, converged: true };
    // a cycle (fix A undoes fix B) would never converge: stop at the first repeat
    if (seen.has(r.text)) return { text: current, appliedCount, passes: pass, converged: false };
    seen.add(r.text);
    current = r.text;
    appliedCount += r.applied.length;
  }
  return { text: current, appliedCount, passes: maxPasses, converged: fixesOf(findingsOf(current), safeOnly).length === 0 };
}
