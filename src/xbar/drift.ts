/**
 * Conductance drift after programming: G(t) = G(t0)·(t/t0)^(−ν) per cell (power law of structural
 * relaxation; Le Gallo et al., Adv. Electron. Mater. 4, 1700627, 2018; ν per cell ~ N(μ_ν, σ_ν) as in the PCM
 * model of Nandakumar et al., ICECS 2019). Stuck cells drift like any other (nax assumption: a stuck-at-G_off
 * cell is an amorphous cell, the state that drifts).
 */
import type { DeviceParams } from '../config/technology.js';
import type { Rng } from './rng.js';

const { log, exp } = Math;

/** Whether the device drifts at all at its inference time (ν = 0 or t = t0 is the identity). */
export function drifts(d: DeviceParams): boolean {
  return d.driftTimeS !== d.driftT0S && (d.driftNu > 0 || d.driftNuSigma > 0);
}

/**
 * Drifts conductances `g` (S, any layout) in place to time driftTimeS and returns Σ G before and after, the
 * two all-ones reads that global drift compensation divides. One normal per cell is drawn from `rng`, in
 * index order, only when driftNuSigma > 0.
 */
export function driftConductances(g: Float64Array, d: DeviceParams, rng: Rng): { sumBefore: number; sumAfter: number } {
  const lnRatio = log(d.driftTimeS / d.driftT0S);
  const spread = d.driftNuSigma > 0;
  const common = exp(-d.driftNu * lnRatio);
  let sumBefore = 0;
  let sumAfter = 0;
  for (let n = 0; n < g.length; n++) {
    sumBefore += g[n];
    let factor = common;
    if (spread) {
      const nu = d.driftNu + d.driftNuSigma * rng.normal();
      factor = exp(-(nu > 0 ? nu : 0) * lnRatio);
    }
    g[n] *= factor;
    sumAfter += g[n];
  }
  return { sumBefore, sumAfter };
}
