/**
 * Architecture parameters α (one real per candidate op per mixed layer), path sampling with one-hot
 * gates, and the architecture gradient (reference §1.4, §1.5, §5.9). Plain JS numbers: the gradient has
 * closed forms, so no tensors are needed, and α trajectories are bit-identical for a seed.
 *
 * Loss of an architecture step: L = CE(non-ideal simulator output) + λ · Ĉ(p) / Ĉ(committed).
 * - CE: the simulator is not differentiable, so its gradient is the REINFORCE (score-function) estimate
 *   (L_CE − b)·∂log p(sampled)/∂α = (L_CE − b)·(onehot − p) — the variant ProxylessNAS offers for
 *   non-differentiable objectives (Cai et al. 2019, §3.2.1 / Appendix). The baseline b is the mean CE of
 *   the step's other samples (leave-one-out) when a step draws several, else a moving average.
 * - Ĉ(p): expected hardware cost from the cost LUT, differentiated exactly: for a softmax,
 *   ∂Σ_j p_j F_j/∂α_i = p_i (F_i − E[F]) (reference §1.4). Expected energy and latency are sums over layers;
 *   for EDAP, nax uses E[energy]·E[delay]·E[area] (product of the expected sums; nax assumption — the
 *   expectation of the product has no closed form over 10^20 architectures) and the product rule.
 *   A layer inside a skippable block only costs when the block is kept: its expected cost is weighted by
 *   (1 − p_zero) of the block's first layer.
 */
import type { SearchObjective } from '../config/search-space.js';
import { Rng } from '../xbar/rng.js';
import type { ArchChoice, SearchPlan } from './plan.js';

/** Per-op costs of one mixed layer from the LUT, J / s / mm² (zero op: 0). */
export interface OpCosts {
  readonly energyJ: Float64Array;
  readonly delayS: Float64Array;
  readonly areaMm2: Float64Array;
}

/** The hardware-cost side of the loss: per-op costs of the mixed layers plus the constant rest of the network. */
export interface HardwareTable {
  readonly ops: readonly OpCosts[];
  /** Cost of everything outside the mixed layers (fixed layers, shared tile area), added to each expected sum. */
  readonly constant: { readonly energyJ: number; readonly delayS: number; readonly areaMm2: number };
  /** Ĉ of the committed network (normaliser). */
  readonly committedValue: number;
  readonly objective: SearchObjective;
}

export function softmax(a: ArrayLike<number>): Float64Array {
  let mx = -Infinity;
  for (let i = 0; i < a.length; i++) mx = Math.max(mx, a[i]!);
  const out = new Float64Array(a.length);
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    out[i] = Math.exp(a[i]! - mx);
    s += out[i]!;
  }
  for (let i = 0; i < a.length; i++) out[i]! /= s;
  return out;
}

type Key = 'energyJ' | 'delayS' | 'areaMm2';
const KEYS: readonly Key[] = ['energyJ', 'delayS', 'areaMm2'];

/** Expected sums S_X and their gradients ∂S_X/∂p per (layer, op), under the block structure. */
function expectedSums(plan: SearchPlan, table: HardwareTable, probs: readonly Float64Array[]) {
  const idx = new Map(plan.layers.map((l, i) => [l.name, i]));
  const layerE = (i: number, k: Key) => {
    const p = probs[i]!;
    const f = table.ops[i]![k];
    let s = 0;
    for (let j = 0; j < p.length; j++) s += p[j]! * f[j]!;
    return s;
  };
  const sums = { energyJ: table.constant.energyJ, delayS: table.constant.delayS, areaMm2: table.constant.areaMm2 };
  const dp: Record<Key, Float64Array[]> = { energyJ: [], delayS: [], areaMm2: [] };
  for (const k of KEYS) {
    plan.layers.forEach((l, i) => {
      const p = probs[i]!;
      const f = table.ops[i]![k];
      const g = new Float64Array(p.length);
      const keep = l.skippedWith !== undefined ? 1 - zeroProb(plan, probs, idx.get(l.skippedWith)!) : 1;
      for (let j = 0; j < p.length; j++) g[j] = keep * f[j]!;
      sums[k] += keep * layerE(i, k);
      if (l.zeroBlock) {
        // ∂/∂p_zero of the whole block's kept cost: −Σ over the block's other layers of their expected cost.
        const z = l.ops.findIndex((o) => o.kind === 'zero');
        let rest = 0;
        for (const name of l.zeroBlock.branch) if (name !== l.name) rest += layerE(idx.get(name)!, k);
        g[z] = -rest;
      }
      dp[k].push(g);
    });
  }
  return { sums, dp };
}

function zeroProb(plan: SearchPlan, probs: readonly Float64Array[], i: number): number {
  const z = plan.layers[i]!.ops.findIndex((o) => o.kind === 'zero');
  return z < 0 ? 0 : probs[i]![z]!;
}

/** Ĉ for sums S: the objective's surrogate (energy, latency, or E·D·A). */
function surrogate(obj: SearchObjective, s: Record<Key, number>): number {
  return obj === 'energy' ? s.energyJ : obj === 'latency' ? s.delayS : s.energyJ * s.delayS * s.areaMm2;
}

/** Hardware term value Ĉ(p)/Ĉ(committed) (without λ) and its gradient with respect to α. */
export function hardwareTerm(plan: SearchPlan, table: HardwareTable, alphas: readonly Float64Array[]): { value: number; grad: Float64Array[] } {
  const probs = alphas.map(softmax);
  const { sums, dp } = expectedSums(plan, table, probs);
  const c = surrogate(table.objective, sums);
  // ∂Ĉ/∂S_X
  const dS: Record<Key, number> = table.objective === 'energy'
    ? { energyJ: 1, delayS: 0, areaMm2: 0 }
    : table.objective === 'latency'
      ? { energyJ: 0, delayS: 1, areaMm2: 0 }
      : { energyJ: sums.delayS * sums.areaMm2, delayS: sums.energyJ * sums.areaMm2, areaMm2: sums.energyJ * sums.delayS };
  const grad = probs.map((p, i) => {
    const gp = new Float64Array(p.length);
    for (const k of KEYS) {
      if (dS[k] === 0) continue;
      const g = dp[k][i]!;
      for (let j = 0; j < p.length; j++) gp[j]! += dS[k] * g[j]!;
    }
    // softmax Jacobian: ∂/∂α_j = p_j (gp_j − Σ_i p_i gp_i)
    let mean = 0;
    for (let j = 0; j < p.length; j++) mean += p[j]! * gp[j]!;
    const ga = new Float64Array(p.length);
    for (let j = 0; j < p.length; j++) ga[j] = (p[j]! * (gp[j]! - mean)) / table.committedValue;
    return ga;
  });
  return { value: c / table.committedValue, grad };
}

/** Ĉ of one concrete architecture (one-hot p), normalised — the hardware term an argmax would get. */
export function hardwareOfChoice(plan: SearchPlan, table: HardwareTable, arch: ArchChoice): number {
  const probs = plan.layers.map((l, i) => {
    const p = new Float64Array(l.ops.length);
    p[arch[i]!] = 1;
    return p;
  });
  return surrogate(table.objective, expectedSums(plan, table, probs).sums) / table.committedValue;
}

/**
 * REINFORCE gradient of the CE part for one sampled architecture: (ce − baseline)·(onehot − p) on every
 * layer whose choice mattered (layers of a skipped block get none: their sample had no effect).
 */
export function reinforceGrad(plan: SearchPlan, alphas: readonly Float64Array[], arch: ArchChoice, advantage: number): Float64Array[] {
  const skipped = new Set<string>();
  plan.layers.forEach((l, i) => {
    if (l.zeroBlock && l.ops[arch[i]!]!.kind === 'zero') for (const b of l.zeroBlock.branch) if (b !== l.name) skipped.add(b);
  });
  return alphas.map((a, i) => {
    const g = new Float64Array(a.length);
    if (skipped.has(plan.layers[i]!.name)) return g;
    const p = softmax(a);
    for (let j = 0; j < a.length; j++) g[j] = advantage * ((j === arch[i] ? 1 : 0) - p[j]!);
    return g;
  });
}

/** Samples one op per mixed layer from softmax(α) (one-hot binary gates). */
export function sampleArch(alphas: readonly Float64Array[], rng: Rng): number[] {
  return alphas.map((a) => {
    const p = softmax(a);
    const u = rng.uniform();
    let c = 0;
    for (let j = 0; j < p.length; j++) {
      c += p[j]!;
      if (u < c) return j;
    }
    return p.length - 1;
  });
}

/** Uniformly sampled path (warm-up: every candidate's weights get trained). */
export function uniformArch(plan: SearchPlan, rng: Rng, withZero: boolean): number[] {
  return plan.layers.map((l) => {
    const n = withZero ? l.ops.length : l.ops.filter((o) => o.kind === 'path').length;
    return Math.min(n - 1, Math.floor(rng.uniform() * n));
  });
}

/** argmax α per layer (first index on ties). */
export function argmaxArch(alphas: readonly Float64Array[]): number[] {
  return alphas.map((a) => {
    let best = 0;
    for (let j = 1; j < a.length; j++) if (a[j]! > a[best]!) best = j;
    return best;
  });
}

/**
 * Adam on α with ProxylessNAS' settings: β1 = 0 (no momentum: the REINFORCE signal changes sign often),
 * β2 = 0.999, ε = 1e-8 (mit-han-lab/proxylessnas search/imagenet_arch_search.py).
 */
export class ArchAdam {
  private readonly v: Float64Array[];
  private t = 0;
  constructor(shapes: readonly number[], private readonly lr: number, private readonly beta1 = 0, private readonly beta2 = 0.999, private readonly eps = 1e-8) {
    this.v = shapes.map((n) => new Float64Array(n));
    this.m = shapes.map((n) => new Float64Array(n));
  }
  private readonly m: Float64Array[];

  step(alphas: Float64Array[], grads: readonly Float64Array[]): void {
    this.t += 1;
    const bc1 = 1 - Math.pow(this.beta1, this.t);
    const bc2 = 1 - Math.pow(this.beta2, this.t);
    alphas.forEach((a, i) => {
      const g = grads[i]!;
      const m = this.m[i]!;
      const v = this.v[i]!;
      for (let j = 0; j < a.length; j++) {
        m[j] = this.beta1 * m[j]! + (1 - this.beta1) * g[j]!;
        v[j] = this.beta2 * v[j]! + (1 - this.beta2) * g[j]! * g[j]!;
        a[j]! -= (this.lr * (m[j]! / bc1)) / (Math.sqrt(v[j]! / bc2) + this.eps);
      }
    });
  }
}

/** Mean entropy of softmax(α) over layers, nats (progress: falls as the search commits). */
export function meanEntropy(alphas: readonly Float64Array[]): number {
  let s = 0;
  for (const a of alphas) {
    const p = softmax(a);
    for (const x of p) if (x > 0) s -= x * Math.log(x);
  }
  return alphas.length ? s / alphas.length : 0;
}
