import type { Plugin } from 'esbuild';
/** esbuild plugin: `import text from './file.yaml?raw'` bundles the file as a string. */
export declare const rawPlugin: Plugin;
