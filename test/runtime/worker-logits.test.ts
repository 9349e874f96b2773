/**
 * The search's chip forwards on real worker threads (the built CLI bundle as the workers' entry, as
 * `nax search` and bench:search run them): the output of a chip is the same bytes as in this thread, several
 * forwards at once come back to their callers, and a failing job rejects instead of hanging the pool.
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
});
