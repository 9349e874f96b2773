/**
 * Runs a NetworkGraph on a batch: matrix layers either in float (the ideal reference) or on programmed
 * crossbars (crossbar-layer.ts); glue ops (add, activation, pooling, flatten, unfoldable BN) in float on
 * the tfjs backend, as a digital periphery would.
 */
import * as tf from '@tensorflow/tfjs-core';
import { activate, glueOp } from '../model/activation.js';
import type { LayerMapping } from '../config/mapping.js';
import { assert } from '../errors.js';
import type { GraphNode, MatrixNode, NetworkGraph } from '../model/graph.js';
import { matrixNodes } from '../model/graph.js';
import {
  type InputCalibration,
  type PreparedLayer,
  type ProgrammedLayer,
  calibrateLayer,
  layerForward,
  measureAdcPeak,
  outputShape,
  prepareLayer,
} from './crossbar-layer.js';
import { im2col } from './im2col.js';
import type { Technology } from '../config/technology.js';

/** How the matrix layers of one forward pass are computed. */
export type MatrixMode =
  | { readonly kind: 'float' }
  | {
      readonly kind: 'crossbar';
      readonly layers: ReadonlyMap<string, ProgrammedLayer>;
      readonly technology: Technology;
      /** Layers computed in float despite the crossbar mode (the search's sampled-subset trick). */
      readonly floatLayers?: ReadonlySet<string>;
      /** Computes a programmed layer instead of `layerForward` (the per-chip calibration pass). */
      readonly layerFn?: (layer: ProgrammedLayer, x: Float32Array, batch: number) => Float32Array;
    };

/** Float weights of the matrix layers as backend tensors, made once per network. */
export class FloatWeights {
  private readonly w = new Map<string, tf.Tensor>();
  private readonly b = new Map<string, tf.Tensor1D>();
  constructor(graph: NetworkGraph) {
    for (const n of matrixNodes(graph)) {
      const s = n.shape;
      this.w.set(n.name, s.kind === 'dense'
        ? tf.tensor2d(n.weights, [s.inChannels, s.outChannels])
        : tf.tensor4d(n.weights, [s.kernelH, s.kernelW, s.inChannels, s.outChannels]));
      this.b.set(n.name, tf.tensor1d(n.bias));
    }
  }
  apply(n: MatrixNode, x: tf.Tensor): tf.Tensor {
    const w = this.w.get(n.name)!;
    const y = n.shape.kind === 'dense'
      ? tf.matMul(tf.reshape(x, [x.shape[0], -1]) as tf.Tensor2D, w as tf.Tensor2D)
      : tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, [n.shape.strideH, n.shape.strideW], n.padding);
    return tf.add(y, this.b.get(n.name)!);
  }
  dispose(): void {
    for (const t of this.w.values()) t.dispose();
    for (const t of this.b.values()) t.dispose();
  }
}

/**
 * One forward pass. x: [batch, H, W, C]. Returns the output node's tensor [batch, classes] (caller disposes).
 * `observe` sees the input of every matrix layer (used by calibration).
 */
export function forward(
  graph: NetworkGraph,
  floatWeights: FloatWeights,
  mode: MatrixMode,
  x: tf.Tensor4D,
  batchIndex: number,
  observe?: (node: MatrixNode, input: tf.Tensor) => void,
): tf.Tensor {
  return tf.tidy(() => {
    const values = new Map<string, tf.Tensor>([[graph.input, x]]);
    const get = (name: string) => {
      const t = values.get(name);
      assert(t, () => `graph node '${name}' used before it was computed`);
      return t;
    };
    const batch = x.shape[0];
    for (const n of graph.nodes) values.set(n.name, evalNode(n));
    return get(graph.output);

    function evalNode(n: GraphNode): tf.Tensor {
      switch (n.op) {
        case 'matrix': {
          const input = get(n.input);
          observe?.(n, input);
          let y: tf.Tensor;
          if (mode.kind === 'float' || mode.floatLayers?.has(n.name)) {
            y = floatWeights.apply(n, input);
          } else {
            const layer = mode.layers.get(n.name);
            assert(layer, () => `no programmed crossbars for layer '${n.name}'`);
            const data = input.dataSync() as Float32Array;
            const flat = mode.layerFn ? mode.layerFn(layer, data, batch) : layerForward(layer, data, batch, mode.technology, batchIndex);
            y = tf.tensor(flat, [batch, ...outputShape(n)]);
          }
          return activate(y, n.activation);
        }
        case 'add':
          return activate(tf.addN(n.inputs.map(get)), n.activation);
        case 'activation':
          return activate(get(n.input), n.activation);
        case 'maxPool':
        case 'avgPool':
        case 'globalAvgPool':
        case 'flatten':
        case 'affine':
        case 'pad':
          return glueOp(n, get(n.input));
      }
    }
  });
}

/**
 * Input calibration of every matrix layer from a float pass over `x`: max |activation| (sets the input
 * step: max calibration, nax assumption), sign, and the mean of each im2col row (for NF).
 */
export function calibrate(graph: NetworkGraph, floatWeights: FloatWeights, x: tf.Tensor4D): Map<string, InputCalibration> {
  const out = new Map<string, InputCalibration>();
  const y = forward(graph, floatWeights, { kind: 'float' }, x, 0, (node, input) => {
    const data = input.dataSync() as Float32Array;
    let maxAbs = 0;
    let signed = false;
    for (const v of data) {
      const a = Math.abs(v);
      if (a > maxAbs) maxAbs = a;
      if (v < 0) signed = true;
    }
    const R = node.shape.kernelH * node.shape.kernelW * node.shape.inChannels;
    const patches = im2col(data, x.shape[0], node.shape, node.padding);
    const meanRow = new Float64Array(R);
    const P = patches.length / R;
    for (let p = 0; p < P; p++) for (let i = 0; i < R; i++) meanRow[i] += patches[p * R + i];
    for (let i = 0; i < R; i++) meanRow[i] /= P;
    out.set(node.name, { maxAbs, signed, meanRow });
  });
  y.dispose();
  return out;
}

/**
 * Input calibration plus, for layers whose ADC full scale is 'calibrated', the largest conversion of the
 * quantised chip on the same images (float activations as layer inputs), so the prepared layers can be made.
 */
export function calibrateInputsAndAdc(
  graph: NetworkGraph,
  floatWeights: FloatWeights,
  mappings: ReadonlyMap<string, LayerMapping>,
  technology: Technology,
  x: tf.Tensor4D,
): Map<string, InputCalibration> {
  const inputs = calibrate(graph, floatWeights, x);
  const needPeak = matrixNodes(graph).filter((n) => mappings.get(n.name)?.adcFullScale === 'calibrated');
  if (needPeak.length === 0) return inputs;
  const prepared = prepareLayers(graph, mappings, inputs);
  const wanted = new Set(needPeak.map((n) => n.name));
  const y = forward(graph, floatWeights, { kind: 'float' }, x, 0, (node, input) => {
    if (!wanted.has(node.name)) return;
    const peak = measureAdcPeak(prepared.get(node.name)!, input.dataSync() as Float32Array, x.shape[0], technology);
    inputs.set(node.name, { ...inputs.get(node.name)!, adcPeakUnits: peak });
  });
  y.dispose();
  return inputs;
}

/**
 * Fits every layer's per-channel correction (mapping `calibration`) of one chip on calibration images, layer
 * by layer in one forward pass: each layer sees the chip's own (already corrected) outputs of the layers before
 * it, as the chip would at inference. Returns the chip with the corrections attached.
 */
export function calibrateChip(
  graph: NetworkGraph,
  floatWeights: FloatWeights,
  chip: ReadonlyMap<string, ProgrammedLayer>,
  technology: Technology,
  x: tf.Tensor4D,
  floatLayers?: ReadonlySet<string>,
): Map<string, ProgrammedLayer> {
  const out = new Map(chip);
  const layerFn = (layer: ProgrammedLayer, data: Float32Array, batch: number) => {
    const r = calibrateLayer(layer, data, batch, technology);
    if (r.correction) out.set(layer.prepared.node.name, { ...layer, correction: r.correction });
    return r.out;
  };
  const y = forward(graph, floatWeights, { kind: 'crossbar', layers: chip, technology, floatLayers, layerFn }, x, 0);
  y.dispose();
  return out;
}

/** Whether any layer asks for a per-chip column calibration. */
export function needsColumnCalibration(mappings: ReadonlyMap<string, LayerMapping>): boolean {
  for (const m of mappings.values()) if ((m.calibration ?? 'none') !== 'none') return true;
  return false;
}

/** Quantises and slices every matrix layer onto its crossbars. */
export function prepareLayers(
  graph: NetworkGraph,
  mappings: ReadonlyMap<string, LayerMapping>,
  calibration: ReadonlyMap<string, InputCalibration>,
): Map<string, PreparedLayer> {
  const out = new Map<string, PreparedLayer>();
  for (const n of matrixNodes(graph)) {
    const m = mappings.get(n.name);
    const c = calibration.get(n.name);
    assert(m && c, () => `layer '${n.name}' lacks a mapping or a calibration`);
    out.set(n.name, prepareLayer(n, m, c));
  }
  return out;
}
