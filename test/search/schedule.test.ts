/**
 * The search's budget schedule without a clock: the deadlines it hands out are arithmetic on the budget, the
 * time now and the measured evaluation time, so the split and the reserve are checked exactly.
 */
import { describe, expect, test } from '@jest/globals';
import { pairedCheckImages, pairedCheckS, reserveS, saveAllowanceS, warmUpDeadline } from '../../src/search/schedule.js';

const b = { startS: 100, budgetS: 900 };

describe('budget schedule', () => {
  test('reserve: per pending evaluation its time with margin, the save allowance and 2 % slack of the budget', () => {
    expect(reserveS(b, 0, 30, 1)).toBe(0);
    expect(reserveS(b, 2, 30, 1)).toBeCloseTo(2 * (30 * 1.25 + 1 + 18), 12);
  });

  test('warm-up takes 15 % of what is left for training after the reserve; none when the reserve eats it all', () => {
    expect(warmUpDeadline(b, 100, 100)).toBeCloseTo(100 + 0.15 * 800, 12);
    expect(warmUpDeadline(b, 500, 2000)).toBe(500);
  });

  test('paired checks keep their group comparisons\' time with margin, within 35–60 % of the phase; none without a check', () => {
    const o = { searchS: 100, forwards: 4, images: 100, chips: 2 };
    // 4 forwards × 100 images × 2 chips × 0.05 s × 1.25 = 50 s.
    expect(pairedCheckS({ ...o, secondsPerImageChip: 0.05 })).toBeCloseTo(50, 12);
    expect(pairedCheckS({ ...o, secondsPerImageChip: 0.01 })).toBeCloseTo(35, 12);
    expect(pairedCheckS({ ...o, secondsPerImageChip: 1 })).toBeCloseTo(60, 12);
    expect(pairedCheckS({ ...o, forwards: 0, secondsPerImageChip: 0.05 })).toBe(0);
    expect(pairedCheckS({ ...o, images: 0, secondsPerImageChip: 0.05 })).toBe(0);
  });

  test('check images: all while their group comparisons fit in 60 % of the phase, else as many as fit', () => {
    const o = { searchS: 100, forwards: 4, images: 100, chips: 2 };
    expect(pairedCheckImages({ ...o, secondsPerImageChip: 0.05 })).toBe(100); // 50 s of 60
    // 0.1 s: 1.25 × 4 × 2 × 0.1 = 1 s per image; 60 s fit 60 images.
    expect(pairedCheckImages({ ...o, secondsPerImageChip: 0.1 })).toBe(60);
    expect(pairedCheckImages({ ...o, forwards: 0, secondsPerImageChip: 0.1 })).toBe(100);
  });

  test('saving a candidate is allowed ≤ 1 s, 2 % of tiny budgets, nothing without a sink', () => {
    expect(saveAllowanceS(b, true)).toBe(1);
    expect(saveAllowanceS({ startS: 0, budgetS: 10 }, true)).toBeCloseTo(0.2, 12);
    expect(saveAllowanceS(b, false)).toBe(0);
  });
});

describe('protocol allocation and shards', () => {
  test('search phases and equal fine-tunes fill the training time exactly (before flooring the steps)', async () => {
    const { protocolAllocation, FINE_TUNE_PER_SEARCH } = await import('../../src/search/schedule.js');
    const a = protocolAllocation({ trainingS: 600, lambdas: 2, stepS: 0.5, maxFineTuneSteps: Infinity });
    const r = FINE_TUNE_PER_SEARCH;
    expect(a.searchS).toBeCloseTo(600 / (3 + 5 * r), 12);
    expect(a.fineTuneSteps).toBe(Math.floor((r * a.searchS) / 0.5));
    expect(3 * a.searchS + 5 * a.fineTuneSteps * 0.5).toBeLessThanOrEqual(600 + 1e-9);
    expect(3 * a.searchS + 5 * (a.fineTuneSteps + 1) * 0.5).toBeGreaterThan(600);
    expect(protocolAllocation({ trainingS: 600, lambdas: 1, stepS: 0.5, maxFineTuneSteps: 7 }).fineTuneSteps).toBe(7);
    expect(protocolAllocation({ trainingS: -5, lambdas: 1, stepS: 0.5, maxFineTuneSteps: 7 })).toEqual({ searchS: 0, fineTuneSteps: 0 });
  });

  test('shards split the λ list; with fewer λ than shards they cycle and take the next seeds', async () => {
    const { shardSlice } = await import('../../src/search/run.js');
    expect(shardSlice([0.5, 1, 2, 4], 7, { index: 1, count: 2 })).toEqual({ lambdas: [1, 4], seed: 7 });
    expect([0, 1, 2].map((index) => shardSlice([1], 7, { index, count: 3 }))).toEqual([
      { lambdas: [1], seed: 7 }, { lambdas: [1], seed: 8 }, { lambdas: [1], seed: 9 },
    ]);
    expect([0, 1, 2].map((index) => shardSlice([1, 2], 1, { index, count: 3 }))).toEqual([
      { lambdas: [1], seed: 1 }, { lambdas: [2], seed: 1 }, { lambdas: [1], seed: 2 },
    ]);
  });
});
