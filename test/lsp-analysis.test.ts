/**
 * The server's analysis layer in-process: cached per version, superseded work abandoned, and a
 * rule that throws is logged while the document still gets every other rule's findings.
 */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allRules } from '../server/src/core/rules/index.js';
import { Analyzer, Superseded } from '../server/src/lsp/analysis.js';
import { editRounds, rehearsal } from '../server/src/lsp/warmup.js';
import { normaliseSettings } from '../server/src/lsp/settings.js';
import { Workspace, type ContextProvider } from '../server/src/lsp/workspace.js';
import { readSeed } from './helpers.js';

function setup() {
  const errors: string[] = [];
  const log = { info() {}, warn() {}, error: (m: string, err?: unknown) => void errors.push(`${m}: ${String(err)}`) };
  const ws = new Workspace({ settingsFor: async () => normaliseSettings({}), folders: () => [], trusted: () => true, log });
  return { analyzer: new Analyzer(ws, log), errors };
}

const doc = (text: string, version = 1) => TextDocument.create('file:///virtual/plan.txt', 'plaintext', version, text);

describe('Analyzer', () => {
  it('analyses each version once and reuses the result', async () => {
    const { analyzer } = setup();
    const d = doc(readSeed('001'));
    const a = await analyzer.get(d);
    const b = await analyzer.get(d);
    expect(b).toBe(a);
    expect(analyzer.runs).toBe(1);
    expect(a.findings.some((f) => f.ruleId === 'numbering/style')).toBe(true);
    // a configuration change invalidates it
    analyzer.invalidate();
    const c = await analyzer.get(d);
    expect(c).not.toBe(a);
    expect(analyzer.runs).toBe(2);
  });

  it('rehearses a version (the warm-up) with the findings of a real analysis, keeping nothing', async () => {
    const { analyzer } = setup();
    const text = readSeed('001');
    const rehearsed = await analyzer.rehearse(doc(text, -1));
    expect(analyzer.runs).toBe(0);
    expect(analyzer.latest('file:///virtual/plan.txt')).toBeUndefined();
    expect(analyzer.lastCost('file:///virtual/plan.txt')).toBeUndefined();
    const real = await analyzer.get(doc(text, 1));
    expect(analyzer.runs).toBe(1);
    expect(real).not.toBe(rehearsed);
    expect(real.first).toBe(true);
    expect(real.findings.map((f) => `${f.start} ${f.ruleId}`)).toEqual(rehearsed.findings.map((f) => `${f.start} ${f.ruleId}`));
    expect(real.findings.some((f) => f.ruleId === 'numbering/style')).toBe(true);
  });

  it('the warm-up rehearses an opened document’s keystrokes as incremental changes to a copy of it', async () => {
    const { analyzer } = setup();
    const text = readSeed('003');
    const opened = doc(text, 1);
    const seen: { text: string; version: number; uri: string }[] = [];
    const real = analyzer.rehearse.bind(analyzer);
    const rehearse = rehearsal({ rehearse: (d) => (seen.push({ text: d.getText(), version: d.version, uri: d.uri }), real(d)) }, () => opened);
    const rounds = editRounds(text, 6);
    for (let i = 0; i < rounds.length; i++) await rehearse(rounds[i]!, i);
    // each round's text arrived whole (inserting 的 and taking it out again), under the document's
    // uri with versions of its own, and nothing was kept
    expect(seen.map((x) => x.text)).toEqual(rounds);
    expect(seen.map((x) => x.version)).toEqual([-1, -2, -3, -4, -5, -6]);
    expect(new Set(seen.map((x) => x.uri))).toEqual(new Set([opened.uri]));
    expect(rounds.filter((r) => r !== text).length).toBe(3);
    expect(analyzer.runs).toBe(0);
    expect(analyzer.latest(opened.uri)).toBeUndefined();
  });

  it('keeps the analyses of the most recently used drafts and analyses a dropped one again', async () => {
    const errors: string[] = [];
    const log = { info() {}, warn() {}, error: (m: string) => void errors.push(m) };
    const ws = new Workspace({ settingsFor: async () => normaliseSettings({}), folders: () => [], trusted: () => true, log });
    const analyzer = new Analyzer(ws, log, { keep: 3 });
    const docs = ['000', '001', '002', '003'].map((n) => TextDocument.create(`file:///virtual/${n}.txt`, 'plaintext', 1, readSeed(n)));
    const first = await analyzer.get(docs[0]!);
    for (const d of docs.slice(1)) await analyzer.get(d);
    expect(analyzer.runs).toBe(4);
    // the three most recent are kept: asking again runs nothing
    for (const d of docs.slice(1)) await analyzer.get(d);
    expect(analyzer.runs).toBe(4);
    // the first was dropped: it is analysed again, with the same findings
    const again = await analyzer.get(docs[0]!);
    expect(analyzer.runs).toBe(5);
    expect(again).not.toBe(first);
    expect(again.findings).toEqual(first.findings);
    expect(analyzer.latest(docs[0]!.uri)).toBe(again);
    expect(errors).toEqual([]);
  });

  it('does not let an analysis that never finishes hold up other documents', async () => {
    const log = { info() {}, warn() {}, error() {} };
    const ws = new Workspace({ settingsFor: async () => normaliseSettings({}), folders: () => [], trusted: () => true, log });
    // a context provider that never answers for one document (a client that never replies)
    const stuck: ContextProvider = {
      contextFor: (doc, plan) => (doc.uri.endsWith('stuck.txt') ? new Promise(() => {}) : ws.contextFor(doc, plan)),
    };
    const analyzer = new Analyzer(stuck, log, { queueWait: 50 });
    void analyzer.get(TextDocument.create('file:///virtual/stuck.txt', 'plaintext', 1, readSeed('003')));
    const other = await analyzer.get(TextDocument.create('file:///virtual/other.txt', 'plaintext', 1, readSeed('001')));
    expect(other.findings.some((f) => f.ruleId === 'numbering/style')).toBe(true);
  });

  it('abandons a version that a newer one superseded', async () => {
    const { analyzer } = setup();
    await expect(analyzer.get(doc(readSeed('000')), () => false)).rejects.toBeInstanceOf(Superseded);
  });

  it('logs a rule that throws and keeps every other rule’s findings', async () => {
    const { analyzer, errors } = setup();
    const style = allRules.find((r) => r.meta.id === 'numbering/style')!;
    const original = style.check;
    style.check = () => {
      throw new Error('boom');
    };
    try {
      const a = await analyzer.get(doc('一、总体要求\n1.甲。\n3.乙。\n(一)丙\n'));
      expect(a.failures).toContain('numbering/style');
      expect(errors.some((e) => e.includes('numbering/style') && e.includes('boom'))).toBe(true);
      expect(a.findings.some((f) => f.ruleId === 'numbering/style')).toBe(false);
      // the other rules still ran: the gap 1. → 3. is reported
      expect(a.findings.some((f) => f.ruleId === 'numbering/sequence')).toBe(true);
      expect(a.plan.allSections.length).toBeGreaterThan(0);
    } finally {
      style.check = original;
    }
  });
});
