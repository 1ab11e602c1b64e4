/**
 * The warm-up (server/src/lsp/warmup.ts) through the real server: after `initialized` the server
 * analyses a built-in sample in a session of its own, and a draft's diagnostics are exactly those
 * of a server without warm-up (the sample leaves nothing in the server's memos).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocument, createSession } from '../server/src/core/analyze.js';
import { WARM_UP_PLANS, WARM_UP_ROUNDS, WARM_UP_SAMPLE, WARM_UP_SAMPLE_ROUNDS, warmUpTexts } from '../server/src/lsp/warmup.js';
import { readSeed } from './helpers.js';
import { buildServer, fileUri, removeServerBuild, startServer, type Harness } from './lsp-harness.js';

beforeAll(buildServer, 120000);
afterAll(removeServerBuild);

const settings = () => ({ requirements: ['henan-2021'], codeLens: false });

async function waitForLog(h: Harness, re: RegExp, timeoutMs = 30000): Promise<string> {
  const t0 = Date.now();
  for (;;) {
    const hit = h.logs.find((l) => re.test(l));
    if (hit) return hit;
    if (Date.now() - t0 > timeoutMs) throw new Error(`no log line matching ${re}; logs: ${h.logs.join(' | ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A seed's diagnostics after open and after one edit (insert, then delete), as (line, rule, message). */
async function diagnosticsOf(h: Harness, name: string): Promise<string[][]> {
  const uri = fileUri(name);
  const text = readSeed('002');
  await h.open(uri, text, 'plaintext');
  const out: string[][] = [];
  const first = await h.waitForDiagnostics(uri, (p) => p.version === 1);
  out.push(first.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}`));
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.length > 40);
  const at = { line, character: 10 };
  await h.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: at, end: at }, text: '的' }],
  });
  const second = await h.waitForDiagnostics(uri, (p) => p.version === 2);
  out.push(second.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}`));
  return out;
}

describe('warm-up', () => {
  it('the sample exercises the parser, indicators and the rules that report', () => {
    const a = analyzeDocument(WARM_UP_SAMPLE, {}, createSession());
    expect(a.plan.sections.length).toBe(4);
    expect(a.plan.allSections.length).toBeGreaterThan(8);
    expect(a.plan.indicators.length).toBeGreaterThan(10);
    // the skipped （三） and 3., and the headings ending in punctuation, are reported
    const ids = new Set(a.findings.map((f) => f.ruleId));
    expect(ids.has('numbering/sequence')).toBe(true);
    expect(ids.has('heading/punctuation')).toBe(true);
  });

  it('runs after initialize in the real server, and a draft gets the same diagnostics as without it', async () => {
    const warm = await startServer({ configuration: settings, warmUp: true });
    let warmDiagnostics: string[][];
    try {
      const line = await waitForLog(warm, /^warm-up: \d+ analyses/);
      // all rounds, or as many as its time budget allowed on a loaded machine
      const rounds = Number(/^warm-up: (\d+) analyses/.exec(line)![1]);
      expect(rounds).toBeGreaterThan(0);
      expect(rounds).toBeLessThanOrEqual(WARM_UP_ROUNDS);
      warmDiagnostics = await diagnosticsOf(warm, 'warm-002.plan.txt');
    } finally {
      await warm.stop();
    }
    const cold: Harness = await startServer({ configuration: settings });
    try {
      const coldDiagnostics = await diagnosticsOf(cold, 'warm-002.plan.txt');
      expect(cold.logs.some((l) => l.startsWith('warm-up'))).toBe(false);
      expect(warmDiagnostics[0]!.length).toBeGreaterThan(0);
      expect(warmDiagnostics).toEqual(coldDiagnostics);
    } finally {
      await cold.stop();
    }
  }, 120000);

  it('a draft opened right after initialized waits for the warm-up (no competing with it), then gets its diagnostics', async () => {
    const h = await startServer({ configuration: settings, warmUp: true });
    try {
      const uri = fileUri('early-001.plan.txt');
      await h.open(uri, readSeed('001'), 'plaintext');
      const p = await h.waitForDiagnostics(uri, (d) => d.version === 1);
      expect(p.diagnostics.some((d) => d.code === 'numbering/style')).toBe(true);
      // the warm-up ran in the analyses' queue: it had finished (and logged) before the draft was
      // analysed, its last rounds on the draft's own text
      expect(h.logs.some((l) => /^warm-up: \d+ analyses, the last ones on the document opened/.test(l))).toBe(true);
    } finally {
      await h.stop();
    }
  }, 120000);

  it('its rounds: the short sample, then a seed-sized plan with one-character edits, as keystrokes', () => {
    const texts = warmUpTexts();
    expect(texts.length).toBe(WARM_UP_ROUNDS);
    expect(texts[0]).toBe(WARM_UP_SAMPLE);
    const plan = WARM_UP_PLANS[0]!;
    expect(Buffer.byteLength(plan)).toBeGreaterThan(15_000); // seed-sized (19 KB)
    const rest = texts.slice(WARM_UP_SAMPLE_ROUNDS);
    expect(rest[0]).toBe(plan);
    const edited = rest.filter((t) => t !== plan);
    expect(edited.length).toBeGreaterThan(10);
    for (const t of edited) {
      // exactly one 的 inserted, nothing else changed
      expect(t.length).toBe(plan.length + 1);
      let i = 0;
      while (t[i] === plan[i]) i++;
      expect(t[i]).toBe('的');
      expect(t.slice(i + 1)).toBe(plan.slice(i));
    }
    // at points spread through the plan, not one line again and again
    expect(new Set(edited).size).toBeGreaterThan(10);
  });
});
