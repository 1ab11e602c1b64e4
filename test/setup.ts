/**
 * Property tests explore new random cases on every local run; in CI (CI=true) they replay one
 * fixed seed (FC_SEED overrides it), so a landing is judged on reproducible cases. A failure
 * prints its seed and path either way; add the counterexample to test/robust-regressions.
 */
import fc from 'fast-check';

if (process.env['CI'] || process.env['FC_SEED']) {
  fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 20211231) });
}
