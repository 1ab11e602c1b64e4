/**
 * The `yaml` package, loaded on first use: most drafts have no front matter and most CLI runs
 * read no YAML file, and evaluating the package was a tenth of a short CLI run's start-up.
 * Types come from the package as usual (`import type` costs nothing at run time).
 */
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

export function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('yaml') as typeof Yaml;
  return loaded;
}
