import { defineConfig } from 'vitest/config';

// End-to-end tests (real VS Code in headless Chromium, Neovim): `npm run test:e2e`.
// Not part of `npm test` (the root vitest.config.mts excludes test/e2e).
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    // one at a time: the VS Code scenarios share one code-server and one browser; 2 cores
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 240_000,
    retry: 0,
    reporters: ['verbose'],
  },
});
