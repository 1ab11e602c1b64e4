/** How planlint names a file in messages and reports. */
import * as path from 'node:path';

/** A path relative to `cwd` when the file lies beneath it, else the path as given. */
export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}
