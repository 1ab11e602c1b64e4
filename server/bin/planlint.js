#!/usr/bin/env node
'use strict';
// Launcher for the bundled CLI (built by `npm run build`, which `npm ci` runs through `prepare`).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('planlint: 未找到 server/dist/cli.js，请先运行 npm run build / server/dist/cli.js is missing: run `npm run build` first\n');
  process.exit(2);
}
const { main, quietOnClosedPipe } = require(cli);
quietOnClosedPipe();
main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
