/**
 * Architecture parameters α (one real per candidate op per mixed layer), path sampling with one-hot
 * gates, and the architecture gradient (reference §1.4, §1.5, §5.9). Plain JS numbers: the gradient has
 * closed forms, so no tensors are needed, and α trajectories are bit-identical for a seed.
 *
 * Loss of an architecture step: L = CE(non-ideal simulator output) + λ · Ĉ(p) / Ĉ(committed).
 * - CE: the simulator is not differentiable, so its gradient is estimated from sampled paths, either
 *   - REINFORCE (score function): (L_CE − b)·∂log p(sampled)/∂α = (L_CE − b)·(onehot − p) — the variant
 *     ProxylessNAS offers for non-differentiable objectives (Cai et al. 2019, §3.2.1 / Appendix). The
 *     baseline b is the mean CE of the step's other samples (leave-one-out), else a moving average; or
 *   - binary gates with two-path sampling (Cai et al. 2019, §3.2.1): per layer two distinct ops are drawn,
 *     path A takes the first of every layer and path B the second; with p̃ the softmax over the pair,
 *     ∂L/∂α_j = Σ_k ∂L/∂g_k · p̃_k(δ_jk − p̃_j), where ∂L/∂g_k — which needs a differentiable forward in
 *     ProxylessNAS — is taken as the loss of the path whose gate k is open (nax: the simulator has no
 *     gradient). Only the pair's α move, and they are shifted afterwards so that the pair's total
 *     probability is unchanged (the paper's rescaling: ops not sampled keep their probability).
 * - Ĉ(p): expected hardware cost from the cost LUT, differentiated exactly: for a softmax,
 *   ∂Σ_j p_j F_j/∂α_i = p_i (F_i − E[F]) (reference §1.4). Expected energy and latency are sums over layers;
 *   for EDAP, nax uses either E[energy]·E[delay]·E[area] (product of the expected sums; nax assumption — the
 *   expectation of the product has no closed form over 10^20 architectures) with the product rule, or NAX's
 *   additive form w_E·E[energy]/E₀ + w_L·E[delay]/D₀ + w_A·E[area]/A₀ (reference §1.5; area added by nax),
 *   each term relative to the committed network. Area includes the tiles' shared parts in proportion to the
 *   expected MVMU count when the table carries them (hardware.ts).
 *   A layer inside a skippable block only costs when the block is kept: its expected cost is weighted by
 *   (1 − p_zero) of the block's first layer.
 */
import type { AdditiveWeights, HardwareLossForm, SearchObjective } from '../config/search-space.js';
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
  /** EDAP only: product (default) or NAX's additive form. */
  readonly form?: HardwareLossForm;
  /** Additive form: the weights, and the committed network's expected sums each term is relative to. */
  readonly additive?: { readonly weights: AdditiveWeights; readonly reference: { readonly energyJ: number; readonly delayS: number; readonly areaMm2: number } };
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

function isAdditive(t: Pick<HardwareTable, 'objective' | 'form'>): boolean {
  return t.objective === 'edap' && t.form === 'additive';
}

/** Ĉ for sums S: the objective's surrogate (energy, latency, E·D·A, or the additive form). */
export function surrogate(t: Pick<HardwareTable, 'objective' | 'form' | 'additive'>, s: Readonly<Record<Key, number>>): number {
  if (isAdditive(t)) {
    const { weights: w, reference: r } = t.additive!;
    return (w.energy * s.energyJ) / r.energyJ + (w.latency * s.delayS) / r.delayS + (w.area * s.areaMm2) / r.areaMm2;
  }
  const obj = t.objective;
  return obj === 'energy' ? s.energyJ : obj === 'latency' ? s.delayS : s.energyJ * s.delayS * s.areaMm2;
}

/** ∂Ĉ/∂S_X. */
function surrogateGrad(t: HardwareTable, s: Record<Key, number>): Record<Key, number> {
  if (isAdditive(t)) {
    const { weights: w, reference: r } = t.additive!;
    return { energyJ: w.energy / r.energyJ, delayS: w.latency / r.delayS, areaMm2: w.area / r.areaMm2 };
  }
  return t.objective === 'energy'
    ? { energyJ: 1, delayS: 0, areaMm2: 0 }
    : t.objective === 'latency'
      ? { energyJ: 0, delayS: 1, areaMm2: 0 }
      : { energyJ: s.delayS * s.areaMm2, delayS: s.energyJ * s.areaMm2, areaMm2: s.energyJ * s.delayS };
}

/** Hardware term value Ĉ(p)/Ĉ(committed) (without λ) and its gradient with respect to α. */
export function hardwareTerm(plan: SearchPlan, table: HardwareTable, alphas: readonly Float64Array[]): { value: number; grad: Float64Array[] } {
  const probs = alphas.map(softmax);
  const { sums, dp } = expectedSums(plan, table, probs);
  const c = surrogate(table, sums);
  const dS = surrogateGrad(table, sums);
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
  return surrogate(table, expectedSums(plan, table, probs).sums) / table.committedValue;
}

/**
 * REINFORCE gradient of the CE part for one sampled architecture: (ce − baseline)·(onehot − p) on every
 * layer whose choice mattered (layers of a skipped block get none: their sample had no effect).
 */
export function reinforceGrad(plan: SearchPlan, alphas: readonly Float64Array[], arch: ArchChoice, advantage: number): Float64Array[] {
  const skipped = skippedLayers(plan, arch);
  return alphas.map((a, i) => {
    const g = new Float64Array(a.length);
    if (skipped.has(plan.layers[i]!.name)) return g;
    const p = softmax(a);
    for (let j = 0; j < a.length; j++) g[j] = advantage * ((j === arch[i] ? 1 : 0) - p[j]!);
    return g;
  });
}

/** Layers of a block whose zero op the architecture chose (other than the layer carrying the zero op). */
function skippedLayers(plan: SearchPlan, arch: ArchChoice): Set<string> {
  const skipped = new Set<string>();
  plan.layers.forEach((l, i) => {
    if (l.zeroBlock && l.ops[arch[i]!]!.kind === 'zero') for (const b of l.zeroBlock.branch) if (b !== l.name) skipped.add(b);
  });
  return skipped;
}

/**
 * Two-path sampling (ProxylessNAS binary gates): per layer two distinct ops drawn from softmax(α) without
 * replacement; path A takes every layer's first draw, path B its second. A layer with one op gets it twice.
 */
export function sampleTwoPaths(alphas: readonly Float64Array[], rng: Rng): [number[], number[]] {
  const a: number[] = [];
  const b: number[] = [];
  for (const al of alphas) {
    const p = softmax(al);
    const first = drawFrom(p, rng.uniform());
    a.push(first);
    if (p.length < 2) {
      b.push(first);
      continue;
    }
    const rest = p.slice();
    rest[first] = 0;
    let s = 0;
    for (const x of rest) s += x;
    for (let j = 0; j < rest.length; j++) rest[j]! /= s;
    b.push(drawFrom(rest, rng.uniform()));
  }
  return [a, b];
}

function drawFrom(p: ArrayLike<number>, u: number): number {
  let c = 0;
  for (let j = 0; j < p.length; j++) {
    c += p[j]!;
    if (u < c) return j;
  }
  // Rounding: the last op with non-zero probability.
  for (let j = p.length - 1; j > 0; j--) if (p[j]! > 0) return j;
  return 0;
}

/**
 * Binary-gate gradient of the CE part for a two-path sample with losses lossA, lossB: on each layer whose
 * two ops differ, with p̃ the softmax over the pair, ∂L/∂α_a = p̃_a·p̃_b·(L_A − L_B) and ∂L/∂α_b = −∂L/∂α_a
 * (Σ_k L_k·p̃_k(δ_jk − p̃_j) with ∂L/∂g_k ≈ L of the path whose gate k is open); zero elsewhere, and on
 * layers that either path skips (their gate had no effect there).
 */
export function binaryGateGrad(plan: SearchPlan, alphas: readonly Float64Array[], archA: ArchChoice, archB: ArchChoice, lossA: number, lossB: number): Float64Array[] {
  const skipA = skippedLayers(plan, archA);
  const skipB = skippedLayers(plan, archB);
  return alphas.map((al, i) => {
    const g = new Float64Array(al.length);
    const a = archA[i]!;
    const b = archB[i]!;
    const name = plan.layers[i]!.name;
    if (a === b || skipA.has(name) || skipB.has(name)) return g;
    const m = Math.max(al[a]!, al[b]!);
    const ea = Math.exp(al[a]! - m);
    const eb = Math.exp(al[b]! - m);
    const pa = ea / (ea + eb);
    const pb = 1 - pa;
    g[a] = pa * pb * (lossA - lossB);
    g[b] = -g[a]!;
    return g;
  });
}

/**
 * ProxylessNAS' rescaling after a two-path update: shifts the pair's new α by one offset so that
 * Σ_pair exp(α) is what it was before the step (the ops not sampled keep their share of probability).
 */
export function rescalePairs(before: readonly Float64Array[], after: Float64Array[], archA: ArchChoice, archB: ArchChoice): void {
  const lse = (x: number, y: number) => {
    const m = Math.max(x, y);
    return m + Math.log(Math.exp(x - m) + Math.exp(y - m));
  };
  after.forEach((al, i) => {
    const a = archA[i]!;
    const b = archB[i]!;
    if (a === b) return;
    const off = lse(al[a]!, al[b]!) - lse(before[i]![a]!, before[i]![b]!);
    al[a]! -= off;
    al[b]! -= off;
  });
}

/**
 * Initial α: zero, plus `bonus` nats on each listed choice's op per layer (warm start from the committed
 * mapping and the cost-only optimum; an index −1 — op not in the space — adds nothing).
 */
export function initialAlphas(plan: SearchPlan, priors: readonly { readonly choice: ArchChoice; readonly bonus: number }[]): Float64Array[] {
  return plan.layers.map((l, i) => {
    const a = new Float64Array(l.ops.length);
    for (const p of priors) {
      const j = p.choice[i]!;
      if (j >= 0 && j < a.length) a[j]! += p.bonus;
    }
    return a;
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
