/**
 * The result of comparing a base report with a head report: what render/ shows and what the action
 * gates on. Accuracies are in % and their differences in percentage points (pp); energy, delay, area and
 * EDAP differences are relative, in %.
 */
import type { BudgetId, BudgetTiers, Budgets } from '../config/budgets.js';
import type { LayerMapping } from '../config/mapping.js';
import type { AccuracyDelta, SimulationSettings } from '../report.js';

/**
 * 'pass': every checked budget ok. 'warn': a warn tier crossed, or a fail tier crossed and acknowledged.
 * 'fail': a fail tier crossed. 'no-baseline': no base report, and no absolute budget failed (never a
 * silent pass: relative budgets could not be checked).
 */
export type Verdict = 'pass' | 'warn' | 'fail' | 'no-baseline';

/** 'unchecked': no tier set, or the budget needs data the reports lack (a baseline, an accuracy). */
export type BudgetStatus = 'ok' | 'warn' | 'fail' | 'unchecked';

/** One metric in base and head. Absent sides: no baseline, or a layer added/removed. */
export interface Delta {
  readonly base?: number;
  readonly head?: number;
  /** head − base, in the metric's own unit (pp for accuracies in %). */
  readonly diff?: number;
  /**
   * (head − base) / base · 100, %. Infinity when base is 0 and head is positive; 0 when both are 0;
   * absent when a side is missing.
   */
  readonly changePct?: number;
}

/** Non-ideal accuracy in %, with its spread over Monte Carlo samples and its interval over images × chips. */
export interface NonIdealAccuracy {
  readonly meanPct: number;
  /** Std over chips; absent with one chip. */
  readonly stdPct?: number;
  readonly minPct: number;
  readonly samples: number;
  /** 95 % interval of the accuracy in %, with test-set variance (absent in older reports). */
  readonly ci95Pct?: { readonly low: number; readonly high: number; readonly method: string; readonly images: number; readonly chips: number };
}

export interface TotalsComparison {
  /** Float model, %. Absent when neither report carries accuracy (cost-only). */
  readonly accuracyIdealPct?: Delta;
  /** Non-ideal mean over Monte Carlo samples, %. */
  readonly accuracyNonIdealPct?: Delta;
  readonly nonIdealBase?: NonIdealAccuracy;
  readonly nonIdealHead?: NonIdealAccuracy;
  /** Δ non-ideal accuracy with its paired interval (same images and chips on both sides). */
  readonly accuracyDelta?: AccuracyDelta;
  /** J per inference. */
  readonly energyJ: Delta;
  /** Layer-serial latency of one inference, s. */
  readonly delayS: Delta;
  readonly areaMm2: Delta;
  /** J·s·mm². */
  readonly edap: Delta;
  readonly crossbars: Delta;
}

export type LayerChange = 'unchanged' | 'changed' | 'added' | 'removed';

export interface LayerComparison {
  readonly name: string;
  readonly change: LayerChange;
  readonly baseMapping?: LayerMapping;
  readonly headMapping?: LayerMapping;
  /** Human-readable differences, e.g. 'rows 64→128', 'cost' (inputs other than the mapping moved it). */
  readonly changedFields: readonly string[];
  readonly crossbars: Delta;
  /** ADCs of the layer (absent for reports without cost). */
  readonly adcs: Delta;
  /** Area of the layer's ADCs, mm² (from the cost's area breakdown). */
  readonly adcAreaMm2: Delta;
  readonly energyJ: Delta;
  readonly delayS: Delta;
  readonly areaMm2: Delta;
  /** The layer's own energyJ · delayS · areaMm2, J·s·mm². */
  readonly edap: Delta;
  /** Mean non-ideality factor of the layer's column currents (absent for cost-only reports). */
  readonly nfMean: Delta;
}

export interface BudgetResult {
  readonly id: BudgetId;
  readonly tiers: BudgetTiers;
  /** The measured value in the budget's unit (%, pp or J·s·mm²); absent when unchecked. */
  readonly actual?: number;
  readonly status: BudgetStatus;
  /** Why the budget was not checked. */
  readonly reason?: string;
  /**
   * Layers the breach is attributed to, most responsible first (changed or added layers whose cost or
   * non-ideality grew); empty when ok or when no layer can be singled out.
   */
  readonly layers: readonly string[];
  /** For accuracy budgets: what the sample size lets the gate conclude. */
  readonly resolution?: BudgetResolution;
}

/**
 * Whether an accuracy budget can be decided at the configured images × chips. The verdict still uses the point
 * estimate; this says when that estimate could fall on either side of a limit, and how large a sample would
 * settle it.
 */
export interface BudgetResolution {
  /** 95 % interval of the budget's measured value (drop in pp, or accuracy in %). */
  readonly low: number;
  readonly high: number;
  /** Tiers whose limit lies inside the interval: the verdict on them is inconclusive at this sample size. */
  readonly inconclusive: readonly ('warn' | 'fail')[];
  /** Minimum detectable change at 80 % power, α = 0.05 (maxAccuracyDropPp only), pp. */
  readonly mdePp?: number;
  /** Tiers whose positive limit is smaller than the MDE: a drop of that size would usually go unseen. */
  readonly belowMde?: readonly ('warn' | 'fail')[];
  /** Images × chips whose MDE is at most the smallest such limit; null when no design up to the caps does. */
  readonly resolvingDesign?: { readonly images: number; readonly chips: number } | null;
}

/** An accepted regression: by a PR label or the `acknowledge` input. */
export interface Acknowledgement {
  /** How it was given, e.g. "label 'nax-accept-regression'". */
  readonly by: string;
}

export interface Comparison {
  readonly verdict: Verdict;
  /** What the budgets alone say, before any acknowledgement. */
  readonly budgetVerdict: Verdict;
  /** Present when a regression was acknowledged (budgetVerdict warn or fail). */
  readonly acknowledged?: Acknowledgement;
  readonly hasBaseline: boolean;
  readonly totals: TotalsComparison;
  /** Head order, removed layers at their base position. */
  readonly layers: readonly LayerComparison[];
  readonly budgets: readonly BudgetResult[];
  /** The budgets compared against (nax.yml of head, with input overrides). */
  readonly budgetLimits: Budgets;
  /** Inputs whose content hash differs between base and head ('model', 'mapping', …). */
  readonly changedInputs: readonly string[];
  /**
   * Settings of the two runs, when they differ (a paired comparison uses the same seeds, samples,
   * images and IR-drop model). Empty when paired or without a baseline.
   */
  readonly unpairedSettings: readonly string[];
  readonly headSettings?: SimulationSettings;
}
