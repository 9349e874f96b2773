/**
 * The gate of one check, resolved once into one frozen object: the budgets the head is judged by and
 * the simulation settings both sides run with.
 *
 * Trust model (pull requests): the base commit is trusted, the head is not. The head's model, mapping
 * and technology are what the PR proposes, so they are simulated; but the budgets and every setting
 * that changes how strictly the head is measured come from the base's nax.yml. Where the head changes
 * them, the stricter of the two applies and the change is named (the comment shows it first). Without a
 * base nax.yml there is nothing trusted to read: the head's own budgets apply, and the gate says so.
 * Inputs (the action's warn-/fail- inputs) may only tighten a budget: on pull_request the workflow file
 * itself is the PR's.
 */
import type { SimulationSettings } from '../report.js';
import { BUDGET_DIRECTION, BUDGET_IDS, type BudgetId, type BudgetOverrides, type Budgets, type BudgetTiers, type TierLocator, withBudgetOverrides } from './budgets.js';
import type { IrDropModel, NaxConfig } from './nax-config.js';

/** IR-drop models from the most to the least faithful: a nodal solve, its approximation, ideal wires. */
const IR_DROP_STRICTNESS: readonly IrDropModel[] = ['exact', 'fast', 'ideal'];

export interface Gate {
  /** Where the budgets come from: the base's nax.yml, or the PR's own (the base has none). */
  readonly budgetsFrom: 'base' | 'head';
  readonly budgets: Budgets;
  /** Settings both sides are simulated with (paired comparison). */
  readonly simulation: SimulationSettings;
  /** How the PR changes the gate, one sentence each ("budgets.minAccuracyPct.fail: 95 → 10, base's 95 applies"). */
  readonly changes: readonly string[];
}

export interface GateInput {
  readonly head: NaxConfig;
  /** The base's validated nax.yml; absent when the base has none (or there is no base). */
  readonly base?: NaxConfig;
  /** Tiers from the action inputs: applied only where stricter. */
  readonly budgetOverrides?: BudgetOverrides;
  readonly budgetOverrideLocator?: TierLocator;
}

/** The stricter of two limits of a budget tier (undefined = not checked, the loosest). */
export function stricterLimit(id: BudgetId, a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return BUDGET_DIRECTION[id] === 'max' ? Math.min(a, b) : Math.max(a, b);
}

function show(v: number | string | undefined): string {
  return v === undefined ? 'none' : String(v);
}

/** Budgets tier by tier at the stricter of trusted and proposed, with the PR's changes named. */
function stricterBudgets(trusted: Budgets, proposed: Budgets, changes: string[]): Budgets {
  const out = {} as Record<BudgetId, BudgetTiers>;
  for (const id of BUDGET_IDS) {
    const tiers: { warn?: number; fail?: number } = {};
    for (const tier of ['warn', 'fail'] as const) {
      const t = trusted[id][tier];
      const p = proposed[id][tier];
      const v = stricterLimit(id, t, p);
      if (v !== undefined) tiers[tier] = v;
      if (t !== p) {
        const kept = v === t ? `the base's ${show(t)} applies` : `the stricter ${show(p)} applies`;
        changes.push(`budgets.${id}.${tier}: ${show(t)} → ${show(p)}; ${kept}`);
      }
    }
    // Tiers stricter on different sides can cross (warn looser than fail): warn never beyond fail.
    if (tiers.warn !== undefined && tiers.fail !== undefined && stricterLimit(id, tiers.warn, tiers.fail) === tiers.fail) {
      tiers.warn = tiers.fail;
    }
    out[id] = Object.freeze(tiers);
  }
  return Object.freeze(out);
}

function stricterSimulation(trusted: NaxConfig['simulation'], proposed: NaxConfig['simulation'], changes: string[]): SimulationSettings {
  const pick = <T extends number | string>(field: string, t: T, p: T, chosen: T, why: string) => {
    if (t !== p) changes.push(`simulation.${field}: ${t} → ${p}; ${chosen === t ? `the base's ${t}` : `the ${p}`} applies (${why})`);
    return chosen;
  };
  const irIndex = Math.min(IR_DROP_STRICTNESS.indexOf(trusted.irDrop), IR_DROP_STRICTNESS.indexOf(proposed.irDrop));
  return Object.freeze({
    seed: pick('seed', trusted.seed, proposed.seed, trusted.seed, 'a PR may not choose its chip instances'),
    monteCarloSamples: pick('monteCarloSamples', trusted.monteCarloSamples, proposed.monteCarloSamples,
      Math.max(trusted.monteCarloSamples, proposed.monteCarloSamples), 'more samples'),
    evalImages: pick('evalImages', trusted.evalImages, proposed.evalImages, Math.max(trusted.evalImages, proposed.evalImages), 'more images'),
    irDrop: pick('irDrop', trusted.irDrop, proposed.irDrop, IR_DROP_STRICTNESS[irIndex], 'the more faithful model'),
  });
}

function settingsOf(c: NaxConfig): SimulationSettings {
  const { seed, monteCarloSamples, evalImages, irDrop } = c.simulation;
  return Object.freeze({ seed, monteCarloSamples, evalImages, irDrop });
}

/**
 * Tightens budgets with the input tiers; an input looser than the budgets is ignored (and named in
 * `changes`). Values are validated with nax.yml's rules.
 */
export function tightenBudgets(budgets: Budgets, opts: { readonly overrides: BudgetOverrides; readonly where: TierLocator }, changes: string[] = []): Budgets {
  const overrides = opts.overrides;
  const tightened: Record<string, BudgetTiers> = {};
  for (const id of BUDGET_IDS) {
    const o = overrides[id];
    if (!o) continue;
    const t: { warn?: number; fail?: number } = {};
    for (const tier of ['warn', 'fail'] as const) {
      const v = o[tier];
      if (v === undefined) continue;
      const current = budgets[id][tier];
      if (stricterLimit(id, current, v) === v) t[tier] = v;
      else changes.push(`the input for budgets.${id}.${tier} (${v}) is looser than nax.yml's ${current} and is ignored`);
    }
    const warn = t.warn ?? budgets[id].warn;
    const fail = t.fail ?? budgets[id].fail;
    if (warn !== undefined && fail !== undefined && warn !== fail && stricterLimit(id, warn, fail) === fail) t.warn = fail;
    tightened[id] = t;
  }
  // withBudgetOverrides validates the values with nax.yml's rules and the warn/fail order.
  return withBudgetOverrides(budgets, { overrides: tightened as BudgetOverrides, where: opts.where });
}

/** Resolves the gate of a check. Pure. */
export function resolveGate(input: GateInput): Gate {
  const changes: string[] = [];
  let budgets: Budgets;
  let simulation: SimulationSettings;
  if (input.base) {
    budgets = stricterBudgets(input.base.budgets, input.head.budgets, changes);
    simulation = stricterSimulation(input.base.simulation, input.head.simulation, changes);
  } else {
    budgets = input.head.budgets;
    simulation = settingsOf(input.head);
  }
  budgets = tightenBudgets(budgets, {
    overrides: input.budgetOverrides ?? {},
    where: input.budgetOverrideLocator ?? ((id, tier) => ({ file: 'budget overrides', field: `${id}.${tier}` })),
  }, changes);
  return Object.freeze({
    budgetsFrom: input.base ? 'base' : 'head',
    budgets,
    simulation,
    changes: Object.freeze(changes),
  });
}
