/**
 * Every `planlint` command, one line each. A command module exports `command: CliCommand`
 * (see ../env.ts); add a line here to register a new one (e.g. report, requirements).
 */
export { command as check } from './check.js';
export { command as outline } from './outline.js';
export { command as indicators } from './indicators.js';
export { command as docs } from './docs.js';
export { command as report } from './report.js';
export { command as requirements } from './requirements.js';
export { command as init } from './init.js';
