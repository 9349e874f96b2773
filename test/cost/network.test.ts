import { describe, expect, test } from '@jest/globals';
import { DEFAULT_COMPONENTS } from '../../src/config/components.js';
import { costReport, costTotals } from '../../src/cost/network.js';
import { RESNET20_28, conv, mapping } from './resnet.js';

function expectRel(actual: number, expected: number, rtol = 1e-12): void {
  if (Math.abs(actual - expected) > rtol * Math.abs(expected)) {
    throw new Error(`expected ${expected}, got ${actual} (rtol ${rtol})`);
  }
}

const homogeneous = (n: number) => costReport(RESNET20_28.map((shape) => ({ shape, mapping: mapping(n) })), DEFAULT_COMPONENTS);

describe('network totals', () => {
  const r = homogeneous(32);
  const t = r.totals;

  test('the fixture network has 20 matrix layers', () => {
    expect(RESNET20_28).toHaveLength(20);
    expect(r.layers.map((l) => l.name)).toEqual(RESNET20_28.map((s) => s.name));
  });

  test('energy and layer-serial delay are sums, pipelined delay the slowest layer', () => {
    expectRel(t.energyJ, r.layers.reduce((a, l) => a + l.energyJ, 0));
    expectRel(t.delayS, r.layers.reduce((a, l) => a + l.delayS, 0));
    expect(t.pipelinedDelayS).toBe(Math.max(...r.layers.map((l) => l.delayS)));
    expect(t.pipelinedDelayS).toBeLessThan(t.delayS);
    expect(t.crossbars).toBe(r.layers.reduce((a, l) => a + l.crossbars, 0));
    expect(t.adcs).toBe(r.layers.reduce((a, l) => a + l.adcs, 0));
  });

  test('area = layers + tiles · (eDRAM + bus + router / 4); tiles pack MVMUs, 16 per tile', () => {
    const mvmus = r.layers.reduce((a, l) => a + l.mvmus, 0);
    expect(t.mvmus).toBe(mvmus);
    expect(t.tiles).toBe(Math.ceil(mvmus / 16));
    expectRel(t.layersAreaMm2, r.layers.reduce((a, l) => a + l.areaMm2, 0));
    expectRel(t.tileSharedAreaMm2, t.tiles * (0.083 + 0.09 + 0.15 / 4));
    expectRel(t.areaMm2, t.layersAreaMm2 + t.tileSharedAreaMm2);
    expectRel(t.areaBreakdownMm2.edram, t.tiles * 0.083);
  });

  test('EDAP = E · D · A, per layer and for the network', () => {
    expectRel(t.edap, t.energyJ * t.delayS * t.areaMm2);
    for (const l of r.layers) expectRel(l.edap, l.energyJ * l.delayS * l.areaMm2);
  });

  test('breakdowns add up to the totals', () => {
    expectRel(Object.values(t.energyBreakdownJ).reduce((a, b) => a + b, 0), t.energyJ, 1e-12);
    expectRel(Object.values(t.areaBreakdownMm2).reduce((a, b) => a + b, 0), t.areaMm2, 1e-12);
  });

  test('utilisation is cell-weighted over layers', () => {
    const cells = r.layers.map((l) => l.crossbars * 32 * 32);
    const used = r.layers.reduce((a, l, i) => a + l.utilisation * cells[i], 0);
    expectRel(t.utilisation, used / cells.reduce((a, b) => a + b, 0));
  });

  test('no layers: zero totals', () => {
    const z = costTotals([], DEFAULT_COMPONENTS);
    expect([z.energyJ, z.delayS, z.areaMm2, z.edap, z.tiles, z.utilisation]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('fixture: ResNet-20 8-16-32, 28×28×1 input, stride-2 stem, 8-bit weights, 2 bits/cell, 8-bit inputs, 1-bit DAC, differential, lossless ADC', () => {
  // Regression values of this cost model (not published numbers): change them only with the model.
  test.each([
    // N, energy J, layer-serial delay s, pipelined delay s, area mm², EDAP J·s·mm², crossbars, tiles
    [64, 3.416019527503943e-5, 1.12832e-3, 1.2544e-4, 1.4848347359999998, 5.723092295138609e-8, 472, 4],
    [128, 5.057486201365061e-5, 2.25664e-3, 2.5088e-4, 1.246174842336, 1.4222500836748005e-7, 288, 3],
  ])('on %i×%i crossbars', (n, e, d, dp, a, edap, xb, tiles) => {
    const t = homogeneous(n).totals;
    expectRel(t.energyJ, e, 1e-9);
    expectRel(t.delayS, d, 1e-9);
    expectRel(t.pipelinedDelayS, dp, 1e-9);
    expectRel(t.areaMm2, a, 1e-9);
    expectRel(t.edap, edap, 1e-9);
    expect([t.crossbars, t.tiles]).toEqual([xb, tiles]);
  });

  test('NAX trends: 128×128 has the worst EDAP; 16×16 needs the most ADC area; utilisation falls with size', () => {
    const bySize = [16, 32, 64, 128].map((n) => homogeneous(n).totals);
    const edaps = bySize.map((t) => t.edap);
    expect(Math.max(...edaps)).toBe(edaps[3]);
    const adcArea = bySize.map((t) => t.areaBreakdownMm2.adc);
    expect(Math.max(...adcArea)).toBe(adcArea[0]);
    const util = bySize.map((t) => t.utilisation);
    expect([...util].sort((a, b) => b - a)).toEqual(util);
  });

  test('interleaving slices in columns needs fewer crossbars and less energy than a crossbar per slice', () => {
    for (const n of [16, 32, 64, 128]) {
      const perSlice = homogeneous(n).totals;
      const inter = costReport(
        RESNET20_28.map((shape) => ({ shape, mapping: mapping(n, { sliceLayout: 'interleavedColumns' }) })),
        DEFAULT_COMPONENTS,
      ).totals;
      expect(inter.crossbars).toBeLessThanOrEqual(perSlice.crossbars);
      expect(inter.energyJ).toBeLessThanOrEqual(perSlice.energyJ);
    }
  });

  test('a heterogeneous mapping is costed layer by layer', () => {
    const shapes = [conv('a', { k: 3, cin: 3, cout: 8, outH: 8 }), conv('b', { k: 3, cin: 64, cout: 64, outH: 4 })];
    const het = costReport([{ shape: shapes[0], mapping: mapping(16) }, { shape: shapes[1], mapping: mapping(128) }], DEFAULT_COMPONENTS);
    const small = costReport([{ shape: shapes[0], mapping: mapping(16) }], DEFAULT_COMPONENTS);
    const large = costReport([{ shape: shapes[1], mapping: mapping(128) }], DEFAULT_COMPONENTS);
    expect(het.layers[0]).toEqual(small.layers[0]);
    expect(het.layers[1]).toEqual(large.layers[0]);
    expectRel(het.totals.energyJ, small.totals.energyJ + large.totals.energyJ);
  });
});
