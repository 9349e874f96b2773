/**
 * Per-conversion ADC and digital shift-and-add of one row tile's products (crossbar-layer.ts `accumulate`).
 * The common unipolar case runs in WebAssembly (conversions-wasm.ts); every other case is the loop below.
 */
import type { Rng } from './rng.js';

const { round, sqrt } = Math;

/** The products of one row tile and where their conversions accumulate. */
export interface Conversions {
  /** Column currents in counts per code, [nAct, nCols] (a heap view: no tfjs calls while reading it). */
  readonly y: Float32Array;
  readonly nAct: number;
  readonly nCols: number;
  readonly rowPixel: Int32Array;
  readonly rowCycle: Int32Array;
  /** Σ DAC codes of each product row; times `off` it is the G_off baseline removed before the ADC. */
  readonly digitSum: Float64Array;
  readonly off: number;
  readonly adcMax: number;
  /** Output channel of each column. */
  readonly colChannel: Int32Array;
  readonly cout: number;
  /** Accumulated integer outputs, [pixels, Cout]. */
  readonly acc: Float64Array;
}

/**
 * Every other case, one conversion per converted column:
 *   v = I − (ideal baseline | reference column current | W⁻ partner current) + read noise   (units)
 *   code = round(clamp(gain·v/step + offset + noise, min, max))                             (LSB)
 * With step 1, gain 1, offset 0 and no noise this is the unipolar conversion exactly. Terms need not be
 * integers here (an LSB of any size), so they are added into acc one by one in a fixed order.
 */
export function convertGeneral(
  k: Conversions,
  t: {
    readonly colConverted: Uint8Array; readonly colPartner: Int32Array;
    readonly colAdcGain?: Float64Array; readonly colAdcOffset?: Float64Array;
  },
  o: {
    /** Digital weight per (cycle, column), [nCyc, nCols]. */
    weight: Float64Array;
    y2?: Float32Array; sigma: number; rng?: Rng; bipolarCycle: number; balanced: boolean;
    invStep: number; adcNoise: number; peak?: { max: number };
  },
): void {
  const { y, nAct, nCols, rowPixel, rowCycle, digitSum, off, adcMax, colChannel, cout, acc } = k;
  const { colConverted, colPartner, colAdcGain, colAdcOffset } = t;
  const { weight, y2, sigma, rng, invStep, adcNoise, peak } = o;
  for (let r = 0; r < nAct; r++) {
    // A bipolar (two's complement top) cycle or a balanced difference can give a negative current; it is
    // converted with the same resolution per polarity (nax assumption).
    const adcMin = o.balanced || rowCycle[r] === o.bipolarCycle ? -adcMax : 0;
    const base = off * digitSum[r];
    const outRow = rowPixel[r] * cout;
    const yRow = r * nCols;
    const wRow = rowCycle[r] * nCols;
    for (let j = 0; j < nCols; j++) {
      if (colConverted[j] === 0) continue;
      const partner = colPartner[j];
      let v = partner >= 0 ? y[yRow + j] - y[yRow + partner] : y[yRow + j] - base;
      // Temporal read noise: σ relative to each cell current, summed in quadrature over the column(s).
      if (y2) v += sigma * sqrt(partner >= 0 ? y2[yRow + j] + y2[yRow + partner] : y2[yRow + j]) * rng!.normal();
      if (peak) {
        const a = v < 0 ? -v : v;
        if (a > peak.max) peak.max = a;
      }
      let lsb = v * invStep;
      if (colAdcGain) lsb = colAdcGain[j] * lsb + colAdcOffset![j];
      if (adcNoise > 0) lsb += adcNoise * rng!.normal();
      const count = lsb >= adcMax ? adcMax : lsb <= adcMin ? adcMin : round(lsb);
      if (count !== 0) acc[outRow + colChannel[j]] += weight[wRow + j] * count;
    }
  }
}
