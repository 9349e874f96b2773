import { describe, expect, test } from '@jest/globals';
import { NO_BUDGETS, parseBudgets, withBudgetOverrides } from '../../src/config/budgets.js';
import { parseNaxConfig } from '../../src/config/nax-config.js';
import { userError } from '../support/user-error.js';


const parse = (raw: unknown) => parseBudgets(raw, 'nax.yml', 'budgets');

describe('parseBudgets', () => {
  test('absent section: no budget set', () => {
    expect(parse(undefined)).toEqual(NO_BUDGETS);
    expect(parse(null)).toEqual(NO_BUDGETS);
  });

  test('tiers and the bare-number shorthand (fail tier)', () => {
    const b = parse({
      maxEdapIncreasePct: { warn: 2, fail: 5 },
      maxEdap: 2e-12,
      maxAccuracyDropPp: { warn: 0.5 },
      minAccuracyPct: { warn: 97, fail: 95 },
    });
    expect(b.maxEdapIncreasePct).toEqual({ warn: 2, fail: 5 });
    expect(b.maxEdap).toEqual({ fail: 2e-12 });
    expect(b.maxAccuracyDropPp).toEqual({ warn: 0.5 });
    expect(b.minAccuracyPct).toEqual({ warn: 97, fail: 95 });
    expect(Object.isFrozen(b)).toBe(true);
  });

  test('unknown budget named with the allowed ones', () => {
    const e = userError(() => parse({ maxEdapIncrease: 5 }));
    expect(e.format()).toBe('nax.yml: budgets.maxEdapIncrease: unknown field (allowed here: maxEdapIncreasePct, maxEdap, maxAccuracyDropPp, minAccuracyPct)');
  });

  test('unknown tier', () => {
    const e = userError(() => parse({ maxEdap: { error: 1 } }));
    expect(e.field).toBe('budgets.maxEdap.error');
  });

  test('a string is refused with the accepted forms', () => {
    const e = userError(() => parse({ maxEdapIncreasePct: '5%' }));
    expect(e.field).toBe('budgets.maxEdapIncreasePct');
    expect(e.message).toMatch(/expected a number \(the fail tier\) or \{ warn, fail \}, found "5%"/);
  });

  test('out-of-range values name the field and the bound', () => {
    expect(userError(() => parse({ maxEdap: 0 })).format()).toBe('nax.yml: budgets.maxEdap: must be > 0, found 0');
    expect(userError(() => parse({ minAccuracyPct: { fail: 101 } })).field).toBe('budgets.minAccuracyPct.fail');
    expect(userError(() => parse({ maxEdapIncreasePct: { warn: -100 } })).field).toBe('budgets.maxEdapIncreasePct.warn');
    expect(userError(() => parse({ maxAccuracyDropPp: { fail: Number.NaN } })).message).toMatch(/finite number/);
  });

  test('warn must trigger before fail', () => {
    const max = userError(() => parse({ maxEdapIncreasePct: { warn: 6, fail: 5 } }));
    expect(max.field).toBe('budgets.maxEdapIncreasePct.warn');
    expect(max.message).toBe('warn tier 6 is above the fail tier 5');
    const min = userError(() => parse({ minAccuracyPct: { warn: 94, fail: 95 } }));
    expect(min.message).toBe('warn tier 94 is below the fail tier 95');
  });

  test('not an object', () => {
    expect(userError(() => parse([1, 2])).field).toBe('budgets');
  });

  test('nax.yml passes its budgets section through', () => {
    const c = parseNaxConfig('model: m/model.json\nmapping: mapping.json\nbudgets:\n  maxEdapIncreasePct: { warn: 1, fail: 3 }\n', 'nax.yml');
    expect(c.budgets.maxEdapIncreasePct).toEqual({ warn: 1, fail: 3 });
    const e = userError(() => parseNaxConfig('model: m/model.json\nmapping: mapping.json\nbudgets:\n  maxEdap: -1\n', 'nax.yml'));
    expect(e.format()).toBe('nax.yml: budgets.maxEdap: must be > 0, found -1');
  });
});

describe('withBudgetOverrides', () => {
  const where = (id: string, tier: string) => ({ file: 'action inputs', field: `${tier}-${id}` });
  const base = parse({ maxEdapIncreasePct: { warn: 2, fail: 5 } });

  test('replaces single tiers and keeps the others', () => {
    const b = withBudgetOverrides(base, { overrides: { maxEdapIncreasePct: { fail: 8 }, minAccuracyPct: { fail: 90 } }, where });
    expect(b.maxEdapIncreasePct).toEqual({ warn: 2, fail: 8 });
    expect(b.minAccuracyPct).toEqual({ fail: 90 });
    expect(b.maxEdap).toEqual({});
  });

  test('validated like nax.yml, errors name the input', () => {
    const e = userError(() => withBudgetOverrides(base, { overrides: { maxEdap: { fail: -3 } }, where }));
    expect(e.format()).toBe('action inputs: fail-maxEdap: must be > 0, found -3');
    const order = userError(() => withBudgetOverrides(base, { overrides: { maxEdapIncreasePct: { fail: 1 } }, where }));
    expect(order.message).toBe('warn tier 2 is above the fail tier 1');
  });
});
