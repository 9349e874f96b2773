/**
 * The word-line and bit-line solves of the IR-drop relaxation as compiled WebAssembly with SIMD (two right-hand
 * sides per f64x2 step): source wasm/line-solves.ts (AssemblyScript), bytes in line-solves-wasm-bytes.ts
 * (scripts/build-wasm.mjs). The same float64 operations as the formulas in line-network.ts, so the same bits on
 * every engine.
 *
 * A relaxation's arrays live in the kernel's linear memory for the whole solve: the network's conductances and
 * line factors are copied in once, and the voltages are Float64Array views over that memory, so a sweep copies
 * nothing. One workspace is live per thread: opening another one reuses (and may grow) the memory, which makes
 * the previous workspace's views stale, so its solves and its view getters then throw. Copy out (slice) what
 * must outlive the solve.
 */
import { assert } from '../../errors.js';
import { type WasmMemory, ensureMemory, instantiateKernel } from '../wasm-instance.js';
import type { LineNetwork } from './line-network.js';
import { LINE_SOLVES_WASM_BASE64 } from './line-solves-wasm-bytes.js';

interface KernelExports {
  readonly memory: WasmMemory;
  wordLines(
    rows: number, cols: number, nRhs: number, g: number, invPivot: number, coupling: number, gLeft: number,
    u: number, w: number, drive: number, t: number, omega: number, relax: number,
  ): void;
  bitLines(
    rows: number, cols: number, nRhs: number, g: number, invPivot: number, coupling: number,
    w: number, u: number, t: number, omega: number, relax: number,
  ): void;
}

let kernel: KernelExports | undefined;
/** Counts opened workspaces; only the latest may solve. */
let generation = 0;

/** The state of one relaxation in the kernel's memory, for blocks of up to `maxRhs` right-hand sides. */
export interface LineSolves {
  readonly maxRhs: number;
  /** Word-line voltages [rows, cols, K], V (block layout of line-network.ts). */
  readonly u: Float64Array;
  /** Bit-line voltages [rows, cols, K], V. */
  readonly w: Float64Array;
  /** Row drives [rows, K], V. */
  readonly drive: Float64Array;
  /**
   * Solves every word line for U given W and the drives, K right-hand sides at once. ω = 1 is plain
   * Gauss–Seidel (U becomes the line solution); otherwise U moves to U + ω·(solution − U) (block SOR).
   */
  solveWordLines(nRhs: number, omega: number): void;
  /** Solves every bit line for W given U; ω as in solveWordLines. */
  solveBitLines(nRhs: number, omega: number): void;
}

/**
 * Opens the workspace of a relaxation of `net` with blocks of up to maxRhs right-hand sides; u, w and drive
 * start at 0.
 */
export function lineSolves(net: LineNetwork, maxRhs: number): LineSolves {
  const { rows, cols } = net;
  assert(Number.isInteger(maxRhs) && maxRhs >= 1, () => `block of ${maxRhs} right-hand sides`);
  kernel ??= instantiateKernel<KernelExports>(LINE_SOLVES_WASM_BASE64);
  const kx = kernel;
  const cells = rows * cols;
  // Layout: g | word 1/p | word g_w/p | bit 1/p | bit g_w/p | u | w | t | drive; float64 counts are even or
  // rounded up, so every block starts 16-byte aligned.
  const cellBytes = align16(cells * 8);
  const blockBytes = align16(cells * maxRhs * 8);
  const offsets: number[] = [];
  let at = 0;
  for (const bytes of [cellBytes, cellBytes, cellBytes, cellBytes, cellBytes, blockBytes, blockBytes, blockBytes]) {
    offsets.push(at);
    at += bytes;
  }
  const [gOff, wipOff, wcOff, bipOff, bcOff, uOff, wOff, tOff] = offsets;
  const driveOff = at;
  ensureMemory(kx.memory, driveOff + rows * maxRhs * 8);
  const buf = kx.memory.buffer;
  const view = (off: number, n: number) => new Float64Array(buf, off, n);
  view(gOff, cells).set(net.g);
  view(wipOff, cells).set(net.wordInvPivot);
  view(wcOff, cells).set(net.wordCoupling);
  view(bipOff, cells).set(net.bitInvPivot);
  view(bcOff, cells).set(net.bitCoupling);
  const u = view(uOff, cells * maxRhs).fill(0);
  const w = view(wOff, cells * maxRhs).fill(0);
  const drive = view(driveOff, rows * maxRhs).fill(0);
  const mine = ++generation;
  const check = (nRhs: number) => {
    assert(mine === generation, () => 'line solves of a workspace that a later one replaced');
    assert(Number.isInteger(nRhs) && nRhs >= 1 && nRhs <= maxRhs, () => `${nRhs} right-hand sides, block of ${maxRhs}`);
  };
  const { gLeftSiemens } = net;
  // The views are handed out through getters that check the generation too: a replaced workspace's views may
  // alias the newer one's arrays, or be detached after the memory grew.
  const live = () => assert(mine === generation, () => 'voltages of a line-solve workspace that a later one replaced');
  return {
    maxRhs,
    get u() {
      live();
      return u;
    },
    get w() {
      live();
      return w;
    },
    get drive() {
      live();
      return drive;
    },
    solveWordLines(nRhs, omega) {
      check(nRhs);
      const relax = omega !== 1;
      kx.wordLines(rows, cols, nRhs, gOff, wipOff, wcOff, gLeftSiemens, uOff, wOff, driveOff, relax ? tOff : uOff, omega, relax ? 1 : 0);
    },
    solveBitLines(nRhs, omega) {
      check(nRhs);
      const relax = omega !== 1;
      kx.bitLines(rows, cols, nRhs, gOff, bipOff, bcOff, wOff, uOff, relax ? tOff : wOff, omega, relax ? 1 : 0);
    },
  };
}

function align16(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}
