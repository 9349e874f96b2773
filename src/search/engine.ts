/**
 * The search loop (reference §5.9): warm-up of the supernet on uniformly sampled paths, then per λ
 * alternating weight steps (ideal forward of a path sampled from softmax(α)) and architecture steps
 * (validation batch through the NON-IDEAL simulator, REINFORCE or binary gates + exact hardware gradient,
 * Adam on α), argmax, the larger-kernel check, and fine-tuning of the chosen path. The clock is injected (`now`, seconds) and checked between
 * steps; each phase ends at its step cap or its deadline, whichever comes first, and what was found so
 * far is returned. No I/O.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerMapping } from '../config/mapping.js';
import type { ArchGradient, SearchSpace } from '../config/search-space.js';
import type { NetworkGraph } from '../model/graph.js';
import { matrixNodes } from '../model/graph.js';
import { Rng, deriveSeed } from '../xbar/rng.js';
import {
  ArchAdam,
  type HardwareTable,
  argmaxArch,
  binaryGateGrad,
  hardwareOfChoice,
  hardwareTerm,
  meanEntropy,
  reinforceGrad,
  rescalePairs,
  sampleArch,
  sampleTwoPaths,
  softmax,
  uniformArch,
} from './arch.js';
import type { HardwarePrice } from './hardware.js';
import { deriveGraph, deriveMappings } from './derive.js';
import { crossEntropyPerSample, outputIsSoftmax, top1Correct } from './forward.js';
import { type ArchChoice, type MixedLayer, type SearchPlan, describeChoice, kernelsOf } from './plan.js';
import { type PairedCheck, type PairedRule, describePairedCheck } from './pareto.js';
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
  /** Architectures sampled per architecture step (leave-one-out baseline when ≥ 2; binary gates: always 2). */
  readonly archSamples: number;
  /** Accuracy-term estimator. Default 'reinforce'. */
  readonly gradient?: ArchGradient;
  /** Same chip and non-ideal layer subset for every sample of a step. Default true. */
  readonly commonRandomNumbers?: boolean;
  /** Initial α per mixed layer (warm start, arch.ts initialAlphas). Default all zero. */
  readonly prior?: readonly Float64Array[];
  /** Larger-kernel rule after the argmax. Default 'keep'. */
  readonly largerKernels?: 'paired' | 'keep';
  /**
   * Costlier-op rule after the larger-kernel rule: with `costOnly` given and 'paired', a layer whose op differs
   * from the cost-only optimum's keeps it only when that lowers the measured CE + λ·hardware. Default 'keep'.
   */
  readonly costlierOps?: 'paired' | 'keep';
  /**
   * Smaller-crossbar rule after the costlier-op rule: with 'paired', units of layers whose move costs the same are
   * tested against their next-smaller crossbar (same kernel; from two or more sizes above `smallerCrossbarTarget`,
   * against it — such units first all together, and alone only if that keeps them — and one size at a time from
   * where they are when their test keeps them; when such a jump moves them, the size it skipped next, where that
   * costs less),
   * largest crossbar first, and move when that lowers the measured CE + λ·hardware, again from there while it
   * pays (checkSmallerCrossbars). Default 'keep'.
   */
  readonly smallerCrossbars?: 'paired' | 'keep';
  /**
   * The smaller-crossbar rule's target (`smallerCrossbars: toReference`: the selection reference's crossbar): a
   * layer on a larger crossbar is compared with the same kernel on this one directly, not on the next-smaller
   * size. Default none (one size at a time).
   */
  readonly smallerCrossbarTarget?: number;
  /** The cost-only optimum (cost-descent.ts), the costlier-op rule's fallback. */
  readonly costOnly?: ArchChoice;
  /**
   * Validation images of every paired comparison of the derivation rules: the last ones of the architecture-step
   * split, held out of the architecture steps (at most half the split). Default 100.
   */
  readonly kernelCheckImages?: number;
}

/**
 * Engine settings from the search space (the caller supplies the split size, the warm-start prior and, for
 * `smallerCrossbars: toReference`, the selection reference's crossbar).
 */
export function engineSettingsOf(
  space: SearchSpace, nVal: number, warm?: { readonly alphas: readonly Float64Array[]; readonly costOnly: ArchChoice }, referenceCrossbar?: number,
): EngineSettings {
  if (space.smallerCrossbars === 'toReference' && referenceCrossbar === undefined) {
    throw new Error('smallerCrossbars: toReference without a selection reference crossbar');
  }
  return {
    seed: space.seed, batchSize: space.batchSize, archEvery: space.archEvery, archLr: space.archLr, weightLr: space.weightLr,
    archBatch: Math.min(space.archBatch, nVal), nonIdealFraction: space.nonIdealFraction, archSamples: 2,
    gradient: space.gradient, commonRandomNumbers: space.commonRandomNumbers, largerKernels: space.largerKernels,
    costlierOps: space.costlierOps, smallerCrossbars: space.smallerCrossbars === 'keep' ? 'keep' : 'paired', kernelCheckImages: space.kernelCheckImages,
    ...(space.smallerCrossbars === 'toReference' ? { smallerCrossbarTarget: referenceCrossbar } : {}),
    ...(warm ? { prior: warm.alphas, costOnly: warm.costOnly } : {}),
  };
}

/** Chip instances of each paired comparison (the same chips for both sides). */
export const PAIRED_CHECK_CHIPS = 2;
/**
 * Tests of the smaller-crossbar rule a search phase keeps time for, beside the group comparisons (nax
 * assumption). On the fixture's 15-minute, two-core runs a phase's check time (at most 60 % of it) holds the two
 * group comparisons and one or two tests more at 100 check images, which the costlier-op rule's single-layer
 * tests and this rule's units share. With `smallerCrossbars: toReference` the union of the units two or more
 * sizes above the reference is the first of them: when it is refused, the last such unit's own test may not fit.
 */
export const SMALLER_CROSSBAR_TESTS = 2;
/**
 * Fewest validation images a paired comparison runs on: below ~50 a gain must be ≥ 4 images out of 50 to
 * clear the interval at all (nax assumption); with a smaller split the rules do not test.
 */
const MIN_PAIRED_CHECK_IMAGES = 50;

function revertAllOf(a: readonly number[], idx: readonly number[], revertOf: (i: number) => number): number[] {
  const b = [...a];
  for (const i of idx) b[i] = revertOf(i);
  return b;
}

/**
 * The op of `layer` with `op`'s kernel on the nearest crossbar of the space below it (`side` -1) or above it (+1);
 * -1 for none.
 */
function nearestCrossbarOp(layer: MixedLayer, op: MixedLayer['ops'][number], side: -1 | 1): number {
  if (op.kind !== 'path') return -1;
  let best = -1;
  let bestCrossbar = 0;
  layer.ops.forEach((o, j) => {
    if (o.kind !== 'path' || o.kernel !== op.kernel || Math.sign(o.crossbar - op.crossbar) !== side) return;
    if (best < 0 || Math.abs(o.crossbar - op.crossbar) < Math.abs(bestCrossbar - op.crossbar)) [best, bestCrossbar] = [j, o.crossbar];
  });
  return best;
}

/**
 * Per op of a layer: the op with the same kernel on the next-smaller crossbar of the space (-1 for none and for
 * the zero op), the smaller-crossbar rule's alternative. With a `target` crossbar, an op on a larger one has the
 * same kernel on the target as its alternative (when the layer has that op): one test spans the sizes between.
 */
export function smallerCrossbarOps(layer: MixedLayer, target?: number): number[] {
  return layer.ops.map((op) => {
    if (op.kind === 'path' && target !== undefined && op.crossbar > target) {
      const t = layer.ops.findIndex((o) => o.kind === 'path' && o.kernel === op.kernel && o.crossbar === target);
      if (t >= 0) return t;
    }
    return nearestCrossbarOp(layer, op, -1);
  });
}

/**
 * Per op of a layer: the op with the same kernel on the next-larger crossbar of the space (-1 for none and for the
 * zero op): where a layer a jump to the target moved tries one size back (checkSmallerCrossbars).
 */
export function largerCrossbarOps(layer: MixedLayer): number[] {
  return layer.ops.map((op) => nearestCrossbarOp(layer, op, 1));
}

/** An architecture's measured outcome on the derivation rules' check images and chips (per chip, per image). */
export interface CheckOutcome {
  readonly arch: readonly number[];
  readonly correct: readonly Uint8Array[];
  readonly ce: readonly Float64Array[];
}

/** What a derivation rule made of an architecture: the choice and its checks. */
export interface RuleResult {
  readonly choice: number[];
  readonly checks: PairedCheck[];
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
  /** Hardware term of the chosen architecture (1 = committed) at the price the derivation rules used: `priceOf`, or the relaxed term. */
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
  /** The argmax before the larger-kernel rule (equal to `choice` when nothing was reverted). */
  readonly argmax: ArchChoice;
  /** The derivation rules' paired comparisons, in order (empty when the rules are off or had nothing to test). */
  readonly pairedChecks: readonly PairedCheck[];
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
  /**
   * Images held out of the architecture steps for the derivation rules' paired checks: the architecture-step
   * split's last ones, so α is not fitted on them (0 when no rule can test, or fewer than MIN_PAIRED_CHECK_IMAGES).
   */
  readonly heldOutImages: number;
  /** Check forwards (one architecture, every check image and chip) of the group comparisons per λ: two per rule. */
  readonly groupForwards: number;
  /**
   * Check forwards each λ's phase keeps time for: the group comparisons', and the smaller-crossbar rule's first
   * SMALLER_CROSSBAR_TESTS tests.
   */
  readonly reservedForwards: number;
  /** Whether the smaller-crossbar rule can test: it is on, and some layer has a smaller crossbar in the space. */
  private readonly smallerRule: boolean;
  /** Per mixed layer and op, the smaller-crossbar rule's alternative (smallerCrossbarOps). */
  private readonly smallerOf: readonly number[][];
  /** Per mixed layer and op, the next-smaller crossbar's op: the alternative after a refused jump to the target. */
  private readonly nextSmallerOf: readonly number[][];
  /** Per mixed layer and op, the next-larger crossbar's op: the size a jump to the target skipped, tried after it. */
  private readonly nextLargerOf: readonly number[][];
  /** Images the checks run on: the held-out slice's last ones, fixed once per run (useCheckImages). */
  private checkImages: number;
  /**
   * Wall seconds of a check forward per image and chip, the chips run side by side (on a worker pool, less than one
   * chip's own time): the caller's estimate, then as last measured. Only the checks' time budget uses it.
   */
  private checkImageS = 0;
  /**
   * Measured check outcomes by architecture, valid for one simulator, λ (its chips) and set of weights: dropped
   * when any of them changes (a weight step or restore, as at the start of every λ).
   */
  private outcomes?: { readonly nonIdeal: NonIdealFn; readonly lambda: number; readonly weights: number; readonly byArch: Map<string, CheckOutcome> };

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
    // A rule can test only where its choice can differ from its fallback: larger kernels exist in the space, or a
    // cost-only optimum is given.
    const kernelRule = settings.largerKernels === 'paired' && plan.layers.some((l) => l.ops.some((op) => op.kind === 'path' && op.kernel > l.committedKernel));
    const opRule = settings.costlierOps === 'paired' && settings.costOnly !== undefined;
    this.smallerOf = plan.layers.map((l) => smallerCrossbarOps(l, settings.smallerCrossbarTarget));
    this.nextSmallerOf = plan.layers.map((l) => smallerCrossbarOps(l));
    this.nextLargerOf = plan.layers.map((l) => largerCrossbarOps(l));
    this.smallerRule = settings.smallerCrossbars === 'paired' && this.smallerOf.some((alt) => alt.some((j) => j >= 0));
    this.groupForwards = 2 * ((kernelRule ? 1 : 0) + (opRule ? 1 : 0));
    this.reservedForwards = this.groupForwards + (this.smallerRule ? SMALLER_CROSSBAR_TESTS : 0);
    const held = this.reservedForwards > 0 ? Math.min(settings.kernelCheckImages ?? 100, Math.floor(data.nVal / 2)) : 0;
    this.heldOutImages = held >= MIN_PAIRED_CHECK_IMAGES ? held : 0;
    this.checkImages = this.heldOutImages;
    this.val = new BatchStream(data.nVal - this.heldOutImages, settings.seed, 'val-order');
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

  /**
   * Fixes the checks' image count for the run (at most the held-out slice; below MIN_PAIRED_CHECK_IMAGES the rules
   * do not test) and the estimated seconds per image and chip of a check forward, until one is measured.
   */
  useCheckImages(n: number, secondsPerImageChip: number): void {
    const m = Math.min(Math.max(0, Math.floor(n)), this.heldOutImages);
    this.checkImages = m >= MIN_PAIRED_CHECK_IMAGES ? m : 0;
    if (this.checkImageS === 0) this.checkImageS = secondsPerImageChip;
  }

  /** The check outcomes measured so far with this simulator, λ and weights (a fresh map when any differs). */
  private checkOutcomes(nonIdeal: NonIdealFn, lambda: number): Map<string, CheckOutcome> {
    const c = this.outcomes;
    const weights = this.net.weightsVersion;
    if (c && c.nonIdeal === nonIdeal && c.lambda === lambda && c.weights === weights) return c.byArch;
    this.outcomes = { nonIdeal, lambda, weights, byArch: new Map() };
    return this.outcomes.byArch;
  }

  /** Images the checks run on (0: the rules do not test). */
  get checkImageCount(): number {
    return this.checkImages;
  }

  /** Wall seconds of a check forward per image and chip (checkImageS): as last measured, else the caller's estimate (0 without). */
  get checkImageSeconds(): number {
    return this.checkImageS;
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
    /**
     * What the derivation rules price an architecture at, and the result's `hardware`: `nax search` passes
     * hardware.ts exactHardwarePrice (the exact cost model, whole tiles). Without it, the table's relaxed term —
     * the one the architecture steps' gradient always uses.
     */
    priceOf?: HardwarePrice;
    nonIdeal: NonIdealFn;
    search: PhaseLimit;
    fineTune: PhaseLimit;
  }): Promise<LambdaResult> {
    const { lambda, table } = o;
    const priceOf: HardwarePrice = o.priceOf ?? ((a) => hardwareOfChoice(this.plan, table, a));
    const s = this.settings;
    if (this.warmSnapshot) this.net.restore(this.warmSnapshot, s.weightLr);
    const alphas = this.plan.layers.map((l, i) => (s.prior?.[i] ? Float64Array.from(s.prior[i]!) : new Float64Array(l.ops.length)));
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
    const argmax = argmaxArch(alphas);
    // The rules run in turn on one set of check images and chips, each starting from the previous one's choice;
    // an architecture already measured for this λ is not measured again (checkOutcomes). Single-layer tests leave
    // time for what follows: the costlier-op rule's group comparison, then the smaller-crossbar rule's first tests.
    const opRuleOn = s.costlierOps === 'paired' && s.costOnly !== undefined;
    const smallerOn = this.smallerRule;
    const kernelRule = s.largerKernels === 'paired'
      ? await this.checkLargerKernels(argmax, o.nonIdeal, lambda, o.fineTune.deadlineS, (opRuleOn ? 2 : 0) + (smallerOn ? SMALLER_CROSSBAR_TESTS : 0))
      : { choice: argmax, checks: [] };
    const opRule = opRuleOn
      ? await this.checkCostlierOps(kernelRule.choice, s.costOnly!, table, o.nonIdeal, lambda, o.fineTune.deadlineS, { reserveForwards: smallerOn ? SMALLER_CROSSBAR_TESTS : 0, priceOf })
      : { choice: kernelRule.choice, checks: [] };
    // A layer the costlier-op rule compared alone (either way) is not tested again.
    const measured = new Set(opRule.checks.filter((c) => c.layers.length === 1).map((c) => c.layers[0]!));
    const smaller = smallerOn
      ? await this.checkSmallerCrossbars(opRule.choice, table, o.nonIdeal, lambda, o.fineTune.deadlineS, { measured, priceOf })
      : { choice: opRule.choice, checks: [] };
    const choice = smaller.choice;
    const pairedChecks = [...kernelRule.checks, ...opRule.checks, ...smaller.checks];
    const hardware = priceOf(choice);
    for (const c of pairedChecks) this.ticker.tick(() => `${tag}: ${describePairedCheck(c, lambda)}`, true);
    const weightsAfterSearch = this.net.snapshot();
    this.ticker.tick(() => `${tag}: chose ${describeChoice(this.plan, choice, true) || 'the committed architecture'} (hw ${hardware.toFixed(3)})`, true);

    const ft = this.fineTune(choice, o.fineTune, tag);
    if (ft.stoppedOnTime) stoppedOnTime = true;
    const fineTuneSteps = ft.steps;
    const { graph, mappings } = this.derive(choice);
    return {
      lambda,
      alphas: alphas.map((a) => a.slice()),
      trajectory,
      choice,
      archSteps,
      searchWeightSteps: weightSteps,
      fineTuneSteps,
      graph,
      mappings,
      hardware,
      valCe: recentCe.length ? recentCe.reduce((a, b) => a + b, 0) / recentCe.length : NaN,
      stoppedOnTime,
      weightsAfterSearch,
      argmax,
      pairedChecks,
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
    let steps: number;
    try {
      steps = this.fineTune(choice, limit, tag).steps;
    } finally {
      this.train = saved;
    }
    return { ...this.derive(choice), steps };
  }

  /** Weight steps on the fixed path `choice` until the step cap or the deadline, whichever comes first. */
  private fineTune(choice: ArchChoice, limit: PhaseLimit, tag: string): { steps: number; stoppedOnTime: boolean } {
    let steps = 0;
    while (steps < limit.maxSteps) {
      if (this.clock.now() >= limit.deadlineS) return { steps, stoppedOnTime: true };
      const loss = this.weightStep(choice);
      steps += 1;
      this.ticker.tick(() => `${tag}: fine-tune step ${steps}, train CE ${loss.toFixed(3)}`);
    }
    return { steps, stoppedOnTime: false };
  }

  /** The derived network of `choice` with copies of the supernet's current weights, and its mapping. */
  private derive(choice: ArchChoice): { graph: NetworkGraph; mappings: Map<string, LayerMapping> } {
    const graph = deriveGraph(this.plan, choice, (l, k) => {
      const w = this.net.hostWeights(l, k);
      return { weights: w.weights.slice(), bias: w.bias.slice() };
    });
    return { graph, mappings: deriveMappings(this.plan, choice) };
  }

  /**
   * Protocol hook (issue 12), the random-search score: mean non-ideal CE of `choice` with the current
   * supernet weights on the first `archBatch` architecture-step images and one chip (`chipSeed`) — the same
   * images and chip for every architecture scored (common random numbers).
   */
  async validationLoss(choice: ArchChoice, nonIdeal: NonIdealFn, chipSeed: number): Promise<number> {
    const n = Math.min(this.settings.archBatch, this.data.nVal - this.heldOutImages);
    const x = this.data.valImages.subarray(0, n * this.per);
    const y = this.data.valLabels.subarray(0, n);
    const graph = deriveGraph(this.plan, choice, this.weightsOf);
    const out = await nonIdeal({ graph, mappings: deriveMappings(this.plan, choice), images: x, n, seed: chipSeed });
    const ce = crossEntropyPerSample(out, y, n, this.probabilities);
    return ce.reduce((a, b) => a + b, 0) / n;
  }

  /**
   * The larger-kernel rule: layers whose chosen kernel exceeds the committed one keep it only when that pays
   * in non-ideal validation accuracy (pairedRule). A reverted layer keeps its crossbar size. Single-layer tests
   * leave time for `reserveForwards` more check forwards before the deadline.
   */
  async checkLargerKernels(arch: ArchChoice, nonIdeal: NonIdealFn, lambda: number, deadlineS: number, reserveForwards = 0): Promise<RuleResult> {
    const revertOf = (i: number): number => {
      const l = this.plan.layers[i]!;
      const op = l.ops[arch[i]!]!;
      if (op.kind !== 'path' || op.kernel <= l.committedKernel) return -1;
      return l.ops.findIndex((x) => x.kind === 'path' && x.kernel === l.committedKernel && x.crossbar === op.crossbar);
    };
    const kernels = kernelsOf(this.plan, arch);
    const larger = this.plan.layers.map((_, i) => i).filter((i) => revertOf(i) >= 0 && kernels.get(this.plan.layers[i]!.name) !== 'zero');
    return this.pairedRule({ rule: 'largerKernels', arch, eligible: larger, fallbackOf: revertOf, nonIdeal, lambda, deadlineS, reserveForwards, untested: 'fallBack' });
  }

  /**
   * The costlier-op rule: a layer whose op is not the cost-only optimum's keeps it only when that pays in the
   * search objective's form, measured rather than estimated: mean non-ideal validation CE (every layer non-ideal,
   * as candidates are evaluated; architecture steps run `nonIdealFraction` of them) + λ·hardware on the same
   * images and chips (pairedRule with `hardwareOf`: `priceOf`, default the table's relaxed term); otherwise it takes
   * the cost-only op. Alone, a layer moves only
   * when that lowers the hardware term (without skipped blocks the group move lands on the cost-only optimum
   * itself). Skipped blocks (the zero op) stay skipped: they cost less than any op. Without time for a comparison
   * the argmax stands.
   */
  async checkCostlierOps(
    arch: ArchChoice, costOnly: ArchChoice, table: HardwareTable, nonIdeal: NonIdealFn, lambda: number, deadlineS: number,
    o: { readonly reserveForwards?: number; readonly priceOf?: HardwarePrice } = {},
  ): Promise<RuleResult> {
    const hardwareOf = o.priceOf ?? ((a: ArchChoice) => hardwareOfChoice(this.plan, table, a));
    const reserveForwards = o.reserveForwards ?? 0;
    // Layers of a skipped block (the zero op) stay skipped: their op changes nothing.
    const kernels = kernelsOf(this.plan, arch);
    const differing = this.plan.layers.map((_, i) => i)
      .filter((i) => arch[i] !== costOnly[i] && kernels.get(this.plan.layers[i]!.name) !== 'zero');
    return this.pairedRule({
      rule: 'costlierOps', arch, eligible: differing, fallbackOf: (i) => costOnly[i]!, nonIdeal, lambda, deadlineS, reserveForwards, untested: 'stand',
      hardwareOf,
      alone: (alt, cur) => hardwareOf(alt) < hardwareOf(cur),
    });
  }

  /**
   * The smaller-crossbar rule. The two rules before it only ever move a layer to a cheaper or the committed op,
   * and tens of architecture steps do not move α far from its warm start, so without it no candidate goes below
   * the committed crossbar size where accuracy needs it and the cost model charges for it (on the fixture,
   * 32×32 arrays lose less to IR drop and ADC clipping than 64×64 ones; under pumaAdc delay with always-on
   * leakage they cost more). Where the smaller crossbar is the cheaper one (the default cost model), the same
   * test is a cost-saving move priced by the CE it loses. Layers whose move has the same cost-table entries
   * before and after (same energy, delay and area: in practice the same matrix shape and op, the convolutions of
   * a ResNet stage) move together, one test per such unit, so the few tests a phase holds cover the network
   * rather than a few of its layers. Order: the largest crossbar first — IR drop and ADC clipping grow with the
   * array, so that is where a layer loses most (on the fixture under pumaAdc delay and always-on leakage the
   * committed network keeps 68 % on 128×128, 93.5 % on 64×64 and 96 % on 32×32 of the selection split), and a
   * cheapest-first order spends the phase's few tests on the units whose move costs nothing before it reaches
   * them; then the cheapest unit (the smallest λ·Δhardware to earn back). A unit moves to the same kernel on the
   * next-smaller crossbar (from two or more sizes above `smallerCrossbarTarget`, on the target itself — two or more
   * such units first all together, and each alone only if the union stays, so a unit the union moved is not
   * tested alone; a unit that stays after such a test goes on one size at a time from where it is, in the next
   * round) only when that lowers the measured mean non-ideal CE + λ·hardware on the check images and chips (a tie
   * keeps it), and the next test starts from there (hardware: `priceOf`, default the table's relaxed term; a single
   * move can fill or free a whole tile, which only the exact price sees). A unit such a jump moved tries the size it
   * skipped, first in the next round and once, where that costs less than the target (under pumaAdc delay and
   * always-on leakage 64×64 costs less than 32×32; on the fixture's default cost table it costs more), and moves
   * back up only when that lowers the same objective. The units that moved down, and those that stayed on the
   * target after trying the size back, are tested again from their crossbar, in rounds, while it pays and the time
   * lasts (one size per round: a layer descends as far as the measured objective takes it). The union is a round
   * of its own: the round after it prices its units on the architecture the union left, and the units the union
   * moved that do not try the size back wait one more round, so every other unit's first test comes before theirs.
   * Layers the costlier-op rule compared alone (`measured`) stay where that put them; skipped blocks are not
   * tested; tests run while they fit before the deadline, and untested layers stand.
   */
  async checkSmallerCrossbars(
    arch: ArchChoice, table: HardwareTable, nonIdeal: NonIdealFn, lambda: number, deadlineS: number,
    o: { readonly measured?: ReadonlySet<string>; readonly priceOf?: HardwarePrice } = {},
  ): Promise<RuleResult> {
    const hardwareOf = o.priceOf ?? ((a: ArchChoice) => hardwareOfChoice(this.plan, table, a));
    const measured = o.measured ?? new Set<string>();
    const kernels = kernelsOf(this.plan, arch);
    const costKey = (i: number, j: number) => {
      const c = table.ops[i]!;
      return `${c.energyJ[j]},${c.delayS[j]},${c.areaMm2[j]}`;
    };
    const crossbarOf = (i: number, j: number) => {
      const op = this.plan.layers[i]!.ops[j]!;
      return op.kind === 'path' ? op.crossbar : 0;
    };
    let choice: number[] = [...arch];
    const checks: PairedCheck[] = [];
    // Round 1: every layer the rule may move (the union of the jump units first, as a round of its own); each later
    // round: the layers the round before moved down, those their own test against the target kept (from then on one
    // size at a time), and those that stayed on the target after trying the size back.
    let open = this.plan.layers.map((_, i) => i)
      .filter((i) => kernels.get(this.plan.layers[i]!.name) !== 'zero' && !measured.has(this.plan.layers[i]!.name));
    // Layers that stayed after a test against the target: from then on one size at a time, so the sizes between
    // get their test (a layer that loses on 32×32 may still gain on 64×64 what it loses on 128×128).
    const stepwise = new Set<number>();
    // Layers a jump moved to the target past a size that costs less than the target: next, that size, once (under
    // pumaAdc delay and always-on leakage 64×64 costs less than 32×32, and a jump from 128×128 never tests it).
    const climb = new Set<number>();
    let unionTested = false;
    // Layers the union moved that do not try the size back: they join the round after next (see above).
    let deferred: number[] = [];
    for (;;) {
      const cur = choice;
      const fallbackOf = (i: number) => (climb.has(i) ? this.nextLargerOf : stepwise.has(i) ? this.nextSmallerOf : this.smallerOf)[i]![cur[i]!]!;
      // A test that skips a size (toward the target).
      const isJump = (i: number) => !climb.has(i) && fallbackOf(i) !== this.nextSmallerOf[i]![cur[i]!];
      const eligible = open.filter((i) => fallbackOf(i) >= 0);
      if (eligible.length === 0) {
        if (deferred.length === 0) break;
        [open, deferred] = [deferred, []];
        continue;
      }
      const byCost = new Map<string, number[]>();
      for (const i of eligible) {
        // The crossbars too: a unit's alternative is recorded from its first layer, so equal costs on different sizes stay apart.
        const key = `${crossbarOf(i, cur[i]!)}:${costKey(i, cur[i]!)}>${crossbarOf(i, fallbackOf(i))}:${costKey(i, fallbackOf(i))}`;
        byCost.set(key, [...(byCost.get(key) ?? []), i]);
      }
      const h0 = hardwareOf(cur);
      const sorted = [...byCost.values()]
        .map((unit) => ({ unit, crossbar: crossbarOf(unit[0]!, cur[unit[0]!]!), dHw: hardwareOf(revertAllOf(cur, unit, fallbackOf)) - h0 }))
        .sort((x, y) => y.crossbar - x.crossbar || x.dHw - y.dHw || x.unit[0]! - y.unit[0]!)
        .map((u) => u.unit);
      // The size back first (the largest saving first): those layers are where the search wanted the cheapest crossbar.
      const climbing = sorted.filter((unit) => climb.has(unit[0]!));
      const rest = sorted.filter((unit) => !climb.has(unit[0]!));
      // Two or more units two or more sizes above the target (tests that skip a size): first all of them against it
      // in one test, alone (a phase holds two or three tests, and under PUMA each such unit loses accuracy; one at a
      // time, the third is not reached), then, when it moved them, the size it skipped, and when it did not, each
      // unit against the target in the next round.
      const jumps = rest.filter((unit) => isJump(unit[0]!));
      const union: number[] | undefined = !unionTested && jumps.length >= 2 ? jumps.flat().sort((a, b) => a - b) : undefined;
      unionTested ||= union !== undefined;
      const r = await this.pairedRule({
        rule: 'smallerCrossbars', arch: cur, eligible: union ?? eligible, fallbackOf, nonIdeal, lambda, deadlineS, reserveForwards: 0, untested: 'stand', hardwareOf, group: false,
        units: union ? [union] : [...climbing, ...rest], keepOnTie: true,
        alternativeCrossbar: (unit) => crossbarOf(unit[0]!, fallbackOf(unit[0]!)),
      });
      checks.push(...r.checks);
      choice = r.choice;
      // A unit a jump moved tries the size it skipped next when that costs less than the target (not on the
      // fixture's default cost table, where the smaller crossbar is the cheaper one). A jump skips a size by
      // definition, so the next-larger one lies below where the unit came from.
      const next = choice;
      for (const unit of jumps) {
        const back = (i: number) => this.nextLargerOf[i]![next[i]!]!;
        const moved = unit.every((i) => next[i] !== cur[i] && back(i) >= 0);
        if (moved && hardwareOf(revertAllOf(next, unit, back)) < hardwareOf(next)) for (const i of unit) climb.add(i);
      }
      if (union) {
        if (r.checks.length === 0) break; // no time for a test
        // Every other layer is still open: the union only moved or kept its own.
        deferred = union.filter((i) => next[i] !== cur[i] && !climb.has(i));
        open = eligible.filter((i) => !deferred.includes(i));
        continue;
      }
      const climbed = new Set(climbing.flat());
      for (const i of climbed) climb.delete(i);
      const tested = new Set(r.checks.flatMap((c) => c.layers));
      const jumpKept = eligible.filter((i) => choice[i] === cur[i] && tested.has(this.plan.layers[i]!.name) && isJump(i));
      for (const i of jumpKept) stepwise.add(i);
      // A layer that moved back up is done (its next test would undo the one just run); one that stayed goes on down.
      open = [
        ...eligible.filter((i) => (climbed.has(i) ? choice[i] === cur[i] && tested.has(this.plan.layers[i]!.name) : choice[i] !== cur[i] || jumpKept.includes(i))),
        ...deferred,
      ].sort((a, b) => a - b);
      deferred = [];
    }
    return { choice, checks };
  }

  /**
   * The derivation rules' common test: the chosen ops of the `eligible` layers keep their place only when that
   * pays under non-idealities against `fallbackOf(i)`, paired: the same held-out validation images (the run's
   * fixed count, useCheckImages) and the same chips for both and for every rule (`hardwareOf` says what paying
   * means), so an architecture is measured once per λ (checkOutcomes). With `group` (the default),
   * first all eligible layers together, against all fallbacks: this comparison decides the common case; it starts
   * when its forwards (two, one when the chosen side is already measured) fit before the deadline on the
   * estimated cost (the caller keeps their time, schedule.ts pairedCheckS) and then completes. When the group
   * pays (or without a group), each layer alone (or each of `units`) against its fallback, in order (only where
   * `alone` allows the move), while a test fits before the deadline with `reserveForwards` more forwards after it
   * (an alternative already measured needs no time). With no check images (< MIN_PAIRED_CHECK_IMAGES) or no time for the
   * first comparison, `untested` decides: larger kernels fall back (their cost is certain, the committed kernel is
   * known to work), other ops stand (the cost-only optimum is not known to work: on the fixture under pumaAdc
   * delay and always-on leakage it loses 6–8 pp). The same holds for layers whose own test no longer fits after
   * the group paid: larger kernels fall back, costlier ops stay on the group's evidence.
   */
  private async pairedRule(o: {
    rule: PairedRule;
    arch: ArchChoice;
    eligible: readonly number[];
    fallbackOf: (i: number) => number;
    nonIdeal: NonIdealFn;
    lambda: number;
    deadlineS: number;
    /** Check forwards (one architecture on every check image and chip) to leave time for after a single-layer test: what the next rules need. */
    reserveForwards: number;
    /** Without time for the first comparison: take the fallbacks, or let the chosen ops stand. */
    untested: 'fallBack' | 'stand';
    /**
     * What paying means. Given the normalised hardware term of an architecture: the chosen ops lower the
     * search's objective, mean non-ideal CE + λ·hardware, on these images and chips. Without it: Δ accuracy's
     * 95 % interval is above 0.
     */
    hardwareOf?: (a: readonly number[]) => number;
    alone?: (alt: readonly number[], cur: readonly number[]) => boolean;
    /** Whether the group comparison comes first. Default true. */
    group?: boolean;
    /**
     * The layers tested together after the group, in order (each a subset of `eligible`; they may overlap: a unit
     * whose layers an earlier one already moved is skipped). Default each alone.
     */
    units?: readonly (readonly number[])[];
    /**
     * The chosen ops stay unless the fallback lowers the objective (a tie or an undefined objective keeps them):
     * for a fallback that is not known to be cheaper or to work. Default false (the fallback wins ties).
     */
    keepOnTie?: boolean;
    /** The crossbar a unit's alternative is on, recorded with its check (smallerCrossbars). */
    alternativeCrossbar?: (unit: readonly number[]) => number;
  }): Promise<RuleResult> {
    const choice = [...o.arch];
    const { eligible, fallbackOf } = o;
    if (eligible.length === 0) return { choice, checks: [] };
    const cache = this.checkOutcomes(o.nonIdeal, o.lambda);
    const keyOf = (a: readonly number[]) => a.join(',');
    const fallBack = (a: readonly number[], idx: readonly number[]) => revertAllOf(a, idx, fallbackOf);
    const n = this.checkImages;
    const untested = () => (o.untested === 'fallBack' ? fallBack(choice, eligible) : choice);
    // The first comparison (two forwards, one when the chosen side is already measured) starts only when it fits
    // before the deadline, on the estimated cost.
    const group = o.group ?? true;
    const forwardS = this.checkImageS * n * PAIRED_CHECK_CHIPS;
    const firstForwards = (cache.has(keyOf(choice)) ? 0 : 1) + 1;
    if (n < MIN_PAIRED_CHECK_IMAGES || this.clock.now() + firstForwards * forwardS > o.deadlineS) return { choice: untested(), checks: [] };
    const lo = this.data.nVal - n;
    const x = this.data.valImages.subarray(lo * this.per, this.data.nVal * this.per);
    const y = this.data.valLabels.subarray(lo);
    const seeds = Array.from({ length: PAIRED_CHECK_CHIPS }, (_, c) => deriveSeed(this.settings.seed, 'paired-check', o.lambda, c));
    const outcomeOf = async (a: readonly number[]): Promise<CheckOutcome> => {
      const hit = cache.get(keyOf(a));
      if (hit) return hit;
      const t0 = this.clock.now();
      const graph = deriveGraph(this.plan, a, this.weightsOf);
      const mappings = deriveMappings(this.plan, a);
      // The chips run at once (side by side on a worker pool).
      const outs = await Promise.all(seeds.map((seed) => o.nonIdeal({ graph, mappings, images: x, n, seed })));
      const correct = outs.map((out) => top1Correct(out, y, n));
      const ce = outs.map((out) => crossEntropyPerSample(out, y, n, this.probabilities));
      this.checkImageS = (this.clock.now() - t0) / (n * seeds.length);
      const outcome = { arch: [...a], correct, ce };
      cache.set(keyOf(a), outcome);
      return outcome;
    };
    const checks: PairedCheck[] = [];
    const compare = (chosen: CheckOutcome, fallback: CheckOutcome, layers: readonly number[]): PairedCheck => {
      const d = new Float64Array(n);
      let dCe = 0;
      for (let c = 0; c < seeds.length; c++) {
        for (let k = 0; k < n; k++) {
          d[k]! += (chosen.correct[c]![k]! - fallback.correct[c]![k]!) / seeds.length;
          dCe += chosen.ce[c]![k]! - fallback.ce[c]![k]!;
        }
      }
      dCe /= n * seeds.length;
      const { mean, half } = meanInterval(d);
      const dHw = o.hardwareOf ? o.hardwareOf(chosen.arch) - o.hardwareOf(fallback.arch) : undefined;
      const objective = dHw === undefined ? undefined : { deltaCe: dCe, deltaHardware: dHw, deltaObjective: dCe + o.lambda * dHw };
      const check: PairedCheck = {
        rule: o.rule, layers: layers.map((i) => this.plan.layers[i]!.name), deltaAccuracy: mean, ci95: [mean - half, mean + half],
        kept: !objective ? mean - half > 0 : o.keepOnTie ? !(objective.deltaObjective > 0) : objective.deltaObjective < 0, images: n, chips: seeds.length,
        ...(objective ?? {}), ...(o.alternativeCrossbar ? { alternativeCrossbar: o.alternativeCrossbar(layers) } : {}),
      };
      checks.push(check);
      return check;
    };
    let base = await outcomeOf(choice);
    const fits = () => this.clock.now() + this.checkImageS * n * seeds.length * (1 + o.reserveForwards) <= o.deadlineS;
    if (group) {
      const allFallback = await outcomeOf(fallBack(choice, eligible));
      if (!compare(base, allFallback, eligible).kept) return { choice: [...allFallback.arch], checks };
      if (eligible.length === 1) return { choice, checks };
    }
    for (const unit of o.units ?? eligible.map((i) => [i])) {
      const alt = fallBack(choice, unit);
      // Nothing to test when an earlier unit (a union of this one's) already moved its layers.
      if (keyOf(alt) === keyOf(choice)) continue;
      if (o.alone && !o.alone(alt, choice)) continue;
      if (!cache.has(keyOf(alt)) && !fits()) {
        // Larger kernels not tested alone fall back (as before the costlier-op rule); other ops stand (costlier
        // ones on the group's evidence).
        if (o.untested === 'fallBack') for (const i of unit) choice[i] = fallbackOf(i);
        continue;
      }
      const altOutcome = await outcomeOf(alt);
      if (!compare(base, altOutcome, unit).kept) {
        choice.splice(0, choice.length, ...alt);
        base = altOutcome;
      }
    }
    return { choice, checks };
  }

  /**
   * The accuracy term's gradient estimate for one architecture step (no update): paths sampled from α
   * (REINFORCE: `archSamples` paths; binary gates: a two-path sample), each run through the non-ideal
   * simulator on (x, y). With common random numbers every path sees the chip `deriveSeed(seed, 'arch-chip',
   * ...key)` and one non-ideal layer subset; without, both are redrawn per path.
   */
  async accuracyGradient(o: {
    alphas: readonly Float64Array[];
    rng: Rng;
    x: Float32Array;
    y: Int32Array;
    key: readonly (number | string)[];
    nonIdeal: NonIdealFn;
    ema?: number;
  }): Promise<{ grad: Float64Array[]; meanCe: number; paths: number[][]; ces: number[]; chips: number[]; floatLayers: (ReadonlySet<string> | undefined)[] }> {
    const s = this.settings;
    const crn = s.commonRandomNumbers ?? true;
    const names = matrixNodes(this.plan.graph).map((n) => n.name);
    const subset = (): Set<string> | undefined => {
      if (s.nonIdealFraction >= 1) return undefined;
      const v = names.slice();
      const keep = Math.max(1, Math.round(s.nonIdealFraction * v.length));
      // Seeded partial Fisher–Yates: the first `keep` names run non-ideally.
      for (let i = 0; i < keep; i++) {
        const j = i + Math.floor(o.rng.uniform() * (v.length - i));
        [v[i], v[j]] = [v[j]!, v[i]!];
      }
      return new Set(v.slice(keep));
    };
    const binary = s.gradient === 'binaryGate';
    const paths = binary ? sampleTwoPaths(o.alphas, o.rng) : Array.from({ length: s.archSamples }, () => sampleArch(o.alphas, o.rng));
    const sharedFloat = crn ? subset() : undefined;
    // Chips and layer subsets are drawn in path order first; the forwards then run at once (side by side on a
    // worker pool), and their results are read in path order.
    const chips = paths.map((_, m) => (crn ? deriveSeed(s.seed, 'arch-chip', ...o.key) : deriveSeed(s.seed, 'arch-chip', ...o.key, m)));
    const floats = paths.map(() => (crn ? sharedFloat : subset()));
    const outs = await Promise.all(paths.map((arch, m) => o.nonIdeal({
      graph: deriveGraph(this.plan, arch, this.weightsOf), mappings: deriveMappings(this.plan, arch), images: o.x, n: o.y.length, seed: chips[m]!, floatLayers: floats[m],
    })));
    const ces = outs.map((out) => crossEntropyPerSample(out, o.y, o.y.length, this.probabilities).reduce((a, b) => a + b, 0) / o.y.length);
    const M = paths.length;
    const meanCe = ces.reduce((a, b) => a + b, 0) / M;
    let grad: Float64Array[];
    if (binary) {
      grad = binaryGateGrad(this.plan, o.alphas, paths[0]!, paths[1]!, ces[0]!, ces[1]!);
    } else {
      grad = o.alphas.map((a) => new Float64Array(a.length));
      paths.forEach((arch, m) => {
        const baseline = M >= 2 ? (meanCe * M - ces[m]!) / (M - 1) : (o.ema ?? ces[m]!);
        const r = reinforceGrad(this.plan, o.alphas, arch, ces[m]! - baseline);
        r.forEach((gi, i) => {
          for (let j = 0; j < gi.length; j++) grad[i]![j]! += gi[j]! / M;
        });
      });
    }
    return { grad, meanCe, paths, ces, chips, floatLayers: floats };
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
    const acc = await this.accuracyGradient({ alphas: o.alphas, rng: o.rng, x, y, key: [o.lambda, o.step], nonIdeal: o.nonIdeal, ...(o.ema !== undefined ? { ema: o.ema } : {}) });
    const hw = hardwareTerm(this.plan, o.table, o.alphas);
    const grads = o.alphas.map((a, i) => {
      const g = new Float64Array(a.length);
      const h = hw.grad[i]!;
      const c = acc.grad[i]!;
      for (let j = 0; j < a.length; j++) g[j] = o.lambda * h[j]! + c[j]!;
      return g;
    });
    const before = s.gradient === 'binaryGate' ? o.alphas.map((a) => a.slice()) : undefined;
    o.adam.step(o.alphas, grads);
    if (before) rescalePairs(before, o.alphas, acc.paths[0]!, acc.paths[1]!);
    return acc.meanCe;
  }

  /** Path probabilities per layer (for reports). */
  probabilitiesOf(alphas: readonly Float64Array[]): Float64Array[] {
    return alphas.map(softmax);
  }

  dispose(): void {
    this.net.dispose();
  }
}

/** Mean of paired differences and the half-width of its 95 % interval (normal approximation). */
export function meanInterval(d: ArrayLike<number>): { mean: number; half: number } {
  const n = d.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += d[i]!;
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (d[i]! - m) ** 2;
  const se = n > 1 ? Math.sqrt(v / (n - 1) / n) : Infinity;
  return { mean: m, half: 1.96 * se };
}
