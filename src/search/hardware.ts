/**
 * The hardware side of the search loss from the cost lookup table (src/cost/lut.ts): per mixed layer and
 * candidate op its energy, delay and area; the constant rest of the network; and the committed network's
 * value, which normalises the term so λ is dimensionless (reference §5.9).
 *
 * Tile area (`tileArea: gradient`): the network's tiles are ceil(Σ MVMUs / MVMUs per tile) and each adds its
 * eDRAM, bus and router share (cost/network.ts). The ceiling has no gradient, so the table relaxes it: every
 * MVMU of an op carries 1/(MVMUs per tile) of a tile's shared area, which makes the expected tile area linear
 * in p and exactly differentiable. The committed network's rounding remainder is added to the constant, so
 * the committed network's term is exact (nax assumption: a fractional tile; the real count moves in steps).
 */
import type { AdditiveWeights, HardwareLossForm, SearchObjective } from '../config/search-space.js';
import { type CostLookup, withCrossbarSize, withKernelSize } from '../cost/lut.js';
import type { LayerCost } from '../cost/types.js';
import { matrixNodes } from '../model/graph.js';
import type { CostTotals } from '../cost/types.js';
import { type HardwareTable, type OpCosts, surrogate } from './arch.js';
import { choiceCost, committedCost } from './cost-descent.js';
import type { ArchChoice, SearchPlan } from './plan.js';

/** How the hardware term is formed (the search space's switches). */
export interface HardwareOptions {
  readonly objective: SearchObjective;
  /** Default 'product'. */
  readonly hardwareLoss?: HardwareLossForm;
  /** Default 1, 1, 1. */
  readonly additiveWeights?: AdditiveWeights;
  /** Default 'gradient'. */
  readonly tileArea?: 'gradient' | 'frozen';
}

/** Shared tile area per MVMU, mm²: one tile's eDRAM, bus and router share over the MVMUs a tile holds. */
export function tileAreaPerMvmuMm2(lookup: CostLookup): number {
  const { organisation: org, edram, bus, router } = lookup.components;
  return (edram.areaMm2 + bus.areaMm2 + router.areaMm2 / router.sharedByTiles) / (org.mvmusPerCore * org.coresPerTile);
}

export function buildHardwareTable(plan: SearchPlan, lookup: CostLookup, options: HardwareOptions | SearchObjective): HardwareTable {
  const o: HardwareOptions = typeof options === 'string' ? { objective: options } : options;
  const objective = o.objective;
  const tileGradient = (o.tileArea ?? 'gradient') === 'gradient';
  const perMvmu = tileGradient ? tileAreaPerMvmuMm2(lookup) : 0;
  const nodes = new Map(matrixNodes(plan.graph).map((n) => [n.name, n]));
  const committedCosts: LayerCost[] = [...nodes.values()].map((n) => lookup.costOf(n.shape, plan.committed.get(n.name)!));
  const committedTotals = lookup.totals(committedCosts);
  const layersArea = committedCosts.reduce((s, c) => s + c.areaMm2, 0);
  const committedMvmus = committedCosts.reduce((s, c) => s + c.mvmus, 0);
  // Frozen: the shared tile parts stay at the committed network's value. Gradient: only the rounding
  // remainder of the committed network stays constant; the rest moves with each op's MVMUs.
  const tileConstantMm2 = committedTotals.areaMm2 - layersArea - perMvmu * committedMvmus;
  const mixed = new Set(plan.layers.map((l) => l.name));
  const constant = { energyJ: 0, delayS: 0, areaMm2: tileConstantMm2 };
  committedCosts.forEach((c) => {
    if (mixed.has(c.name)) return;
    constant.energyJ += c.energyJ;
    constant.delayS += c.delayS;
    constant.areaMm2 += c.areaMm2 + perMvmu * c.mvmus;
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
      a[j] = c.areaMm2 + perMvmu * c.mvmus;
    });
    return { energyJ: e, delayS: d, areaMm2: a };
  });
  const sumE = committedCosts.reduce((s, c) => s + c.energyJ, 0);
  const sumD = committedCosts.reduce((s, c) => s + c.delayS, 0);
  const sumA = committedTotals.areaMm2;
  const additive = objective === 'edap' && o.hardwareLoss === 'additive';
  const weights = o.additiveWeights ?? { energy: 1, latency: 1, area: 1 };
  const committedValue = additive
    ? weights.energy + weights.latency + weights.area
    : objective === 'energy' ? sumE : objective === 'latency' ? sumD : sumE * sumD * sumA;
  return {
    ops,
    constant,
    committedValue,
    objective,
    ...(additive ? { form: 'additive' as const, additive: { weights, reference: { energyJ: sumE, delayS: sumD, areaMm2: sumA } } } : {}),
  };
}

/** The price of one concrete architecture: its hardware term, normalised so the committed network as committed (committedCost) is 1. */
export type HardwarePrice = (arch: ArchChoice) => number;

/**
 * The hardware term of a concrete architecture on the exact cost model, in the table's form (objective,
 * product or additive), relative to the committed network on the same model: network totals with whole tiles
 * and, under always-on leakage, the idle leakage (cost/network.ts). The derivation rules price their moves
 * with it. The relaxed term (hardwareOfChoice) is right on average over many moves but not for one: a single
 * layer's move that fills a new tile pays the whole tile, and the relaxed term charges a fraction of it (on
 * the fixture, `fc` 64×64 → 32×32: +0.1 % relaxed, +6.2 % EDAP exact).
 */
export function exactHardwarePrice(plan: SearchPlan, lookup: CostLookup, table: HardwareTable): HardwarePrice {
  // The committed network as committed: its op need not be in the space (a crossbar the space does not list).
  const committed = committedCost(lookup, plan);
  // Additive form: each term relative to the committed network on the exact model, so committed = Σ weights.
  const form = table.additive ? { ...table, additive: { ...table.additive, reference: committed } } : table;
  const committedValue = surrogate(form, committed);
  return (arch) => surrogate(form, choiceCost(lookup, plan, arch)) / committedValue;
}
