/**
 * The CLI's output when stdout is a pipe (server/src/cli/stdio.ts writes files and pipes with
 * fs.writeSync, not through process.stdout): a reader that stops early (`planlint … | head`) ends
 * the run quietly with its usual exit status, and a non-blocking pipe that fills up still receives
 * every byte.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCliForTest, repoRoot } from './helpers.js';

let cli = '';

beforeAll(async () => {
  cli = await bundleCliForTest('stdio');
});

afterAll(() => rmSync(cli, { force: true }));

// the 30 corpus documents as JSON: ~2.7 MB, far more than a pipe holds (64 KB)
const corpus = readdirSync(join(repoRoot, 'test', 'corpus'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join('test', 'corpus', f));
const args = () => [cli, 'check', '--format', 'json', ...corpus];
const env = { ...process.env, NO_COLOR: '1', PLANLINT_LANG: '' };

function full(): { status: number | null; stdout: Buffer } {
  const r = spawnSync(process.execPath, args(), { cwd: repoRoot, env, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout };
}

describe('stdout as a pipe', () => {
  it('a reader that closes the pipe after the first chunk: no error, the exit status of a full run', async () => {
    const expected = full();
    expect(expected.status).toBe(1); // the corpus has error-level findings
    expect(expected.stdout.length).toBeGreaterThan(1024 * 1024);
    const child = spawn(process.execPath, args(), { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(expected.status);
  });

  it('a full non-blocking pipe (a Node host whose process.stdout made it so): every byte arrives, in order', async () => {
    const expected = full();
    // process.stdout of a pipe makes the descriptor non-blocking (libuv); the CLI then runs in the
    // same process (a child spawned by Node would get it back in blocking mode)
    const [, ...cliArgs] = args();
    const host = `process.stdout.write('');
require(${JSON.stringify(cli)}).main(${JSON.stringify(cliArgs)}).then((code) => (process.exitCode = code));`;
    const child = spawn(process.execPath, ['-e', host], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // once the output begins, nobody reads for a while: the pipe fills and the CLI's writes meet EAGAIN
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => {
      chunks.push(d);
      if (chunks.length > 1) return;
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 300);
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(expected.status);
    expect(Buffer.concat(chunks).equals(expected.stdout)).toBe(true);
  });
});
