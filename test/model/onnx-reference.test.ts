/**
 * ONNX models exported by PyTorch (scripts/onnx-fixtures.py): nax's float forward pass over the converted
 * graph (the same xbar/network.ts pass the simulator uses for the ideal accuracy) must reproduce PyTorch's
 * own logits, saved beside each model, within 1e-4 relative. The inputs are NCHW as PyTorch saw them; nax
 * is fed their NHWC transpose, which is the one layout rule for evaluation sets.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { dirSource } from '../../src/io/files.js';
import { type NetworkGraph, matrixNodes } from '../../src/model/graph.js';
import { loadOnnxModel, parseOnnx } from '../../src/model/onnx/load.js';
import { initBackend } from '../../src/runtime/tfjs.js';
import { FloatWeights, forward } from '../../src/xbar/network.js';

const DIR = 'fixtures/onnx/reference';
const REL_TOL = 1e-4;

interface Reference {
  inputShape: [number, number, number];
  inputs: number[][];
  logits: number[][];
}

function nchwToNhwc(x: readonly number[], [c, h, w]: readonly number[]): Float32Array {
  const out = new Float32Array(x.length);
  for (let k = 0; k < c; k++) for (let y = 0; y < h; y++) for (let xx = 0; xx < w; xx++) out[(y * w + xx) * c + k] = x[(k * h + y) * w + xx];
  return out;
}

function floatLogits(g: NetworkGraph, ref: Reference): number[][] {
  const [c, h, w] = ref.inputShape;
  const data = new Float32Array(ref.inputs.length * c * h * w);
  ref.inputs.forEach((x, b) => data.set(nchwToNhwc(x, ref.inputShape), b * c * h * w));
  const fw = new FloatWeights(g);
  const x = tf.tensor4d(data, [ref.inputs.length, h, w, c]);
  const y = forward(g, fw, { kind: 'float' }, x, 0);
  const out = y.arraySync() as number[][];
  tf.dispose([x, y]);
  fw.dispose();
  return out;
}

async function load(name: string): Promise<{ graph: NetworkGraph; ref: Reference }> {
  const { graph } = await loadOnnxModel(dirSource(DIR), `${name}.onnx`);
  const ref = JSON.parse(readFileSync(`${DIR}/${name}.json`, 'utf8')) as Reference;
  return { graph, ref };
}

/** max |a − b| / max |b| over every logit of every input. */
function relativeError(a: number[][], b: number[][]): number {
  const scale = Math.max(...b.flat().map(Math.abs));
  return Math.max(...a.flat().map((v, i) => Math.abs(v - b.flat()[i]))) / scale;
}

beforeAll(async () => {
  await initBackend('cpu');
});

describe('nax float forward pass = PyTorch logits', () => {
  test.each(['resnet-bn', 'resnet-bn-unfolded', 'mlp-gemm', 'pool-flatten', 'flatten-bn1d', 'matmul-add'])('%s', async (name) => {
    const { graph, ref } = await load(name);
    const got = floatLogits(graph, ref);
    expect(got.length).toBe(ref.logits.length);
    expect(got[0].length).toBe(ref.logits[0].length);
    expect(relativeError(got, ref.logits)).toBeLessThan(REL_TOL);
  });
});

describe('structure of the converted graphs', () => {
  test('BN folded either way: the eval export and the unfolded export give the same matrix layers', async () => {
    const opTypes = (name: string) => parseOnnx(readFileSync(`${DIR}/${name}.onnx`), name).graph.nodes.map((n) => n.opType);
    expect(opTypes('resnet-bn')).not.toContain('BatchNormalization');
    expect(opTypes('resnet-bn-unfolded').filter((t) => t === 'BatchNormalization')).toHaveLength(6);
    const folded = (await load('resnet-bn')).graph;
    const unfolded = (await load('resnet-bn-unfolded')).graph;
    const ops = (g: NetworkGraph) => g.nodes.map((n) => n.op);
    expect(ops(unfolded)).toEqual(ops(folded));
    expect(ops(folded)).not.toContain('affine');
    const a = matrixNodes(folded);
    const b = matrixNodes(unfolded);
    expect(b.map((n) => n.shape.kernelH)).toEqual(a.map((n) => n.shape.kernelH));
    a.forEach((n, k) => {
      const m = b[k];
      const scale = Math.max(...n.weights.map(Math.abs));
      const diff = Math.max(...n.weights.map((v, i) => Math.abs(v - m.weights[i])));
      expect(diff / scale).toBeLessThan(1e-5);
    });
  });

  test('layer names are the ONNX node names; the stride-2 conv with padding 1 gets an explicit pad', async () => {
    const g = (await load('resnet-bn')).graph;
    const names = matrixNodes(g).map((n) => n.name);
    expect(names).toContain('/fc/Gemm');
    expect(names).toContain('/block2/conv1/Conv');
    const pad = g.nodes.find((n) => n.op === 'pad');
    expect(pad).toMatchObject({ name: '/block2/conv1/Conv/pad', top: 1, bottom: 1, left: 1, right: 1 });
    const conv = matrixNodes(g).find((n) => n.name === '/block2/conv1/Conv')!;
    expect(conv).toMatchObject({ input: pad!.name, padding: 'valid' });
    expect(conv.shape).toMatchObject({ inH: 12, inW: 12, outH: 5, outW: 5, strideH: 2 });
    // The stride-1 3×3 convs with padding 1 are exactly 'same'.
    expect(matrixNodes(g).find((n) => n.name === '/block1/conv1/Conv')!.padding).toBe('same');
  });

  test('ReLU6 (Clip 0..6) and ReLU fuse into the Gemm before them; Dropout vanishes', async () => {
    const g = (await load('mlp-gemm')).graph;
    expect(g.nodes.map((n) => n.op)).toEqual(['flatten', 'matrix', 'matrix', 'matrix']);
    expect(matrixNodes(g).map((n) => n.activation)).toEqual(['relu', 'relu6', 'linear']);
  });

  test('MatMul + Add: the Add becomes the bias of the matrix layer', async () => {
    const g = (await load('matmul-add')).graph;
    expect(matrixNodes(g).map((n) => n.name)).toEqual(['fc1', 'fc2']);
    expect(g.nodes.some((n) => n.op === 'add')).toBe(false);
    expect(matrixNodes(g)[1].bias.some((b) => b !== 0)).toBe(true);
  });
});

test('BatchNorm1d after a Flatten of a 4×4 map stays an affine op, its channels in nax order', async () => {
  const g = (await load('flatten-bn1d')).graph;
  expect(g.nodes.map((n) => n.op)).toEqual(['matrix', 'flatten', 'affine', 'matrix']);
});
