/**
 * Converts a tfjs layers model (functional or sequential) into nax's NetworkGraph: conv/dense layers
 * become matrix nodes with BatchNormalization folded in and a following activation fused, as a crossbar
 * accelerator computes them; everything else becomes a float glue node.
 *
 * Folding: a BatchNormalization whose input is a conv/dense with a linear activation, consumed by nothing
 * else, is folded into its weights (per output channel c, s = γ/√(var + ε)):
 *   w'[r, c] = w[r, c]·s_c,   b'_c = (b_c − μ_c)·s_c + β_c.
 * Any other BatchNormalization becomes an AffineNode (x·s + (β − μ·s) per channel).
 * Fusion: a ReLU / Activation / Softmax layer whose input is a matrix or add node with a linear activation,
 * consumed by nothing else, sets that node's activation; otherwise it becomes an ActivationNode.
 * Dropout and the other training-only noise layers are the identity at inference and are skipped.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { NaxUserError } from '../errors.js';
import type {
  Activation,
  AddNode,
  ActivationNode,
  AffineNode,
  FlattenNode,
  GlobalAvgPoolNode,
  GraphNode,
  MatrixLayerShape,
  MatrixNode,
  NetworkGraph,
  PoolNode,
} from './graph.js';

type Layer = tfl.LayersModel['layers'][number];
type Config = Record<string, unknown>;
type Draft<T> = { -readonly [K in keyof T]: T[K] };
type DraftNode = Draft<GraphNode>;

/** Layer classes graphFromModel understands. */
export const SUPPORTED_LAYER_CLASSES = [
  'InputLayer', 'Conv2D', 'Dense', 'BatchNormalization', 'ReLU', 'Activation', 'Softmax', 'Add',
  'MaxPooling2D', 'AveragePooling2D', 'GlobalAveragePooling2D', 'Flatten', 'Dropout',
  'GaussianNoise', 'GaussianDropout', 'AlphaDropout',
] as const;

/** Identity at inference time. */
const INFERENCE_IDENTITY = new Set(['Dropout', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout']);

const ACTIVATIONS: readonly Activation[] = ['linear', 'relu', 'relu6', 'sigmoid', 'tanh', 'softmax'];

/** Where a layer's output lives in the graph under construction. */
interface Output {
  /** The graph node computing it (a folded/fused/skipped layer maps to an earlier node). */
  readonly node: string;
  /**
   * True when no other layer sees that node's output: every layer merged into the node, and the node's
   * own layer, had exactly one consumer. Only then may a following layer be folded or fused into it.
   */
  readonly exclusive: boolean;
  /** Shape without the batch axis, e.g. [H, W, C] or [features]. */
  readonly shape: readonly number[];
}

/**
 * Builds the NetworkGraph of `model`. `file` is the model.json path for error messages; fields name the
 * layer as `modelTopology.config.layers[i]` (the index in `model.layers`, which is the index in the
 * saved topology for both functional and sequential models).
 *
 * The model must have one image input [H, W, C] with fixed sizes and one output [classes]. Every weight
 * matrix is laid out [rows = kH·kW·Cin (order kh, kw, cin), cols = Cout], the tfjs kernel
 * [kh, kw, cin, cout] flattened row-major; dense layers are [in, out].
 */
export function graphFromModel(model: tfl.LayersModel, file: string): NetworkGraph {
  return new Converter(model, file).run();
}

class Converter {
  private readonly nodes: DraftNode[] = [];
  private readonly byName = new Map<string, DraftNode>();
  private readonly outputs = new Map<string, Output>();
  private readonly consumers = new Map<string, number>();

  constructor(
    private readonly model: tfl.LayersModel,
    private readonly file: string,
  ) {}

  run(): NetworkGraph {
    const { model, file } = this;
    if (model.inputs.length !== 1 || model.outputs.length !== 1) {
      throw new NaxUserError(file, 'modelTopology', `the model has ${model.inputs.length} inputs and ${model.outputs.length} outputs`,
        'nax simulates classifiers with one image input and one output');
    }
    const inputLayer = model.inputs[0].sourceLayer;
    const inShape = model.inputs[0].shape.slice(1);
    if (inShape.length !== 3 || !inShape.every((d): d is number => typeof d === 'number' && d > 0)) {
      throw new NaxUserError(file, 'modelTopology', `input '${inputLayer.name}' has shape [${inShape.map(String).join(', ')}]`,
        'nax needs a fixed-size image input [height, width, channels]');
    }
    const inputShape: [number, number, number] = [inShape[0], inShape[1], inShape[2]];
    this.outputs.set(inputLayer.name, { node: inputLayer.name, exclusive: true, shape: inputShape });

    const layers = model.layers;
    for (const layer of layers) {
      if (layer === inputLayer) continue;
      for (const u of this.inbound(layer, layers.indexOf(layer))) this.consumers.set(u.name, (this.consumers.get(u.name) ?? 0) + 1);
    }
    const outLayer = model.outputs[0].sourceLayer;
    this.consumers.set(outLayer.name, (this.consumers.get(outLayer.name) ?? 0) + 1);

    layers.forEach((layer, i) => {
      if (layer !== inputLayer) this.convert(layer, i);
    });

    const out = this.outputs.get(outLayer.name);
    if (!out) throw new Error(`internal error: output layer '${outLayer.name}' was not converted`);
    if (out.shape.length !== 1) {
      throw new NaxUserError(file, 'modelTopology', `the output '${outLayer.name}' has shape [${out.shape.join(', ')}] per image`,
        'nax needs class scores [classes]; end the model with a Dense layer');
    }
    return Object.freeze({
      input: inputLayer.name,
      inputShape: Object.freeze(inputShape) as readonly [number, number, number],
      nodes: Object.freeze(this.nodes.map((n) => Object.freeze(n) as GraphNode)),
      output: out.node,
    });
  }

  private field(i: number): string {
    return `modelTopology.config.layers[${i}]`;
  }

  private inbound(layer: Layer, i: number): Layer[] {
    if (layer.inboundNodes.length !== 1) {
      throw new NaxUserError(this.file, this.field(i), `layer '${layer.name}' is applied ${layer.inboundNodes.length} times`,
        'shared layers are not supported; give each use its own layer');
    }
    return layer.inboundNodes[0].inboundLayers;
  }

  private inputOf(layer: Layer, i: number): { from: Layer; out: Output } {
    const ins = this.inbound(layer, i);
    if (ins.length !== 1) {
      throw new NaxUserError(this.file, this.field(i), `layer '${layer.name}' has ${ins.length} inputs, expected 1`);
    }
    const out = this.outputs.get(ins[0].name);
    if (!out) throw new Error(`internal error: layer '${ins[0].name}' used before it was converted`);
    return { from: ins[0], out };
  }

  /** The node `out` refers to, if the layer `from` may merge into it (see Output.exclusive). */
  private mergeTarget(from: Layer, out: Output): DraftNode | undefined {
    if (!out.exclusive || this.consumers.get(from.name) !== 1) return undefined;
    return this.byName.get(out.node);
  }

  private add<T extends GraphNode>(node: T, shape: readonly number[]): void {
    const draft = { ...node } as DraftNode;
    this.nodes.push(draft);
    this.byName.set(node.name, draft);
    this.outputs.set(node.name, { node: node.name, exclusive: true, shape });
  }

  /** `layer` adds nothing to the node holding `from`'s output (skipped, folded or fused into it). */
  private alias(layer: Layer, from: Layer, out: Output): void {
    this.outputs.set(layer.name, { node: out.node, exclusive: out.exclusive && this.consumers.get(from.name) === 1, shape: out.shape });
  }

  private convert(layer: Layer, i: number): void {
    const cls = layer.getClassName();
    const config = layer.getConfig() as Config;
    if (INFERENCE_IDENTITY.has(cls)) {
      const { from, out } = this.inputOf(layer, i);
      this.alias(layer, from, out);
      return;
    }
    switch (cls) {
      case 'Conv2D':
        return this.conv2d(layer, i, config);
      case 'Dense':
        return this.dense(layer, i, config);
      case 'BatchNormalization':
        return this.batchNorm(layer, i, config);
      case 'Activation':
        return this.activation(layer, i, this.readActivation(config.activation, i, 'activation'));
      case 'ReLU': {
        const max = config.maxValue;
        if (max != null && max !== 6) {
          throw new NaxUserError(this.file, `${this.field(i)}.config.maxValue`, `ReLU '${layer.name}' clips at ${String(max)}`,
            'supported: no limit (relu) or 6 (relu6)');
        }
        return this.activation(layer, i, max === 6 ? 'relu6' : 'relu');
      }
      case 'Softmax': {
        const axis = Array.isArray(config.axis) && config.axis.length === 1 ? config.axis[0] : (config.axis ?? -1);
        const last = this.inputOf(layer, i).out.shape.length;
        if (axis !== -1 && axis !== last) {
          throw new NaxUserError(this.file, `${this.field(i)}.config.axis`, `Softmax '${layer.name}' over axis ${String(axis)}`, 'supported: the last axis (-1)');
        }
        return this.activation(layer, i, 'softmax');
      }
      case 'Add':
        return this.addLayer(layer, i);
      case 'MaxPooling2D':
      case 'AveragePooling2D':
        return this.pool(layer, i, config, cls === 'MaxPooling2D' ? 'maxPool' : 'avgPool');
      case 'GlobalAveragePooling2D': {
        this.requireChannelsLast(config, i);
        if (config.keepDims === true) {
          throw new NaxUserError(this.file, `${this.field(i)}.config.keepDims`, `GlobalAveragePooling2D '${layer.name}' keeps dims`, 'use keepDims: false');
        }
        const { out } = this.inputOf(layer, i);
        const node: GlobalAvgPoolNode = { op: 'globalAvgPool', name: layer.name, input: out.node };
        return this.add(node, [this.imageShape(layer, i, out)[2]]);
      }
      case 'Flatten': {
        const { out } = this.inputOf(layer, i);
        const node: FlattenNode = { op: 'flatten', name: layer.name, input: out.node };
        return this.add(node, [out.shape.reduce((a, b) => a * b, 1)]);
      }
      case 'InputLayer':
        throw new NaxUserError(this.file, this.field(i), `second input layer '${layer.name}'`, 'nax needs exactly one input');
      default:
        throw new NaxUserError(this.file, this.field(i), `layer '${layer.name}' of class '${cls}' is not supported`,
          `supported: ${SUPPORTED_LAYER_CLASSES.join(', ')}`);
    }
  }

  private readActivation(v: unknown, i: number, key: string): Activation {
    const name = v ?? 'linear';
    if (typeof name !== 'string' || !(ACTIVATIONS as readonly string[]).includes(name)) {
      throw new NaxUserError(this.file, `${this.field(i)}.config.${key}`, `activation ${JSON.stringify(name)} is not supported`,
        `supported: ${ACTIVATIONS.join(', ')}`);
    }
    return name as Activation;
  }

  private requireChannelsLast(config: Config, i: number): void {
    if (config.dataFormat !== undefined && config.dataFormat !== 'channelsLast') {
      throw new NaxUserError(this.file, `${this.field(i)}.config.dataFormat`, `data format '${String(config.dataFormat)}'`, 'supported: channelsLast');
    }
  }

  /** A size written as one integer or [h, w]. */
  private pair(v: unknown, i: number, key: string): [number, number] {
    const a = Array.isArray(v) ? v : [v, v];
    if (a.length !== 2 || !a.every((x) => Number.isInteger(x) && (x as number) > 0)) {
      throw new NaxUserError(this.file, `${this.field(i)}.config.${key}`, `expected two positive integers, found ${JSON.stringify(v)}`);
    }
    return [a[0] as number, a[1] as number];
  }

  private imageShape(layer: Layer, i: number, out: Output): readonly [number, number, number] {
    if (out.shape.length !== 3) {
      throw new NaxUserError(this.file, this.field(i), `layer '${layer.name}' needs an image input [H, W, C], got [${out.shape.join(', ')}]`);
    }
    return [out.shape[0], out.shape[1], out.shape[2]];
  }

  /** Output shape (without batch) that tfjs computed for the layer. */
  private outShape(layer: Layer, i: number): number[] {
    const s = layer.inboundNodes[0].outputShapes;
    const shape = (Array.isArray(s[0]) ? s[0] : s) as Array<number | null>;
    const rest = shape.slice(1);
    if (!rest.every((d): d is number => typeof d === 'number')) {
      throw new NaxUserError(this.file, this.field(i), `layer '${layer.name}' has an unknown output size [${rest.map(String).join(', ')}]`);
    }
    return rest;
  }

  private weights(layer: Layer): Map<string, Float32Array> {
    const values = layer.getWeights();
    const map = new Map<string, Float32Array>();
    layer.weights.forEach((w, k) => {
      // 'conv/kernel' → 'kernel'; tfjs may uniquify as 'kernel_1'.
      const key = w.originalName.split('/').pop()!.replace(/_\d+$/, '');
      map.set(key, Float32Array.from(values[k].dataSync()));
    });
    return map;
  }

  private requireWeight(ws: Map<string, Float32Array>, key: string, layer: Layer, i: number, length: number): Float32Array {
    const w = ws.get(key);
    if (!w || w.length !== length) {
      throw new NaxUserError(this.file, this.field(i), `layer '${layer.name}' has no ${key} of ${length} values`);
    }
    return w;
  }

  private conv2d(layer: Layer, i: number, config: Config): void {
    this.requireChannelsLast(config, i);
    const { out } = this.inputOf(layer, i);
    const [inH, inW, inC] = this.imageShape(layer, i, out);
    const pair = (v: unknown, key: string) => this.pair(v, i, key);
    const [kh, kw] = pair(config.kernelSize, 'kernelSize');
    const [sh, sw] = pair(config.strides ?? 1, 'strides');
    const [dh, dw] = pair(config.dilationRate ?? 1, 'dilationRate');
    if (dh !== 1 || dw !== 1) {
      throw new NaxUserError(this.file, `${this.field(i)}.config.dilationRate`, `conv '${layer.name}' is dilated (${dh}×${dw})`, 'supported: dilation 1');
    }
    const padding = config.padding;
    if (padding !== 'same' && padding !== 'valid') {
      throw new NaxUserError(this.file, `${this.field(i)}.config.padding`, `padding ${JSON.stringify(padding)}`, "supported: 'same', 'valid'");
    }
    const [outH, outW, cout] = this.outShape(layer, i);
    const ws = this.weights(layer);
    const weights = this.requireWeight(ws, 'kernel', layer, i, kh * kw * inC * cout);
    const bias = config.useBias === false ? new Float32Array(cout) : this.requireWeight(ws, 'bias', layer, i, cout);
    const shape: MatrixLayerShape = {
      name: layer.name, kind: 'conv2d', kernelH: kh, kernelW: kw, inChannels: inC, outChannels: cout,
      outH, outW, strideH: sh, strideW: sw, inH, inW,
    };
    const node: MatrixNode = {
      op: 'matrix', name: layer.name, input: out.node, shape, weights, bias, padding,
      activation: this.readActivation(config.activation, i, 'activation'),
    };
    this.add(node, [outH, outW, cout]);
  }

  private dense(layer: Layer, i: number, config: Config): void {
    const { out } = this.inputOf(layer, i);
    const units = this.outShape(layer, i).at(-1)!;
    const fin = out.shape.at(-1)!;
    const ws = this.weights(layer);
    const weights = this.requireWeight(ws, 'kernel', layer, i, fin * units);
    const bias = config.useBias === false ? new Float32Array(units) : this.requireWeight(ws, 'bias', layer, i, units);
    const activation = this.readActivation(config.activation, i, 'activation');
    let shape: MatrixLayerShape;
    let outShape: number[];
    if (out.shape.length === 1) {
      shape = { name: layer.name, kind: 'dense', kernelH: 1, kernelW: 1, inChannels: fin, outChannels: units, outH: 1, outW: 1, strideH: 1, strideW: 1, inH: 1, inW: 1 };
      outShape = [units];
    } else if (out.shape.length === 3) {
      // Dense on a feature map acts on the channel axis of every pixel: exactly a 1×1 convolution.
      const [h, w] = out.shape;
      shape = { name: layer.name, kind: 'conv2d', kernelH: 1, kernelW: 1, inChannels: fin, outChannels: units, outH: h, outW: w, strideH: 1, strideW: 1, inH: h, inW: w };
      outShape = [h, w, units];
    } else {
      throw new NaxUserError(this.file, this.field(i), `Dense '${layer.name}' on an input of shape [${out.shape.join(', ')}]`,
        'supported: [features] or an image [H, W, C]');
    }
    const node: MatrixNode = { op: 'matrix', name: layer.name, input: out.node, shape, weights, bias, padding: 'valid', activation };
    this.add(node, outShape);
  }

  private batchNorm(layer: Layer, i: number, config: Config): void {
    const { from, out } = this.inputOf(layer, i);
    const rank = out.shape.length + 1;
    const axis = Array.isArray(config.axis) && config.axis.length === 1 ? config.axis[0] : (config.axis ?? -1);
    if (axis !== -1 && axis !== rank - 1) {
      throw new NaxUserError(this.file, `${this.field(i)}.config.axis`, `BatchNormalization '${layer.name}' over axis ${JSON.stringify(axis)}`,
        'supported: the channel axis (-1)');
    }
    const c = out.shape.at(-1)!;
    const eps = typeof config.epsilon === 'number' ? config.epsilon : 1e-3;
    const ws = this.weights(layer);
    const gamma = config.scale === false ? new Float32Array(c).fill(1) : this.requireWeight(ws, 'gamma', layer, i, c);
    const beta = config.center === false ? new Float32Array(c) : this.requireWeight(ws, 'beta', layer, i, c);
    const mean = this.requireWeight(ws, 'moving_mean', layer, i, c);
    const variance = this.requireWeight(ws, 'moving_variance', layer, i, c);
    // Float64 for the fold itself; the results are stored as float32 like every weight.
    const s = Array.from({ length: c }, (_, k) => gamma[k] / Math.sqrt(variance[k] + eps));

    const target = this.mergeTarget(from, out);
    if (target?.op === 'matrix' && target.activation === 'linear') {
      const cols = target.shape.outChannels;
      const w = target.weights;
      const folded = new Float32Array(w.length);
      for (let r = 0; r < w.length / cols; r++) for (let k = 0; k < cols; k++) folded[r * cols + k] = w[r * cols + k] * s[k];
      target.weights = folded;
      target.bias = Float32Array.from({ length: cols }, (_, k) => (target.bias[k] - mean[k]) * s[k] + beta[k]);
      this.alias(layer, from, out);
      return;
    }
    const node: AffineNode = {
      op: 'affine', name: layer.name, input: out.node,
      scale: Float32Array.from(s),
      offset: Float32Array.from({ length: c }, (_, k) => beta[k] - mean[k] * s[k]),
    };
    this.add(node, out.shape);
  }

  private activation(layer: Layer, i: number, activation: Activation): void {
    const { from, out } = this.inputOf(layer, i);
    if (activation === 'linear') {
      this.alias(layer, from, out);
      return;
    }
    const target = this.mergeTarget(from, out);
    if ((target?.op === 'matrix' || target?.op === 'add') && target.activation === 'linear') {
      target.activation = activation;
      this.alias(layer, from, out);
      return;
    }
    const node: ActivationNode = { op: 'activation', name: layer.name, input: out.node, activation };
    this.add(node, out.shape);
  }

  private addLayer(layer: Layer, i: number): void {
    const ins = this.inbound(layer, i).map((u) => {
      const o = this.outputs.get(u.name);
      if (!o) throw new Error(`internal error: layer '${u.name}' used before it was converted`);
      return o;
    });
    const shape = ins[0].shape;
    if (ins.some((o) => o.shape.join() !== shape.join())) {
      throw new NaxUserError(this.file, this.field(i), `Add '${layer.name}' of shapes ${ins.map((o) => `[${o.shape.join(', ')}]`).join(' and ')}`,
        'supported: inputs of equal shape (no broadcasting)');
    }
    const node: AddNode = { op: 'add', name: layer.name, inputs: ins.map((o) => o.node), activation: 'linear' };
    this.add(node, shape);
  }

  private pool(layer: Layer, i: number, config: Config, op: 'maxPool' | 'avgPool'): void {
    this.requireChannelsLast(config, i);
    const { out } = this.inputOf(layer, i);
    this.imageShape(layer, i, out);
    const pair = (v: unknown, key: string) => this.pair(v, i, key);
    const [poolH, poolW] = pair(config.poolSize ?? 2, 'poolSize');
    const [strideH, strideW] = config.strides == null ? [poolH, poolW] : pair(config.strides, 'strides');
    const padding = config.padding ?? 'valid';
    if (padding !== 'same' && padding !== 'valid') {
      throw new NaxUserError(this.file, `${this.field(i)}.config.padding`, `padding ${JSON.stringify(padding)}`, "supported: 'same', 'valid'");
    }
    const node: PoolNode = { op, name: layer.name, input: out.node, poolH, poolW, strideH, strideW, padding };
    this.add(node, this.outShape(layer, i));
  }
}
