/** initBackend: idempotent, switches between wasm and cpu, finds the .wasm binaries, installs the patches. */
import { describe, expect, test } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { initBackend, wasmBinaryFolder } from '../../src/runtime/tfjs.js';

describe('initBackend', () => {
  test('wasm by default; concurrent calls share one initialisation', async () => {
    const [a, b] = await Promise.all([initBackend(), initBackend('wasm')]);
    expect([a, b]).toEqual(['wasm', 'wasm']);
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.env().getBool('PROD')).toBe(true);
  });

  test('the kernels wasm lacks are registered by the patches', async () => {
    await initBackend('wasm');
    for (const k of ['Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput', 'UnsortedSegmentSum', 'Einsum']) {
      expect(tf.getKernel(k, 'wasm')).toBeDefined();
    }
  });

  test('switches to cpu and back', async () => {
    expect(await initBackend('cpu')).toBe('cpu');
    const y = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])).dataSync()[0]);
    expect(y).toBe(11);
    expect(await initBackend('wasm')).toBe('wasm');
    expect(tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])).dataSync()[0])).toBe(11);
  });
});

describe('wasmBinaryFolder', () => {
  test('from source: the installed package dist/, with a trailing separator', () => {
    const dir = wasmBinaryFolder();
    expect(dir.endsWith(path.sep)).toBe(true);
    expect(existsSync(path.join(dir, 'tfjs-backend-wasm-simd.wasm'))).toBe(true);
    expect(dir).toContain(path.join('@tensorflow', 'tfjs-backend-wasm', 'dist'));
  });
});
