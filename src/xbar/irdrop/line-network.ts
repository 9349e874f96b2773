/**
 * The line network of a crossbar with R_wire > 0 and the line solves every relaxation solver shares: Thomas
 * factors of each word and bit line (computed once per programmed crossbar), word-line and bit-line sweeps for
 * blocks of right-hand sides, and the closed-form first word-line sweep of a unit drive.
 *
 * Layout: node n = i·cols + j; block arrays index (n·K + k) for right-hand side k.
 */
import { NaxUserError, assert } from '../../errors.js';
import type { WireResistances } from './types.js';

/** Geometry, conductances and precomputed line factors of one programmed crossbar (R_wire > 0). */
export interface LineNetwork {
  readonly rows: number;
  readonly cols: number;
  /** Device conductances, S, [rows, cols]. */
  readonly g: Float64Array;
  /** 1/R_wire, S. */
  readonly gWireSiemens: number;
  /** Driver + first segment, 1/(R_source + R_wire), S. */
  readonly gLeftSiemens: number;
  /** Last segment + sense amplifier, 1/(R_sink + R_wire), S. */
  readonly gDownSiemens: number;
  /** Word-line Thomas factors [rows, cols]: 1/pivot and g_wire/pivot. */
  readonly wordInvPivot: Float64Array;
  readonly wordCoupling: Float64Array;
  /** Bit-line Thomas factors [rows, cols]: 1/pivot and g_wire/pivot. */
  readonly bitInvPivot: Float64Array;
  readonly bitCoupling: Float64Array;
  /**
   * a[i][j] = gDown·(B_j⁻¹)[rows−1][i]·G[i][j], [rows, cols]: column j's output current per volt on word-line
   * node U[i][j] (B_j = bit line j's tridiagonal matrix; the adjoint of the bit-line solve).
   */
  readonly adjointOut: Float64Array;
}

/** Bound once: a global lookup per cell is slow under jest's vm context. */
const MAX_FINITE = Number.MAX_VALUE;

export function checkArgs(g: Float64Array, rows: number, cols: number, wires: WireResistances): void {
  assert(Number.isInteger(rows) && rows > 0 && Number.isInteger(cols) && cols > 0, () => `crossbar ${rows}×${cols}`);
  assert(g.length === rows * cols, () => `conductances have ${g.length} cells, expected ${rows}×${cols}`);
  for (let n = 0; n < g.length; n++) {
    // Non-negative conductances keep every pivot positive (the SPD argument behind both solvers).
    assert(g[n] >= 0 && g[n] <= MAX_FINITE, () => `conductance ${g[n]} S at cell ${n}`);
  }
  for (const [k, v] of Object.entries(wires)) {
    assert(Number.isFinite(v) && v >= 0, () => `${k} = ${v}: resistances must be finite and ≥ 0`);
  }
}

/**
 * Thomas factors of one resistive chain, written into invPivot and coupling at base + t·stride, where t runs
 * in elimination order from the chain's open end (t = 0) to its terminal end (t = n−1, where the driver or sense
 * amplifier attaches through gTerminal). Shunt of node t: shunt[base + t·stride] (+ gTerminal at t = n−1).
 * Excess recursion: e_0 = s_0, e_t = s_t + g_w·e_{t−1}/(g_w + e_{t−1}); pivot p_t = e_t + g_w for t < n−1
 * (the link to the not-yet-eliminated neighbour), p_{n−1} = e_{n−1}.
 */
export function factorChain(
  shunt: Float64Array,
  base: number,
  stride: number,
  n: number,
  gWire: number,
  gTerminal: number,
  invPivot: Float64Array,
  coupling: Float64Array,
): void {
  let e = 0;
  for (let t = 0; t < n; t++) {
    const idx = base + t * stride;
    const s = shunt[idx] + (t === n - 1 ? gTerminal : 0);
    e = t === 0 ? s : s + (gWire * e) / (gWire + e);
    const pivot = t < n - 1 ? e + gWire : e;
    invPivot[idx] = 1 / pivot;
    coupling[idx] = gWire / pivot;
  }
}

/**
 * Solves one chain factored by `factorChain` in place. Node t's factors are at fBase + t·fStride and its
 * right-hand side (overwritten by the solution) at xBase + t·xStride:
 * forward y_t = b_t + c_{t−1}·y_{t−1}, backward x_{n−1} = y_{n−1}/p_{n−1}, x_t = y_t/p_t + c_t·x_{t+1}.
 */
export function solveChain(
  invPivot: Float64Array,
  coupling: Float64Array,
  fBase: number,
  fStride: number,
  x: Float64Array,
  xBase: number,
  xStride: number,
  n: number,
): void {
  for (let t = 1; t < n; t++) {
    x[xBase + t * xStride] += coupling[fBase + (t - 1) * fStride] * x[xBase + (t - 1) * xStride];
  }
  const last = n - 1;
  x[xBase + last * xStride] *= invPivot[fBase + last * fStride];
  for (let t = n - 2; t >= 0; t--) {
    const xi = xBase + t * xStride;
    const fi = fBase + t * fStride;
    x[xi] = x[xi] * invPivot[fi] + coupling[fi] * x[xi + xStride];
  }
}

/**
 * Precomputes the Thomas factors of every word line (eliminated from the open right end towards the driver) and
 * every bit line (from the open top towards the sense amplifier), and the bit-line adjoint.
 */
export function buildLineNetwork(g: Float64Array, rows: number, cols: number, wires: WireResistances): LineNetwork {
  const gWire = 1 / wires.rWireOhm;
  const gLeft = 1 / (wires.rSourceOhm + wires.rWireOhm);
  const gDown = 1 / (wires.rSinkOhm + wires.rWireOhm);
  const wordInvPivot = new Float64Array(rows * cols);
  const wordCoupling = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) factorChain(g, i * cols + cols - 1, -1, cols, gWire, gLeft, wordInvPivot, wordCoupling);
  const bitInvPivot = new Float64Array(rows * cols);
  const bitCoupling = new Float64Array(rows * cols);
  const adjointOut = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    factorChain(g, j, cols, rows, gWire, gDown, bitInvPivot, bitCoupling);
    // z = B_j⁻¹·e_{rows−1} with the same factors: z_{R−1} = 1/p_{R−1}, z_i = (g_w/p_i)·z_{i+1}.
    let z = bitInvPivot[(rows - 1) * cols + j];
    for (let i = rows - 1; i >= 0; i--) {
      const n = i * cols + j;
      if (i < rows - 1) z *= bitCoupling[n];
      adjointOut[n] = gDown * z * g[n];
    }
  }
  return {
    rows,
    cols,
    g,
    gWireSiemens: gWire,
    gLeftSiemens: gLeft,
    gDownSiemens: gDown,
    wordInvPivot,
    wordCoupling,
    bitInvPivot,
    bitCoupling,
    adjointOut,
  };
}

/**
 * Over-relaxation of one half-sweep: the line solve writes its plain Gauss–Seidel result into `scratch` and
 * the state moves to state + omega·(result − state).
 */
export interface Relaxation {
  readonly omega: number;
  readonly scratch: Float64Array;
}

/**
 * Solves every word line for U given W, for K right-hand sides at once.
 * @param u word-line voltages [rows, cols, K], V: overwritten (plain) or relaxed towards the solution.
 * @param w bit-line voltages [rows, cols, K], V.
 * @param drive row input voltages [rows, K], V.
 */
export function solveWordLines(
  net: LineNetwork,
  u: Float64Array,
  w: Float64Array,
  drive: Float64Array,
  nRhs: number,
  relax?: Relaxation,
): void {
  const { rows, cols, g, gLeftSiemens, wordInvPivot, wordCoupling } = net;
  const t = relax ? relax.scratch : u;
  const omega = relax ? relax.omega : 1;
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    // Forward elimination from the open end: y_j = G·W_j + (g_w/p_{j+1})·y_{j+1}.
    let b = (row + cols - 1) * nRhs;
    let gij = g[row + cols - 1];
    for (let k = 0; k < nRhs; k++) t[b + k] = gij * w[b + k];
    for (let j = cols - 2; j >= 0; j--) {
      b = (row + j) * nRhs;
      gij = g[row + j];
      const c = wordCoupling[row + j + 1];
      for (let k = 0; k < nRhs; k++) t[b + k] = gij * w[b + k] + c * t[b + nRhs + k];
    }
    // The driver enters at node 0; then back substitution x_j = y_j/p_j + (g_w/p_j)·x_{j−1}.
    b = row * nRhs;
    const d = i * nRhs;
    const ip0 = wordInvPivot[row];
    for (let k = 0; k < nRhs; k++) t[b + k] = (t[b + k] + gLeftSiemens * drive[d + k]) * ip0;
    if (relax) for (let k = 0; k < nRhs; k++) u[b + k] += omega * (t[b + k] - u[b + k]);
    for (let j = 1; j < cols; j++) {
      b = (row + j) * nRhs;
      const ip = wordInvPivot[row + j];
      const c = wordCoupling[row + j];
      if (relax) {
        for (let k = 0; k < nRhs; k++) {
          const x = t[b + k] * ip + c * t[b - nRhs + k];
          t[b + k] = x;
          u[b + k] += omega * (x - u[b + k]);
        }
      } else {
        for (let k = 0; k < nRhs; k++) t[b + k] = t[b + k] * ip + c * t[b - nRhs + k];
      }
    }
  }
}

/**
 * Solves every bit line for W given U, K right-hand sides at once; the loops run row by row over all columns so
 * memory is streamed with unit stride.
 */
export function solveBitLines(net: LineNetwork, w: Float64Array, u: Float64Array, nRhs: number, relax?: Relaxation): void {
  const { rows, cols, g, bitInvPivot, bitCoupling } = net;
  const t = relax ? relax.scratch : w;
  const omega = relax ? relax.omega : 1;
  const rowStride = cols * nRhs;
  // Forward elimination from the open top: y_i = G·U_i + (g_w/p_{i−1})·y_{i−1}.
  for (let j = 0; j < cols; j++) {
    const b = j * nRhs;
    const gij = g[j];
    for (let k = 0; k < nRhs; k++) t[b + k] = gij * u[b + k];
  }
  for (let i = 1; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const n = i * cols + j;
      const b = n * nRhs;
      const gij = g[n];
      const c = bitCoupling[n - cols];
      for (let k = 0; k < nRhs; k++) t[b + k] = gij * u[b + k] + c * t[b - rowStride + k];
    }
  }
  // Back substitution from the sink end: x_{R−1} = y/p, x_i = y_i/p_i + (g_w/p_i)·x_{i+1}.
  for (let j = 0; j < cols; j++) {
    const n = (rows - 1) * cols + j;
    const b = n * nRhs;
    const ip = bitInvPivot[n];
    for (let k = 0; k < nRhs; k++) t[b + k] *= ip;
    if (relax) for (let k = 0; k < nRhs; k++) w[b + k] += omega * (t[b + k] - w[b + k]);
  }
  for (let i = rows - 2; i >= 0; i--) {
    for (let j = 0; j < cols; j++) {
      const n = i * cols + j;
      const b = n * nRhs;
      const ip = bitInvPivot[n];
      const c = bitCoupling[n];
      if (relax) {
        for (let k = 0; k < nRhs; k++) {
          const x = t[b + k] * ip + c * t[b + rowStride + k];
          t[b + k] = x;
          w[b + k] += omega * (x - w[b + k]);
        }
      } else {
        for (let k = 0; k < nRhs; k++) t[b + k] = t[b + k] * ip + c * t[b + rowStride + k];
      }
    }
  }
}

/**
 * First word-line solve from W = 0 for the unit drives of rows firstRow…firstRow+K−1 (right-hand side k drives
 * row firstRow + k at 1 V): only the driven line carries current, u_i[j] = gLeft/p_0·Π_{m=1..j} g_w/p_m.
 */
export function firstWordSweepUnitDrive(net: LineNetwork, u: Float64Array, firstRow: number, nRhs: number): void {
  const { cols, gLeftSiemens, wordInvPivot, wordCoupling } = net;
  u.fill(0, 0, net.rows * cols * nRhs);
  for (let k = 0; k < nRhs; k++) {
    const row = (firstRow + k) * cols;
    let x = gLeftSiemens * wordInvPivot[row];
    u[row * nRhs + k] = x;
    for (let j = 1; j < cols; j++) {
      x *= wordCoupling[row + j];
      u[(row + j) * nRhs + k] = x;
    }
  }
}

/** Column currents gDown·W[rows−1][j] for K right-hand sides, out [cols, K], A. */
export function outputsFromBitLines(net: LineNetwork, w: Float64Array, nRhs: number, out: Float64Array): void {
  const base = (net.rows - 1) * net.cols * nRhs;
  const n = net.cols * nRhs;
  for (let m = 0; m < n; m++) out[m] = net.gDownSiemens * w[base + m];
}

/**
 * A solve that does not converge is the technology's values, not a bug: the validator accepts values the
 * relaxation cannot handle (a floating array, R_source ≫ the devices' parallel resistance), so the user gets
 * one line naming the wire fields.
 */
export function notConvergedError(what: string, rows: number, cols: number, detail: string, wires: WireResistances): NaxUserError {
  return new NaxUserError('technology', 'wires',
    `the ${what} of a ${rows}×${cols} crossbar does not converge with R_wire ${wires.rWireOhm} Ω, R_source ` +
      `${wires.rSourceOhm} Ω, R_sink ${wires.rSinkOhm} Ω (${detail})`,
    'R_source or R_sink is too large against the parallel resistance of a line of devices; lower them');
}
