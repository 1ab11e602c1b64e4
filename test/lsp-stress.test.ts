/**
 * The language server survives its client (issue 7): malformed JSON-RPC, unknown methods, requests
 * for documents never opened, out-of-range positions, cancellation storms and a client that exits
 * without `shutdown` end with an error response or a clean exit, never a hang; 1,000 random
 * incremental edits leave every published diagnostic inside the document version it was published
 * for, and the last diagnostics are those of the core on the client's final text.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  type Diagnostic,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { analyze } from '../server/src/core/analyze.js';
import { allRules } from '../server/src/core/rules/index.js';
import { applySuppressions } from '../server/src/core/suppress.js';
import { buildServer, fileUri, removeServerBuild, serverPath, startServer, type Harness } from './lsp-harness.js';
import { domainString, editsProblems, mutatedSeed, onlyEditsChanged, SEEDS } from './robust-gen.js';
import { repoRoot } from './helpers.js';

beforeAll(buildServer, 120000);
afterAll(removeServerBuild);

const ruleIds = new Set(allRules.map((r) => r.meta.id));

function inside(doc: TextDocument, d: Diagnostic): boolean {
  const lines = doc.lineCount;
  const lineLength = (l: number) => {
    const start = doc.offsetAt({ line: l, character: 0 });
    const end = l + 1 < lines ? doc.offsetAt({ line: l + 1, character: 0 }) : doc.getText().length;
    return doc
      .getText()
      .slice(start, end)
      .replace(/\r?\n$|\r$/, '').length;
  };
  const ok = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines && p.character >= 0 && p.character <= lineLength(p.line);
  const s = d.range.start;
  const e = d.range.end;
  return ok(s) && ok(e) && (s.line < e.line || (s.line === e.line && s.character <= e.character));
}

/** Resolves true when the process exits within `ms`, false otherwise. */
function exitsWithin(proc: ChildProcessWithoutNullStreams, ms: number): Promise<boolean> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    proc.once('exit', () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms (hang)`)), ms))]);
}

describe('1,000 random edits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('every published diagnostic lies inside its version of the document; the last ones match the core', async () => {
    const uri = fileUri('stress.txt');
    let doc = TextDocument.create(uri, 'plaintext', 1, SEEDS[1]!);
    const versions = new Map<number, TextDocument>([[1, doc]]);
    await h.open(uri, doc.getText(), 'plaintext', 1);
    const edit = fc.record({
      a: fc.nat(),
      b: fc.nat({ max: 6 }),
      text: fc.oneof(domainString(4), fc.constantFrom('', '\n', '\r\n', '一、', '（一）', '1.', '。', '\ud83d\ude00')),
    });
    const edits = fc.sample(edit, { numRuns: 1000, seed: 7 });
    let version = 1;
    for (const [i, e] of edits.entries()) {
      const text = doc.getText();
      const start = text.length === 0 ? 0 : e.a % text.length;
      // never split a surrogate pair or a CRLF: the client sends edits between characters
      let s = start;
      if ((s > 0 && /[\udc00-\udfff]/.test(text[s] ?? '')) || (text[s - 1] === '\r' && text[s] === '\n')) s--;
      let end = Math.min(text.length, s + e.b);
      if (end < text.length && (/[\udc00-\udfff]/.test(text[end] ?? '') || (text[end - 1] === '\r' && text[end] === '\n'))) end++;
      const change: TextDocumentContentChangeEvent = { range: { start: doc.positionAt(s), end: doc.positionAt(end) }, text: e.text };
      version++;
      // every 100th change replaces the whole text (full sync form), the rest are incremental
      const changes: TextDocumentContentChangeEvent[] = i % 100 === 99 ? [{ text: text.slice(0, s) + e.text + text.slice(end) }] : [change];
      doc = TextDocument.update(TextDocument.create(uri, 'plaintext', version, text), changes, version);
      versions.set(version, doc);
      void h.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
      // a hover now and then, mid-storm, must be answered (not queued behind analysis forever)
      if (i % 250 === 0)
        await withTimeout(h.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(s) }), 20000, 'hover mid-storm');
    }
    const last = await h.waitForDiagnostics(uri, (p) => p.version === version, 60000);
    let checked = 0;
    for (const p of h.published) {
      if (p.uri !== uri) continue;
      const d = versions.get(p.version ?? -1);
      expect(d, `diagnostics for unknown version ${p.version}`).toBeDefined();
      for (const diag of p.diagnostics) {
        checked++;
        expect(inside(d!, diag), `${diag.code} ${JSON.stringify(diag.range)} in version ${p.version}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(0);
    // the server analysed exactly the client's text: same rule findings at the same ranges
    // (the random text contains suppression markers: the server honours them, so compare after them)
    const finalText = doc.getText();
    const a = analyze(finalText);
    const kept = applySuppressions(a.findings, { text: finalText, index: a.plan.index, frontMatter: a.plan.frontMatter }).kept;
    const core = kept.map((f) => `${f.ruleId} ${JSON.stringify(f.range)}`).sort();
    const served = last.diagnostics
      .filter((d) => ruleIds.has(String(d.code)))
      .map((d) => `${d.code} ${JSON.stringify(d.range)}`)
      .sort();
    expect(core.length).toBeGreaterThan(0);
    expect(served).toEqual(core);
  }, 120000);

  it('a 10 MB draft: structural diagnostics with the information that the rest was skipped; hover still answers', async () => {
    const uri = fileUri('ten-mb.txt');
    const unit = SEEDS.join('\n') + '\n';
    const text = unit.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(unit)));
    await h.open(uri, text, 'plaintext', 1);
    const p = await h.waitForDiagnostics(uri, (x) => x.version === 1, 120000);
    expect(p.diagnostics.some((d) => d.code === 'planlint/large-document' && d.severity === 3)).toBe(true);
    expect(p.diagnostics.some((d) => String(d.code).startsWith('indicator/') || String(d.code).startsWith('alignment/'))).toBe(false);
    const doc = TextDocument.create(uri, 'plaintext', 1, text);
    for (const d of p.diagnostics) if (!inside(doc, d)) throw new Error(`outside: ${JSON.stringify(d.range)}`);
    await withTimeout(
      h.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 100000, character: 3 } }),
      60000,
      'hover in a 10 MB draft',
    );
    await h.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }, 180000);

  it('a draft with 150,000 findings: diagnostics arrive, all inside the document', async () => {
    const uri = fileUri('huge.txt');
    // (a document that uses 1.: each （1） outside one is a numbering/level finding; skipping level 3 in a
    // document without 1. is allowed)
    const text = '一、总体要求\n1.加强监测\n二、保障措施\n' + Array.from({ length: 150000 }, () => '（1）加强工作').join('\n');
    await h.open(uri, text, 'plaintext', 1);
    const p = await h.waitForDiagnostics(uri, (x) => x.version === 1, 90000);
    expect(p.diagnostics.length, JSON.stringify(p.diagnostics.slice(0, 2))).toBeGreaterThan(100000);
    const doc = TextDocument.create(uri, 'plaintext', 1, text);
    for (const d of p.diagnostics) if (!inside(doc, d)) throw new Error(`outside: ${JSON.stringify(d.range)}`);
    await withTimeout(h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 60000, 'symbols of the huge draft');
    await h.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }, 180000);
});

describe('code actions on random drafts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('every action edit lies inside the document, edits do not overlap, and applying one changes only what it names (40 drafts)', async () => {
    const texts = fc.sample(mutatedSeed({ window: 1500, maxMutations: 8 }), { numRuns: 40, seed: 11 });
    let actionsSeen = 0;
    for (const [i, text] of texts.entries()) {
      const uri = fileUri(`actions-${i}.txt`);
      await h.open(uri, text);
      const pub = await h.waitForDiagnostics(uri, (x) => x.version === 1, 20000);
      const doc = TextDocument.create(uri, 'plaintext', 1, text);
      const whole = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
      const actions =
        (await withTimeout(
          h.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: whole, context: { diagnostics: pub.diagnostics } }),
          20000,
          'code actions',
        )) ?? [];
      for (const a of actions) {
        if (!('edit' in a) || !a.edit?.changes) continue;
        const edits = a.edit.changes[uri] ?? [];
        const spans = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText }));
        // offsetAt clamps: a range outside the document would not round-trip
        for (const e of edits) {
          expect(doc.positionAt(doc.offsetAt(e.range.start)), a.title).toEqual(e.range.start);
          expect(doc.positionAt(doc.offsetAt(e.range.end)), a.title).toEqual(e.range.end);
        }
        expect(editsProblems(a.title, spans, text.length)).toEqual([]);
        const after = TextDocument.applyEdits(doc, edits);
        expect(onlyEditsChanged(text, spans, after), a.title).toBe(true);
        actionsSeen++;
      }
      await h.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }
    expect(actionsSeen).toBeGreaterThan(40);
  }, 180000);
});

describe('random requests on random drafts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('400 random feature requests: every one answered, no feature throws (nothing logged as failed)', async () => {
    const texts = fc.sample(fc.oneof(mutatedSeed({ window: 2000 }), domainString(60)), { numRuns: 8, seed: 5 });
    const uris = texts.map((_, i) => fileUri(`random-${i}${i % 2 ? '.md' : '.txt'}`));
    for (const [i, t] of texts.entries()) await h.open(uris[i]!, t, i % 2 ? 'markdown' : 'plaintext');
    for (const uri of uris) await h.waitForDiagnostics(uri, (x) => x.version === 1, 20000);
    const logsBefore = h.logs.length;
    const pos = fc.record({
      line: fc.oneof(fc.nat({ max: 80 }), fc.integer({ min: -3, max: 1e6 })),
      character: fc.oneof(fc.nat({ max: 60 }), fc.integer({ min: -3, max: 1e6 })),
    });
    const req = fc.record({
      method: fc.constantFrom(
        'textDocument/hover',
        'textDocument/completion',
        'textDocument/codeAction',
        'textDocument/codeLens',
        'textDocument/documentSymbol',
        'textDocument/foldingRange',
        'textDocument/documentLink',
        'planlint/stats',
        'planlint/alignment',
        'planlint/report',
        'planlint/indicatorsCsv',
        'planlint/edits',
      ),
      doc: fc.nat({ max: uris.length }),
      a: pos,
      b: pos,
      kind: fc.constantFrom('renumber', 'normalise', 'fixAll', 'insertMissingThemes', 'bogus'),
      format: fc.constantFrom('html', 'md', 'json', 'pdf'),
    });
    const requests = fc.sample(req, { numRuns: 400, seed: 9 });
    const answers = requests.map((r) => {
      const uri = uris[r.doc] ?? fileUri('never-opened.txt');
      const params = r.method.startsWith('planlint/')
        ? { uri, kind: r.kind, format: r.format }
        : { textDocument: { uri }, position: r.a, range: { start: r.a, end: r.b }, context: { diagnostics: [], triggerKind: 1 } };
      return withTimeout(
        h.conn.sendRequest(r.method, params).then(
          () => 'ok',
          (e: { code?: number }) => `error ${e.code}`,
        ),
        30000,
        r.method,
      );
    });
    const results = await Promise.all(answers);
    expect(results).toHaveLength(400);
    const failures = h.logs.slice(logsBefore).filter((l) => /failed|uncaught|unhandled/i.test(l));
    expect(failures.map((l) => l.slice(0, 400))).toEqual([]);
    expect(h.proc.exitCode).toBeNull();
  }, 120000);
});

describe('requests the server cannot answer meaningfully still get an answer', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
    await h.open(fileUri('open.txt'), SEEDS[0]!);
  });
  afterAll(async () => {
    await h.stop();
  });

  it('unknown methods: an error response (MethodNotFound); unknown notifications are ignored', async () => {
    await h.conn.sendNotification('planlint/noSuchNotification', { x: 1 });
    await expect(withTimeout(h.conn.sendRequest('planlint/noSuchMethod', { x: 1 }), 10000, 'unknown method')).rejects.toMatchObject({ code: -32601 });
    await expect(withTimeout(h.conn.sendRequest('textDocument/noSuchThing', {}), 10000, 'unknown method')).rejects.toMatchObject({ code: -32601 });
  });

  it('documents never opened, and nonsense URIs: every feature answers (empty or an error), none hangs', async () => {
    for (const uri of [fileUri('never-opened.txt'), 'untitled:Untitled-1', 'not a uri', '', 'file:///%E0%A4%A']) {
      const td = { textDocument: { uri } };
      const pos = { line: 0, character: 0 };
      const range = { start: pos, end: pos };
      const requests: [string, Promise<unknown>][] = [
        ['hover', h.conn.sendRequest(HoverRequest.type, { ...td, position: pos })],
        ['symbols', h.conn.sendRequest(DocumentSymbolRequest.type, td)],
        ['folding', h.conn.sendRequest(FoldingRangeRequest.type, td)],
        ['actions', h.conn.sendRequest(CodeActionRequest.type, { ...td, range, context: { diagnostics: [] } })],
        ['lens', h.conn.sendRequest(CodeLensRequest.type, td)],
        ['completion', h.conn.sendRequest(CompletionRequest.type, { ...td, position: pos })],
        ['links', h.conn.sendRequest(DocumentLinkRequest.type, td)],
        ['planlint/stats', h.conn.sendRequest('planlint/stats', { uri })],
        ['planlint/alignment', h.conn.sendRequest('planlint/alignment', { uri })],
        ['planlint/indicatorsCsv', h.conn.sendRequest('planlint/indicatorsCsv', { uri })],
        ['planlint/edits', h.conn.sendRequest('planlint/edits', { uri, kind: 'renumber' })],
      ];
      for (const [name, p] of requests)
        await withTimeout(
          p.catch((e: unknown) => e),
          10000,
          `${name} on ${uri}`,
        );
    }
    // changes and closes for a document never opened are ignored, and the server is still there
    await h.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: fileUri('ghost.txt'), version: 5 },
      contentChanges: [{ text: 'x' }],
    });
    await h.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: fileUri('ghost.txt') } });
    await withTimeout(h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: fileUri('open.txt') } }), 10000, 'symbols after ghosts');
    expect(h.proc.exitCode).toBeNull();
  });

  it('out-of-range and malformed positions and ranges: answered, never a crash', async () => {
    const uri = fileUri('open.txt');
    const positions = [
      { line: 1e6, character: 0 },
      { line: 0, character: 1e9 },
      { line: -1, character: -5 },
      { line: 3.5, character: 2.5 },
      { line: Number.MAX_SAFE_INTEGER, character: Number.MAX_SAFE_INTEGER },
    ];
    for (const position of positions) {
      await withTimeout(
        h.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position }).catch((e: unknown) => e),
        10000,
        `hover ${JSON.stringify(position)}`,
      );
      await withTimeout(
        h.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }).catch((e: unknown) => e),
        10000,
        `completion ${JSON.stringify(position)}`,
      );
      await withTimeout(
        h.conn
          .sendRequest(CodeActionRequest.type, {
            textDocument: { uri },
            range: { start: position, end: { line: 0, character: 0 } },
            context: { diagnostics: [] },
          })
          .catch((e: unknown) => e),
        10000,
        `actions ${JSON.stringify(position)}`,
      );
    }
    // params of the wrong shape entirely
    for (const params of [null, 42, 'x', [], { textDocument: null }, { textDocument: { uri: 7 }, position: 'here' }]) {
      await withTimeout(
        h.conn.sendRequest('textDocument/hover', params as never).catch((e: unknown) => e),
        10000,
        `hover ${JSON.stringify(params)}`,
      );
      await withTimeout(
        h.conn.sendRequest('textDocument/documentSymbol', params as never).catch((e: unknown) => e),
        10000,
        `symbols ${JSON.stringify(params)}`,
      );
    }
    // an edit with an out-of-range range is clamped by the document model; the server keeps working
    await h.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1e6, character: 0 }, end: { line: 1e6, character: 5 } }, text: '\n一、附则\n' }],
    });
    const p = await h.waitForDiagnostics(uri, (x) => x.version === 2, 20000);
    for (const d of p.diagnostics) expect(d.range.start.line).toBeGreaterThanOrEqual(0);
    expect(h.proc.exitCode).toBeNull();
  });

  it('protocol misuse by the client: open twice, versions going backwards, change after close', async () => {
    const uri = fileUri('misuse.txt');
    await h.open(uri, '一、总体要求\n三、重点任务\n', 'plaintext', 5);
    await h.open(uri, '一、总体要求\n二、重点任务\n', 'plaintext', 6);
    await h.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: '一、总体要求\n（1）细则\n' }],
    });
    await h.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await h.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 9 }, contentChanges: [{ text: 'x' }] });
    await h.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    // opened again: analysed afresh
    await h.open(uri, '一、总体要求\n三、重点任务\n', 'plaintext', 1);
    const p = await h.waitForDiagnostics(uri, (x) => x.version === 1 && x.diagnostics.some((d) => d.code === 'numbering/sequence'), 20000);
    expect(p.diagnostics.find((d) => d.code === 'numbering/sequence')!.range.start).toEqual({ line: 1, character: 0 });
    expect(h.proc.exitCode).toBeNull();
  });

  it('500 documents opened at once are all analysed', async () => {
    const uris = Array.from({ length: 500 }, (_, i) => fileUri(`many-${i}.txt`));
    for (const [i, uri] of uris.entries()) void h.open(uri, SEEDS[i % SEEDS.length]!.slice(0, 3000));
    for (const uri of uris) await h.waitForDiagnostics(uri, (x) => x.version === 1, 60000);
    for (const uri of uris) void h.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }, 120000);

  it('a cancellation storm: 300 requests cancelled at once, then the server answers normally', async () => {
    const uri = fileUri('open.txt');
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 300; i++) {
      const ac = new AbortController();
      // vscode-jsonrpc cancels through a CancellationToken; cancel right after sending
      const source = {
        isCancellationRequested: false,
        onCancellationRequested: (cb: () => void) => (ac.signal.addEventListener('abort', cb), { dispose() {} }),
      };
      const req = i % 3 === 0 ? DocumentSymbolRequest.type : i % 3 === 1 ? FoldingRangeRequest.type : CodeLensRequest.type;
      pending.push(h.conn.sendRequest(req as typeof DocumentSymbolRequest.type, { textDocument: { uri } }, source as never).catch((e: unknown) => e));
      source.isCancellationRequested = true;
      ac.abort();
    }
    await withTimeout(Promise.all(pending), 30000, 'cancelled requests');
    const symbols = await withTimeout(h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 10000, 'symbols after the storm');
    expect(Array.isArray(symbols)).toBe(true);
    expect((symbols as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('requirement set paths and workspace trust', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-lsp-trust-'));
  const outside = join(dir, 'outside.yaml');
  writeFileSync(outside, 'title: 上级要点\nthemes:\n  - id: t1\n    title: 疫情防控\n    keywords: [疫情防控]\n');
  const outsideProblems = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.filter((d) => d.code === 'config/requirements');

  for (const trusted of [true, false]) {
    it(`${trusted ? 'trusted' : 'untrusted'} workspace: a set named in the user settings outside the workspace ${trusted ? 'loads' : 'is refused'}; one named in the draft is always refused`, async () => {
      const h = await startServer({
        initializationOptions: { trusted },
        configuration: (section) => (section === 'planlint' ? { requirements: [outside] } : null),
      });
      try {
        const a = fileUri(`settings-${trusted}.txt`);
        await h.open(a, SEEDS[3]!);
        const pa = await h.waitForDiagnostics(a, (x) => x.version === 1, 20000);
        expect(outsideProblems(pa).length, JSON.stringify(outsideProblems(pa))).toBe(trusted ? 0 : 1);
        const b = fileUri(`frontmatter-${trusted}.md`);
        await h.open(b, `---\nrequirements: [${outside}]\n---\n` + SEEDS[3]!, 'markdown');
        const pb = await h.waitForDiagnostics(b, (x) => x.version === 1, 20000);
        const refused = outsideProblems(pb).filter((d) => d.range.start.line === 1);
        expect(refused.length, JSON.stringify(pb.diagnostics.filter((d) => String(d.code).startsWith('config')))).toBe(1);
        expect(refused[0]!.message).toContain('工作区之外');
      } finally {
        await h.stop();
      }
    }, 60000);
  }
});

describe('the client goes away', () => {
  it('exit without shutdown: the server exits (code 1, as the protocol says)', async () => {
    const h = await startServer();
    await h.open(fileUri('a.txt'), SEEDS[2]!);
    void h.conn.sendNotification(ExitNotification.type);
    expect(await exitsWithin(h.proc, 5000)).toBe(true);
    expect(h.proc.exitCode).toBe(1);
    h.conn.dispose();
  });

  it('stdin closed without shutdown or exit (the editor crashed): the server exits', async () => {
    const h = await startServer();
    await h.open(fileUri('b.txt'), SEEDS[3]!);
    h.proc.stdin.end();
    expect(await exitsWithin(h.proc, 5000)).toBe(true);
    h.conn.dispose();
  });
});

describe('malformed JSON-RPC on the wire', () => {
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
  const init = (id: number) =>
    frame(JSON.stringify({ jsonrpc: '2.0', id, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));

  /** Writes `garbage`, then an initialize request; passes when the server answers it or exits. */
  async function survives(garbage: string | Buffer): Promise<'answered' | 'exited'> {
    const proc = spawn(process.execPath, [serverPath, '--stdio'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (d: string) => (out += d));
    proc.stdin.on('error', () => undefined);
    proc.stdin.write(garbage);
    proc.stdin.write(init(99));
    const result = await new Promise<'answered' | 'exited' | 'hang'>((resolve) => {
      const t = setTimeout(() => resolve('hang'), 10000);
      const check = setInterval(() => {
        if (/"id":\s*99/.test(out)) {
          clearTimeout(t);
          clearInterval(check);
          resolve('answered');
        }
      }, 20);
      proc.once('exit', () => {
        clearTimeout(t);
        clearInterval(check);
        resolve(/"id":\s*99/.test(out) ? 'answered' : 'exited');
      });
    });
    proc.kill();
    expect(result, `garbage ${JSON.stringify(String(garbage).slice(0, 60))} → ${result}; stdout: ${out.slice(0, 300)}`).not.toBe('hang');
    return result as 'answered' | 'exited';
  }

  const cases: [string, string | Buffer][] = [
    ['invalid JSON body', frame('{"jsonrpc":"2.0","id":1,"method":')],
    ['JSON that is not JSON-RPC', frame('[1,2,3]')],
    ['an object without method or id', frame('{"foo":"bar"}')],
    ['a request with a non-string method', frame('{"jsonrpc":"2.0","id":2,"method":42}')],
    // framing lost: the reader can never find the next message, so the server must exit, not idle forever
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n'],
    ['a non-numeric Content-Length', 'Content-Length: lots\r\n\r\n'],
    ['binary noise', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256))],
    ['a response to nothing', frame('{"jsonrpc":"2.0","id":12345,"result":null}')],
    ['a request before initialize', frame('{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{}}')],
  ];
  for (const [name, garbage] of cases) {
    it(`${name}: an answer or a clean exit, never a hang`, async () => {
      await survives(garbage);
    }, 20000);
  }

  it('a Content-Length far larger than what follows, then the client closes: the server exits', async () => {
    const proc = spawn(process.execPath, [serverPath, '--stdio'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    proc.stdin.write('Content-Length: 999999999999\r\n\r\n{"jsonrpc":"2.0"');
    proc.stdin.end();
    const exited = await exitsWithin(proc, 8000);
    if (!exited) proc.kill();
    expect(exited).toBe(true);
  }, 20000);
});
