/**
 * The report: the contract between every part of nax (`schema: "nax-report/1"`). The simulator and the
 * cost model fill it; compare/, render/ and github/ read nothing else. Deterministic for the same inputs
 * and seed (timings are included only on request, since they vary between runs).
 */
import type { LayerMapping } from './config/mapping.js';
import type { CostReport, CostTotals } from './cost/types.js';
import type { MatrixLayerShape, TileGeometry } from './mapping/tiling.js';

export const REPORT_SCHEMA = 'nax-report/1';

/** A file the report was computed from. */
export interface InputRef {
  /** Path as given (relative to the config file's folder), or 'built-in'. */
  readonly path: string;
  /** `sha256:<hex>` of the file content (or of the canonical built-in values). */
  readonly sha256: string;
}

/** A confidence interval of an accuracy (proportions 0…1) that includes test-set (image) variance. */
export interface AccuracyInterval {
  readonly low: number;
  readonly high: number;
  /** Two-sided confidence level, e.g. 0.95. */
  readonly level: number;
  /** How it was computed (see src/stats/paired-interval.ts). */
  readonly method: string;
  readonly images: number;
  readonly chips: number;
}

/** Δ non-ideal accuracy of head − base on the same images and chips (check mode, on the head report). */
export interface AccuracyDelta {
  /** head − base, percentage points. */
  readonly pp: number;
  readonly ciLowPp: number;
  readonly ciHighPp: number;
  readonly level: number;
  readonly method: string;
  readonly images: number;
  readonly chips: number;
  /** Minimum detectable effect at α = 0.05 two-sided and 80 % power, pp. */
  readonly mdePp: number;
}

export interface AccuracyStats {
  /** Mean top-1 accuracy over Monte Carlo samples, 0…1. */
  readonly mean: number;
  /** Population std over samples (÷ n); absent with one sample, where it is unknown rather than 0. */
  readonly std?: number;
  readonly min: number;
  readonly max: number;
  /** Per-sample accuracies, in sample order (shards merge by concatenation). */
  readonly samples: readonly number[];
  /** Seed of each sample's chip instance. */
  readonly sampleSeeds: readonly number[];
  /**
   * Per sample, the per-image correctness as a base64 bitset (src/stats/correctness-bits.ts), so that merged
   * shards and comment jobs recompute intervals from the data. Absent in reports of nax before 0.2.
   */
  readonly correct?: readonly string[];
  /** 95 % interval of the mean over images × chips (absent without `correct`). */
  readonly ci95?: AccuracyInterval;
}

/** Non-ideality factor NF = (I_ideal − I_nonideal)/I_ideal of the column currents. */
export interface NfStats {
  /** Mean over the layer's crossbars, columns and samples. */
  readonly mean: number;
  /** Largest column NF seen. */
  readonly max: number;
}

export interface LayerReport {
  readonly name: string;
  readonly shape: MatrixLayerShape;
  readonly mapping: LayerMapping & { readonly origin: 'defaults' | 'layer' };
  readonly tiling: TileGeometry;
  /** Absent when the simulation was not run (cost-only reports). */
  readonly nf?: NfStats;
}

/**
 * A shard report's place in the run and the sums `nax merge` needs to rebuild the unsharded report bit for bit
 * (means of means differ from the mean in the last digit; sums added in sample order do not).
 */
export interface ShardInfo {
  /** Monte Carlo shard: this report holds samples k with k mod count = index (0-based). */
  readonly index: number;
  readonly count: number;
  /**
   * Image shard: this report's evaluation images are [start, start + settings.evalImages) of `total` (whole
   * batches); its accuracies and bitsets are over those images only. Absent: all images.
   */
  readonly images?: {
    readonly index: number;
    readonly count: number;
    readonly start: number;
    readonly total: number;
    /** Right images of the float and the quantised model among this shard's images. */
    readonly idealCorrect: number;
    readonly quantisedCorrect: number;
  };
  /**
   * Per layer (in `layers` order), per sample of this report (in sample order): the chip's NF sum over its
   * columns and the column count. Absent in shard reports of nax before 0.2 (merged then by weighted means).
   */
  readonly nf?: ReadonlyArray<{ readonly sum: readonly number[]; readonly columns: readonly number[] }>;
}

export interface SimulationSettings {
  readonly seed: number;
  readonly monteCarloSamples: number;
  readonly evalImages: number;
  readonly irDrop: 'exact' | 'fast' | 'ideal';
}

export interface NaxReport {
  readonly schema: typeof REPORT_SCHEMA;
  readonly tool: { readonly name: 'nax'; readonly version: string };
  /** Commit the inputs were read from, when known. */
  readonly commit?: string;
  readonly inputs: {
    readonly config?: InputRef;
    readonly model: InputRef;
    readonly mapping: InputRef;
    readonly technology: InputRef;
    readonly evalSet?: InputRef;
    /** Calibration split (nax.yml calibrationSet), when one is configured. */
    readonly calibrationSet?: InputRef;
  };
  /** tfjs backend the numbers were computed on ('wasm' or 'cpu'); reports are bit-identical per backend. */
  readonly backend: string;
  /** Absent for cost-only reports (`nax cost`). */
  readonly settings?: SimulationSettings;
  readonly accuracy?: {
    /** Float model, no quantisation. */
    readonly ideal: number;
    /** Quantised weights, inputs and ADC on ideal devices and wires. */
    readonly quantised: number;
    readonly nonIdeal: AccuracyStats;
    /** Check mode, head report: Δ non-ideal accuracy against the base with its paired interval. */
    readonly delta?: AccuracyDelta;
  };
  readonly layers: readonly LayerReport[];
  readonly cost: CostReport;
  /** Network totals (same as cost.totals), units in the names. */
  readonly totals: CostTotals;
  /** The part of a run this report holds, when split across jobs (`nax merge` rebuilds the whole run). */
  readonly shard?: ShardInfo;
  /** Wall-clock timings, s (only with --timings; they make reports non-reproducible). */
  readonly timings?: Readonly<Record<string, number>>;
}
