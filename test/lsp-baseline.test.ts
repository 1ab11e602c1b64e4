/**
 * The language server reads the baseline file a draft names in front matter (`baseline:`), as the
 * CLI does (node/baseline.ts): indicator/below-baseline compares with it; a file outside the
 * workspace is refused in trusted and untrusted workspaces alike, like a requirement set the draft
 * names; the file is watched, and a change of it re-checks the draft. Over stdio with the real
 * protocol libraries (test/lsp-harness.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node.js';
import { buildServer, removeServerBuild, startServer } from './lsp-harness.js';

beforeAll(buildServer, 120000);
afterAll(removeServerBuild);

const SUMMARY = '2020年全县卫生健康工作总结\n一、主要成效\n全县电子健康档案建档率达到82%，家庭医生签约服务覆盖率已达到45%，累计完成了全年任务。\n';
const draft = (baseline: string) => `---\nbaseline: ${baseline}\n---\n2021年全县卫生健康工作要点\n一、基层卫生\n家庭医生签约服务覆盖率达到40%以上。\n`;
const below = (p: PublishDiagnosticsParams): Diagnostic[] => p.diagnostics.filter((d) => d.code === 'indicator/below-baseline');
const frontMatter = (p: PublishDiagnosticsParams): Diagnostic[] => p.diagnostics.filter((d) => d.code === 'config/front-matter');

describe('the language server reads baseline files', () => {
  const root = mkdtempSync(join(tmpdir(), 'planlint-lsp-baseline-'));
  const ws = join(root, 'ws');
  mkdirSync(join(ws, '2020'), { recursive: true });
  mkdirSync(join(ws, '2021'));
  writeFileSync(join(ws, '2020', 'summary.txt'), SUMMARY);
  // a summary outside the workspace folder
  writeFileSync(join(root, 'outside-summary.txt'), SUMMARY);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('compares with the summary named in front matter, watches it and re-checks the draft when it changes', async () => {
    const registered: unknown[] = [];
    const h = await startServer({
      workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } },
    });
    h.conn.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      for (const r of params.registrations) if (r.method === 'workspace/didChangeWatchedFiles') registered.push(r.registerOptions);
      return null;
    });
    try {
      const file = join(ws, '2021', 'plan.txt');
      const text = draft('../2020/summary.txt');
      writeFileSync(file, text);
      const uri = pathToFileURL(file).href;
      await h.open(uri, text, 'plan');
      const first = await h.waitForDiagnostics(uri, (p) => p.version === 1);
      // 40% is below the 45% the summary reports as reached
      expect(below(first).map((d) => d.range.start.line + 1)).toEqual([6]);
      expect(below(first)[0]!.message).toContain('45');
      expect(frontMatter(first)).toEqual([]);
      // the server asked the client to watch the summary (a pattern in its folder)
      const summaryUri = pathToFileURL(join(ws, '2020', 'summary.txt')).href;
      await expect.poll(() => JSON.stringify(registered), { timeout: 10000 }).toContain('summary.txt');
      expect(JSON.stringify(registered)).toContain(pathToFileURL(join(ws, '2020')).href);

      // the summary is corrected (the rate reached was 38%): reported by the watcher, the draft is re-checked
      writeFileSync(join(ws, '2020', 'summary.txt'), SUMMARY.replace('45%', '38%'));
      const before = h.published.length;
      await h.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: summaryUri, type: FileChangeType.Changed }] });
      const second = await h.waitForDiagnostics(uri, (p) => h.published.indexOf(p) >= before);
      expect(below(second)).toEqual([]);

      // deleted: a located problem at the baseline key
      rmSync(join(ws, '2020', 'summary.txt'));
      const before2 = h.published.length;
      await h.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: summaryUri, type: FileChangeType.Deleted }] });
      const third = await h.waitForDiagnostics(uri, (p) => h.published.indexOf(p) >= before2);
      expect(frontMatter(third).map((d) => [d.range.start.line + 1, d.message.includes('无法读取基线文件')])).toEqual([[2, true]]);
    } finally {
      await h.stop();
      writeFileSync(join(ws, '2020', 'summary.txt'), SUMMARY);
    }
  }, 60000);

  for (const trusted of [true, false]) {
    it(`${trusted ? 'trusted' : 'untrusted'} workspace: a baseline file outside the workspace is refused, not read`, async () => {
      const h = await startServer({ workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }], initializationOptions: { trusted } });
      try {
        const file = join(ws, '2021', `outside-${trusted}.txt`);
        const text = draft('../../outside-summary.txt');
        writeFileSync(file, text);
        const uri = pathToFileURL(file).href;
        await h.open(uri, text, 'plan');
        const p = await h.waitForDiagnostics(uri, (x) => x.version === 1);
        expect(below(p)).toEqual([]);
        expect(frontMatter(p).map((d) => [d.range.start.line + 1, d.message.includes('工作区之外')])).toEqual([[2, true]]);
        // the same draft naming the summary inside the workspace is compared with it
        const inside = join(ws, '2021', `inside-${trusted}.txt`);
        const insideText = draft('../2020/summary.txt');
        writeFileSync(inside, insideText);
        const insideUri = pathToFileURL(inside).href;
        await h.open(insideUri, insideText, 'plan');
        const q = await h.waitForDiagnostics(insideUri, (x) => x.version === 1);
        expect(below(q).length).toBe(1);
      } finally {
        await h.stop();
      }
    }, 60000);
  }
});
