/**
 * Monte Carlo samples over worker_threads: the wasm backend is single-threaded in Node, so parallelism
 * comes from several workers, each with its own tfjs instance (reference tfjs-in-node.md §2: 2 workers
 * gave about 1.9× throughput). A worker runs the same entry file as the main thread (the ncc bundle, or
 * the TypeScript entry under tsx); the entry calls `workerMain()` when it is not the main thread.
 *
 * The pool lives as long as its runner: the sizes of a sweep and the two sides of a check reuse the same
 * workers, so tfjs starts once per worker, and a model (and evaluation set) crosses to a worker once, not
 * per job. Idle workers are unref'd, so an open pool never keeps the process alive.
 * Results are keyed by sample index and image range, so the report does not depend on how many workers ran.
 * The search's single-chip forwards (`logits`) go through the same pool: a chip's output depends on its seed
 * only, not on the thread that ran it.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { initBackend } from './tfjs.js';
import { type NetworkGraph, inputSize } from '../model/graph.js';
import type { Progress, ProgressStep } from '../progress.js';
import { pooledProgress, splitJob } from '../xbar/split-job.js';
import { type EvalData, type ImageData, type LogitsJob, type SampleJob, type SampleJobResult, type SampleRunner, nonIdealLogits, runSamples } from '../xbar/simulate.js';

const JOB_KIND = 'nax-samples';

interface WorkerInput {
  readonly kind: typeof JOB_KIND;
}

/** A job as sent: the large parts (graph, data) only when this worker does not hold them already. */
interface JobMessage {
  readonly type: 'job';
  readonly id: number;
  readonly job: Omit<SampleJob, 'graph' | 'data' | 'calibrationImages'>;
  readonly graph: { readonly key: number; readonly value?: NetworkGraph };
  readonly data: { readonly key: number; readonly value?: EvalData };
  readonly calibrationImages?: { readonly key: number; readonly value?: ImageData };
}

/** One chip forward as sent (the search's steps and checks). */
interface LogitsMessage {
  readonly type: 'logits';
  readonly id: number;
  readonly job: Omit<LogitsJob, 'graph'>;
  readonly graph: { readonly key: number; readonly value?: NetworkGraph };
}

type WorkerMessage =
  | { readonly type: 'progress'; readonly id: number; readonly line: string; readonly step?: ProgressStep }
  | { readonly type: 'done'; readonly id: number; readonly result: SampleJobResult }
  | { readonly type: 'logits'; readonly id: number; readonly logits: Float32Array }
  | { readonly type: 'error'; readonly id: number; readonly message: string; readonly stack?: string };

export interface WorkerPoolOptions {
  /** The module a worker starts (the running entry file: `import.meta.url` of cli-main.ts / index.ts). */
  readonly entry: string | URL;
  /** Worker threads to use, ≥ 1. With 1 the samples run in this thread. */
  readonly workers: number;
  /** Extra Node flags for the workers (e.g. `['--import', 'tsx']` when running from TypeScript sources). */
  readonly execArgv?: readonly string[];
}

/** A SampleRunner over a pool of worker threads that persists between jobs; close() ends the threads. */
export interface PooledSampleRunner extends SampleRunner {
  /** One chip forward on a free worker (several at once run side by side; in this thread with one worker). */
  readonly logits: (job: LogitsJob) => Promise<Float32Array>;
  close(): Promise<void>;
}

/** Identity keys of the objects sent to workers (a worker keeps the last graph and data it was sent). */
const keys = new WeakMap<object, number>();
let nextKey = 1;
function keyOf(o: object): number {
  let k = keys.get(o);
  if (k === undefined) keys.set(o, (k = nextKey++));
  return k;
}

interface Slot {
  readonly worker: Worker;
  /** Keys of the graph, data and calibration images this worker holds. */
  graph?: number;
  data?: number;
  calibration?: number;
  /** The job this worker runs and the id it was sent under (replies with another id are stale). */
  task?: Task;
  taskId?: number;
}

type Task =
  | { readonly kind: 'samples'; readonly job: SampleJob; readonly progress?: Progress; readonly resolve: (r: SampleJobResult) => void; readonly reject: (e: Error) => void }
  | { readonly kind: 'logits'; readonly job: LogitsJob; readonly resolve: (r: Float32Array) => void; readonly reject: (e: Error) => void };

const WHAT: Record<Task['kind'], string> = { samples: 'its samples', logits: 'its chip forward' };

/** A SampleRunner that splits each job (split-job.ts) over a pool of worker threads kept between jobs. */
export function workerSampleRunner(o: WorkerPoolOptions): PooledSampleRunner {
  const slots: Slot[] = [];
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;
  const closedError = () => new Error('the worker pool is closed');

  /** Frees a slot's task (the worker may take the next) and returns it. */
  const release = (slot: Slot): Task | undefined => {
    const t = slot.task;
    slot.task = undefined;
    slot.taskId = undefined;
    slot.worker.unref();
    return t;
  };

  const startWorker = (): Slot => {
    const input: WorkerInput = { kind: JOB_KIND };
    const slot: Slot = { worker: new Worker(o.entry, { workerData: input, execArgv: [...(o.execArgv ?? [])] }) };
    slot.worker.unref();
    const fail = (describe: (t: Task) => Error) => {
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      const t = release(slot);
      t?.reject(describe(t));
      pump();
    };
    slot.worker.on('message', (m: WorkerMessage) => {
      const t = slot.task;
      if (!t || m.id !== slot.taskId) return;
      if (m.type === 'progress') {
        if (t.kind === 'samples') t.progress?.(m.line, m.step);
        return;
      }
      release(slot);
      if (m.type === 'done' && t.kind === 'samples') t.resolve(m.result);
      else if (m.type === 'logits' && t.kind === 'logits') t.resolve(m.logits);
      else if (m.type !== 'error') t.reject(new Error(`worker answered a ${t.kind} job with ${m.type}`));
      else {
        const e = new Error(`worker failed: ${m.message}`);
        if (m.stack) e.stack = m.stack;
        t.reject(e);
      }
      pump();
    });
    slot.worker.on('error', (e) => fail((t) => new Error(`worker failed during ${WHAT[t.kind]}: ${e.message}`)));
    // A reply that cannot be deserialised would otherwise leave its job unsettled and its worker ref'd; the worker
    // leaves the pool (a new one takes its place).
    slot.worker.on('messageerror', (e) => {
      fail((t) => new Error(`the reply to ${WHAT[t.kind]} could not be read: ${e.message}`));
      void slot.worker.terminate();
    });
    slot.worker.on('exit', (code) => fail((t) => new Error(`worker exited with code ${code} before finishing ${WHAT[t.kind]}`)));
    slots.push(slot);
    return slot;
  };

  /** The message for a task: the large parts only when this worker does not hold them already. */
  const messageOf = (slot: Slot, t: Task, id: number): { msg: JobMessage | LogitsMessage; holds: Pick<Slot, 'graph' | 'data' | 'calibration'> } => {
    if (t.kind === 'logits') {
      const { graph, images, ...rest } = t.job;
      const g = keyOf(graph);
      // Only the job's images: a view would carry its whole buffer across.
      const job = { ...rest, images: images.slice(0, rest.n * inputSize(graph)) };
      return { msg: { type: 'logits', id, job, graph: slot.graph === g ? { key: g } : { key: g, value: graph } }, holds: { graph: g } };
    }
    const { graph, data, calibrationImages, ...rest } = t.job;
    const g = keyOf(graph);
    const d = keyOf(data);
    const c = calibrationImages ? keyOf(calibrationImages) : undefined;
    const msg: JobMessage = {
      type: 'job', id, job: rest,
      graph: slot.graph === g ? { key: g } : { key: g, value: graph },
      data: slot.data === d ? { key: d } : { key: d, value: data },
      ...(calibrationImages && c !== undefined
        ? { calibrationImages: slot.calibration === c ? { key: c } : { key: c, value: calibrationImages } }
        : {}),
    };
    return { msg, holds: { graph: g, data: d, ...(c !== undefined ? { calibration: c } : {}) } };
  };

  const send = (slot: Slot, t: Task) => {
    const id = nextId++;
    slot.task = t;
    slot.taskId = id;
    slot.worker.ref();
    try {
      const { msg, holds } = messageOf(slot, t, id);
      slot.worker.postMessage(msg);
      // The worker holds what it was sent only once the message is on its way.
      Object.assign(slot, holds);
    } catch (e) {
      // A job that cannot be sent (e.g. a value that does not clone) fails alone; the worker stays free.
      release(slot);
      t.reject(e instanceof Error ? e : new Error(String(e)));
    }
  };

  function pump(): void {
    while (queue.length > 0) {
      const idle = slots.find((s) => !s.task) ?? (slots.length < o.workers && !closed ? startWorker() : undefined);
      if (!idle) return;
      send(idle, queue.shift()!);
    }
  }

  const enqueue = <T>(make: (resolve: (r: T) => void, reject: (e: Error) => void) => Task) => new Promise<T>((resolve, reject) => {
    queue.push(make(resolve, reject));
    pump();
  });

  const samples = async (job: SampleJob, progress?: Progress): Promise<SampleJobResult> => {
    if (closed) throw closedError();
    if (o.workers <= 1) return runSamples(job, progress);
    const parts = splitJob(job, o.workers);
    const pooled = pooledProgress(progress, job, parts);
    const results = await Promise.all(parts.map((part) => enqueue<SampleJobResult>((resolve, reject) => ({ kind: 'samples', job: part, progress: pooled, resolve, reject }))));
    return { parts: results.flatMap((r) => r.parts) };
  };
  const logits = async (job: LogitsJob): Promise<Float32Array> => {
    if (closed) throw closedError();
    if (o.workers <= 1) return nonIdealLogits(job);
    return enqueue<Float32Array>((resolve, reject) => ({ kind: 'logits', job, resolve, reject }));
  };
  const close = async (): Promise<void> => {
    closed = true;
    // Jobs not yet finished fail with one clear reason, not a worker's exit code.
    for (const t of queue.splice(0)) t.reject(closedError());
    const ending = slots.splice(0);
    for (const s of ending) release(s)?.reject(closedError());
    await Promise.all(ending.map((s) => s.worker.terminate()));
  };
  return Object.assign(samples, { logits, close });
}

/** True when this thread was started by workerSampleRunner. */
export function isNaxWorker(): boolean {
  return !isMainThread && (workerData as WorkerInput | undefined)?.kind === JOB_KIND;
}

/** The worker side: start tfjs once, then run each job it is sent, holding the last graph and data. */
export async function workerMain(): Promise<void> {
  const port = parentPort!;
  const ready = initBackend('wasm');
  const held: { graph?: [number, NetworkGraph]; data?: [number, EvalData]; calibration?: [number, ImageData] } = {};
  const take = <T>(slot: 'graph' | 'data' | 'calibration', ref: { key: number; value?: T }): T => {
    if (ref.value !== undefined) (held as Record<string, [number, T]>)[slot] = [ref.key, ref.value];
    const h = (held as Record<string, [number, T] | undefined>)[slot];
    if (!h || h[0] !== ref.key) throw new Error(`worker lacks ${slot} ${ref.key}`);
    return h[1];
  };
  // Jobs run one at a time, in the order they arrive (the pool sends a worker one job at a time).
  let chain: Promise<void> = Promise.resolve();
  port.on('message', (m: JobMessage | LogitsMessage) => {
    chain = chain.then(async () => {
      try {
        await ready;
        if (m.type === 'logits') {
          const logits = nonIdealLogits({ ...m.job, graph: take('graph', m.graph) });
          port.postMessage({ type: 'logits', id: m.id, logits } satisfies WorkerMessage);
          return;
        }
        const job: SampleJob = {
          ...m.job,
          graph: take('graph', m.graph),
          data: take('data', m.data),
          ...(m.calibrationImages ? { calibrationImages: take('calibration', m.calibrationImages) } : {}),
        };
        const result = await runSamples(job, (line, step) => port.postMessage({ type: 'progress', id: m.id, line, ...(step ? { step } : {}) } satisfies WorkerMessage));
        port.postMessage({ type: 'done', id: m.id, result } satisfies WorkerMessage);
      } catch (e) {
        const err = e as Error;
        port.postMessage({ type: 'error', id: m.id, message: err.message, stack: err.stack } satisfies WorkerMessage);
      }
    });
  });
}
