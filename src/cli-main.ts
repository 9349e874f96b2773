/**
 * Entry of the `nax` executable (bundled to dist/cli/index.js). The same file starts the Monte Carlo
 * worker threads, so a worker only runs its samples.
 */
import { main } from './cli.js';
import { isNaxWorker, workerMain } from './runtime/workers.js';

if (isNaxWorker()) await workerMain();
else process.exitCode = await main(process.argv, { workerEntry: import.meta.url });
