// ESLint (flat config): typescript-eslint's recommended rules plus the layering of ARCHITECTURE.md,
// enforced as import boundaries. Formatting is Prettier's job (`npm run lint` runs both).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Import patterns a layer may not use; each message says which boundary it is. */
const forbid = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});
const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'net', 'http', 'https', 'url'];
const EDITOR = [
  'vscode',
  'vscode-languageserver',
  'vscode-languageserver/*',
  'vscode-languageserver-*',
  'vscode-languageclient',
  'vscode-languageclient/*',
  'vscode-jsonrpc',
  'vscode-jsonrpc/*',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/out/**',
      'client/.package/**',
      'test/e2e/.code-server/**',
      'test/e2e/.scratch/**',
      'test/corpus/**',
      'artifacts/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-control-regex': 'off', // the parsers match control characters on purpose
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
  },
  // The bin/ launchers are CommonJS (they run before any bundle is loaded).
  {
    files: ['server/bin/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Units small enough to read: no source file over 450 lines, no function over 120 (issue 12).
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 450, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: false, skipComments: false, IIFEs: true }],
    },
  },
  // The core is pure: text and a session in, a plan model and findings out.
  {
    files: ['server/src/core/**/*.ts'],
    rules: forbid(
      [
        ['**/node/**', '**/cli/**', '**/lsp/**', '**/client/**'],
        'server/src/core imports nothing from node/, cli/, lsp/ or the client (ARCHITECTURE.md: layers).',
      ],
      [NODE_BUILTINS, 'server/src/core is pure: no file system, process or network modules.'],
      [EDITOR, 'server/src/core knows no editor or protocol types.'],
    ),
  },
  {
    files: ['server/src/node/**/*.ts'],
    rules: forbid(
      [['**/cli/**', '**/lsp/**', '**/client/**'], 'server/src/node serves the CLI and the server; it imports neither.'],
      [EDITOR, 'server/src/node knows no editor or protocol types.'],
    ),
  },
  { files: ['server/src/lsp/**/*.ts'], rules: forbid([['**/cli/**', '**/client/**'], 'server/src/lsp imports nothing from the CLI.']) },
  {
    files: ['server/src/cli/**/*.ts'],
    rules: forbid(
      [['**/lsp/**', '**/client/**'], 'server/src/cli imports nothing from the language server.'],
      [EDITOR, 'the CLI knows no editor or protocol types.'],
    ),
  },
  {
    files: ['client/src/**/*.ts'],
    rules: forbid([
      [
        '**/server/src/node/**',
        '**/server/src/cli/**',
        '**/server/src/core/*',
        '!**/server/src/core/align',
        '**/server/src/lsp/*',
        '!**/server/src/lsp/protocol.js',
      ],
      'the client talks to the server over LSP; it may share only protocol.ts and plain label tables.',
    ]),
  },
);
