/**
 * Scale-out is exact: a run split over worker threads (whole samples, or one sample's batches) and a run split
 * over Monte Carlo and image shards then merged give the unsplit run's report, byte for byte. On the ONNX
 * fixture (a small CNN) with 8 images in batches of 4, so that every split has batches to divide.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT_OK, EXIT_USAGE } from '../../src/cli.js';
import { dirSource } from '../../src/io/files.js';
import { simulate } from '../../src/pipeline.js';
import { initBackend } from '../../src/runtime/tfjs.js';
import { type SampleRunner, runSamples } from '../../src/xbar/simulate.js';
import { pooledProgress, splitBatches, splitJob } from '../../src/xbar/split-job.js';
import { nax } from '../support/run-cli.js';

const IMAGES = 8;
const SAMPLES = 2;

let dir: string;
let full: string;

/** What the worker pool does with `workers` threads, run in this thread: split, run each part, hand back parts. */
function splitRunner(workers: number, order: 'forward' | 'reversed' = 'forward'): SampleRunner {
  return async (job, progress) => {
    const parts = splitJob(job, workers);
    if (order === 'reversed') parts.reverse();
    const results = [];
    for (const p of parts) results.push(await runSamples(p, progress));
    return { parts: results.flatMap((r) => r.parts) };
  };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'nax-scale-'));
  for (const f of ['nax.yml', 'mapping.json', 'model.onnx', 'data']) cpSync(path.join('fixtures/onnx', f), path.join(dir, f), { recursive: true });
  const yml = readFileSync(path.join(dir, 'nax.yml'), 'utf8');
  expect(yml).toMatch(/batchSize: 100/);
  writeFileSync(path.join(dir, 'nax.yml'), yml.replace('batchSize: 100', 'batchSize: 4'));
  const r = await nax(['simulate', '-q', '--images', String(IMAGES), '--samples', String(SAMPLES), '--json', 'full.json'], dir);
  expect(r.err).toBe('');
  full = readFileSync(path.join(dir, 'full.json'), 'utf8');
}, 120_000);

describe('splitting a job for workers', () => {
  test('batch ranges tile the range, contiguous, sizes within one', () => {
    for (const [n, k] of [[4, 2], [4, 3], [7, 3], [2, 5], [1, 1]] as const) {
      const parts = splitBatches({ start: 3, end: 3 + n }, k);
      expect(parts).toHaveLength(Math.min(n, k));
      expect(parts[0].start).toBe(3);
      expect(parts.at(-1)!.end).toBe(3 + n);
      parts.slice(1).forEach((p, i) => expect(p.start).toBe(parts[i].end));
      const sizes = parts.map((p) => p.end - p.start);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
    }
  });

  test('one sample on two workers: each worker runs half of its batches', () => {
    const job = { samples: [5], batchSize: 4, data: { n: 16 } } as unknown as Parameters<typeof splitJob>[0];
    expect(splitJob(job, 2).map((p) => [p.samples, p.batches])).toEqual([[[5], { start: 0, end: 2 }], [[5], { start: 2, end: 4 }]]);
    const three = { ...job, samples: [0, 1, 2] };
    expect(splitJob(three, 2).map((p) => p.samples)).toEqual([[0, 2], [1]]);
  });

  test('pooled progress counts the job\'s samples, never more and never backwards, however the job is cut', () => {
    for (const [samples, workers] of [[1, 2], [1, 4], [2, 4], [3, 2], [5, 4]] as const) {
      const job = { samples: Array.from({ length: samples }, (_, k) => k), batchSize: 4, data: { n: 64 } } as unknown as Parameters<typeof splitJob>[0];
      const parts = splitJob(job, workers);
      const seen: Array<{ done: number; total: number }> = [];
      const pooled = pooledProgress((_, st) => { if (st) seen.push({ done: st.done, total: st.total }); }, job, parts)!;
      // Each part reports one step per sample it runs, in any interleaving.
      for (const p of parts) p.samples.forEach((_, i) => pooled('sample', { done: i + 1, total: p.samples.length, unit: 'steps' }));
      expect(seen.every((s) => s.total === samples)).toBe(true);
      expect(seen.map((s) => s.done)).toEqual([...seen.map((s) => s.done)].sort((a, b) => a - b));
      expect(seen.at(-1)!.done).toBeCloseTo(samples, 12);
    }
    expect(pooledProgress(undefined, { samples: [0] } as unknown as Parameters<typeof splitJob>[0], [])).toBeUndefined();
  });

  test.each([
    ['one sample, split over 2 workers', 1, 2],
    ['two samples, one per worker', 2, 2],
    ['two samples, each split in two over 4 workers', 2, 4],
  ])('%s: the report is byte-identical to one worker\'s', async (_name, samples, workers) => {
    await initBackend('wasm');
    const run = (runner?: SampleRunner) => simulate({
      source: dirSource(dir), configPath: 'nax.yml', overrides: { evalImages: IMAGES, monteCarloSamples: samples }, ...(runner ? { runner } : {}),
    });
    const one = JSON.stringify(await run());
    expect(JSON.stringify(await run(splitRunner(workers)))).toBe(one);
    expect(JSON.stringify(await run(splitRunner(workers, 'reversed')))).toBe(one);
  }, 120_000);
});

describe('shards merged', () => {
  const shardArgs = (s: string, i: string) => ['simulate', '-q', '--images', String(IMAGES), '--samples', String(SAMPLES),
    '--shard', s, '--image-shard', i, '--json', `s${s[0]}-i${i[0]}.json`];

  test('2 Monte Carlo × 2 image shards merge to the unsharded report, byte for byte', async () => {
    for (const s of ['1/2', '2/2']) for (const i of ['1/2', '2/2']) expect((await nax(shardArgs(s, i), dir)).code).toBe(EXIT_OK);
    const part = JSON.parse(readFileSync(path.join(dir, 's2-i2.json'), 'utf8'));
    // A shard holds its own images only (whole batches) and one Monte Carlo sample of the two.
    expect(part.settings.evalImages).toBe(IMAGES / 2);
    expect(part.shard.images).toMatchObject({ index: 1, count: 2, start: IMAGES / 2, total: IMAGES });
    expect(part.accuracy.nonIdeal.samples).toHaveLength(1);
    expect(part).not.toEqual(JSON.parse(full));
    // Merge order of the files does not matter.
    const m = await nax(['merge', 's2-i1.json', 's1-i2.json', 's2-i2.json', 's1-i1.json', '--out', 'merged.json'], dir);
    expect(m.code).toBe(EXIT_OK);
    expect(readFileSync(path.join(dir, 'merged.json'), 'utf8')).toBe(full);
  }, 120_000);

  test('a missing, duplicated or overlapping shard: exit 2, one line naming it', async () => {
    for (const i of ['1/2', '2/2']) expect((await nax(['simulate', '-q', '--images', String(IMAGES), '--samples', String(SAMPLES), '--image-shard', i, '--json', `i${i[0]}.json`], dir)).code).toBe(EXIT_OK);
    const missing = await nax(['merge', 'i1.json'], dir);
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.err).toBe('nax: shard reports: shard: image shard 2/2 missing (every matrix leg must upload its report; a smaller sample is never used)\n');
    const twice = await nax(['merge', 'i1.json', 'i2.json', 'i2.json'], dir);
    expect(twice.code).toBe(EXIT_USAGE);
    expect(twice.err).toBe('nax: i2.json: shard: image shard 2/2 also in i2.json\n');
    // A second image shard that starts inside the first one's images (a forged or mis-split run).
    const forged = JSON.parse(readFileSync(path.join(dir, 'i2.json'), 'utf8'));
    forged.shard.images.start -= 2;
    writeFileSync(path.join(dir, 'overlap.json'), JSON.stringify(forged));
    const overlap = await nax(['merge', 'i1.json', 'overlap.json'], dir);
    expect(overlap.code).toBe(EXIT_USAGE);
    expect(overlap.err).toMatch(/^nax: overlap\.json: shard\.images\.start: image shard 2\/2 starts at image 2, the previous shard ended at 4 \(overlap\)/);
    expect(overlap.err.trim().split('\n')).toHaveLength(1);
    const mixed = await nax(['merge', 'i1.json', 's1-i2.json'], dir);
    expect(mixed.code).toBe(EXIT_USAGE);
    expect(mixed.err).toMatch(/^nax: s1-i2\.json: shard\.count: /);
  }, 120_000);

  test('more image shards than batches is a usage error', async () => {
    const r = await nax(['simulate', '-q', '--images', '4', '--samples', '1', '--image-shard', '1/2'], dir);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err.trim()).toBe('nax: image shard: 2 image shards for 1 batch of 4 images (use at most one image shard per batch (nax.yml simulation.batchSize))');
  });
});
