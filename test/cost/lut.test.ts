import { describe, expect, test } from '@jest/globals';
import { DEFAULT_COMPONENTS } from '../../src/config/components.js';
import { layerCost } from '../../src/cost/layer.js';
import { buildLayerLut, createCostLookup, withCrossbarSize, withKernelSize } from '../../src/cost/lut.js';
import { costReport } from '../../src/cost/network.js';
import { RESNET20_28, conv, dense, mapping } from './resnet.js';

describe('costOf lookup', () => {
  test('returns the layer cost and memoises it per (shape, mapping)', () => {
    const lookup = createCostLookup(DEFAULT_COMPONENTS);
    const s = RESNET20_28[3];
    const m = mapping(64);
    const first = lookup.costOf(s, m);
    expect(first).toEqual(layerCost({ shape: s, mapping: m }, DEFAULT_COMPONENTS));
    expect(lookup.costOf(s, m)).toBe(first);
    expect(lookup.costOf({ ...s }, { ...m })).toBe(first);
    expect(lookup.entries).toBe(1);
    expect(lookup.costOf(s, mapping(32))).not.toBe(first);
    expect(lookup.entries).toBe(2);
  });

  test('totals of looked-up layers equal the cost report', () => {
    const lookup = createCostLookup(DEFAULT_COMPONENTS);
    const mapped = RESNET20_28.map((shape, i) => ({ shape, mapping: mapping([16, 32, 64, 128][i % 4]) }));
    const viaLookup = lookup.totals(mapped.map((l) => lookup.costOf(l.shape, l.mapping)));
    expect(viaLookup).toEqual(costReport(mapped, DEFAULT_COMPONENTS).totals);
  });

  test('a lookup is bound to its technology', () => {
    const cheapAdc = { ...DEFAULT_COMPONENTS, adc: { ...DEFAULT_COMPONENTS.adc, leakagePowerWPerBit: 0 } };
    const s = RESNET20_28[5];
    const m = mapping(64);
    expect(createCostLookup(cheapAdc).costOf(s, m).energyJ).toBeLessThan(createCostLookup(DEFAULT_COMPONENTS).costOf(s, m).energyJ);
  });
});

describe('candidate LUT of one layer (kernel sizes × crossbar sizes)', () => {
  const shape = conv('s2b2c1', { k: 3, cin: 16, cout: 16, outH: 7 });

  test('one entry per candidate, kernel-major; ADC bits follow the lossless rule per crossbar size', () => {
    const lookup = createCostLookup(DEFAULT_COMPONENTS);
    const lut = buildLayerLut(lookup, { shape, mapping: mapping(64), kernelSizes: [3, 5, 7], crossbarSizes: [16, 32, 64, 128] });
    expect(lut.map((e) => [e.kernelSize, e.crossbarSize])).toEqual(
      [3, 5, 7].flatMap((k) => [16, 32, 64, 128].map((n) => [k, n])));
    expect(lut.slice(0, 4).map((e) => e.mapping.adcBits)).toEqual([6, 7, 8, 9]);
    for (const e of lut) {
      expect(e.shape.kernelH).toBe(e.kernelSize);
      expect([e.shape.outH, e.shape.outW]).toEqual([7, 7]);
      expect(e.cost).toEqual(layerCost({ shape: e.shape, mapping: e.mapping }, DEFAULT_COMPONENTS));
      expect(e.cost.energyJ).toBeGreaterThan(0);
    }
    expect(lookup.entries).toBe(12);
    buildLayerLut(lookup, { shape, mapping: mapping(64), kernelSizes: [3, 5, 7], crossbarSizes: [16, 32, 64, 128] });
    expect(lookup.entries).toBe(12);
  });

  test('a larger kernel never costs less on the same crossbars', () => {
    const lookup = createCostLookup(DEFAULT_COMPONENTS);
    const lut = buildLayerLut(lookup, { shape, mapping: mapping(64), kernelSizes: [3, 5, 7], crossbarSizes: [32] });
    for (let i = 1; i < lut.length; i++) {
      expect(lut[i].cost.energyJ).toBeGreaterThan(lut[i - 1].cost.energyJ);
      expect(lut[i].cost.areaMm2).toBeGreaterThanOrEqual(lut[i - 1].cost.areaMm2);
    }
  });

  test('withCrossbarSize keeps an explicit ADC resolution and caps ADCs per crossbar at the columns', () => {
    const m = withCrossbarSize(mapping(128, { adcBits: 10, adcsPerCrossbar: 32 }), 16);
    expect([m.rows, m.cols, m.adcBits, m.adcRule, m.adcsPerCrossbar]).toEqual([16, 16, 10, 'explicit', 16]);
  });

  test('withKernelSize refuses a dense layer', () => {
    expect(() => withKernelSize(dense('fc', 32, 10), 3)).toThrow(/conv2d/);
  });
});
