/**
 * Integration: the built language server's other features, over stdio (and IPC) with the real
 * protocol client library: pull diagnostics, configuration and alignment, suppression markers,
 * fix all, renumbering, watched files, completion, links, folding, configuration problems.
 */
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FileChangeType,
  FoldingRangeRequest,
  HoverRequest,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Diagnostic,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type FullDocumentDiagnosticReport,
  type Hover,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node.js';
import { readSeed, repoRoot } from './helpers.js';
import { applyEdits, buildServer, fileUri, removeServerBuild, serverPath, startServer, type Harness } from './lsp-harness.js';

beforeAll(buildServer, 120000);
afterAll(removeServerBuild);

const lines = (t: string) => t.split(/\r\n|\r|\n/);

async function fullChange(h: Harness, uri: string, version: number, text: string): Promise<void> {
  await h.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
}

async function actionsAt(h: Harness, uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return (await h.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d], only },
  })) as CodeAction[];
}

describe('pull diagnostics', () => {
  it('answers textDocument/diagnostic and does not push when the client pulls', async () => {
    const h = await startServer({
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: {} } },
    });
    try {
      expect(h.init.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false });
      const uri = fileUri('pull-001.txt');
      await h.open(uri, readSeed('001'));
      const report = (await h.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
      expect(report.kind).toBe('full');
      expect(report.items.filter((d) => d.code === 'numbering/style').length).toBeGreaterThanOrEqual(15);
      expect(h.published.filter((p) => p.uri === uri)).toEqual([]);
    } finally {
      await h.stop();
    }
  });
});

describe('settings pushed by clients without workspace/configuration (Neovim 0.7)', () => {
  it('takes initializationOptions.settings.planlint, then workspace/didChangeConfiguration', async () => {
    const h = await startServer({
      capabilities: { textDocument: { publishDiagnostics: {} } },
      initializationOptions: { settings: { planlint: { requirements: ['henan-2021'] } } },
    });
    try {
      const uri = fileUri('pushed-001.txt');
      await h.open(uri, readSeed('001'));
      const first = await h.waitForDiagnostics(uri);
      expect(first.diagnostics.some((d) => d.code === 'alignment/missing-theme')).toBe(true);
      const before = h.published.length;
      await h.conn.sendNotification('workspace/didChangeConfiguration', {
        settings: { planlint: { requirements: [], severity: { 'numbering/style': 'off' } } },
      });
      const next = await h.waitForDiagnostics(uri, (p) => h.published.indexOf(p) >= before);
      expect(next.diagnostics.some((d) => d.code === 'alignment/missing-theme')).toBe(false);
      expect(next.diagnostics.some((d) => d.code === 'numbering/style')).toBe(false);
    } finally {
      await h.stop();
    }
  });
});

describe('very large documents', () => {
  it('run only the structural rules above planlint.maxDocumentSize, and say so', async () => {
    const text = readSeed('001');
    const h = await startServer({ configuration: () => ({ requirements: ['henan-2021'], maxDocumentSize: text.length - 1 }) });
    try {
      const uri = fileUri('large-001.txt');
      await h.open(uri, text);
      const pub = await h.waitForDiagnostics(uri);
      const codes = new Set(pub.diagnostics.map((d) => String(d.code)));
      expect(codes.has('planlint/large-document')).toBe(true);
      expect(codes.has('numbering/style')).toBe(true);
      for (const c of codes) expect(c).toMatch(/^(numbering|heading|enumeration|planlint)\//);
      const info = pub.diagnostics.find((d) => d.code === 'planlint/large-document')!;
      expect(info.severity).toBe(3);
      expect(info.message).toContain('仅检查结构');
    } finally {
      await h.stop();
    }
  });
});

describe('IPC transport', () => {
  it('serves over --node-ipc as the VS Code extension starts it', async () => {
    const child = fork(serverPath, ['--node-ipc'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    conn.listen();
    try {
      const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
      expect(init.serverInfo?.name).toBe('planlint-language-server');
      const uri = fileUri('ipc-000.txt');
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: readSeed('000') } });
      const symbols = (await conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      expect(symbols.filter((s) => s.name.match(/^[一二三四五六七八九十]+、/)).length).toBe(10);
    } finally {
      conn.dispose();
      child.kill();
    }
  });
});

describe('with the Henan 2021 requirement set configured (workspace/configuration)', () => {
  let h: Harness;
  const uri = fileUri('aligned-000.txt');
  const text = readSeed('000');
  beforeAll(async () => {
    h = await startServer({ configuration: (section) => (section === 'planlint' ? { requirements: ['henan-2021'], include: ['**/*.txt'] } : null) });
    await h.open(uri, text);
    await h.waitForDiagnostics(uri);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('reports the ten provincial tasks with status and covering sections', async () => {
    const res = (await h.conn.sendRequest('planlint/alignment', { uri })) as {
      sets: string[];
      coverage: number;
      themes: { title: string; status: string; sections: { number: string; range: { start: { line: number } } }[] }[];
    };
    expect(res.sets).toEqual(['henan-2021']);
    expect(res.themes.length).toBe(10);
    const src = lines(text);
    for (const t of res.themes) {
      expect(['covered', 'partial', 'missing']).toContain(t.status);
      // a section reference points at that section's heading line
      for (const s of t.sections) expect(src[s.range.start.line]!.trim().startsWith(s.number)).toBe(true);
    }
    expect(res.coverage).toBeGreaterThan(0);
  });

  it('shows the superior target and its status in the hover on “90%以上”', async () => {
    const src = lines(text);
    const line = src.findIndex((l) => l.includes('90%以上'));
    const hover = (await h.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line, character: src[line]!.indexOf('90%以上') },
    })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    expect(value).toContain('上级目标');
    expect(value).toContain('henan-2021');
    expect(value).toMatch(/达标 met/);
  });

  it('names the superior themes a heading answers in its hover', async () => {
    const src = lines(text);
    const line = src.findIndex((l) => l.startsWith('一、坚决打赢常态化疫情防控持久战'));
    const hover = (await h.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 3 } })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    expect(value).toContain('一级');
    expect(value).toContain('上级任务');
    expect(value).toContain('毫不松懈抓好常态化疫情防控');
    expect(hover.range!.start.line).toBe(line);
  });

  it('puts a code lens on each level-1 heading naming the tasks it answers', async () => {
    const lenses = (await h.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    expect(lenses.length).toBe(10);
    const src = lines(text);
    for (const l of lenses) expect(src[l.range.start.line]!).toMatch(/^\s*[一二三四五六七八九十]+、/);
    expect(lenses[0]!.command!.title).toMatch(/回应上级任务/);
    expect(lenses[0]!.command!.title).toMatch(/疫情防控/);
  });

  it('serves the HTML review report and the indicator CSV', async () => {
    const report = (await h.conn.sendRequest('planlint/report', { uri, format: 'html' })) as { available: boolean; content: string };
    expect(report.available).toBe(true);
    expect(report.content).toMatch(/<html/i);
    expect(report.content).toContain('<svg');
    // the Markdown report in one language (Chinese unless the messages are English)
    const md = (await h.conn.sendRequest('planlint/report', { uri, format: 'md' })) as { available: boolean; content: string };
    expect(md.content.startsWith('# 对标上级规划审查报告\n')).toBe(true);
    expect(md.content).not.toContain('Alignment review');
    const csv = (await h.conn.sendRequest('planlint/indicatorsCsv', { uri })) as { content: string; count: number };
    const rows = csv.content
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('file,line,column,section,name,comparator,op,value,value2,unit,qualifier,deadline,kind,text');
    expect(rows.length).toBe(csv.count + 1);
    expect(rows.some((r) => r.includes('适龄儿童免疫规划疫苗接种率') && r.includes(',90,'))).toBe(true);
  });
});

describe('missing themes (seed 001 forced against the Henan 2021 set)', () => {
  it('inserts a skeleton for every missing theme, quoting the superior wording, and keeps all other text', async () => {
    const h = await startServer({ configuration: () => ({ requirements: ['henan-2021'] }) });
    try {
      const text = readSeed('001');
      const uri = fileUri('themes-001.txt');
      await h.open(uri, text);
      const pub = await h.waitForDiagnostics(uri);
      const missing = pub.diagnostics.filter((d) => d.code === 'alignment/missing-theme');
      expect(missing.length).toBeGreaterThan(0);
      const alignment = (await h.conn.sendRequest('planlint/alignment', { uri })) as { themes: { title: string; status: string }[] };
      const missingTitles = alignment.themes.filter((t) => t.status === 'missing').map((t) => t.title);
      expect(missingTitles.length).toBe(missing.length);
      // the quick fix on one finding, and the refactoring that inserts them all
      const actions = await actionsAt(h, uri, missing[0]!);
      expect(actions.some((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'alignment/missing-theme' && a.edit)).toBe(true);
      const res = (await h.conn.sendRequest('planlint/edits', { uri, kind: 'insertMissingThemes' })) as { edits: TextEdit[] };
      expect(res.edits.length).toBeGreaterThanOrEqual(missingTitles.length);
      const edited = applyEdits(text, res.edits);
      for (const title of missingTitles) expect(edited).toContain(title);
      // every edit is an insertion: removing the inserted text gives back the draft exactly
      expect(res.edits.every((e) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character)).toBe(true);
      let restored = edited;
      const inserted = res.edits.map((e) => e.newText);
      for (const t of inserted) restored = restored.replace(t, '');
      expect(restored).toBe(text);
      // and the draft then answers those themes
      await fullChange(h, uri, 2, edited);
      const next = await h.waitForDiagnostics(uri, (p) => p.version === 2);
      expect(next.diagnostics.filter((d) => d.code === 'alignment/missing-theme')).toEqual([]);
    } finally {
      await h.stop();
    }
  });

  it('completes theme titles after a heading number and target wording elsewhere', async () => {
    const h = await startServer({ configuration: () => ({ requirements: ['henan-2021'] }) });
    try {
      const text = '一、总体要求\n\n二、\n适龄儿童\n';
      const uri = fileUri('complete-themes.txt');
      await h.open(uri, text);
      const themes = (await h.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 2, character: 2 } })) as CompletionItem[];
      expect(themes.map((i) => i.label)).toContain('持续实施健康中原行动');
      const targets = (await h.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 4 } })) as CompletionItem[];
      expect(targets.map((i) => i.label)).toContain('适龄儿童免疫规划疫苗接种率保持在90%以上');
    } finally {
      await h.stop();
    }
  });
});

describe('editing features', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('“fix all safe problems” normalises every half-width heading in seed 001 and nothing else', async () => {
    const text = readSeed('001');
    const uri = fileUri('fixall-001.txt');
    await h.open(uri, text);
    const pub = await h.waitForDiagnostics(uri);
    const d = pub.diagnostics.find((x) => x.code === 'numbering/style')!;
    const actions = await actionsAt(h, uri, d, ['source.fixAll']);
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.planlint']);
    const fixed = applyEdits(text, actions[0]!.edit!.changes![uri] as TextEdit[]);
    const before = lines(text);
    const after = lines(fixed);
    expect(after.length).toBe(before.length);
    let changed = 0;
    for (let i = 0; i < before.length; i++) {
      if (before[i] === after[i]) continue;
      changed++;
      // only the half-width brackets of the token changed
      expect(after[i]).toBe(before[i]!.replace(/^\(([一二三四五六七八九十]+)\)/, '（$1）'));
    }
    expect(changed).toBe(15);
    await fullChange(h, uri, 2, fixed);
    const next = await h.waitForDiagnostics(uri, (p) => p.version === 2);
    expect(next.diagnostics.filter((x) => x.code === 'numbering/style')).toEqual([]);
  });

  it('normalises widths and digits across the document (numbering tokens and figures)', async () => {
    // seed 000 with a half-width level-2 heading and full-width figures pasted in
    const src = readSeed('000');
    const text = src.replace('\n1.完善常态化机制', '\n(一)完善常态化机制').replace('接种率达到 90%以上', '接种率达到９０％以上');
    expect(text).not.toBe(src);
    const uri = fileUri('normalise-000.txt');
    await h.open(uri, text);
    const pub = await h.waitForDiagnostics(uri);
    const codes = pub.diagnostics.map((d) => d.code);
    expect(codes).toContain('indicator/format');
    const d = pub.diagnostics.find((x) => x.code === 'indicator/format')!;
    const actions = await actionsAt(h, uri, d, ['refactor']);
    const normalise = actions.find((a) => a.kind === 'refactor.rewrite.normalise.planlint');
    expect(normalise, actions.map((a) => a.title).join(' | ')).toBeDefined();
    const fixed = applyEdits(text, normalise!.edit!.changes![uri] as TextEdit[]);
    expect(fixed).toContain('接种率达到90%以上');
    expect(codes).toContain('numbering/style');
    expect(fixed).toContain('\n（一）完善常态化机制');
    expect(fixed).not.toMatch(/[０-９％]/);
    // nothing but the normalised characters changed: same length, same text apart from them
    expect(fixed.length).toBe(text.length);
    for (let i = 0; i < text.length; i++) {
      if (fixed[i] !== text[i]) expect('０１２３４５６７８９％()（）').toContain(text[i]!);
    }
  });

  it('renumbers the whole document after a number is broken', async () => {
    const text = readSeed('000');
    const broken = text.replace('\n2.加强监测预警', '\n5.加强监测预警');
    expect(broken).not.toBe(text);
    const uri = fileUri('renumber-000.txt');
    await h.open(uri, broken);
    const pub = await h.waitForDiagnostics(uri);
    const d = pub.diagnostics.find((x) => x.code === 'numbering/sequence')!;
    expect(d).toBeDefined();
    const actions = await actionsAt(h, uri, d);
    const whole = actions.find((a) => a.title.startsWith('重新编号全文'));
    expect(whole, actions.map((a) => a.title).join(' | ')).toBeDefined();
    const fixed = applyEdits(broken, whole!.edit!.changes![uri] as TextEdit[]);
    expect(fixed).toBe(text);
    const level = actions.find((a) => a.title.startsWith('重新编号本层级'));
    expect(level).toBeDefined();
    expect(applyEdits(broken, level!.edit!.changes![uri] as TextEdit[])).toBe(text);
    // the same edits through planlint/edits (the extension's "renumber document" command)
    const res = (await h.conn.sendRequest('planlint/edits', { uri, kind: 'renumber' })) as { edits: TextEdit[]; version: number };
    expect(res.version).toBe(1);
    expect(applyEdits(broken, res.edits)).toBe(text);
  });

  it('“disable for this file” in plain text writes a front-matter disable list that silences the rule', async () => {
    const text = readSeed('001');
    const uri = fileUri('suppress-file-001.txt');
    await h.open(uri, text);
    const pub = await h.waitForDiagnostics(uri);
    const d = pub.diagnostics.find((x) => x.code === 'numbering/style')!;
    const actions = await actionsAt(h, uri, d, ['quickfix']);
    const disable = actions.find((a) => a.title.includes('本文件'));
    expect(disable, actions.map((a) => a.title).join(' | ')).toBeDefined();
    const edited = applyEdits(text, disable!.edit!.changes![uri] as TextEdit[]);
    expect(edited.startsWith('---\ndisable:\n  - numbering/style\n---\n')).toBe(true);
    expect(edited.endsWith(text)).toBe(true);
    await fullChange(h, uri, 2, edited);
    const next = await h.waitForDiagnostics(uri, (p) => p.version === 2);
    expect(next.diagnostics.filter((x) => x.code === 'numbering/style')).toEqual([]);
    expect(next.diagnostics.filter((x) => x.code?.toString().startsWith('config/'))).toEqual([]);
  });

  it('“disable for this line” in Markdown writes an HTML comment that silences only that line', async () => {
    const text = readSeed('001');
    const uri = fileUri('suppress-line-001.md');
    await h.open(uri, text, 'markdown');
    const pub = await h.waitForDiagnostics(uri);
    const style = pub.diagnostics.filter((x) => x.code === 'numbering/style');
    const d = style[0]!;
    const actions = await actionsAt(h, uri, d, ['quickfix']);
    const disable = actions.find((a) => a.title.includes('本行'));
    expect(disable).toBeDefined();
    const edited = applyEdits(text, disable!.edit!.changes![uri] as TextEdit[]);
    const after = lines(edited);
    expect(after[d.range.start.line]).toBe('<!-- planlint-disable-next-line numbering/style -->');
    await fullChange(h, uri, 2, edited);
    const next = await h.waitForDiagnostics(uri, (p) => p.version === 2);
    const left = next.diagnostics.filter((x) => x.code === 'numbering/style');
    expect(left.length).toBe(style.length - 1);
    expect(left.some((x) => x.range.start.line === d.range.start.line + 1)).toBe(false);
  });

  it('locates findings exactly in a CRLF document with a BOM (Word on Windows)', async () => {
    const text = '\ufeff' + readSeed('001').replace(/\r?\n/g, '\r\n');
    const uri = fileUri('crlf-001.txt');
    await h.open(uri, text);
    const pub = await h.waitForDiagnostics(uri);
    const src = text.split('\r\n');
    const style = pub.diagnostics.filter((d) => d.code === 'numbering/style');
    expect(style.length).toBe(15);
    for (const d of style) {
      expect(d.range.start.line).toBe(d.range.end.line);
      expect(src[d.range.start.line]!.slice(d.range.start.character, d.range.end.character)).toMatch(/^\([一二三四五六七八九十]+\)$/);
    }
    // and the fix keeps every CRLF
    const actions = await actionsAt(h, uri, style[0]!, ['quickfix']);
    const fixed = applyEdits(text, actions.find((a) => a.diagnostics?.[0]?.code === 'numbering/style')!.edit!.changes![uri] as TextEdit[]);
    expect(fixed.split('\r\n').length).toBe(src.length);
    expect(fixed.replace(/\r\n/g, '').length).toBe(text.replace(/\r\n/g, '').length);
  });

  it('completes the next heading number at a line start', async () => {
    const text = '一、总体要求\n1.坚持人民至上。\n2.坚持预防为主。\n\n';
    const uri = fileUri('complete.txt');
    await h.open(uri, text);
    const items = (await h.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 0 } })) as CompletionItem[];
    expect(items.map((i) => i.label).slice(0, 3)).toEqual(['3.', '（1）', '二、']);
  });

  it('links front-matter requirement sets to their files and folds sections', async () => {
    const text = '---\nrequirements: [henan-2021]\nyear: 2021\n---\n' + readSeed('000');
    const uri = fileUri('links-000.txt');
    await h.open(uri, text);
    const links = (await h.conn.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } })) as DocumentLink[];
    expect(links.length).toBe(1);
    expect(links[0]!.range.start.line).toBe(1);
    expect(links[0]!.target).toMatch(/server\/sets\/henan-2021\.yaml$/);
    const folds = (await h.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) as FoldingRange[];
    expect(folds.some((f) => f.startLine === 0 && f.endLine === 3)).toBe(true); // front matter
    const src = lines(text);
    const first = src.findIndex((l) => l.startsWith('一、'));
    const second = src.findIndex((l) => l.startsWith('二、'));
    const fold = folds.find((f) => f.startLine === first)!;
    expect(fold).toBeDefined();
    expect(fold.endLine).toBeLessThan(second);
    expect(fold.endLine).toBeGreaterThan(first + 5);
  });

  it('reports a requirement set that does not exist where the front matter names it', async () => {
    const text = '---\nrequirements: no-such-set\n---\n一、总体要求\n';
    const uri = fileUri('bad-set.txt');
    await h.open(uri, text);
    const pub = await h.waitForDiagnostics(uri);
    const d = pub.diagnostics.find((x) => x.code === 'config/requirements');
    expect(d, JSON.stringify(pub.diagnostics)).toBeDefined();
    expect(d!.range.start.line).toBe(1);
    expect(d!.message).toContain('no-such-set');
    expect(d!.message).toContain('找不到');
  });
});

describe('untrusted workspaces', () => {
  it('load a requirement set named in the settings from outside the workspace only when trusted', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'planlint-sets-'));
    const setFile = join(outside, 'province.yaml');
    writeFileSync(setFile, readFileSync(join(repoRoot, 'server', 'sets', 'henan-2021.yaml')));
    const ws = mkdtempSync(join(tmpdir(), 'planlint-ws-'));
    const draft = join(ws, 'plan.txt');
    writeFileSync(draft, readSeed('000'));
    const uri = pathToFileURL(draft).href;
    const run = async (trusted: boolean) => {
      const h = await startServer({
        initializationOptions: { trusted },
        configuration: () => ({ requirements: [setFile] }),
        workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }],
      });
      try {
        await h.open(uri, readSeed('000'));
        const pub = await h.waitForDiagnostics(uri);
        const alignment = (await h.conn.sendRequest('planlint/alignment', { uri })) as { sets: string[] };
        return { pub, sets: alignment.sets };
      } finally {
        await h.stop();
      }
    };
    try {
      const trusted = await run(true);
      expect(trusted.sets.length).toBe(1);
      const restricted = await run(false);
      expect(restricted.sets).toEqual([]);
      const problem = restricted.pub.diagnostics.find((d) => d.code === 'config/requirements');
      expect(problem?.message).toContain('工作区之外');
    } finally {
      rmSync(outside, { recursive: true, force: true });
      rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('watched files and debouncing', () => {
  it('keeps its cached planlint.yaml on keystrokes and re-checks when the file watcher reports a change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-ws-'));
    mkdirSync(join(dir, 'drafts'));
    const draft = join(dir, 'drafts', 'plan.txt');
    const text = readSeed('001');
    writeFileSync(draft, text);
    const uri = pathToFileURL(draft).href;
    const h = await startServer({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] });
    try {
      await h.open(uri, text);
      const first = await h.waitForDiagnostics(uri, (p) => p.version === 1);
      expect(first.diagnostics.some((d) => d.code === 'numbering/style')).toBe(true);
      writeFileSync(join(dir, 'planlint.yaml'), 'rules:\n  numbering/style: "off"\n');
      // a keystroke: the server does not look at the disk again
      await fullChange(h, uri, 2, text + '\n');
      const second = await h.waitForDiagnostics(uri, (p) => p.version === 2);
      expect(second.diagnostics.some((d) => d.code === 'numbering/style')).toBe(true);
      // the watcher reports the new planlint.yaml: open drafts are re-checked with it
      const before = h.published.length;
      await h.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: pathToFileURL(join(dir, 'planlint.yaml')).href, type: FileChangeType.Created }],
      });
      const third = await h.waitForDiagnostics(uri, (p) => h.published.indexOf(p) >= before);
      expect(third.version).toBe(2);
      expect(third.diagnostics.some((d) => d.code === 'numbering/style')).toBe(false);
    } finally {
      await h.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('publishes only the newest of rapid edits (older versions are superseded)', async () => {
    const h = await startServer({ configuration: () => ({ debounce: 300 }) });
    try {
      const text = readSeed('000');
      const uri = fileUri('rapid-000.txt');
      await h.open(uri, text);
      await h.waitForDiagnostics(uri, (p) => p.version === 1);
      for (let v = 2; v <= 6; v++) {
        await h.conn.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version: v },
          contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
        });
      }
      const last = await h.waitForDiagnostics(uri, (p) => p.version === 6);
      expect(last.version).toBe(6);
      const versions = h.published.filter((p) => p.uri === uri).map((p) => p.version);
      expect(versions).toEqual([1, 6]);
    } finally {
      await h.stop();
    }
  });
});
