// esbuild plugin: `import text from './file.yaml?raw'` bundles the file as a string, as Vite's
// ?raw does (vitest reads the same import natively). Used by every esbuild build of the core.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const rawPlugin = {
  name: 'raw',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: join(args.resolveDir, args.path.slice(0, -'?raw'.length)), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
  },
};
