/**
 * Periphery and device options of the engine against known answers: the NAX setting reproduced bit for bit
 * by the general conversion, a pure ADC gain error removed exactly by per-channel gain calibration, balanced
 * sensing and a reference column equal to the ideal digital baseline on ideal devices, drift ν = 0 as the
 * identity, and monotone effects where no closed form exists.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { LayerMapping } from '../../src/config/mapping.js';
import { DEFAULT_TECHNOLOGY, type Technology } from '../../src/config/technology.js';
import { initBackend } from '../../src/runtime/tfjs.js';
import {
  type ChipOptions,
  type ProgrammedLayer,
  calibrateLayer,
  disposeLayer,
  layerForward,
  measureAdcPeak,
  prepareLayer,
  programLayer,
} from '../../src/xbar/crossbar-layer.js';
import { fitColumnCorrection } from '../../src/xbar/column-calibration.js';
import { driftConductances } from '../../src/xbar/drift.js';
import { Rng } from '../../src/xbar/rng.js';
import { convNode, ideal, input, mapping, reference } from './layer-support.js';

const node = convNode({ h: 6, w: 6, cin: 4, cout: 6, k: 3, stride: 1, padding: 'same', seed: 11 });
const batch = 2;
const xEval = input(batch * 6 * 6 * 4, 21, false);
const xCal = input(batch * 6 * 6 * 4, 22, false);
const maxAbs = Math.max(...xEval, ...xCal);

function layer(m: LayerMapping, tech: Technology, o: Partial<ChipOptions> = {}): ProgrammedLayer {
  const calibration = { maxAbs, signed: false, meanRow: new Float64Array(36).fill(0.5) };
  return programLayer(prepareLayer(node, m, calibration), { technology: tech, irDrop: 'ideal', deviceEffects: 'on', seed: 5, ...o });
}

function outputs(m: LayerMapping, tech: Technology, o: Partial<ChipOptions> = {}): Float32Array {
  const l = layer(m, tech, o);
  try {
    return layerForward(l, xEval, batch, tech, 0);
  } finally {
    disposeLayer(l);
  }
}

const want = (m: LayerMapping) => Array.from(reference(node, m, xEval, batch, maxAbs, false));

function rmsError(got: ArrayLike<number>, ref: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < got.length; i++) s += (got[i] - ref[i]) ** 2;
  return Math.sqrt(s / got.length);
}

beforeAll(async () => {
  await initBackend('wasm');
});

describe('ADC', () => {
  test('offset 0, gain 1, noise 0: the general conversion equals the NAX unipolar one bit for bit (IR drop, variation, clipping)', () => {
    const m = { ...mapping({ rows: 16, cols: 16 }), adcBits: 5, adcRule: 'explicit' as const };
    const tech: Technology = { ...DEFAULT_TECHNOLOGY, device: { ...DEFAULT_TECHNOLOGY.device, programmingSigmaRel: 0.05 } };
    const fast = outputs(m, tech, { irDrop: 'fast' });
    const general = outputs(m, tech, { irDrop: 'fast', generalConversion: true });
    expect(Array.from(general)).toEqual(Array.from(fast));
  });

  test("full scale 'lossless': fewer bits give a coarser step, so the error grows as bits fall", () => {
    const errs = [9, 7, 5].map((bits) => {
      const m: LayerMapping = { ...mapping({ rows: 16, cols: 16 }), adcBits: bits, adcRule: 'explicit', adcFullScale: 'lossless' };
      return rmsError(outputs(m, ideal), want(m));
    });
    expect(errs[0]).toBeLessThan(errs[1]);
    expect(errs[1]).toBeLessThan(errs[2]);
  });

  test('an absolute full scale (µA) equal to the lossless peak current gives the lossless result exactly', () => {
    const base: LayerMapping = { ...mapping({ rows: 16, cols: 16 }), adcBits: 6, adcRule: 'explicit' };
    const d = ideal.device;
    const gOn = 1 / d.rOnOhm;
    const gOff = gOn / d.onOffRatio;
    // one unit = one level step of conductance at one DAC code (2-bit cells, 1-bit DAC): (G_on − G_off)/3 · V_read
    const unitUA = ((gOn - gOff) / 3) * d.vReadV * 1e6;
    const lossless = outputs({ ...base, adcFullScale: 'lossless' }, ideal);
    const absolute = outputs({ ...base, adcFullScale: 16 * 3 * unitUA }, ideal);
    for (let i = 0; i < lossless.length; i++) expect(absolute[i]).toBeCloseTo(lossless[i], 5);
  });

  test("full scale 'calibrated': the measured peak lies within the lossless range, so the step is finer than 'lossless'", () => {
    const m: LayerMapping = { ...mapping({ rows: 16, cols: 16 }), adcBits: 6, adcRule: 'explicit' };
    const calibration = { maxAbs, signed: false, meanRow: new Float64Array(36).fill(0.5) };
    const peak = measureAdcPeak(prepareLayer(node, m, calibration), xCal, batch, ideal);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(16 * 3);
    expect(Math.abs(peak - Math.round(peak))).toBeLessThan(1e-3); // an integer count on ideal devices
    const prepared = prepareLayer(node, { ...m, adcFullScale: 'calibrated' }, { ...calibration, adcPeakUnits: peak });
    const l = programLayer(prepared, { technology: ideal, irDrop: 'ideal', deviceEffects: 'on', seed: 5 });
    const calibrated = layerForward(l, xEval, batch, ideal, 0);
    disposeLayer(l);
    expect(l.adcStep).toBeCloseTo(peak / 63, 12);
    const lossless = outputs({ ...m, adcFullScale: 'lossless' }, ideal);
    expect(rmsError(calibrated, want(m))).toBeLessThan(rmsError(lossless, want(m)));
  });

  test('a pure gain error (every ADC ×2) is removed exactly by gain calibration fitted on other images', () => {
    const m: LayerMapping = { ...mapping({ rows: 16, cols: 16 }), adcRule: 'explicit', calibration: 'gain' };
    const lossless = m.adcBits;
    const mm = { ...m, adcBits: lossless + 1 }; // headroom for the doubled counts
    const tech: Technology = { ...ideal, adc: { ...ideal.adc, gain: 2 } };
    const l = layer(mm, tech);
    try {
      const raw = layerForward(l, xEval, batch, tech, 0);
      expect(Array.from(raw)).not.toEqual(want(mm));
      const { correction } = calibrateLayer(l, xCal, batch, tech);
      expect(Array.from(correction!.gain)).toEqual(new Array(6).fill(0.5));
      const corrected = layerForward({ ...l, correction }, xEval, batch, tech, 0);
      expect(Array.from(corrected)).toEqual(want(mm));
    } finally {
      disposeLayer(l);
    }
  });

  test('per-ADC offset, gain spread and noise: gainOffset calibration lowers the error below gain, and gain below none', () => {
    const m: LayerMapping = { ...mapping({ rows: 16, cols: 16 }), adcBits: 8, adcRule: 'explicit' };
    const tech: Technology = { ...ideal, adc: { offsetLsb: 1.5, offsetSigmaLsb: 0.5, gain: 0.9, gainSigmaRel: 0.01, noiseSigmaLsb: 0.2 } };
    const errs = (['none', 'gain', 'gainOffset'] as const).map((calibration) => {
      const l = layer({ ...m, calibration }, tech);
      try {
        const { correction } = calibrateLayer(l, xCal, batch, tech);
        return rmsError(layerForward({ ...l, correction }, xEval, batch, tech, 0), want(m));
      } finally {
        disposeLayer(l);
      }
    });
    expect(errs[1]).toBeLessThan(errs[0]);
    expect(errs[2]).toBeLessThan(errs[1]);
  });
});

describe('column calibration fit', () => {
  test('least squares recovers a known gain and offset per channel', () => {
    const rng = new Rng(1);
    const gains = [0.8, 1.25, 2];
    const offsets = [3, -7, 0.5];
    const n = 50;
    const chip = new Float64Array(n * 3);
    const ideal = new Float64Array(n * 3);
    for (let s = 0; s < n; s++) {
      for (let c = 0; c < 3; c++) {
        const z = rng.normal() * 100;
        chip[s * 3 + c] = z;
        ideal[s * 3 + c] = gains[c] * z + offsets[c];
      }
    }
    const both = fitColumnCorrection(chip, ideal, 3, 'gainOffset');
    for (let c = 0; c < 3; c++) {
      expect(both.gain[c]).toBeCloseTo(gains[c], 10);
      expect(both.offset[c]).toBeCloseTo(offsets[c], 8);
    }
    const gainOnly = fitColumnCorrection(chip, ideal, 3, 'gain');
    expect(Array.from(gainOnly.offset)).toEqual([0, 0, 0]);
  });
});

describe('balanced sensing and the reference column', () => {
  test('balanced with ideal devices equals differential with a lossless ADC (the integer product)', () => {
    const m = mapping({ rows: 16, cols: 16, signMapping: 'balanced' });
    expect(m.adcBits).toBe(mapping({ rows: 16, cols: 16 }).adcBits + 1);
    expect(Array.from(outputs(m, ideal))).toEqual(want(m));
  });

  test('a reference column on ideal devices equals the ideal digital baseline', () => {
    const m: LayerMapping = { ...mapping({ rows: 16, cols: 16 }), baseline: 'referenceColumn' };
    expect(Array.from(outputs(m, ideal))).toEqual(want(m));
  });

  test('under variation and IR drop the measured baseline differs from the ideal one', () => {
    const tech: Technology = { ...DEFAULT_TECHNOLOGY, device: { ...DEFAULT_TECHNOLOGY.device, programmingSigmaRel: 0.1 } };
    const m = mapping({ rows: 16, cols: 16 });
    const digital = outputs(m, tech, { irDrop: 'fast' });
    const measured = outputs({ ...m, baseline: 'referenceColumn' }, tech, { irDrop: 'fast' });
    expect(Array.from(measured)).not.toEqual(Array.from(digital));
  });
});

describe('conductance drift', () => {
  const drift = (o: Partial<Technology['device']>): Technology => ({ ...ideal, device: { ...ideal.device, ...o } });

  test('ν = 0 is the identity, whatever the time', () => {
    const g = Float64Array.from({ length: 20 }, (_, i) => 1e-6 * (i + 1));
    const before = g.slice();
    driftConductances(g, drift({ driftNu: 0, driftTimeS: 1e7 }).device, new Rng(1));
    expect(Array.from(g)).toEqual(Array.from(before));
    const m = mapping({ rows: 16, cols: 16 });
    expect(Array.from(outputs(m, drift({ driftNu: 0, driftTimeS: 1e7 })))).toEqual(want(m));
  });

  test('G(t) = G(t0)·(t/t0)^(−ν): four decades at ν = 0.05 scale every cell by 10^(−0.2)', () => {
    const g = Float64Array.from({ length: 5 }, (_, i) => 1e-5 * (i + 1));
    const s = driftConductances(g, drift({ driftNu: 0.05, driftT0S: 20, driftTimeS: 20e4 }).device, new Rng(1));
    for (let i = 0; i < 5; i++) expect(g[i] / (1e-5 * (i + 1))).toBeCloseTo(10 ** -0.2, 12);
    expect(s.sumBefore / s.sumAfter).toBeCloseTo(10 ** 0.2, 12);
  });

  // A measured (reference-column) baseline drifts with the cells; the ideal digital one would not, and its
  // mismatch (1 − f)·G_off·ΣV is an error no global factor removes. A fine ADC step (12 bits over the lossless
  // range) keeps rounding of small counts, which is not linear in f, out of the comparison.
  test('outputs shrink with time; global compensation restores the scale (reference-column baseline, fine ADC)', () => {
    const m: LayerMapping = {
      ...mapping({ rows: 16, cols: 16 }), adcBits: 12, adcRule: 'explicit', adcFullScale: 'lossless', baseline: 'referenceColumn',
    };
    const ref = want(m);
    const mag = (o: ArrayLike<number>) => Array.from(o).reduce((a, v, i) => a + Math.abs(v - node.bias[i % 6]), 0);
    const at = (t: number, driftCompensation: 'none' | 'global') =>
      outputs(m, drift({ driftNu: 0.05, driftNuSigma: 0.01, driftTimeS: t, driftCompensation }));
    const m1 = mag(at(2e3, 'none'));
    const m2 = mag(at(2e5, 'none'));
    expect(m2).toBeLessThan(m1);
    expect(m1).toBeLessThan(mag(ref));
    expect(Math.abs(mag(at(2e5, 'global')) / mag(ref) - 1)).toBeLessThan(0.02);
    expect(rmsError(at(2e5, 'global'), ref)).toBeLessThan(0.5 * rmsError(at(2e5, 'none'), ref));
  });
});
