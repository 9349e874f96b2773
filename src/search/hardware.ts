/**
 * The hardware side of the search loss from the cost lookup table (src/cost/lut.ts): per mixed layer and
 * candidate op its energy, delay and area; the constant rest of the network; and the committed network's
 * value, which normalises the term so λ is dimensionless (reference §5.9).
 */
import type { SearchObjective } from '../config/search-space.js';
import { type CostLookup, withCrossbarSize, withKernelSize } from '../cost/lut.js';
import type { LayerCost } from '../cost/types.js';
import type { NetworkGraph } from '../model/graph.js';
import { matrixNodes } from '../model/graph.js';
import type { LayerMapping } from '../config/mapping.js';
import type { CostTotals } from '../cost/types.js';
import type { HardwareTable, OpCosts } from './arch.js';
import type { SearchPlan } from './plan.js';

/** Totals of a graph under a mapping, from the LUT. */
export function networkCost(lookup: CostLookup, g: NetworkGraph, mappings: ReadonlyMap<string, LayerMapping>): CostTotals {
  return lookup.totals(matrixNodes(g).map((n) => lookup.costOf(n.shape, mappings.get(n.name)!)));
}

export function buildHardwareTable(plan: SearchPlan, lookup: CostLookup, objective: SearchObjective): HardwareTable {
  const nodes = new Map(matrixNodes(plan.graph).map((n) => [n.name, n]));
  const committedCosts: LayerCost[] = [...nodes.values()].map((n) => lookup.costOf(n.shape, plan.committed.get(n.name)!));
  const committedTotals = lookup.totals(committedCosts);
  const layersArea = committedCosts.reduce((s, c) => s + c.areaMm2, 0);
  // Shared tile parts (eDRAM, bus, router) are held at the committed network's value: the tile count moves
  // in whole tiles and has no gradient (nax assumption).
  const tileAreaMm2 = committedTotals.areaMm2 - layersArea;
  const mixed = new Set(plan.layers.map((l) => l.name));
  const constant = { energyJ: 0, delayS: 0, areaMm2: tileAreaMm2 };
  committedCosts.forEach((c) => {
    if (mixed.has(c.name)) return;
    constant.energyJ += c.energyJ;
    constant.delayS += c.delayS;
    constant.areaMm2 += c.areaMm2;
  });
  const ops: OpCosts[] = plan.layers.map((l) => {
    const node = nodes.get(l.name)!;
    const e = new Float64Array(l.ops.length);
    const d = new Float64Array(l.ops.length);
    const a = new Float64Array(l.ops.length);
    l.ops.forEach((op, j) => {
      if (op.kind === 'zero') return;
      const shape = node.shape.kind === 'conv2d' ? withKernelSize(node.shape, op.kernel) : node.shape;
      const c = lookup.costOf(shape, withCrossbarSize(plan.committed.get(l.name)!, op.crossbar));
      e[j] = c.energyJ;
      d[j] = c.delayS;
      a[j] = c.areaMm2;
    });
    return { energyJ: e, delayS: d, areaMm2: a };
  });
  const sumE = committedCosts.reduce((s, c) => s + c.energyJ, 0);
  const sumD = committedCosts.reduce((s, c) => s + c.delayS, 0);
  const sumA = layersArea + tileAreaMm2;
  const committedValue = objective === 'energy' ? sumE : objective === 'latency' ? sumD : sumE * sumD * sumA;
  return { ops, constant, committedValue, objective };
}
