/**
 * Monte Carlo samples over worker_threads: the wasm backend is single-threaded in Node, so parallelism
 * comes from several workers, each with its own tfjs instance (reference tfjs-in-node.md §2: 2 workers
 * gave about 1.9× throughput). A worker runs the same entry file as the main thread (the ncc bundle, or
 * the TypeScript entry under tsx); the entry calls `workerMain()` when it is not the main thread.
 * Results are keyed by sample index, so the report does not depend on how many workers ran.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { initBackend } from './tfjs.js';
import type { Progress, ProgressStep } from '../progress.js';
import { type SampleJob, type SampleJobResult, type SampleRunner, type NfSums, runSamples } from '../xbar/simulate.js';

const JOB_KIND = 'nax-samples';

interface WorkerInput {
  readonly kind: typeof JOB_KIND;
  readonly job: SampleJob;
}

type WorkerMessage =
  | { readonly type: 'progress'; readonly line: string; readonly step?: ProgressStep }
  | { readonly type: 'done'; readonly result: SampleJobResult }
  | { readonly type: 'error'; readonly message: string; readonly stack?: string };

export interface WorkerPoolOptions {
  /** The module a worker starts (the running entry file: `import.meta.url` of cli-main.ts / index.ts). */
  readonly entry: string | URL;
  /** Worker threads to use, ≥ 1. With 1 (or one sample) the samples run in this thread. */
  readonly workers: number;
  /** Extra Node flags for the workers (e.g. `['--import', 'tsx']` when running from TypeScript sources). */
  readonly execArgv?: readonly string[];
}

/** A SampleRunner that spreads samples round-robin over worker threads. */
export function workerSampleRunner(o: WorkerPoolOptions): SampleRunner {
  return async (job, progress) => {
    const n = Math.min(o.workers, job.samples.length);
    if (n <= 1) return runSamples(job, progress);
    const parts = Array.from({ length: n }, (_, w) => job.samples.filter((_, i) => i % n === w));
    // Each worker counts its own samples; the pool reports samples done over the whole job.
    let done = 0;
    const pooled: Progress | undefined = progress && ((l, st) => progress(l, st && { ...st, done: ++done, total: job.samples.length }));
    const results = await Promise.all(parts.map((samples) => runInWorker(o, { ...job, samples }, pooled)));
    const nf: NfSums = new Map();
    for (const r of results) {
      for (const [name, a] of r.nf) {
        const t = nf.get(name) ?? { sum: 0, n: 0, max: 0 };
        nf.set(name, { sum: t.sum + a.sum, n: t.n + a.n, max: Math.max(t.max, a.max) });
      }
    }
    return { samples: results.flatMap((r) => r.samples), nf };
  };
}

function runInWorker(o: WorkerPoolOptions, job: SampleJob, progress?: Progress): Promise<SampleJobResult> {
  return new Promise((resolve, reject) => {
    const input: WorkerInput = { kind: JOB_KIND, job };
    const w = new Worker(o.entry, { workerData: input, execArgv: [...(o.execArgv ?? [])] });
    let settled = false;
    w.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') progress?.(m.line, m.step);
      else if (m.type === 'done') {
        settled = true;
        resolve(m.result);
        void w.terminate();
      } else {
        settled = true;
        const e = new Error(`worker failed: ${m.message}`);
        if (m.stack) e.stack = m.stack;
        reject(e);
        void w.terminate();
      }
    });
    w.on('error', (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    w.on('exit', (code) => {
      if (!settled) reject(new Error(`worker exited with code ${code} before finishing its samples`));
      settled = true;
    });
  });
}

/** True when this thread was started by workerSampleRunner. */
export function isNaxWorker(): boolean {
  return !isMainThread && (workerData as WorkerInput | undefined)?.kind === JOB_KIND;
}

/** The worker side: run the samples it was given and post the result. */
export async function workerMain(): Promise<void> {
  const port = parentPort!;
  const { job } = workerData as WorkerInput;
  try {
    await initBackend('wasm');
    const result = await runSamples(job, (line, step) => port.postMessage({ type: 'progress', line, ...(step ? { step } : {}) } satisfies WorkerMessage));
    port.postMessage({ type: 'done', result } satisfies WorkerMessage);
  } catch (e) {
    const err = e as Error;
    port.postMessage({ type: 'error', message: err.message, stack: err.stack } satisfies WorkerMessage);
  }
}
