/**
 * The unipolar per-conversion loop (conversions.ts `convertUnipolar`) as compiled WebAssembly with SIMD:
 * source wasm/conversions.ts (AssemblyScript), bytes in conversions-wasm-bytes.ts (scripts/build-wasm.mjs).
 * Same float64 operations in the same order as the JavaScript loop, so the same bits; measured several times
 * faster per conversion (two conversions per SIMD step, no data-dependent branch for zero counts).
 *
 * The kernel works on its own linear memory: the accumulator, the column tables and the per-row data are
 * copied in once per row tile, the products in chunks of rows (so the module stays a few MB whatever the
 * tile), and the accumulator is copied back.
 */
import type { Conversions } from './conversions.js';
import { CONVERSIONS_WASM_BASE64 } from './conversions-wasm-bytes.js';
import { type WasmMemory, ensureMemory, instantiateKernel } from './wasm-instance.js';

interface KernelExports {
  readonly memory: WasmMemory;
  unipolar(
    y: number, nAct: number, nCols: number, rowPixel: number, rowCycle: number, digitSum: number,
    off: number, adcMax: number, weight: number, colChannel: number, cout: number, acc: number,
  ): void;
}

let kernel: KernelExports | undefined;

function instance(): KernelExports {
  kernel ??= instantiateKernel<KernelExports>(CONVERSIONS_WASM_BASE64);
  return kernel;
}

/** Products per chunk: ~4 M float32 values (16 MB) of column currents at a time. */
const CHUNK_VALUES = 1 << 22;
const align = (n: number) => (n + 15) & ~15;

/** convertUnipolar's reference loop (weight per cycle and column, [nCyc, nCols]), in WebAssembly. */
export function convertUnipolarWasm(k: Conversions, weight: Float64Array): void {
  const { y, nAct, nCols, rowPixel, rowCycle, digitSum, off, adcMax, colChannel, cout, acc } = k;
  const kx = instance();
  const chunkRows = Math.max(1, Math.min(nAct, Math.floor(CHUNK_VALUES / Math.max(1, nCols))));
  // Layout: acc | weight | colChannel | rowPixel | rowCycle | digitSum | y chunk (16-byte aligned).
  const accOff = 0;
  const weightOff = align(accOff + acc.length * 8);
  const chanOff = align(weightOff + weight.length * 8);
  const pixOff = align(chanOff + nCols * 4);
  const cycOff = align(pixOff + nAct * 4);
  const sumOff = align(cycOff + nAct * 4);
  const yOff = align(sumOff + nAct * 8);
  const need = yOff + chunkRows * nCols * 4;
  ensureMemory(kx.memory, need);
  const buf = kx.memory.buffer;
  new Float64Array(buf, accOff, acc.length).set(acc);
  new Float64Array(buf, weightOff, weight.length).set(weight);
  new Int32Array(buf, chanOff, nCols).set(colChannel.subarray(0, nCols));
  new Int32Array(buf, pixOff, nAct).set(rowPixel.subarray(0, nAct));
  new Int32Array(buf, cycOff, nAct).set(rowCycle.subarray(0, nAct));
  new Float64Array(buf, sumOff, nAct).set(digitSum.subarray(0, nAct));
  const yView = new Float32Array(buf, yOff, chunkRows * nCols);
  for (let r0 = 0; r0 < nAct; r0 += chunkRows) {
    const n = Math.min(chunkRows, nAct - r0);
    yView.set(y.subarray(r0 * nCols, (r0 + n) * nCols));
    kx.unipolar(yOff, n, nCols, pixOff + r0 * 4, cycOff + r0 * 4, sumOff + r0 * 8, off, adcMax, weightOff, chanOff, cout, accOff);
  }
  acc.set(new Float64Array(buf, accOff, acc.length));
}
