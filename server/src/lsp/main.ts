/**
 * Entry of the planlint language server (bundled to server/dist/server.js).
 * Transport from the command line: --stdio, --node-ipc or --socket=PORT.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startServer } from './server.js';
import { describeError } from './log.js';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('usage: planlint-language-server --stdio | --node-ipc | --socket=PORT\n');
  process.exit(2);
}

const connection = createConnection(ProposedFeatures.all);
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
