/**
 * `search:` section of nax.yml — the space, objective and budget of the bounded NAX re-search (issue 5).
 *
 *   search:
 *     layers: residual            # or a list of layer names; default: the 3×3 convs of residual blocks
 *     kernels: [3, 5, 7]          # odd kernel sizes tried on the searchable layers
 *     crossbars: [16, 32, 64, 128]
 *     otherLayers: crossbar       # 'crossbar': other matrix layers search their crossbar size only; 'committed': keep
 *     zeroOp: false               # true: every identity-shortcut block whose convs are searchable may be skipped;
 *                                 # or a list of the first conv of each block that may be skipped
 *     lambda: [0.5]               # hardware-loss weights; or { from: 0.1, to: 2, steps: 4 } (geometric sweep)
 *     objective: edap             # edap | energy | latency
 *     budget: 15m                 # wall time for the whole search (s, m, h; or a number of seconds)
 *     epochs: 3                   # optional cap on weight-training epochs (search + fine-tune)
 *     trainSet: { images: data/train-images.npy, labels: data/train-labels.npy, scale: 0.0039215686 }
 *     validationImages: 1000      # the last N training images are the architecture-step split (never trained on)
 *     validationSet: { images: data/val-images.npy, labels: data/val-labels.npy, scale: 0.0039215686 }
 *     selectionImages: 300        # validation images per selection evaluation (λ and the final candidate)
 *     selectionChips: 2           # simulated chips per selection evaluation
 *     evaluationImages: all       # evaluation images of the final, once-only protocol evaluation (or a number)
 *     evaluationChips: 10         # chips of the final evaluation (the protocol asks for ≥ 10)
 *     seed: 1
 *     gradient: reinforce         # or binaryGate (ProxylessNAS two-path binary gates)
 *     commonRandomNumbers: true   # one chip and one non-ideal layer subset per architecture step
 *     hardwareLoss: product       # or additive (NAX: w_E·E[energy] + w_L·E[latency] + w_A·area), edap only
 *     additiveWeights: { energy: 1, latency: 1, area: 1 }
 *     tileArea: gradient          # or frozen (shared tile area held at the committed network's)
 *     warmStart: { committed: 1, costOnly: 1 }   # initial α bonuses, nats
 *     largerKernels: paired       # or keep; kernelCheckImages: 100 (held out of the architecture steps)
 *     costlierOps: paired         # or keep: an op other than the cost-only optimum's must lower CE + λ·hardware
 *     smallerCrossbars: paired    # or keep: a layer moves to its next-smaller crossbar when that lowers CE + λ·hardware;
 *                                 # or toReference: from above the selection reference's crossbar, straight to it (then one size at a time)
 *     selectionReference: none    # or homogeneous: propose only a λ candidate as accurate on validation as the homogeneous size one would choose
 *
 * Only what can be checked without the model is checked here (ranges, units, kernel parity). What needs
 * the model — layer names, kernel size against the feature map, the zero op on a projection block — is
 * checked by `resolveSearchPlan` (src/search/plan.ts) before any work starts, with the same file and field.
 */
import path from 'node:path';
import { NaxUserError } from '../errors.js';
import { confinedPath } from '../io/files.js';
import {
  describe,
  isObject,
  optionalNumber,
  readBoolean,
  readEnum,
  readNumber,
  readString,
  rejectUnknownKeys,
  requireObject,
} from './fields.js';
import { CROSSBAR_MAX, CROSSBAR_MIN } from './mapping.js';

export type SearchObjective = 'edap' | 'energy' | 'latency';

/** Estimator of the accuracy term's gradient with respect to α (src/search/arch.ts). */
export type ArchGradient =
  /** score function over sampled paths with a leave-one-out baseline (ProxylessNAS' REINFORCE variant) */
  | 'reinforce'
  /** ProxylessNAS binary gates with two-path sampling: two distinct ops per layer, only their α move */
  | 'binaryGate';

/** How the EDAP objective's expected energy, latency and area are combined in the loss. */
export type HardwareLossForm =
  /** E[energy]·E[latency]·area (EDAP's own form) */
  | 'product'
  /** NAX: λ_E·E[energy] + λ_L·E[latency] + λ_A·area, each relative to the committed network */
  | 'additive';

/** The forms, as nax.yml's `search.hardwareLoss` and pareto.json's `protocol.hardwareLoss` accept them. */
export const HARDWARE_LOSS_FORMS: readonly HardwareLossForm[] = ['product', 'additive'];

/** Weights of the additive form (dimensionless: each term is relative to the committed network). */
export interface AdditiveWeights {
  readonly energy: number;
  readonly latency: number;
  readonly area: number;
}

/** Initial α bonuses, nats (logits added to the op a mapping chooses; 0 = none). */
export interface WarmStart {
  /** Bonus of the committed (kernel, crossbar) per layer. */
  readonly committed: number;
  /** Bonus of the cost-only optimum's op per layer (src/search/cost-descent.ts). */
  readonly costOnly: number;
}

/** How matrix layers outside `layers` take part. */
export type OtherLayersMode =
  /** their crossbar size is searched too (kernel fixed) — NAX maps every layer of the searched net */
  | 'crossbar'
  /** they keep the committed mapping */
  | 'committed';

export interface TrainSetConfig {
  /** `.npy` (or `.npy.gz`) of training images [N, H, W, C], relative to the config root. */
  readonly images: string;
  /** `.npy` (or `.npy.gz`) of integer labels [N]. */
  readonly labels: string;
  /** Factor from stored pixel values to model input. Default 1. */
  readonly scale: number;
}

export interface SearchSpace {
  /** 'residual' = the 3×3 convs of residual blocks (resolved against the model), or explicit layer names. */
  readonly layers: 'residual' | readonly string[];
  /** Kernel sizes (odd, ≥ 1) tried on searchable layers. Default [3, 5, 7] (NAX, CIFAR-10 space). */
  readonly kernels: readonly number[];
  /** Square crossbar sizes N (N×N), CROSSBAR_MIN…CROSSBAR_MAX. Default [16, 32, 64, 128] (NAX). */
  readonly crossbars: readonly number[];
  readonly otherLayers: OtherLayersMode;
  /** false, true (every identity block with searchable convs), or the first conv of each skippable block. */
  readonly zeroOp: boolean | readonly string[];
  /** λ values of the hardware term; each gives one searched candidate (shards split this list). */
  readonly lambdas: readonly number[];
  readonly objective: SearchObjective;
  /** Wall-time budget of the whole search, s. Default 900 (15 min). The CLI's --budget overrides it. */
  readonly budgetS: number;
  /** Optional cap on weight-training epochs (warm-up + search + fine-tune), over the training split. */
  readonly epochs?: number;
  /** Training data; without it the search cannot train (nax search says so). */
  readonly trainSet?: TrainSetConfig;
  /** Last N training images held out for architecture steps. Default 1000. */
  readonly validationImages: number;
  /**
   * The validation split on which λ and the final candidate are chosen (never trained on, never the
   * evaluation set). Absent: the architecture-step split (the last `validationImages` training images).
   */
  readonly validationSet?: TrainSetConfig;
  /** Validation images per selection evaluation. Default 300 (nax assumption: 3 pp resolution, seconds per candidate). */
  readonly selectionImages: number;
  /** Chips per selection evaluation. Default 2 (nax assumption). */
  readonly selectionChips: number;
  /** Images of the final protocol evaluation; 'all' = every image of the evaluation set. Default 'all'. */
  readonly evaluationImages: number | 'all';
  /** Chips of the final protocol evaluation. Default 10 (issue 12's protocol: ≥ 10 chips, same chips for every candidate). */
  readonly evaluationChips: number;
  readonly seed: number;
  /** Images per weight step. Default 64. */
  readonly batchSize: number;
  /**
   * Weight steps between architecture steps. Default 2 (ProxylessNAS uses 5; in a CI-sized budget the
   * non-ideal architecture steps are what is scarce: nax assumption).
   */
  readonly archEvery: number;
  /**
   * Adam learning rate of the architecture parameters. Default 0.05: a 15-minute budget on 2 cores fits
   * some tens of architecture steps, and 1e-3 (ProxylessNAS, thousands of steps) would leave α near
   * uniform, so the argmax would be noise (measured on the fixture: 3 steps at 0.006 chose worse than the
   * committed model). nax assumption.
   */
  readonly archLr: number;
  /**
   * Adam learning rate of the weights. Default 3e-5 (nax assumption, measured by bench/supernet-lr.ts on the
   * fixture, committed path's accuracy on the 1,000 held-out images, 93.7 % before: after 50 / 100 steps on
   * uniformly sampled kernels 93.3 / 93.3 % at 3e-5, 90.7 / 92.8 % at 1e-4, 84.9 / 91.6 % at 5e-4 — a trained,
   * BN-folded net needs small steps).
   */
  readonly weightLr: number;
  /** Validation images per architecture step. Default 64. */
  readonly archBatch: number;
  /**
   * Fraction of matrix layers run non-ideally per architecture step (a random subset, the rest in float),
   * NAX's speed-up. Default 0.5.
   */
  readonly nonIdealFraction: number;
  /**
   * Accuracy-term gradient estimator. Default 'reinforce'; 'binaryGate' is ProxylessNAS' estimator as an
   * option (bench/arch-gradient.ts measures both on the fixture).
   */
  readonly gradient: ArchGradient;
  /**
   * Common random numbers: every path sample of an architecture step sees the same chip instance and the
   * same non-ideal layer subset, so the difference of their losses is the architectures', not the chips'.
   * Default true; false redraws both per sample (the variance comparison in test/search/algo.test.ts).
   */
  readonly commonRandomNumbers: boolean;
  /** Form of the EDAP hardware term (objective: edap only). Default 'product'. */
  readonly hardwareLoss: HardwareLossForm;
  /**
   * Weights of the additive form. Default 1, 1, 1: with each term relative to the committed network, equal
   * weights make the sum the first-order expansion of log EDAP around the committed network (nax assumption).
   */
  readonly additiveWeights: AdditiveWeights;
  /**
   * 'gradient': the tiles' shared area (eDRAM, bus, router) moves with the expected MVMU count of each
   * choice (the tile count's ceiling relaxed to a fraction of a tile); 'frozen': held at the committed
   * network's value (constant, no gradient). Default 'gradient'.
   */
  readonly tileArea: 'gradient' | 'frozen';
  /**
   * Initial α: bonuses for the committed mapping and for the cost-only optimum. Default 1 nat each (with
   * 8–12 ops per layer, one nat raises an op from 1/8 to ≈ 28 %: a prior, not a decision; nax assumption).
   */
  readonly warmStart: WarmStart;
  /**
   * 'paired': after the search, a kernel larger than the committed one is kept only when a paired
   * comparison on the validation split under non-idealities shows that it gains accuracy (95 % interval
   * above 0); otherwise the layer falls back to the committed kernel with the chosen crossbar. 'keep': the
   * argmax stands. Default 'paired' (larger kernels cost rows, cycles and area for sure; their gain must be shown).
   */
  readonly largerKernels: 'paired' | 'keep';
  /**
   * 'paired': after the larger-kernel rule, a layer whose op differs from the cost-only optimum's keeps it only
   * when that lowers the search's own objective, mean non-ideal CE + λ·hardware term, measured on the same
   * validation images and chips for both (first all such layers together against the cost-only optimum, then,
   * when they pay together, each alone); otherwise the layer takes the cost-only op; without time for a
   * comparison the argmax stands. 'keep': the argmax stands. Default 'paired' (nax assumption: with tens of
   * noisy architecture steps the argmax is mostly the warm start, README "NAX re-search"; one measured
   * comparison decides the trade-off λ asks for).
   */
  readonly costlierOps: 'paired' | 'keep';
  /**
   * 'paired': after the costlier-op rule, units of layers whose move costs the same (a stage's convolutions on
   * one op), largest crossbar first and then the cheapest unit, are compared with the same kernel on their
   * next-smaller crossbar and move there when that lowers the measured objective (mean non-ideal CE + λ·hardware
   * term, same images and chips); a unit that moved is tested again from there; tests run while they fit in the
   * phase. It is the one rule that can buy accuracy with hardware where smaller crossbars cost more (the others
   * only move a layer to a cheaper or the committed op). 'toReference' (needs `selectionReference: homogeneous`):
   * the same, but a layer on a crossbar larger than the selection reference's is compared with that size
   * directly, one test instead of one per size between (a phase holds two or three tests, so one size at a time
   * stopped stages on 64×64 when the reference was 32×32); two or more units two or more sizes above it are first
   * tested all together against it, and alone only if that keeps them (a unit the union moved is not tested
   * alone); a unit that stays after its test goes on one size at a time from where it is (the sizes between get
   * their test); below the reference, one size at a time. 'keep': no such test.
   * Default 'paired'.
   */
  readonly smallerCrossbars: 'paired' | 'toReference' | 'keep';
  /**
   * 'homogeneous': before the warm-up, the committed network on every homogeneous N×N mapping is evaluated on the
   * selection split; the size one would choose without a search (the lowest objective within 1 pp of the most
   * accurate of them) is the reference, and λ is chosen among the candidates whose validation accuracy is at
   * least the reference's, with no tolerance below it (the most accurate candidate when none is). 'none': λ is
   * chosen among the candidates not worse than the most accurate of them (paired interval), whatever the baselines
   * reach. Default 'none': the reference's evaluations come out of the budget (one selection evaluation per size).
   */
  readonly selectionReference: 'homogeneous' | 'none';
  /**
   * Images of the derivation rules' paired comparisons (two chip instances each), held out of the architecture
   * steps: the architecture-step split's last ones, at most half of it. Default 100: each comparison runs two
   * full non-ideal forwards per image and chip, and the search phase keeps their time (schedule.ts pairedCheckS).
   */
  readonly kernelCheckImages: number;
}

/** The choices of `largerKernels` and `costlierOps`, and of `smallerCrossbars` (nax.yml, and pareto.json's record of them). */
export const PAIRED_RULE_CHOICES = ['paired', 'keep'] as const;
export const SMALLER_CROSSBAR_CHOICES = ['paired', 'toReference', 'keep'] as const;

export const DEFAULT_SEARCH_SPACE: SearchSpace = Object.freeze({
  layers: 'residual',
  kernels: Object.freeze([3, 5, 7]),
  crossbars: Object.freeze([16, 32, 64, 128]),
  otherLayers: 'crossbar',
  zeroOp: false,
  lambdas: Object.freeze([0.5]),
  objective: 'edap',
  budgetS: 900,
  validationImages: 1000,
  selectionImages: 300,
  selectionChips: 2,
  evaluationImages: 'all',
  evaluationChips: 10,
  seed: 1,
  batchSize: 64,
  archEvery: 2,
  archLr: 0.05,
  weightLr: 3e-5,
  archBatch: 64,
  nonIdealFraction: 0.5,
  gradient: 'reinforce',
  commonRandomNumbers: true,
  hardwareLoss: 'product',
  additiveWeights: Object.freeze({ energy: 1, latency: 1, area: 1 }),
  tileArea: 'gradient',
  warmStart: Object.freeze({ committed: 1, costOnly: 1 }),
  largerKernels: 'paired',
  costlierOps: 'paired',
  smallerCrossbars: 'paired',
  selectionReference: 'none',
  kernelCheckImages: 100,
} satisfies SearchSpace);

const KEYS = [
  'layers', 'kernels', 'crossbars', 'otherLayers', 'zeroOp', 'lambda', 'objective', 'budget', 'epochs', 'trainSet',
  'validationImages', 'validationSet', 'selectionImages', 'selectionChips', 'evaluationImages', 'evaluationChips', 'seed', 'batchSize', 'archEvery', 'archLr', 'weightLr', 'archBatch', 'nonIdealFraction',
  'gradient', 'commonRandomNumbers', 'hardwareLoss', 'additiveWeights', 'tileArea', 'warmStart', 'largerKernels', 'costlierOps',
  'smallerCrossbars', 'selectionReference', 'kernelCheckImages',
];

/** Largest kernel the parser accepts at all; the model-dependent bound is 2·min(H, W) − 1 (plan.ts). */
const KERNEL_MAX = 15;

/** Images of the protocol's final evaluation (nax.yml search.evaluationImages): 'all', or a whole number 1 … 1,000,000. */
export function readEvaluationImages(v: unknown, file: string, field: string): number | 'all' {
  if (v === 'all') return 'all';
  if (typeof v !== 'number') throw new NaxUserError(file, field, `expected 'all' or a whole number of images, found ${describe(v)}`);
  return readNumber(v, file, field, { integer: true, min: 1, max: 1_000_000 });
}

/** The same from text (an action input, a command-line value): 'all' or decimal digits. */
export function parseEvaluationImages(text: string, file: string, field: string): number | 'all' {
  return readEvaluationImages(/^[0-9]+$/.test(text) ? Number(text) : text, file, field);
}

/**
 * Parses a wall-time budget: a number of seconds, or a string of h/m/s parts ("15m", "1h30m", "90s", "45").
 * Exported for the CLI's --budget.
 */
export function parseDuration(v: unknown, file: string, field: string): number {
  if (typeof v === 'number') return readNumber(v, file, field, { min: 0, exclusive: true });
  if (typeof v === 'string') {
    const s = v.trim();
    const m = /^(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m)?\s*(?:(\d+(?:\.\d+)?)s?)?$/.exec(s);
    if (m && s.length > 0 && (m[1] || m[2] || m[3])) {
      const sec = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
      if (sec > 0) return sec;
    }
  }
  throw new NaxUserError(file, field, `expected a duration such as "15m", "90s" or "1h30m", found ${describe(v)}`);
}

function readIntList(v: unknown, file: string, field: string, check: (n: number, at: string) => void): number[] {
  if (!Array.isArray(v) || v.length === 0) throw new NaxUserError(file, field, `expected a non-empty list, found ${describe(v)}`);
  const out: number[] = [];
  v.forEach((x, i) => {
    const at = `${field}[${i}]`;
    const n = readNumber(x, file, at, { integer: true });
    check(n, at);
    if (out.includes(n)) throw new NaxUserError(file, at, `${n} is listed twice`);
    out.push(n);
  });
  return out.sort((a, b) => a - b);
}

function readNameList(v: unknown, file: string, field: string): string[] {
  if (!Array.isArray(v) || v.length === 0) throw new NaxUserError(file, field, `expected a non-empty list of layer names, found ${describe(v)}`);
  return v.map((x, i) => readString(x, file, `${field}[${i}]`));
}

function readLambdas(v: unknown, file: string, field: string): number[] {
  if (typeof v === 'number') return [readNumber(v, file, field, { min: 0 })];
  if (Array.isArray(v)) {
    if (v.length === 0) throw new NaxUserError(file, field, 'expected at least one λ value');
    return v.map((x, i) => readNumber(x, file, `${field}[${i}]`, { min: 0 }));
  }
  if (isObject(v)) {
    rejectUnknownKeys(v, ['from', 'to', 'steps'], file, field);
    const from = readNumber(v.from, file, `${field}.from`, { min: 0, exclusive: true });
    const to = readNumber(v.to, file, `${field}.to`, { min: 0, exclusive: true });
    const steps = readNumber(v.steps, file, `${field}.steps`, { integer: true, min: 1, max: 64 });
    if (steps === 1) return [from];
    // Geometric: λ spans decades, and the front is traced evenly in log λ (nax assumption).
    const r = Math.pow(to / from, 1 / (steps - 1));
    return Array.from({ length: steps }, (_, i) => Number((from * Math.pow(r, i)).toPrecision(6)));
  }
  throw new NaxUserError(file, field, `expected a number, a list, or { from, to, steps }, found ${describe(v)}`);
}

/**
 * Weights of the additive form: nax.yml's `search.additiveWeights` (a weight left out takes its default), and
 * pareto.json's `protocol.additiveWeights` (no defaults: nax writes all three).
 */
export function readAdditiveWeights(v: unknown, file: string, field: string, defaults?: AdditiveWeights): AdditiveWeights {
  const o = requireObject(v, file, field);
  rejectUnknownKeys(o, ['energy', 'latency', 'area'], file, field);
  const weight = (k: keyof AdditiveWeights) => {
    const rule = { min: 0, max: 1000 };
    return defaults ? optionalNumber(o[k], defaults[k], file, `${field}.${k}`, rule) : readNumber(o[k], file, `${field}.${k}`, rule);
  };
  const w = { energy: weight('energy'), latency: weight('latency'), area: weight('area') };
  if (w.energy + w.latency + w.area === 0) throw new NaxUserError(file, field, 'at least one weight must be above 0');
  return Object.freeze(w);
}

function readWarmStart(v: unknown, file: string, field: string): WarmStart {
  const o = requireObject(v, file, field);
  rejectUnknownKeys(o, ['committed', 'costOnly'], file, field);
  const d = DEFAULT_SEARCH_SPACE.warmStart;
  // Beyond ~10 nats an op starts at p > 0.9999: that is a fixed choice, not a prior.
  return Object.freeze({
    committed: optionalNumber(o.committed, d.committed, file, `${field}.committed`, { min: 0, max: 10 }),
    costOnly: optionalNumber(o.costOnly, d.costOnly, file, `${field}.costOnly`, { min: 0, max: 10 }),
  });
}

export function parseSearchSpace(raw: unknown, file: string, field: string): SearchSpace {
  const d = DEFAULT_SEARCH_SPACE;
  if (raw === undefined || raw === null) return d;
  const o = requireObject(raw, file, field);
  rejectUnknownKeys(o, KEYS, file, field);
  const f = (k: string) => `${field}.${k}`;

  const layers: SearchSpace['layers'] = o.layers === undefined || o.layers === 'residual'
    ? 'residual'
    : Object.freeze(readNameList(o.layers, file, f('layers')));
  const kernels = o.kernels === undefined ? d.kernels : readIntList(o.kernels, file, f('kernels'), (k, at) => {
    if (k < 1 || k > KERNEL_MAX) throw new NaxUserError(file, at, `kernel size ${k} is outside 1…${KERNEL_MAX}`);
    if (k % 2 === 0) {
      throw new NaxUserError(file, at, `kernel size ${k} is even`,
        "'same' padding of an even kernel is lopsided and a trained odd kernel cannot be centred in it; use odd sizes");
    }
  });
  const crossbars = o.crossbars === undefined ? d.crossbars : readIntList(o.crossbars, file, f('crossbars'), (n, at) => {
    if (n < CROSSBAR_MIN || n > CROSSBAR_MAX) {
      throw new NaxUserError(file, at, `crossbar size ${n} is outside ${CROSSBAR_MIN}…${CROSSBAR_MAX}`,
        n > CROSSBAR_MAX
          ? `arrays larger than ${CROSSBAR_MAX}×${CROSSBAR_MAX} are beyond what the IR-drop and ADC models are calibrated for (and IR drop makes them impractical)`
          : `arrays smaller than ${CROSSBAR_MIN}×${CROSSBAR_MIN} spend almost all energy and area on peripherals; nax does not model them`);
    }
  });
  const otherLayers = o.otherLayers === undefined ? d.otherLayers : readEnum(o.otherLayers, ['crossbar', 'committed'] as const, file, f('otherLayers'));
  let zeroOp: SearchSpace['zeroOp'] = d.zeroOp;
  if (o.zeroOp !== undefined) zeroOp = Array.isArray(o.zeroOp) ? Object.freeze(readNameList(o.zeroOp, file, f('zeroOp'))) : readBoolean(o.zeroOp, file, f('zeroOp'));
  const lambdas = o.lambda === undefined ? d.lambdas : Object.freeze(readLambdas(o.lambda, file, f('lambda')));
  const objective = o.objective === undefined ? d.objective : readEnum(o.objective, ['edap', 'energy', 'latency'] as const, file, f('objective'));
  const budgetS = o.budget === undefined ? d.budgetS : parseDuration(o.budget, file, f('budget'));
  const epochs = o.epochs === undefined ? undefined : readNumber(o.epochs, file, f('epochs'), { min: 0, exclusive: true });

  const dir = path.posix.dirname(file.replaceAll('\\', '/'));
  const dataSet = (key: 'trainSet' | 'validationSet'): TrainSetConfig | undefined => {
    if (o[key] === undefined) return undefined;
    const t = requireObject(o[key], file, f(key));
    rejectUnknownKeys(t, ['images', 'labels', 'scale'], file, f(key));
    return Object.freeze({
      images: confinedPath(dir, readString(t.images, file, f(`${key}.images`)), file, f(`${key}.images`)),
      labels: confinedPath(dir, readString(t.labels, file, f(`${key}.labels`)), file, f(`${key}.labels`)),
      scale: optionalNumber(t.scale, 1, file, f(`${key}.scale`), { min: 0, exclusive: true }),
    });
  };
  const trainSet = dataSet('trainSet');
  const validationSet = dataSet('validationSet');
  const evaluationImages = o.evaluationImages === undefined ? d.evaluationImages : readEvaluationImages(o.evaluationImages, file, f('evaluationImages'));
  const smallerCrossbars = o.smallerCrossbars === undefined ? d.smallerCrossbars : readEnum(o.smallerCrossbars, SMALLER_CROSSBAR_CHOICES, file, f('smallerCrossbars'));
  const selectionReference = o.selectionReference === undefined ? d.selectionReference : readEnum(o.selectionReference, ['homogeneous', 'none'] as const, file, f('selectionReference'));
  if (smallerCrossbars === 'toReference' && selectionReference !== 'homogeneous') {
    throw new NaxUserError(file, f('smallerCrossbars'), 'toReference needs a selection reference', `set ${f('selectionReference')}: homogeneous, or ${f('smallerCrossbars')}: paired`);
  }
  return Object.freeze({
    layers,
    kernels: Object.freeze(kernels),
    crossbars: Object.freeze(crossbars),
    otherLayers,
    zeroOp,
    lambdas,
    objective,
    budgetS,
    epochs,
    trainSet,
    ...(validationSet ? { validationSet } : {}),
    selectionImages: optionalNumber(o.selectionImages, d.selectionImages, file, f('selectionImages'), { integer: true, min: 1, max: 1_000_000 }),
    selectionChips: optionalNumber(o.selectionChips, d.selectionChips, file, f('selectionChips'), { integer: true, min: 1, max: 1000 }),
    evaluationImages,
    evaluationChips: optionalNumber(o.evaluationChips, d.evaluationChips, file, f('evaluationChips'), { integer: true, min: 1, max: 1000 }),
    validationImages: optionalNumber(o.validationImages, d.validationImages, file, f('validationImages'), { integer: true, min: 1 }),
    seed: optionalNumber(o.seed, d.seed, file, f('seed'), { integer: true, min: 0, max: 2 ** 32 - 1 }),
    batchSize: optionalNumber(o.batchSize, d.batchSize, file, f('batchSize'), { integer: true, min: 1, max: 4096 }),
    archEvery: optionalNumber(o.archEvery, d.archEvery, file, f('archEvery'), { integer: true, min: 1, max: 1000 }),
    archLr: optionalNumber(o.archLr, d.archLr, file, f('archLr'), { min: 0, max: 1, exclusive: true }),
    weightLr: optionalNumber(o.weightLr, d.weightLr, file, f('weightLr'), { min: 0, max: 1, exclusive: true }),
    archBatch: optionalNumber(o.archBatch, d.archBatch, file, f('archBatch'), { integer: true, min: 1, max: 10000 }),
    nonIdealFraction: optionalNumber(o.nonIdealFraction, d.nonIdealFraction, file, f('nonIdealFraction'), { min: 0.01, max: 1 }),
    gradient: o.gradient === undefined ? d.gradient : readEnum(o.gradient, ['reinforce', 'binaryGate'] as const, file, f('gradient')),
    commonRandomNumbers: o.commonRandomNumbers === undefined ? d.commonRandomNumbers : readBoolean(o.commonRandomNumbers, file, f('commonRandomNumbers')),
    hardwareLoss: o.hardwareLoss === undefined ? d.hardwareLoss : readEnum(o.hardwareLoss, HARDWARE_LOSS_FORMS, file, f('hardwareLoss')),
    additiveWeights: o.additiveWeights === undefined ? d.additiveWeights : readAdditiveWeights(o.additiveWeights, file, f('additiveWeights'), d.additiveWeights),
    tileArea: o.tileArea === undefined ? d.tileArea : readEnum(o.tileArea, ['gradient', 'frozen'] as const, file, f('tileArea')),
    warmStart: o.warmStart === undefined ? d.warmStart : readWarmStart(o.warmStart, file, f('warmStart')),
    largerKernels: o.largerKernels === undefined ? d.largerKernels : readEnum(o.largerKernels, PAIRED_RULE_CHOICES, file, f('largerKernels')),
    costlierOps: o.costlierOps === undefined ? d.costlierOps : readEnum(o.costlierOps, PAIRED_RULE_CHOICES, file, f('costlierOps')),
    smallerCrossbars,
    selectionReference,
    kernelCheckImages: optionalNumber(o.kernelCheckImages, d.kernelCheckImages, file, f('kernelCheckImages'), { integer: true, min: 50, max: 100000 }),
  });
}
