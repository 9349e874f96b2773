/** Entry points: the effective matrix of a programmed crossbar, and its response to one input vector. */
import { assert } from '../../errors.js';
import type { IrDropModel } from '../../config/nax-config.js';
import type { CrossbarSolution, WireResistances } from './types.js';
import { buildLineNetwork, checkArgs } from './line-network.js';
import { exactEffectiveMatrix, relaxToConvergence, relaxationWork } from './exact.js';
import { fastEffectiveMatrix } from './fast.js';
import { collapsedSolution, solveCollapsed } from './collapsed.js';
import { idealSolution, isIdealWiring } from './ideal.js';
import { applyEffectiveMatrix } from './nf.js';

/** A programmed crossbar, its wires and the model to solve it with. */
export interface EffectiveMatrixProblem {
  /** Device conductances, S, [rows, cols] row-major. */
  readonly g: Float64Array;
  /** Word lines (inputs). */
  readonly rows: number;
  /** Bit lines (outputs). */
  readonly cols: number;
  /** R_wire per segment, R_source, R_sink, Ω (reference §2.5); any of them may be 0. */
  readonly wires: WireResistances;
  /** 'exact', 'fast' or 'ideal' (see `IrDropModel`). */
  readonly model: IrDropModel;
}

/** The same crossbar driven by one input vector. */
export interface CrossbarProblem extends EffectiveMatrixProblem {
  /** Driver voltages V_i, V, [rows]. */
  readonly voltages: Float64Array;
}

/**
 * The effective matrix M of a programmed crossbar: column currents I_j = Σ_i M[i][j]·V_i (A, with V in volts).
 *
 * @returns M, A/V, [rows, cols] row-major; a copy of g for 'ideal' and when all three resistances are 0.
 * @throws Error (internal) when the relaxation does not converge within its cap (extreme R_source/R_sink).
 */
export function effectiveMatrix(p: EffectiveMatrixProblem): Float64Array {
  const { g, rows, cols, wires, model } = p;
  checkArgs(g, rows, cols, wires);
  if (model === 'ideal' || isIdealWiring(wires)) return g.slice();
  const m = new Float64Array(rows * cols);
  if (wires.rWireOhm === 0) {
    // Small direct solve, exact for both models.
    const drive = new Float64Array(rows * rows);
    for (let i = 0; i < rows; i++) drive[i * rows + i] = 1;
    const sol = solveCollapsed({ g, rows, cols, wires, drive, nRhs: rows });
    for (let k = 0; k < rows; k++) for (let j = 0; j < cols; j++) m[k * cols + j] = sol.columnCurrentsA[j * rows + k];
    return m;
  }
  const net = buildLineNetwork(g, rows, cols, wires);
  if (model === 'fast') fastEffectiveMatrix(net, wires, m);
  else exactEffectiveMatrix(net, wires, m);
  return m;
}

/**
 * Solves the crossbar for one input vector (what `nax xbar` prints and users check against SPICE). The column
 * currents equal Mᵀ·V for M = effectiveMatrix(p) (same model).
 */
export function solveCurrents(p: CrossbarProblem): CrossbarSolution {
  const { g, rows, cols, voltages, wires, model } = p;
  checkArgs(g, rows, cols, wires);
  assert(voltages.length === rows, () => `voltages has ${voltages.length} entries, expected ${rows}`);
  if (model === 'ideal' || isIdealWiring(wires)) return idealSolution({ g, rows, cols, voltages });
  if (wires.rWireOhm === 0) return collapsedSolution({ g, rows, cols, voltages, wires });
  if (model === 'fast') {
    const m = effectiveMatrix({ g, rows, cols, wires, model: 'fast' });
    return { columnCurrentsA: applyEffectiveMatrix(m, rows, cols, voltages), sweeps: 0 };
  }
  const net = buildLineNetwork(g, rows, cols, wires);
  const work = relaxationWork(net, 1);
  const { lines } = work;
  lines.drive.set(voltages);
  lines.solveWordLines(1, 1);
  const sweeps = relaxToConvergence(net, work, 1, wires);
  const rowCurrentsA = new Float64Array(rows);
  for (let i = 0; i < rows; i++) rowCurrentsA[i] = net.gLeftSiemens * (voltages[i] - lines.u[i * cols]);
  // Copies: the views belong to the kernel's memory, which the next solve reuses.
  const nodes = { rowCurrentsA, wordLineV: lines.u.slice(), bitLineV: lines.w.slice() };
  return { columnCurrentsA: work.out, nodes, sweeps };
}
