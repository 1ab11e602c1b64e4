/**
 * Node built-ins that only some inputs and commands need, loaded on first use: node:crypto (with the
 * stream modules it pulls in) and node:readline/promises were ~1.7 ms of every CLI start, for a
 * requirement file's hash, a Code Quality fingerprint, a temporary file name and `planlint init`'s
 * questions (issue 17: CLI start-up against markdownlint-cli2).
 */
/* eslint-disable @typescript-eslint/no-require-imports */

/** SHA-256 of `data` (UTF-8), hexadecimal. */
export function sha256Hex(data: string): string {
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(data).digest('hex');
}

/** `bytes` random bytes, hexadecimal. */
export function randomHex(bytes: number): string {
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  return randomBytes(bytes).toString('hex');
}

/** node:readline/promises */
export function readlinePromises(): typeof import('node:readline/promises') {
  return require('node:readline/promises') as typeof import('node:readline/promises');
}
