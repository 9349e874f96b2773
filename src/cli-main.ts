/** Entry of the `nax` executable (bundled to dist/cli/index.js). */
import { main } from './cli.js';

process.exitCode = await main(process.argv);
