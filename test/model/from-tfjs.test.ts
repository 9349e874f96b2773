/**
 * graphFromModel: small tfjs models (conv+BN+ReLU, residual adds, dense) are converted, the GRAPH is run by
 * a tiny tf-ops evaluator written here, and its output must equal `model.predict` within 1e-4 — which
 * proves BN folding, affine fallback and activation fusion are exact rewrites. Then the structure (what
 * was folded, fused or kept) and the errors for unsupported layers.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { parseNaxConfig } from '../../src/config/nax-config.js';
import { loadEvalSet } from '../../src/data/evalset.js';
import { dirSource } from '../../src/io/files.js';
import { graphFromModel } from '../../src/model/from-tfjs.js';
import { type Activation, type GraphNode, type NetworkGraph, matrixNodes } from '../../src/model/graph.js';
import { loadLayersModel } from '../../src/model/load.js';
import { initBackend } from '../../src/runtime/tfjs.js';
import { userError } from '../support/user-error.js';
import { activate } from '../../src/model/activation.js';

const TOL = 1e-4;

/** Deterministic pseudo-random values in [lo, hi). */
function values(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + ((hi - lo) * s) / 2 ** 32;
  });
}

/** Gives every BatchNormalization non-trivial γ, β, moving mean and variance, so a wrong fold shows. */
function randomiseBatchNorms(model: tfl.LayersModel): void {
  let seed = 11;
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'BatchNormalization') continue;
    const shapes = layer.getWeights().map((w) => w.shape);
    layer.setWeights(shapes.map((shape, k) => {
      const n = shape.reduce((a, b) => a * b, 1);
      // order: gamma, beta, moving_mean, moving_variance (variance kept positive)
      return tf.tensor(k === 3 ? values(n, seed++, 0.2, 2) : values(n, seed++, -1, 1.5), shape);
    }));
  }
}

/** Reference forward pass of a NetworkGraph with plain tf ops. x: [batch, H, W, C]. */
function runGraph(g: NetworkGraph, x: tf.Tensor4D): tf.Tensor {
  return tf.tidy(() => {
    const t = new Map<string, tf.Tensor>([[g.input, x]]);
    const get = (name: string) => t.get(name)!;
    for (const n of g.nodes as GraphNode[]) {
      let y: tf.Tensor;
      switch (n.op) {
        case 'matrix': {
          const s = n.shape;
          const w = tf.tensor(n.weights, [s.kernelH * s.kernelW * s.inChannels, s.outChannels]);
          const xin = get(n.input);
          if (s.kind === 'dense') {
            y = tf.add(tf.matMul(xin as tf.Tensor2D, w as tf.Tensor2D), tf.tensor1d(n.bias));
          } else {
            const k = tf.reshape(w, [s.kernelH, s.kernelW, s.inChannels, s.outChannels]) as tf.Tensor4D;
            y = tf.add(tf.conv2d(xin as tf.Tensor4D, k, [s.strideH, s.strideW], n.padding), tf.tensor1d(n.bias));
          }
          y = activate(y, n.activation);
          break;
        }
        case 'add':
          y = activate(tf.addN(n.inputs.map(get)), n.activation);
          break;
        case 'activation':
          y = activate(get(n.input), n.activation);
          break;
        case 'affine':
          y = tf.add(tf.mul(get(n.input), tf.tensor1d(n.scale)), tf.tensor1d(n.offset));
          break;
        case 'maxPool':
        case 'avgPool': {
          const f = n.op === 'maxPool' ? tf.maxPool : tf.avgPool;
          y = f(get(n.input) as tf.Tensor4D, [n.poolH, n.poolW], [n.strideH, n.strideW], n.padding);
          break;
        }
        case 'globalAvgPool':
          y = tf.mean(get(n.input), [1, 2]);
          break;
        case 'flatten': {
          const v = get(n.input);
          y = tf.reshape(v, [v.shape[0], -1]);
          break;
        }
        case 'pad':
          y = tf.pad(get(n.input), [[0, 0], [n.top, n.bottom], [n.left, n.right], [0, 0]]);
          break;
      }
      t.set(n.name, y);
    }
    return get(g.output);
  });
}

function maxAbsDiff(model: tfl.LayersModel, g: NetworkGraph, batch = 3, seed = 5): number {
  const [h, w, c] = g.inputShape;
  return tf.tidy(() => {
    const x = tf.tensor4d(values(batch * h * w * c, seed, 0, 1), [batch, h, w, c]);
    const want = model.predict(x) as tf.Tensor;
    const got = runGraph(g, x);
    expect(got.shape).toEqual(want.shape);
    return tf.max(tf.abs(tf.sub(got, want))).dataSync()[0];
  });
}

const ops = (g: NetworkGraph) => g.nodes.map((n) => `${n.op}:${n.name}${'activation' in n && n.activation !== 'linear' ? `+${n.activation}` : ''}`);

beforeAll(async () => {
  await initBackend('wasm');
});

describe('graphFromModel reproduces model.predict', () => {
  test('sequential conv-BN-ReLU, conv(relu)-BN (affine), maxpool, flatten, dense-dropout-softmax; x=[3,10,10,2]', () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [10, 10, 2], filters: 4, kernelSize: 3, padding: 'same', useBias: false, name: 'c1' }),
        tfl.layers.batchNormalization({ name: 'bn1', epsilon: 0.01 }),
        tfl.layers.reLU({ name: 'r1' }),
        tfl.layers.conv2d({ filters: 6, kernelSize: [3, 2], strides: 2, padding: 'valid', activation: 'relu', name: 'c2' }),
        tfl.layers.batchNormalization({ name: 'bn2' }),
        tfl.layers.maxPooling2d({ poolSize: 2, name: 'pool' }),
        tfl.layers.flatten({ name: 'flat' }),
        tfl.layers.dense({ units: 5, name: 'fc' }),
        tfl.layers.dropout({ rate: 0.5, name: 'drop' }),
        tfl.layers.activation({ activation: 'softmax', name: 'sm' }),
      ],
    });
    randomiseBatchNorms(model);
    const g = graphFromModel(model, 'm/model.json');
    expect(ops(g)).toEqual(['matrix:c1+relu', 'matrix:c2+relu', 'affine:bn2', 'maxPool:pool', 'flatten:flat', 'matrix:fc+softmax']);
    expect(g.input).toBe('c1_input');
    expect(g.inputShape).toEqual([10, 10, 2]);
    expect(g.output).toBe('fc');
    const c2 = matrixNodes(g)[1];
    expect(c2.shape).toEqual({
      name: 'c2', kind: 'conv2d', kernelH: 3, kernelW: 2, inChannels: 4, outChannels: 6, outH: 4, outW: 5, strideH: 2, strideW: 2, inH: 10, inW: 10,
    });
    expect(matrixNodes(g)[2].shape).toMatchObject({ kind: 'dense', inChannels: 2 * 2 * 6, outChannels: 5, inH: 1, outH: 1 });
    expect(maxAbsDiff(model, g)).toBeLessThan(TOL);
  });

  test('functional residual net: stem s2, identity block, projection block (1×1 s2 conv+BN), GAP, dense; x=[3,12,12,3]', () => {
    const x = tfl.input({ shape: [12, 12, 3], name: 'img' });
    const cbr = (t: tfl.SymbolicTensor, name: string, filters: number, strides: number, relu: boolean) => {
      let y = tfl.layers.conv2d({ filters, kernelSize: 3, strides, padding: 'same', useBias: false, name }).apply(t) as tfl.SymbolicTensor;
      y = tfl.layers.batchNormalization({ name: `${name}_bn` }).apply(y) as tfl.SymbolicTensor;
      return relu ? (tfl.layers.activation({ activation: 'relu', name: `${name}_relu` }).apply(y) as tfl.SymbolicTensor) : y;
    };
    const stem = cbr(x, 'stem', 4, 2, true);
    let y = cbr(stem, 'b1_conv1', 4, 1, true);
    y = cbr(y, 'b1_conv2', 4, 1, false);
    const b1 = tfl.layers.reLU({ name: 'b1_relu' }).apply(tfl.layers.add({ name: 'b1_add' }).apply([y, stem])) as tfl.SymbolicTensor;
    y = cbr(b1, 'b2_conv1', 8, 2, true);
    y = cbr(y, 'b2_conv2', 8, 1, false);
    let sc = tfl.layers.conv2d({ filters: 8, kernelSize: 1, strides: 2, padding: 'same', useBias: false, name: 'b2_proj' }).apply(b1) as tfl.SymbolicTensor;
    sc = tfl.layers.batchNormalization({ name: 'b2_proj_bn' }).apply(sc) as tfl.SymbolicTensor;
    const b2 = tfl.layers.activation({ activation: 'relu', name: 'b2_relu' }).apply(tfl.layers.add({ name: 'b2_add' }).apply([y, sc])) as tfl.SymbolicTensor;
    const gap = tfl.layers.globalAveragePooling2d({ name: 'gap' }).apply(b2);
    const out = tfl.layers.dense({ units: 4, activation: 'softmax', name: 'fc' }).apply(gap) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: x, outputs: out });
    randomiseBatchNorms(model);

    const g = graphFromModel(model, 'm/model.json');
    expect(ops(g)).toEqual([
      'matrix:stem+relu', 'matrix:b1_conv1+relu', 'matrix:b1_conv2', 'add:b1_add+relu',
      'matrix:b2_conv1+relu', 'matrix:b2_conv2', 'matrix:b2_proj', 'add:b2_add+relu', 'globalAvgPool:gap', 'matrix:fc+softmax',
    ]);
    const add = g.nodes.find((n) => n.name === 'b1_add');
    expect(add).toMatchObject({ op: 'add', inputs: ['b1_conv2', 'stem'] });
    const proj = matrixNodes(g).find((n) => n.name === 'b2_proj')!;
    expect(proj.shape).toMatchObject({ kernelH: 1, inH: 6, inW: 6, outH: 3, outW: 3, strideH: 2, inChannels: 4, outChannels: 8 });
    expect(maxAbsDiff(model, g)).toBeLessThan(TOL);
  });

  test('no fold or fusion into a tensor with two consumers: conv → {BN, add}, add → {relu, add}', () => {
    const x = tfl.input({ shape: [6, 6, 2], name: 'in' });
    const c = tfl.layers.conv2d({ filters: 2, kernelSize: 3, padding: 'same', name: 'c' }).apply(x) as tfl.SymbolicTensor;
    const bn = tfl.layers.batchNormalization({ name: 'bn' }).apply(c) as tfl.SymbolicTensor;
    const a = tfl.layers.add({ name: 'a' }).apply([bn, c]) as tfl.SymbolicTensor;
    const r = tfl.layers.reLU({ name: 'r' }).apply(a) as tfl.SymbolicTensor;
    const a2 = tfl.layers.add({ name: 'a2' }).apply([r, a]) as tfl.SymbolicTensor;
    const p = tfl.layers.averagePooling2d({ poolSize: 3, strides: 2, padding: 'same', name: 'p' }).apply(a2) as tfl.SymbolicTensor;
    const f = tfl.layers.flatten({ name: 'f' }).apply(p) as tfl.SymbolicTensor;
    const d = tfl.layers.dense({ units: 3, activation: 'tanh', name: 'd' }).apply(f) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: x, outputs: d });
    randomiseBatchNorms(model);
    const g = graphFromModel(model, 'm/model.json');
    expect(ops(g)).toEqual(['matrix:c', 'affine:bn', 'add:a', 'activation:r+relu', 'add:a2', 'avgPool:p', 'flatten:f', 'matrix:d+tanh']);
    expect(maxAbsDiff(model, g)).toBeLessThan(TOL);
  });

  test('a skipped Dropout does not hide a second consumer: conv → {dropout → BN → relu, add}', () => {
    const x = tfl.input({ shape: [5, 5, 2], name: 'in' });
    const c = tfl.layers.conv2d({ filters: 2, kernelSize: 3, padding: 'same', name: 'c' }).apply(x) as tfl.SymbolicTensor;
    const d = tfl.layers.dropout({ rate: 0.3, name: 'drop' }).apply(c) as tfl.SymbolicTensor;
    const bn = tfl.layers.batchNormalization({ name: 'bn' }).apply(d) as tfl.SymbolicTensor;
    const r = tfl.layers.reLU({ name: 'r' }).apply(bn) as tfl.SymbolicTensor;
    const a = tfl.layers.add({ name: 'a' }).apply([r, c]) as tfl.SymbolicTensor;
    const out = tfl.layers.globalAveragePooling2d({ name: 'gap' }).apply(a) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: x, outputs: out });
    randomiseBatchNorms(model);
    const g = graphFromModel(model, 'm/model.json');
    expect(ops(g)).toEqual(['matrix:c', 'affine:bn', 'activation:r+relu', 'add:a', 'globalAvgPool:gap']);
    expect(g.nodes[1]).toMatchObject({ input: 'c' });
    expect(maxAbsDiff(model, g)).toBeLessThan(TOL);
  });

  test('dense after flatten with BN folded into it; dense on a feature map is a 1×1 conv; relu6', () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ inputShape: [5, 5, 3], units: 4, name: 'pix' }),
        tfl.layers.reLU({ maxValue: 6, name: 'r6' }),
        tfl.layers.flatten({ name: 'f' }),
        tfl.layers.dense({ units: 7, name: 'd1' }),
        tfl.layers.batchNormalization({ name: 'bn' }),
        tfl.layers.activation({ activation: 'sigmoid', name: 'sig' }),
        tfl.layers.dense({ units: 3, name: 'd2' }),
        tfl.layers.softmax({ name: 'sm' }),
      ],
    });
    randomiseBatchNorms(model);
    const g = graphFromModel(model, 'm/model.json');
    expect(ops(g)).toEqual(['matrix:pix+relu6', 'flatten:f', 'matrix:d1+sigmoid', 'matrix:d2+softmax']);
    expect(matrixNodes(g)[0].shape).toMatchObject({ kind: 'conv2d', kernelH: 1, inChannels: 3, outChannels: 4, inH: 5, outH: 5 });
    expect(maxAbsDiff(model, g)).toBeLessThan(TOL);
  });

  test('weights are [kh·kw·cin, cout] in (kh, kw, cin) order: the tfjs kernel flattened row-major', () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [4, 4, 2], filters: 3, kernelSize: 2, name: 'c' }),
        tfl.layers.globalAveragePooling2d({ name: 'g' }),
      ],
    });
    const kernel = model.layers[0].getWeights()[0];
    const g = graphFromModel(model, 'm/model.json');
    const w = matrixNodes(g)[0].weights;
    expect(w.length).toBe(2 * 2 * 2 * 3);
    const k = kernel.arraySync() as number[][][][];
    // row r = (kh·kW + kw)·Cin + cin, column = cout
    expect(w[((1 * 2 + 0) * 2 + 1) * 3 + 2]).toBe(k[1][0][1][2]);
    expect(Array.from(w)).toEqual(Array.from(kernel.dataSync()));
  });
});

describe('graphFromModel refuses what it cannot map', () => {

  test('Conv2DTranspose names its topology index and lists the supported classes', () => {
    const x = tfl.input({ shape: [6, 6, 1], name: 'in' });
    const up = tfl.layers.conv2dTranspose({ filters: 2, kernelSize: 3, name: 'up' }).apply(x) as tfl.SymbolicTensor;
    const out = tfl.layers.globalAveragePooling2d({ name: 'gap' }).apply(up) as tfl.SymbolicTensor;
    const e = userError(() => graphFromModel(tfl.model({ inputs: x, outputs: out }), 'model/model.json'));
    expect([e.file, e.field]).toEqual(['model/model.json', 'modelTopology.config.layers[1]']);
    expect(e.message).toBe("layer 'up' of class 'Conv2DTranspose' is not supported");
    expect(e.hint).toMatch(/Conv2D, Dense, BatchNormalization/);
  });

  test('a dilated conv names config.dilationRate', () => {
    const m = tfl.sequential({ layers: [tfl.layers.conv2d({ inputShape: [8, 8, 1], filters: 2, kernelSize: 3, dilationRate: 2, name: 'c' }), tfl.layers.flatten()] });
    const e = userError(() => graphFromModel(m, 'm.json'));
    expect(e.field).toBe('modelTopology.config.layers[0].config.dilationRate');
  });

  test('an unsupported activation names config.activation', () => {
    const m = tfl.sequential({ layers: [tfl.layers.flatten({ inputShape: [2, 2, 1] }), tfl.layers.dense({ units: 2, activation: 'elu', name: 'd' })] });
    const e = userError(() => graphFromModel(m, 'm.json'));
    expect(e.field).toBe('modelTopology.config.layers[1].config.activation');
    expect(e.message).toMatch(/"elu"/);
  });

  test('a non-image input', () => {
    const m = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [8], units: 2 })] });
    const e = userError(() => graphFromModel(m, 'm.json'));
    expect(e.message).toMatch(/shape \[8\]/);
  });
});

describe('the committed fixture model', () => {
  test('converts to 22 matrix layers (stem, 18 block convs, 2 projections, fc; BN folded everywhere) and its graph matches predict', async () => {
    const model = await loadLayersModel(dirSource('fixtures'), 'model/model.json');
    const g = graphFromModel(model, 'model/model.json');
    const m = matrixNodes(g);
    expect(m.length).toBe(1 + 9 * 2 + 2 + 1);
    expect(g.nodes.filter((n) => n.op === 'affine')).toEqual([]);
    expect(g.nodes.filter((n) => n.op === 'add').map((n) => n.activation)).toEqual(Array(9).fill('relu'));
    expect(m[0].shape).toMatchObject({ name: 'stem', inH: 28, outH: 14, strideH: 2, inChannels: 1, outChannels: 16 });
    expect(m.at(-1)!.shape).toMatchObject({ name: 'fc', kind: 'dense', inChannels: 64, outChannels: 10 });
    expect(maxAbsDiff(model, g, 4)).toBeLessThan(TOL);
    model.dispose();
  });

  test('classifies the 2,000 Fashion-MNIST test images named by fixtures/nax.yml with the ≥ 90 % ideal accuracy it was trained to (90.40 % = 1,808 images at training time)', async () => {
    const fixtures = dirSource('fixtures');
    const config = parseNaxConfig(new TextDecoder().decode(await fixtures.read('nax.yml')), 'nax.yml');
    const model = await loadLayersModel(fixtures, config.model);
    const set = await loadEvalSet(fixtures, config.evalSet!, 2000, config.file);
    const pred = tf.tidy(() => {
      const x = tf.tensor4d(set.images, [set.n, ...set.shape]);
      return tf.argMax(model.predict(x, { batchSize: 250 }) as tf.Tensor, -1).dataSync();
    });
    const correct = Array.from(set.labels).filter((l, i) => pred[i] === l).length;
    expect(correct / set.n).toBeGreaterThanOrEqual(0.9);
    // The loaded model is the trained one: the training script's count, up to float ties of another backend.
    expect(Math.abs(correct - 1808)).toBeLessThanOrEqual(2);
    model.dispose();
  });
});
