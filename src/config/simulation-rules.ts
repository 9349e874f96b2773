/** The simulation settings' bounds, apart from nax.yml's parser so the command line can use them without loading it. */
import type { NumberRule } from './fields.js';

/**
 * Bounds of the simulation settings, shared by nax.yml and the command line (`--samples`, `--seed`, …),
 * so both refuse the same values. The seed is a 32-bit integer because the Monte Carlo RNG takes one
 * (xbar/rng.ts); the other maxima are nax assumptions, generous for a CI gate and far below what would
 * exhaust a runner (10 000 chip instances; a million images).
 */
export const SIMULATION_RULES = Object.freeze({
  seed: { integer: true, min: 0, max: 2 ** 32 - 1 },
  monteCarloSamples: { integer: true, min: 1, max: 10000 },
  evalImages: { integer: true, min: 1, max: 1_000_000 },
  batchSize: { integer: true, min: 1, max: 10000 },
  /** pp; 0.01 pp needs some 10⁸ images, 50 pp is no target at all (nax assumption). */
  targetCiPp: { min: 0.01, max: 50 },
} satisfies Record<string, NumberRule>);
