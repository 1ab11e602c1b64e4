/**
 * Cancellation between rules (server/src/lsp/analysis.ts): rules run synchronously within a time
 * slice; when it is used up the analysis yields and gives up if a newer version came meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allRules } from '../server/src/core/rules/index.js';
import { defaultProfile } from '../server/src/core/profile.js';
import { Analyzer, Superseded } from '../server/src/lsp/analysis.js';
import { normaliseSettings } from '../server/src/lsp/settings.js';
import { Workspace } from '../server/src/lsp/workspace.js';
import { readSeed } from './helpers.js';

function analyzer(slice: number): Analyzer {
  const log = { info() {}, warn() {}, error() {} };
  const ws = new Workspace({
    settingsFor: async () => normaliseSettings({}),
    folders: () => [],
    trusted: () => true,
    log,
  });
  return new Analyzer(ws, log, { slice });
}

/** Counts the rules that ran (each rule's check wrapped) while `fn` runs. */
async function countingRules<T>(fn: () => Promise<T>): Promise<{ ran: number; result: PromiseSettledResult<T> }> {
  let ran = 0;
  const originals = allRules.map((r) => r.check);
  allRules.forEach((r, i) => {
    r.check = (ctx) => {
      ran++;
      return originals[i]!(ctx);
    };
  });
  try {
    const [result] = await Promise.allSettled([fn()]);
    return { ran, result: result! };
  } finally {
    allRules.forEach((r, i) => (r.check = originals[i]!));
  }
}

const doc = TextDocument.create('file:///virtual/slice.txt', 'plaintext', 1, readSeed('002'));

describe('rules in time slices', () => {
  it('a slice used up after every rule: a newer version stops the analysis between two rules', async () => {
    let asked = 0;
    // current for the checks before the rules (start, after parse, after the context) and two slices
    const isCurrent = () => ++asked <= 5;
    const { ran, result } = await countingRules(() => analyzer(0).get(doc, isCurrent));
    expect(result.status).toBe('rejected');
    expect((result as PromiseRejectedResult).reason).toBeInstanceOf(Superseded);
    expect(ran).toBeGreaterThan(0);
    expect(ran).toBeLessThan(allRules.length);
  });

  it('a slice never used up: every rule runs without yielding, the version is asked only before them', async () => {
    let asked = 0;
    const { ran, result } = await countingRules(() =>
      analyzer(Number.POSITIVE_INFINITY).get(doc, () => {
        asked++;
        return true;
      }),
    );
    expect(result.status).toBe('fulfilled');
    // every rule the default profile leaves on (task/responsibility is on only in the strict profile)
    expect(ran).toBe(allRules.filter((r) => defaultProfile.rules[r.meta.id]?.severity !== 'off').length);
    expect(asked).toBe(3);
  });
});
