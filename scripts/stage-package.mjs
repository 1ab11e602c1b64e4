// The npm package `planlint` (server/): CLI and language server bundles with every dependency
// inside (no runtime dependencies: it installs offline from the tarball alone), bundled sets,
// profiles and data, and from the repository root the JSON schemas (planlint.yaml's modeline and
// editors point at node_modules/planlint/schemas/), the rule reference (diagnostic links) and the
// licence.
//
//   node scripts/stage-package.mjs          copies the root files into server/ (ignored by git);
//                                           server/'s "prepack" runs it after the build, so
//                                           `npm pack` in server/ gives a self-contained tarball
//   node scripts/stage-package.mjs DIR      stages a complete package of its own in DIR (a fresh
//                                           build included) that concurrent builds cannot touch;
//                                           then `npm pack --ignore-scripts` in DIR (test/npm-package.test.ts)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(root, 'server');
const into = process.argv[2] ? resolve(process.argv[2]) : server;

if (into !== server) {
  mkdirSync(into, { recursive: true });
  for (const f of ['package.json', 'README.md']) cpSync(join(server, f), join(into, f));
  for (const d of ['bin', 'sets', 'profiles', 'data']) if (existsSync(join(server, d))) cpSync(join(server, d), join(into, d), { recursive: true });
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    env: { ...process.env, PLANLINT_SERVER_OUT: into },
    stdio: 'inherit',
  });
}
rmSync(join(into, 'schemas'), { recursive: true, force: true });
cpSync(join(root, 'schemas'), join(into, 'schemas'), { recursive: true });
mkdirSync(join(into, 'docs'), { recursive: true });
cpSync(join(root, 'docs', 'rules.md'), join(into, 'docs', 'rules.md'));
cpSync(join(root, 'LICENSE'), join(into, 'LICENSE'));
