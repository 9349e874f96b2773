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

export interface AccuracyStats {
  /** Mean top-1 accuracy over Monte Carlo samples, 0…1. */
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** Per-sample accuracies, in sample order (shards merge by concatenation). */
  readonly samples: readonly number[];
  /** Seed of each sample's chip instance. */
  readonly sampleSeeds: readonly number[];
  /** 95 % interval of the accuracy (0…1) including test-set (image) variance, not only chip spread. */
  readonly ci95?: AccuracyInterval;
}

export interface AccuracyInterval {
  readonly low: number;
  readonly high: number;
  /** Confidence level, e.g. 0.95. */
  readonly level: number;
  readonly method: string;
  readonly images: number;
  readonly chips: number;
}

/** Check mode, on the head report: Δ non-ideal accuracy head − base with its paired 95 % interval. */
export interface AccuracyDelta {
  /** head − base, percentage points. */
  readonly pp: number;
  readonly ciLowPp: number;
  readonly ciHighPp: number;
  readonly method: string;
  readonly images: number;
  readonly chips: number;
  /** Minimum detectable effect of this design (images × chips), pp. */
  readonly mdePp: number;
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
    /** Check mode only: the paired comparison with the base report. */
    readonly delta?: AccuracyDelta;
  };
  readonly layers: readonly LayerReport[];
  readonly cost: CostReport;
  /** Network totals (same as cost.totals), units in the names. */
  readonly totals: CostTotals;
  /** Monte Carlo shard this report holds, when split across jobs. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Wall-clock timings, s (only with --timings; they make reports non-reproducible). */
  readonly timings?: Readonly<Record<string, number>>;
}
