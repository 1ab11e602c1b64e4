/**
 * Writing a fixed draft back (`--fix`) without ever losing or misdirecting data:
 *  - the file must still hold exactly the bytes that were read (an edit made meanwhile is kept:
 *    the write is skipped with a message);
 *  - a symlink is never written through, a read-only file is never rewritten, and a file with
 *    several hard links is refused (replacing it would silently split the links);
 *  - the new content goes to a temporary file in the same directory with an unpredictable name,
 *    created exclusively (O_CREAT|O_EXCL: a planted file or symlink makes creation fail, it is
 *    never followed), gets the original mode and (where permitted) owner and group, is flushed,
 *    and then renamed over the original: an interrupted write never leaves a truncated draft.
 */
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
  constants,
  type Stats,
} from 'node:fs';
import { randomHex } from './builtins.js';
import * as path from 'node:path';
import type { Localized } from '../core/model.js';

/** What was read, to check that the file did not change before it is replaced. */
export interface ReadSnapshot {
  bytes: Uint8Array;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

function isReadOnly(st: Stats): boolean {
  // no write bit for anyone: the owner's intent is "do not modify" (root could write it anyway)
  if ((st.mode & 0o222) === 0) return true;
  const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
  if (uid === 0 || uid === -1) return false;
  const gids = typeof process.getgroups === 'function' ? process.getgroups() : [];
  if (st.uid === uid) return (st.mode & 0o200) === 0;
  if (gids.includes(st.gid)) return (st.mode & 0o020) === 0;
  return (st.mode & 0o002) === 0;
}

/** Why the file cannot be replaced now, or undefined when it can. */
function refusal(file: string, snapshot: ReadSnapshot): { why?: Localized; st?: Stats } {
  let st: Stats;
  try {
    st = lstatSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return {
      why: {
        zh: `文件已不存在或无法访问（${code}），未写入`,
        en: `the file is gone or inaccessible (${code}); not written`,
      },
    };
  }
  if (st.isSymbolicLink()) {
    return {
      why: {
        zh: '这是一个符号链接，--fix 不会通过符号链接写入（请对链接指向的文件运行）',
        en: 'this is a symbolic link; --fix never writes through a symlink (run it on the file the link points to)',
      },
    };
  }
  if (!st.isFile()) return { why: { zh: '不是普通文件，未写入', en: 'not a regular file; not written' } };
  if (isReadOnly(st)) return { why: { zh: '文件是只读的，未修改', en: 'the file is read-only; not modified' } };
  if (st.nlink > 1) {
    return {
      why: {
        zh: `文件有 ${st.nlink} 个硬链接，替换它会拆开这些链接，未修改`,
        en: `the file has ${st.nlink} hard links; replacing it would split them, so it was not modified`,
      },
    };
  }
  let now: Buffer;
  try {
    now = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return {
      why: { zh: `无法重新读取文件（${code}），未写入`, en: `the file cannot be read again (${code}); not written` },
    };
  }
  if (!sameBytes(now, snapshot.bytes)) {
    return {
      why: {
        zh: '文件在检查期间被修改，为保留这些修改未写入修复结果（请重新运行 --fix）',
        en: 'the file changed while it was being checked; the fixes were not written so as to keep those changes (run --fix again)',
      },
    };
  }
  return { st };
}

/**
 * Replaces `file` with `bytes` when it still holds `snapshot.bytes`. Returns undefined on success,
 * or why nothing was written (the file is then untouched).
 */
export function replaceFileSafely(file: string, bytes: Uint8Array, snapshot: ReadSnapshot): Localized | undefined {
  const first = refusal(file, snapshot);
  if (!first.st) return first.why;
  let created = false;
  const st = first.st;
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.planlint-${randomHex(12)}.tmp`);
  let fd = -1;
  try {
    // O_EXCL: fails on any existing entry, including a dangling or planted symlink; O_NOFOLLOW for good measure
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    created = true;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    // the mode exactly as it was (not filtered by the umask), then owner and group where permitted
    fchmodSync(fd, st.mode & 0o7777);
    const made = fstatSync(fd);
    if (made.uid !== st.uid || made.gid !== st.gid) {
      try {
        fchownSync(fd, st.uid, st.gid);
      } catch {
        // not permitted (an ordinary user cannot give files away): keep the group at least, if possible
        try {
          fchownSync(fd, made.uid, st.gid);
        } catch {
          /* the new file keeps the writer's ids */
        }
      }
      // chown may clear set-id bits: restore the mode
      fchmodSync(fd, st.mode & 0o7777);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    // the last moment before the rename: the file must still be the one read
    const last = refusal(file, snapshot);
    if (!last.st || last.st.ino !== st.ino || last.st.dev !== st.dev) {
      rmSync(tmp, { force: true });
      return last.st ? { zh: '文件在检查期间被替换，未写入', en: 'the file was replaced while it was being checked; not written' } : last.why;
    }
    renameSync(tmp, file);
    return undefined;
  } catch (e) {
    if (fd >= 0) {
      try {
        closeSync(fd);
      } catch {
        /* ignore */
      }
    }
    if (created) rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return {
      zh: `修复结果无法写回（${code}），文件未改动`,
      en: `the fixed text could not be written (${code}); the file is unchanged`,
    };
  }
}
