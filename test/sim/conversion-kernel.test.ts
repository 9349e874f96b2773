/**
 * The engine's conversions (WebAssembly kernel for the unipolar case, DAC rows in pixel chunks) against the
 * frozen JavaScript reference of the path they replaced (reference-accumulate.ts): every output value equal
 * bit for bit (Object.is, so −0 and +0 differ) on random layers, for every slice layout × sign mapping ×
 * DAC width × input sign, each with a different ADC range, baseline, device effects, IR drop and column
 * calibration; plus layers large enough to be split into several products.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { AdcFullScale, BaselineMode, ColumnCalibration, LayerMapping, SignMapping, SliceLayout } from '../../src/config/mapping.js';
import { DEFAULT_TECHNOLOGY, type Technology } from '../../src/config/technology.js';
import type { IrDropModel } from '../../src/config/nax-config.js';
import { initBackend } from '../../src/runtime/tfjs.js';
import {
  type ProgrammedLayer,
  calibrateLayer,
  disposeLayer,
  layerForward,
  measureAdcPeak,
  prepareLayer,
  programLayer,
} from '../../src/xbar/crossbar-layer.js';
import { Rng } from '../../src/xbar/rng.js';
import { convNode, input, mapping } from './layer-support.js';
import { referenceAccumulate, referenceFinish, referenceLayerForward } from './reference-accumulate.js';

beforeAll(async () => {
  await initBackend('wasm');
});

/** Index of the first value that differs (Object.is), or −1. */
function firstDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

const noisyAdc = { offsetLsb: 0.2, offsetSigmaLsb: 0.3, gain: 1.02, gainSigmaRel: 0.01, noiseSigmaLsb: 0.2 };

interface Case {
  readonly layout: SliceLayout;
  readonly sign: SignMapping;
  readonly dacBits: number;
  readonly signed: boolean;
  readonly adc: { readonly bits?: number; readonly fullScale: AdcFullScale };
  readonly baseline: BaselineMode;
  readonly effects: 'none' | 'variation' | 'all';
  readonly irDrop: IrDropModel;
  readonly calibration: ColumnCalibration;
}

const ADCS: Case['adc'][] = [{ fullScale: 'unitStep' }, { bits: 5, fullScale: 'unitStep' }, { bits: 6, fullScale: 'lossless' }, { bits: 6, fullScale: 'calibrated' }, { bits: 7, fullScale: 3 }];
const EFFECTS: Case['effects'][] = ['none', 'variation', 'all'];
const IRDROP: IrDropModel[] = ['ideal', 'fast', 'exact'];
const CALIBRATION: ColumnCalibration[] = ['none', 'gain', 'gainOffset'];

/** The full product of the options that choose the engine's path, the others drawn per case. */
function cases(): Case[] {
  const rng = new Rng(2024);
  const pick = <T>(xs: readonly T[]) => xs[rng.nextU32() % xs.length];
  const out: Case[] = [];
  for (const layout of ['crossbarPerSlice', 'interleavedColumns'] as const) {
    for (const sign of ['differential', 'offset', 'balanced'] as const) {
      for (const dacBits of [1, 2, 3]) {
        for (const signed of [false, true]) {
          out.push({
            layout, sign, dacBits, signed, adc: pick(ADCS), baseline: pick(['ideal', 'referenceColumn'] as const),
            effects: pick(EFFECTS), irDrop: pick(IRDROP), calibration: pick(CALIBRATION),
          });
        }
      }
    }
  }
  return out;
}

function technologyOf(effects: Case['effects']): Technology {
  if (effects === 'none') return DEFAULT_TECHNOLOGY;
  if (effects === 'variation') return { ...DEFAULT_TECHNOLOGY, device: { ...DEFAULT_TECHNOLOGY.device, programmingSigmaRel: 0.05 } };
  return {
    ...DEFAULT_TECHNOLOGY,
    device: { ...DEFAULT_TECHNOLOGY.device, programmingSigmaRel: 0.05, readNoiseSigmaRel: 0.02 },
    adc: noisyAdc,
  };
}

function mappingOf(c: Case, rows: number, cols: number): LayerMapping {
  const base = mapping({ rows, cols, dacBits: c.dacBits, signMapping: c.sign, sliceLayout: c.layout });
  return {
    ...base,
    ...(c.adc.bits !== undefined ? { adcBits: c.adc.bits } : {}),
    adcFullScale: c.adc.fullScale,
    baseline: c.baseline,
    calibration: c.calibration,
  };
}

/** Programs the layer of a case; returns the engine's and the reference's outputs (and the calibration pass's). */
function compare(c: Case, shape: { h: number; w: number; cin: number; cout: number; batch: number; rows: number; cols: number; seed: number }) {
  const node = convNode({ h: shape.h, w: shape.w, cin: shape.cin, cout: shape.cout, k: 3, stride: 1, padding: 'same', seed: shape.seed });
  const n = shape.batch * shape.h * shape.w * shape.cin;
  const x = input(n, shape.seed + 1, c.signed);
  const xCal = input(n, shape.seed + 2, c.signed);
  const maxAbs = Math.max(...x.map(Math.abs), ...xCal.map(Math.abs));
  const technology = technologyOf(c.effects);
  const m = mappingOf(c, shape.rows, shape.cols);
  const R = 9 * shape.cin;
  let calibration = { maxAbs, signed: c.signed, meanRow: new Float64Array(R).fill(0.4) };
  if (c.adc.fullScale === 'calibrated') {
    const adcPeakUnits = measureAdcPeak(prepareLayer(node, m, calibration), xCal, shape.batch, technology);
    calibration = { ...calibration, adcPeakUnits } as typeof calibration;
  }
  const prepared = prepareLayer(node, m, calibration);
  const chip = programLayer(prepared, {
    technology, irDrop: c.irDrop, deviceEffects: c.effects === 'none' ? 'off' : 'on', seed: shape.seed + 3, integerShortcut: false,
  });
  try {
    // The calibration pass: its output against the reference's accumulation finished with the same correction.
    const cal = calibrateLayer(chip, xCal, shape.batch, technology);
    const calRef = referenceFinish(chip, referenceAccumulate(chip, xCal, shape.batch, technology, 'calibration').acc, cal.correction);
    const l: ProgrammedLayer = cal.correction ? { ...chip, correction: cal.correction } : chip;
    return {
      got: layerForward(l, x, shape.batch, technology, 7),
      want: referenceLayerForward(l, x, shape.batch, technology, 7),
      calGot: cal.out,
      calWant: calRef,
      general: chip.general,
    };
  } finally {
    disposeLayer(chip);
  }
}

describe('conversion kernel = the JavaScript reference, bit for bit', () => {
  const all = cases();

  const paths = new Set<boolean>();

  test.each(all.map((c, i) => [`${c.layout} ${c.sign} dac ${c.dacBits} ${c.signed ? 'signed' : 'unsigned'} adc ${c.adc.bits ?? 'lossless'}/${c.adc.fullScale} ${c.baseline} ${c.effects} ${c.irDrop} ${c.calibration}`, c, i] as const))(
    '%s',
    (_name, c, i) => {
      const r = compare(c, { h: 5, w: 4, cin: 3, cout: 5, batch: 2, rows: 16, cols: 16, seed: 100 + i });
      expect(r.got.length).toBe(2 * 5 * 4 * 5);
      expect(firstDifference(r.got, r.want)).toBe(-1);
      expect(firstDifference(r.calGot, r.calWant)).toBe(-1);
      paths.add(r.general);
    },
  );

  test('the cases above took both conversion paths (WebAssembly unipolar and general)', () => {
    expect([...paths].sort()).toEqual([false, true]);
  });

  test.each([false, true])('a batch of more DAC rows than one product takes (several products per row tile), signed %s', (signed) => {
    // 16 images of 12 × 12 = 2,304 pixels × 8 DAC cycles = 18,432 rows > 16,384 rows per product.
    const c: Case = {
      layout: 'crossbarPerSlice', sign: 'differential', dacBits: 1, signed, adc: { fullScale: 'unitStep' },
      baseline: 'ideal', effects: 'variation', irDrop: 'fast', calibration: 'none',
    };
    const r = compare(c, { h: 12, w: 12, cin: 2, cout: 3, batch: 16, rows: 16, cols: 16, seed: 7 });
    expect(r.general).toBe(false);
    expect(firstDifference(r.got, r.want)).toBe(-1);
  });
});
