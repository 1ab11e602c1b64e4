/**
 * The `planlint` CLI as CI runs it: a separate process on the seeds and on files written here
 * (GB18030, UTF-16, BOM, .docx, broken configuration). The CLI is bundled once into a private file
 * next to the real bundle (server/dist), so concurrent `npm run build`s of other test files cannot
 * swap it out mid-test.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../server/src/core/rules/index.js';
import { bundleCliForTest, readSeed, repoRoot, seedPath } from './helpers.js';

let cli = '';

beforeAll(async () => {
  cli = await bundleCliForTest('test');
});

afterAll(() => rmSync(cli, { force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd = repoRoot, input?: string | Buffer): Run {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PLANLINT_LANG: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'planlint-cli-'));
}

const reportSchema = JSON.parse(readFileSync(join(repoRoot, 'schemas/report.schema.json'), 'utf8'));
const validateReport = new Ajv({ allErrors: true, strict: false }).compile(reportSchema);

interface Diag {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fix?: { safe: boolean };
}
interface FileReport {
  path: string;
  encoding: string;
  sections: { level: number; number: string; children: { level: number; number: string }[] }[];
  diagnostics: Diag[];
  metadata: { requirements: string[] };
}
interface Report {
  files: FileReport[];
  problems: { file: string; code: string; message: string; range?: Diag['range'] }[];
  summary: { files: number; errors: number; warnings: number; fixed: number; suppressed: number };
}

function json(r: Run): Report {
  const data = JSON.parse(r.stdout) as Report;
  expect(validateReport(data), JSON.stringify(validateReport.errors)).toBe(true);
  return data;
}

const lineOf = (text: string, prefix: string) => text.split(/\r?\n/).findIndex((l) => l.startsWith(prefix));

describe('planlint check on the seeds', () => {
  let report: Report;
  let result: Run;
  beforeAll(() => {
    result = run(['seeds', '--format', 'json']);
    report = json(result);
  });

  it('checks the five seeds (README.md is skipped in directory expansion) and exits by the findings', () => {
    expect(report.files.map((f) => f.path)).toEqual(['000', '001', '002', '003', '004'].map((p) => relative(repoRoot, seedPath(p))));
    expect(result.code).toBe(report.summary.errors > 0 ? 1 : 0);
    expect(result.stderr).toBe('');
  });

  it('reports the section tree: seed 000 has ten level-1 sections with items 1.–38.', () => {
    const f = report.files[0]!;
    expect(f.sections.map((s) => s.number)).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    const items = f.sections.flatMap((s) => s.children.filter((c) => c.level === 3).map((c) => c.number));
    expect(items).toEqual(Array.from({ length: 38 }, (_, i) => String(i + 1)));
  });

  it('reports seed 001’s half-width (一) headings with a safe fix, on the right lines', () => {
    const text = readSeed('001');
    const f = report.files[1]!;
    const style = f.diagnostics.filter((d) => d.code === 'numbering/style');
    const halfWidthLines = text.split('\n').flatMap((l, i) => (/^\([一二三四五六七八九十]+\)/.test(l) ? [i] : []));
    expect(halfWidthLines.length).toBeGreaterThan(5);
    expect(style.map((d) => d.range.start.line)).toEqual(halfWidthLines);
    expect(style.every((d) => d.fix?.safe === true && d.range.start.character === 0)).toBe(true);
  });

  it('reports seed 003’s level-1 heading ending in 。', () => {
    const line = lineOf(readSeed('003'), '三、提升基层医疗卫生服务能力。');
    expect(report.files[3]!.diagnostics.some((d) => d.code === 'heading/punctuation' && d.range.start.line === line)).toBe(true);
  });

  it('stylish output groups per file with 1-based line:col, Chinese by default, and a summary line', () => {
    const r = run(['seeds/003_3576bef861af846c.txt']);
    const line = lineOf(readSeed('003'), '三、提升基层医疗卫生服务能力。') + 1;
    expect(r.stdout).toMatch(new RegExp(`^seeds/003_3576bef861af846c\\.txt\\n  ${line}:15 +警告 +标题.*heading/punctuation  GB/T 15834-2011$`, 'm'));
    expect(r.stdout).toMatch(/✖ 1 个文件中共 \d+ 个问题（0 个错误，\d+ 个警告）/);
    const en = run(['seeds/003_3576bef861af846c.txt', '--lang', 'en']);
    expect(en.stdout).toMatch(/warning +heading .* should not end with/);
    expect(en.stdout).toMatch(/problem\(s\) in 1 file\(s\)/);
  });

  it('--requirements names a bundled set that overrides front matter and planlint.yaml', () => {
    const r = run(['seeds/000_2b0973b0b13c13b7.txt', '--format', 'json', '--requirements', 'henan-2021']);
    const rep = json(r);
    expect(rep.files[0]!.metadata.requirements).toEqual(['henan-2021']);
    expect(r.code).toBe(rep.summary.errors > 0 ? 1 : 0);
  });
});

describe('machine formats', () => {
  it('SARIF 2.1.0 with rules from the metadata and 1-based regions matching the JSON ranges', () => {
    const r = run(['seeds/001_cea060df376792bd.txt', '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0|sarif-schema-2\.1\.0/);
    const runObj = sarif.runs[0];
    expect(runObj.tool.driver.name).toBe('planlint');
    const ruleIds = runObj.tool.driver.rules.map((x: { id: string }) => x.id);
    for (const rule of allRules) expect(ruleIds).toContain(rule.meta.id);
    const rep = json(run(['seeds/001_cea060df376792bd.txt', '--format', 'json']));
    const diags = rep.files[0]!.diagnostics;
    expect(runObj.results).toHaveLength(diags.length);
    expect(runObj.columnKind).toBe('utf16CodeUnits');
    runObj.results.forEach(
      (
        res: {
          ruleId: string;
          level: string;
          message: { text: string };
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
        },
        i: number,
      ) => {
        const d = diags[i]!;
        expect(res.ruleId).toBe(d.code);
        expect(res.message.text).toBe(d.message);
        expect(res.level).toBe(d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note');
        expect(res.locations[0]!.physicalLocation.artifactLocation.uri).toBe('seeds/001_cea060df376792bd.txt');
        expect(res.locations[0]!.physicalLocation.region).toEqual({
          startLine: d.range.start.line + 1,
          startColumn: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
        });
      },
    );
  });

  it('GitHub annotations escape file names and messages per the runner rules', () => {
    const dir = tmp();
    const name = 'plan,2021:draft.txt';
    writeFileSync(join(dir, name), '一、总体要求\n(一)加强领导。\n（二）完善机制\n');
    const r = run([name, '--format', 'github'], dir);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    const style = lines.find((l) => l.includes('title=numbering/style'))!;
    expect(style).toMatch(
      /^::warning file=plan%2C2021%3Adraft\.txt,line=2,col=1,endLine=2,endColumn=4,title=numbering\/style::.+\(numbering\/style; GB\/T 9704-2012 §7\.3\.3.*\)$/,
    );
  });
});

describe('exit codes and one-line errors', () => {
  const noStack = (r: Run) => expect(r.stderr + r.stdout).not.toMatch(/\n\s+at /);

  it('missing file → 2', () => {
    const r = run(['no-such-plan.txt']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('找不到文件或目录“no-such-plan.txt”');
    noStack(r);
  });

  it('a glob that matches nothing → 2', () => {
    const r = run(['plans/**/*.txt', '--format', 'json']);
    expect(r.code).toBe(2);
    const rep = json(r);
    expect(rep.problems[0]!.message).toBe('没有文件匹配“plans/**/*.txt”');
  });

  it('a binary file named .txt is refused with a clear message → 2', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
    const r = run(['scan.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('不是文本文件（PNG）');
    noStack(r);
  });

  it('usage errors → 2 with one line: bad format, unknown option, bad --max-warnings, missing --config', () => {
    for (const args of [
      ['seeds', '--format', 'xml'],
      ['seeds', '--bogus'],
      ['seeds', '--max-warnings', 'many'],
      ['seeds', '--config', 'nope.yaml'],
    ]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^planlint: /);
      noStack(r);
    }
    expect(run(['seeds', '--format', 'xml']).stderr).toBe(
      'planlint: 选项“-f, --format <format>”的值“xml”无效：应为 stylish, json, sarif, github, codequality, docx（运行 planlint --help 查看用法）\n',
    );
    expect(run(['seeds', '--bogus', '--lang', 'en']).stderr).toBe("planlint: unknown option '--bogus' (see planlint --help)\n");
  });

  it('an unknown requirement set name → 2, and the drafts are still checked', () => {
    const r = run(['seeds/003_3576bef861af846c.txt', '--requirements', 'henan-2031', '--format', 'json']);
    expect(r.code).toBe(2);
    const rep = json(r);
    expect(rep.files).toHaveLength(1);
    expect(rep.problems).toEqual([
      expect.objectContaining({ file: '', code: 'config/requirements', message: expect.stringContaining('找不到要求集“henan-2031”') }),
    ]);
  });

  it('--max-warnings: over the limit → 1, within → 0; --quiet hides warnings', () => {
    const seed = 'seeds/001_cea060df376792bd.txt';
    const rep = json(run([seed, '--format', 'json']));
    const warnings = rep.summary.warnings;
    expect(warnings).toBeGreaterThan(0);
    expect(rep.summary.errors).toBe(0);
    expect(run([seed, '--max-warnings', String(warnings - 1)]).code).toBe(1);
    expect(run([seed, '--max-warnings', String(warnings)]).code).toBe(0);
    const quiet = run([seed, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('警告  ');
    expect(quiet.stdout).toContain('未发现问题');
  });

  it('--profile strict turns seed 001’s style warnings into errors (→ 1); an unknown profile → 2', () => {
    const seed = 'seeds/001_cea060df376792bd.txt';
    const strict = run([seed, '--profile', 'strict', '--format', 'json']);
    expect(strict.code).toBe(1);
    const diags = json(strict).files[0]!.diagnostics.filter((d) => d.code === 'numbering/style');
    expect(diags.length).toBeGreaterThan(5);
    expect(diags.every((d) => d.severity === 'error')).toBe(true);
    const lenient = json(run([seed, '--profile', 'lenient', '--format', 'json']));
    expect(lenient.files[0]!.diagnostics.filter((d) => d.code === 'numbering/style').every((d) => d.severity === 'information')).toBe(true);
    const unknown = run([seed, '--profile', 'strictest']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain('找不到规则配置“strictest”');
  });

  it('a broken planlint.yaml → 2 with file:line:col, and the draft is still checked', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'planlint.yaml'), 'profile: gbt9704\nrules:\n  numbering/styel: error\n');
    copyFileSync(seedPath('003'), join(dir, 'plan.txt'));
    const r = run(['plan.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^planlint\.yaml\n {2}3:3 +错误 +未知的规则 id“numbering\/styel”.*config\/schema$/m);
    expect(r.stdout).toMatch(/^plan\.txt\n/m);
    const bad = tmp();
    writeFileSync(join(bad, 'planlint.yaml'), 'rules: [oops\n');
    copyFileSync(seedPath('003'), join(bad, 'plan.txt'));
    const r2 = run(['plan.txt', '--format', 'json'], bad);
    expect(r2.code).toBe(2);
    expect(json(r2).problems[0]).toMatchObject({ file: 'planlint.yaml', code: 'config/yaml' });
  });

  it('invalid front matter is a located finding in the draft (error → exit 1)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'plan.md'), '---\ntitle: 工作要点\nyear: 明年\n---\n' + readSeed('003'));
    const r = run(['plan.md', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const d = json(r).files[0]!.diagnostics.find((x) => x.code === 'config/front-matter')!;
    expect(d.range.start).toEqual({ line: 2, character: 6 });
    expect(d.severity).toBe('error');
  });

  it('--version and --help exit 0', () => {
    expect(run(['--version']).stdout.trim()).toBe('0.1.0');
    expect(run(['--version']).code).toBe(0);
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('outline');
  });
});

describe('--fix', () => {
  const seed001 = readSeed('001');

  function checkOnlyTokensChanged(before: string, after: string) {
    const a = before.split('\n');
    const b = after.split('\n');
    expect(b.length).toBe(a.length);
    let changed = 0;
    a.forEach((line, i) => {
      if (line === b[i]) return;
      changed++;
      const m = /^\(([一二三四五六七八九十]+)\)/.exec(line);
      expect(m, line).not.toBeNull();
      expect(b[i]).toBe(`（${m![1]}）${line.slice(m![0].length)}`);
    });
    expect(changed).toBeGreaterThan(5);
  }

  it('fixes in place, only the named characters change, and a second run changes nothing', () => {
    const dir = tmp();
    const file = join(dir, 'plan.txt');
    writeFileSync(file, seed001);
    const first = run(['plan.txt', '--fix', '--format', 'json'], dir);
    const rep = json(first);
    expect(rep.summary.fixed).toBeGreaterThan(5);
    expect(rep.files[0]!.diagnostics.filter((d) => d.code === 'numbering/style')).toEqual([]);
    const once = readFileSync(file);
    checkOnlyTokensChanged(seed001, once.toString('utf8'));
    const second = run(['plan.txt', '--fix', '--format', 'json'], dir);
    expect(json(second).summary.fixed).toBe(0);
    expect(readFileSync(file).equals(once)).toBe(true);
  });

  it('keeps the file’s encoding: GB18030 stays GB18030, UTF-16 keeps its BOM, CRLF stays CRLF', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'gb.txt'), iconv.encode(seed001, 'gb18030'));
    const crlf = seed001.replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'u16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')]));
    const r = run(['gb.txt', 'u16.txt', '--fix', '--format', 'json'], dir);
    const rep = json(r);
    expect(rep.files.map((f) => f.encoding)).toEqual(['gb18030', 'utf-16le (BOM)']);
    const gb = iconv.decode(readFileSync(join(dir, 'gb.txt')), 'gb18030');
    checkOnlyTokensChanged(seed001, gb);
    const u16 = readFileSync(join(dir, 'u16.txt'));
    expect([u16[0], u16[1]]).toEqual([0xff, 0xfe]);
    const text = u16.subarray(2).toString('utf16le');
    expect(text.includes('\r\n')).toBe(true);
    checkOnlyTokensChanged(seed001, text.replace(/\r\n/g, '\n'));
  });

  it('never writes through a symlink (refused with a message, exit 2), and keeps the file mode of a real file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'real.txt'), seed001, { mode: 0o640 });
    symlinkSync('real.txt', join(dir, 'link.txt'));
    const r = run(['link.txt', '--fix', '--format', 'json', '--lang', 'en'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/symbolic link/);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe(seed001);
    const direct = run(['real.txt', '--fix', '--format', 'json'], dir);
    expect(json(direct).summary.fixed).toBeGreaterThan(5);
    expect(statSync(join(dir, 'real.txt')).mode & 0o777).toBe(0o640);
    checkOnlyTokensChanged(seed001, readFileSync(join(dir, 'real.txt'), 'utf8'));
    expect(readdirSync(dir).sort()).toEqual(['link.txt', 'real.txt']);
  });

  it('does not write a .docx or a file with invalid bytes, and says why', () => {
    const dir = tmp();
    copyFileSync(join(repoRoot, 'test/fixtures/docx/plan.docx'), join(dir, 'plan.docx'));
    const before = readFileSync(join(dir, 'plan.docx'));
    const r = run(['plan.docx', '--fix'], dir);
    expect(readFileSync(join(dir, 'plan.docx')).equals(before)).toBe(true);
    expect(r.stderr).toContain('.docx 文件不能自动修复');
    const damaged = Buffer.from(seed001, 'utf8');
    damaged[damaged.length - 2] = 0xff;
    writeFileSync(join(dir, 'bad.txt'), damaged);
    const r2 = run(['bad.txt', '--fix'], dir);
    expect(readFileSync(join(dir, 'bad.txt')).equals(damaged)).toBe(true);
    expect(r2.stderr).toContain('无效的字节序列');
  });
});

describe('inputs: encodings, .docx, directories, suppression', () => {
  it('reads GB18030, UTF-8 with BOM and .docx with the same findings as UTF-8', () => {
    const dir = tmp();
    const seed = readSeed('001');
    writeFileSync(join(dir, 'a-utf8.txt'), seed);
    writeFileSync(join(dir, 'b-gb.txt'), iconv.encode(seed, 'gb18030'));
    writeFileSync(join(dir, 'c-bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed)]));
    copyFileSync(join(repoRoot, 'test/fixtures/docx/plan.docx'), join(dir, 'd.docx'));
    writeFileSync(join(dir, 'README.md'), '# not a plan\n');
    const rep = json(run(['.', '--format', 'json'], dir));
    expect(rep.files.map((f) => [f.path, f.encoding])).toEqual([
      ['a-utf8.txt', 'utf-8'],
      ['b-gb.txt', 'gb18030'],
      ['c-bom.md', 'utf-8 (BOM)'],
      ['d.docx', 'docx'],
    ]);
    const key = (f: FileReport) => f.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
    expect(key(rep.files[1]!)).toEqual(key(rep.files[0]!));
    expect(key(rep.files[2]!)).toEqual(key(rep.files[0]!));
    const docx = rep.files[3]!;
    expect(docx.sections.map((s) => s.number)).toEqual(['一', '二']);
    expect(docx.diagnostics.some((d) => d.code === 'numbering/style' && d.range.start.line === 2)).toBe(true);
  });

  it('requirement sets named in front matter resolve from the draft, inside the workspace only, located when refused', () => {
    const root = tmp();
    const ws = join(root, 'ws');
    mkdirSync(join(ws, 'sets'), { recursive: true });
    mkdirSync(join(ws, 'plans'));
    writeFileSync(join(ws, 'planlint.yaml'), 'profile: gbt9704\n');
    const set = readFileSync(join(repoRoot, 'server/sets/henan-2021.yaml'), 'utf8')
      .replace('$schema: ../../schemas/requirements.schema.json\n', '')
      .replace(/^name: henan-2021$/m, 'name: local-henan');
    writeFileSync(join(ws, 'sets', 'local.yaml'), set);
    writeFileSync(join(root, 'outside.yaml'), set);
    const body = readSeed('000');
    writeFileSync(join(ws, 'plans', 'ok.txt'), `---\nrequirements: [../sets/local.yaml]\n---\n${body}`);
    writeFileSync(join(ws, 'plans', 'out.txt'), `---\nrequirements:\n  - ../../outside.yaml\n---\n${body}`);
    const r = run(['plans', '--format', 'json'], ws);
    const rep = json(r);
    const ok = rep.files.find((f) => f.path === join('plans', 'ok.txt'))!;
    expect(ok.metadata.requirements).toEqual(['local-henan']);
    const out = rep.files.find((f) => f.path === join('plans', 'out.txt'))!;
    expect(out.metadata.requirements).toEqual([]);
    const refused = out.diagnostics.find((d) => d.code === 'config/requirements')!;
    expect(refused.message).toContain('位于工作区之外');
    // located at the reference in the front matter: line 3 (zero-based 2), after "  - "
    expect(refused.range.start).toEqual({ line: 2, character: 4 });
    expect(r.code).toBe(1);
    // the command line may name a set anywhere
    const cli = json(run([join('plans', 'ok.txt'), '--requirements', '../outside.yaml', '--format', 'json'], ws));
    expect(cli.files[0]!.metadata.requirements).toEqual(['local-henan']);
    expect(cli.problems).toEqual([]);
  });

  it('planlint.yaml include/exclude select the drafts of a directory', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'plans'));
    mkdirSync(join(dir, 'old'));
    writeFileSync(join(dir, 'planlint.yaml'), 'include: ["**/*.txt"]\nexclude: ["old/**"]\n');
    writeFileSync(join(dir, 'plans', 'a.txt'), '一、总体要求\n');
    writeFileSync(join(dir, 'plans', 'b.md'), '一、总体要求\n');
    writeFileSync(join(dir, 'old', 'c.txt'), '一、总体要求\n');
    const rep = json(run(['.', '--format', 'json'], dir));
    expect(rep.files.map((f) => f.path)).toEqual(['plans/a.txt']);
  });

  it('reads one draft from stdin (any encoding), named by --stdin-filename; --debug reports what was resolved', () => {
    const r = run(['--stdin', '--stdin-filename', 'draft.txt', '--format', 'json', '--debug'], repoRoot, iconv.encode(readSeed('003'), 'gb18030'));
    const rep = json(r);
    expect(rep.files.map((f) => [f.path, f.encoding])).toEqual([['draft.txt', 'gb18030']]);
    const line = lineOf(readSeed('003'), '三、提升基层医疗卫生服务能力。');
    expect(rep.files[0]!.diagnostics.some((d) => d.code === 'heading/punctuation' && d.range.start.line === line)).toBe(true);
    expect(r.stderr).toMatch(/^planlint: debug: draft\.txt encoding=gb18030 config=- profile=gbt9704 requirements=\[\] sections=\d+ /m);
    expect(run(['--stdin', 'seeds'], repoRoot, 'x').code).toBe(2);
  });

  it('honours suppression markers and counts what they hide', () => {
    const dir = tmp();
    const text = readSeed('001').replace(/^\(二\)/m, '<!-- planlint-disable-next-line numbering/style -->\n(二)');
    writeFileSync(join(dir, 'plan.md'), text);
    const rep = json(run(['plan.md', '--format', 'json'], dir));
    const plain = json(run(['seeds/001_cea060df376792bd.txt', '--format', 'json']));
    const n = plain.files[0]!.diagnostics.filter((d) => d.code === 'numbering/style').length;
    expect(rep.files[0]!.diagnostics.filter((d) => d.code === 'numbering/style')).toHaveLength(n - 1);
    expect(rep.summary.suppressed).toBe(1);
  });
});

describe('outline, indicators, docs', () => {
  it('outline prints the tree as text and JSON', () => {
    const text = run(['outline', 'seeds/003_3576bef861af846c.txt']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^一、/m);
    expect(text.stdout).toMatch(/^ {2}1\./m);
    expect(text.stdout).toContain('一级 5 个');
    const j = JSON.parse(run(['outline', 'seeds/000_2b0973b0b13c13b7.txt', '--format', 'json']).stdout);
    expect(j.sections).toHaveLength(10);
    expect(run(['outline', 'missing.txt']).code).toBe(2);
  });

  it('indicators as CSV: a header, one row per indicator, RFC 4180 quoting, optional BOM', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.txt'), '一、目标\n适龄儿童免疫规划疫苗接种率保持在90%以上，孕产妇死亡率控制在10/10万以下。\n');
    const json = JSON.parse(run(['indicators', 'p.txt'], dir).stdout) as { name: string; value: number; unit: string; text: string }[];
    const csv = run(['indicators', 'p.txt', '--format', 'csv', '--bom'], dir).stdout;
    expect(csv.startsWith('\ufefffile,line,column,section,name,comparator,op,value,value2,unit,qualifier,deadline,kind,text\r\n')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(json.length + 1);
    json.forEach((i, k) => {
      const row = rows[k + 1]!;
      expect(row.startsWith('p.txt,2,')).toBe(true);
      expect(row).toContain(`,${i.value},`);
      // a field with a comma or quote is quoted, quotes doubled
      if (i.text.includes(',') || i.text.includes('"')) expect(row).toContain(`"${i.text.replace(/"/g, '""')}"`);
    });
    expect(run(['indicators', 'p.txt', '--format', 'csv'], dir).stdout.startsWith('file,')).toBe(true);
  });

  it('docs documents every rule from its metadata', () => {
    const r = run(['docs']);
    expect(r.code).toBe(0);
    for (const rule of allRules) {
      expect(r.stdout).toContain(`## ${rule.meta.id}\n\n${rule.meta.description.zh}`);
      for (const ex of rule.meta.examples) expect(r.stdout).toContain(ex.bad.trimEnd());
    }
  });

  it('the repository launcher runs the built CLI', () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'server/bin/planlint.js'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('0.1.0');
  });
});

describe('stylish column widths', () => {
  it('count CJK and full-width characters as two columns, ASCII as one', async () => {
    const { width } = await import('../server/src/cli/format/stylish.js');
    expect(width('（一）abc')).toBe(9);
    expect(width('接种率90%')).toBe(9);
    expect(width('')).toBe(0);
  });
});
