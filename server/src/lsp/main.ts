/**
 * Entry of the planlint language server (bundled to server/dist/server.js).
 * Transport from the command line: --stdio, --node-ipc or --socket=PORT.
 */
import { format } from 'node:util';
import {
  createConnection,
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node.js';
import { startServer } from './server.js';
import { describeError } from './log.js';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('usage: planlint-language-server --stdio | --node-ipc | --socket=PORT\n');
  process.exit(2);
}

/**
 * The protocol's rules the library leaves to the server: a request before `initialize` gets the
 * error ServerNotInitialized (−32002) and is not handled; notifications before it are dropped
 * (except `exit`). Wraps the reader so that no handler ever sees such a message.
 */
export function guardUntilInitialized(reader: MessageReader, writer: MessageWriter): MessageReader {
  let initialized = false;
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    listen(callback) {
      return reader.listen((msg: Message) => {
        const m = msg as { id?: unknown; method?: unknown };
        if (!initialized && typeof m.method === 'string') {
          if (m.method === 'initialize') initialized = true;
          else if (m.id !== undefined && m.id !== null) {
            void writer.write({
              jsonrpc: '2.0',
              id: m.id as number | string,
              error: { code: ErrorCodes.ServerNotInitialized, message: `server not initialized: "${m.method}" before "initialize"` },
            } as Message);
            return;
          } else if (m.method !== 'exit') return;
        }
        callback(msg);
      });
    },
  };
}

/**
 * Over stdio the reader is made here so that a framing error (a header without Content-Length, a
 * negative or non-numeric length, binary noise) ends the process: the reader can never find the
 * next message after one, so the server would otherwise sit unresponsive forever. The library's
 * own stdio set-up (exit when stdin ends, console kept off stdout) is repeated for this form.
 */
function stdioConnection(): Connection {
  // Whether each body was read with a sound length (a whole number of bytes, all there), in order:
  // only then is a JSON error the body's fault (ParseError, go on) rather than lost framing (exit).
  const sound: boolean[] = [];
  const reader = new StreamMessageReader(process.stdin, {
    charset: 'utf-8',
    contentTypeDecoder: {
      name: 'application/json',
      decode: (body: Uint8Array) => {
        const ok = sound.shift() ?? false;
        try {
          return Promise.resolve(JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')) as Message);
        } catch (e) {
          return Promise.reject(ok ? e : new Error(`framing lost (${(e as Error).message})`));
        }
      },
    },
  });
  const buffer = (reader as unknown as { buffer: { tryReadBody(n: number): Uint8Array | undefined } }).buffer;
  const tryReadBody = buffer.tryReadBody.bind(buffer);
  buffer.tryReadBody = (n: number) => {
    const body = tryReadBody(n);
    if (body !== undefined) sound.push(Number.isInteger(n) && n > 0 && body.byteLength === n);
    return body;
  };
  const writer = new StreamMessageWriter(process.stdout);
  let shutdown = false;
  reader.onError((err) => {
    // a correctly framed body that is not JSON: the framing is intact, so the next message can be
    // read; answer with ParseError (−32700, id null, as JSON-RPC 2.0 says) and keep serving
    if (err instanceof SyntaxError) {
      process.stderr.write(`planlint-language-server: a message body is not valid JSON (${err.message.split('\n')[0]}); answered with ParseError\n`);
      void writer.write({ jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: `Parse error: ${err.message.split('\n')[0]}` } } as Message);
      return;
    }
    process.stderr.write(`planlint-language-server: unreadable message on stdin (${err.message.split('\n')[0]}); exiting\n`);
    process.exit(1);
  });
  const end = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  // stdout carries the protocol: anything a library prints goes to stderr
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    console[level] = (...args: unknown[]) => void process.stderr.write(format(...args) + '\n');
  }
  const c = createConnection(ProposedFeatures.all, guardUntilInitialized(reader, writer), writer);
  c.onShutdown(() => {
    shutdown = true;
  });
  return c;
}

function ipcConnection(): Connection {
  const writer = new IPCMessageWriter(process);
  return createConnection(ProposedFeatures.all, guardUntilInitialized(new IPCMessageReader(process), writer), writer);
}

const connection = process.argv.includes('--stdio')
  ? stdioConnection()
  : process.argv.includes('--node-ipc')
    ? ipcConnection()
    : createConnection(ProposedFeatures.all);
// last line of defence: log and keep serving
process.on('uncaughtException', (err) => {
  try {
    connection.console.error(`uncaught exception: ${describeError(err)}`);
  } catch {
    /* ignore */
  }
});
process.on('unhandledRejection', (err) => {
  try {
    connection.console.error(`unhandled rejection: ${describeError(err)}`);
  } catch {
    /* ignore */
  }
});
startServer(connection);
connection.listen();
