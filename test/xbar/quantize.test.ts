import { describe, expect, test } from '@jest/globals';
import {
  type InputSign,
  dacCycleCodes,
  dacCycleCount,
  dacCycleWeight,
  dequantizeWeights,
  inputStep,
  maxInputCode,
  quantizeInputs,
  quantizeWeights,
  recombineSlices,
  sliceCount,
  sliceLevels,
  sliceLevelsOf,
} from '../../src/xbar/quantize.js';
import { Rng } from '../../src/xbar/rng.js';

function randomWeights(n: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const w = new Float32Array(n);
  for (let i = 0; i < n; i++) w[i] = 0.1 * rng.normal();
  return w;
}

describe('quantizeWeights', () => {
  test('w=[4] by hand: 8 bits differential, step = max|w| / 127', () => {
    const w = new Float32Array([1, -0.5, 0.25, 0.003]);
    const qw = quantizeWeights(w, 8, 'differential');
    expect(qw.stepW).toBeCloseTo(1 / 127, 12);
    expect(Array.from(qw.q)).toEqual([127, -64, 32, 0]); // −63.5 and 31.75 round away from zero / to nearest
    expect(Array.from(qw.stored[0])).toEqual([127, 0, 32, 0]);
    expect(Array.from(qw.stored[1])).toEqual([0, 64, 0, 0]);
    expect(qw.offset).toBe(0);
    expect(qw.magnitudeBits).toBe(7);
  });

  for (const signMapping of ['differential', 'offset'] as const) {
    for (const weightBits of [2, 4, 8, 16]) {
      test(`round trip within step/2, codes in range: ${signMapping}, ${weightBits} bits, w=[1000]`, () => {
        const w = randomWeights(1000, weightBits);
        const qw = quantizeWeights(w, weightBits, signMapping);
        const back = dequantizeWeights(qw);
        const qMax = 2 ** (weightBits - 1) - 1;
        let maxAbsQ = 0;
        let worstExcess = -Infinity; // max of |w − step·q| − step/2; float32 storage adds ≤ 1 ulp of |w|
        for (let n = 0; n < w.length; n++) {
          worstExcess = Math.max(worstExcess, Math.abs(back[n] - w[n]) - qw.stepW / 2 - 2e-7 * Math.abs(w[n]));
          maxAbsQ = Math.max(maxAbsQ, Math.abs(qw.q[n]));
        }
        expect(worstExcess).toBeLessThanOrEqual(0);
        expect(maxAbsQ).toBe(qMax); // the largest |w| uses the top code
        const storedMax = 2 ** qw.magnitudeBits - 1;
        const recon = new Int32Array(w.length);
        for (const arr of qw.stored) expect(arr.filter((v) => v < 0 || v > storedMax).length).toBe(0);
        for (let n = 0; n < w.length; n++) {
          recon[n] = signMapping === 'differential' ? qw.stored[0][n] - qw.stored[1][n] : qw.stored[0][n] - qw.offset;
        }
        expect(recon).toEqual(qw.q);
      });
    }
  }

  test('an all-zero layer gives step 1 and zero codes (no division by zero)', () => {
    const qw = quantizeWeights(new Float32Array(5), 8, 'offset');
    expect(qw.stepW).toBe(1);
    expect(Array.from(qw.q)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(qw.stored[0])).toEqual([128, 128, 128, 128, 128]);
  });
});

describe('bit slicing', () => {
  test('54 = 0b11_01_10 in 2-bit slices is [2, 1, 3] (LSB first)', () => {
    expect([0, 1, 2].map((k) => sliceLevels(54, k, 2))).toEqual([2, 1, 3]);
    expect(sliceLevels(54, 3, 2)).toBe(0);
  });

  for (const bitsPerCell of [1, 2, 3, 4]) {
    test(`slices recombine to the integer exactly: ${bitsPerCell} bits per cell, 16-bit integers`, () => {
      const rng = new Rng(bitsPerCell);
      const q = new Int32Array(2000);
      for (let n = 0; n < q.length; n++) q[n] = rng.nextU32() % 65536;
      q[0] = 65535;
      q[1] = 0;
      const slices = Array.from({ length: sliceCount(16, bitsPerCell) }, (_, k) => sliceLevelsOf(q, k, bitsPerCell));
      for (const s of slices) expect(s.filter((l) => l < 0 || l >= 2 ** bitsPerCell).length).toBe(0);
      expect(Array.from(recombineSlices(slices, bitsPerCell))).toEqual(Array.from(q));
      for (let n = 0; n < 20; n++) expect(sliceLevels(q[n], 1, bitsPerCell)).toBe(slices[1][n]);
    });
  }

  test('slice counts agree with mapping/tiling.ts: 7 magnitude bits in 2-bit cells → 4 slices', () => {
    expect(sliceCount(7, 2)).toBe(4);
    expect(sliceCount(8, 2)).toBe(4);
    expect(sliceCount(8, 3)).toBe(3);
  });
});

describe('input codes and DAC cycles', () => {
  test('x=[5] by hand: unsigned 4 bits, step 0.1, saturating', () => {
    const codes = quantizeInputs([0, 0.04, 0.05, 1.0, 2.0], { stepX: 0.1, inputBits: 4, inputSign: 'unsigned' });
    expect(Array.from(codes)).toEqual([0, 0, 1, 10, 15]);
    expect(inputStep(1.5, 4, 'unsigned')).toBeCloseTo(0.1, 15);
  });

  test('x=[4] by hand: two\'s complement 4 bits, step 1', () => {
    const codes = quantizeInputs([-9, -8, 7, 8], { stepX: 1, inputBits: 4, inputSign: 'twosComplement' });
    expect(Array.from(codes)).toEqual([-8, -8, 7, 7]);
    expect(maxInputCode(4, 'twosComplement')).toBe(7);
  });

  test('bit-serial two\'s complement by hand: −3 = 1101b → cycles [1, 0, 1, 1], weights [1, 2, 4, −8]', () => {
    const opts = { inputBits: 4, dacBits: 1, inputSign: 'twosComplement' as const };
    const bits = [0, 1, 2, 3].map((c) => dacCycleCodes(new Int32Array([-3]), c, opts)[0]);
    expect(bits).toEqual([1, 0, 1, 1]);
    expect([0, 1, 2, 3].map((c) => dacCycleWeight(c, opts))).toEqual([1, 2, 4, -8]);
  });

  for (const inputSign of ['unsigned', 'twosComplement'] as InputSign[]) {
    test(`Σ_c weight_c·code_c reproduces every code: ${inputSign}, inputBits 1…8 × dacBits 1…4`, () => {
      for (let inputBits = 1; inputBits <= 8; inputBits++) {
        for (let dacBits = 1; dacBits <= 4; dacBits++) {
          const lo = inputSign === 'unsigned' ? 0 : -(2 ** (inputBits - 1));
          const hi = inputSign === 'unsigned' ? 2 ** inputBits - 1 : 2 ** (inputBits - 1) - 1;
          const codes = new Int32Array(hi - lo + 1).map((_, n) => lo + n);
          const opts = { inputBits, dacBits, inputSign };
          const cycles = dacCycleCount(inputBits, dacBits);
          const sum = new Float64Array(codes.length);
          const outOfRange: string[] = [];
          for (let c = 0; c < cycles; c++) {
            const cc = dacCycleCodes(codes, c, opts);
            const signCycle = inputSign === 'twosComplement' && c === cycles - 1;
            const t = inputBits - c * dacBits; // bits held by the top cycle
            // sign cycle: 0/1 when it holds only the sign bit, otherwise a bipolar code; other cycles 0…2^d − 1
            const lo = signCycle ? -(2 ** (t - 1) - 1) : 0;
            const hi = signCycle ? 2 ** (t - 1) : 2 ** dacBits - 1;
            for (let n = 0; n < codes.length; n++) {
              if (cc[n] < lo || cc[n] > hi) outOfRange.push(`Ib ${inputBits} d ${dacBits} cycle ${c} code ${codes[n]} → ${cc[n]}`);
              sum[n] += dacCycleWeight(c, opts) * cc[n];
            }
          }
          expect(outOfRange).toEqual([]);
          expect(Array.from(sum)).toEqual(Array.from(codes));
        }
      }
    });
  }
});
