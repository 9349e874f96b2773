/**
 * Which cost-model assumption decides the ranking of crossbar sizes: the network costed under every
 * combination of the enumerated switches of config/cost-model.ts, the EDAP ranking of the sizes under each,
 * and for each switch how often flipping it alone changes that ranking. Pure; `nax sensitivity` adds the
 * accuracy (sensitivity.ts) and renders it (render/sensitivity-table.ts).
 */
import type { ComponentCosts } from '../config/components.js';
import {
  COST_MODEL_CHOICES,
  type CostModelSwitchName,
  type CostModelSwitches,
} from '../config/cost-model.js';
import { costReport } from './network.js';
import type { MappedLayer } from './layer.js';
import type { CostOptions } from './options.js';

/** A network at one crossbar size. */
export interface SizedNetwork {
  readonly crossbar: number;
  readonly layers: readonly MappedLayer[];
}

/** Network totals of one size under one combination. */
export interface SizeCost {
  readonly crossbar: number;
  readonly energyJ: number;
  readonly delayS: number;
  readonly areaMm2: number;
  readonly edap: number;
}

export interface CombinationCost {
  readonly costModel: CostModelSwitches;
  /** True for the combination the technology file sets (the base). */
  readonly isBase: boolean;
  /** In the order of the sizes given. */
  readonly sizes: readonly SizeCost[];
  /** Crossbar sizes by EDAP, best (lowest) first; ties keep the order given. */
  readonly ranking: readonly number[];
  /** The ranking differs from the base combination's. */
  readonly changesRanking: boolean;
}

export interface SwitchEffect {
  readonly name: CostModelSwitchName;
  readonly values: readonly string[];
  /** Pairs of combinations differing in this switch only whose rankings differ. */
  readonly flips: number;
  /** All such pairs (combinations of the other varied switches). */
  readonly pairs: number;
}

export interface CostSensitivity {
  readonly varied: readonly CostModelSwitchName[];
  readonly combinations: readonly CombinationCost[];
  readonly effects: readonly SwitchEffect[];
}

/**
 * Every combination of the `varied` switches' values over `base` (the other fields kept), in a fixed order:
 * the first varied switch changes slowest, each switch's values in COST_MODEL_CHOICES order.
 */
export function switchCombinations(base: CostModelSwitches, varied: readonly CostModelSwitchName[]): CostModelSwitches[] {
  let out: CostModelSwitches[] = [base];
  for (const name of varied) {
    out = out.flatMap((m) => COST_MODEL_CHOICES[name].map((v) => ({ ...m, [name]: v })));
  }
  return out;
}

/** Sizes by EDAP, lowest first (a stable sort: equal EDAPs keep their order). */
export function rankByEdap(sizes: readonly SizeCost[]): number[] {
  return [...sizes].sort((a, b) => a.edap - b.edap).map((s) => s.crossbar);
}

function sameRanking(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Costs `networks` under every combination of `varied` over `base.model`, with base's device. */
export function costSensitivity(
  networks: readonly SizedNetwork[],
  components: ComponentCosts,
  base: CostOptions,
  varied: readonly CostModelSwitchName[],
): CostSensitivity {
  const models = switchCombinations(base.model, varied);
  const key = (m: CostModelSwitches) => varied.map((n) => m[n]).join('|');
  const baseKey = key(base.model);
  const costed = models.map((model) => {
    const sizes = networks.map((n): SizeCost => {
      const t = costReport(n.layers, components, { model, device: base.device }).totals;
      return { crossbar: n.crossbar, energyJ: t.energyJ, delayS: t.delayS, areaMm2: t.areaMm2, edap: t.edap };
    });
    return { model, sizes, ranking: rankByEdap(sizes) };
  });
  const byKey = new Map(costed.map((c) => [key(c.model), c]));
  const baseRanking = byKey.get(baseKey)!.ranking;
  const combinations = costed.map((c): CombinationCost => ({
    costModel: c.model,
    isBase: key(c.model) === baseKey,
    sizes: c.sizes,
    ranking: c.ranking,
    changesRanking: !sameRanking(c.ranking, baseRanking),
  }));
  const effects = varied.map((name): SwitchEffect => {
    const values = COST_MODEL_CHOICES[name];
    let flips = 0;
    let pairs = 0;
    // Each combination holding the switch's first value, against the same one with every other value.
    for (const c of costed) {
      if (c.model[name] !== values[0]) continue;
      for (const v of values.slice(1)) {
        const other = byKey.get(key({ ...c.model, [name]: v }))!;
        pairs++;
        if (!sameRanking(c.ranking, other.ranking)) flips++;
      }
    }
    return { name, values, flips, pairs };
  });
  return { varied, combinations, effects };
}
