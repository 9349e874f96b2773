/**
 * The DAC drive of one row tile: one matrix row per (pixel, DAC cycle) that drives any word line. An all-zero
 * input vector gives exactly zero column current (and no read noise), hence zero counts, so it is left out of
 * the matrix product. Pure typed-array code; crossbar-layer.ts multiplies the rows with the tile's matrix.
 */

/** The active product rows of a row tile. */
export interface DacRows {
  /** DAC codes, [nAct, rowCount] row-major (the buffer may be longer: use the first nAct·rowCount values). */
  readonly xc: Float32Array;
  readonly nAct: number;
  /** Pixel and DAC cycle of each active row. */
  readonly rowPixel: Int32Array;
  readonly rowCycle: Int32Array;
  /** Σ DAC codes of each active row (times the G_off unit current it is the baseline). */
  readonly digitSum: Float64Array;
}

/** Buffers reused across the row tiles of one batch (allocated once for the largest tile). */
export interface DacRowBuffers {
  readonly xc: Float32Array;
  readonly rowPixel: Int32Array;
  readonly rowCycle: Int32Array;
  readonly digitSum: Float64Array;
}

export function dacRowBuffers(pixels: number, cycles: number, maxRowCount: number): DacRowBuffers {
  return {
    xc: new Float32Array(pixels * cycles * maxRowCount),
    rowPixel: new Int32Array(pixels * cycles),
    rowCycle: new Int32Array(pixels * cycles),
    digitSum: new Float64Array(pixels * cycles),
  };
}

/**
 * Active rows of the tile [rowStart, rowStart + rowCount) for the pixels [start, end) of input codes
 * [pixels, R], in pixel-major, cycle-minor order. Unsigned codes are plain `dacBits`-wide fields of the code; two's complement codes take
 * the per-cycle codes of quantize.ts (`cycleCodes`, [cycles][pixels·R]), whose top cycle may be negative.
 */
export function dacRows(
  codes: Int32Array,
  pixels: { readonly start: number; readonly end: number },
  R: number,
  tile: { readonly rowStart: number; readonly rowCount: number },
  cycles: number,
  dacBits: number,
  cycleCodes: readonly Int32Array[] | undefined,
  buf: DacRowBuffers,
): DacRows {
  const { xc, rowPixel, rowCycle, digitSum } = buf;
  const { rowStart, rowCount } = tile;
  let nAct = 0;
  if (cycleCodes === undefined) {
    const mask = 2 ** dacBits - 1;
    for (let px = pixels.start; px < pixels.end; px++) {
      const src = px * R + rowStart;
      // The OR of the codes has a non-zero field of cycle c exactly when some code does.
      let or = 0;
      for (let i = 0; i < rowCount; i++) or |= codes[src + i];
      if (or === 0) continue;
      for (let c = 0; c < cycles; c++) {
        const shift = c * dacBits;
        if (((or >>> shift) & mask) === 0) continue;
        const dst = nAct * rowCount;
        let sum = 0;
        for (let i = 0; i < rowCount; i++) {
          const d = (codes[src + i] >>> shift) & mask;
          xc[dst + i] = d;
          sum += d;
        }
        rowPixel[nAct] = px;
        rowCycle[nAct] = c;
        digitSum[nAct] = sum;
        nAct++;
      }
    }
  } else {
    for (let px = pixels.start; px < pixels.end; px++) {
      const src = px * R + rowStart;
      for (let c = 0; c < cycles; c++) {
        const cc = cycleCodes[c];
        const dst = nAct * rowCount;
        let sum = 0;
        let any = 0;
        for (let i = 0; i < rowCount; i++) {
          const d = cc[src + i];
          xc[dst + i] = d;
          sum += d;
          any |= d;
        }
        if (any !== 0) {
          rowPixel[nAct] = px;
          rowCycle[nAct] = c;
          digitSum[nAct] = sum;
          nAct++;
        }
      }
    }
  }
  return { xc, nAct, rowPixel, rowCycle, digitSum };
}
