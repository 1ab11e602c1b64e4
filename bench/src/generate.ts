/**
 * Synthetic large plans for the benchmarks, built from the seeds: seed text is concatenated
 * (the first copy whole, later copies from their first level-1 heading on) and the result is
 * renumbered with the core's own renumbering, so the numbering runs on through the document.
 * Deterministic: the same size always gives the same text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../../server/src/core/parse.js';
import { renumberDocument } from '../../server/src/core/renumber.js';
import type { Edit } from '../../server/src/core/model.js';

export interface Seed {
  name: string;
  file: string;
  text: string;
  bytes: number;
}

export function readSeeds(root: string): Seed[] {
  const dir = join(root, 'seeds');
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return { name: f.slice(0, 3), file: join(dir, f), text, bytes: Buffer.byteLength(text) };
    });
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue; // overlapping edits: keep the first
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The part of a seed that can follow another plan: from its first level-1 heading on. */
function body(seed: Seed): string {
  const plan = parsePlan(seed.text);
  const first = plan.sections[0];
  return first ? seed.text.slice(first.start) : seed.text;
}

/**
 * A plan of at least `targetBytes` UTF-8 bytes: seed 002 whole, then the bodies of the seeds in
 * rotation, renumbered as one document.
 */
export function generatePlan(seeds: readonly Seed[], targetBytes: number): string {
  const order = ['002', '000', '001', '003', '004'];
  const ordered = order.map((n) => seeds.find((s) => s.name === n)).filter((s): s is Seed => s !== undefined);
  const bodies = ordered.map(body);
  const parts: string[] = [ordered[0]!.text.replace(/\s+$/, '')];
  let bytes = Buffer.byteLength(parts[0]!);
  for (let i = 1; bytes < targetBytes; i++) {
    const b = '\n\n' + bodies[i % bodies.length]!.replace(/\s+$/, '');
    parts.push(b);
    bytes += Buffer.byteLength(b);
  }
  const text = parts.join('') + '\n';
  return applyEdits(text, renumberDocument(parsePlan(text)));
}

/**
 * The i-th file of a corpus of seed-sized plans: the seeds in rotation, each copy made unique by a
 * closing reference line, so no two files are identical.
 */
export function corpusFile(seeds: readonly Seed[], i: number): { name: string; text: string } {
  const seed = seeds[i % seeds.length]!;
  const id = String(i + 1).padStart(4, '0');
  return { name: `plan-${id}-${seed.name}.txt`, text: `${seed.text.replace(/\s+$/, '')}\n\n（稿件编号 ${id}）\n` };
}
