/**
 * The language server against protocol abuse and workspace escapes (issue 13, break 14 and "Also"):
 * a framed body that is not JSON gets ParseError (−32700) and the server keeps serving; a request
 * before `initialize` gets ServerNotInitialized (−32002); a requirement set outside the workspace
 * gets no document link (which would tell the workspace whether the file exists).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentLinkRequest, type DocumentLink } from 'vscode-languageserver-protocol/node.js';
import { buildServer, removeServerBuild, serverPath, startServer } from './lsp-harness.js';

beforeAll(buildServer, 60_000);
afterAll(removeServerBuild);

const frame = (s: string) => `Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`;

/** Sends raw frames, collects the JSON responses for `ms`, then reports whether the process still runs. */
async function raw(frames: string[], ms = 2500): Promise<{ responses: { id?: unknown; error?: { code: number }; result?: unknown }[]; alive: boolean }> {
  const p = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  p.stdout.setEncoding('utf8');
  p.stdout.on('data', (d: string) => (out += d));
  for (const f of frames) p.stdin.write(f);
  await new Promise((r) => setTimeout(r, ms));
  const alive = p.exitCode === null;
  p.kill();
  const responses = out
    .split(/Content-Length: \d+\r\n\r\n/)
    .filter((s) => s.trim())
    .map((s) => JSON.parse(s) as { id?: unknown; error?: { code: number }; result?: unknown });
  return { responses, alive };
}

const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 2,
  method: 'initialize',
  params: { processId: null, rootUri: null, capabilities: {} },
});

describe('JSON-RPC errors', () => {
  it('a framed body that is not JSON gets −32700 and the server goes on to answer initialize', async () => {
    const r = await raw([frame('{not json'), frame(initialize)]);
    expect(r.responses.find((x) => x.error?.code === -32700)?.id).toBeNull();
    expect(r.responses.find((x) => x.id === 2)?.result).toBeTruthy();
    expect(r.alive).toBe(true);
  }, 30_000);

  it('a request before initialize gets −32002 and is not handled', async () => {
    const r = await raw([
      frame(
        JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'textDocument/hover',
          params: { textDocument: { uri: 'file:///x.txt' }, position: { line: 0, character: 0 } },
        }),
      ),
      frame(initialize),
    ]);
    expect(r.responses.find((x) => x.id === 1)?.error?.code).toBe(-32002);
    expect(r.responses.find((x) => x.id === 2)?.result).toBeTruthy();
  }, 30_000);
});

describe('break 14: no document link for a refused path', () => {
  it('a requirement set outside the workspace folder is refused and gets no link; one inside does', async () => {
    const root = mkdtempSync(join(tmpdir(), 'planlint-sec-lsp-'));
    const ws = join(root, 'ws');
    mkdirSync(ws);
    mkdirSync(join(root, 'secret'));
    const set = 'title: 上级要点\nthemes:\n  - id: t1\n    title: 卫生健康\n    keywords: [卫生健康]\n';
    writeFileSync(join(root, 'secret', 'set.yaml'), set);
    writeFileSync(join(ws, 'set.yaml'), set);
    const h = await startServer({ workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }] });
    try {
      const links = async (ref: string, name: string) => {
        const uri = pathToFileURL(join(ws, name)).href;
        await h.open(uri, `---\nrequirements: ${ref}\n---\n一、加强卫生健康服务\n`);
        await h.waitForDiagnostics(uri);
        return (await h.conn.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } })) as DocumentLink[];
      };
      expect(await links('../secret/set.yaml', 'outside.txt')).toEqual([]);
      expect((await links('set.yaml', 'inside.txt')).length).toBe(1);
    } finally {
      await h.stop();
    }
  }, 60_000);
});
