/**
 * The zero-wire solver: with R_wire = 0 each line is a single node, and that smaller network is solved directly
 * (Cholesky), with R_source = 0 or R_sink = 0 as fixed node voltages, so nothing is divided by zero.
 */
import { assert } from '../../errors.js';
import type { CrossbarSolution, WireResistances } from './types.js';

/** Solution of the zero-wire network for K right-hand sides. */
interface CollapsedSolution {
  /** [rows, K] */
  readonly wordNodeV: Float64Array;
  /** [cols, K] */
  readonly bitNodeV: Float64Array;
  /** [cols, K] */
  readonly columnCurrentsA: Float64Array;
  /** [rows, K] */
  readonly rowCurrentsA: Float64Array;
}

/**
 * R_wire = 0: each word line is one node u_i tied to its driver by g_S = 1/R_source, each bit line one node w_j
 * tied to ground by g_K = 1/R_sink (R = 0 makes that node voltage fixed: u = V or w = 0). Eliminating u leaves
 * the SPD system A·w = b, A = diag(colSum + g_K) − Σ_i G_i·G_iᵀ/(g_S + rowSum_i), solved by Cholesky.
 */
export function solveCollapsed(p: {
  /** Device conductances, S, [rows, cols]. */
  readonly g: Float64Array;
  readonly rows: number;
  readonly cols: number;
  readonly wires: WireResistances;
  /** Row drive voltages, V, [rows, K] with K = nRhs. */
  readonly drive: Float64Array;
  readonly nRhs: number;
}): CollapsedSolution {
  const { g, rows, cols, wires, drive, nRhs } = p;
  const sourceFixed = wires.rSourceOhm === 0;
  const sinkFixed = wires.rSinkOhm === 0;
  const gS = sourceFixed ? Number.POSITIVE_INFINITY : 1 / wires.rSourceOhm;
  const gK = sinkFixed ? Number.POSITIVE_INFINITY : 1 / wires.rSinkOhm;
  const rowSum = new Float64Array(rows);
  const colSum = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      rowSum[i] += g[i * cols + j];
      colSum[j] += g[i * cols + j];
    }
  }
  const u = new Float64Array(rows * nRhs);
  const w = new Float64Array(cols * nRhs);
  if (sourceFixed) {
    u.set(drive.subarray(0, rows * nRhs));
    if (!sinkFixed) {
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const gij = g[i * cols + j];
          for (let k = 0; k < nRhs; k++) w[j * nRhs + k] += gij * u[i * nRhs + k];
        }
      }
      for (let j = 0; j < cols; j++) for (let k = 0; k < nRhs; k++) w[j * nRhs + k] /= gK + colSum[j];
    }
  } else if (sinkFixed) {
    for (let i = 0; i < rows; i++) {
      const f = gS / (gS + rowSum[i]);
      for (let k = 0; k < nRhs; k++) u[i * nRhs + k] = f * drive[i * nRhs + k];
    }
  } else {
    // A [cols, cols] and b [cols, K].
    const a = new Float64Array(cols * cols);
    for (let i = 0; i < rows; i++) {
      const inv = 1 / (gS + rowSum[i]);
      const row = i * cols;
      for (let j = 0; j < cols; j++) {
        const gij = g[row + j] * inv;
        if (gij === 0) continue;
        for (let l = 0; l < cols; l++) a[j * cols + l] -= gij * g[row + l];
      }
      for (let j = 0; j < cols; j++) {
        const f = g[row + j] * gS * inv;
        for (let k = 0; k < nRhs; k++) w[j * nRhs + k] += f * drive[i * nRhs + k];
      }
    }
    for (let j = 0; j < cols; j++) a[j * cols + j] += colSum[j] + gK;
    choleskySolveInPlace(a, cols, w, nRhs);
    for (let i = 0; i < rows; i++) {
      const inv = 1 / (gS + rowSum[i]);
      for (let k = 0; k < nRhs; k++) {
        let s = gS * drive[i * nRhs + k];
        for (let j = 0; j < cols; j++) s += g[i * cols + j] * w[j * nRhs + k];
        u[i * nRhs + k] = s * inv;
      }
    }
  }
  const columnCurrentsA = new Float64Array(cols * nRhs);
  const rowCurrentsA = new Float64Array(rows * nRhs);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const gij = g[i * cols + j];
      for (let k = 0; k < nRhs; k++) {
        // Device current; summed per column it is the sink current, per row the driver current (KCL).
        const iDev = gij * (u[i * nRhs + k] - w[j * nRhs + k]);
        columnCurrentsA[j * nRhs + k] += iDev;
        rowCurrentsA[i * nRhs + k] += iDev;
      }
    }
  }
  return { wordNodeV: u, bitNodeV: w, columnCurrentsA, rowCurrentsA };
}

/** Solves A·X = B in place (B [n, K] becomes X) for SPD A [n, n] (overwritten by its Cholesky factor). */
function choleskySolveInPlace(a: Float64Array, n: number, b: Float64Array, nRhs: number): void {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let p = 0; p < j; p++) d -= a[j * n + p] * a[j * n + p];
    assert(d > 0, () => `zero-wire crossbar system not positive definite at ${j} (pivot ${d})`);
    const ljj = Math.sqrt(d);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let p = 0; p < j; p++) s -= a[i * n + p] * a[j * n + p];
      a[i * n + j] = s / ljj;
    }
  }
  for (let k = 0; k < nRhs; k++) {
    for (let i = 0; i < n; i++) {
      let s = b[i * nRhs + k];
      for (let p = 0; p < i; p++) s -= a[i * n + p] * b[p * nRhs + k];
      b[i * nRhs + k] = s / a[i * n + i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = b[i * nRhs + k];
      for (let p = i + 1; p < n; p++) s -= a[p * n + i] * b[p * nRhs + k];
      b[i * nRhs + k] = s / a[i * n + i];
    }
  }
}

/** One input vector on a zero-wire crossbar, with its node voltages spread over the (collapsed) lines. */
export function collapsedSolution(p: {
  readonly g: Float64Array;
  readonly rows: number;
  readonly cols: number;
  readonly voltages: Float64Array;
  readonly wires: WireResistances;
}): CrossbarSolution {
  const { g, rows, cols, voltages, wires } = p;
  const sol = solveCollapsed({ g, rows, cols, wires, drive: voltages, nRhs: 1 });
  const wordLineV = new Float64Array(rows * cols);
  const bitLineV = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      wordLineV[i * cols + j] = sol.wordNodeV[i];
      bitLineV[i * cols + j] = sol.bitNodeV[j];
    }
  }
  return { columnCurrentsA: sol.columnCurrentsA, nodes: { rowCurrentsA: sol.rowCurrentsA, wordLineV, bitLineV }, sweeps: 0 };
}
