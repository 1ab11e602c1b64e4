#!/usr/bin/env node
'use strict';
// planlint language server launcher: `planlint-language-server --stdio` (or --node-ipc).
// The server is bundled to ../dist/server.js by `npm run build` (run by `npm ci` via "prepare").
require('../dist/server.js');
