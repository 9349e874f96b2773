/**
 * The periphery options at the configuration boundary and in the counts the cost model reads: parsing with
 * defaults that leave every existing file unchanged, clear errors, and balanced sensing's halved conversions.
 */
import { describe, expect, test } from '@jest/globals';
import { DEFAULT_COMPONENTS } from '../../src/config/components.js';
import { losslessAdcBits, parseMapping, resolveMapping, withCrossbarSize } from '../../src/config/mapping.js';
import { parseNaxConfig } from '../../src/config/nax-config.js';
import { DEFAULT_TECHNOLOGY, parseTechnology, technologyHash } from '../../src/config/technology.js';
import { layerCost } from '../../src/cost/layer.js';
import { type MatrixLayerShape, tileGeometry } from '../../src/mapping/tiling.js';
import { userError } from '../support/user-error.js';
import { mapping } from './layer-support.js';

const TECH = 'technology.json';
const MAP = 'mapping.json';

describe('technology: drift and ADC errors', () => {
  test('absent sections keep the ideal defaults (no drift, ideal ADC)', () => {
    const t = parseTechnology({ schema: 'nax-technology/1' }, TECH);
    expect(t.adc).toEqual({ offsetLsb: 0, offsetSigmaLsb: 0, gain: 1, gainSigmaRel: 0, noiseSigmaLsb: 0 });
    expect(t.device.driftTimeS).toBe(t.device.driftT0S);
    expect(t.device.driftCompensation).toBe('none');
  });

  test('fields parse with their sources, and change the technology hash', () => {
    const t = parseTechnology({
      schema: 'nax-technology/1',
      device: { driftNu: { value: 0.05, source: 'Nandakumar ICECS 2019' }, driftTimeS: 3600, driftCompensation: 'global' },
      adc: { offsetSigmaLsb: 0.5, noiseSigmaLsb: 0.3 },
    }, TECH);
    expect(t.device.driftNu).toBe(0.05);
    expect(t.device.driftCompensation).toBe('global');
    expect(t.adc.offsetSigmaLsb).toBe(0.5);
    expect(t.sources['device.driftNu']).toBe('Nandakumar ICECS 2019');
    expect(technologyHash(t)).not.toBe(technologyHash(DEFAULT_TECHNOLOGY));
  });

  test('bad values name file and field', () => {
    const e = userError(() => parseTechnology({ schema: 'nax-technology/1', adc: { gain: -1 } }, TECH));
    expect(e.file).toBe(TECH);
    expect(e.field).toBe('adc.gain');
    const c = userError(() => parseTechnology({ schema: 'nax-technology/1', device: { driftCompensation: 'local' } }, TECH));
    expect(c.field).toBe('device.driftCompensation');
    const u = userError(() => parseTechnology({ schema: 'nax-technology/1', adc: { bits: 3 } }, TECH));
    expect([u.field, u.message]).toEqual(['adc.bits', 'unknown field']);
  });
});

describe('mapping: calibration, ADC range, baseline, balanced', () => {
  const resolve = (defaults: Record<string, unknown>) =>
    resolveMapping(parseMapping({ schema: 'nax-mapping/1', defaults: { rows: 64, cols: 64, ...defaults } }, MAP), ['a'], MAP).get('a')!;

  test('defaults are the NAX setting', () => {
    const m = resolve({});
    expect([m.calibration, m.adcFullScale, m.baseline]).toEqual(['none', 'unitStep', 'ideal']);
  });

  test('values parse, an absolute full scale is a number of µA', () => {
    const m = resolve({ calibration: 'gainOffset', adcFullScale: 12.5, baseline: 'referenceColumn', signMapping: 'balanced' });
    expect([m.calibration, m.adcFullScale, m.baseline, m.signMapping]).toEqual(['gainOffset', 12.5, 'referenceColumn', 'balanced']);
  });

  test("balanced sensing: the lossless ADC has one bit more (the sign), also after a size change", () => {
    const m = resolve({ signMapping: 'balanced' });
    expect(m.adcBits).toBe(losslessAdcBits(64, 2, 1) + 1);
    expect(withCrossbarSize(m, 128).adcBits).toBe(losslessAdcBits(128, 2, 1) + 1);
  });

  test('bad values name the field', () => {
    expect(userError(() => resolve({ calibration: 'perColumn' })).field).toBe('defaults.calibration');
    expect(userError(() => resolve({ adcFullScale: -3 })).field).toBe('defaults.adcFullScale');
    expect(userError(() => resolve({ baseline: 'dummy' })).field).toBe('defaults.baseline');
  });
});

describe('nax.yml calibrationSet', () => {
  test('paths resolve against nax.yml; labels are optional', () => {
    const c = parseNaxConfig('model: m.json\nmapping: map.json\ncalibrationSet: { images: data/c.npy, scale: 0.5 }\n', 'cfg/nax.yml');
    expect(c.calibrationSet).toEqual({ images: 'cfg/data/c.npy', scale: 0.5 });
  });

  test('unknown keys and escaping paths are errors', () => {
    expect(userError(() => parseNaxConfig('model: m.json\nmapping: map.json\ncalibrationSet: { images: c.npy, count: 3 }\n', 'nax.yml')).field)
      .toBe('calibrationSet.count');
    expect(userError(() => parseNaxConfig('model: m.json\nmapping: map.json\ncalibrationSet: { images: ../c.npy }\n', 'nax.yml')).field)
      .toBe('calibrationSet.images');
  });
});

describe('balanced sensing in the cost counts', () => {
  const shape: MatrixLayerShape = {
    name: 'c', kind: 'conv2d', kernelH: 3, kernelW: 3, inChannels: 16, outChannels: 16, outH: 8, outW: 8,
    strideH: 1, strideW: 1, inH: 8, inW: 8,
  };

  test('same crossbars as differential, half the ADCs, conversions and their energy', () => {
    const diff = mapping({ rows: 64, cols: 64 });
    const bal = mapping({ rows: 64, cols: 64, signMapping: 'balanced' });
    const gd = tileGeometry(shape, diff);
    const gb = tileGeometry(shape, bal);
    expect(gb.crossbars).toBe(gd.crossbars);
    expect(gd.convertingCrossbars).toBe(gd.crossbars);
    expect(gb.convertingCrossbars).toBe(gd.crossbars / 2);
    const cd = layerCost({ shape, mapping: diff }, DEFAULT_COMPONENTS);
    const cb = layerCost({ shape, mapping: { ...bal, adcBits: diff.adcBits } }, DEFAULT_COMPONENTS);
    expect(cb.adcs).toBe(cd.adcs / 2);
    expect(cb.energyBreakdownJ.adc).toBeCloseTo(cd.energyBreakdownJ.adc / 2, 20);
    expect(cb.energyBreakdownJ.crossbar).toBe(cd.energyBreakdownJ.crossbar);
  });
});
