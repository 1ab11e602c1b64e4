/**
 * Entry of the planlint language server (bundled to server/dist/server.js).
 * Transport from the command line: --stdio, --node-ipc or --socket=PORT.
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node.js';
import { startServer } from './server.js';
import { describeError } from './log.js';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('usage: planlint-language-server --stdio | --node-ipc | --socket=PORT\n');
  process.exit(2);
}

/**
 * Over stdio the reader is made here so that a framing error (a header without Content-Length, a
 * negative or non-numeric length, binary noise) ends the process: the reader can never find the
 * next message after one, so the server would otherwise sit unresponsive forever. The library's
 * own stdio set-up (exit when stdin ends, console kept off stdout) is repeated for this form.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  let shutdown = false;
  reader.onError((err) => {
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
  const c = createConnection(ProposedFeatures.all, reader, writer);
  c.onShutdown(() => {
    shutdown = true;
  });
  return c;
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
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
