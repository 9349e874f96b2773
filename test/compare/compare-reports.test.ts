import { describe, expect, test } from '@jest/globals';
import type { BudgetResult, Comparison } from '../../src/compare/comparison.js';
import { compareReports, delta } from '../../src/compare/compare-reports.js';
import { NO_BUDGETS, parseBudgets } from '../../src/config/budgets.js';
import type { NaxReport } from '../../src/report.js';
import { loadReport, mutable, withEdapChange, withSamples } from './reports.js';

const base = loadReport('base');
const head = loadReport('head');
const budgets = (raw: unknown) => parseBudgets(raw, 'nax.yml', 'budgets');
const budget = (c: Comparison, id: BudgetResult['id']) => c.budgets.find((b) => b.id === id) as BudgetResult;

describe('delta', () => {
  test('relative change in % and the difference', () => {
    expect(delta(2, 3)).toEqual({ base: 2, head: 3, diff: 1, changePct: 50 });
    expect(delta(4, 3).changePct).toBeCloseTo(-25, 12);
  });
  test('zero baseline: infinite growth, or no change when both are zero', () => {
    expect(delta(0, 1e-12).changePct).toBe(Infinity);
    expect(delta(0, 0).changePct).toBe(0);
  });
  test('a missing side gives no difference', () => {
    expect(delta(undefined, 3)).toEqual({ head: 3 });
    expect(delta(3, undefined)).toEqual({ base: 3 });
  });
});

describe('compareReports: layers', () => {
  const c = compareReports(base, head, NO_BUDGETS);

  test('head order, the removed layer at its base position', () => {
    expect(c.layers.map((l) => [l.name, l.change])).toEqual([
      ['conv1', 'unchanged'],
      ['conv2', 'changed'],
      ['fc1', 'removed'],
      ['fc1b', 'added'],
      ['fc2', 'changed'],
    ]);
  });

  test('a remapped layer lists its mapping changes and cost deltas', () => {
    const conv2 = c.layers[1];
    expect(conv2.changedFields).toEqual(['rows 64→128', 'cols 64→128', 'adcBits 8→9']);
    expect(conv2.crossbars).toMatchObject({ base: 16, head: 8 });
    expect(conv2.edap.changePct).toBeCloseTo(((conv2.edap.head as number) / (conv2.edap.base as number) - 1) * 100, 10);
    expect(conv2.baseMapping?.rows).toBe(64);
    expect(conv2.headMapping?.rows).toBe(128);
  });

  test('a shape change (input channels) is a change', () => {
    expect(c.layers[4].changedFields).toEqual(['inChannels 64→32']);
  });

  test('added and removed layers carry one side only', () => {
    const removed = c.layers[2];
    const added = c.layers[3];
    expect(removed.edap.head).toBeUndefined();
    expect(removed.edap.base).toBeGreaterThan(0);
    expect(added.edap.base).toBeUndefined();
    expect(added.headMapping).toBeDefined();
    expect(added.baseMapping).toBeUndefined();
  });

  test('a cost change with the same mapping (e.g. technology) shows as "cost"', () => {
    const h = mutable(head);
    h.cost.layers[0].energyJ *= 1.1;
    expect(compareReports(base, h as NaxReport, NO_BUDGETS).layers[0].changedFields).toEqual(['cost']);
  });
});

describe('compareReports: totals', () => {
  const c = compareReports(base, head, NO_BUDGETS);
  test('accuracies in % and pp, costs relative in %', () => {
    expect(c.totals.accuracyIdealPct?.diff).toBeCloseTo(-0.4, 10);
    expect(c.totals.accuracyNonIdealPct?.base).toBeCloseTo(97.1, 10);
    expect(c.totals.accuracyNonIdealPct?.diff).toBeCloseTo((head.accuracy!.nonIdeal.mean - base.accuracy!.nonIdeal.mean) * 100, 10);
    expect(c.totals.nonIdealHead?.samples).toBe(3);
    expect(c.totals.edap.changePct).toBeCloseTo((head.totals.edap / base.totals.edap - 1) * 100, 10);
    expect(c.totals.energyJ.changePct).toBeCloseTo((head.totals.energyJ / base.totals.energyJ - 1) * 100, 10);
  });
  test('changed inputs by content hash; settings paired', () => {
    expect(c.changedInputs).toEqual(['model', 'mapping']);
    expect(c.unpairedSettings).toEqual([]);
  });
  test('different seeds are reported as unpaired', () => {
    const b = mutable(base);
    b.settings!.seed = 7;
    expect(compareReports(b as NaxReport, head, NO_BUDGETS).unpairedSettings).toEqual(['seed 7 vs 1']);
  });
  test('no budgets set: pass with every budget unchecked', () => {
    expect(c.verdict).toBe('pass');
    expect(c.budgets.every((b) => b.status === 'unchecked' && b.reason === 'no budget set')).toBe(true);
  });
});

describe('compareReports: budget tiers', () => {
  const edapBudgets = budgets({ maxEdapIncreasePct: { warn: 2, fail: 5 } });
  test.each([
    [1, 'ok', 'pass'],
    [2, 'ok', 'pass'], // at the limit: allowed
    [3, 'warn', 'warn'],
    [5.5, 'fail', 'fail'],
    [-10, 'ok', 'pass'],
  ])('EDAP %p %% → %s', (pct, status, verdict) => {
    const c = compareReports(base, withEdapChange(base, head, pct), edapBudgets);
    expect(budget(c, 'maxEdapIncreasePct').status).toBe(status);
    expect(budget(c, 'maxEdapIncreasePct').actual).toBeCloseTo(pct, 9);
    expect(c.verdict).toBe(verdict);
  });

  test('EDAP ceiling, absolute', () => {
    const ceiling = head.totals.edap;
    expect(budget(compareReports(base, head, budgets({ maxEdap: ceiling })), 'maxEdap').status).toBe('ok');
    expect(budget(compareReports(base, head, budgets({ maxEdap: { warn: ceiling * 0.9, fail: ceiling * 1.1 } })), 'maxEdap').status).toBe('warn');
    expect(budget(compareReports(base, head, budgets({ maxEdap: ceiling * 0.5 })), 'maxEdap').status).toBe('fail');
  });

  test('accuracy drop in pp (base − head, non-ideal mean)', () => {
    const b = withSamples(base, [0.97, 0.97]);
    const h = withSamples(head, [0.963, 0.963]);
    const tiers = budgets({ maxAccuracyDropPp: { warn: 0.5, fail: 1 } });
    const r = budget(compareReports(b, h, tiers), 'maxAccuracyDropPp');
    expect(r.actual).toBeCloseTo(0.7, 10);
    expect(r.status).toBe('warn');
    expect(budget(compareReports(b, withSamples(head, [0.955]), tiers), 'maxAccuracyDropPp').status).toBe('fail');
    expect(budget(compareReports(b, withSamples(head, [0.975]), tiers), 'maxAccuracyDropPp').status).toBe('ok');
  });

  test('minimum accuracy in %', () => {
    const h = withSamples(head, [0.96]);
    expect(budget(compareReports(base, h, budgets({ minAccuracyPct: { warn: 97, fail: 95 } })), 'minAccuracyPct').status).toBe('warn');
    expect(budget(compareReports(base, h, budgets({ minAccuracyPct: 96.5 })), 'minAccuracyPct').status).toBe('fail');
    expect(budget(compareReports(base, h, budgets({ minAccuracyPct: 96 })), 'minAccuracyPct').status).toBe('ok');
  });

  test('a breach names the layers that caused it: changed or added layers whose cost grew', () => {
    const c = compareReports(base, head, budgets({ maxEdapIncreasePct: 5 }));
    const r = budget(c, 'maxEdapIncreasePct');
    expect(r.status).toBe('fail');
    expect(r.layers).toEqual(['conv2', 'fc1b']);
  });

  test('an accuracy breach names the changed layers whose non-ideality grew, largest first', () => {
    const r = budget(compareReports(base, head, budgets({ maxAccuracyDropPp: 0.5 })), 'maxAccuracyDropPp');
    expect(r.status).toBe('fail');
    expect(r.layers).toEqual(['fc1b', 'conv2']);
  });

  test('cost-only reports leave the accuracy budgets unchecked', () => {
    const { accuracy: _a, settings: _s, ...costOnly } = head;
    const c = compareReports(base, costOnly as NaxReport, budgets({ minAccuracyPct: 90, maxAccuracyDropPp: 1 }));
    expect(budget(c, 'minAccuracyPct')).toMatchObject({ status: 'unchecked' });
    expect(budget(c, 'maxAccuracyDropPp').reason).toMatch(/cost-only/);
    expect(c.verdict).toBe('pass');
  });
});

describe('compareReports: baseline', () => {
  test('missing base: no-baseline, relative budgets unchecked, absolute ones still checked', () => {
    const c = compareReports(undefined, head, budgets({ maxEdapIncreasePct: 5, minAccuracyPct: 90 }));
    expect(c.verdict).toBe('no-baseline');
    expect(c.hasBaseline).toBe(false);
    expect(budget(c, 'maxEdapIncreasePct')).toMatchObject({ status: 'unchecked', reason: 'needs a baseline' });
    expect(budget(c, 'minAccuracyPct').status).toBe('ok');
    expect(c.layers.every((l) => l.change === 'added')).toBe(true);
    expect(c.totals.edap.changePct).toBeUndefined();
  });

  test('missing base with an absolute budget failed: fail, not a neutral no-baseline', () => {
    const c = compareReports(undefined, head, budgets({ maxEdap: head.totals.edap / 2 }));
    expect(c.verdict).toBe('fail');
    // Without a baseline the largest contributors are named.
    expect(budget(c, 'maxEdap').layers[0]).toBe('conv1');
  });

  test('zero baseline EDAP: any increase breaks the relative budget', () => {
    const b = mutable(base);
    b.totals.edap = 0;
    const c = compareReports(b as NaxReport, head, budgets({ maxEdapIncreasePct: { warn: 1000, fail: 1e6 } }));
    expect(c.totals.edap.changePct).toBe(Infinity);
    expect(budget(c, 'maxEdapIncreasePct').status).toBe('fail');
  });
});

describe('compareReports: acknowledgement', () => {
  const failing = budgets({ maxEdapIncreasePct: 5 });
  test('an acknowledged fail is reported as warn, and remembered', () => {
    const c = compareReports(base, head, failing, { acknowledgement: { by: "label 'nax-accept-regression'" } });
    expect(c.verdict).toBe('warn');
    expect(c.budgetVerdict).toBe('fail');
    expect(c.acknowledged).toEqual({ by: "label 'nax-accept-regression'" });
    expect(budget(c, 'maxEdapIncreasePct').status).toBe('fail');
  });
  test('nothing to acknowledge on a pass', () => {
    const c = compareReports(base, head, NO_BUDGETS, { acknowledgement: { by: 'the acknowledge input' } });
    expect(c.verdict).toBe('pass');
    expect(c.acknowledged).toBeUndefined();
  });
});
