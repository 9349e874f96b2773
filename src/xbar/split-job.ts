/**
 * How a Monte Carlo job is cut into parts for a pool of workers. With at least as many samples as workers,
 * whole samples go round-robin; with fewer (`--samples 1` on 2 cores), each sample's evaluation batches are
 * cut into contiguous ranges as well, so that every worker has work. Pure: results are keyed by sample index
 * and batch range (simulate.ts assembleSamples), so the report does not depend on the split.
 */
import type { Progress } from '../progress.js';
import { type BatchRange, type SampleJob, batchCount } from './simulate.js';

/** Contiguous ranges that tile `r` into `parts` pieces, sizes differing by at most one batch. */
export function splitBatches(r: BatchRange, parts: number): BatchRange[] {
  const n = r.end - r.start;
  const k = Math.max(1, Math.min(parts, n));
  return Array.from({ length: k }, (_, i) => ({ start: r.start + Math.floor((i * n) / k), end: r.start + Math.floor(((i + 1) * n) / k) }));
}

/** The parts of `job` for `workers` workers (at most `workers` parts; one part when workers ≤ 1). */
export function splitJob(job: SampleJob, workers: number): SampleJob[] {
  const samples = job.samples.length;
  if (workers <= 1 || samples === 0) return [job];
  if (samples >= workers) {
    return Array.from({ length: workers }, (_, w) => ({ ...job, samples: job.samples.filter((_, i) => i % workers === w) }));
  }
  const range = job.batches ?? { start: 0, end: batchCount(job.data.n, job.batchSize) };
  const per = Math.floor(workers / samples);
  return job.samples.flatMap((k) => splitBatches(range, per).map((batches) => ({ ...job, samples: [k], batches })));
}

/**
 * Progress of a job run as `parts`, in the job's own sample units: each part reports one step per sample it
 * runs, and a sample cut into image ranges is cut into equal numbers of parts, so pieces done × samples /
 * pieces counts samples (what simulateNetwork adds its own steps to, and what never runs backwards).
 */
export function pooledProgress(progress: Progress | undefined, job: SampleJob, parts: readonly SampleJob[]): Progress | undefined {
  if (!progress) return undefined;
  const pieces = parts.reduce((a, p) => a + p.samples.length, 0);
  const total = job.samples.length;
  let done = 0;
  return (line, step) => progress(line, step && { ...step, done: (++done * total) / pieces, total });
}
