/**
 * Float forward of a NetworkGraph with tfjs ops. The supernet trains through it (weights come from
 * variables), and it gives the ideal accuracy of any graph. Nothing here models crossbars.
 */
import * as tf from '@tensorflow/tfjs-core';
import { activate, glueOp } from '../model/activation.js';
import type { Activation, GraphNode, MatrixNode, NetworkGraph } from '../model/graph.js';

/** Weights of one matrix layer as tensors: conv [kH, kW, Cin, Cout] or dense [in, out], bias [Cout]. */
export interface LayerTensors {
  readonly w: tf.Tensor;
  readonly b: tf.Tensor1D;
}

export interface ForwardOptions {
  readonly graph: NetworkGraph;
  /** Input batch [batch, H, W, C]. */
  readonly x: tf.Tensor4D;
  /** Weights per matrix node (called once per node per forward). */
  readonly weightsOf: (node: MatrixNode) => LayerTensors;
  /** Kernel size per matrix node when it differs from the graph's (the supernet's active path); 'zero' skips the node. */
  readonly kernelOf?: (node: MatrixNode) => number | 'zero';
}

/**
 * Runs the graph and returns the output node's pre-softmax values [batch, classes] (a final softmax is
 * left out so callers compute a stable cross-entropy). A 'zero' matrix node outputs zeros of its shape,
 * so `add(shortcut, 0)` passes the shortcut on — the zero op of an identity block. Call inside tf.tidy.
 */
export function forwardLogits(o: ForwardOptions): tf.Tensor2D {
  const vals = new Map<string, tf.Tensor>();
  vals.set(o.graph.input, o.x);
  const zero = new Set<string>();
  const get = (n: string) => {
    const v = vals.get(n);
    if (!v) throw new Error(`internal error: node input '${n}' not computed`);
    return v;
  };
  for (const n of o.graph.nodes) {
    const isOut = n.name === o.graph.output;
    vals.set(n.name, nodeForward(n, get, o, zero, isOut));
  }
  const out = get(o.graph.output);
  return (out.rank === 2 ? out : tf.reshape(out, [out.shape[0]!, -1])) as tf.Tensor2D;
}

function nodeForward(
  n: GraphNode,
  get: (n: string) => tf.Tensor,
  o: ForwardOptions,
  zero: Set<string>,
  isOut: boolean,
): tf.Tensor {
  const act = (x: tf.Tensor, a: Activation) => (isOut && a === 'softmax' ? x : activate(x, a));
  switch (n.op) {
    case 'matrix': {
      const x = get(n.input);
      const k = o.kernelOf ? o.kernelOf(n) : n.shape.kernelH;
      if (k === 'zero' || zero.has(n.input)) {
        zero.add(n.name);
        const s = n.shape;
        return tf.zeros(s.kind === 'dense' ? [x.shape[0]!, s.outChannels] : [x.shape[0]!, s.outH, s.outW, s.outChannels]);
      }
      const { w, b } = o.weightsOf(n);
      let y: tf.Tensor;
      if (n.shape.kind === 'dense') {
        const x2 = x.rank === 2 ? (x as tf.Tensor2D) : tf.reshape(x, [x.shape[0]!, -1]) as tf.Tensor2D;
        y = tf.matMul(x2, w as tf.Tensor2D);
      } else {
        y = tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, [n.shape.strideH, n.shape.strideW], n.padding);
      }
      return act(tf.add(y, b), n.activation);
    }
    case 'add': {
      const ins = n.inputs.filter((i) => !zero.has(i)).map(get);
      const y = ins.length === 1 ? ins[0]! : tf.addN(ins);
      return act(y, n.activation);
    }
    case 'activation':
      if (zero.has(n.input)) zero.add(n.name);
      return act(get(n.input), n.activation);
    case 'maxPool':
    case 'avgPool':
    case 'globalAvgPool':
    case 'flatten':
    case 'pad':
      return glueOp(n, get(n.input));
    case 'affine':
      if (zero.has(n.input)) zero.add(n.name);
      return glueOp(n, get(n.input));
  }
}

/** Whether the graph's output node ends in a softmax (its simulator output is then probabilities, not logits). */
export function outputIsSoftmax(g: NetworkGraph): boolean {
  const n = g.nodes.find((x) => x.name === g.output);
  return !!n && 'activation' in n && n.activation === 'softmax';
}

/** Tensors of a graph's own (BN-folded) weights. */
export function graphWeights(node: MatrixNode): LayerTensors {
  const s = node.shape;
  const w = s.kind === 'dense'
    ? tf.tensor2d(node.weights, [s.inChannels, s.outChannels])
    : tf.tensor4d(node.weights, [s.kernelH, s.kernelW, s.inChannels, s.outChannels]);
  return { w, b: tf.tensor1d(node.bias) };
}

/**
 * Ideal (float) outputs of a graph over `n` images [n, H, W, C] (flat), batched. Returns [n, classes]
 * pre-softmax values.
 */
export function idealLogits(g: NetworkGraph, images: Float32Array, n: number, batch = 250): Float32Array {
  const [h, w, c] = g.inputShape;
  const per = h * w * c;
  const parts: Float32Array[] = [];
  for (let i = 0; i < n; i += batch) {
    const m = Math.min(batch, n - i);
    const y = tf.tidy(() => {
      const x = tf.tensor4d(images.subarray(i * per, (i + m) * per), [m, h, w, c]);
      return forwardLogits({ graph: g, x, weightsOf: graphWeights });
    });
    parts.push(y.dataSync() as Float32Array);
    y.dispose();
  }
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Per-sample cross-entropy of outputs [n, classes] against labels; `probabilities` when the outputs are softmaxed. */
export function crossEntropyPerSample(out: Float32Array, labels: ArrayLike<number>, n: number, probabilities: boolean): Float64Array {
  const classes = out.length / n;
  const ce = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = out.subarray(i * classes, (i + 1) * classes);
    const y = labels[i]!;
    if (probabilities) {
      ce[i] = -Math.log(Math.max(row[y]!, 1e-12));
    } else {
      let mx = -Infinity;
      for (const v of row) mx = Math.max(mx, v);
      let s = 0;
      for (const v of row) s += Math.exp(v - mx);
      ce[i] = mx + Math.log(s) - row[y]!;
    }
  }
  return ce;
}

/** Top-1 accuracy of outputs [n, classes]. */
export function top1(out: Float32Array, labels: ArrayLike<number>, n: number): number {
  const classes = out.length / n;
  let ok = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < classes; j++) if (out[i * classes + j]! > out[i * classes + best]!) best = j;
    if (best === labels[i]) ok++;
  }
  return n === 0 ? 0 : ok / n;
}

/** Per-sample top-1 correctness (1/0) of outputs [n, classes]. */
export function top1Correct(out: Float32Array, labels: ArrayLike<number>, n: number): Uint8Array {
  const classes = out.length / n;
  const ok = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < classes; j++) if (out[i * classes + j]! > out[i * classes + best]!) best = j;
    ok[i] = best === labels[i] ? 1 : 0;
  }
  return ok;
}
