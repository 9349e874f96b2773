/**
 * Entry of the `nax` executable (bundled to dist/cli/index.js). The same file starts the Monte Carlo
 * worker threads, so a worker only runs its samples. The worker code (and tfjs) is imported only in a
 * worker: `nax --help` does not load it.
 */
import { isMainThread } from 'node:worker_threads';
import { main } from './cli.js';

const worker = isMainThread ? undefined : await import('./runtime/workers.js');
if (worker?.isNaxWorker()) await worker.workerMain();
else process.exitCode = await main(process.argv, { workerEntry: import.meta.url });
