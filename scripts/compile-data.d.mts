/** Types of scripts/compile-data.mjs (used by test/proofreading-corpus.test.ts). */
export declare const DATA_FILES: Record<string, string>;
/** Validates server/data/NAME.yaml and writes server/data/compiled/NAME.json; with check, returns the stale names without writing. */
export declare function compileData(rootDir?: string, options?: { check?: boolean }): string[];
