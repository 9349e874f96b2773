/**
 * Crossbar tiling geometry of one matrix layer: the single source of crossbar counts for both the
 * simulator (xbar/) and the cost model (cost/), so the two can never disagree.
 *
 * A conv layer k×k, Cin → Cout is the matrix [k·k·Cin rows, Cout cols] (im2col order: kh, kw, cin — the
 * order of a tfjs kernel [kh, kw, cin, cout] flattened); a dense layer is [in, out].
 */
import type { LayerMapping } from '../config/mapping.js';
import type { MatrixLayerShape } from '../model/graph.js';

export type { MatrixLayerShape } from '../model/graph.js';

export interface TileGeometry {
  /** Matrix rows k·k·Cin. */
  readonly rowsNeeded: number;
  /** Logical output columns Cout. */
  readonly colsNeeded: number;
  /** Stored weight magnitude bits (weightBits − 1 with a differential pair, weightBits with an offset). */
  readonly magnitudeBits: number;
  /** Bit slices per weight, ceil(magnitudeBits / bitsPerCell). */
  readonly slices: number;
  /** 2 for a differential or balanced pair (W⁺, W⁻ arrays), 1 for offset mapping. */
  readonly signArrays: 1 | 2;
  /**
   * Crossbars whose columns are converted by ADCs: all of them, except with 'balanced' sensing, where a W⁺/W⁻
   * pair shares one conversion per column pair (crossbars / 2).
   */
  readonly convertingCrossbars: number;
  /**
   * Extra physical bit lines per crossbar beyond `cols`: 1 for the measured G_off reference column of
   * `baseline: "referenceColumn"` (never with 'balanced' sensing, whose pair cancels the baseline), else 0.
   */
  readonly referenceColumns: 0 | 1;
  readonly rowTiles: number;
  /** Column tiles per sign array (and per slice in crossbarPerSlice layout). */
  readonly colTiles: number;
  /** Output channels held by one crossbar. */
  readonly channelsPerCrossbar: number;
  /** Physical crossbars of the layer. */
  readonly crossbars: number;
  /** Programmed cells that hold weight bits ÷ all cells of the layer's crossbars. */
  readonly utilisation: number;
  /** Input cycles per MVM, ceil(inputBits / dacBits). */
  readonly inputCycles: number;
  /** MVMs per inference (one per output pixel). */
  readonly mvms: number;
}

export function tileGeometry(s: MatrixLayerShape, m: LayerMapping): TileGeometry {
  const rowsNeeded = s.kernelH * s.kernelW * s.inChannels;
  const magnitudeBits = m.signMapping === 'offset' ? m.weightBits : m.weightBits - 1;
  const slices = Math.ceil(magnitudeBits / m.bitsPerCell);
  const signArrays = m.signMapping === 'offset' ? 1 : 2;
  const rowTiles = Math.ceil(rowsNeeded / m.rows);
  let channelsPerCrossbar: number;
  let colTiles: number;
  let crossbars: number;
  if (m.sliceLayout === 'crossbarPerSlice') {
    channelsPerCrossbar = m.cols;
    colTiles = Math.ceil(s.outChannels / m.cols);
    crossbars = rowTiles * colTiles * slices * signArrays;
  } else {
    // Slices of one channel stay in one crossbar (PUMA functional model), so floor(cols / slices) channels fit.
    channelsPerCrossbar = Math.floor(m.cols / slices);
    colTiles = Math.ceil(s.outChannels / channelsPerCrossbar);
    crossbars = rowTiles * colTiles * signArrays;
  }
  const usedCells = rowsNeeded * s.outChannels * slices * signArrays;
  return {
    rowsNeeded,
    colsNeeded: s.outChannels,
    magnitudeBits,
    slices,
    signArrays,
    convertingCrossbars: m.signMapping === 'balanced' ? crossbars / 2 : crossbars,
    referenceColumns: m.baseline === 'referenceColumn' && m.signMapping !== 'balanced' ? 1 : 0,
    rowTiles,
    colTiles,
    channelsPerCrossbar,
    crossbars,
    utilisation: usedCells / (crossbars * m.rows * m.cols),
    inputCycles: Math.ceil(m.inputBits / m.dacBits),
    mvms: s.outH * s.outW,
  };
}

/** One physical crossbar of a layer and what its rows and columns hold. */
export interface PhysicalCrossbar {
  /** First matrix row on this crossbar's word line 0. */
  readonly rowStart: number;
  /** Matrix rows used (≤ mapping.rows); the remaining word lines are driven at 0 V. */
  readonly rowCount: number;
  /** +1: W⁺ array (or the offset array), −1: W⁻ array. */
  readonly sign: 1 | -1;
  /** Output channel of each used column (length ≤ mapping.cols); unused columns hold G_off cells. */
  readonly columnChannel: Int32Array;
  /** Slice index of each used column, 0 = least significant. */
  readonly columnSlice: Int32Array;
}

/** Enumerates a layer's physical crossbars in a fixed order (row tile, column tile, slice, sign). */
export function physicalCrossbars(s: MatrixLayerShape, m: LayerMapping): PhysicalCrossbar[] {
  const g = tileGeometry(s, m);
  const out: PhysicalCrossbar[] = [];
  const signs: Array<1 | -1> = g.signArrays === 2 ? [1, -1] : [1];
  for (let rt = 0; rt < g.rowTiles; rt++) {
    const rowStart = rt * m.rows;
    const rowCount = Math.min(m.rows, g.rowsNeeded - rowStart);
    for (let ct = 0; ct < g.colTiles; ct++) {
      const c0 = ct * g.channelsPerCrossbar;
      const nCh = Math.min(g.channelsPerCrossbar, s.outChannels - c0);
      if (m.sliceLayout === 'crossbarPerSlice') {
        for (let sl = 0; sl < g.slices; sl++) {
          for (const sign of signs) {
            const columnChannel = new Int32Array(nCh);
            const columnSlice = new Int32Array(nCh).fill(sl);
            for (let j = 0; j < nCh; j++) columnChannel[j] = c0 + j;
            out.push({ rowStart, rowCount, sign, columnChannel, columnSlice });
          }
        }
      } else {
        for (const sign of signs) {
          const columnChannel = new Int32Array(nCh * g.slices);
          const columnSlice = new Int32Array(nCh * g.slices);
          for (let j = 0; j < nCh; j++) {
            for (let sl = 0; sl < g.slices; sl++) {
              columnChannel[j * g.slices + sl] = c0 + j;
              columnSlice[j * g.slices + sl] = sl;
            }
          }
          out.push({ rowStart, rowCount, sign, columnChannel, columnSlice });
        }
      }
    }
  }
  return out;
}
