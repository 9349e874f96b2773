/**
 * The cost-model switches of `technology.json` `costModel` (config/cost-model.ts): each reproduces its cited
 * number or an independent computation, and the defaults leave today's accounting unchanged.
 */
import { describe, expect, test } from '@jest/globals';
import { DEFAULT_COMPONENTS } from '../../src/config/components.js';
import { type CostModelSwitches, DEFAULT_COST_MODEL } from '../../src/config/cost-model.js';
import type { LayerMapping } from '../../src/config/mapping.js';
import { DEFAULT_DEVICE, DEFAULT_TECHNOLOGY, parseTechnology, technologyHash } from '../../src/config/technology.js';
import { adcAt } from '../../src/cost/component-scaling.js';
import { layerCost } from '../../src/cost/layer.js';
import { costReport } from '../../src/cost/network.js';
import { type CostOptions, costOptionsOf } from '../../src/cost/options.js';
import type { LayerCost } from '../../src/cost/types.js';
import { type MatrixLayerShape, physicalCrossbars, tileGeometry } from '../../src/mapping/tiling.js';
import { userError } from '../support/user-error.js';
import { RESNET20_28, conv, dense, mapping } from './resnet.js';

const NS = 1e-9;
const PJ = 1e-12;

function expectRel(actual: number, expected: number, rtol = 1e-12): void {
  if (Math.abs(actual - expected) > rtol * Math.abs(expected)) {
    throw new Error(`expected ${expected}, got ${actual} (rtol ${rtol})`);
  }
}

const opts = (over: Partial<CostModelSwitches> = {}): CostOptions => ({ model: { ...DEFAULT_COST_MODEL, ...over }, device: DEFAULT_DEVICE });
const cost = (shape: MatrixLayerShape, m: LayerMapping, over: Partial<CostModelSwitches> = {}): LayerCost =>
  layerCost({ shape, mapping: m }, DEFAULT_COMPONENTS, opts(over));
const network = (n: number, over: Partial<CostModelSwitches> = {}) =>
  costReport(RESNET20_28.map((shape) => ({ shape, mapping: mapping(n) })), DEFAULT_COMPONENTS, opts(over));

describe('defaults reproduce the accounting without switches', () => {
  test('every layer and the totals are identical with and without the default options', () => {
    for (const n of [16, 128]) {
      const a = costReport(RESNET20_28.map((shape) => ({ shape, mapping: mapping(n) })), DEFAULT_COMPONENTS);
      expect(network(n)).toEqual(a);
      expect(a.costModel).toEqual(DEFAULT_COST_MODEL);
    }
  });
});

describe("delayModel 'pumaAdc' (PUMAsim xbComputeLatency_Analog: t_ADC(b) · (input bits / DAC bits + 2))", () => {
  const layer = conv('c', { k: 3, cin: 16, cout: 16, outH: 7 });

  test('128×128, 8-bit inputs, lossless 9-bit ADC: 112.5 ns × 10 per MVM', () => {
    const c = cost(layer, mapping(128), { delayModel: 'pumaAdc' });
    expect(c.cycleTimeS).toBeCloseTo(112.5 * NS, 18); // adc_lat_dict['9']
    expectRel(c.mvmDelayS, 1125 * NS);
    expectRel(c.delayS, 49 * 1125 * NS);
  });

  test("PUMAsim's own setting, 16-bit inputs and an 8-bit ADC: 100 ns × 18 = 1.8 µs per MVM (reference §3.2)", () => {
    const c = cost(layer, mapping(128, { inputBits: 16, adcBits: 8 }), { delayModel: 'pumaAdc' });
    expectRel(c.mvmDelayS, 1800 * NS);
  });

  test('independent of N at a fixed ADC resolution; crossbarRead grows with N', () => {
    const puma = [16, 32, 64, 128].map((n) => cost(layer, mapping(n, { adcBits: 8 }), { delayModel: 'pumaAdc' }).mvmDelayS);
    expect(new Set(puma).size).toBe(1);
    expectRel(puma[0], 1000 * NS);
    // crossbarRead: cycle = max(N ns, N · 12.5·8/128 ns) = N ns, MVM = 10 cycles.
    const read = [16, 32, 64, 128].map((n) => cost(layer, mapping(n, { adcBits: 8 }), { delayModel: 'crossbarRead' }).mvmDelayS);
    read.forEach((d, i) => expectRel(d, 10 * [16, 32, 64, 128][i] * NS));
  });

  test('only delay and the leakage over it change; dynamic energy and area do not', () => {
    const a = cost(layer, mapping(32));
    const b = cost(layer, mapping(32), { delayModel: 'pumaAdc' });
    expect(b.areaMm2).toBe(a.areaMm2);
    const { leakage: la, ...dynA } = a.energyBreakdownJ;
    const { leakage: lb, ...dynB } = b.energyBreakdownJ;
    expect(dynB).toEqual(dynA);
    expectRel(lb / la, b.delayS / a.delayS);
  });
});

describe('ranking of homogeneous crossbar sizes under each delay model (ResNet-20 8-16-32, 28×28)', () => {
  const edap = (over: Partial<CostModelSwitches>) => [16, 32, 64, 128].map((n) => network(n, over).totals.edap);

  test('crossbarRead: delay doubles with N, 16×16 beats 128×128', () => {
    const d = [16, 32, 64, 128].map((n) => network(n).totals.delayS);
    for (let i = 1; i < 4; i++) expectRel(d[i], 2 * d[i - 1]);
    const e = edap({});
    expect(e[0]).toBeLessThan(e[3]);
  });

  test('pumaAdc: 16×16 becomes the worst and 128×128 beats it (issue 8)', () => {
    const e = edap({ delayModel: 'pumaAdc' });
    expect(Math.max(...e)).toBe(e[0]);
    expect(e[3]).toBeLessThan(e[0]);
  });
});

describe("adcAreaModel 'negiTable' (puma-simulator e223699 constants-{16,32,64,128}.py adc_area_dict)", () => {
  test("Negi's entries 5…9 b, nearest entry outside; energy stays Saberi's", () => {
    const area = (b: number) => adcAt(DEFAULT_COMPONENTS, b, 'negiTable').areaMm2;
    expect([5, 6, 7, 8, 9].map(area)).toEqual([0.00075, 0.0009, 0.00105, 0.0012, 0.0012]);
    expect(area(4)).toBe(0.00075);
    expect(area(12)).toBe(0.0012);
    expect(adcAt(DEFAULT_COMPONENTS, 9, 'negiTable').energyJPerConversion).toBe(adcAt(DEFAULT_COMPONENTS, 9).energyJPerConversion);
    expectRel(adcAt(DEFAULT_COMPONENTS, 9).areaMm2, 1827.911647e-6);
  });

  test('a layer pays adcs × the table area', () => {
    const c = cost(conv('c', { k: 3, cin: 16, cout: 16, outH: 7 }), mapping(128), { adcAreaModel: 'negiTable' });
    expectRel(c.areaBreakdownMm2.adc, c.adcs * 0.0012);
  });
});

describe("arrayReadEnergy 'device': V_read² · G · t over the driven cells", () => {
  // Enumerates the physical crossbars and their cells, independently of the closed form in layer.ts.
  function independentReadEnergyJ(shape: MatrixLayerShape, m: LayerMapping, f: number, density: number): number {
    const gOn = 1 / DEFAULT_DEVICE.rOnOhm;
    const gOff = gOn / DEFAULT_DEVICE.onOffRatio;
    const tRead = (m.cols / 128) * 128 * NS;
    let sumG = 0;
    for (const x of physicalCrossbars(shape, m)) {
      for (let r = 0; r < x.rowCount; r++) {
        for (let col = 0; col < m.cols; col++) sumG += col < x.columnChannel.length ? gOff + f * (gOn - gOff) : gOff;
      }
    }
    return DEFAULT_DEVICE.vReadV ** 2 * density * sumG * tRead;
  }

  test.each([
    ['dense 300→10 on 128×128 (3 row tiles, partly used)', dense('fc', 300, 10), mapping(128)],
    ['conv 3×3 16→24 on 32×32 (5 row tiles)', conv('c', { k: 3, cin: 16, cout: 24, outH: 4 }), mapping(32)],
    ['conv interleaved columns, offset', conv('c', { k: 3, cin: 8, cout: 12, outH: 4 }), mapping(64, { signMapping: 'offset', sliceLayout: 'interleavedColumns' })],
  ])('%s', (_, shape, m) => {
    for (const [f, density] of [[0.5, 0.5], [1, 1], [0, 0.25]]) {
      const c = cost(shape, m, { arrayReadEnergy: 'device', meanLevelFraction: f, inputBitDensity: density });
      const g = tileGeometry(shape, m);
      const reads = g.mvms * g.inputCycles;
      expectRel(c.energyBreakdownJ.crossbar, reads * independentReadEnergyJ(shape, m, f, density), 1e-10); // summation order
    }
  });

  test('a full 128×128 array, every cell at G_on and every row at V_read: 128² · V² / R_on · 128 ns', () => {
    const shape = dense('fc', 128, 32); // 8-bit differential, 2 bits/cell: 4 slices × 32 channels = 128 columns
    const m = mapping(128, { sliceLayout: 'interleavedColumns' });
    const c = cost(shape, m, { arrayReadEnergy: 'device', meanLevelFraction: 1, inputBitDensity: 1 });
    const perRead = 128 * 128 * 0.25 ** 2 * (1 / 100e3) * 128 * NS; // 13.1 nJ per array
    expectRel(c.energyBreakdownJ.crossbar, 8 * 2 * perRead);
  });
});

describe("partialSumMovement 'edram'", () => {
  test('zero traffic and no extra delay when the rows fit one crossbar', () => {
    const shape = conv('c', { k: 3, cin: 8, cout: 16, outH: 7 }); // 72 rows
    const a = cost(shape, mapping(128), { partialSumMovement: 'edram' });
    const b = cost(shape, mapping(128));
    expect(a.energyBreakdownJ.partialSums).toBe(0);
    expect(a.delayS).toBe(b.delayS);
    expect(a.energyJ).toBe(b.energyJ);
  });

  test('dense 300→10 on 128×128: 2 extra row tiles × 10 sums × 16 bits through eDRAM and bus, added once each', () => {
    const shape = dense('fc', 300, 10);
    const a = cost(shape, mapping(128), { partialSumMovement: 'edram' });
    const b = cost(shape, mapping(128));
    const bits = 2 * 10 * 16;
    const expected = 20 * ((0.373 * 32) / 45) * 1e-3 * NS + 2 * (bits / 256) * 20.45 * PJ + 2 * bits * 0.054 * PJ;
    expectRel(a.energyBreakdownJ.partialSums, expected);
    // Two 256-bit accesses for 320 bits, written then read: 4 × 2 ns more per MVM.
    expectRel(a.mvmDelayS - b.mvmDelayS, 8 * NS, 1e-9);
  });
});

describe('leakage', () => {
  test('power-gated ≤ always-on at every size and with either delay model', () => {
    for (const delayModel of ['crossbarRead', 'pumaAdc'] as const) {
      for (const n of [16, 32, 64, 128]) {
        const gated = network(n, { delayModel }).totals;
        const on = network(n, { delayModel, leakage: 'alwaysOn' }).totals;
        expect(gated.energyJ).toBeLessThan(on.energyJ);
        expectRel(on.energyJ - gated.energyJ, on.energyBreakdownJ.idleLeakage);
      }
    }
  });

  test('always-on = (Σ component leakage + tiles · tile leakage) · layer-serial delay + dynamic energy', () => {
    const on = network(32, { leakage: 'alwaysOn' });
    const t = on.totals;
    const c = DEFAULT_COMPONENTS;
    const tileW = c.edram.leakagePowerW + c.bus.leakagePowerW + c.router.leakagePowerW / c.router.sharedByTiles;
    const powerW = on.layers.reduce((a, l) => a + l.componentLeakagePowerW, 0) + t.tiles * tileW;
    expectRel(t.energyBreakdownJ.leakage + t.energyBreakdownJ.idleLeakage, powerW * t.delayS, 1e-9);
  });

  test('one layer alone: always-on adds nothing', () => {
    const layers = [{ shape: conv('c', { k: 3, cin: 8, cout: 16, outH: 7 }), mapping: mapping(64) }];
    const gated = costReport(layers, DEFAULT_COMPONENTS, opts()).totals;
    const on = costReport(layers, DEFAULT_COMPONENTS, opts({ leakage: 'alwaysOn' })).totals;
    expectRel(on.energyJ, gated.energyJ, 1e-12);
  });
});

describe('technology.json costModel section', () => {
  const FILE = 'technology.json';
  test('parses every switch, keeps the rest at their defaults, cites numeric fields', () => {
    const t = parseTechnology({
      schema: 'nax-technology/1',
      costModel: { delayModel: 'pumaAdc', leakage: 'alwaysOn', meanLevelFraction: { value: 0.3, source: 'measured' } },
    }, FILE);
    expect(t.costModel).toEqual({ ...DEFAULT_COST_MODEL, delayModel: 'pumaAdc', leakage: 'alwaysOn', meanLevelFraction: 0.3 });
    expect(t.sources['costModel.meanLevelFraction']).toBe('measured');
    expect(costOptionsOf(t).model).toBe(t.costModel);
    expect(technologyHash(t)).not.toBe(technologyHash(DEFAULT_TECHNOLOGY));
  });

  test.each([
    [{ delayModel: 'puma' }, 'costModel.delayModel', /expected one of 'crossbarRead', 'pumaAdc'/],
    [{ adcAreaModel: 3 }, 'costModel.adcAreaModel', /expected one of/],
    [{ leakage: 'sometimes' }, 'costModel.leakage', /'powerGated', 'alwaysOn'/],
    [{ inputBitDensity: 1.5 }, 'costModel.inputBitDensity', /≤ 1/],
    [{ gating: 'x' }, 'costModel.gating', /unknown field/],
  ])('%j → %s', (costModel, field, message) => {
    const e = userError(() => parseTechnology({ schema: 'nax-technology/1', costModel }, FILE));
    expect(e.file).toBe(FILE);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });
});
