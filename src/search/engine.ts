/**
 * The search loop (reference §5.9): warm-up of the supernet on uniformly sampled paths, then per λ
 * alternating weight steps (ideal forward of a path sampled from softmax(α)) and architecture steps
 * (validation batch through the NON-IDEAL simulator, REINFORCE + exact hardware gradient, Adam on α),
 * argmax, and fine-tuning of the chosen path. The clock is injected (`now`, seconds) and checked between
 * steps; each phase ends at its step cap or its deadline, whichever comes first, and what was found so
 * far is returned. No I/O.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerMapping } from '../config/mapping.js';
import type { NetworkGraph } from '../model/graph.js';
import { matrixNodes } from '../model/graph.js';
import { Rng, deriveSeed } from '../xbar/rng.js';
import {
  ArchAdam,
  type HardwareTable,
  argmaxArch,
  hardwareOfChoice,
  hardwareTerm,
  meanEntropy,
  reinforceGrad,
  sampleArch,
  softmax,
  uniformArch,
} from './arch.js';
import { deriveGraph, deriveMappings } from './derive.js';
import { crossEntropyPerSample, outputIsSoftmax } from './forward.js';
import { type ArchChoice, type SearchPlan, describeChoice } from './plan.js';
import { Supernet } from './supernet.js';

/** Training and validation splits, already scaled to model input. */
export interface SearchData {
  /** [nTrain, H, W, C] flat. */
  readonly trainImages: Float32Array;
  readonly trainLabels: Int32Array;
  readonly nTrain: number;
  /** [nVal, H, W, C] flat — architecture steps only, never trained on. */
  readonly valImages: Float32Array;
  readonly valLabels: Int32Array;
  readonly nVal: number;
  readonly shape: readonly [number, number, number];
  readonly classes: number;
}

/**
 * The non-ideal forward used by architecture steps: outputs [n, classes] of `graph` on crossbars mapped by
 * `mappings` for one chip instance (`seed`); layers in `floatLayers` run in float. xbar/simulate.ts
 * `nonIdealLogits` in production, a stand-in in tests.
 */
export type NonIdealFn = (o: {
  graph: NetworkGraph;
  mappings: ReadonlyMap<string, LayerMapping>;
  images: Float32Array;
  n: number;
  seed: number;
  floatLayers?: ReadonlySet<string>;
}) => Float32Array | Promise<Float32Array>;

export interface Clock {
  /** Seconds on any monotonic scale. */
  now(): number;
}

/** Emits a progress line at most every `intervalS` (and always when forced). */
export class Ticker {
  private last = -Infinity;
  constructor(private readonly clock: Clock, private readonly progress: (line: string) => void, private readonly intervalS: number) {}
  tick(line: () => string, force = false): void {
    const t = this.clock.now();
    if (force || t - this.last >= this.intervalS) {
      this.last = t;
      this.progress(line());
    }
  }
}

/** Step caps of one phase (Infinity: time-bounded only). */
export interface PhaseLimit {
  readonly deadlineS: number;
  readonly maxSteps: number;
}

export interface EngineSettings {
  readonly seed: number;
  readonly batchSize: number;
  readonly archEvery: number;
  readonly archLr: number;
  readonly weightLr: number;
  readonly archBatch: number;
  readonly nonIdealFraction: number;
  /** Architectures sampled per architecture step (leave-one-out baseline when ≥ 2). Default 2. */
  readonly archSamples: number;
}

/** Cycles through a split in seeded random order, epoch after epoch. */
class BatchStream {
  private order: Int32Array;
  private pos = 0;
  private epoch = 0;
  constructor(private readonly n: number, private readonly seed: number, private readonly label: string) {
    this.order = this.shuffle();
  }
  private shuffle(): Int32Array {
    const rng = Rng.derive(this.seed, this.label, this.epoch);
    const o = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) o[i] = i;
    for (let i = this.n - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1));
      const t = o[i]!;
      o[i] = o[j]!;
      o[j] = t;
    }
    return o;
  }
  next(size: number): Int32Array {
    const m = Math.min(size, this.n);
    if (this.pos + m > this.n) {
      this.epoch += 1;
      this.order = this.shuffle();
      this.pos = 0;
    }
    const out = this.order.slice(this.pos, this.pos + m);
    this.pos += m;
    return out;
  }
}

function gather(images: Float32Array, labels: Int32Array, idx: Int32Array, per: number): { x: Float32Array; y: Int32Array } {
  const x = new Float32Array(idx.length * per);
  const y = new Int32Array(idx.length);
  idx.forEach((k, i) => {
    x.set(images.subarray(k * per, (k + 1) * per), i * per);
    y[i] = labels[k]!;
  });
  return { x, y };
}

/** Result of one λ. */
export interface LambdaResult {
  readonly lambda: number;
  /** Final α per mixed layer. */
  readonly alphas: readonly Float64Array[];
  /** α after every architecture step (flattened per step), for determinism checks and plots. */
  readonly trajectory: readonly Float64Array[];
  readonly choice: ArchChoice;
  readonly archSteps: number;
  readonly searchWeightSteps: number;
  readonly fineTuneSteps: number;
  /** Derived network with the fine-tuned weights, and its mapping. */
  readonly graph: NetworkGraph;
  readonly mappings: Map<string, LayerMapping>;
  /** Normalised hardware term of the chosen architecture (1 = committed). */
  readonly hardware: number;
  /** Mean non-ideal validation CE over the last architecture steps (NaN without any). */
  readonly valCe: number;
  /** Whether a phase ended on its deadline rather than its step cap. */
  readonly stoppedOnTime: boolean;
  /**
   * Supernet weights at the argmax, before fine-tuning (protocol hook, issue 12): every baseline's equal
   * fine-tuning starts from the same weights the searched candidate was derived from.
   */
  readonly weightsAfterSearch: Map<string, Float32Array>;
}

/** The supernet plus the state shared by the phases. */
export class SearchEngine {
  readonly net: Supernet;
  private readonly per: number;
  private train: BatchStream;
  private readonly val: BatchStream;
  private readonly probabilities: boolean;
  private warmSnapshot?: Map<string, Float32Array>;
  weightSteps = 0;

  constructor(
    readonly plan: SearchPlan,
    readonly data: SearchData,
    readonly settings: EngineSettings,
    private readonly clock: Clock,
    private readonly ticker: Ticker,
  ) {
    this.net = new Supernet(plan, settings.weightLr);
    this.per = data.shape[0] * data.shape[1] * data.shape[2];
    this.train = new BatchStream(data.nTrain, settings.seed, 'train-order');
    this.val = new BatchStream(data.nVal, settings.seed, 'val-order');
    this.probabilities = outputIsSoftmax(plan.graph);
  }

  private weightStep(arch: ArchChoice): number {
    const { x, y } = gather(this.data.trainImages, this.data.trainLabels, this.train.next(this.settings.batchSize), this.per);
    const [h, w, c] = this.data.shape;
    const xt = tf.tensor4d(x, [y.length, h, w, c]);
    const yt = tf.tensor1d(y, 'int32');
    try {
      this.weightSteps += 1;
      return this.net.weightStep(xt, yt, this.data.classes, arch);
    } finally {
      xt.dispose();
      yt.dispose();
    }
  }

  /** Warm-up: weights of uniformly sampled paths (zero op included), ideal forward. Snapshots the result. */
  warmUp(limit: PhaseLimit): { steps: number; stoppedOnTime: boolean } {
    const rng = Rng.derive(this.settings.seed, 'warmup');
    let steps = 0;
    let loss = NaN;
    while (steps < limit.maxSteps && this.clock.now() < limit.deadlineS) {
      loss = this.weightStep(uniformArch(this.plan, rng, true));
      steps += 1;
      this.ticker.tick(() => `search: warm-up step ${steps}, train CE ${loss.toFixed(3)}`);
    }
    this.warmSnapshot = this.net.snapshot();
    return { steps, stoppedOnTime: steps < limit.maxSteps };
  }

  /** Weights of a layer at a kernel, for deriveGraph. */
  weightsOf = (layer: string, kernel: number) => this.net.hostWeights(layer, kernel);

  /**
   * One λ: search (until `search` ends), argmax, fine-tune (until `fineTune` ends). Starts from the
   * warm-up snapshot so every λ sees the same supernet.
   */
  async searchLambda(o: {
    lambda: number;
    table: HardwareTable;
    nonIdeal: NonIdealFn;
    search: PhaseLimit;
    fineTune: PhaseLimit;
  }): Promise<LambdaResult> {
    const { lambda, table } = o;
    const s = this.settings;
    if (this.warmSnapshot) this.net.restore(this.warmSnapshot, s.weightLr);
    const alphas = this.plan.layers.map((l) => new Float64Array(l.ops.length));
    const adam = new ArchAdam(alphas.map((a) => a.length), s.archLr);
    const rng = Rng.derive(s.seed, 'search', lambda);
    const trajectory: Float64Array[] = [];
    const recentCe: number[] = [];
    let ema: number | undefined;
    let weightSteps = 0;
    let archSteps = 0;
    let loss = NaN;
    let stoppedOnTime = false;
    const tag = `search λ=${lambda}`;

    while (weightSteps < o.search.maxSteps) {
      if (this.clock.now() >= o.search.deadlineS) {
        stoppedOnTime = true;
        break;
      }
      loss = this.weightStep(sampleArch(alphas, rng));
      weightSteps += 1;
      if (weightSteps % s.archEvery === 0) {
        const ce = await this.archStep({ alphas, adam, rng, lambda, table, nonIdeal: o.nonIdeal, step: archSteps, ema });
        ema = ema === undefined ? ce : 0.9 * ema + 0.1 * ce;
        recentCe.push(ce);
        if (recentCe.length > 10) recentCe.shift();
        archSteps += 1;
        const flat = new Float64Array(alphas.reduce((n, a) => n + a.length, 0));
        let off = 0;
        for (const a of alphas) {
          flat.set(a, off);
          off += a.length;
        }
        trajectory.push(flat);
      }
      this.ticker.tick(() => {
        const hw = hardwareTerm(this.plan, table, alphas).value;
        return `${tag}: step ${weightSteps} (arch ${archSteps}), train CE ${loss.toFixed(3)}, non-ideal val CE ${(ema ?? NaN).toFixed(3)}, E[hw] ${hw.toFixed(3)}, entropy ${meanEntropy(alphas).toFixed(2)}`;
      });
    }
    const choice = argmaxArch(alphas);
    const hardware = hardwareOfChoice(this.plan, table, choice);
    const weightsAfterSearch = this.net.snapshot();
    this.ticker.tick(() => `${tag}: chose ${describeChoice(this.plan, choice, true) || 'the committed architecture'} (hw ${hardware.toFixed(3)})`, true);

    let fineTuneSteps = 0;
    while (fineTuneSteps < o.fineTune.maxSteps) {
      if (this.clock.now() >= o.fineTune.deadlineS) {
        stoppedOnTime = true;
        break;
      }
      loss = this.weightStep(choice);
      fineTuneSteps += 1;
      this.ticker.tick(() => `${tag}: fine-tune step ${fineTuneSteps}, train CE ${loss.toFixed(3)}`);
    }
    const graph = deriveGraph(this.plan, choice, (l, k) => {
      const w = this.net.hostWeights(l, k);
      return { weights: w.weights.slice(), bias: w.bias.slice() };
    });
    return {
      lambda,
      alphas: alphas.map((a) => a.slice()),
      trajectory,
      choice,
      archSteps,
      searchWeightSteps: weightSteps,
      fineTuneSteps,
      graph,
      mappings: deriveMappings(this.plan, choice),
      hardware,
      valCe: recentCe.length ? recentCe.reduce((a, b) => a + b, 0) / recentCe.length : NaN,
      stoppedOnTime,
      weightsAfterSearch,
    };
  }

  /**
   * Protocol hook (issue 12): fine-tunes `choice` for `limit` steps starting from the supernet weights `from`
   * (fresh Adam state, the same learning rate, and a batch order that is the same for every call), so every
   * candidate of a protocol gets identical post-derivation training. Returns the derived network.
   */
  fineTuneChoice(choice: ArchChoice, from: Map<string, Float32Array>, limit: PhaseLimit, tag: string): { graph: NetworkGraph; mappings: Map<string, LayerMapping>; steps: number } {
    this.net.restore(from, this.settings.weightLr);
    const saved = this.train;
    this.train = new BatchStream(this.data.nTrain, this.settings.seed, 'fine-tune-order');
    let steps = 0;
    try {
      while (steps < limit.maxSteps && this.clock.now() < limit.deadlineS) {
        const loss = this.weightStep(choice);
        steps += 1;
        this.ticker.tick(() => `${tag}: fine-tune step ${steps}, train CE ${loss.toFixed(3)}`);
      }
    } finally {
      this.train = saved;
    }
    const graph = deriveGraph(this.plan, choice, (l, k) => {
      const w = this.net.hostWeights(l, k);
      return { weights: w.weights.slice(), bias: w.bias.slice() };
    });
    return { graph, mappings: deriveMappings(this.plan, choice), steps };
  }

  /**
   * Protocol hook (issue 12), the random-search score: mean non-ideal CE of `choice` with the current
   * supernet weights on the first `archBatch` architecture-step images and one chip (`chipSeed`) — the same
   * images and chip for every architecture scored (common random numbers).
   */
  async validationLoss(choice: ArchChoice, nonIdeal: NonIdealFn, chipSeed: number): Promise<number> {
    const n = Math.min(this.settings.archBatch, this.data.nVal);
    const x = this.data.valImages.subarray(0, n * this.per);
    const y = this.data.valLabels.subarray(0, n);
    const graph = deriveGraph(this.plan, choice, this.weightsOf);
    const out = await nonIdeal({ graph, mappings: deriveMappings(this.plan, choice), images: x, n, seed: chipSeed });
    const ce = crossEntropyPerSample(out, y, n, this.probabilities);
    return ce.reduce((a, b) => a + b, 0) / n;
  }

  /** One architecture step; returns the mean CE of its samples. */
  private async archStep(o: {
    alphas: Float64Array[];
    adam: ArchAdam;
    rng: Rng;
    lambda: number;
    table: HardwareTable;
    nonIdeal: NonIdealFn;
    step: number;
    ema: number | undefined;
  }): Promise<number> {
    const s = this.settings;
    const { x, y } = gather(this.data.valImages, this.data.valLabels, this.val.next(s.archBatch), this.per);
    // One chip instance per step, shared by the step's samples (common random numbers lower the variance).
    const chipSeed = deriveSeed(s.seed, 'arch-chip', o.lambda, o.step);
    const ces: number[] = [];
    const archs: number[][] = [];
    for (let m = 0; m < s.archSamples; m++) {
      const arch = sampleArch(o.alphas, o.rng);
      const graph = deriveGraph(this.plan, arch, this.weightsOf);
      const mappings = deriveMappings(this.plan, arch);
      let floatLayers: Set<string> | undefined;
      if (s.nonIdealFraction < 1) {
        const names = matrixNodes(graph).map((n) => n.name);
        const keep = Math.max(1, Math.round(s.nonIdealFraction * names.length));
        // Seeded partial Fisher–Yates: the first `keep` names run non-ideally.
        for (let i = 0; i < keep; i++) {
          const j = i + Math.floor(o.rng.uniform() * (names.length - i));
          [names[i], names[j]] = [names[j]!, names[i]!];
        }
        floatLayers = new Set(names.slice(keep));
      }
      const out = await o.nonIdeal({ graph, mappings, images: x, n: y.length, seed: chipSeed, floatLayers });
      const ce = crossEntropyPerSample(out, y, y.length, this.probabilities);
      ces.push(ce.reduce((a, b) => a + b, 0) / y.length);
      archs.push(arch);
    }
    const hw = hardwareTerm(this.plan, o.table, o.alphas);
    const grads = o.alphas.map((a, i) => {
      const g = new Float64Array(a.length);
      const h = hw.grad[i]!;
      for (let j = 0; j < a.length; j++) g[j] = o.lambda * h[j]!;
      return g;
    });
    const M = archs.length;
    archs.forEach((arch, m) => {
      const baseline = M >= 2 ? (ces.reduce((a, b) => a + b, 0) - ces[m]!) / (M - 1) : (o.ema ?? ces[m]!);
      const r = reinforceGrad(this.plan, o.alphas, arch, ces[m]! - baseline);
      r.forEach((gi, i) => {
        for (let j = 0; j < gi.length; j++) grads[i]![j]! += gi[j]! / M;
      });
    });
    o.adam.step(o.alphas, grads);
    return ces.reduce((a, b) => a + b, 0) / M;
  }

  /** Path probabilities per layer (for reports). */
  probabilitiesOf(alphas: readonly Float64Array[]): Float64Array[] {
    return alphas.map(softmax);
  }

  dispose(): void {
    this.net.dispose();
  }
}
