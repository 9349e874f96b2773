/**
 * The WebAssembly line solves (src/xbar/irdrop/line-solves-wasm.ts) against an independent computation: each
 * word or bit line solved alone, one right-hand side at a time, by the scalar Thomas solve `solveChain`, then
 * relaxed in JavaScript. Block sizes cover every path of the kernel: K = 1 (scalar only), 2, 3 and 7 (f64x2 pairs
 * plus one scalar right-hand side), 8 and 16 (groups of eight only), 11 (a group of eight, a pair and one more).
 */
import { describe, expect, test } from '@jest/globals';
import { buildLineNetwork, solveChain } from '../../src/xbar/irdrop/line-network.js';
import { lineSolves } from '../../src/xbar/irdrop/line-solves-wasm.js';
import { Rng } from '../../src/xbar/rng.js';
import { expectClose } from '../support/expect-close.js';

const ROWS = 6;
const COLS = 5;
const WIRES = { rWireOhm: 3, rSourceOhm: 200, rSinkOhm: 150 };
/** One block of right-hand sides is a handful of float64 sums; the two computations round differently. */
const RTOL = 1e-13;

function randomArray(n: number, rng: Rng, scale: number): Float64Array {
  return new Float64Array(n).map(() => scale * (0.1 + rng.uniform()));
}

/** Word-line solve of every line and right-hand side by solveChain; returns the solution [rows, cols, K]. */
function wordLinesReference(g: Float64Array, w: Float64Array, drive: Float64Array, nRhs: number): Float64Array {
  const net = buildLineNetwork(g, ROWS, COLS, WIRES);
  const x = new Float64Array(ROWS * COLS * nRhs);
  const line = new Float64Array(COLS);
  for (let i = 0; i < ROWS; i++) {
    for (let k = 0; k < nRhs; k++) {
      // Right-hand side of node j: G·W (+ the driver's current at node 0); elimination from the open end.
      for (let j = 0; j < COLS; j++) line[j] = g[i * COLS + j] * w[(i * COLS + j) * nRhs + k];
      line[0] += net.gLeftSiemens * drive[i * nRhs + k];
      solveChain(net.wordInvPivot, net.wordCoupling, i * COLS + COLS - 1, -1, line, COLS - 1, -1, COLS);
      for (let j = 0; j < COLS; j++) x[(i * COLS + j) * nRhs + k] = line[j];
    }
  }
  return x;
}

/** Bit-line solve of every line and right-hand side by solveChain, [rows, cols, K]. */
function bitLinesReference(g: Float64Array, u: Float64Array, nRhs: number): Float64Array {
  const net = buildLineNetwork(g, ROWS, COLS, WIRES);
  const x = new Float64Array(ROWS * COLS * nRhs);
  const line = new Float64Array(ROWS);
  for (let j = 0; j < COLS; j++) {
    for (let k = 0; k < nRhs; k++) {
      for (let i = 0; i < ROWS; i++) line[i] = g[i * COLS + j] * u[(i * COLS + j) * nRhs + k];
      solveChain(net.bitInvPivot, net.bitCoupling, j, COLS, line, 0, 1, ROWS);
      for (let i = 0; i < ROWS; i++) x[(i * COLS + j) * nRhs + k] = line[i];
    }
  }
  return x;
}

const relaxed = (old: Float64Array, x: Float64Array, omega: number) => old.map((o, n) => o + omega * (x[n] - o));

describe('WebAssembly line solves against one line and one right-hand side at a time', () => {
  for (const nRhs of [1, 2, 3, 7, 8, 11, 16]) {
    for (const omega of [1, 1.37]) {
      test(`K = ${nRhs}, ω = ${omega}: word lines, then bit lines`, () => {
        const rng = new Rng(1000 * nRhs + Math.round(100 * omega));
        const g = randomArray(ROWS * COLS, rng, 1e-5);
        const u0 = randomArray(ROWS * COLS * nRhs, rng, 0.2);
        const w0 = randomArray(ROWS * COLS * nRhs, rng, 0.1);
        const drive = randomArray(ROWS * nRhs, rng, 0.25);
        // A workspace larger than the block: the solves use the first rows·cols·K entries.
        const lines = lineSolves(buildLineNetwork(g, ROWS, COLS, WIRES), 17);
        const block = ROWS * COLS * nRhs;
        lines.u.set(u0);
        lines.w.set(w0);
        lines.drive.set(drive);

        lines.solveWordLines(nRhs, omega);
        const uRef = wordLinesReference(g, w0, drive, nRhs);
        const u1 = omega === 1 ? uRef : relaxed(u0, uRef, omega);
        expectClose(lines.u.subarray(0, block), u1, { atol: 0, rtol: RTOL });
        expectClose(lines.w.subarray(0, block), w0, { atol: 0, rtol: 0 });

        lines.solveBitLines(nRhs, omega);
        const wRef = bitLinesReference(g, lines.u.slice(0, block), nRhs);
        expectClose(lines.w.subarray(0, block), omega === 1 ? wRef : relaxed(w0, wRef, omega), { atol: 0, rtol: RTOL });
      });
    }
  }

  test('a workspace replaced by a later one refuses to solve or hand out its views (they may be stale)', () => {
    const g = new Float64Array(ROWS * COLS).fill(1e-5);
    const first = lineSolves(buildLineNetwork(g, ROWS, COLS, WIRES), 2);
    expect(first.u.length).toBe(ROWS * COLS * 2);
    const second = lineSolves(buildLineNetwork(g, ROWS, COLS, WIRES), 2);
    second.solveBitLines(2, 1);
    expect(() => first.solveBitLines(2, 1)).toThrow(/replaced/);
    for (const get of [() => first.u, () => first.w, () => first.drive]) expect(get).toThrow(/replaced/);
    expect(second.w.length).toBe(ROWS * COLS * 2);
    expect(() => second.solveWordLines(3, 1)).toThrow(/3 right-hand sides, block of 2/);
  });
});
