import { describe, expect, test } from '@jest/globals';
import { DEFAULT_COMPONENTS } from '../../src/config/components.js';
import type { LayerMapping } from '../../src/config/mapping.js';
import { layerCost } from '../../src/cost/layer.js';
import type { LayerCost } from '../../src/cost/types.js';
import type { MatrixLayerShape } from '../../src/mapping/tiling.js';
import { conv, dense, mapping } from './resnet.js';

function expectRel(actual: number, expected: number, rtol = 1e-12): void {
  if (Math.abs(actual - expected) > rtol * Math.abs(expected)) {
    throw new Error(`expected ${expected}, got ${actual} (rtol ${rtol})`);
  }
}

const cost = (shape: MatrixLayerShape, m: LayerMapping): LayerCost => layerCost({ shape, mapping: m }, DEFAULT_COMPONENTS);

describe('crossbar counts reproduce reference §1.3 (ResNet-20 3×3 layers, 16-bit weights, 2 bits/cell, offset → 8 slices)', () => {
  const layers = {
    conv1: conv('conv1', { k: 3, cin: 3, cout: 16, outH: 32 }),
    stage1: conv('stage1', { k: 3, cin: 16, cout: 16, outH: 32 }),
    stage2: conv('stage2', { k: 3, cin: 32, cout: 32, outH: 16 }),
    stage3: conv('stage3', { k: 3, cin: 64, cout: 64, outH: 8 }),
  };
  const sizes = [16, 32, 64, 128];
  const puma16 = (n: number, layout: LayerMapping['sliceLayout']) =>
    mapping(n, { weightBits: 16, bitsPerCell: 2, signMapping: 'offset', sliceLayout: layout });

  // The §1.3 table: physical crossbars and cell utilisation (%, rounded) per N = 16, 32, 64, 128.
  const slicePerCrossbar: Record<keyof typeof layers, Array<[number, number]>> = {
    conv1: [[16, 84], [8, 42], [8, 11], [8, 3]],
    stage1: [[72, 100], [40, 45], [24, 19], [16, 7]],
    stage2: [[288, 100], [72, 100], [40, 45], [24, 19]],
    stage3: [[1152, 100], [288, 100], [72, 100], [40, 45]],
  };
  test.each(Object.keys(layers) as Array<keyof typeof layers>)('%s, slice per crossbar (PUMA layout)', (name) => {
    sizes.forEach((n, i) => {
      const c = cost(layers[name], puma16(n, 'crossbarPerSlice'));
      expect([c.crossbars, Math.round(c.utilisation * 100)]).toEqual(slicePerCrossbar[name][i]);
    });
  });

  // Interleaved columns (PUMA functional simulator): ceil(9·Cin/N) · ceil(8·Cout/N), §1.3 note and §3.4.
  const interleaved: Record<keyof typeof layers, number[]> = {
    conv1: [16, 4, 2, 1],
    stage1: [72, 20, 6, 2],
    stage2: [288, 72, 20, 6],
    stage3: [1152, 288, 72, 20],
  };
  test.each(Object.keys(layers) as Array<keyof typeof layers>)('%s, slices interleaved in columns', (name) => {
    const l = layers[name];
    sizes.forEach((n, i) => {
      const c = cost(l, puma16(n, 'interleavedColumns'));
      expect(c.crossbars).toBe(interleaved[name][i]);
      expect(c.crossbars).toBe(Math.ceil((9 * l.inChannels) / n) * Math.ceil((8 * l.outChannels) / n));
      expectRel(c.utilisation, (9 * l.inChannels * l.outChannels * 8) / (c.crossbars * n * n));
      // Interleaving never needs more crossbars than a crossbar per slice.
      expect(c.crossbars).toBeLessThanOrEqual(cost(l, puma16(n, 'crossbarPerSlice')).crossbars);
    });
  });

  test('the PUMA organisation: 8 slice crossbars of one 128×128 logical matrix fill one MVMU', () => {
    const c = cost(layers.stage3, puma16(128, 'crossbarPerSlice'));
    expect(c.crossbars).toBe(40);
    expect(c.mvmus).toBe(5);
    expect(c.cores).toBe(3);
    expect(c.tiles).toBe(1);
    expect(c.registers).toBe(10);
  });
});

describe('hand-checked layer: dense 64 → 64 on one 64×64 crossbar (2-bit weights, offset, 1-bit inputs)', () => {
  const shape = dense('fc', 64, 64);
  const m = mapping(64, { weightBits: 2, bitsPerCell: 2, signMapping: 'offset', inputBits: 1 });
  const c = cost(shape, m);
  const pj = 1e-12;

  test('counts', () => {
    expect(m.adcBits).toBe(8); // ceil(log2(64·3 + 1))
    expect([c.crossbars, c.adcs, c.dacs, c.sampleHolds, c.shiftAdds, c.mvmus, c.cores, c.tiles]).toEqual([1, 1, 64, 64, 1, 1, 1, 1]);
    expect(c.utilisation).toBe(1);
  });

  test('delay: cycle = max(64 ns read, 64 × 0.78125 ns conversions) = 64 ns; MVM = (1 + 2) cycles', () => {
    expect(c.conversionsPerAdc).toBe(64);
    expectRel(c.cycleTimeS, 64e-9);
    expectRel(c.mvmDelayS, 192e-9);
    expectRel(c.delayS, 192e-9);
  });

  test('energy per component', () => {
    const e = c.energyBreakdownJ;
    expectRel(e.crossbar, 4.8 * pj);
    expectRel(e.dac, 64 * 0.00350625e-3 * 1e-9);
    expectRel(e.sampleHold, 64 * 8.73e-18);
    expectRel(e.adc, 64 * 1.67 * pj);
    expectRel(e.shiftAdd, 64 * 0.045 * pj);
    expectRel(e.registers, (0.7 + 0.1 + 0.1) * pj); // read + input write + output write at 64 entries
    expectRel(e.edram, ((128 * 1) / 256) * 20.45 * pj); // 64 inputs read + 64 outputs written, 1 bit each
    expectRel(e.bus, 128 * 0.054 * pj);
    expectRel(e.router, (64 / 256) * 20.74 * pj);
    const leakW = 64 * 0.000390625e-3 + 64 * 9.7e-10 + 8 * 0.025e-3 + 0.005e-3 + 2 * 0.02e-3 + (0.46e-3 + 0.5e-3 + 0.41e-3 / 4);
    expectRel(c.leakagePowerW, leakW);
    expectRel(e.leakage, leakW * 192e-9);
    expectRel(c.energyJ, Object.values(e).reduce((a, b) => a + b, 0));
  });

  test('area per component and EDAP', () => {
    const a = c.areaBreakdownMm2;
    expectRel(a.crossbar, 6.25e-6);
    expectRel(a.dac, 64 * 1.67e-7);
    expectRel(a.sampleHold, 64 * 3.90625e-8);
    expectRel(a.adc, 0.0012);
    expectRel(a.shiftAdd, 0.00006);
    expectRel(a.registers, 2 * 0.00033);
    expectRel(c.areaMm2, Object.values(a).reduce((x, y) => x + y, 0));
    expectRel(c.edap, c.energyJ * c.delayS * c.areaMm2);
  });
});

describe('a measured reference column is one more bit line, sampled but never converted', () => {
  const shape = dense('fc', 64, 64);
  const plain = cost(shape, mapping(64, { weightBits: 2, bitsPerCell: 2, signMapping: 'offset', inputBits: 1 }));
  const ref = cost(shape, mapping(64, { weightBits: 2, bitsPerCell: 2, signMapping: 'offset', inputBits: 1, baseline: 'referenceColumn' }));
  const pj = 1e-12;

  test('array at 64 × 65 cells: area and read power × 65/64, read time 65 ns (∝ bit lines)', () => {
    expectRel(ref.areaBreakdownMm2.crossbar, 6.25e-6 * 65 / 64);
    expectRel(ref.energyBreakdownJ.crossbar, 4.8 * pj * (65 / 64) ** 2);
    expectRel(ref.cycleTimeS, 65e-9);
    expectRel(ref.delayS, 195e-9);
  });

  test('65 sample-and-holds, still 64 conversions and 64 shift-adds', () => {
    expect(ref.sampleHolds).toBe(65);
    expectRel(ref.energyBreakdownJ.sampleHold, 65 * 8.73e-18);
    expectRel(ref.energyBreakdownJ.adc, plain.energyBreakdownJ.adc);
    expectRel(ref.energyBreakdownJ.shiftAdd, plain.energyBreakdownJ.shiftAdd);
    expect(ref.adcs).toBe(plain.adcs);
    expect(ref.edap).toBeGreaterThan(plain.edap);
  });

  test('balanced sensing needs no reference column: its cost does not change', () => {
    const balanced = mapping(64, { weightBits: 4, bitsPerCell: 2, signMapping: 'balanced', inputBits: 1 });
    expect(cost(shape, { ...balanced, baseline: 'referenceColumn' })).toEqual(cost(shape, balanced));
  });
});

describe('ADC column sharing and bit-serial inputs', () => {
  const shape = conv('c', { k: 3, cin: 16, cout: 32, outH: 8 });

  test('fewer ADCs per crossbar: each converts more columns, so the cycle stretches once conversions outlast the read', () => {
    // 16-bit ADC on 64 columns: t_conv = 16 × 12.5 ns / 128 = 1.5625 ns; 64 of them = 100 ns > 64 ns read.
    const one = cost(shape, mapping(64, { adcBits: 16, adcsPerCrossbar: 1 }));
    const two = cost(shape, mapping(64, { adcBits: 16, adcsPerCrossbar: 2 }));
    const eight = cost(shape, mapping(64, { adcBits: 16, adcsPerCrossbar: 8 }));
    expect([one.conversionsPerAdc, two.conversionsPerAdc, eight.conversionsPerAdc]).toEqual([64, 32, 8]);
    expectRel(one.cycleTimeS, 100e-9);
    expectRel(two.cycleTimeS, 64e-9); // 32 × 1.5625 = 50 ns < 64 ns read
    expectRel(eight.cycleTimeS, 64e-9);
    expect(one.delayS).toBeGreaterThan(two.delayS);
    // Conversions (hence ADC energy) do not depend on sharing; ADC area and leakage do.
    expectRel(one.energyBreakdownJ.adc, eight.energyBreakdownJ.adc);
    expectRel(eight.areaBreakdownMm2.adc, 8 * one.areaBreakdownMm2.adc);
    expect(eight.adcs).toBe(8 * one.adcs);
  });

  test('with 8-bit ADCs the crossbar read sets the cycle for every size (t_conv·N < N ns)', () => {
    for (const n of [16, 32, 64, 128]) {
      const c = cost(shape, mapping(n, { adcBits: 8 }));
      expectRel(c.cycleTimeS, n * 1e-9);
    }
  });

  test('input cycles = ceil(inputBits / dacBits); DAC energy per cycle grows ×2 per DAC bit', () => {
    const d1 = cost(shape, mapping(64, { dacBits: 1, adcBits: 8 }));
    const d2 = cost(shape, mapping(64, { dacBits: 2, adcBits: 8 }));
    const d3 = cost(shape, mapping(64, { dacBits: 3, adcBits: 8 }));
    expectRel(d1.mvmDelayS, (8 + 2) * 64e-9);
    expectRel(d2.mvmDelayS, (4 + 2) * 64e-9);
    expectRel(d3.mvmDelayS, (3 + 2) * 64e-9);
    // 8 cycles × 1 vs 4 cycles × 2: equal DAC energy; 3 cycles × 4 > 8.
    expectRel(d2.energyBreakdownJ.dac, d1.energyBreakdownJ.dac);
    expectRel(d3.energyBreakdownJ.dac, 1.5 * d1.energyBreakdownJ.dac);
    expectRel(d2.areaBreakdownMm2.dac, 2 * d1.areaBreakdownMm2.dac);
  });
});

describe('monotonicity', () => {
  const shapes = [
    conv('narrow', { k: 3, cin: 3, cout: 8, outH: 14 }),
    conv('mid', { k: 3, cin: 16, cout: 16, outH: 7 }),
    conv('wide', { k: 5, cin: 64, cout: 96, outH: 4 }),
    dense('fc', 200, 10),
  ];
  const keys = ['energyJ', 'delayS', 'areaMm2', 'edap'] as const;

  test('more ADC bits → more energy and area, never less delay', () => {
    for (const s of shapes) {
      for (let b = 2; b <= 16; b++) {
        const lo = cost(s, mapping(64, { adcBits: b - 1 }));
        const hi = cost(s, mapping(64, { adcBits: b }));
        expect(hi.energyJ).toBeGreaterThan(lo.energyJ);
        expect(hi.areaMm2).toBeGreaterThan(lo.areaMm2);
        expect(hi.delayS).toBeGreaterThanOrEqual(lo.delayS);
      }
    }
  });

  test('larger crossbars → no more crossbars, and lower utilisation on a narrow layer', () => {
    const narrow = conv('narrow', { k: 3, cin: 16, cout: 16, outH: 16 });
    let prev: LayerCost | undefined;
    for (const n of [16, 32, 64, 128, 256]) {
      const c = cost(narrow, mapping(n));
      if (prev) {
        expect(c.crossbars).toBeLessThanOrEqual(prev.crossbars);
        expect(c.utilisation).toBeLessThan(prev.utilisation);
      }
      prev = c;
    }
  });

  test('larger crossbars → slower cycle (N ns read) for the same layer', () => {
    const s = shapes[1];
    const delays = [16, 32, 64, 128].map((n) => cost(s, mapping(n)).delayS);
    expect([...delays].sort((a, b) => a - b)).toEqual(delays);
  });

  test('doubling Cout never lowers any cost or count', () => {
    const variants: Array<Partial<LayerMapping>> = [
      {},
      { signMapping: 'offset' },
      { sliceLayout: 'interleavedColumns' },
      { adcsPerCrossbar: 4, adcBits: 12 },
      { weightBits: 16, dacBits: 2 },
    ];
    for (const s of shapes) {
      const doubled = { ...s, outChannels: 2 * s.outChannels };
      for (const n of [16, 32, 64, 128]) {
        for (const v of variants) {
          const a = cost(s, mapping(n, v));
          const b = cost(doubled, mapping(n, v));
          for (const k of keys) expect(b[k]).toBeGreaterThanOrEqual(a[k]);
          for (const k of ['crossbars', 'adcs', 'dacs', 'sampleHolds', 'shiftAdds', 'mvmus', 'cores', 'tiles'] as const) {
            expect(b[k]).toBeGreaterThanOrEqual(a[k]);
          }
        }
      }
    }
  });

  test('more output pixels → proportionally more delay, more energy, same area', () => {
    const small = conv('c', { k: 3, cin: 16, cout: 16, outH: 4 });
    const big = conv('c', { k: 3, cin: 16, cout: 16, outH: 8 });
    const a = cost(small, mapping(32));
    const b = cost(big, mapping(32));
    expectRel(b.delayS, 4 * a.delayS);
    expectRel(b.energyJ, 4 * a.energyJ);
    expectRel(b.areaMm2, a.areaMm2);
  });

  test('a zero-energy component costs nothing (limit)', () => {
    const zeroAdc = {
      ...DEFAULT_COMPONENTS,
      adc: { ...DEFAULT_COMPONENTS.adc, table: { 8: { energyJPerConversion: 0, areaMm2: 0 } }, leakagePowerWPerBit: 0 },
    };
    const c = layerCost({ shape: shapes[1], mapping: mapping(64, { adcBits: 8 }) }, zeroAdc);
    expect(c.energyBreakdownJ.adc).toBe(0);
    expect(c.areaBreakdownMm2.adc).toBe(0);
  });
});
