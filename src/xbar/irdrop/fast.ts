/** The 'fast' solver: the relaxation summed in closed form to O(rows·cols) work (see `fastEffectiveMatrix`). */
import type { WireResistances } from './types.js';
import { type LineNetwork, factorChain, notConvergedError, solveChain } from './line-network.js';

/**
 * The fast model's mean-field series stops when its estimated remaining sum is below this fraction of the
 * largest matrix entry (far below the model's own error), or throws after FAST_MAX_ORDERS terms.
 */
const FAST_SERIES_REL_TOL = 1e-9;
/** Allowed error, relative to max M, of the closed-form geometric tail of a slowly converging fast series. */
const FAST_TAIL_REL_TOL = 1e-8;
const FAST_MAX_ORDERS = 1000;

/**
 * The 'fast' effective matrix, O(rows·cols) per order of the series below (typically 3–15 orders).
 *
 * Exact relaxation from W = 0 generates U = Σ_{n≥1} Hⁿ⁻¹·U₁ with H = T⁻¹·G·B⁻¹·G (T: word lines, B: bit lines)
 * and the outputs I = Σ_{i} a[i][j]·U[i][j] (a = the bit-line adjoint, so the last bit-line solve is exact).
 * 1. First sweep, exact and in closed form: with W = 0 only the driven word line r carries current, so
 *    U₁ = e_r ⊗ u_r with u_r[j] = gLeft/p₀·Π_{m=1..j} g_w/p_m, and M₁[r][j] = a[r][j]·u_r[j].
 * 2. Later sweeps, mean field (nax assumption). Inside H the device matrix is replaced by its separable
 *    approximation G[i][l] ≈ γ_i·κ_l (γ_i = mean_l G[i][l], κ_l = mean_i G[i][l] / mean G), every bit line by the
 *    column-averaged line B̄ (shunts γ_i) scaled by β_l = (ΣB̄ + gDown)/(Σ_i G[i][l] + gDown), and every word line
 *    by the row-averaged line T̄ (shunts mean_i G[i][j]) scaled by τ_i = (ΣT̄ + gLeft)/(Σ_j G[i][j] + gLeft) (Σ =
 *    total device conductance of a line). The scalars keep each line's total conductance to ground its own, so the
 *    mean-field sweep contracts like the true one in both limits: driver/sense dominated (β, τ → 1) and
 *    floating (R_source, R_sink → ∞, contraction → 1); without them rows or columns above the mean would be
 *    amplified and the series could diverge. A separable field x ⊗ y stays separable under these operators,
 *    x ← τγ∘B̄⁻¹(γ∘x), y ← T̄⁻¹(κ²β∘y), so order n ≥ 2 adds
 *      ΔM_n[r][j] = s_n[r][j]·y_n[r][j],  s_2 = B̄⁻¹(τγ∘a[·][j]) per column,  y_2 = T̄⁻¹(κβ∘G[r]∘u_r) per row,
 *      s_{n+1} = B̄⁻¹(τγ²∘s_n),  y_{n+1} = T̄⁻¹(κ²β∘y_n),
 *    each a set of tridiagonal solves. The series stops when its geometric tail is < FAST_SERIES_REL_TOL·max M,
 *    or adds that tail in closed form once the ratio of successive terms is steady (slow, floating arrays).
 * What it misses: how the pattern of G within a row or column shapes the sweeps after the first (the separable
 * approximation keeps row and column structure, e.g. all-ON columns or rows, but not the pattern within them).
 *
 * Measured error against 'exact', max over input vectors and columns of |ΔM·V| / max I_ideal (the metric of
 * `bench/irdrop.ts`: random 2-bit levels, 50 % of rows driven at V_read = 0.25 V, R_on 100 kΩ, ON/OFF 6; worst of
 * 3 arrays × 4 input vectors):
 *   defaults R_wire 1 Ω, R_source = R_sink = 100 Ω (reference §2.4 row 1):
 *     N = 16: 2.3e-6, 32: 2.8e-6, 64: 5.6e-6, 128: 1.6e-5        (NF there: 2 %, 4 %, 8 %, 17 %)
 *   R_wire 2.5 Ω, R_source 500 Ω, R_sink 100 Ω (row 2):  N = 64: 1.7e-5, 128: 2.9e-5
 *   R_wire 1 Ω, R_source = R_sink = 1 kΩ (row 3):        N = 16: 1.0e-4, 64: 7.5e-5, 128: 5.8e-5
 *   R_wire 5 Ω, defaults otherwise:                      N = 64: 2.8e-5, 128: 5.7e-5
 *   structured arrays at the defaults, N = 128 (alternating or half ON/OFF rows or columns, checkerboard,
 *   block-diagonal, 90 % OFF): ≤ 7.7e-4; uniform arrays: exact (the mean field is the array).
 * So it stays two to three orders below the 1 % target up to N = 128. For comparison, the first sweep alone
 * (step 1, zero cost beyond the factors) errs by 8.5e-3 at N = 128, and two true relaxation sweeps by 7.5e-5
 * at ~10× the cost of this model. Cost: best-of-N 0.3 ms at 64×64 and 1.5 ms at 128×128 (`bench/irdrop.ts`),
 * 7× and 13× below the exact solve since its line solves run in WebAssembly (> 50× before).
 */
export function fastEffectiveMatrix(net: LineNetwork, wires: WireResistances, m: Float64Array): void {
  const { rows, cols, g, gWireSiemens: gWire, gLeftSiemens, wordInvPivot, wordCoupling, adjointOut } = net;
  // 1. First sweep. u[r][j]: word line r's voltages for 1 V on row r with W = 0.
  const u = new Float64Array(rows * cols);
  let maxM = 0;
  for (let r = 0; r < rows; r++) {
    const row = r * cols;
    let x = gLeftSiemens * wordInvPivot[row];
    for (let j = 0; j < cols; j++) {
      if (j > 0) x *= wordCoupling[row + j];
      u[row + j] = x;
      m[row + j] = adjointOut[row + j] * x;
      if (m[row + j] > maxM) maxM = m[row + j];
    }
  }
  // 2. Mean-field series.
  const gRowMean = new Float64Array(rows);
  const gColMean = new Float64Array(cols);
  let gMean = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const gij = g[i * cols + j];
      gRowMean[i] += gij / cols;
      gColMean[j] += gij / rows;
      gMean += gij;
    }
  }
  gMean /= rows * cols;
  if (!(gMean > 0)) return; // no device conducts: no current flows, M₁ = 0 is exact
  // Scalar corrections of each line's Green's function for its own total conductance to ground (see doc).
  const kappa = new Float64Array(cols);
  const beta = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    kappa[j] = gColMean[j] / gMean;
    beta[j] = (rows * gMean + net.gDownSiemens) / (rows * gColMean[j] + net.gDownSiemens);
  }
  const tauGamma = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    tauGamma[i] = (gRowMean[i] * (cols * gMean + gLeftSiemens)) / (cols * gRowMean[i] + gLeftSiemens);
  }
  const tInvPivot = new Float64Array(cols);
  const tCoupling = new Float64Array(cols);
  factorChain(gColMean, cols - 1, -1, cols, gWire, gLeftSiemens, tInvPivot, tCoupling);
  const bInvPivot = new Float64Array(rows);
  const bCoupling = new Float64Array(rows);
  factorChain(gRowMean, 0, 1, rows, gWire, net.gDownSiemens, bInvPivot, bCoupling);
  // s [r, j] (column j solved along r with B̄), y [r, j] (row r solved along j with T̄).
  const s = new Float64Array(rows * cols);
  const y = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const n = i * cols + j;
      s[n] = tauGamma[i] * adjointOut[n];
      y[n] = kappa[j] * beta[j] * g[n] * u[n];
    }
  }
  solveMeanBitLines(bInvPivot, bCoupling, rows, cols, s);
  for (let r = 0; r < rows; r++) solveChain(tInvPivot, tCoupling, cols - 1, -1, y, r * cols + cols - 1, -1, cols);
  // s and y shrink and grow by many orders of magnitude per order (≈ G/ΣG and ΣG⁻¹ scales), so both are kept
  // normalised to max 1 and their product's magnitude is carried in `scale`.
  let scale = 1;
  let prevMaxTerm = Number.POSITIVE_INFINITY;
  let prevRatio = Number.NaN;
  for (let order = 2; ; order++) {
    let maxTerm = 0;
    let sMax = 0;
    let yMax = 0;
    for (let n = 0; n < rows * cols; n++) {
      const term = scale * s[n] * y[n];
      m[n] += term;
      if (term > maxTerm) maxTerm = term;
      if (s[n] > sMax) sMax = s[n];
      if (y[n] > yMax) yMax = y[n];
    }
    // Stop when the geometric tail, term·q/(1 − q) with q the observed ratio of successive terms, is negligible.
    const q = Number.isFinite(prevMaxTerm) ? maxTerm / prevMaxTerm : Number.NaN;
    if (!(sMax > 0 && yMax > 0) || (q < 1 && (maxTerm * q) / (1 - q) <= FAST_SERIES_REL_TOL * maxM)) return;
    // Slow series (q → 1 as the array floats, R_source and R_sink ≫ 1/ΣG): s and y are power iterations, so the
    // terms become geometric element-wise; once q is steady enough that the tail's error term·δq/(1 − q)² is
    // negligible, add the tail in closed form.
    if (q < 1 && (Math.abs(q - prevRatio) * maxTerm) / ((1 - q) * (1 - q)) <= FAST_TAIL_REL_TOL * maxM) {
      const tailFactor = (scale * q) / (1 - q);
      for (let n = 0; n < rows * cols; n++) m[n] += tailFactor * s[n] * y[n];
      return;
    }
    prevMaxTerm = maxTerm;
    prevRatio = q;
    if (order >= FAST_MAX_ORDERS) {
      const detail = `${FAST_MAX_ORDERS} orders, last term ${(maxTerm / maxM).toExponential(2)} of max M`;
      throw notConvergedError('fast IR-drop model', rows, cols, detail, wires);
    }
    scale *= sMax * yMax;
    for (let i = 0; i < rows; i++) {
      const f = (tauGamma[i] * gRowMean[i]) / sMax;
      for (let j = 0; j < cols; j++) s[i * cols + j] *= f;
    }
    solveMeanBitLines(bInvPivot, bCoupling, rows, cols, s);
    for (let r = 0; r < rows; r++) {
      const row = r * cols;
      for (let j = 0; j < cols; j++) y[row + j] *= (kappa[j] * kappa[j] * beta[j]) / yMax;
      solveChain(tInvPivot, tCoupling, cols - 1, -1, y, row + cols - 1, -1, cols);
    }
  }
}

/** Solves the averaged bit line B̄ (factors [rows]) for every column of x [rows, cols] in place, row by row. */
function solveMeanBitLines(invPivot: Float64Array, coupling: Float64Array, rows: number, cols: number, x: Float64Array): void {
  for (let i = 1; i < rows; i++) {
    const c = coupling[i - 1];
    for (let j = 0; j < cols; j++) x[i * cols + j] += c * x[(i - 1) * cols + j];
  }
  const last = (rows - 1) * cols;
  for (let j = 0; j < cols; j++) x[last + j] *= invPivot[rows - 1];
  for (let i = rows - 2; i >= 0; i--) {
    const ip = invPivot[i];
    const c = coupling[i];
    for (let j = 0; j < cols; j++) x[i * cols + j] = x[i * cols + j] * ip + c * x[(i + 1) * cols + j];
  }
}
