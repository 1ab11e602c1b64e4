/**
 * The CLI against hostile inputs and workspaces (issue 13): breaks 6, 11, 12, 13, 15 and 16, run
 * through a private bundle of the CLI (as test/robust-cli.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCliForTest } from './helpers.js';

let cli = '';
beforeAll(async () => {
  cli = await bundleCliForTest('security');
});
afterAll(() => rmSync(cli, { force: true }));

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...process.env, NO_COLOR: '1', PLANLINT_LANG: '' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * As run(), but as the unprivileged user nobody (for tests that need permissions to hold while
 * the suite runs as root, as in CI). setpriv (util-linux) drops the user, group and supplementary
 * groups; a missing setpriv fails the test rather than skipping it.
 */
function runUnprivileged(args: string[], cwd: string) {
  const r = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', process.execPath, cli, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...process.env, NO_COLOR: '1', PLANLINT_LANG: '' },
  });
  if (r.error) throw new Error(`running the CLI as nobody needs setpriv (util-linux): ${r.error.message}`);
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'planlint-sec-cli-'));
  mkdirSync(join(root, 'ws'));
  mkdirSync(join(root, 'secret'));
  return root;
}

/** A minimal ZIP (deflated entries) with the given files. */
function zip(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const comp = deflateRawSync(data, { level: 9 });
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(comp.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(local, n, comp);
    central.push(c, n);
    offset += 30 + n.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const SECRET_SET = 'title: 绝密标题XYZ\nthemes:\n  - id: t1\n    title: 机密任务\n    keywords: [卫生健康]\n';
const KUBE = 'apiVersion: v1\nkind: Secret\ntoken_abc123: hunter2\n';

describe('hostile inputs', () => {
  it('break 6: a .docx that inflates to 60 MB of XML is refused with a message (exit 2), before it is unpacked', () => {
    const root = workspace();
    const xml = Buffer.concat([Buffer.from('<w:document><w:body>'), Buffer.alloc(60 * 1024 * 1024, 0x20), Buffer.from('</w:body></w:document>')]);
    writeFileSync(join(root, 'ws', 'bomb.docx'), zip({ '[Content_Types].xml': Buffer.from('<Types/>'), 'word/document.xml': xml }));
    const r = run(['--lang', 'en', 'bomb.docx'], join(root, 'ws'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/zip bomb/);
  }, 120_000);

  it('a .docx nested 20,000 elements deep is refused with a message before it is walked (the walk recursed until the stack ran out)', () => {
    const root = workspace();
    const doc = (inner: string) =>
      Buffer.from(
        `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>${inner}</w:body></w:document>`,
      );
    const n = 20_000;
    const shapes = {
      'tables.docx': '<w:tbl><w:tr><w:tc>'.repeat(n) + '<w:p/>' + '</w:tc></w:tr></w:tbl>'.repeat(n),
      'controls.docx': '<w:sdt><w:sdtContent>'.repeat(n) + '<w:p/>' + '</w:sdtContent></w:sdt>'.repeat(n),
      'insertions.docx': '<w:p>' + '<w:ins>'.repeat(n) + '</w:ins>'.repeat(n) + '</w:p>',
    };
    for (const [name, inner] of Object.entries(shapes)) {
      writeFileSync(join(root, 'ws', name), zip({ '[Content_Types].xml': Buffer.from('<Types/>'), 'word/document.xml': doc(inner) }));
      const r = run(['--lang', 'en', name], join(root, 'ws'));
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(/word\/document\.xml: elements nested deeper than 512 levels/);
      expect(r.stderr, name).not.toMatch(/call stack/);
    }
    // a real nesting (a table in a table's cell) is read as before
    writeFileSync(
      join(root, 'ws', 'nested.docx'),
      zip({
        '[Content_Types].xml': Buffer.from('<Types/>'),
        'word/document.xml': doc(
          '<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>（一）加强领导</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>',
        ),
      }),
    );
    expect(run(['--lang', 'en', 'nested.docx'], join(root, 'ws')).code).not.toBe(2);
  }, 120_000);

  it('break 11: an extglob-heavy include is refused with a located finding and matching never hangs', () => {
    const root = workspace();
    const ws = join(root, 'ws');
    writeFileSync(join(ws, 'planlint.yaml'), `include:\n  - "${'@(*|*)'.repeat(9)}x"\n  - "**/*.txt"\n`);
    writeFileSync(join(ws, `${'a'.repeat(40)}.txt`), '一、总体要求\n');
    const r = run(['--lang', 'en', '--format', 'json', '.'], ws);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as {
      problems: { file: string; range: { start: { line: number } }; message: string }[];
    };
    const p = report.problems.find((x) => /extglob/.test(x.message));
    expect(p?.file).toBe('planlint.yaml');
    expect(p?.range.start.line).toBe(1);
  }, 60_000);

  it('break 12: a requirement set reached through a symlinked directory or file outside the workspace is refused; its title never appears', () => {
    const root = workspace();
    const ws = join(root, 'ws');
    writeFileSync(join(root, 'secret', 'set.yaml'), SECRET_SET);
    symlinkSync(join(root, 'secret'), join(ws, 'sets'));
    symlinkSync(join(root, 'secret', 'set.yaml'), join(ws, 'linked.yaml'));
    for (const ref of ['sets/set.yaml', 'linked.yaml']) {
      writeFileSync(join(ws, 'plan.txt'), `---\nrequirements: ${ref}\n---\n一、加强卫生健康服务\n`);
      const r = run(['--lang', 'en', '--format', 'json', 'plan.txt'], ws);
      expect(r.stdout + r.stderr, ref).not.toMatch(/绝密|机密/);
      expect(r.stdout, ref).toMatch(/outside the workspace/);
    }
  }, 60_000);

  it('break 13: a profile outside the workspace (relative, absolute or symlinked) is refused; none of its keys or its name appear', () => {
    const root = workspace();
    const ws = join(root, 'ws');
    writeFileSync(join(root, 'secret', 'kube.yaml'), KUBE);
    writeFileSync(join(root, 'secret', 'p.yaml'), 'name: 机密配置名\nrules: {}\n');
    symlinkSync(join(root, 'secret', 'p.yaml'), join(ws, 'p.yaml'));
    for (const ref of ['../secret/kube.yaml', join(root, 'secret', 'kube.yaml'), '../secret/p.yaml', 'p.yaml']) {
      writeFileSync(join(ws, 'plan.txt'), `---\nprofile: ${ref}\n---\n一、总体要求\n`);
      const r = run(['--lang', 'en', '--format', 'json', 'plan.txt'], ws);
      expect(r.stdout + r.stderr, ref).not.toMatch(/apiVersion|token_abc123|hunter2|机密配置名/);
      expect(r.stdout, ref).toMatch(/outside the workspace/);
    }
  }, 60_000);

  it('break 13: a foreign file named on the command line (--profile) is reported generically, its keys never echoed', () => {
    const root = workspace();
    const ws = join(root, 'ws');
    writeFileSync(join(root, 'secret', 'kube.yaml'), KUBE);
    writeFileSync(join(ws, 'plan.txt'), '一、总体要求\n');
    const r = run(['--lang', 'en', '--format', 'json', '--profile', '../secret/kube.yaml', 'plan.txt'], ws);
    expect(r.stdout + r.stderr).not.toMatch(/apiVersion|token_abc123|hunter2/);
    expect(r.code).toBe(2);
  }, 60_000);
});

describe('break 15: outputs carry draft text escaped', () => {
  const root = workspace();
  const ws = join(root, 'ws');
  writeFileSync(join(ws, 'set.yaml'), 'title: 上级要点\nthemes:\n  - id: t1\n    title: 加强卫生健康服务\n    keywords: [卫生健康]\n');

  it('Markdown report: no raw HTML and no javascript: link from a heading', () => {
    writeFileSync(
      join(ws, 'plan.txt'),
      '一、加强卫生健康<script>alert(1)</script><img src=x onerror=alert(2)>[点我](javascript:alert(3))服务\n推进卫生健康服务。\n',
    );
    const r = run(['report', 'plan.txt', '-r', 'set.yaml', '--format', 'md'], ws);
    expect(r.stdout).toMatch(/卫生健康/);
    expect(r.stdout).not.toMatch(/<script|<img|\]\(javascript:/i);
    expect(r.stdout).toMatch(/&lt;script&gt;/);
  }, 60_000);

  it('indicator CSV: cells that start with = + - @ are not formulas', () => {
    writeFileSync(join(ws, 'plan.txt'), '一、主要目标\n\n=HYPERLINK("http://x")签约率达到 80% 以上。\n@SUM(A1)覆盖率达到 90% 以上。\n');
    const r = run(['indicators', 'plan.txt', '--format', 'csv'], ws);
    const cells = r.stdout
      .split(/\r\n/)
      .slice(1)
      .flatMap((l) => l.split(','))
      .map((c) => c.replace(/^"/, ''));
    expect(cells.length).toBeGreaterThan(5);
    expect(cells.filter((c) => /^[=+@]/.test(c))).toEqual([]);
  }, 60_000);

  it('stylish and github: ESC and BEL from the draft are shown as escapes, never written raw', () => {
    // (a terminal escape without a ; — a ; would make the title a clause-bearing statement, not a
    // heading — and two siblings without a full stop: the first heading's 。 is a defect whose message quotes the title)
    writeFileSync(join(ws, 'plan.txt'), '一、总体要求\x1b[2J\x07。\n(一)加强领导\n二、工作任务\n三、保障措施\n');
    for (const format of ['stylish', 'github']) {
      const r = run(['--format', format, 'plan.txt'], ws);
      expect(r.stdout.length, format).toBeGreaterThan(20);
      expect(r.stdout, format).not.toMatch(/[\x1b\x07]/);
      expect(r.stdout, format).toMatch(/\\x1B/);
    }
  }, 60_000);
});

describe('break 16: CLI results', () => {
  it('an unreadable subdirectory is an input error naming it (exit 2), for a directory and a glob argument', () => {
    const root = workspace();
    const ws = join(root, 'ws');
    mkdirSync(join(ws, 'private'));
    writeFileSync(join(ws, 'private', 'hidden.txt'), '一、总体要求。\n');
    writeFileSync(join(ws, 'plan.txt'), '一、总体要求\n');
    // root reads every directory whatever its mode (and CI runs as root): there the CLI runs as
    // the unprivileged user nobody, so the directory really is unreadable to it, as to a CI user
    const asRoot = process.getuid?.() === 0;
    if (asRoot) for (const d of [root, ws]) chmodSync(d, 0o755);
    chmodSync(join(ws, 'private'), 0o000);
    const runAs = (args: string[]) => (asRoot ? runUnprivileged(args, ws) : run(args, ws));
    try {
      // the workspace is what the user sees: the plan is readable, the subdirectory is not
      const probe = runAs(['--lang', 'en', 'plan.txt']);
      expect(probe.stderr).not.toMatch(/cannot read|EACCES/);
      expect([0, 1]).toContain(probe.code);
      for (const arg of ['.', '**/*.txt']) {
        const r = runAs(['--lang', 'en', arg]);
        expect(r.code, arg).toBe(2);
        expect(r.stderr, arg).toMatch(/cannot read directory .*private/);
      }
    } finally {
      chmodSync(join(ws, 'private'), 0o755);
    }
  }, 60_000);

  it('-o to an unwritable path is a clear one-line message with exit 2 (not an internal error)', () => {
    const root = workspace();
    const ws = join(root, 'ws');
    writeFileSync(join(ws, 'plan.txt'), '一、总体要求\n');
    const r = run(['--lang', 'en', '-o', join(ws, 'no-such-dir', 'out.txt'), 'plan.txt'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write the output file .*out\.txt/);
    expect(r.stderr).not.toMatch(/internal error/);
  }, 60_000);

  it('a --fix that cannot be written exits 2 (a read-only draft)', () => {
    const root = workspace();
    const ws = join(root, 'ws');
    writeFileSync(join(ws, 'plan.txt'), '一、总体要求\n\n(一)加强领导\n');
    chmodSync(join(ws, 'plan.txt'), 0o444);
    const r = run(['--lang', 'en', '--fix', 'plan.txt'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/read-only/);
  }, 60_000);

  it('input errors go to stderr in every format, stylish included', () => {
    const root = workspace();
    const ws = join(root, 'ws');
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const r = run(['--lang', 'en', '--format', format, 'missing.txt'], ws);
      expect(r.code, format).toBe(2);
      expect(r.stderr, format).toMatch(/missing\.txt/);
    }
  }, 60_000);
});
