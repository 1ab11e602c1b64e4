import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { applyEdits, applyFixes, applyFixesOnce, fixesOf } from '../server/src/core/fix.js';
import type { Fix } from '../server/src/core/model.js';
import { readSeed } from './helpers.js';

const fix = (edits: { start: number; end: number; newText: string }[], safe = true): Fix => ({ title: { zh: 't', en: 't' }, edits, safe });

describe('applyEdits / applyFixesOnce', () => {
  it('applies non-overlapping edits back to front so offsets stay valid', () => {
    expect(
      applyEdits('一、二、三', [
        { start: 0, end: 1, newText: '壹' },
        { start: 4, end: 5, newText: '叁' },
      ]),
    ).toBe('壹、二、叁');
  });

  it('drops a later fix that overlaps an accepted one, whole (a fix is atomic)', () => {
    const text = '(一)总体要求(二)工作任务';
    const a = fix([{ start: 0, end: 3, newText: '（一）' }]);
    const b = fix([
      { start: 1, end: 2, newText: '壹' },
      { start: 7, end: 10, newText: '（二）' },
    ]);
    const r = applyFixesOnce(text, [b, a]);
    // ordered by first edit: b (starts at 1) comes after a (starts at 0) and overlaps it
    expect(r.applied).toEqual([a]);
    expect(r.skipped).toEqual([b]);
    expect(r.text).toBe('（一）总体要求(二)工作任务');
  });

  it('two insertions at the same point conflict; an insertion touching a replacement does not', () => {
    const r = applyFixesOnce('ab', [
      fix([{ start: 1, end: 1, newText: 'X' }]),
      fix([{ start: 1, end: 1, newText: 'Y' }]),
      fix([{ start: 0, end: 1, newText: 'A' }]),
    ]);
    expect(r.text).toBe('AXb');
    expect(r.skipped).toHaveLength(1);
  });

  it('skips malformed edits (out of range, reversed) and no-op fixes', () => {
    const r = applyFixesOnce('abc', [
      fix([{ start: 2, end: 9, newText: 'x' }]),
      fix([{ start: 2, end: 1, newText: 'x' }]),
      fix([{ start: 0, end: 1, newText: 'a' }]),
    ]);
    expect(r.text).toBe('abc');
    expect(r.applied).toEqual([]);
  });
});

describe('applyFixes on a real draft (seed 001: half-width (一) headings)', () => {
  const seed = readSeed('001');
  const findingsOf = (t: string) => analyze(t).findings;

  it('fixes every half-width level-2 token and changes nothing else', () => {
    const safe = fixesOf(findingsOf(seed));
    expect(safe.length).toBeGreaterThanOrEqual(10);
    const r = applyFixes(seed, findingsOf);
    expect(r.converged).toBe(true);
    expect(r.appliedCount).toBeGreaterThanOrEqual(safe.length);
    const before = seed.split('\n');
    const after = r.text.split('\n');
    expect(after.length).toBe(before.length);
    let changed = 0;
    before.forEach((line, i) => {
      if (line === after[i]) return;
      changed++;
      // only the numbering token at the start of the line changed: "(三)" → "（三）"
      const m = /^\(([一二三四五六七八九十]+)\)/.exec(line);
      expect(m, `line ${i + 1}: ${line}`).not.toBeNull();
      expect(after[i]).toBe(`（${m![1]}）` + line.slice(m![0].length));
    });
    expect(changed).toBe(safe.filter((f) => f.edits.some((e) => seed.slice(e.start, e.end).startsWith('('))).length);
    expect(findingsOf(r.text).filter((f) => f.ruleId === 'numbering/style')).toEqual([]);
  });

  it('is idempotent: a second run changes nothing', () => {
    const once = applyFixes(seed, findingsOf).text;
    const twice = applyFixes(once, findingsOf);
    expect(twice.text).toBe(once);
    expect(twice.appliedCount).toBe(0);
  });

  it('leaves unsafe fixes alone unless asked', () => {
    const unsafe = (t: string) => [
      {
        ruleId: 'x',
        severity: 'warning' as const,
        message: { zh: '', en: '' },
        start: 0,
        end: 0,
        fix: fix([{ start: t.length, end: t.length, newText: t.endsWith('。') ? '' : '。' }], false),
      },
    ];
    expect(applyFixes('正文', unsafe).text).toBe('正文');
    expect(applyFixes('正文', unsafe, { safeOnly: false }).text).toBe('正文。');
  });

  it('stops on a cycle instead of looping', () => {
    // a pathological rule pair that flips a character back and forth
    const flip = (t: string) => [
      {
        ruleId: 'x',
        severity: 'warning' as const,
        message: { zh: '', en: '' },
        start: 0,
        end: 1,
        fix: fix([{ start: 0, end: 1, newText: t[0] === 'a' ? 'b' : 'a' }]),
      },
    ];
    const r = applyFixes('a', flip, { maxPasses: 50 });
    expect(r.converged).toBe(false);
    expect(r.passes).toBeLessThan(50);
  });
});
