/**
 * loadLayersModel on untrusted model folders: a clean round trip from an in-memory FileSource (as a git
 * commit would serve it), quantized weights, then each bad input → a NaxUserError naming model.json and
 * the JSON path of the bad field.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NaxUserError } from '../../src/errors.js';
import type { FileSource } from '../../src/io/files.js';
import { loadLayersModel } from '../../src/model/load.js';
import { saveModelToFolder } from '../../src/runtime/fs-io.js';
import { initBackend } from '../../src/runtime/tfjs.js';
import { userErrorOf as userError } from '../support/user-error.js';
import { memorySource } from '../support/memory-source.js';

const memorySourceAt = (files: Record<string, Uint8Array>) => memorySource(files, 'abc1234');

const MODEL = 'm/model.json';

interface ModelJson {
  modelTopology: { class_name: string; config: { layers: Array<{ class_name: string; config: { name: string } }> } };
  weightsManifest: Array<{ paths: string[]; weights: Array<{ name: string; shape: number[]; dtype: string; quantization?: object }> }>;
  format?: string;
}

/** A saved model as bytes: model.json (parsed, for editing) and weights.bin. */
interface Saved {
  json: ModelJson;
  weights: Uint8Array;
}

async function saveToMemory(model: tfl.LayersModel): Promise<Saved> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nax-load-'));
  try {
    await saveModelToFolder(model, dir);
    return {
      json: JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as ModelJson,
      weights: new Uint8Array(await readFile(path.join(dir, 'weights.bin'))),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const clone = (s: Saved): Saved => ({ json: structuredClone(s.json), weights: s.weights.slice() });
const source = (s: Saved, extra: Record<string, Uint8Array> = {}) =>
  memorySourceAt({ [MODEL]: new TextEncoder().encode(JSON.stringify(s.json)), 'm/weights.bin': s.weights, ...extra });


/** Byte offset of weight k in weights.bin (all float32 in these models). */
function offsetOf(s: Saved, k: number): number {
  return s.json.weightsManifest[0].weights.slice(0, k).reduce((o, w) => o + 4 * w.shape.reduce((a, b) => a * b, 1), 0);
}

let good: Saved;
let model: tfl.LayersModel;

beforeAll(async () => {
  await initBackend('wasm');
  model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [6, 6, 1], filters: 3, kernelSize: 3, name: 'c' }),
      tfl.layers.batchNormalization({ name: 'bn' }),
      tfl.layers.flatten({ name: 'f' }),
      tfl.layers.dense({ units: 4, activation: 'softmax', name: 'fc' }),
    ],
  });
  good = await saveToMemory(model);
});

describe('loadLayersModel', () => {
  test('loads from a commit-like FileSource; predictions equal the saved model', async () => {
    const loaded = await loadLayersModel(source(good), MODEL);
    const x = tf.ones([2, 6, 6, 1]);
    const d = tf.tidy(() => tf.max(tf.abs(tf.sub(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor))).dataSync()[0]);
    expect(d).toBe(0);
    tf.dispose(x);
    loaded.dispose();
  });

  test('uint8-quantized weights are sized by their stored dtype and dequantized by tfjs', async () => {
    const s = clone(good);
    const k = s.json.weightsManifest[0].weights.findIndex((w) => w.name === 'fc/kernel');
    const spec = s.json.weightsManifest[0].weights[k];
    const n = spec.shape.reduce((a, b) => a * b, 1);
    const off = offsetOf(s, k);
    const values = new Float32Array(s.weights.slice(off, off + 4 * n).buffer);
    const min = Math.min(...values);
    const scale = (Math.max(...values) - min) / 255;
    const q = Uint8Array.from(values, (v) => Math.round((v - min) / scale));
    spec.quantization = { dtype: 'uint8', scale, min };
    s.weights = new Uint8Array(Buffer.concat([s.weights.subarray(0, off), q, s.weights.subarray(off + 4 * n)]));
    const loaded = await loadLayersModel(source(s), MODEL);
    const w = loaded.getLayer('fc').getWeights()[0].dataSync();
    for (let i = 0; i < n; i++) expect(Math.abs(w[i] - values[i])).toBeLessThanOrEqual(scale / 2 + 1e-6);
    loaded.dispose();
  });
});

describe('loadLayersModel refuses bad model folders', () => {
  test("a shard path '../x.bin' leaving the model folder", async () => {
    const s = clone(good);
    s.json.weightsManifest[0].paths.push('../x.bin');
    const e = await userError(loadLayersModel(source(s, { 'x.bin': new Uint8Array(4) }), MODEL));
    expect([e.file, e.field]).toEqual([MODEL, 'weightsManifest[0].paths[1]']);
    expect(e.message).toMatch(/'..\/x.bin' leaves its folder/);
  });

  test('an absolute shard path', async () => {
    const s = clone(good);
    s.json.weightsManifest[0].paths = ['/etc/passwd'];
    const e = await userError(loadLayersModel(source(s), MODEL));
    expect([e.file, e.field]).toEqual([MODEL, 'weightsManifest[0].paths[0]']);
  });

  test('a missing shard', async () => {
    const s = clone(good);
    s.json.weightsManifest[0].paths = ['other.bin'];
    const e = await userError(loadLayersModel(source(s), MODEL));
    expect([e.file, e.field]).toEqual([MODEL, 'weightsManifest[0].paths[0]']);
    expect(e.message).toMatch(/'other.bin' not found/);
  });

  test('truncated weights (4 bytes short) name the shard', async () => {
    const s = clone(good);
    s.weights = s.weights.slice(0, -4);
    const e = await userError(loadLayersModel(source(s), MODEL));
    expect([e.file, e.field]).toEqual([MODEL, 'weightsManifest[0].paths[0]']);
    expect(e.message).toMatch(/shard 'weights.bin' is truncated.* hold \d+ bytes/);
  });

  test('oversized weights (8 extra bytes)', async () => {
    const s = clone(good);
    s.weights = new Uint8Array(Buffer.concat([s.weights, new Uint8Array(8)]));
    const e = await userError(loadLayersModel(source(s), MODEL));
    expect(e.field).toBe('weightsManifest[0].paths[0]');
    expect(e.message).toMatch(/too long/);
  });

  test.each([
    ['NaN', Number.NaN],
    ['+Inf', Number.POSITIVE_INFINITY],
  ])('%s in a weight names the weight and its spec', async (_name, bad) => {
    const s = clone(good);
    const k = s.json.weightsManifest[0].weights.findIndex((w) => w.name === 'bn/moving_variance');
    new DataView(s.weights.buffer).setFloat32(offsetOf(s, k) + 4, bad, true);
    const e = await userError(loadLayersModel(source(s), MODEL));
    expect([e.file, e.field]).toEqual([MODEL, `weightsManifest[0].weights[${k}]`]);
    expect(e.message).toBe("weight 'bn/moving_variance' holds a non-finite value (NaN or ±Inf) at flat index 1");
  });

  test('malformed JSON', async () => {
    const e = await userError(loadLayersModel(memorySourceAt({ [MODEL]: new TextEncoder().encode('{"modelTopology": ') }), MODEL));
    expect([e.file, e.field]).toEqual([MODEL, '']);
    expect(e.message).toMatch(/^malformed JSON/);
    expect(e.format()).toMatch(/^m\/model.json: malformed JSON/);
  });

  test('missing modelTopology', async () => {
    const s = clone(good);
    delete (s.json as Partial<ModelJson>).modelTopology;
    const e = await userError(loadLayersModel(source(s), MODEL));
    expect([e.file, e.field]).toEqual([MODEL, 'modelTopology']);
    expect(e.hint).toMatch(/tfjs_layers_model/);
  });

  test('a graph model', async () => {
    const s = clone(good);
    s.json.format = 'graph-model';
    const e = await userError(loadLayersModel(source(s), MODEL));
    expect(e.field).toBe('format');
  });

  test('an unsupported weight dtype', async () => {
    const s = clone(good);
    s.json.weightsManifest[0].weights[1].dtype = 'string';
    const e = await userError(loadLayersModel(source(s), MODEL));
    expect(e.field).toBe('weightsManifest[0].weights[1].dtype');
  });

  test('a layer class TensorFlow.js does not know names the layer', async () => {
    const s = clone(good);
    s.json.modelTopology.config.layers[1].class_name = 'MyCustomNorm';
    const e = await userError(loadLayersModel(source(s), MODEL));
    expect([e.file, e.field]).toEqual([MODEL, 'modelTopology.config.layers[1]']);
    expect(e.message).toMatch(/'bn' of class 'MyCustomNorm'/);
  });

  describe('functional wiring that would hang tfjs is refused up front', () => {
    let functional: Saved;
    beforeAll(async () => {
      const x = tfl.input({ shape: [4, 4, 1], name: 'in' });
      const c = tfl.layers.conv2d({ filters: 2, kernelSize: 3, name: 'c' }).apply(x) as tfl.SymbolicTensor;
      const r = tfl.layers.reLU({ name: 'r' }).apply(c) as tfl.SymbolicTensor;
      const g = tfl.layers.globalAveragePooling2d({ name: 'g' }).apply(r) as tfl.SymbolicTensor;
      functional = await saveToMemory(tfl.model({ inputs: x, outputs: g }));
    });
    type Wired = { name: string; inbound_nodes: unknown[][] };
    const layersOf = (s: Saved) => s.json.modelTopology.config.layers as unknown as Wired[];

    test('an input naming a layer the file lacks', async () => {
      const s = clone(functional);
      layersOf(s)[2].inbound_nodes = [[['ghost', 0, 0, {}]]];
      const e = await userError(loadLayersModel(source(s), MODEL));
      expect([e.file, e.field]).toEqual([MODEL, 'modelTopology.config.layers[2].inbound_nodes[0][0]']);
      expect(e.message).toBe("no layer named 'ghost' in the model");
    });

    test('a cycle c → r → c', async () => {
      const s = clone(functional);
      layersOf(s)[1].inbound_nodes = [[['r', 0, 0, {}]]];
      const e = await userError(loadLayersModel(source(s), MODEL));
      expect(e.field).toMatch(/^modelTopology\.config\.layers\[[123]\]\.inbound_nodes$/);
      expect(e.message).toMatch(/cycle/);
    });

    test('a shared layer (two calls)', async () => {
      const s = clone(functional);
      layersOf(s)[2].inbound_nodes = [[['c', 0, 0, {}]], [['c', 0, 0, {}]]];
      const e = await userError(loadLayersModel(source(s), MODEL));
      expect(e.field).toBe('modelTopology.config.layers[2].inbound_nodes');
      expect(e.message).toMatch(/applied 2 times/);
    });

    test('an output naming node 1 of a layer', async () => {
      const s = clone(functional);
      (s.json.modelTopology.config as unknown as { output_layers: unknown[] }).output_layers = [['g', 1, 0]];
      const e = await userError(loadLayersModel(source(s), MODEL));
      expect(e.field).toBe('modelTopology.config.output_layers[0]');
    });
  });

  test('a known but unsupported class (Conv2DTranspose) is named before tfjs builds the model', async () => {
    const m = tfl.sequential({
      layers: [
        tfl.layers.conv2dTranspose({ inputShape: [4, 4, 1], filters: 2, kernelSize: 3, name: 'up' }),
        tfl.layers.globalAveragePooling2d({ name: 'gap' }),
      ],
    });
    const e = await userError(loadLayersModel(source(await saveToMemory(m)), MODEL));
    expect([e.file, e.field]).toEqual([MODEL, 'modelTopology.config.layers[0]']);
    expect(e.message).toBe("layer 'up' of class 'Conv2DTranspose' is not supported");
  });
});
