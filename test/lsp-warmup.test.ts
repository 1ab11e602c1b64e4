/**
 * The warm-up (server/src/lsp/warmup.ts) through the real server: after `initialized` the server
 * analyses a built-in sample in a session of its own, and a draft's diagnostics are exactly those
 * of a server without warm-up (the sample leaves nothing in the server's memos).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocument, createSession } from '../server/src/core/analyze.js';
import { WARM_UP_ROUNDS, WARM_UP_SAMPLE } from '../server/src/lsp/warmup.js';
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
    const warm = await startServer({ configuration: settings });
    let warmDiagnostics: string[][];
    try {
      const line = await waitForLog(warm, /^warm-up: \d+ analyses/);
      expect(line).toContain(`${WARM_UP_ROUNDS} analyses`);
      warmDiagnostics = await diagnosticsOf(warm, 'warm-002.plan.txt');
    } finally {
      await warm.stop();
    }
    process.env.PLANLINT_NO_WARMUP = '1';
    let cold: Harness;
    try {
      cold = await startServer({ configuration: settings });
    } finally {
      delete process.env.PLANLINT_NO_WARMUP;
    }
    try {
      const coldDiagnostics = await diagnosticsOf(cold, 'warm-002.plan.txt');
      expect(cold.logs.some((l) => l.startsWith('warm-up'))).toBe(false);
      expect(warmDiagnostics[0]!.length).toBeGreaterThan(0);
      expect(warmDiagnostics).toEqual(coldDiagnostics);
    } finally {
      await cold.stop();
    }
  }, 120000);

  it('a draft opened right after initialized comes first: the warm-up then steps aside', async () => {
    const h = await startServer({ configuration: settings });
    try {
      const uri = fileUri('early-001.plan.txt');
      await h.open(uri, readSeed('001'), 'plaintext');
      const p = await h.waitForDiagnostics(uri, (d) => d.version === 1);
      expect(p.diagnostics.some((d) => d.code === 'numbering/style')).toBe(true);
      // skipped when the draft came within WARM_UP_DELAY_MS (the usual case); on a machine slow enough
      // for it to come later, the warm-up stops at the next round instead of running them all
      const line = await waitForLog(h, /^warm-up( skipped: a document is already open|: \d+ analyses)/);
      const rounds = /^warm-up: (\d+) analyses/.exec(line);
      if (rounds) expect(Number(rounds[1])).toBeLessThan(WARM_UP_ROUNDS);
    } finally {
      await h.stop();
    }
  }, 120000);
});
