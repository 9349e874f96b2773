/**
 * The search's chip forwards on real worker threads (the built CLI bundle as the workers' entry, as
 * `nax search` and bench:search run them): the output of a chip is the same bytes as in this thread, several
 * forwards at once come back to their callers, and a failing, unsendable or closed-out job rejects instead of
 * hanging the pool.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DEFAULT_TECHNOLOGY } from '../../src/config/technology.js';
import { type NetworkGraph, matrixNodes } from '../../src/model/graph.js';
import { initBackend } from '../../src/runtime/tfjs.js';
import { type PooledSampleRunner, workerSampleRunner } from '../../src/runtime/workers.js';
import { type LogitsJob, nonIdealLogits } from '../../src/xbar/simulate.js';
import { committedMappings, quadrantData, trainedTinyGraph } from '../search/tiny.js';

let g: NetworkGraph;
let pool: PooledSampleRunner;

beforeAll(async () => {
  await initBackend('wasm');
  g = await trainedTinyGraph();
  pool = workerSampleRunner({ entry: new URL('../../dist/cli/index.js', import.meta.url), workers: 2 });
});

afterAll(async () => {
  await pool.close();
});

function job(seed: number, floatLayers?: ReadonlySet<string>): LogitsJob {
  const d = quadrantData(40, 7);
  // A view into a larger buffer, as the search passes its validation images.
  const images = new Float32Array(d.images.length + 64);
  images.set(d.images, 32);
  return {
    graph: g, mappings: committedMappings(g, 32), technology: DEFAULT_TECHNOLOGY, images: images.subarray(32, 32 + d.images.length), n: 40, seed, irDrop: 'fast',
    ...(floatLayers ? { floatLayers } : {}),
  };
}

describe('chip forwards on the worker pool', () => {
  test('the same bytes as in this thread, for several chips at once; the chips differ from each other', async () => {
    const jobs = [job(1), job(2), job(3, new Set([matrixNodes(g)[0]!.name]))];
    const here = jobs.map((j) => nonIdealLogits(j));
    const there = await Promise.all(jobs.map((j) => pool.logits(j)));
    there.forEach((t, k) => expect(Buffer.from(t.buffer, t.byteOffset, t.byteLength).equals(Buffer.from(here[k]!.buffer, here[k]!.byteOffset, here[k]!.byteLength))).toBe(true));
    expect([...there[0]!]).not.toEqual([...there[1]!]);
  }, 120_000);

  test('a job the simulator refuses rejects with its message, and the pool goes on', async () => {
    const bad = { ...job(1), mappings: new Map() };
    await expect(pool.logits(bad)).rejects.toThrow(/worker failed/);
    const ok = await pool.logits(job(1));
    expect(ok.length).toBe(40 * 3);
  }, 120_000);

  test('a job that cannot be sent to a worker fails alone and frees its worker', async () => {
    // A function does not clone: postMessage throws. Two such jobs would hold both workers if their slots stayed busy.
    const unsendable = { ...job(1), technology: { ...DEFAULT_TECHNOLOGY, notData: () => 0 } } as LogitsJob;
    await expect(pool.logits(unsendable)).rejects.toThrow(/could not be cloned/);
    await expect(pool.logits(unsendable)).rejects.toThrow(/could not be cloned/);
    const ok = await Promise.all([pool.logits(job(1)), pool.logits(job(2))]);
    expect(ok.map((o) => o.length)).toEqual([120, 120]);
  }, 120_000);

  test('close() fails the jobs still running or queued with one reason, and later ones at once', async () => {
    const own = workerSampleRunner({ entry: new URL('../../dist/cli/index.js', import.meta.url), workers: 2 });
    const pending = [1, 2, 3, 4].map((seed) => own.logits(job(seed)).then(() => 'done', (e: Error) => e.message));
    await own.close();
    expect(await Promise.all(pending)).toEqual(Array(4).fill('the worker pool is closed'));
    await expect(own.logits(job(1))).rejects.toThrow('the worker pool is closed');
  }, 120_000);
});
