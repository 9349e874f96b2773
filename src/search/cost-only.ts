/**
 * The cost-only baseline of the protocol (issue 12): the architecture with the lowest exact network cost
 * (the search objective over the cost lookup table, tile area included), found without any accuracy
 * evidence by multi-start coordinate descent. It is then fine-tuned and simulated like every other
 * candidate, so a search must show what accuracy buys beyond it.
 *
 * Coordinate descent: per mixed layer in turn, every op is tried with the others held, and the best kept;
 * sweeps repeat until one changes nothing (the cost only falls, and the space is finite, so it ends). Tile
 * count and pipelined delay couple the layers, so one start can stop in a local optimum; the starts are the
 * committed architecture, every homogeneous one, and seeded random ones. The zero op is left out: skipping
 * blocks always costs less and says nothing about crossbars (nax assumption, said in the summary).
 */
import type { SearchObjective } from '../config/search-space.js';
import { type CostLookup, withKernelSize } from '../cost/lut.js';
import type { LayerCost } from '../cost/types.js';
import { matrixNodes } from '../model/graph.js';
import { Rng } from '../xbar/rng.js';
import { deriveMappings } from './derive.js';
import { type ArchChoice, type SearchPlan, kernelsOf } from './plan.js';

/** The objective's value of an architecture from the exact network totals (J, s or J·s·mm²). */
export function costOfChoice(plan: SearchPlan, lookup: CostLookup, objective: SearchObjective, choice: ArchChoice): number {
  const kernels = kernelsOf(plan, choice);
  const mappings = deriveMappings(plan, choice);
  const costs: LayerCost[] = [];
  for (const n of matrixNodes(plan.graph)) {
    const k = kernels.get(n.name);
    if (k === 'zero' || k === undefined) continue;
    const shape = n.shape.kind === 'conv2d' ? withKernelSize(n.shape, k) : n.shape;
    costs.push(lookup.costOf(shape, mappings.get(n.name)!));
  }
  const t = lookup.totals(costs);
  return objective === 'energy' ? t.energyJ : objective === 'latency' ? t.delayS : t.edap;
}

export interface CostOnlyResult {
  readonly choice: ArchChoice;
  /** The objective's value of `choice`. */
  readonly value: number;
  readonly starts: number;
  /** Cost evaluations spent. */
  readonly evaluations: number;
}

/** Ops a layer may take in the cost-only search (every path op; no zero op). */
function pathOps(plan: SearchPlan): number[][] {
  return plan.layers.map((l) => l.ops.flatMap((o, j) => (o.kind === 'path' ? [j] : [])));
}

/** Coordinate descent from `start`; returns the local optimum and its value. */
export function coordinateDescent(plan: SearchPlan, cost: (c: ArchChoice) => number, start: ArchChoice): { choice: number[]; value: number; evaluations: number } {
  const ops = pathOps(plan);
  const cur = [...start];
  let value = cost(cur);
  let evaluations = 1;
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < cur.length; i++) {
      for (const j of ops[i]!) {
        if (j === cur[i]) continue;
        const keep = cur[i]!;
        cur[i] = j;
        const v = cost(cur);
        evaluations += 1;
        // Strictly lower only: ties keep the earlier op, so the descent cannot cycle.
        if (v < value) {
          value = v;
          changed = true;
        } else {
          cur[i] = keep;
        }
      }
    }
  }
  return { choice: cur, value, evaluations };
}

/**
 * Multi-start coordinate descent on the cost LUT. Starts: the committed architecture (where it lies in the
 * space), each homogeneous crossbar size at the committed kernels, and `randomStarts` seeded random ones.
 */
export function costOnlyOptimum(plan: SearchPlan, lookup: CostLookup, objective: SearchObjective, o: { seed: number; randomStarts?: number }): CostOnlyResult {
  const ops = pathOps(plan);
  const cost = (c: ArchChoice) => costOfChoice(plan, lookup, objective, c);
  const starts: number[][] = [];
  const atKernel = (l: SearchPlan['layers'][number], crossbar: number) =>
    l.ops.findIndex((op) => op.kind === 'path' && op.kernel === l.committedKernel && op.crossbar === crossbar);
  const committed = plan.layers.map((l) => atKernel(l, l.committedCrossbar));
  if (committed.every((j) => j >= 0)) starts.push(committed);
  for (const n of plan.space.crossbars) {
    const h = plan.layers.map((l) => atKernel(l, n));
    if (h.every((j) => j >= 0)) starts.push(h);
  }
  const rng = Rng.derive(o.seed, 'cost-only-starts');
  for (let r = 0; r < (o.randomStarts ?? 8); r++) starts.push(ops.map((js) => js[Math.min(js.length - 1, Math.floor(rng.uniform() * js.length))]!));
  let best: { choice: number[]; value: number } | undefined;
  let evaluations = 0;
  for (const s of starts) {
    const r = coordinateDescent(plan, cost, s);
    evaluations += r.evaluations;
    if (!best || r.value < best.value) best = r;
  }
  return { choice: best!.choice, value: best!.value, starts: starts.length, evaluations };
}
