/**
 * `budgets:` section of nax.yml: the limits a pull request is gated on. Every budget has two tiers:
 * crossing `warn` makes the verdict 'warn' (the check stays green), crossing `fail` makes it 'fail'
 * (the check goes red). A tier left out is not checked; a budget written as a bare number is its
 * fail tier.
 *
 *   budgets:
 *     maxEdapIncreasePct: { warn: 2, fail: 5 }     # EDAP of head vs base, %
 *     maxEdap: { fail: 2.0e-12 }                   # absolute EDAP ceiling of head, J·s·mm²
 *     maxAccuracyDropPp: { warn: 0.5, fail: 1 }    # non-ideal mean accuracy, base − head, percentage points
 *     minAccuracyPct: 95                           # non-ideal mean accuracy of head, %, fail below
 *
 * Defaults: no budget is set (nax assumption: a limit is a project decision, so none is invented; the
 * comment then says "no budget" rather than showing an invented one). The action's `warn-*`/`fail-*`
 * inputs override single tiers (withBudgetOverrides).
 */
import { NaxUserError } from '../errors.js';
import { isObject, readNumber, rejectUnknownKeys, type NumberRule } from './fields.js';

/** The budgets nax knows, in the order they are shown. */
export const BUDGET_IDS = ['maxEdapIncreasePct', 'maxEdap', 'maxAccuracyDropPp', 'minAccuracyPct'] as const;
export type BudgetId = (typeof BUDGET_IDS)[number];
export type BudgetTier = 'warn' | 'fail';

/** Limits of one budget; a missing tier is not checked. */
export interface BudgetTiers {
  readonly warn?: number;
  readonly fail?: number;
}

export interface Budgets {
  /**
   * Largest allowed relative EDAP increase of head over base, % (5 = head may be 5 % worse). Negative
   * values demand an improvement. Needs a baseline. Unit of EDAP: J·s·mm².
   */
  readonly maxEdapIncreasePct: BudgetTiers;
  /** Absolute ceiling on the head's total EDAP, J·s·mm² (energyJ · delayS · areaMm2). Checked without a baseline too. */
  readonly maxEdap: BudgetTiers;
  /**
   * Largest allowed drop of the non-ideal mean accuracy, base − head, in percentage points (1 = 98 % → 97 %
   * is allowed). Needs a baseline.
   */
  readonly maxAccuracyDropPp: BudgetTiers;
  /** Lowest allowed non-ideal mean accuracy of head, % (0…100). Checked without a baseline too. */
  readonly minAccuracyPct: BudgetTiers;
}

/** 'max' budgets fail above the limit, 'min' budgets below it. */
export const BUDGET_DIRECTION: Readonly<Record<BudgetId, 'max' | 'min'>> = Object.freeze({
  maxEdapIncreasePct: 'max',
  maxEdap: 'max',
  maxAccuracyDropPp: 'max',
  minAccuracyPct: 'min',
});

const RULES: Readonly<Record<BudgetId, NumberRule>> = {
  // −100 % would mean EDAP 0: any smaller limit can never be met.
  maxEdapIncreasePct: { min: -100, exclusive: true },
  maxEdap: { min: 0, exclusive: true },
  maxAccuracyDropPp: { min: -100, max: 100 },
  minAccuracyPct: { min: 0, max: 100 },
};

export const NO_BUDGETS: Budgets = Object.freeze({
  maxEdapIncreasePct: Object.freeze({}),
  maxEdap: Object.freeze({}),
  maxAccuracyDropPp: Object.freeze({}),
  minAccuracyPct: Object.freeze({}),
});

/** Says where a budget tier came from, for error messages. */
export type TierLocator = (id: BudgetId, tier: BudgetTier) => { file: string; field: string };

/** Warn must trigger before fail: warn ≤ fail for 'max' budgets, warn ≥ fail for 'min' budgets. */
function checkTierOrder(id: BudgetId, tiers: BudgetTiers, where: TierLocator): void {
  if (tiers.warn === undefined || tiers.fail === undefined) return;
  const max = BUDGET_DIRECTION[id] === 'max';
  if (max ? tiers.warn > tiers.fail : tiers.warn < tiers.fail) {
    const { file, field } = where(id, 'warn');
    throw new NaxUserError(file, field,
      `warn tier ${tiers.warn} is ${max ? 'above' : 'below'} the fail tier ${tiers.fail}`,
      max ? 'warn must be ≤ fail for a maximum' : 'warn must be ≥ fail for a minimum');
  }
}

/**
 * Parses the `budgets:` section (`raw` is the parsed YAML value, undefined when absent). `file` is the
 * config file and `field` the section's path ('budgets') for error messages.
 */
export function parseBudgets(raw: unknown, file: string, field: string): Budgets {
  if (raw === undefined || raw === null) return NO_BUDGETS;
  if (!isObject(raw)) throw new NaxUserError(file, field, 'expected an object of budgets', `allowed: ${BUDGET_IDS.join(', ')}`);
  rejectUnknownKeys(raw, BUDGET_IDS, file, field);
  const where: TierLocator = (id, tier) => ({ file, field: `${field}.${id}.${tier}` });
  const out = {} as Record<BudgetId, BudgetTiers>;
  for (const id of BUDGET_IDS) {
    const v = raw[id];
    const at = `${field}.${id}`;
    let tiers: BudgetTiers;
    if (v === undefined || v === null) {
      tiers = {};
    } else if (typeof v === 'number') {
      tiers = { fail: readNumber(v, file, at, RULES[id]) };
    } else if (isObject(v)) {
      rejectUnknownKeys(v, ['warn', 'fail'], file, at);
      tiers = {
        ...(v.warn === undefined ? {} : { warn: readNumber(v.warn, file, `${at}.warn`, RULES[id]) }),
        ...(v.fail === undefined ? {} : { fail: readNumber(v.fail, file, `${at}.fail`, RULES[id]) }),
      };
    } else {
      throw new NaxUserError(file, at, `expected a number (the fail tier) or { warn, fail }, found ${typeof v === 'string' ? JSON.stringify(v) : typeof v}`);
    }
    checkTierOrder(id, tiers, where);
    out[id] = Object.freeze(tiers);
  }
  return Object.freeze(out);
}

/** Single tiers replacing those of nax.yml (the action's `warn-…` and `fail-…` inputs, CLI flags). */
export type BudgetOverrides = Partial<Record<BudgetId, BudgetTiers>>;

export interface OverrideOptions {
  readonly overrides: BudgetOverrides;
  /** Names the input or flag that set a tier, for error messages. */
  readonly where: TierLocator;
}

/** Budgets with some tiers replaced; values are validated with the same rules as nax.yml. */
export function withBudgetOverrides(budgets: Budgets, { overrides, where }: OverrideOptions): Budgets {
  const out = { ...budgets } as Record<BudgetId, BudgetTiers>;
  for (const id of BUDGET_IDS) {
    const o = overrides[id];
    if (!o) continue;
    for (const tier of ['warn', 'fail'] as const) {
      const v = o[tier];
      if (v !== undefined) {
        const { file, field } = where(id, tier);
        readNumber(v, file, field, RULES[id]);
      }
    }
    const merged: BudgetTiers = {
      ...out[id],
      ...(o.warn === undefined ? {} : { warn: o.warn }),
      ...(o.fail === undefined ? {} : { fail: o.fail }),
    };
    checkTierOrder(id, merged, where);
    out[id] = Object.freeze(merged);
  }
  return Object.freeze(out);
}
