/**
 * From a chosen architecture to things a user can commit: the derived NetworkGraph (chosen kernels, the
 * supernet's weights, skipped blocks removed), its per-layer mapping (chosen crossbar sizes), and a real
 * tfjs-layers model with the same layer names, which loads and simulates like any user model.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { LayerMapping } from '../config/mapping.js';
import { withCrossbarSize } from '../cost/lut.js';
import { NaxUserError } from '../errors.js';
import type { GraphNode, MatrixNode, NetworkGraph } from '../model/graph.js';
import type { ArchChoice, SearchPlan } from './plan.js';
import { kernelsOf } from './plan.js';

/** Weights of a layer at a kernel size: [k·k·Cin, Cout] row-major (kh, kw, cin order) and bias [Cout]. */
export type WeightSource = (layer: string, kernel: number) => { weights: Float32Array; bias: Float32Array };

/**
 * The network of one architecture: chosen kernels with their weights, and the blocks whose zero op was
 * chosen removed (their add's consumers read the block input; with a ReLU after the add this is exact,
 * since the block input is itself post-ReLU and relu(x + 0) = x).
 */
export function deriveGraph(plan: SearchPlan, arch: ArchChoice, weightsOf: WeightSource): NetworkGraph {
  const g = plan.graph;
  const kernels = kernelsOf(plan, arch);
  const removed = new Set<string>();
  const rename = new Map<string, string>();
  plan.layers.forEach((l, i) => {
    if (l.ops[arch[i]!]!.kind !== 'zero') return;
    const b = l.zeroBlock!;
    for (const n of b.branchNodes) removed.add(n);
    removed.add(b.add);
    rename.set(b.add, b.input);
  });
  const resolve = (n: string) => {
    let cur = n;
    while (rename.has(cur)) cur = rename.get(cur)!;
    return cur;
  };
  const nodes: GraphNode[] = [];
  for (const n of g.nodes) {
    if (removed.has(n.name)) continue;
    if (n.op === 'matrix') {
      const k = kernels.get(n.name) as number;
      const { weights, bias } = weightsOf(n.name, k);
      const m: MatrixNode = {
        ...n,
        input: resolve(n.input),
        shape: { ...n.shape, kernelH: k, kernelW: k },
        weights,
        bias,
      };
      nodes.push(m);
    } else if (n.op === 'add') {
      nodes.push({ ...n, inputs: n.inputs.map(resolve) });
    } else {
      nodes.push({ ...n, input: resolve(n.input) } as GraphNode);
    }
  }
  return { input: g.input, inputShape: g.inputShape, nodes, output: resolve(g.output) };
}

/** The mapping of every matrix layer of an architecture: mixed layers on their chosen crossbar size, others as committed. */
export function deriveMappings(plan: SearchPlan, arch: ArchChoice): Map<string, LayerMapping> {
  const kernels = kernelsOf(plan, arch);
  const out = new Map<string, LayerMapping>();
  for (const [name, m] of plan.committed) if (kernels.get(name) !== 'zero') out.set(name, m);
  plan.layers.forEach((l, i) => {
    const op = l.ops[arch[i]!]!;
    if (op.kind === 'path' && out.has(l.name)) out.set(l.name, withCrossbarSize(plan.committed.get(l.name)!, op.crossbar));
  });
  return out;
}

/** Mapping of every matrix layer of a graph on N×N crossbars (a homogeneous baseline). */
export function homogeneousMappings(committed: ReadonlyMap<string, LayerMapping>, n: number): Map<string, LayerMapping> {
  const out = new Map<string, LayerMapping>();
  for (const [name, m] of committed) out.set(name, withCrossbarSize(m, n));
  return out;
}

/**
 * A tfjs-layers model computing `g` (weights BN-folded, so no BatchNormalization layers): Conv2D/Dense keep
 * the matrix layer names; an add with an activation becomes Add + Activation (`<add>_act`). Affine nodes
 * (unfoldable BatchNormalization) are not supported by the search.
 */
export function buildLayersModel(g: NetworkGraph, file: string): tfl.LayersModel {
  const t = new Map<string, tfl.SymbolicTensor>();
  const input = tfl.input({ shape: [...g.inputShape], name: g.input });
  t.set(g.input, input);
  const get = (n: string) => t.get(n)!;
  const weights: Array<[tfl.layers.Layer, tf.Tensor[]]> = [];
  const taken = new Set(g.nodes.map((n) => n.name).concat(g.input));
  const fresh = (base: string) => {
    let name = base;
    for (let i = 1; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    return name;
  };
  for (const n of g.nodes) {
    let y: tfl.SymbolicTensor;
    switch (n.op) {
      case 'matrix': {
        const s = n.shape;
        if (s.kind === 'dense') {
          const layer = tfl.layers.dense({ name: n.name, units: s.outChannels, activation: n.activation, useBias: true });
          y = layer.apply(get(n.input)) as tfl.SymbolicTensor;
          weights.push([layer, [tf.tensor2d(n.weights, [s.inChannels, s.outChannels]), tf.tensor1d(n.bias)]]);
        } else {
          const layer = tfl.layers.conv2d({
            name: n.name, filters: s.outChannels, kernelSize: [s.kernelH, s.kernelW], strides: [s.strideH, s.strideW],
            padding: n.padding, activation: n.activation, useBias: true,
          });
          y = layer.apply(get(n.input)) as tfl.SymbolicTensor;
          weights.push([layer, [tf.tensor4d(n.weights, [s.kernelH, s.kernelW, s.inChannels, s.outChannels]), tf.tensor1d(n.bias)]]);
        }
        break;
      }
      case 'add': {
        const ins = n.inputs.map(get);
        y = ins.length === 1 ? ins[0]! : (tfl.layers.add({ name: n.name }).apply(ins) as tfl.SymbolicTensor);
        if (n.activation !== 'linear') y = tfl.layers.activation({ name: fresh(`${n.name}_act`), activation: n.activation }).apply(y) as tfl.SymbolicTensor;
        break;
      }
      case 'activation':
        y = tfl.layers.activation({ name: n.name, activation: n.activation }).apply(get(n.input)) as tfl.SymbolicTensor;
        break;
      case 'maxPool':
        y = tfl.layers.maxPooling2d({ name: n.name, poolSize: [n.poolH, n.poolW], strides: [n.strideH, n.strideW], padding: n.padding }).apply(get(n.input)) as tfl.SymbolicTensor;
        break;
      case 'avgPool':
        y = tfl.layers.averagePooling2d({ name: n.name, poolSize: [n.poolH, n.poolW], strides: [n.strideH, n.strideW], padding: n.padding }).apply(get(n.input)) as tfl.SymbolicTensor;
        break;
      case 'globalAvgPool':
        y = tfl.layers.globalAveragePooling2d({ name: n.name }).apply(get(n.input)) as tfl.SymbolicTensor;
        break;
      case 'pad':
        y = tfl.layers.zeroPadding2d({ name: n.name, padding: [[n.top, n.bottom], [n.left, n.right]] }).apply(get(n.input)) as tfl.SymbolicTensor;
        break;
      case 'flatten':
        y = tfl.layers.flatten({ name: n.name }).apply(get(n.input)) as tfl.SymbolicTensor;
        break;
      case 'affine':
        throw new NaxUserError(file, '', `layer '${n.name}' is a BatchNormalization that could not be folded into a conv/dense layer; the search cannot rebuild such models`);
    }
    t.set(n.name, y);
  }
  const model = tfl.model({ inputs: input, outputs: get(g.output), name: 'nax_searched' });
  for (const [layer, ws] of weights) {
    layer.setWeights(ws);
    tf.dispose(ws);
  }
  return model;
}
