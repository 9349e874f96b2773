/**
 * Summary statistics of non-ideal accuracy over Monte Carlo chip instances, built the same way from a fresh
 * simulation and from merged shard reports, so that a sharded run reproduces the unsharded report exactly.
 */
import { NaxUserError } from '../errors.js';
import type { AccuracyDelta, AccuracyStats } from '../report.js';
import { unpackCorrectness } from './correctness-bits.js';
import {
  type CorrectnessGrid, type Interval, type VarianceComponents, accuracyInterval, minimumDetectableEffect, pairedDeltaInterval,
} from './paired-interval.js';

const PP = 100;
/** Largest images × chips grid read from a report: 100,000 images × 1,000 chips, far beyond any CI run (bounds memory). */
const MAX_GRID_CELLS = 1e8;

/**
 * Accuracy statistics of a set of samples: mean, population std (÷ n, absent with one sample), min, max, and —
 * when the per-image correctness bitsets are given — the 95 % interval over images × chips.
 * @param correct per sample, the base64 bitset of `images` bits (src/stats/correctness-bits.ts)
 */
export function accuracyStats(
  samples: readonly number[],
  sampleSeeds: readonly number[],
  correct?: { readonly bits: readonly string[]; readonly images: number },
): AccuracyStats {
  const n = samples.length;
  const mean = n === 0 ? 0 : samples.reduce((s, v) => s + v, 0) / n;
  const variance = n === 0 ? 0 : samples.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
  const grid = correct && n > 0 ? gridOf(correct.bits, correct.images, 'accuracy.nonIdeal.correct') : undefined;
  return {
    mean,
    ...(n > 1 ? { std: Math.sqrt(variance) } : {}),
    min: n === 0 ? 0 : Math.min(...samples),
    max: n === 0 ? 0 : Math.max(...samples),
    samples: [...samples],
    sampleSeeds: [...sampleSeeds],
    ...(correct ? { correct: [...correct.bits] } : {}),
    ...(grid ? { ci95: reportInterval(accuracyInterval(grid)) } : {}),
  };
}

function reportInterval(ci: Interval): NonNullable<AccuracyStats['ci95']> {
  return { low: ci.low, high: ci.high, level: ci.level, method: ci.method, images: ci.images, chips: ci.chips };
}

/** The images × chips grid of a report's bitsets; a malformed bitset is a user error naming the field. */
export function gridOf(bits: readonly string[], images: number, field: string, file = 'report'): CorrectnessGrid {
  if (!Number.isInteger(images) || images < 1 || bits.length * images > MAX_GRID_CELLS) {
    throw new NaxUserError(file, field, `${bits.length} samples × ${images} images is not a grid nax reads (at most ${MAX_GRID_CELLS} cells)`);
  }
  const correct = new Uint8Array(bits.length * images);
  bits.forEach((b, c) => {
    const row = typeof b === 'string' ? unpackCorrectness(b, images) : undefined;
    if (!row) throw new NaxUserError(file, `${field}[${c}]`, `not a base64 bitset of ${images} images`);
    correct.set(row, c * images);
  });
  return { images, chips: bits.length, correct };
}

/** A paired comparison of non-ideal accuracy: Δ with its interval, and the variance components behind it. */
export interface PairedAccuracy {
  readonly delta: AccuracyDelta;
  /** Components of the per-cell differences head − base (proportions²), for sample-size advice. */
  readonly components: VarianceComponents;
}

/**
 * Δ non-ideal accuracy, head − base, with its paired interval; undefined when either side lacks the bitsets or
 * the two runs are not paired (other images or chip seeds), since an unpaired interval would be misleading.
 */
export function pairedAccuracy(
  base: AccuracyStats,
  head: AccuracyStats,
  images: { base: number; head: number },
): PairedAccuracy | undefined {
  if (!base.correct || !head.correct || images.base !== images.head) return undefined;
  if (base.sampleSeeds.length !== head.sampleSeeds.length || base.sampleSeeds.some((s, k) => s !== head.sampleSeeds[k])) return undefined;
  const b = gridOf(base.correct, images.base, 'accuracy.nonIdeal.correct', 'base report');
  const h = gridOf(head.correct, images.head, 'accuracy.nonIdeal.correct', 'head report');
  const ci = pairedDeltaInterval(b, h);
  return {
    delta: {
      pp: ci.estimate * PP,
      ciLowPp: ci.low * PP,
      ciHighPp: ci.high * PP,
      level: ci.level,
      method: ci.method,
      images: ci.images,
      chips: ci.chips,
      mdePp: minimumDetectableEffect(ci.standardError) * PP,
    },
    components: ci.components,
  };
}
