/**
 * IR drop in a resistive crossbar: the circuit of reference §2.5 solved for its effective matrix.
 *
 * Circuit (reference §2.5, after A. Chen, IEEE TED 60(4), 2013): `rows` word lines driven at their LEFT end
 * through R_source plus one wire segment; `cols` bit lines sensed at their BOTTOM end (row rows−1) through
 * one wire segment plus R_sink into a virtual ground at 0 V; one segment R_wire between neighbouring cells;
 * the other ends open. Unknowns U[i][j] (word-line node of cell (i, j)) and W[i][j] (bit-line node).
 * Output current of column j: I_out[j] = W[rows−1][j] / (R_sink + R_wire), which equals the total device
 * current Σ_i G[i][j]·(U[i][j] − W[i][j]) into bit line j (its top end is open).
 *
 * The network is linear, so I_out = Mᵀ·V for an effective matrix M [rows, cols] (A/V) that depends only on
 * the conductances and the resistances. The simulator solves each programmed tile once for M and then pays
 * one matrix product per input vector (ARCHITECTURE.md, performance principles).
 *
 * One solver per file:
 * - exact.ts — line relaxation (reference §2.5, "line relaxation alternative"): given W, each word line is a
 *   tridiagonal system in U[i][·]; given U, each bit line is tridiagonal in W[·][j]. One sweep = all word
 *   lines, then all bit lines: block Gauss–Seidel on an SPD system, which converges for any positive values.
 *   A block of unit right-hand sides is relaxed at once, every node holding a vector over right-hand sides
 *   stored innermost ([rows, cols, K]), so each Thomas step is a unit-stride loop; the tridiagonal factors
 *   (line-network.ts) depend only on G and the wires and are computed once per crossbar. When the observed
 *   contraction per sweep is large (big R_source/R_sink), the sweeps switch to block SOR.
 * - fast.ts — the same iteration, summed in closed form to O(rows·cols) work.
 * - collapsed.ts — R_wire = 0: each line is a single node, solved directly.
 * - ideal.ts — all three resistances 0: the conductances themselves.
 *
 * Numerical accuracy: the Thomas pivots are formed from the "excess" conductance to ground of the part of a
 * line already eliminated (e ← s + g_w·e/(g_w + e), a series/parallel combination of positive numbers), never
 * as a difference such as 2g_w − g_w²/p, so no digits are lost when g_w = 1/R_wire ≫ G (1 S against 10 µS by
 * default); every forward and backward step then adds positive terms only.
 */
export type { CrossbarNodes, CrossbarSolution, WireResistances } from './types.js';
export type { IrDropModel } from '../../config/nax-config.js';
export { type CrossbarProblem, type EffectiveMatrixProblem, effectiveMatrix, solveCurrents } from './solve.js';
export { type NonIdealityOptions, applyEffectiveMatrix, meanNonIdealityFactor, nonIdealityFactors } from './nf.js';
