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

/*
 * The word-line and bit-line solves of a relaxation run in WebAssembly (line-solves-wasm.ts) on these factors,
 * for K right-hand sides at once:
 * - word lines, U given W: forward elimination from the open end y_j = G_ij·W_ij + (g_w/p_{j+1})·y_{j+1}, the
 *   driver entering at node 0, x_0 = (y_0 + gLeft·V_i)/p_0, then back substitution x_j = y_j/p_j + (g_w/p_j)·x_{j−1};
 * - bit lines, W given U: forward from the open top y_i = G_ij·U_ij + (g_w/p_{i−1})·y_{i−1}, back from the sink
 *   end x_{R−1} = y_{R−1}/p_{R−1}, x_i = y_i/p_i + (g_w/p_i)·x_{i+1}.
 */

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
