/**
 * A second LSP client: Debian's Neovim (0.7.2) runs headless with a minimal init file
 * (test/e2e/nvim/init.lua) that starts the built server over stdio and attaches it to the buffer
 * after VimEnter. It dumps what it received as JSON; this file asserts it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, e2eDir, repoRoot } from './harness/codeServer.js';
import { halfWidthLevel2Lines, hasChinese, itemsBySection, level1Headings, seedName, seedText } from './harness/expected.js';

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface LspDiagnostic {
  range: LspRange;
  message: string;
  code?: string | number;
  source?: string;
  severity?: number;
}
interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: LspRange;
  selectionRange: LspRange;
  children?: DocumentSymbol[];
}
interface NvimDump {
  nvim: { major: number; minor: number; patch: number };
  errors: string[];
  published: { uri: string; diagnostics: LspDiagnostic[]; version?: number }[];
  diagnostics: { lnum: number; col: number; message: string; source?: string; code?: string; severity: number }[];
  symbols: DocumentSymbol[] | null;
  capabilities: Record<string, unknown> | null;
}

const serverJs = join(repoRoot, 'server', 'dist', 'server.js');
const initLua = join(e2eDir, 'nvim', 'init.lua');
let tmp: string;

function hasNvim(): boolean {
  return spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Opens one seed (a temporary copy) in headless Neovim and returns what its LSP client received. */
function runNvim(prefix: string, waitFor: 'nonempty' | 'any' = 'nonempty'): { dump: NvimDump; stderr: string; status: number | null; dumpPath: string } {
  const dir = mkdtempSync(join(tmp, `nvim-${prefix}-`));
  const file = join(dir, seedName(prefix));
  copyFileSync(join(repoRoot, 'seeds', seedName(prefix)), file);
  const xdg = join(dir, 'xdg');
  const out = join(dir, 'out.json');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: xdg,
    XDG_CONFIG_HOME: join(xdg, 'config'),
    XDG_DATA_HOME: join(xdg, 'data'),
    XDG_STATE_HOME: join(xdg, 'state'),
    XDG_CACHE_HOME: join(xdg, 'cache'),
    XDG_RUNTIME_DIR: xdg,
    NVIM_LOG_FILE: join(xdg, 'nvim.log'),
    PLANLINT_SERVER: serverJs,
    PLANLINT_OUT: out,
    PLANLINT_TIMEOUT_MS: '20000',
    PLANLINT_WAIT_DIAGNOSTICS: waitFor,
  };
  mkdirSync(xdg, { recursive: true });
  const r = spawnSync('nvim', ['--headless', '--noplugin', '-n', '-i', 'NONE', '-u', initLua, file], {
    env,
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!existsSync(out)) {
    throw new Error(`nvim wrote no ${out} (exit ${r.status}, signal ${r.signal}):\n${r.stderr}\n${r.stdout}`);
  }
  const dump = JSON.parse(readFileSync(out, 'utf8')) as NvimDump;
  // keep the dump next to the screenshots for a person to read
  mkdirSync(artifactsDir, { recursive: true });
  const dumpPath = join(artifactsDir, `nvim-${prefix}.json`);
  copyFileSync(out, dumpPath);
  return { dump, stderr: r.stderr, status: r.status, dumpPath };
}

describe('Neovim as a second LSP client', () => {
  beforeAll(() => {
    if (!hasNvim()) throw new Error('nvim is not installed (Debian package `neovim`); .ci/run installs it');
    if (!existsSync(serverJs)) execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    tmp = mkdtempSync(join(tmpdir(), 'planlint-e2e-nvim-'));
  });
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('seed 001: the half-width (一) headings arrive as numbering/style diagnostics in Chinese', () => {
    const { dump, stderr, status, dumpPath } = runNvim('001');
    expect(dump.errors, `nvim reported errors (dump: ${dumpPath}; stderr: ${stderr})`).toEqual([]);
    expect(status).toBe(0);
    expect(dump.nvim.major === 0 ? dump.nvim.minor : 99).toBeGreaterThanOrEqual(7);

    const expected = halfWidthLevel2Lines(seedText('001'));
    expect(expected.length).toBeGreaterThanOrEqual(10); // the seed mixes （一） and (一) throughout

    // what nvim shows (vim.diagnostic): one numbering/style diagnostic on each such line, at column 0
    const style = dump.diagnostics.filter((d) => d.code === 'numbering/style');
    expect(
      style.map((d) => d.lnum).sort((a, b) => a - b),
      `numbering/style lines (dump: ${dumpPath})`,
    ).toEqual(expected.map((e) => e.line));
    for (const d of style) {
      const e = expected.find((x) => x.line === d.lnum)!;
      expect(d.col).toBe(0);
      expect(d.source).toBe('planlint');
      expect(hasChinese(d.message.split('\n')[0]!), d.message).toBe(true);
      expect(d.message).toContain(e.numeral); // names the number it found
      expect(d.message).toContain(`（${e.numeral.slice(1, -1)}）`); // and the full-width form it expects
    }

    // the raw protocol message: UTF-16 range covering exactly "(一)"
    const last = [...dump.published].reverse().find((p) => p.uri.endsWith(seedName('001')));
    expect(last, 'a publishDiagnostics for the buffer').toBeDefined();
    const text = seedText('001').split(/\r\n|\r|\n/);
    for (const d of last!.diagnostics.filter((x) => x.code === 'numbering/style')) {
      const line = text[d.range.start.line]!;
      expect(line.slice(d.range.start.character, d.range.end.character)).toMatch(/^\s*\([一二三四五六七八九十]+\)$/);
    }
  });

  it('seed 000: the document symbols give its ten sections with their numbered items', () => {
    const { dump, stderr, status, dumpPath } = runNvim('000', 'any');
    expect(dump.errors, `nvim reported errors (dump: ${dumpPath}; stderr: ${stderr})`).toEqual([]);
    expect(status).toBe(0);
    const symbols = dump.symbols;
    expect(Array.isArray(symbols), `documentSymbol result (dump: ${dumpPath})`).toBe(true);

    const text = seedText('000');
    const heads = level1Headings(text);
    expect(heads.map((h) => h.number)).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    expect(symbols!.map((s) => s.name)).toEqual(heads.map((h) => h.text));
    expect(symbols!.map((s) => s.selectionRange.start.line)).toEqual(heads.map((h) => h.line));

    const sections = itemsBySection(text);
    expect(sections.flatMap((s) => s.items.map((i) => i.number))).toEqual(Array.from({ length: 38 }, (_, i) => i + 1));
    symbols!.forEach((sym, k) => {
      const items = (sym.children ?? []).filter((c) => /^\d+[.．]/.test(c.name));
      expect(items.map((c) => c.name.match(/^(\d+)/)![1]).map(Number), `items under ${sym.name}`).toEqual(sections[k]!.items.map((i) => i.number));
      expect(items.map((c) => c.selectionRange.start.line)).toEqual(sections[k]!.items.map((i) => i.line));
    });
  });
});
