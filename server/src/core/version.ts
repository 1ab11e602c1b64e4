/** planlint's version, read once from package.json (the CLI's --version, SARIF, JSON reports, the server's serverInfo). */
import { version } from '../../../package.json';

export const PLANLINT_VERSION: string = version;
