import { describe, expect, it } from 'vitest';
import { CHEAP_MS, COST_FRACTION, debounceDelay, MAX_AUTO_MS } from '../server/src/lsp/debounce.js';
import { normaliseSettings } from '../server/src/lsp/settings.js';

describe('debounce policy (planlint.debounce)', () => {
  it('auto: a document never analysed, or a cheap one, is analysed at once', () => {
    expect(debounceDelay('auto', undefined)).toBe(0);
    // seed 002 analyses in about 1–8 ms on an idle machine: no waiting at all
    expect(debounceDelay('auto', 1.1)).toBe(0);
    expect(debounceDelay('auto', 8)).toBe(0);
    expect(debounceDelay('auto', CHEAP_MS)).toBe(0);
  });

  it('auto: a costly analysis waits a fraction of its cost, so a typing burst coalesces', () => {
    // a 1 MB draft: about 30–60 ms an analysis
    expect(debounceDelay('auto', 40)).toBe(20);
    expect(debounceDelay('auto', 60)).toBe(Math.round(60 * COST_FRACTION));
    // grows with the cost, monotonically
    const costs = [CHEAP_MS + 1, 40, 50, 100, 200, 400];
    const delays = costs.map((c) => debounceDelay('auto', c));
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays[0]).toBeGreaterThan(0);
  });

  it('auto: clamped for very long analyses (a 10 MB draft: about a second)', () => {
    expect(debounceDelay('auto', 1000)).toBe(MAX_AUTO_MS);
    expect(debounceDelay('auto', 60_000)).toBe(MAX_AUTO_MS);
  });

  it('auto: a bogus cost never makes the wait infinite or negative', () => {
    expect(debounceDelay('auto', Number.NaN)).toBe(0);
    expect(debounceDelay('auto', Number.POSITIVE_INFINITY)).toBe(0);
    expect(debounceDelay('auto', -5)).toBe(0);
  });

  it('a configured number is used as it is, whatever the cost', () => {
    expect(debounceDelay(150, undefined)).toBe(150);
    expect(debounceDelay(150, 1)).toBe(150);
    expect(debounceDelay(0, 500)).toBe(0);
  });

  it('settings: the default is auto; a number or "auto" is taken, anything else keeps the default', () => {
    expect(normaliseSettings({}).debounce).toBe('auto');
    expect(normaliseSettings({ debounce: 300 }).debounce).toBe(300);
    expect(normaliseSettings({ debounce: 'auto' }).debounce).toBe('auto');
    expect(normaliseSettings({ debounce: 'soon' }).debounce).toBe('auto');
    expect(normaliseSettings({ debounce: 99999 }).debounce).toBe(5000);
  });
});

describe('the cost the debounce is derived from (Analyzer.lastCost)', () => {
  it('is unknown after a document’s first (cold) analysis, then the cost of its last one', async () => {
    const { TextDocument } = await import('vscode-languageserver-textdocument');
    const { Analyzer } = await import('../server/src/lsp/analysis.js');
    const { Workspace } = await import('../server/src/lsp/workspace.js');
    const { readSeed } = await import('./helpers.js');
    const log = { info() {}, warn() {}, error() {} };
    const ws = new Workspace({
      settingsFor: async () => normaliseSettings({}),
      folders: () => [],
      trusted: () => true,
      log,
    });
    const analyzer = new Analyzer(ws, log);
    const uri = 'file:///virtual/cost.txt';
    const text = readSeed('003');
    expect(analyzer.lastCost(uri)).toBeUndefined();
    await analyzer.get(TextDocument.create(uri, 'plaintext', 1, text));
    // the open's analysis: context loading and V8 compiling, not what a keystroke costs
    expect(analyzer.lastCost(uri)).toBeUndefined();
    const second = await analyzer.get(TextDocument.create(uri, 'plaintext', 2, text + '\n'));
    expect(analyzer.lastCost(uri)).toBe(second.millis);
    expect(second.millis).toBeGreaterThan(0);
    // a configuration change: the next analysis loads the context again and counts as a first one
    analyzer.invalidate();
    await analyzer.get(TextDocument.create(uri, 'plaintext', 3, text));
    expect(analyzer.lastCost(uri)).toBeUndefined();
  });
});
