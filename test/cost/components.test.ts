import { describe, expect, test } from '@jest/globals';
import {
  type ComponentCosts,
  DEFAULT_COMPONENTS,
  parseComponents,
  parseComponentsWithSources,
} from '../../src/config/components.js';
import { DEFAULT_TECHNOLOGY, parseTechnology, technologyHash } from '../../src/config/technology.js';
import { adcAt, crossbarAt, dacAt, registerAt } from '../../src/cost/component-scaling.js';
import { NaxUserError } from '../../src/errors.js';
import { userError } from '../support/user-error.js';

/** |actual − expected| ≤ rtol·|expected| (energies span decades, so a relative check). */
function expectRel(actual: number, expected: number, rtol = 1e-12): void {
  if (Math.abs(actual - expected) > rtol * Math.abs(expected)) {
    throw new Error(`expected ${expected}, got ${actual} (rtol ${rtol})`);
  }
}

const FILE = 'technology.json';
const parse = (raw: unknown): ComponentCosts => parseComponents(raw, FILE, 'components', DEFAULT_COMPONENTS);


describe('default constants reproduce their sources', () => {
  test.each([
    // size, PUMAsim xbar_pow (mW), xbar_lat (ns), xbar_area (mm²), read energy P·t (pJ), reference §3.2
    [16, 0.0046875, 16, 3.90625e-7, 0.075],
    [32, 0.01875, 32, 1.5625e-6, 0.6],
    [64, 0.075, 64, 6.25e-6, 4.8],
    [128, 0.3, 128, 2.5e-5, 38.4],
    [256, 1.2, 256, 1.0e-4, 307.2],
  ])('crossbar %i×%i: Negi per-size PUMAsim constants', (n, powerMw, timeNs, areaMm2, energyPj) => {
    const x = crossbarAt(DEFAULT_COMPONENTS, n, n);
    expectRel(x.readPowerW, powerMw * 1e-3);
    expectRel(x.readTimeS, timeNs * 1e-9);
    expectRel(x.areaMm2, areaMm2);
    expectRel(x.readEnergyJ, energyPj * 1e-12);
    expect(x.leakagePowerW).toBe(0);
  });

  test.each([
    // bits, pJ per conversion, µm² (ISAAC/Saberi via Accelergy isaac.py), reference §3.3
    [4, 0.79, 361.04],
    [5, 0.99, 476.91],
    [6, 1.2, 626.91],
    [7, 1.42, 845.18],
    [8, 1.67, 1200],
    [9, 1.969078145, 1827.911647],
    [10, 2.379022742, 3002.008032],
  ])('ADC %i b: ISAAC/Saberi table', (bits, pj, um2) => {
    const a = adcAt(DEFAULT_COMPONENTS, bits);
    expectRel(a.energyJPerConversion, pj * 1e-12);
    expectRel(a.areaMm2, um2 * 1e-6);
  });

  test('ADC 8 b: 1.67 pJ per conversion, 0.0012 mm², 100 ns for 128 columns, 0.2 mW leakage (PUMAsim)', () => {
    const a = adcAt(DEFAULT_COMPONENTS, 8);
    expectRel(a.energyJPerConversion, 1.67e-12);
    expectRel(a.areaMm2, 0.0012);
    expectRel(128 * a.conversionTimeS, 100e-9);
    expectRel(a.leakagePowerW, 0.2e-3);
  });

  test('DAC, S&H, shift-and-add: PUMAsim power × 1 ns cycle, areas and leakage', () => {
    const c = DEFAULT_COMPONENTS;
    expectRel(c.dac.energyJPerConversion, 0.00350625e-3 * 1e-9);
    expectRel(c.dac.areaMm2, 1.67e-7);
    expectRel(c.dac.leakagePowerW, 0.000390625e-3);
    expectRel(c.sampleHold.energyJPerSample, 8.73e-6 * 1e-3 * 1e-9);
    expectRel(c.sampleHold.areaMm2, 3.90625e-8);
    expectRel(c.shiftAdd.energyJPerOp, 0.045e-3 * 1e-9);
    expectRel(c.shiftAdd.areaMm2, 6e-5);
    expectRel(c.shiftAdd.leakagePowerW, 0.005e-3);
  });

  test('eDRAM 20.45 pJ per 256-bit access and 0.083 mm² (ISAAC); bus, router; PUMA organisation; 1 ns clock', () => {
    const c = DEFAULT_COMPONENTS;
    expectRel(c.edram.energyJPerAccess, 20.45e-12);
    expect(c.edram.accessBits).toBe(256);
    expectRel(c.edram.areaMm2, 0.083);
    expectRel(c.bus.energyJPerBit, 0.054e-12);
    expectRel(c.bus.areaMm2, 0.09);
    expectRel(c.router.energyJPerAccess, 20.74e-12);
    expectRel(c.router.areaMm2 / c.router.sharedByTiles, 0.0375);
    expect(c.organisation).toEqual({ crossbarsPerMvmu: 8, mvmusPerCore: 2, coresPerTile: 8 });
    expect(c.timing).toEqual({ clockPeriodS: 1e-9, pipelineExtraStages: 2 });
  });

  test('registers: PUMAsim xbar_inMem at 128 entries (1.7 mW read, 0.16 mW write, 0.04 mW leak, 0.00078 mm²)', () => {
    const r = registerAt(DEFAULT_COMPONENTS, 128);
    expectRel(r.readEnergyJ, 1.7e-12);
    expectRel(r.writeEnergyJ, 0.16e-12);
    expectRel(r.leakagePowerW, 0.04e-3);
    expectRel(r.areaMm2, 0.00078);
  });
});

describe('scaling beyond the tables (stated assumptions)', () => {
  test('ADC above 10 b: ×2 per bit from the 10-bit entry; below 4 b: ÷2 per bit', () => {
    const ten = adcAt(DEFAULT_COMPONENTS, 10);
    const four = adcAt(DEFAULT_COMPONENTS, 4);
    expectRel(adcAt(DEFAULT_COMPONENTS, 11).energyJPerConversion, 2 * ten.energyJPerConversion);
    expectRel(adcAt(DEFAULT_COMPONENTS, 16).energyJPerConversion, 64 * ten.energyJPerConversion);
    expectRel(adcAt(DEFAULT_COMPONENTS, 16).areaMm2, 64 * ten.areaMm2);
    expectRel(adcAt(DEFAULT_COMPONENTS, 1).energyJPerConversion, four.energyJPerConversion / 8);
  });

  test('ADC energy, area, conversion time and leakage rise strictly with bits, 1…16', () => {
    for (let b = 2; b <= 16; b++) {
      const lo = adcAt(DEFAULT_COMPONENTS, b - 1);
      const hi = adcAt(DEFAULT_COMPONENTS, b);
      expect(hi.energyJPerConversion).toBeGreaterThan(lo.energyJPerConversion);
      expect(hi.areaMm2).toBeGreaterThan(lo.areaMm2);
      expect(hi.conversionTimeS).toBeGreaterThan(lo.conversionTimeS);
      expect(hi.leakagePowerW).toBeGreaterThan(lo.leakagePowerW);
    }
  });

  test('ADC beyond 16 bits is an internal error (mapping files cap it)', () => {
    expect(() => adcAt(DEFAULT_COMPONENTS, 17)).toThrow(/ADC bits 17/);
  });

  test('ADC between sparse user entries interpolates linearly', () => {
    const c = parse({ adc: { table: { 12: { energyJPerConversion: 4e-12, areaMm2: 0.004 } } } });
    // 10 b: 2.379022742 pJ, 12 b: 4 pJ → 11 b at the midpoint.
    expectRel(adcAt(c, 11).energyJPerConversion, (2.379022742e-12 + 4e-12) / 2);
    expectRel(adcAt(c, 13).energyJPerConversion, 8e-12);
  });

  test('DAC: ×2 per extra bit of resolution', () => {
    const one = dacAt(DEFAULT_COMPONENTS, 1);
    expectRel(dacAt(DEFAULT_COMPONENTS, 2).energyJPerConversion, 2 * one.energyJPerConversion);
    expectRel(dacAt(DEFAULT_COMPONENTS, 4).areaMm2, 8 * one.areaMm2);
  });

  test('rectangular crossbar: power and area ∝ cells, read time ∝ columns', () => {
    const x = crossbarAt(DEFAULT_COMPONENTS, 128, 64);
    expectRel(x.readPowerW, 0.15e-3);
    expectRel(x.readTimeS, 64e-9);
    expectRel(x.areaMm2, 1.25e-5);
  });

  test('registers: linear between sizes, ∝ size above 256, the 16-entry values below 16', () => {
    const r64 = registerAt(DEFAULT_COMPONENTS, 64);
    const r128 = registerAt(DEFAULT_COMPONENTS, 128);
    expectRel(registerAt(DEFAULT_COMPONENTS, 96).areaMm2, (r64.areaMm2 + r128.areaMm2) / 2);
    expectRel(registerAt(DEFAULT_COMPONENTS, 512).readEnergyJ, 2 * 4.7e-12);
    expect(registerAt(DEFAULT_COMPONENTS, 8)).toEqual(registerAt(DEFAULT_COMPONENTS, 16));
  });
});

describe('DEFAULT_COMPONENTS is a frozen plain value', () => {
  test('deeply frozen', () => {
    const c = DEFAULT_COMPONENTS as unknown as Record<string, Record<string, unknown>>;
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.adc)).toBe(true);
    expect(Object.isFrozen(c.adc.table)).toBe(true);
    expect(Object.isFrozen((c.adc.table as Record<string, object>)['8'])).toBe(true);
  });

  test('survives a JSON round trip (numbers and nested plain objects only)', () => {
    expect(JSON.parse(JSON.stringify(DEFAULT_COMPONENTS))).toEqual(DEFAULT_COMPONENTS);
  });

  test('technology hash is stable and changes with any component value', () => {
    const h = technologyHash(DEFAULT_TECHNOLOGY);
    expect(technologyHash(parseTechnology({ schema: 'nax-technology/1' }, FILE))).toBe(h);
    const changed = parseTechnology({ schema: 'nax-technology/1', components: { adc: { table: { 8: { areaMm2: 0.0013 } } } } }, FILE);
    expect(technologyHash(changed)).not.toBe(h);
  });
});

describe('parseComponents: user overrides', () => {
  test('a cited scalar overrides one field, keeps the rest, records its source', () => {
    const { components: c, sources } = parseComponentsWithSources(
      { dac: { energyJPerConversion: { value: 0.417e-12, source: 'ISAAC Table 1 via Accelergy' } } },
      { file: FILE, field: 'components', base: DEFAULT_COMPONENTS },
    );
    expect(c.dac.energyJPerConversion).toBe(0.417e-12);
    expect(c.dac.areaMm2).toBe(DEFAULT_COMPONENTS.dac.areaMm2);
    expect(c.adc).toBe(DEFAULT_COMPONENTS.adc);
    expect(sources).toEqual({ 'components.dac.energyJPerConversion': 'ISAAC Table 1 via Accelergy' });
    const table = parseComponentsWithSources(
      { adc: { table: { 9: { areaMm2: { value: 0.0012, source: 'NAX-modified PUMAsim table' } } } } },
      { file: FILE, field: 'components', base: DEFAULT_COMPONENTS },
    );
    expect(table.sources).toEqual({ 'components.adc.table.9.areaMm2': 'NAX-modified PUMAsim table' });
    expect(table.components.adc.table['9'].areaMm2).toBe(0.0012);
    expect(Object.isFrozen(c.dac)).toBe(true);
  });

  test('an existing table entry merges field by field; a new complete entry is added', () => {
    const c = parse({ adc: { table: { 8: { energyJPerConversion: 1.5e-12 }, 12: { energyJPerConversion: 5e-12, areaMm2: 0.005 } } } });
    expect(c.adc.table['8']).toEqual({ energyJPerConversion: 1.5e-12, areaMm2: 0.0012 });
    expect(c.adc.table['12']).toEqual({ energyJPerConversion: 5e-12, areaMm2: 0.005 });
    expect(Object.keys(c.adc.table)).toEqual(['4', '5', '6', '7', '8', '9', '10', '12']);
  });

  test.each<[string, unknown, string]>([
    ['negative energy', { dac: { energyJPerConversion: -1e-15 } }, 'components.dac.energyJPerConversion'],
    ['negative cited energy', { edram: { energyJPerAccess: { value: -1, source: 'x' } } }, 'components.edram.energyJPerAccess.value'],
    ['negative table energy', { adc: { table: { 8: { energyJPerConversion: -1e-12 } } } }, 'components.adc.table.8.energyJPerConversion'],
    ['ADC bits > 16', { adc: { table: { 17: { energyJPerConversion: 1e-11, areaMm2: 0.01 } } } }, 'components.adc.table.17'],
    ['non-integer ADC bits', { adc: { table: { '8.5': { energyJPerConversion: 1e-12, areaMm2: 0.001 } } } }, 'components.adc.table.8.5'],
    ['new table entry without its area', { adc: { table: { 12: { energyJPerConversion: 5e-12 } } } }, 'components.adc.table.12.areaMm2'],
    ['new register entry without a field', { registers: { table: { 512: { readEnergyJ: 1e-11, writeEnergyJ: 1e-12, areaMm2: 0.004 } } } }, 'components.registers.table.512.leakagePowerW'],
    ['a string for a number', { crossbar: { readPowerW: '0.3 mW' } }, 'components.crossbar.readPowerW'],
    ['a section that is not an object', { adc: 8 }, 'components.adc'],
    ['an unknown section', { adcs: {} }, 'components.adcs'],
    ['an unknown field', { adc: { energyPj: 1.67 } }, 'components.adc.energyPj'],
    ['an unknown table field', { adc: { table: { 8: { energyPj: 1.67 } } } }, 'components.adc.table.8.energyPj'],
    ['zero read time', { crossbar: { readTimeS: 0 } }, 'components.crossbar.readTimeS'],
    ['fractional organisation', { organisation: { coresPerTile: 2.5 } }, 'components.organisation.coresPerTile'],
    ['extrapolation ratio below 1', { adc: { extrapolationRatioPerBit: 0.5 } }, 'components.adc.extrapolationRatioPerBit'],
  ])('%s → NaxUserError at the field', (_what, raw, field) => {
    const e = userError(() => parse(raw));
    expect(e.file).toBe(FILE);
    expect(e.field).toBe(field);
  });

  test('the same errors come through parseTechnology', () => {
    const e = userError(() =>
      parseTechnology({ schema: 'nax-technology/1', components: { adc: { table: { 20: { energyJPerConversion: 1e-10, areaMm2: 0.1 } } } } }, FILE));
    expect(e.field).toBe('components.adc.table.20');
    expect(e.message).toMatch(/1…16/);
    const neg = userError(() => parseTechnology({ schema: 'nax-technology/1', components: { shiftAdd: { energyJPerOp: -1 } } }, FILE));
    expect(neg.field).toBe('components.shiftAdd.energyJPerOp');
    expect(neg.format()).toMatch(/^technology\.json: components\.shiftAdd\.energyJPerOp: must be ≥ 0/);
  });

  test('parseTechnology without a components section keeps the defaults', () => {
    expect(parseTechnology({ schema: 'nax-technology/1' }, FILE).components).toBe(DEFAULT_COMPONENTS);
  });
});
