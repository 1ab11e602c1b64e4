/**
 * How the extension starts the language server's Node process (also used by the benchmark, so that
 * it measures the server as the extension runs it).
 *
 * `--max-semi-space-size=8` (MB; Node's default lets the young generation grow to 16 MB per
 * semi-space): the server's garbage is short-lived analysis data, and a smaller young generation
 * keeps its memory down without slowing it. With 200 drafts opened at once the server's RSS was
 * 130-134 MB against 150-156 MB with the default, and the 1 MB plan's keystroke p95 56-65 ms
 * against 64-72 ms (bench/RESULTS.md, 2026-11-25). Editors that start the server themselves
 * (`planlint-language-server --stdio`) can pass the same option to node.
 *
 * `--expose-gc`: the server collects the warm-up's garbage when the warm-up ends
 * (server/src/lsp/warmup.ts), instead of keeping the heap the warm-up grew into: with 200 drafts
 * open, RSS 143–150 MB against 159 MB without the collection and 139 MB without any warm-up
 * (`node bench/run.mjs --only memory`, 2026-12-03, loaded machine); and it collects once analyses
 * pause after a burst that grew the heap (server/src/lsp/idle-gc.ts: 200 drafts opened, RSS 118–125
 * MB against 142–154 MB). Without the option the server works the same and skips the collections.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=8', '--expose-gc'];
