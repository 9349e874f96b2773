/**
 * The search's budget schedule without a clock: the deadlines it hands out are arithmetic on the budget, the
 * time now and the measured evaluation time, so the split and the reserve are checked exactly.
 */
import { describe, expect, test } from '@jest/globals';
import { SCHEDULE, deadlineOf, fitsEvaluation, lambdaWindow, reserveS, saveAllowanceS, warmUpDeadline } from '../../src/search/schedule.js';

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

  test('λ windows share the rest equally, 65 % search then fine-tune; undefined once the time is gone', () => {
    const w = lambdaWindow(b, 200, 2, 200)!;
    const share = (1000 - 200 - 200) / 2;
    expect(w.searchS).toBeCloseTo(200 + SCHEDULE.search * share, 12);
    expect(w.fineTuneS).toBeCloseTo(200 + share, 12);
    // the last λ window ends where the reserve begins
    expect(lambdaWindow(b, 200, 1, 200)!.fineTuneS).toBeCloseTo(deadlineOf(b) - 200, 12);
    expect(lambdaWindow(b, 950, 1, 60)).toBeUndefined();
  });

  test('an evaluation fits only when it ends (with 10 % margin) before the deadline; saving costs ≤ 1 s', () => {
    expect(fitsEvaluation(b, 1000 - 11 - 1, 10, 1)).toBe(true);
    expect(fitsEvaluation(b, 1000 - 11 - 1 + 0.01, 10, 1)).toBe(false);
    expect(saveAllowanceS(b, true)).toBe(1);
    expect(saveAllowanceS({ startS: 0, budgetS: 10 }, true)).toBeCloseTo(0.2, 12);
    expect(saveAllowanceS(b, false)).toBe(0);
  });
});
