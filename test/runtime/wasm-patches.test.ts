/**
 * The patched wasm kernels against the cpu backend (the plain-JS reference), then a tiny fit + save + load
 * round trip on wasm. Cases are named by shape; tolerance: |wasm − cpu| ≤ 1e-3 · (1e-3 + |cpu|) (the
 * reference check measured a worst relative error of 1.75e-4 over these cases).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dirSource } from '../../src/io/files.js';
import { loadLayersModel } from '../../src/model/load.js';
import { saveModelToFolder } from '../../src/runtime/fs-io.js';
import { initBackend } from '../../src/runtime/tfjs.js';

const REL_TOL = 1e-3;

/** Deterministic smooth test values in [−0.5, 0.5]. */
const values = (n: number, seed = 1): Float32Array => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + seed) * 0.5);
const size = (s: number[]): number => s.reduce((a, b) => a * b, 1);
const tensor = (shape: number[], seed = 1): tf.Tensor => tf.tensor(values(size(shape), seed), shape);

/** Runs `fn` on cpu and on wasm and returns the worst relative error of wasm against cpu. */
async function worstRelError(fn: () => tf.Tensor[]): Promise<number> {
  const run = async (name: 'cpu' | 'wasm'): Promise<Float32Array[]> => {
    await initBackend(name);
    return tf.tidy(fn).map((t) => {
      const d = t.dataSync() as Float32Array;
      t.dispose();
      return d.slice();
    });
  };
  const cpu = await run('cpu');
  const wasm = await run('wasm');
  expect(wasm.map((a) => a.length)).toEqual(cpu.map((a) => a.length));
  let worst = 0;
  cpu.forEach((ref, k) => {
    for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(wasm[k][i] - ref[i]) / (1e-3 + Math.abs(ref[i])));
  });
  return worst;
}

beforeAll(async () => {
  await initBackend('cpu');
  await initBackend('wasm');
});

afterAll(async () => {
  await initBackend('wasm');
});

describe('patched wasm gradients match the cpu backend', () => {
  const convCases: Array<[string, number[], number[], number, 'same' | 'valid']> = [
    ['x=[3,9,10,4] w=[3,3,4,5] s=1 same', [3, 9, 10, 4], [3, 3, 4, 5], 1, 'same'],
    ['x=[3,9,10,4] w=[3,3,4,5] s=2 same', [3, 9, 10, 4], [3, 3, 4, 5], 2, 'same'],
    ['x=[3,9,10,4] w=[3,3,4,5] s=2 valid', [3, 9, 10, 4], [3, 3, 4, 5], 2, 'valid'],
    ['x=[2,8,8,3] w=[1,1,3,4] s=2 same', [2, 8, 8, 3], [1, 1, 3, 4], 2, 'same'],
    ['x=[2,11,12,3] w=[5,5,3,4] s=2 same', [2, 11, 12, 3], [5, 5, 3, 4], 2, 'same'],
    ['x=[2,11,12,3] w=[2,2,3,4] s=3 valid', [2, 11, 12, 3], [2, 2, 3, 4], 3, 'valid'],
  ];
  test.each(convCases)('conv2d %s: dx, dw', async (_name, xs, ws, s, pad) => {
    const e = await worstRelError(() =>
      tf.grads((x: tf.Tensor, w: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, s, pad))))([
        tensor(xs),
        tensor(ws, 2),
      ]),
    );
    expect(e).toBeLessThan(REL_TOL);
  });

  const dwCases: Array<[string, number[], number[], number, 'same' | 'valid']> = [
    ['x=[3,9,10,4] w=[3,3,4,1] s=1 same', [3, 9, 10, 4], [3, 3, 4, 1], 1, 'same'],
    ['x=[3,9,10,4] w=[3,3,4,2] s=2 valid', [3, 9, 10, 4], [3, 3, 4, 2], 2, 'valid'],
  ];
  test.each(dwCases)('depthwiseConv2d %s: dx, dw', async (_name, xs, ws, s, pad) => {
    const e = await worstRelError(() =>
      tf.grads((x: tf.Tensor, w: tf.Tensor) => tf.sum(tf.square(tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, s, pad))))([
        tensor(xs),
        tensor(ws, 2),
      ]),
    );
    expect(e).toBeLessThan(REL_TOL);
  });

  const mmCases: Array<[string, number, boolean, boolean]> = [
    ['a=[7,6] b=[6,4]', 0, false, false],
    ['a=[6,7]ᵀ b=[4,6]ᵀ', 0, true, true],
    ['a=[5,7,6] b=[5,4,6]ᵀ', 5, false, true],
    ['a=[5,6,7]ᵀ b=[5,6,4]', 5, true, false],
  ];
  test.each(mmCases)('matMul %s: product, da, db', async (_name, batch, tA, tB) => {
    const as = batch ? [batch, tA ? 6 : 7, tA ? 7 : 6] : [tA ? 6 : 7, tA ? 7 : 6];
    const bs = batch ? [batch, tB ? 4 : 6, tB ? 6 : 4] : [tB ? 4 : 6, tB ? 6 : 4];
    const e = await worstRelError(() => {
      const a = tensor(as);
      const b = tensor(bs, 3);
      const f = (x: tf.Tensor, y: tf.Tensor) => tf.matMul(x, y, tA, tB);
      return [f(a, b), ...tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(f(x, y))))([a, b])];
    });
    expect(e).toBeLessThan(REL_TOL);
  });

  test('batchNorm x=[2,5,5,3]: dx, dscale, doffset through batch moments', async () => {
    const e = await worstRelError(() =>
      tf.grads((x: tf.Tensor, sc: tf.Tensor, of: tf.Tensor) => {
        const { mean, variance } = tf.moments(x, [0, 1, 2]);
        return tf.sum(tf.square(tf.batchNorm(x, mean, variance, of, sc, 1e-3)));
      })([tensor([2, 5, 5, 3]), tensor([3], 5), tensor([3], 6)]),
    );
    expect(e).toBeLessThan(REL_TOL);
  });

  test('gather t=[5,4] idx=[0,2,2,4]: gradient (UnsortedSegmentSum via cpu fallback)', async () => {
    const e = await worstRelError(() =>
      tf.grads((t: tf.Tensor) => tf.sum(tf.square(tf.gather(t, tf.tensor1d([0, 2, 2, 4], 'int32')))))([tensor([5, 4])]),
    );
    expect(e).toBeLessThan(REL_TOL);
  });

  test('slice / unstack / split of t=[4,6,5] read through heap views', async () => {
    const e = await worstRelError(() => {
      const t = tensor([4, 6, 5]);
      return [tf.slice(t, [1, 2, 0], [2, 3, -1]), ...tf.unstack(t, 1), ...tf.split(t, [1, 3, 2], 1)];
    });
    expect(e).toBeLessThan(REL_TOL);
  });

  test('unstack keeps shapes and leaks no tensors', async () => {
    await initBackend('wasm');
    const t = tensor([4, 6, 5]);
    const before = tf.memory().numTensors;
    const parts = tf.unstack(t, 2);
    expect(parts.map((p) => p.shape)).toEqual(Array(5).fill([4, 6]));
    expect(Array.from(parts[3].dataSync()).slice(0, 2)).toEqual(Array.from(t.dataSync()).filter((_, i) => i % 5 === 3).slice(0, 2));
    tf.dispose(parts);
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });
});

describe('training on wasm', () => {
  test('fit a conv-BN-relu-pool-dense net, save with fs-io, reload through load.ts: same predictions', async () => {
    await initBackend('wasm');
    const seed = 7;
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [12, 12, 1], filters: 4, kernelSize: 3, strides: 2, padding: 'same', useBias: false, kernelInitializer: tfl.initializers.heNormal({ seed }), name: 'c1' }),
        tfl.layers.batchNormalization({ name: 'bn1' }),
        tfl.layers.activation({ activation: 'relu', name: 'r1' }),
        tfl.layers.maxPooling2d({ poolSize: 2, name: 'p1' }),
        tfl.layers.flatten({ name: 'f' }),
        tfl.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tfl.initializers.glorotNormal({ seed }), name: 'fc' }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
    const x = tensor([48, 12, 12, 1], 4);
    const y = tf.oneHot(tf.tensor1d(Array.from({ length: 48 }, (_, i) => i % 3), 'int32'), 3);
    const h = await model.fit(x, y, { epochs: 3, batchSize: 16, shuffle: false, verbose: 0 });
    const loss = h.history.loss as number[];
    expect(loss.every(Number.isFinite)).toBe(true);
    expect(loss[2]).toBeLessThan(loss[0]);

    const dir = await mkdtemp(path.join(os.tmpdir(), 'nax-fsio-'));
    try {
      await saveModelToFolder(model, path.join(dir, 'm'));
      const json = JSON.parse(await readFile(path.join(dir, 'm', 'model.json'), 'utf8')) as { weightsManifest: Array<{ paths: string[] }> };
      expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);
      const loaded = await loadLayersModel(dirSource(dir), 'm/model.json');
      const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor))).dataSync()[0]);
      expect(diff).toBeLessThanOrEqual(1e-6);
      loaded.dispose();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    tf.dispose([x, y]);
    model.dispose();
  });
});
