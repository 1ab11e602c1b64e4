/**
 * An edit made while `--fix` runs is never lost (issue 13, break 1): the file is replaced only if
 * it still holds the bytes that were read. The edit is made deterministically, right after the
 * pipeline reads the draft (node:fs readFileSync wrapped for this file only).
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ target: '', appended: false }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((...args: Parameters<typeof real.readFileSync>) => {
    const out = real.readFileSync(...args);
    if (!state.appended && state.target && args[0] === state.target) {
      // the user saves an edit while planlint is still analysing
      state.appended = true;
      real.appendFileSync(state.target, '三、保障措施（新加的一行）\n');
    }
    return out;
  }) as typeof real.readFileSync;
  return { ...real, readFileSync, default: { ...real, readFileSync } };
});

const fs = await import('node:fs');
const { checkDraft } = await import('../server/src/cli/pipeline.js');

describe('--fix and concurrent edits', () => {
  it('a line appended after the draft was read survives: the write is skipped with a message (exit 2 for that file)', async () => {
    const d = fs.mkdtempSync(join(tmpdir(), 'planlint-sec-race-'));
    const f = join(d, 'plan.txt');
    fs.writeFileSync(f, '一、总体要求\n\n(一)加强组织领导\n');
    state.target = f;
    const r = await checkDraft(f, { fix: true, cwd: d });
    expect(state.appended).toBe(true);
    expect(fs.readFileSync(f, 'utf8')).toContain('新加的一行');
    expect('fixSkipped' in r && r.fixSkipped?.en).toMatch(/changed while it was being checked/);
    expect('fixFailed' in r && r.fixFailed).toBe(true);
  });
});
