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

/**
 * Loads the bundle with a V8 code cache: compiling the ~1 MB bundle is a fifth of a short run
 * (bench/RESULTS.md). Node ≥ 22.1 has a built-in compile cache; on Node 20 the compiled code is
 * kept in dist/.code-cache/ next to the bundle (written by whoever built it; a stale or foreign
 * file is rejected by V8 and rewritten). Any problem: a plain require.
 */
/** Work to do once the command is done (writing the code cache), before the process exits. */
let afterRun = () => {};

/**
 * V8 tuned for a run of a tenth of a second (bench/RESULTS.md, "CLI start"), set before the bundle
 * is loaded: the flags are part of what the code cache was made under, so the cache always matches.
 * - Regular expressions compiled straight to machine code. By default V8 first compiles each one
 *   to bytecode for its interpreter and again to machine code once it runs a second time: a short
 *   run compiles the two hundred regexes of the analysis twice.
 * - Functions optimised later (4 × the interrupt budget of Node 20's V8, 66 KB of bytecode): the
 *   optimising compiler's work on the main thread, for functions still changing shape, does not pay
 *   for itself in a short run (a 5-seed check 4 ms faster); the loops of a long run (a 1 MB draft,
 *   a thousand files) are still optimised, and were measured no slower.
 */
try {
  require('node:v8').setFlagsFromString('--no-regexp-tier-up --interrupt-budget=270336');
} catch {
  /* a runtime without V8 flags: the default tiers */
}

function load(file) {
  const Module = require('node:module');
  if (typeof Module.enableCompileCache === 'function') {
    try {
      Module.enableCompileCache();
    } catch {
      /* no cache directory: run without */
    }
    return require(file);
  }
  try {
    const vm = require('node:vm');
    // the bundle is ASCII (scripts/build.mjs asciiOnly): read as Latin-1, a copy, instead of
    // decoding 1.4 MB of UTF-8; a bundle that is not ASCII after all is decoded as UTF-8
    const bytes = fs.readFileSync(file);
    const source = require('node:buffer').isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    const st = fs.statSync(file);
    const dir = path.join(path.dirname(file), '.code-cache');
    const cacheFile = path.join(dir, `${path.basename(file)}-${process.version}-${process.arch}-${st.size}-${Math.round(st.mtimeMs)}.bin`);
    let cachedData;
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      /* first run */
    }
    const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
    const m = new Module(file, module);
    m.filename = file;
    m.paths = Module._nodeModulePaths(path.dirname(file));
    script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
    m.loaded = true;
    if (cachedData === undefined || script.cachedDataRejected) {
      // after the run, so the functions compiled lazily while checking are in the cache too
      afterRun = () => {
        try {
          fs.mkdirSync(dir, { recursive: true });
          const tmp = `${cacheFile}.${process.pid}.tmp`;
          fs.writeFileSync(tmp, script.createCachedData());
          fs.renameSync(tmp, cacheFile);
          // caches of earlier builds of this bundle
          const stem = `${path.basename(file)}-`;
          for (const f of fs.readdirSync(dir))
            if (f.startsWith(stem) && f.endsWith('.bin') && path.join(dir, f) !== cacheFile) fs.rmSync(path.join(dir, f), { force: true });
        } catch {
          /* read-only install: no cache */
        }
      };
    }
    return m.exports;
  } catch {
    return require(file);
  }
}

const { main, flushStdio } = load(cli);
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  afterRun();
  // Exit once what was written to stdout and stderr is flushed (src/cli/stdio.ts: the write
  // callbacks of the streams it used run in order, after every earlier write; what it wrote to a
  // file or a pipe directly is written already), instead of letting Node tear its heap down after
  // the event loop empties: a few ms of a short run. Nothing else is pending when main resolves
  // (files are written synchronously).
  flushStdio(() => process.exit(code));
});
