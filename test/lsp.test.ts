/**
 * Integration: the language server, bundled from source as `npm run build` bundles it, runs as a
 * separate process driven over stdio by the real protocol client library, on the seeds. The last
 * test starts the bundle `npm run build` made through the linked bin (`npx planlint-language-server`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  SymbolKind,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { readSeed } from './helpers.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyEdits, buildServer, builtServerPath, fileUri, removeServerBuild, startServer, type Harness } from './lsp-harness.js';

beforeAll(buildServer, 120000);
afterAll(removeServerBuild);

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function sectionSymbols(list: DocumentSymbol[] | undefined): DocumentSymbol[] {
  return (list ?? []).filter((s) => s.kind === SymbolKind.Namespace);
}

describe('language server over stdio (push diagnostics, bare client)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('announces its capabilities', () => {
    const c = h.init.capabilities;
    expect(h.init.serverInfo?.name).toBe('planlint-language-server');
    expect(c.textDocumentSync).toMatchObject({ change: 2 }); // incremental
    expect(c.documentSymbolProvider).toBeTruthy();
    expect(c.hoverProvider).toBe(true);
    expect(c.foldingRangeProvider).toBe(true);
    expect(c.codeLensProvider).toBeTruthy();
    expect(c.completionProvider).toBeTruthy();
    expect(c.documentLinkProvider).toBeTruthy();
    expect(c.codeActionProvider).toMatchObject({ codeActionKinds: expect.arrayContaining(['quickfix', 'source.fixAll.planlint']) });
    // the client offered no pull diagnostics, so the server pushes
    expect(c.diagnosticProvider).toBeUndefined();
  });

  it("pushes numbering/style diagnostics for seed 001's half-width (一) headings", async () => {
    const text = readSeed('001');
    const uri = fileUri('seed-001.txt');
    await h.open(uri, text);
    const pub = await h.waitForDiagnostics(uri);
    const src = lines(text);
    // every heading line that opens with a half-width bracket, found from the text itself
    const halfWidth = src.map((l, i) => (/^\s*\([一二三四五六七八九十]+\)/.test(l) ? i : -1)).filter((i) => i >= 0);
    expect(halfWidth.length).toBe(15);
    const style = pub.diagnostics.filter((d) => d.code === 'numbering/style');
    for (const line of halfWidth) {
      const d = style.find((x) => x.range.start.line === line);
      expect(d, `numbering/style on line ${line + 1}: ${src[line]!.slice(0, 12)}`).toBeDefined();
      // the range covers the token as written
      expect(src[line]!.slice(d!.range.start.character, d!.range.end.character)).toMatch(/^\([一二三四五六七八九十]+\)$/);
      expect(d!.source).toBe('planlint');
      expect(d!.message).toMatch(/半角括号/); // Chinese first
      expect(d!.message).toMatch(/half-width/); // English after
      expect(d!.message).toContain('GB/T 9704-2012');
      // the code links to the rule's documentation, a local file
      expect(d!.codeDescription?.href).toMatch(/^file:\/\/.*\/docs\/rules\.md#rule-numbering-style$/);
      expect(existsSync(fileURLToPath(d!.codeDescription!.href.replace(/#.*$/, '')))).toBe(true);
    }
    // full-width headings are not called half-width
    const fullWidthLines = src.map((l, i) => (/^\s*（[一二三四五六七八九十]+）/.test(l) ? i : -1)).filter((i) => i >= 0);
    for (const line of fullWidthLines) {
      expect(style.some((d) => d.range.start.line === line && /半角括号/.test(d.message))).toBe(false);
    }
  });

  it('gives seed 000 an outline of 10 level-1 sections with the 38 numbered items beneath them', async () => {
    const text = readSeed('000');
    const uri = fileUri('seed-000.txt');
    await h.open(uri, text);
    const symbols = (await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const top = sectionSymbols(symbols);
    expect(top.length).toBe(10);
    expect(top.map((s) => s.name.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、']);
    expect(top[0]!.name).toBe('一、坚决打赢常态化疫情防控持久战');
    const items = top.flatMap((s) => sectionSymbols(s.children));
    expect(items.length).toBe(38);
    expect(items.map((s) => Number(/^(\d+)\./.exec(s.name)?.[1]))).toEqual(Array.from({ length: 38 }, (_, i) => i + 1));
    // every selection range lies in its range, and names the heading line in the text
    const src = lines(text);
    for (const s of [...top, ...items]) {
      expect(s.selectionRange.start.line).toBeGreaterThanOrEqual(s.range.start.line);
      expect(s.selectionRange.end.line).toBeLessThanOrEqual(s.range.end.line);
      expect(src[s.selectionRange.start.line]!.trim().startsWith(s.name.slice(0, 3))).toBe(true);
    }
    // item 1. sits under 一、, item 4. under 二、 (seed text: 一、 holds 1.–3.)
    expect(sectionSymbols(top[0]!.children).map((s) => s.name.split('.')[0])).toEqual(['1', '2', '3']);
  });

  it('hovers on “90%以上” in seed 000 with the indicator name and value', async () => {
    const text = readSeed('000');
    const uri = fileUri('seed-000.txt');
    const src = lines(text);
    const line = src.findIndex((l) => l.includes('90%以上'));
    expect(line).toBeGreaterThan(0);
    const character = src[line]!.indexOf('90%以上') + 1;
    const hover = (await h.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } })) as Hover;
    expect(hover).toBeTruthy();
    const value = (hover.contents as MarkupContent).value;
    expect(value).toContain('适龄儿童免疫规划疫苗接种率');
    expect(value).toMatch(/数值 value \| 90 \|/);
    expect(value).toContain('%');
    expect(value).toContain('以上');
  });

  it('offers a quick fix for a numbering/style problem whose edit changes only the token', async () => {
    const text = readSeed('001');
    const uri = fileUri('seed-001.txt');
    const pub = await h.waitForDiagnostics(uri);
    const d = pub.diagnostics.find((x) => x.code === 'numbering/style') as Diagnostic;
    const actions = (await h.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'numbering/style' && a.edit);
    expect(fix, JSON.stringify(actions.map((a) => a.title))).toBeDefined();
    const edits = fix!.edit!.changes![uri] as TextEdit[];
    const fixed = applyEdits(text, edits);
    const before = lines(text);
    const after = lines(fixed);
    expect(after.length).toBe(before.length);
    const line = d.range.start.line;
    expect(before[line]!.startsWith('(一)')).toBe(true);
    expect(after[line]).toBe('（一）' + before[line]!.slice(3));
    // nothing else changed
    for (let i = 0; i < before.length; i++) if (i !== line) expect(after[i]).toBe(before[i]);
    expect(fixed.length).toBe(text.length);
  });

  it('reports a new numbering/sequence diagnostic after an incremental edit breaks the numbering', async () => {
    const text = readSeed('000');
    const uri = fileUri('seed-000-edit.txt');
    await h.open(uri, text, 'plaintext', 1);
    const first = await h.waitForDiagnostics(uri, (p) => p.version === 1);
    expect(first.diagnostics.filter((d) => d.code === 'numbering/sequence')).toEqual([]);
    const src = lines(text);
    const line = src.findIndex((l) => l.startsWith('2.加强监测预警'));
    expect(line).toBeGreaterThan(0);
    // incremental change: "2." → "5."
    await h.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '5' }],
    });
    const second = await h.waitForDiagnostics(uri, (p) => p.version === 2);
    const seq = second.diagnostics.filter((d) => d.code === 'numbering/sequence');
    expect(seq.length).toBeGreaterThan(0);
    expect(seq.some((d) => d.range.start.line === line)).toBe(true);
  });

  it('survives garbage: unknown methods, never-opened documents, out-of-range positions', async () => {
    await expect(h.conn.sendRequest('planlint/noSuchMethod', { x: 1 })).rejects.toMatchObject({ code: -32601 });
    const ghost = fileUri('never-opened.txt');
    expect(await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: ghost } })).toEqual([]);
    expect(await h.conn.sendRequest(HoverRequest.type, { textDocument: { uri: ghost }, position: { line: 0, character: 0 } })).toBeNull();
    const uri = fileUri('seed-000.txt');
    const far = await h.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 99999, character: 99999 } });
    expect(far).toBeNull();
    const neg = await h.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: -5, character: -1 }, end: { line: 1e9, character: 1e9 } },
      context: {
        diagnostics: [
          { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'x', source: 'planlint', code: 'no/such-rule', data: 'junk' },
        ],
      },
    });
    expect(Array.isArray(neg)).toBe(true);
    // malformed params on planlint's own requests
    expect(await h.conn.sendRequest('planlint/stats', null)).toBeNull();
    // a change to a document never opened, then binary junk as a document
    await h.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: ghost, version: 7 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } }, text: 'x' }],
    });
    const junkUri = fileUri('junk.txt');
    await h.open(junkUri, '\u0000\uffff\ud800（（（一、、1..\r\n\r（1）\n---\n: [\n一是二是二是', 'plaintext');
    await h.waitForDiagnostics(junkUri);
    // still alive and answering
    const symbols = await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    expect(sectionSymbols(symbols as DocumentSymbol[]).length).toBe(10);
    expect(h.proc.exitCode).toBeNull();
  });
});

describe('the linked bin', () => {
  it('`npx planlint-language-server --stdio` from the repository root starts the built server', async () => {
    // server/dist/server.js is what `npm ci` ("prepare") and `npm run build` produce
    expect(existsSync(builtServerPath), 'run npm run build first').toBe(true);
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const h = await startServer({ command: { file: npx, args: ['planlint-language-server', '--stdio'] } });
    try {
      expect(h.init.serverInfo?.name).toBe('planlint-language-server');
      const uri = fileUri('npx-001.txt');
      await h.open(uri, readSeed('001'));
      const pub = await h.waitForDiagnostics(uri);
      expect(pub.diagnostics.some((d) => d.code === 'numbering/style')).toBe(true);
    } finally {
      await h.stop();
    }
  });
});
