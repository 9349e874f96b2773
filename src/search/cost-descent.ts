/**
 * The cost-only optimum: multi-start coordinate descent over the search space on the exact cost model (the
 * LUT plus network totals with whole tiles), with no accuracy term at all. It is the baseline a search has
 * to beat on accuracy and one of the search's warm starts. Pure and seeded.
 *
 * Coordinate descent: sweep the mixed layers in order; at each, try every op with the others fixed and keep
 * the best (strictly lower objective); repeat until a sweep changes nothing. Starts: the committed
 * architecture, every homogeneous N×N one at the committed kernels, then seeded uniform random architectures. The best end point over all starts wins (ties:
 * the earlier start). The zero op (a skipped block) is never tried: it always costs less and says nothing
 * about crossbars (nax assumption).
 */
import type { SearchObjective, SearchSpace } from '../config/search-space.js';
import { type CostLookup, withCrossbarSize, withKernelSize } from '../cost/lut.js';
import type { CostTotals, LayerCost } from '../cost/types.js';
import { type NetworkGraph, matrixNodes } from '../model/graph.js';
import type { LayerMapping } from '../config/mapping.js';
import { Rng } from '../xbar/rng.js';
import { initialAlphas } from './arch.js';
import { type ArchChoice, type SearchPlan, committedChoice, kernelsOf } from './plan.js';

export interface CostDescentOptions {
  /** edap (default), energy or latency: the objective the descent minimises. */
  readonly objective?: SearchObjective;
  /** Committed and random starts (the homogeneous starts come on top). Default 8. */
  readonly starts?: number;
  /** Seed of the random starts. Default 1. */
  readonly seed?: number;
  /** Sweep cap per start (a sweep that changes nothing ends the start earlier). Default 50. */
  readonly maxSweeps?: number;
}

export interface CostOnlyResult {
  /** Op index per mixed layer (plan.layers order). */
  readonly choice: ArchChoice;
  /** Objective value of the choice (J·s·mm², J or s). */
  readonly value: number;
  readonly totals: CostTotals;
  /** The committed architecture's objective value under the same model. */
  readonly committedValue: number;
  /** Networks costed. */
  readonly evaluations: number;
  /** Descent starts run. */
  readonly starts: number;
}

/** Exact cost totals of one architecture: chosen kernel and crossbar per mixed layer, skipped blocks left out. */
export function choiceCost(lookup: CostLookup, plan: SearchPlan, arch: ArchChoice): CostTotals {
  const kernels = kernelsOf(plan, arch);
  const opOf = new Map(plan.layers.map((l, i) => [l.name, l.ops[arch[i]!]!]));
  const costs: LayerCost[] = [];
  for (const n of matrixNodes(plan.graph)) {
    const k = kernels.get(n.name);
    if (k === 'zero') continue;
    const committed = plan.committed.get(n.name)!;
    const op = opOf.get(n.name);
    if (!op || op.kind === 'zero') {
      costs.push(lookup.costOf(n.shape, committed));
      continue;
    }
    const shape = n.shape.kind === 'conv2d' && op.kernel !== n.shape.kernelH ? withKernelSize(n.shape, op.kernel) : n.shape;
    costs.push(lookup.costOf(shape, withCrossbarSize(committed, op.crossbar)));
  }
  return lookup.totals(costs);
}

/** Totals of a graph under a mapping, from the LUT. */
export function networkCost(lookup: CostLookup, g: NetworkGraph, mappings: ReadonlyMap<string, LayerMapping>): CostTotals {
  return lookup.totals(matrixNodes(g).map((n) => lookup.costOf(n.shape, mappings.get(n.name)!)));
}

/**
 * Exact cost totals of the committed network as committed: every layer on its committed mapping, whether or not
 * the space offers that op (a crossbar the space does not list, a non-square crossbar). The reference the search's
 * hardware terms and the cost-only optimum are measured against.
 */
export function committedCost(lookup: CostLookup, plan: SearchPlan): CostTotals {
  return networkCost(lookup, plan.graph, plan.committed);
}

function objectiveOf(t: CostTotals, o: SearchObjective): number {
  return o === 'energy' ? t.energyJ : o === 'latency' ? t.delayS : t.edap;
}

/** Multi-start coordinate descent on the exact cost model; see the module comment. */
export function costOnlyOptimum(lookup: CostLookup, plan: SearchPlan, options: CostDescentOptions = {}): CostOnlyResult {
  const objective = options.objective ?? 'edap';
  const starts = Math.max(1, options.starts ?? 8);
  const maxSweeps = options.maxSweeps ?? 50;
  const rng = Rng.derive(options.seed ?? 1, 'cost-descent');
  let evaluations = 0;
  const score = (a: ArchChoice) => {
    evaluations += 1;
    return objectiveOf(choiceCost(lookup, plan, a), objective);
  };
  // An op missing from the space (committed crossbar not listed) starts at the layer's first op.
  const committed = committedChoice(plan).map((j) => Math.max(0, j));
  const committedValue = objectiveOf(committedCost(lookup, plan), objective);
  // Then every homogeneous N×N at the committed kernels (the layers that offer N), then seeded random ones.
  const sizes = [...new Set(plan.layers.flatMap((l) => l.ops.flatMap((o) => (o.kind === 'path' ? [o.crossbar] : []))))].sort((a, b) => a - b);
  const homogeneous = sizes.map((n) => plan.layers.map((l, i) => {
    const j = l.ops.findIndex((o) => o.kind === 'path' && o.crossbar === n && o.kernel === l.committedKernel);
    return j >= 0 ? j : committed[i]!;
  }));
  let best: { choice: number[]; value: number } | undefined;
  for (let s = 0; s < starts + homogeneous.length; s++) {
    // The zero op is left out: skipping a block always costs less and says nothing about crossbars (nax assumption).
    const cur = s === 0 ? committed.slice() : s <= homogeneous.length ? homogeneous[s - 1]!.slice() : plan.layers.map((l) => {
      const paths = l.ops.flatMap((o, j) => (o.kind === 'zero' ? [] : [j]));
      return paths[Math.min(paths.length - 1, Math.floor(rng.uniform() * paths.length))]!;
    });
    let value = score(cur);
    for (let sweep = 0; sweep < maxSweeps; sweep++) {
      let changed = false;
      for (let i = 0; i < cur.length; i++) {
        const keep = cur[i]!;
        let bestJ = keep;
        for (let j = 0; j < plan.layers[i]!.ops.length; j++) {
          if (j === keep || plan.layers[i]!.ops[j]!.kind === 'zero') continue;
          cur[i] = j;
          const v = score(cur);
          if (v < value) {
            value = v;
            bestJ = j;
          }
        }
        cur[i] = bestJ;
        if (bestJ !== keep) changed = true;
      }
      if (!changed) break;
    }
    if (!best || value < best.value) best = { choice: cur.slice(), value };
  }
  return { choice: best!.choice, value: best!.value, totals: choiceCost(lookup, plan, best!.choice), committedValue, evaluations, starts: starts + homogeneous.length };
}

/**
 * The search's initial α (warm start): `warmStart.committed` nats on the committed op and
 * `warmStart.costOnly` nats on the cost-only optimum's op of every layer. Returns the optimum as well.
 */
export function warmStartPrior(
  lookup: CostLookup, plan: SearchPlan, space: Pick<SearchSpace, 'objective' | 'seed' | 'warmStart'>, seed: number = space.seed,
): { alphas: Float64Array[]; costOnly: CostOnlyResult } {
  const costOnly = costOnlyOptimum(lookup, plan, { objective: space.objective, seed });
  const alphas = initialAlphas(plan, [
    { choice: committedChoice(plan), bonus: space.warmStart.committed },
    { choice: costOnly.choice, bonus: space.warmStart.costOnly },
  ]);
  return { alphas, costOnly };
}
