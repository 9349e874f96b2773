/**
 * Programming a crossbar: slice levels → device conductances, with stuck-at faults and programming
 * variation (reference §5.3–5.5).
 *
 * Random numbers are drawn in one fixed order, cell by cell in row-major order, two per cell: first a
 * uniform for the stuck-at decision, then a normal for the variation. Both are drawn for every cell whatever
 * the rates and σ, so the same seed gives the same faults when σ changes and the same variation draws when
 * the fault rates change (common random numbers across a sweep).
 */
import { assert } from '../errors.js';
import { type DeviceParams, conductances } from '../config/technology.js';
import type { Rng } from './rng.js';

/**
 * Lower clip of a varied conductance, relative to G_off, and upper clip relative to G_on: reference §5.4
 * (nax assumption): programming cannot leave the device's physical range by more than half of it, and the
 * clip keeps a lognormal/normal tail from producing negative or absurd conductances.
 */
const CLIP_LOW_REL_G_OFF = 0.5;
const CLIP_HIGH_REL_G_ON = 1.5;

/** What to program. */
export interface CrossbarLevels {
  /** Word lines of the physical crossbar (all of them, used or not). */
  readonly rows: number;
  /** Bit lines of the physical crossbar. */
  readonly cols: number;
  /** Slice level of every cell, 0…2^bitsPerCell − 1, [rows, cols] row-major; unused cells hold 0 (G_off). */
  readonly levels: Int32Array;
  /** Bits stored per cell, 1…4. */
  readonly bitsPerCell: number;
  /** Device model (conductance range, variation, stuck-at rates). */
  readonly device: DeviceParams;
}

export interface ProgramCrossbarOptions extends CrossbarLevels {
  /** Stream for this crossbar (derive it per Monte Carlo sample, layer and crossbar with `deriveSeed`). */
  readonly rng: Rng;
}

/**
 * Conductances with no device effects: G = G_off + level·(G_on − G_off)/(2^bitsPerCell − 1), in S,
 * [rows, cols] row-major (reference §5.3).
 */
export function idealConductances(o: CrossbarLevels): Float64Array {
  checkLevels(o);
  const { gOnSiemens, gOffSiemens } = conductances(o.device);
  const gStepSiemens = (gOnSiemens - gOffSiemens) / (2 ** o.bitsPerCell - 1);
  const g = new Float64Array(o.rows * o.cols);
  for (let n = 0; n < g.length; n++) g[n] = gOffSiemens + o.levels[n] * gStepSiemens;
  return g;
}

/**
 * Programs one crossbar and returns its device conductances in S, [rows, cols] row-major:
 * 1. level → G as in `idealConductances` (reference §5.3);
 * 2. stuck-at faults: with probability stuckAtOffRate the cell is stuck at G_off (SA0), else with
 *    probability stuckAtOnRate at G_on (SA1) (reference §5.5; a stuck cell is not programmed, so it gets no
 *    programming variation: nax assumption);
 * 3. programming variation, 'normal': G·(1 + σε), 'lognormal': G·exp(σε − σ²/2) (same mean), ε ~ N(0, 1),
 *    σ = programmingSigmaRel (reference §5.4);
 * 4. clip to [0.5·G_off, 1.5·G_on] (reference §5.4 assumption).
 */
export function programCrossbar(o: ProgramCrossbarOptions): Float64Array {
  const g = idealConductances(o);
  const { gOnSiemens, gOffSiemens } = conductances(o.device);
  const { stuckAtOffRate, stuckAtOnRate, programmingSigmaRel: sigma, programmingDistribution } = o.device;
  const lognormal = programmingDistribution === 'lognormal';
  const lognormalBias = (sigma * sigma) / 2;
  const gMinSiemens = CLIP_LOW_REL_G_OFF * gOffSiemens;
  const gMaxSiemens = CLIP_HIGH_REL_G_ON * gOnSiemens;
  const rng = o.rng;
  for (let n = 0; n < g.length; n++) {
    const uFault = rng.uniform();
    const eps = rng.normal();
    if (uFault < stuckAtOffRate) {
      g[n] = gOffSiemens;
      continue;
    }
    if (uFault < stuckAtOffRate + stuckAtOnRate) {
      g[n] = gOnSiemens;
      continue;
    }
    const varied = lognormal ? g[n] * Math.exp(sigma * eps - lognormalBias) : g[n] * (1 + sigma * eps);
    g[n] = varied < gMinSiemens ? gMinSiemens : varied > gMaxSiemens ? gMaxSiemens : varied;
  }
  return g;
}

function checkLevels(o: CrossbarLevels): void {
  assert(Number.isInteger(o.rows) && o.rows > 0 && Number.isInteger(o.cols) && o.cols > 0, () => `crossbar ${o.rows}×${o.cols}`);
  assert(o.levels.length === o.rows * o.cols, () => `levels has ${o.levels.length} cells, expected ${o.rows}×${o.cols}`);
  const maxLevel = 2 ** o.bitsPerCell - 1;
  for (let n = 0; n < o.levels.length; n++) {
    const l = o.levels[n];
    assert(l >= 0 && l <= maxLevel, () => `level ${l} at cell ${n} outside 0…${maxLevel} (${o.bitsPerCell} bits per cell)`);
  }
}
