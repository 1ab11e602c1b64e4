/**
 * The CLI's stdout and stderr. Creating `process.stdout` or `process.stderr` loads node:stream (for
 * a file) or node:net (for a pipe): ~2.3 ms of a short run, most of which writes nothing to stderr
 * at all (issue 17: CLI start-up against markdownlint-cli2). Where Node's own stream would write
 * synchronously anyway — a file or a pipe, outside Windows — the text is written to the descriptor
 * with fs.writeSync; a terminal, and everything on Windows, goes through the stream as before.
 * Every write of the CLI goes through here (commander's too, main.ts configureOutput), so that the
 * two ways never mix on one descriptor; a closed pipe (`planlint … | head`) ends the process
 * quietly either way.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';

type Fd = 1 | 2;

/** per descriptor: written with writeSync (true) or through the stream (false); undecided until first use */
const direct: (boolean | undefined)[] = [];
/** per descriptor written with writeSync: its reader is gone (EPIPE), later writes are dropped */
const closed: boolean[] = [];
/** the streams written to, in the order first used (flushStdio) */
const streams: NodeJS.WriteStream[] = [];

function exitQuietly(): never {
  process.exit(Number(process.exitCode ?? 0));
}

/** The stream of `fd`, with the quiet end on a closed pipe; writes to `fd` then always go through it. */
export function stdioStream(fd: Fd): NodeJS.WriteStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  if (!streams.includes(stream)) {
    streams.push(stream);
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') exitQuietly();
      throw e;
    });
  }
  direct[fd] = false;
  return stream;
}

const terminal: (boolean | undefined)[] = [];

/**
 * Whether `fd` is a terminal (process.stdout.isTTY without creating the stream). node:tty loads
 * node:net and node:stream too, so it is asked only about a character device other than /dev/null
 * (a file, a pipe or /dev/null is no terminal).
 */
export function isTerminal(fd: Fd): boolean {
  return (terminal[fd] ??= askTerminal(fd));
}

function askTerminal(fd: Fd): boolean {
  try {
    const st = fstatSync(fd);
    if (!st.isCharacterDevice()) return false;
    if (process.platform !== 'win32' && st.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    /* a closed descriptor, no /dev/null: ask node:tty */
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:tty') as typeof import('node:tty')).isatty(fd);
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function writeAll(fd: Fd, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length && !closed[fd]) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // the reader is gone (`planlint … | head`): the rest of the output is dropped and the run
      // ends as usual, with its own exit status
      if (code === 'EPIPE') closed[fd] = true;
      // a non-blocking pipe inherited from the parent is full: wait for the reader
      else if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      else throw e;
    }
  }
}

function write(fd: Fd, data: string | Uint8Array): void {
  direct[fd] ??= process.platform !== 'win32' && !isTerminal(fd);
  if (!direct[fd]) {
    stdioStream(fd).write(data);
    return;
  }
  writeAll(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
}

/** Writes to stdout. */
export function writeOut(data: string | Uint8Array): void {
  write(1, data);
}

/** Writes to stderr. */
export function writeErr(data: string | Uint8Array): void {
  write(2, data);
}

/** Calls `done` once everything written through the streams is flushed (direct writes are done when they return). */
export function flushStdio(done: () => void): void {
  const next = (i: number): void => {
    if (i >= streams.length) done();
    else streams[i]!.write('', () => next(i + 1));
  };
  next(0);
}
