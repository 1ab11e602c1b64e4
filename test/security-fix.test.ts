/**
 * `--fix` never loses or misdirects data (issue 13, breaks 2–4): read-only files, modes, owners and
 * hard links are respected, symlinks are never written through, the temporary file cannot be aimed
 * at another file, and legacy encodings are written back only when nothing outside the fixes
 * changes. Runs the CLI pipeline in-process (checkDraft), on drafts with a safe fix: `(一)` → `（一）`.
 */
import { chmodSync, linkSync, lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../server/src/cli/pipeline.js';

const DRAFT = '一、总体要求\n\n(一)加强组织领导\n\n二、重点任务\n\n(一)完善服务体系\n';
const FIXED = '一、总体要求\n\n（一）加强组织领导\n\n二、重点任务\n\n（一）完善服务体系\n';

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'planlint-sec-fix-'));
}

async function fix(file: string, cwd: string) {
  const r = await checkDraft(file, { fix: true, cwd });
  if (!('decoded' in r)) throw new Error(JSON.stringify(r));
  return r;
}

describe('--fix and the file system', () => {
  it('an ordinary draft is fixed (the baseline the refusals below are measured against)', async () => {
    const d = dir();
    const f = join(d, 'plan.txt');
    writeFileSync(f, DRAFT);
    const r = await fix(f, d);
    expect(r.fixed).toBeGreaterThan(0);
    expect(readFileSync(f, 'utf8')).toBe(FIXED);
  });

  it('a read-only file (0444) is refused with a message and left as it is', async () => {
    const d = dir();
    const f = join(d, 'plan.txt');
    writeFileSync(f, DRAFT);
    chmodSync(f, 0o444);
    const r = await fix(f, d);
    expect(r.fixSkipped?.en).toMatch(/read-only/);
    expect(r.fixFailed).toBe(true);
    expect(readFileSync(f, 'utf8')).toBe(DRAFT);
    expect(statSync(f).mode & 0o777).toBe(0o444);
  });

  it('the mode is kept exactly (0664 stays 0664 whatever the umask), and the owner and group too', async () => {
    const d = dir();
    const f = join(d, 'plan.txt');
    writeFileSync(f, DRAFT);
    chmodSync(f, 0o664);
    const before = statSync(f);
    const old = process.umask(0o022);
    try {
      await fix(f, d);
    } finally {
      process.umask(old);
    }
    const after = statSync(f);
    expect(readFileSync(f, 'utf8')).toBe(FIXED);
    expect(after.mode & 0o7777).toBe(0o664);
    expect([after.uid, after.gid]).toEqual([before.uid, before.gid]);
  });

  it('a file with two hard links is not split: refused with a message, both names keep the same content', async () => {
    const d = dir();
    const f = join(d, 'plan.txt');
    const other = join(d, 'copy.txt');
    writeFileSync(f, DRAFT);
    linkSync(f, other);
    const r = await fix(f, d);
    expect(r.fixSkipped?.en).toMatch(/hard link/);
    expect(statSync(f).ino).toBe(statSync(other).ino);
    expect(readFileSync(other, 'utf8')).toBe(readFileSync(f, 'utf8'));
  });

  it('a symlinked draft is never written through: refused with a message, the target is untouched', async () => {
    const d = dir();
    const target = join(d, 'real.txt');
    const link = join(d, 'plan.txt');
    writeFileSync(target, DRAFT);
    symlinkSync(target, link);
    const r = await fix(link, d);
    expect(r.fixSkipped?.en).toMatch(/symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe(DRAFT);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('planted symlinks at every predictable temporary name cannot redirect the write; no temporary file is left', async () => {
    const d = dir();
    const f = join(d, 'plan.txt');
    const victim = join(d, 'victim.txt');
    writeFileSync(f, DRAFT);
    writeFileSync(victim, 'precious');
    // the old name was `${real}.planlint-${pid}.tmp`: plant links for a range of pids around ours
    for (let pid = Math.max(1, process.pid - 50); pid <= process.pid + 50; pid++) symlinkSync(victim, `${f}.planlint-${pid}.tmp`);
    const r = await fix(f, d);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(r.fixed).toBeGreaterThan(0);
    expect(readFileSync(f, 'utf8')).toBe(FIXED);
    expect(readdirSync(d).filter((n) => n.endsWith('.tmp') && !n.startsWith('plan.txt.planlint-'))).toEqual([]);
  });
});

describe('--fix and legacy encodings', () => {
  it('ISO-8859-1: a fix the encoding cannot carry is refused with a located message, never written as "?"', async () => {
    const d = dir();
    const f = join(d, 'latin.txt');
    const text = 'Programme de travail café\n\n(1) Améliorer la qualité des soins, façon générale. Très élevé.\n(2) Renforcer ça.\n';
    const bytes = iconv.encode(text, 'latin1');
    writeFileSync(f, bytes);
    const r = await fix(f, d);
    expect(r.decoded.encoding.toLowerCase()).toMatch(/8859-1|latin1|windows-1252/);
    expect(readFileSync(f).equals(bytes)).toBe(true);
    expect(r.fixSkipped?.en).toMatch(/line 3, column 1.*cannot be encoded/);
    expect(r.fixFailed).toBe(true);
  });

  it('GBK with a byte 0x80 outside any fix: the encoder would write A2 E3 there, so the file is not rewritten', async () => {
    const d = dir();
    const f = join(d, 'gbk.txt');
    const bytes = Buffer.concat([
      iconv.encode('一、总体要求\n\n(一)加强领导\n二、重点任务\n', 'gbk'),
      Buffer.from([0x80, 0x0a]),
      iconv.encode('三、保障措施\n', 'gbk'),
    ]);
    writeFileSync(f, bytes);
    const r = await fix(f, d);
    expect(readFileSync(f).equals(bytes)).toBe(true);
    expect(r.fixSkipped?.en).toMatch(/cannot reproduce the bytes near line 5/);
  });

  it('GB18030 that round-trips is still fixed in place', async () => {
    const d = dir();
    const f = join(d, 'gb.txt');
    writeFileSync(f, iconv.encode(DRAFT, 'gb18030'));
    const r = await fix(f, d);
    expect(r.fixed).toBeGreaterThan(0);
    expect(iconv.decode(readFileSync(f), 'gb18030')).toBe(FIXED);
  });
});
