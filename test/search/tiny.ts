/**
 * Test doubles for the search tests: a tiny residual CNN on 8×8×1 inputs (stem 3×3 → 4 ch; block b1 with
 * an identity shortcut at 8×8; block b2 with stride 2 and a 1×1 projection shortcut at 4×4; GAP; dense 3),
 * a synthetic 3-class task (which quadrant is bright), and a stand-in simulator whose weight noise grows
 * with the crossbar size (so larger crossbars lose accuracy, as in NAX Fig. 5) — fast and deterministic.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { LayerMapping } from '../../src/config/mapping.js';
import { DEFAULT_SEARCH_SPACE, type SearchSpace } from '../../src/config/search-space.js';
import { DEFAULT_TECHNOLOGY } from '../../src/config/technology.js';
import { costReport } from '../../src/cost/network.js';
import { graphFromModel } from '../../src/model/from-tfjs.js';
import type { MatrixNode, NetworkGraph } from '../../src/model/graph.js';
import { matrixNodes } from '../../src/model/graph.js';
import type { NaxReport } from '../../src/report.js';
import type { NonIdealFn } from '../../src/search/engine.js';
import type { Evaluator } from '../../src/search/evaluate.js';
import { crossEntropyPerSample, idealLogits, top1 } from '../../src/search/forward.js';
import type { SearchInputs } from '../../src/search/run.js';
import { Rng } from '../../src/xbar/rng.js';
import { accuracyStats } from '../../src/stats/accuracy-stats.js';
import { packCorrectness } from '../../src/stats/correctness-bits.js';

export const H = 8;

/** The tiny residual model (layer names as in the fixture: stem, b1_conv1, …, fc). */
export function tinyModel(seed = 3): tfl.LayersModel {
  let s = seed;
  const init = () => tfl.initializers.glorotUniform({ seed: s++ });
  const conv = (name: string, filters: number, k: number, stride = 1, activation: 'relu' | 'linear' = 'relu') =>
    tfl.layers.conv2d({ name, filters, kernelSize: k, strides: stride, padding: 'same', activation, kernelInitializer: init() });
  const x = tfl.input({ shape: [H, H, 1], name: 'input' });
  const stem = conv('stem', 4, 3).apply(x) as tfl.SymbolicTensor;
  const a1 = conv('b1_conv1', 4, 3).apply(stem) as tfl.SymbolicTensor;
  const a2 = conv('b1_conv2', 4, 3, 1, 'linear').apply(a1) as tfl.SymbolicTensor;
  const add1 = tfl.layers.add({ name: 'b1_add' }).apply([stem, a2]) as tfl.SymbolicTensor;
  const r1 = tfl.layers.reLU({ name: 'b1_relu' }).apply(add1) as tfl.SymbolicTensor;
  const c1 = conv('b2_conv1', 8, 3, 2).apply(r1) as tfl.SymbolicTensor;
  const c2 = conv('b2_conv2', 8, 3, 1, 'linear').apply(c1) as tfl.SymbolicTensor;
  const p = conv('b2_proj', 8, 1, 2, 'linear').apply(r1) as tfl.SymbolicTensor;
  const add2 = tfl.layers.add({ name: 'b2_add' }).apply([p, c2]) as tfl.SymbolicTensor;
  const r2 = tfl.layers.reLU({ name: 'b2_relu' }).apply(add2) as tfl.SymbolicTensor;
  const gap = tfl.layers.globalAveragePooling2d({ name: 'gap' }).apply(r2) as tfl.SymbolicTensor;
  const fc = tfl.layers.dense({ name: 'fc', units: 3, kernelInitializer: init() }).apply(gap) as tfl.SymbolicTensor;
  return tfl.model({ inputs: x, outputs: fc });
}

/**
 * n images of the stripes task [n, 8, 8, 1] and labels: class 0 horizontal, 1 vertical, 2 diagonal stripes
 * (random phase, Gaussian noise) — a texture a global-average-pooled CNN can learn in a few steps.
 */
export function quadrantData(n: number, seed: number): { images: Float32Array; labels: Int32Array } {
  const rng = new Rng(seed);
  const images = new Float32Array(n * H * H);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rng.uniform() * 3);
    labels[i] = c;
    const phase = Math.floor(rng.uniform() * 2);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < H; x++) {
        const t = c === 0 ? y : c === 1 ? x : x + y;
        images[i * H * H + y * H + x] = ((t + phase) % 2 === 0 ? 0.9 : 0.1) + 0.2 * rng.normal();
      }
    }
  }
  return { images, labels };
}

/** A trained tiny graph (a few epochs of model.fit; deterministic enough for the tests that use it). */
export async function trainedTinyGraph(): Promise<NetworkGraph> {
  const model = tinyModel();
  const { images, labels } = quadrantData(512, 7);
  const x = tf.tensor4d(images, [512, H, H, 1]);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 3);
  model.compile({ optimizer: tf.train.adam(0.01), loss: (yt: tf.Tensor, yp: tf.Tensor) => tf.losses.softmaxCrossEntropy(yt, yp) });
  await model.fit(x, y, { epochs: 6, batchSize: 64, shuffle: false, verbose: 0 });
  x.dispose();
  y.dispose();
  const g = graphFromModel(model, 'tiny/model.json');
  model.dispose();
  return g;
}

export function mapping(n: number): LayerMapping {
  return {
    rows: n, cols: n, weightBits: 8, bitsPerCell: 2, inputBits: 8, dacBits: 1, adcBits: Math.ceil(Math.log2(n * 3 + 1)),
    adcRule: 'auto', signMapping: 'differential', sliceLayout: 'crossbarPerSlice', adcsPerCrossbar: 1,
  };
}

export function committedMappings(g: NetworkGraph, n = 64): Map<string, LayerMapping> {
  return new Map(matrixNodes(g).map((m) => [m.name, mapping(n)]));
}

/** Weight noise σ relative to |w|max of the stand-in "chip": 0.25 % per crossbar row. */
const SIGMA_PER_ROW = 0.0025;

function noisyGraph(g: NetworkGraph, mappings: ReadonlyMap<string, LayerMapping>, seed: number, floatLayers?: ReadonlySet<string>): NetworkGraph {
  const rng = new Rng(seed);
  return {
    ...g,
    nodes: g.nodes.map((n) => {
      if (n.op !== 'matrix' || floatLayers?.has(n.name)) return n;
      const rows = mappings.get(n.name)!.rows;
      let mx = 0;
      for (const v of n.weights) mx = Math.max(mx, Math.abs(v));
      const w = Float32Array.from(n.weights, (v) => v + SIGMA_PER_ROW * rows * mx * rng.normal());
      return { ...n, weights: w } as MatrixNode;
    }),
  };
}

/** Stand-in for xbar nonIdealLogits. */
export const standInNonIdeal: NonIdealFn = (o) => idealLogits(noisyGraph(o.graph, o.mappings, o.seed, o.floatLayers), o.images, o.n);

/** Per-image correctness of logits [n, classes] against labels. */
function correctOf(out: Float32Array, labels: ArrayLike<number>, n: number): Uint8Array {
  const classes = out.length / n;
  const c = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < classes; j++) if (out[i * classes + j]! > out[i * classes + best]!) best = j;
    c[i] = best === labels[i] ? 1 : 0;
  }
  return c;
}

/**
 * Stand-in for the full evaluation: `samples` stand-in chips (default 2, seeds 11, 12, …: the same chips for
 * every candidate) on the given images (default the evaluation set), real cost model, correctness bitsets.
 */
export function standInEvaluator(evalSet: { images: Float32Array; labels: Int32Array; n: number }): Evaluator {
  return async ({ graph, mappings, images, samples }) => {
    const set = images ?? evalSet;
    const seeds = Array.from({ length: samples ?? 2 }, (_, k) => 11 + k);
    const correct = seeds.map((seed) => correctOf(idealLogits(noisyGraph(graph, mappings, seed), set.images, set.n), set.labels, set.n));
    const acc = correct.map((c) => c.reduce((a, b) => a + b, 0) / set.n);
    const ideal = top1(idealLogits(graph, set.images, set.n), set.labels, set.n);
    const cost = costReport(matrixNodes(graph).map((n) => ({ shape: n.shape, mapping: mappings.get(n.name)! })), DEFAULT_TECHNOLOGY.components);
    return {
      schema: 'nax-report/1', tool: { name: 'nax', version: 'test' },
      inputs: { model: { path: 'm', sha256: 'x' }, mapping: { path: 'm', sha256: 'x' }, technology: { path: 'built-in', sha256: 'x' } },
      backend: tf.getBackend(),
      settings: { seed: 1, monteCarloSamples: seeds.length, evalImages: set.n, irDrop: 'fast' },
      accuracy: {
        ideal, quantised: ideal,
        nonIdeal: accuracyStats(acc, seeds, { bits: correct.map(packCorrectness), images: set.n }),
      },
      layers: [], cost, totals: cost.totals,
    } satisfies NaxReport;
  };
}

export function tinyInputs(g: NetworkGraph, space: Partial<SearchSpace> = {}): SearchInputs {
  const train = quadrantData(384, 21);
  const ev = quadrantData(128, 22);
  return {
    file: 'nax.yml',
    graph: g,
    committed: committedMappings(g),
    technology: DEFAULT_TECHNOLOGY,
    space: { ...DEFAULT_SEARCH_SPACE, validationImages: 128, batchSize: 32, archBatch: 64, archEvery: 2, ...space },
    train: { ...train, n: 384, shape: [H, H, 1] },
    evalSet: { ...ev, n: 128, shape: [H, H, 1] },
    simulation: { seed: 1, monteCarloSamples: 2, evalImages: 128, irDrop: 'fast' },
    batchSize: 64,
    reportInputs: { model: { path: 'm', sha256: 'x' }, mapping: { path: 'm', sha256: 'x' }, technology: { path: 'built-in', sha256: 'x' } },
  };
}

export { crossEntropyPerSample };
