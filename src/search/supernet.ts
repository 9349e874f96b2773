/**
 * The NAX supernet: the committed network with every mixed layer holding one weight set per kernel
 * candidate (crossbar size does not change the float function, so candidates that differ only in
 * crossbar size share weights). Weights start from the committed model: a k0×k0 kernel is centre-embedded
 * in larger kernels (zero border) and centre-cropped into smaller ones, so every path starts as (close to)
 * the trained network. Weight steps train the active path on the ideal (float) forward with cross-entropy.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MatrixNode } from '../model/graph.js';
import { matrixNodes } from '../model/graph.js';
import type { NetworkGraph } from '../model/graph.js';
import { forwardLogits, type LayerTensors } from './forward.js';
import type { ArchChoice, SearchPlan } from './plan.js';
import { kernelsOf } from './plan.js';

/** Weights of one layer at one kernel size, host copies (rows = k·k·Cin in kh, kw, cin order; cols = Cout). */
export interface HostWeights {
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/** Embeds (or crops) a [k0, k0, cin, cout] kernel into [k, k, cin, cout] around the centre. */
export function recentreKernel(w: Float32Array, k0: number, k: number, cin: number, cout: number): Float32Array {
  const out = new Float32Array(k * k * cin * cout);
  const off = (k - k0) / 2; // integer: both odd
  const inner = cin * cout;
  for (let i = 0; i < k; i++) {
    const i0 = i - off;
    if (i0 < 0 || i0 >= k0) continue;
    for (let j = 0; j < k; j++) {
      const j0 = j - off;
      if (j0 < 0 || j0 >= k0) continue;
      out.set(w.subarray((i0 * k0 + j0) * inner, (i0 * k0 + j0 + 1) * inner), (i * k + j) * inner);
    }
  }
  return out;
}

function key(layer: string, kernel: number): string {
  return `${layer}#${kernel}`;
}

export class Supernet {
  readonly plan: SearchPlan;
  private readonly vars = new Map<string, { w: tf.Variable; b: tf.Variable }>();
  private optimizer: KeyedAdam;
  /** Unique prefix: tfjs variable names are global to the engine, and tests build several supernets. */
  private readonly prefix = `nax-supernet-${nextSupernetId++}/`;

  constructor(plan: SearchPlan, weightLr: number) {
    this.plan = plan;
    const mixed = new Map(plan.layers.map((l) => [l.name, l]));
    for (const node of matrixNodes(plan.graph)) {
      const s = node.shape;
      const l = mixed.get(node.name);
      const kernels = l ? [...new Set(l.ops.flatMap((o) => (o.kind === 'path' ? [o.kernel] : [])))] : [s.kernelH];
      for (const k of kernels) {
        const w = s.kind === 'dense'
          ? tf.variable(tf.tensor2d(node.weights, [s.inChannels, s.outChannels]), true, this.prefix + key(node.name, k))
          : tf.variable(tf.tensor4d(recentreKernel(node.weights, s.kernelH, k, s.inChannels, s.outChannels), [k, k, s.inChannels, s.outChannels]), true, this.prefix + key(node.name, k));
        const b = tf.variable(tf.tensor1d(node.bias), true, `${this.prefix}${key(node.name, k)}/bias`);
        this.vars.set(key(node.name, k), { w, b });
      }
    }
    this.optimizer = new KeyedAdam(weightLr);
  }

  private kernelFn(arch: ArchChoice): (n: MatrixNode) => number | 'zero' {
    const ks = kernelsOf(this.plan, arch);
    return (n) => ks.get(n.name)!;
  }

  /** Logits of the active path [batch, classes] (call inside tf.tidy). */
  logits(x: tf.Tensor4D, arch: ArchChoice): tf.Tensor2D {
    const kernelOf = this.kernelFn(arch);
    return forwardLogits({
      graph: this.plan.graph,
      x,
      kernelOf,
      weightsOf: (n): LayerTensors => {
        const v = this.vars.get(key(n.name, kernelOf(n) as number))!;
        return { w: v.w, b: v.b as tf.Variable<tf.Rank.R1> };
      },
    });
  }

  /** Changes whenever the weights do (a weight step, a restore): what was measured with other weights is stale. */
  get weightsVersion(): number {
    return this.version;
  }
  private version = 0;

  /** One weight step on the active path: mean cross-entropy on the ideal forward. Returns the loss. */
  weightStep(x: tf.Tensor4D, labels: tf.Tensor1D, classes: number, arch: ArchChoice): number {
    this.version += 1;
    const ks = kernelsOf(this.plan, arch);
    const varList: tf.Variable[] = [];
    for (const [name, k] of ks) {
      if (k === 'zero') continue;
      const v = this.vars.get(key(name, k))!;
      varList.push(v.w, v.b);
    }
    const { value, grads } = tf.variableGrads(() => {
      const y = this.logits(x, arch);
      return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(labels, 'int32'), classes), y) as tf.Scalar;
    }, varList);
    this.optimizer.apply(varList, grads);
    const v = value.dataSync()[0]!;
    value.dispose();
    tf.dispose(grads);
    return v;
  }

  /** Host copy of one layer's weights at one kernel size. */
  hostWeights(layer: string, kernel: number): HostWeights {
    const v = this.vars.get(key(layer, kernel));
    if (!v) throw new Error(`internal error: no weights for ${layer} at kernel ${kernel}`);
    return { weights: v.w.dataSync() as Float32Array, bias: v.b.dataSync() as Float32Array };
  }

  /** Snapshot of every weight (to restart each λ from the same warmed-up supernet). */
  snapshot(): Map<string, Float32Array> {
    const out = new Map<string, Float32Array>();
    for (const [k, v] of this.vars) {
      out.set(`${k}/w`, (v.w.dataSync() as Float32Array).slice());
      out.set(`${k}/b`, (v.b.dataSync() as Float32Array).slice());
    }
    return out;
  }

  /** Restores a snapshot and resets the weight optimiser's state (fresh Adam moments). */
  restore(s: Map<string, Float32Array>, weightLr: number): void {
    this.version += 1;
    tf.tidy(() => {
      for (const [k, v] of this.vars) {
        v.w.assign(tf.tensor(s.get(`${k}/w`)!, v.w.shape));
        v.b.assign(tf.tensor(s.get(`${k}/b`)!, v.b.shape));
      }
    });
    this.optimizer.dispose();
    this.optimizer = new KeyedAdam(weightLr);
  }

  dispose(): void {
    for (const v of this.vars.values()) {
      v.w.dispose();
      v.b.dispose();
    }
    this.optimizer.dispose();
  }
}

let nextSupernetId = 0;

/**
 * Adam whose moments are keyed by variable name. tfjs's own AdamOptimizer keeps its moments by position in
 * the variable list (adam_optimizer.js), which mixes up state when the active path — and so the list —
 * changes from step to step, as it does in a supernet.
 */
export class KeyedAdam {
  private readonly state = new Map<string, { m: tf.Tensor; v: tf.Tensor; t: number }>();
  constructor(private readonly lr: number, private readonly beta1 = 0.9, private readonly beta2 = 0.999, private readonly eps = 1e-7) {}

  apply(vars: readonly tf.Variable[], grads: tf.NamedTensorMap): void {
    for (const v of vars) {
      const g = grads[v.name];
      if (!g) continue;
      let s = this.state.get(v.name);
      if (!s) {
        s = { m: tf.zerosLike(v), v: tf.zerosLike(v), t: 0 };
        this.state.set(v.name, s);
      }
      const st = s;
      st.t += 1;
      const [m, vv] = tf.tidy(() => {
        const m2 = tf.add(tf.mul(st.m, this.beta1), tf.mul(g, 1 - this.beta1));
        const v2 = tf.add(tf.mul(st.v, this.beta2), tf.mul(tf.square(g), 1 - this.beta2));
        const mHat = tf.div(m2, 1 - Math.pow(this.beta1, st.t));
        const vHat = tf.div(v2, 1 - Math.pow(this.beta2, st.t));
        v.assign(tf.sub(v, tf.div(tf.mul(mHat, this.lr), tf.add(tf.sqrt(vHat), this.eps))));
        return [m2, v2];
      });
      st.m.dispose();
      st.v.dispose();
      st.m = m;
      st.v = vv;
    }
  }

  dispose(): void {
    for (const s of this.state.values()) {
      s.m.dispose();
      s.v.dispose();
    }
    this.state.clear();
  }
}

/** Every matrix layer's graph node. */
export function nodesByName(g: NetworkGraph): Map<string, MatrixNode> {
  return new Map(matrixNodes(g).map((m) => [m.name, m]));
}
