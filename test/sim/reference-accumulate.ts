/**
 * The engine's per-conversion path as it was before the WebAssembly kernel (a frozen copy of crossbar-layer.ts
 * `accumulate` and `finish`, with the JavaScript conversion loops): the independent reference that
 * test/sim/conversion-kernel.test.ts compares the engine against, bit for bit.
 */
import * as tf from '@tensorflow/tfjs-core';
import { conductances, type Technology } from '../../src/config/technology.js';
import { assert } from '../../src/errors.js';
import { readView } from '../../src/runtime/heap-view.js';
import type { ProgrammedLayer, ProgrammedTile } from '../../src/xbar/crossbar-layer.js';
import type { ColumnCorrection } from '../../src/xbar/column-calibration.js';
import { im2col } from '../../src/xbar/im2col.js';
import { dacCycleCodes, quantizeInputs } from '../../src/xbar/quantize.js';
import { Rng, deriveSeed } from '../../src/xbar/rng.js';

const { floor, round, sqrt } = Math;

interface LayerAccumulation {
  readonly acc: Float64Array;
  readonly codes: Int32Array;
  readonly pixels: number;
}

/** The layer's output as layerForward computed it: accumulate, then drift compensation, correction, scale and bias. */
export function referenceLayerForward(l: ProgrammedLayer, x: Float32Array, batch: number, technology: Technology, batchIndex: number | string): Float32Array {
  return referenceFinish(l, referenceAccumulate(l, x, batch, technology, batchIndex).acc, l.correction);
}

/** Integer outputs → layer outputs: drift compensation, per-channel correction, then scale and bias. */
export function referenceFinish(l: ProgrammedLayer, acc: Float64Array, correction: ColumnCorrection | undefined): Float32Array {
  const p = l.prepared;
  const cout = p.node.shape.outChannels;
  const scale = p.weightStep * p.inputStep;
  const bias = p.node.bias;
  const out = new Float32Array(acc.length);
  const P = acc.length / cout;
  const g = l.outputGain;
  for (let px = 0; px < P; px++) {
    for (let c = 0; c < cout; c++) {
      let v = acc[px * cout + c];
      if (g !== 1) v *= g;
      if (correction) v = correction.gain[c] * v + correction.offset[c];
      out[px * cout + c] = v * scale + bias[c];
    }
  }
  return out;
}

export function referenceAccumulate(
  l: ProgrammedLayer,
  x: Float32Array,
  batch: number,
  technology: Technology,
  batchIndex: number | string,
  peak?: { max: number },
): LayerAccumulation {
  const p = l.prepared;
  const { shape } = p.node;
  const { mapping } = p;
  const R = p.geometry.rowsNeeded;
  const cout = shape.outChannels;
  const patches = im2col(x, batch, shape, p.node.padding);
  const P = patches.length / R;
  assert(Number.isInteger(P), () => `im2col of ${shape.name} gave ${patches.length} values for ${R} rows`);

  const cyc = { inputBits: mapping.inputBits, dacBits: mapping.dacBits, inputSign: p.inputSign };
  const codes = quantizeInputs(patches, { stepX: p.inputStep, ...cyc });

  if (l.integerWeights) {
    const yT = tf.tidy(() => tf.matMul(tf.tensor2d(Float32Array.from(codes), [P, R]), l.integerWeights!));
    const acc = Float64Array.from(readView(yT));
    yT.dispose();
    return { acc, codes, pixels: P };
  }

  const acc = new Float64Array(P * cout);
  const nCyc = p.cycleWeights.length;
  const { gOnSiemens, gOffSiemens } = conductances(technology.device);
  const off = (gOffSiemens * (2 ** mapping.bitsPerCell - 1)) / (gOnSiemens - gOffSiemens);
  const adcMax = l.adcMax;
  const bipolarTop = p.inputSign === 'twosComplement' && mapping.inputBits - (nCyc - 1) * mapping.dacBits > 1;
  const noisy = l.readNoiseSigmaRel > 0 || l.adcNoiseSigmaLsb > 0;
  const rng = noisy ? new Rng(deriveSeed(l.seed, 'batch', batchIndex)) : undefined;
  // Two's complement codes take quantize.ts' cycle split (bipolar top cycle); unsigned codes are plain
  // d-bit fields, extracted inline below because this loop runs for every pixel, cycle and row.
  const cycleCodes = p.inputSign === 'twosComplement' ? Array.from({ length: nCyc }, (_, c) => dacCycleCodes(codes, c, cyc)) : undefined;
  const dacMask = 2 ** mapping.dacBits - 1;
  const sigma = l.readNoiseSigmaRel;

  for (const t of l.tiles) {
    // DAC codes of this tile's rows, one matrix row per (pixel, cycle) that drives any word line: an
    // all-zero input vector gives exactly zero column current (and no read noise), hence zero counts.
    const xc = new Float32Array(P * nCyc * t.rowCount);
    const rowPixel = new Int32Array(P * nCyc);
    const rowCycle = new Int32Array(P * nCyc);
    const digitSum = new Float64Array(P * nCyc);
    let nAct = 0;
    for (let px = 0; px < P; px++) {
      const src = px * R + t.rowStart;
      for (let c = 0; c < nCyc; c++) {
        const dst = nAct * t.rowCount;
        const shift = c * mapping.dacBits;
        const cc = cycleCodes?.[c];
        let sum = 0;
        let any = 0;
        for (let i = 0; i < t.rowCount; i++) {
          const d = cc ? cc[src + i] : (codes[src + i] >>> shift) & dacMask;
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
    if (nAct === 0) continue;
    const xAct = xc.subarray(0, nAct * t.rowCount);
    const yT = tf.tidy(() => tf.matMul(tf.tensor2d(xAct, [nAct, t.rowCount]), t.m));
    const y2T = t.m2 ? tf.tidy(() => tf.matMul(tf.square(tf.tensor2d(xAct, [nAct, t.rowCount])), t.m2!)) : undefined;
    const y2 = y2T ? Float32Array.from(readView(y2T)) : undefined;
    const y = readView(yT); // valid until the next tfjs op: no tfjs calls in the loop below
    // Per-conversion ADC: remove the G_off baseline, (read noise), round, clip; then shift-and-add with the
    // digital weight sign · 2^(cell bits · slice) · (cycle weight) · (LSB size).
    const { nCols, colChannel, colFactor } = t;
    const weight = new Float64Array(nCyc * nCols);
    for (let c = 0; c < nCyc; c++) for (let j = 0; j < nCols; j++) weight[c * nCols + j] = colFactor[j] * p.cycleWeights[c] * l.adcStep;
    const conv: Conversions = { y, nAct, nCols, rowPixel, rowCycle, digitSum, off, adcMax, weight, colChannel, cout, acc };
    if (!y2 && !bipolarTop && !l.general) convertUnipolar(conv);
    else {
      convertGeneral(conv, t, {
        y2, sigma, rng, bipolarCycle: bipolarTop ? nCyc - 1 : -1, balanced: mapping.signMapping === 'balanced',
        invStep: 1 / l.adcStep, adcNoise: l.adcNoiseSigmaLsb, peak,
      });
    }
    yT.dispose();
    y2T?.dispose();
  }

  // Offset mapping: the array computed Σ (q + offset)·x; remove offset·Σx digitally.
  if (p.weightOffset > 0) {
    for (let px = 0; px < P; px++) {
      let s = 0;
      for (let i = 0; i < R; i++) s += codes[px * R + i];
      const corr = p.weightOffset * s;
      for (let c = 0; c < cout; c++) acc[px * cout + c] -= corr;
    }
  }
  return { acc, codes, pixels: P };
}

/** The products of one row tile and where their conversions accumulate. */
interface Conversions {
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
  /** Digital weight per (cycle, column), [nCyc, nCols]. */
  readonly weight: Float64Array;
  readonly colChannel: Int32Array;
  readonly cout: number;
  /** Accumulated integer outputs, [pixels, Cout]. */
  readonly acc: Float64Array;
}

/**
 * The common case, kept branch-light because it runs once per physical conversion (hundreds of millions
 * per Monte Carlo sample): unipolar ADC, no read noise. count = round(clamp(I − baseline, 0, max)).
 */
function convertUnipolar(k: Conversions): void {
  const { y, nAct, nCols, rowPixel, rowCycle, digitSum, off, adcMax, weight, colChannel, cout, acc } = k;
  for (let r = 0; r < nAct; r++) {
    const base = off * digitSum[r];
    const outRow = rowPixel[r] * cout;
    const yRow = r * nCols;
    const wRow = rowCycle[r] * nCols;
    for (let j = 0; j < nCols; j++) {
      const v = y[yRow + j] - base;
      if (v < 0.5) continue; // rounds to a zero count
      // floor(v + 0.5) is Math.round for v > 0.
      const count = v >= adcMax ? adcMax : floor(v + 0.5);
      acc[outRow + colChannel[j]] += weight[wRow + j] * count;
    }
  }
}

/**
 * Every other case, one conversion per converted column:
 *   v = I − (ideal baseline | reference column current | W⁻ partner current) + read noise   (units)
 *   code = round(clamp(gain·v/step + offset + noise, min, max))                             (LSB)
 * With step 1, gain 1, offset 0 and no noise this is the unipolar conversion exactly.
 */
function convertGeneral(
  k: Conversions,
  t: ProgrammedTile,
  o: {
    y2?: Float32Array; sigma: number; rng?: Rng; bipolarCycle: number; balanced: boolean;
    invStep: number; adcNoise: number; peak?: { max: number };
  },
): void {
  const { y, nAct, nCols, rowPixel, rowCycle, digitSum, off, adcMax, weight, colChannel, cout, acc } = k;
  const { colConverted, colPartner, colAdcGain, colAdcOffset } = t;
  const { y2, sigma, rng, invStep, adcNoise, peak } = o;
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
