/**
 * The CLI under every failure (issue 7): exit codes stay as documented (0 clean, 1 findings at
 * error level, 2 usage/input/configuration), messages are one line per problem, no stack trace
 * unless --debug, and the other files are still checked. Bundled privately like test/cli.test.ts
 * so concurrent builds cannot swap the bundle out mid-test.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatStylish } from '../server/src/cli/format/stylish.js';
import type { JsonReport } from '../server/src/cli/format/model.js';
import { bundleCliForTest, seedPath } from './helpers.js';

let cli = '';

beforeAll(async () => {
  cli = await bundleCliForTest('robust');
});
afterAll(() => rmSync(cli, { force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60000, env: { ...process.env, NO_COLOR: '1', PLANLINT_LANG: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const STACK = /^\s+at .+[:(]\d+/m;

function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-robust-cli-'));
  copyFileSync(seedPath('003'), join(dir, 'plan.txt'));
  return dir;
}

describe('exit codes and messages under failure', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0, 0, 0]));
  writeFileSync(join(dir, 'nul.md'), Buffer.concat([Buffer.from('一、总体要求\n'), Buffer.alloc(64)]));
  symlinkSync('loop.txt', join(dir, 'loop.txt'));
  symlinkSync('nowhere.txt', join(dir, 'dangling.txt'));
  mkdirSync(join(dir, 'empty'));
  spawnSync('mkfifo', [join(dir, 'fifo.txt')]);
  mkdirSync(join(dir, 'confdir'));
  writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));

  const cases: { name: string; args: string[]; code: number; mentions: RegExp }[] = [
    { name: 'missing file', args: ['missing.txt'], code: 2, mentions: /missing\.txt/ },
    { name: 'dangling symlink', args: ['dangling.txt'], code: 2, mentions: /dangling\.txt/ },
    { name: 'symlink loop (unreadable)', args: ['loop.txt'], code: 2, mentions: /loop\.txt/ },
    { name: 'a device, not a file', args: ['/dev/null'], code: 2, mentions: /“\/dev\/null”不是普通文件/ },
    { name: 'a FIFO (reading it would block)', args: ['fifo.txt'], code: 2, mentions: /“fifo\.txt”不是普通文件/ },
    { name: 'PDF bytes named .txt', args: ['scan.txt'], code: 2, mentions: /PDF/ },
    { name: 'NUL bytes in a .md', args: ['nul.md'], code: 2, mentions: /NUL/ },
    { name: 'bad glob syntax', args: ['**/*.{txt'], code: 2, mentions: /\*\*\/\*\.\{txt/ },
    { name: 'unbalanced bracket glob', args: ['[plan'], code: 2, mentions: /\[plan/ },
    { name: 'a directory without drafts', args: ['empty'], code: 2, mentions: /empty/ },
    { name: '--config is a directory', args: ['plan.txt', '--config', 'confdir'], code: 2, mentions: /confdir/ },
    { name: '--config is a binary file', args: ['plan.txt', '--config', 'bin.yaml'], code: 2, mentions: /bin\.yaml/ },
    { name: '--profile that does not exist', args: ['plan.txt', '--profile', 'nope.yaml'], code: 2, mentions: /nope\.yaml/ },
    { name: '--requirements that does not exist', args: ['plan.txt', '--requirements', 'nope.yaml'], code: 2, mentions: /nope/ },
    { name: 'unknown option', args: ['plan.txt', '--frobnicate'], code: 2, mentions: /frobnicate/ },
    { name: 'bad --max-warnings', args: ['plan.txt', '--max-warnings', '-3x'], code: 2, mentions: /max-warnings/ },
    { name: 'bad --format', args: ['plan.txt', '--format', 'yaml'], code: 2, mentions: /yaml/ },
  ];

  for (const c of cases) {
    it(`${c.name} → ${c.code}, one line, no stack trace (also with --debug: same code)`, () => {
      const r = run(c.args, dir);
      expect(r.code, r.stdout + r.stderr).toBe(c.code);
      const all = r.stdout + r.stderr;
      expect(all).toMatch(c.mentions);
      expect(all).not.toMatch(STACK);
      expect(all).not.toMatch(/内部错误|internal error/);
      // every problem line names its problem in one line (no multi-line messages)
      const line = all.split('\n').find((l) => c.mentions.test(l));
      expect(line, all).toBeDefined();
      expect(run([...c.args, '--debug'], dir).code).toBe(c.code);
    });
  }

  it('one bad input does not stop the others: the good file is still checked, exit 2', () => {
    const r = run(['missing.txt', 'scan.txt', 'plan.txt', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    const rep = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string }[] }[]; problems: { code: string }[] };
    expect(rep.files.map((f) => f.path)).toContain('plan.txt');
    expect(rep.files.find((f) => f.path === 'plan.txt')!.diagnostics.some((d) => d.code === 'heading/punctuation')).toBe(true);
    expect(rep.problems.length).toBeGreaterThanOrEqual(2);
  });

  it('a hostile planlint.yaml (alias bomb) is a located problem; the draft is still checked', () => {
    const d = tmp();
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefghi'.split('').map(
        (k, i) =>
          `${k}: &${k} [${Array(9)
            .fill('*' + 'abcdefghi'[i])
            .join(',')}]`,
      ),
    ].join('\n');
    writeFileSync(join(d, 'planlint.yaml'), bomb + '\n');
    const r = run(['plan.txt'], d);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toMatch(/内部错误|internal error/);
    expect(r.stdout).toMatch(/^planlint\.yaml\n\s+1:1 +错误 +YAML 中的别名/m);
    expect(r.stdout).toMatch(/^plan\.txt\n/m);
  });

  it('findings only at warning level exit 0, at error level exit 1', () => {
    const d = tmp();
    writeFileSync(join(d, 'clean.txt'), '一、总体要求\n（一）加强领导\n二、重点任务\n');
    expect(run(['clean.txt'], d).code).toBe(0);
    writeFileSync(join(d, 'gap.txt'), '一、总体要求\n三、重点任务\n');
    expect(run(['gap.txt'], d).code).toBe(1);
  });
});

describe('requirement sets named in a draft stay inside the workspace', () => {
  it('front matter ../outside.yaml is refused, located in the draft; --requirements (explicit) may point outside', () => {
    const root = mkdtempSync(join(tmpdir(), 'planlint-robust-ws-'));
    writeFileSync(join(root, 'outside.yaml'), 'title: 上级要点\nthemes:\n  - id: t1\n    title: 疫情防控\n    keywords: [疫情防控]\n');
    const ws = join(root, 'ws');
    mkdirSync(ws);
    writeFileSync(join(ws, 'plan.md'), '---\ntitle: 测试\nrequirements: [../outside.yaml, /etc/passwd]\n---\n一、总体要求\n');
    const r = run(['plan.md', '--format', 'json'], ws);
    const rep = JSON.parse(r.stdout) as {
      files: {
        metadata: { requirements: string[] };
        diagnostics: { code: string; range: { start: { line: number; character: number } }; message: string }[];
      }[];
    };
    const refused = rep.files[0]!.diagnostics.filter((d) => d.code === 'config/requirements');
    expect(
      refused.map((d) => d.range.start),
      JSON.stringify(refused),
    ).toEqual([
      { line: 2, character: 15 },
      { line: 2, character: 32 },
    ]);
    expect(refused[0]!.message).toContain('工作区之外');
    expect(rep.files[0]!.metadata.requirements).toEqual([]);
    const explicit = run(['plan.md', '--requirements', '../outside.yaml', '--format', 'json'], ws);
    expect(JSON.parse(explicit.stdout).files[0].metadata.requirements).toEqual(['outside']);
  });
});

describe('formatters survive huge reports', () => {
  it('stylish formats 300,000 diagnostics in one file (no spread into Math.max)', () => {
    const diagnostics = Array.from({ length: 300000 }, (_, i) => ({
      code: 'numbering/level',
      severity: 'warning' as const,
      message: '四级序号“（1）”缺少上级三级序号“1.”',
      messages: { zh: '四级序号“（1）”缺少上级三级序号“1.”', en: 'level-4 numbering has no level-3 parent' },
      range: { start: { line: i, character: 0 }, end: { line: i, character: 3 } },
      source: 'planlint' as const,
    }));
    const report = {
      version: 1,
      tool: { name: 'planlint', version: '0' },
      lang: 'zh',
      files: [{ path: 'big.txt', encoding: 'utf-8', sections: [], enumerations: [], indicators: [], diagnostics, suppressed: 0, fixed: 0 }],
      problems: [],
      summary: { files: 1, errors: 0, warnings: 300000, information: 0, hints: 0, fixed: 0, suppressed: 0, problems: 0 },
    } as unknown as JsonReport;
    const out = formatStylish(report, 'zh', false);
    expect(out.split('\n').filter((l) => l.includes('numbering/level'))).toHaveLength(300000);
  });
});
