/**
 * Per-output-channel digital calibration of a layer (mapping `calibration`): the correction y ← gain·y + offset
 * on the integer outputs after shift-and-add, fitted by least squares against the ideal quantised outputs.
 * Pure arithmetic; the engine (crossbar-layer.ts) collects the two sides on calibration images.
 */
import { assert } from '../errors.js';

/** Digital correction of a layer's integer outputs per output channel: y ← gain·y + offset. */
export interface ColumnCorrection {
  readonly gain: Float64Array;
  readonly offset: Float64Array;
}

/**
 * Least-squares correction per channel c of `chip` towards `ideal` (both [samples, channels]):
 * 'gain': a = Σ y·z / Σ z² (b = 0); 'gainOffset': a = cov(z, y)/var(z), b = ȳ − a·z̄. A channel whose chip
 * output never varies keeps a = 1 (and b = ȳ − z̄ with an offset).
 */
export function fitColumnCorrection(chip: Float64Array, ideal: Float64Array, channels: number, mode: 'gain' | 'gainOffset'): ColumnCorrection {
  assert(chip.length === ideal.length && chip.length % channels === 0, () => `calibration: ${chip.length} chip and ${ideal.length} ideal values for ${channels} channels`);
  const n = chip.length / channels;
  const gain = new Float64Array(channels).fill(1);
  const offset = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    let sz = 0;
    let sy = 0;
    for (let s = 0; s < n; s++) {
      sz += chip[s * channels + c];
      sy += ideal[s * channels + c];
    }
    const mz = mode === 'gainOffset' ? sz / n : 0;
    const my = mode === 'gainOffset' ? sy / n : 0;
    let szz = 0;
    let szy = 0;
    for (let s = 0; s < n; s++) {
      const z = chip[s * channels + c] - mz;
      szz += z * z;
      szy += z * (ideal[s * channels + c] - my);
    }
    if (szz > 0) gain[c] = szy / szz;
    offset[c] = my - gain[c] * mz;
  }
  return { gain, offset };
}
