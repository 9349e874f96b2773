import { describe, expect, test } from '@jest/globals';
import { DEFAULT_DEVICE, type DeviceParams, conductances } from '../../src/config/technology.js';
import { idealConductances, programCrossbar } from '../../src/xbar/devices.js';
import { Rng } from '../../src/xbar/rng.js';
import { expectClose } from '../support/expect-close.js';

const { gOnSiemens, gOffSiemens } = conductances(DEFAULT_DEVICE);
const BIG = 256; // 65 536 cells for the statistics below

function levelsFilled(n: number, level: number): Int32Array {
  return new Int32Array(n).fill(level);
}

function device(overrides: Partial<DeviceParams>): DeviceParams {
  return { ...DEFAULT_DEVICE, ...overrides };
}

function meanStd(x: ArrayLike<number>): { mean: number; std: number } {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  const mean = s / x.length;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - mean) ** 2;
  return { mean, std: Math.sqrt(ss / (x.length - 1)) };
}

describe('idealConductances (reference §5.3)', () => {
  test('2×2 by hand, 2 bits per cell: levels 0…3 → G_off + level·(G_on − G_off)/3', () => {
    const g = idealConductances({ rows: 2, cols: 2, levels: new Int32Array([0, 1, 2, 3]), bitsPerCell: 2, device: DEFAULT_DEVICE });
    const step = (gOnSiemens - gOffSiemens) / 3;
    expectClose(g, [gOffSiemens, gOffSiemens + step, gOffSiemens + 2 * step, gOnSiemens], { atol: 0, rtol: 1e-15 });
    expect(g[0]).toBe(1 / 600e3);
  });

  test('rejects a level outside the cell range', () => {
    expect(() => idealConductances({ rows: 1, cols: 2, levels: new Int32Array([0, 4]), bitsPerCell: 2, device: DEFAULT_DEVICE })).toThrow(
      /level 4 at cell 1 outside 0…3/,
    );
  });
});

describe('programCrossbar (reference §5.4, §5.5)', () => {
  const levels = new Int32Array(16 * 16).map((_, n) => n % 4);

  test('σ = 0 and no faults reproduce the ideal conductances exactly', () => {
    const d = device({ programmingSigmaRel: 0 });
    const g = programCrossbar({ rows: 16, cols: 16, levels, bitsPerCell: 2, device: d, rng: new Rng(1) });
    expect(g).toEqual(idealConductances({ rows: 16, cols: 16, levels, bitsPerCell: 2, device: d }));
  });

  test('same seed → identical conductances; another seed → different ones', () => {
    const d = device({ programmingSigmaRel: 0.05, stuckAtOffRate: 0.01, stuckAtOnRate: 0.01 });
    const a = programCrossbar({ rows: 16, cols: 16, levels, bitsPerCell: 2, device: d, rng: Rng.derive(9, 'xbar', 0) });
    const b = programCrossbar({ rows: 16, cols: 16, levels, bitsPerCell: 2, device: d, rng: Rng.derive(9, 'xbar', 0) });
    const c = programCrossbar({ rows: 16, cols: 16, levels, bitsPerCell: 2, device: d, rng: Rng.derive(9, 'xbar', 1) });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  test(`normal variation σ = 0.05 on ${BIG}×${BIG} G_on cells: mean 1 ± 0.001, σ 0.05 ± 0.001 (≈ 5σ, 7σ)`, () => {
    const d = device({ programmingSigmaRel: 0.05 });
    const g = programCrossbar({ rows: BIG, cols: BIG, levels: levelsFilled(BIG * BIG, 3), bitsPerCell: 2, device: d, rng: new Rng(2) });
    const rel = g.map((v) => v / gOnSiemens);
    const { mean, std } = meanStd(rel);
    expect(Math.abs(mean - 1)).toBeLessThan(0.001);
    expect(Math.abs(std - 0.05)).toBeLessThan(0.001);
  });

  test(`lognormal variation σ = 0.1: mean preserved (1 ± 0.002) and σ of ln G = 0.1 ± 0.002`, () => {
    const d = device({ programmingSigmaRel: 0.1, programmingDistribution: 'lognormal' });
    const g = programCrossbar({ rows: BIG, cols: BIG, levels: levelsFilled(BIG * BIG, 2), bitsPerCell: 2, device: d, rng: new Rng(3) });
    const g2 = gOffSiemens + (2 * (gOnSiemens - gOffSiemens)) / 3;
    const { mean } = meanStd(g.map((v) => v / g2));
    const { std: stdLog } = meanStd(g.map((v) => Math.log(v / g2)));
    expect(Math.abs(mean - 1)).toBeLessThan(0.002);
    expect(Math.abs(stdLog - 0.1)).toBeLessThan(0.002);
  });

  test('variation is clipped to [0.5·G_off, 1.5·G_on] (reference §5.4)', () => {
    const d = device({ programmingSigmaRel: 1 });
    const lv = new Int32Array(BIG * 16).map((_, n) => (n % 2) * 3);
    const g = programCrossbar({ rows: BIG, cols: 16, levels: lv, bitsPerCell: 2, device: d, rng: new Rng(4) });
    let atLow = 0;
    let atHigh = 0;
    expect(Math.min(...g)).toBeGreaterThanOrEqual(0.5 * gOffSiemens);
    expect(Math.max(...g)).toBeLessThanOrEqual(1.5 * gOnSiemens);
    for (const v of g) {
      if (v === 0.5 * gOffSiemens) atLow++;
      if (v === 1.5 * gOnSiemens) atHigh++;
    }
    expect(atLow).toBeGreaterThan(0); // σ = 1 pushes many cells past both limits
    expect(atHigh).toBeGreaterThan(0);
  });

  test(`stuck-at rates 2 % (SA0) and 5 % (SA1) on ${BIG}×${BIG} mid-level cells, each within ± 0.3 % (≈ 5σ)`, () => {
    const d = device({ programmingSigmaRel: 0, stuckAtOffRate: 0.02, stuckAtOnRate: 0.05 });
    const g = programCrossbar({ rows: BIG, cols: BIG, levels: levelsFilled(BIG * BIG, 1), bitsPerCell: 2, device: d, rng: new Rng(5) });
    let sa0 = 0;
    let sa1 = 0;
    for (const v of g) {
      if (v === gOffSiemens) sa0++;
      else if (v === gOnSiemens) sa1++;
    }
    expect(Math.abs(sa0 / g.length - 0.02)).toBeLessThan(0.003);
    expect(Math.abs(sa1 / g.length - 0.05)).toBeLessThan(0.003);
  });

  test('common random numbers: changing σ keeps the same stuck cells', () => {
    const lv = levelsFilled(64 * 64, 1);
    const faults = (sigma: number): number[] => {
      const d = device({ programmingSigmaRel: sigma, stuckAtOffRate: 0.05, stuckAtOnRate: 0.05 });
      const g = programCrossbar({ rows: 64, cols: 64, levels: lv, bitsPerCell: 2, device: d, rng: new Rng(6) });
      const out: number[] = [];
      g.forEach((v, n) => {
        if (v === gOffSiemens || v === gOnSiemens) out.push(n);
      });
      return out;
    };
    const a = faults(0);
    expect(a.length).toBeGreaterThan(200);
    expect(faults(0.1)).toEqual(a);
  });
});
