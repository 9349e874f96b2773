import { describe, expect, test } from '@jest/globals';
import { resolveGate, stricterLimit } from '../../src/config/gate.js';
import { parseNaxConfig } from '../../src/config/nax-config.js';
import { inputTierLocator } from '../../src/github/inputs.js';
import { userError } from '../support/user-error.js';

const cfg = (extra: string) => parseNaxConfig(`model: m.json\nmapping: map.json\n${extra}`, 'nax.yml');
const BASE = cfg('simulation: { seed: 7, monteCarloSamples: 4, evalImages: 500, irDrop: fast }\n' +
  'budgets: { minAccuracyPct: { warn: 90, fail: 85 }, maxAccuracyDropPp: 1, maxEdapIncreasePct: { warn: 2, fail: 5 } }\n');

describe('resolveGate: the base judges, the PR may only tighten', () => {
  test('a head that deletes its budgets keeps the base budgets, and the change is named', () => {
    const g = resolveGate({ base: BASE, head: cfg('simulation: { seed: 7, monteCarloSamples: 4, evalImages: 500 }\n') });
    expect(g.budgetsFrom).toBe('base');
    expect(g.budgets).toEqual(BASE.budgets);
    expect(g.changes).toContain("budgets.minAccuracyPct.fail: 85 → none; the base's 85 applies");
    expect(Object.isFrozen(g) && Object.isFrozen(g.budgets) && Object.isFrozen(g.simulation)).toBe(true);
  });

  test('looser head settings are overruled, stricter ones apply; the seed is always the base one', () => {
    const head = cfg('simulation: { seed: 99, monteCarloSamples: 2, evalImages: 800, irDrop: ideal }\n' +
      'budgets: { minAccuracyPct: { warn: 95, fail: 10 }, maxAccuracyDropPp: 0.5 }\n');
    const g = resolveGate({ base: BASE, head });
    expect(g.simulation).toEqual({ seed: 7, monteCarloSamples: 4, evalImages: 800, irDrop: 'fast' });
    expect(g.budgets.minAccuracyPct).toEqual({ warn: 95, fail: 85 });
    expect(g.budgets.maxAccuracyDropPp).toEqual({ fail: 0.5 });
    expect(g.budgets.maxEdapIncreasePct).toEqual({ warn: 2, fail: 5 });
    expect(g.changes.some((c) => c.startsWith('simulation.irDrop: fast → ideal'))).toBe(true);
    expect(g.changes.some((c) => c.startsWith('simulation.seed: 7 → 99'))).toBe(true);
    // exact is more faithful than fast: a head asking for it gets it.
    expect(resolveGate({ base: BASE, head: cfg('simulation: { seed: 7, monteCarloSamples: 4, evalImages: 500, irDrop: exact }\n') }).simulation.irDrop)
      .toBe('exact');
  });

  test('tiers tightened on different sides never cross: warn is clamped to fail', () => {
    const head = cfg('budgets: { maxEdapIncreasePct: { fail: 1 } }\n');
    const g = resolveGate({ base: BASE, head });
    expect(g.budgets.maxEdapIncreasePct).toEqual({ warn: 1, fail: 1 });
  });

  test("without a base nax.yml the PR's own budgets and settings apply, and the gate says so", () => {
    const head = cfg('budgets: { minAccuracyPct: 50 }\n');
    const g = resolveGate({ head });
    expect(g.budgetsFrom).toBe('head');
    expect(g.budgets.minAccuracyPct).toEqual({ fail: 50 });
    expect(g.changes).toEqual([]);
  });

  test('inputs tighten but never loosen', () => {
    const g = resolveGate({
      base: BASE, head: BASE, budgetOverrideLocator: inputTierLocator,
      budgetOverrides: { minAccuracyPct: { fail: 50 }, maxAccuracyDropPp: { fail: 0.25 }, maxEdap: { fail: 1e-9 } },
    });
    expect(g.budgets.minAccuracyPct).toEqual({ warn: 90, fail: 85 });
    expect(g.budgets.maxAccuracyDropPp).toEqual({ fail: 0.25 });
    expect(g.budgets.maxEdap).toEqual({ fail: 1e-9 });
    expect(g.changes).toContain("the input for budgets.minAccuracyPct.fail (50) is looser than nax.yml's 85 and is ignored");
    expect(userError(() => resolveGate({ head: BASE, budgetOverrideLocator: inputTierLocator, budgetOverrides: { maxEdap: { fail: -1 } } })).format())
      .toBe('action inputs: fail-edap: must be > 0, found -1');
  });

  test('stricterLimit: lower for maxima, higher for minima, a missing tier is the loosest', () => {
    expect(stricterLimit('maxEdap', 2, 3)).toBe(2);
    expect(stricterLimit('minAccuracyPct', 2, 3)).toBe(3);
    expect(stricterLimit('maxEdap', undefined, 3)).toBe(3);
    expect(stricterLimit('minAccuracyPct', 4, undefined)).toBe(4);
  });
});
