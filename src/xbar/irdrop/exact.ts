/**
 * The 'exact' solver: block Gauss–Seidel line relaxation (block SOR with an adaptive factor when the observed
 * contraction is large) to floating-point accuracy, one block of unit right-hand sides at a time.
 */
import type { WireResistances } from './types.js';
import { type LineNetwork, firstWordSweepUnitDrive, notConvergedError, outputsFromBitLines } from './line-network.js';
import { type LineSolves, lineSolves } from './line-solves-wasm.js';

/**
 * Stop the exact relaxation when the estimated remaining error of every output, Δ·ρ/(1 − ρ) with Δ the last
 * change and ρ the largest of the last three observed contractions per sweep, is below this fraction of the
 * largest output (nax assumption: four orders below the 1e-9 agreement the tests demand against a dense solve).
 */
const EXACT_REL_TOL = 1e-13;
/**
 * Changes this small relative to the largest output are rounding noise, where the contraction estimate is
 * meaningless; the exact solve stops there too.
 */
const ROUNDING_FLOOR_REL = 64 * Number.EPSILON;
/**
 * Sweep cap of the exact solve. The Gauss–Seidel contraction per sweep is roughly the product, over a word line
 * and a bit line, of Σ G / (Σ G + 1/(R_source or R_sink + line resistance)): ≈ 0.01 with the defaults (7 sweeps
 * at N = 128) and ≈ 0.2 at R_source = R_sink = 1 kΩ (13 sweeps with SOR). Measured with SOR, N = 128:
 * R_source = R_sink = 10 kΩ 34 sweeps, 100 kΩ 104 sweeps; N = 16 at 10 MΩ 355 sweeps. A floating array
 * (R_source = R_sink = 1 GΩ) exceeds the cap, and the solve throws rather than return an unconverged matrix.
 */
const EXACT_MAX_SWEEPS = 1000;

/**
 * Upper bound on rows·cols·K of one block of right-hand sides in the exact solve: the kernel's memory holds
 * three such float64 blocks (u, w, scratch; 4 MiB each) beside five [rows, cols] arrays (conductances, line
 * factors), which bounds memory for 512×512 arrays (K = 2; ~22 MiB in all). With the JavaScript line solves,
 * 2^17 (K = 2 at 256×256) was dominated by per-line loop overhead and 2^19 (K = 8) measured 2.07 → 1.34 s CPU.
 * With the WebAssembly ones (line-solves-wasm.ts), 256×256 measured K = 4 0.51 s, K = 8 0.24 s, K = 16 0.43 s
 * CPU: K = 8 is one group of eight right-hand sides carried in registers along a word line, and a larger
 * block only adds memory traffic. The block's joint stopping test may take one sweep more or less than
 * another K would (the matrix agrees beyond 1e-14 relative).
 */
const BLOCK_ELEMENTS = 1 << 19;

/** Convergence bookkeeping of the exact relaxation. */
interface ConvergenceState {
  /** Largest output change of the last sweep, A. */
  lastChange: number;
  /** lastChange / the change before it (NaN until two changes are known). */
  ratio: number;
  /** The two ratios before `ratio` (NaN when unknown). */
  ratio1: number;
  ratio2: number;
  sweeps: number;
}

function newConvergenceState(): ConvergenceState {
  return { lastChange: Number.POSITIVE_INFINITY, ratio: Number.NaN, ratio1: Number.NaN, ratio2: Number.NaN, sweeps: 0 };
}

/** Forgets the contraction history (after ω changes). */
function resetContraction(st: ConvergenceState): void {
  st.lastChange = Number.POSITIVE_INFINITY;
  st.ratio = st.ratio1 = st.ratio2 = Number.NaN;
}

/**
 * One convergence test: compares `out` with `prev` (both [cols, K]), copies out into prev and says whether the
 * estimated remaining error Δ·ρ/(1 − ρ) is below EXACT_REL_TOL of the largest output. ρ is the largest of the
 * last three change ratios, so a ratio that dips for one sweep (over-relaxation can make it oscillate) does not
 * end the solve early.
 */
function converged(out: Float64Array, prev: Float64Array, n: number, st: ConvergenceState): boolean {
  let change = 0;
  let scale = 0;
  for (let m = 0; m < n; m++) {
    const d = Math.abs(out[m] - prev[m]);
    if (d > change) change = d;
    const a = Math.abs(out[m]);
    if (a > scale) scale = a;
    prev[m] = out[m];
  }
  const previous = st.lastChange;
  st.lastChange = change;
  st.ratio2 = st.ratio1;
  st.ratio1 = st.ratio;
  st.ratio = previous > 0 && Number.isFinite(previous) ? change / previous : Number.NaN;
  if (change <= ROUNDING_FLOOR_REL * scale) return true;
  const rho = Math.max(st.ratio, st.ratio1, st.ratio2); // NaN until three ratios are known
  return rho < 1 && (change * rho) / (1 - rho) <= EXACT_REL_TOL * scale;
}

/** Whether the last three change ratios agree within 1 % of the distance to 1 (a real, dominant eigenvalue). */
function steadyContraction(st: ConvergenceState): boolean {
  const tol = 0.01 * (1 - st.ratio);
  return Math.abs(st.ratio - st.ratio1) <= tol && Math.abs(st.ratio1 - st.ratio2) <= tol;
}

/**
 * Sweep after which the relaxation switches to block SOR when the Gauss–Seidel contraction ρ observed so far
 * exceeds SOR_MIN_CONTRACTION. A 2×2 block system is consistently ordered, so Young's theory applies: the
 * block-Jacobi eigenvalues are ±μ with μ² ∈ [0, ρ] (the eigenvalues of T⁻¹G·B⁻¹G), the optimal factor is
 * ω = 2/(1 + √(1 − ρ)) and the contraction drops from ρ to ω − 1 (0.2 → 0.06 at R_source = R_sink = 1 kΩ,
 * 0.95 → 0.64). Any ω in (0, 2) converges for an SPD system, so a poor estimate of ρ only costs sweeps.
 */
const SOR_START_SWEEP = 4;
const SOR_MIN_CONTRACTION = 0.05;
/**
 * While over-relaxing, after at least this many sweeps with one ω and a steady contraction λ, ω is re-estimated
 * (adaptive SOR, Hageman & Young, "Applied Iterative Methods", 1981, ch. 9): for ω below the optimum the dominant
 * eigenvalue is real and satisfies (λ + ω − 1)² = λ·ω²·μ², which gives μ² and a better ω. Early estimates of ρ
 * are low, so ω only ever increases towards the optimum.
 */
const SOR_UPDATE_SWEEPS = 8;

/** ω for block SOR from an observed Gauss–Seidel contraction, or 1 (plain Gauss–Seidel) when it does not pay. */
function sorFactor(rho: number): number {
  if (!(rho > SOR_MIN_CONTRACTION && rho < 1)) return 1;
  return 2 / (1 + Math.sqrt(1 - rho));
}

/** A larger ω inferred from the contraction λ observed under SOR with factor omega, or omega itself. */
function adaptedSorFactor(omega: number, lambda: number): number {
  if (!(lambda > omega - 1 && lambda < 1)) return omega;
  const mu2 = (lambda + omega - 1) ** 2 / (lambda * omega * omega);
  const better = sorFactor(Math.min(mu2, 1 - 1e-12));
  return better > omega * (1 + 1e-3) ? better : omega;
}


/** State of one relaxation, for blocks of up to K right-hand sides. */
interface RelaxationWork {
  /** Voltages, drives and line solves in the WebAssembly kernel's memory (line-solves-wasm.ts). */
  readonly lines: LineSolves;
  /** Column currents [cols, K] of the latest and the previous sweep. */
  readonly out: Float64Array;
  readonly prev: Float64Array;
}

/** Opens the relaxation workspace of `net` (replacing any earlier one, see line-solves-wasm.ts). */
export function relaxationWork(net: LineNetwork, nRhs: number): RelaxationWork {
  return { lines: lineSolves(net, nRhs), out: new Float64Array(net.cols * nRhs), prev: new Float64Array(net.cols * nRhs) };
}

/**
 * Relaxes to convergence from a state whose word lines have just been solved (work.u current): bit-line solve,
 * convergence test, word-line solve, repeated; plain Gauss–Seidel first, block SOR from SOR_START_SWEEP on when
 * the contraction warrants it. Leaves the column currents in work.out and returns the number of sweeps.
 */
export function relaxToConvergence(net: LineNetwork, work: RelaxationWork, nRhs: number, wires: WireResistances): number {
  const { lines, out, prev } = work;
  const st = newConvergenceState();
  let omega = 1; // plain Gauss–Seidel until SOR pays
  let sorSweeps = 0;
  prev.fill(0, 0, net.cols * nRhs);
  for (;;) {
    lines.solveBitLines(nRhs, omega);
    st.sweeps++;
    outputsFromBitLines(net, lines.w, nRhs, out);
    if (converged(out, prev, net.cols * nRhs, st)) return st.sweeps;
    if (st.sweeps >= EXACT_MAX_SWEEPS) {
      const detail = `${EXACT_MAX_SWEEPS} sweeps, last change ${st.lastChange.toExponential(2)} A`;
      throw notConvergedError('exact IR-drop solve', net.rows, net.cols, detail, wires);
    }
    const adapt = omega !== 1 && sorSweeps >= SOR_UPDATE_SWEEPS && steadyContraction(st);
    if (st.sweeps === SOR_START_SWEEP || adapt) {
      const next = omega !== 1 ? adaptedSorFactor(omega, st.ratio) : sorFactor(st.ratio);
      if (next !== omega) {
        omega = next;
        sorSweeps = 0;
        resetContraction(st); // the contraction changes; estimate it afresh
      }
    }
    if (omega !== 1) sorSweeps++;
    lines.solveWordLines(nRhs, omega);
  }
}

/**
 * Exact effective-matrix rows firstRow…firstRow+K−1 (right-hand side k drives row firstRow + k at 1 V);
 * writes M[firstRow + k][j].
 */
function exactRowsByRelaxation(
  net: LineNetwork,
  firstRow: number,
  nRhs: number,
  work: RelaxationWork,
  wires: WireResistances,
  m: Float64Array,
): void {
  const { rows, cols } = net;
  const { drive, u } = work.lines;
  drive.fill(0, 0, rows * nRhs);
  for (let k = 0; k < nRhs; k++) drive[(firstRow + k) * nRhs + k] = 1;
  firstWordSweepUnitDrive(net, u, firstRow, nRhs);
  relaxToConvergence(net, work, nRhs, wires);
  for (let k = 0; k < nRhs; k++) {
    const dst = (firstRow + k) * cols;
    for (let j = 0; j < cols; j++) m[dst + j] = work.out[j * nRhs + k];
  }
}

export function exactEffectiveMatrix(net: LineNetwork, wires: WireResistances, m: Float64Array): void {
  const { rows, cols } = net;
  const blockRhs = Math.max(1, Math.min(rows, Math.floor(BLOCK_ELEMENTS / (rows * cols))));
  const work = relaxationWork(net, blockRhs);
  for (let first = 0; first < rows; first += blockRhs) {
    exactRowsByRelaxation(net, first, Math.min(blockRhs, rows - first), work, wires, m);
  }
}
