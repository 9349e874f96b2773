/** Non-ideality factors (reference §2.3) and the product of an effective matrix with a voltage vector. */
import { assert } from '../../errors.js';

/** Options of `nonIdealityFactors`. */
export interface NonIdealityOptions {
  /**
   * Columns whose ideal current is at most this fraction of the largest ideal current get NaN (an NF of a
   * near-zero current is noise). Default 1e-9.
   */
  readonly minRelIdealCurrent?: number;
}

/**
 * Non-ideality factor per column, NF = (I_ideal − I_nonideal)/I_ideal (reference §2.3); NaN for columns
 * skipped because their ideal current is ~0.
 * @param idealA ideal column currents, A, [cols] (or any shape, element-wise).
 * @param nonIdealA non-ideal column currents, same shape.
 */
export function nonIdealityFactors(idealA: ArrayLike<number>, nonIdealA: ArrayLike<number>, opts: NonIdealityOptions = {}): Float64Array {
  assert(idealA.length === nonIdealA.length, () => `ideal has ${idealA.length} currents, non-ideal ${nonIdealA.length}`);
  const minRel = opts.minRelIdealCurrent ?? 1e-9;
  let scale = 0;
  for (let j = 0; j < idealA.length; j++) scale = Math.max(scale, Math.abs(idealA[j]));
  const nf = new Float64Array(idealA.length);
  for (let j = 0; j < idealA.length; j++) {
    const ideal = idealA[j];
    nf[j] = scale > 0 && Math.abs(ideal) > minRel * scale ? (ideal - nonIdealA[j]) / ideal : Number.NaN;
  }
  return nf;
}

/** Mean NF over the columns that `nonIdealityFactors` does not skip; NaN when all are skipped. */
export function meanNonIdealityFactor(idealA: ArrayLike<number>, nonIdealA: ArrayLike<number>, opts: NonIdealityOptions = {}): number {
  const nf = nonIdealityFactors(idealA, nonIdealA, opts);
  let sum = 0;
  let count = 0;
  for (const v of nf) {
    if (!Number.isNaN(v)) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? sum / count : Number.NaN;
}

/** I_j = Σ_i M[i][j]·V_i: column currents of an effective (or conductance) matrix [rows, cols] for voltages [rows]. */
export function applyEffectiveMatrix(m: Float64Array, rows: number, cols: number, voltages: ArrayLike<number>): Float64Array {
  assert(m.length === rows * cols, () => `matrix has ${m.length} entries, expected ${rows}×${cols}`);
  assert(voltages.length === rows, () => `voltages has ${voltages.length} entries, expected ${rows}`);
  const out = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const v = voltages[i];
    if (v === 0) continue;
    const row = i * cols;
    for (let j = 0; j < cols; j++) out[j] += m[row + j] * v;
  }
  return out;
}
