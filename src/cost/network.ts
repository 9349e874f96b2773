/**
 * Network totals and EDAP (reference §3.5, §5.8). How NAX aggregated delay and area is not known, so both
 * delay figures are reported: layer-serial (one image goes through the layers one after the other) and
 * pipelined (layers work on successive images; the slowest layer sets the throughput). EDAP uses the
 * layer-serial delay and the area of the layers' crossbars and peripherals plus the shared parts of the
 * tiles they occupy. With `costModel.leakage: "alwaysOn"` every unit of the network leaks for the whole
 * layer-serial inference: the totals add `idleLeakage`, the leakage of each unit while other layers run.
 */
import type { ComponentCosts } from '../config/components.js';
import { type MappedLayer, layerCost } from './layer.js';
import { type CostOptions, DEFAULT_COST_OPTIONS } from './options.js';
import type { CostReport, CostTotals, LayerCost } from './types.js';

/**
 * Totals over already computed layer costs. Layers are packed onto tiles at MVMU granularity: tiles =
 * ceil(Σ mvmus / (mvmusPerCore · coresPerTile)) (reference §5.8 packs crossbars; an MVMU is never split
 * between layers, nax assumption). Each tile adds its eDRAM, its bus and 1/sharedByTiles of a router.
 */
export function costTotals(
  layers: readonly LayerCost[],
  components: ComponentCosts,
  opts: CostOptions = DEFAULT_COST_OPTIONS,
): CostTotals {
  const { organisation: org, edram, bus, router } = components;
  let energyJ = 0;
  let delayS = 0;
  let pipelinedDelayS = 0;
  let layersAreaMm2 = 0;
  let crossbars = 0;
  let adcs = 0;
  let mvmus = 0;
  let usedCells = 0;
  let componentLeakagePowerW = 0;
  let gatedLeakageJ = 0;
  let allCells = 0;
  const energyBreakdownJ: Record<string, number> = {};
  const areaBreakdownMm2: Record<string, number> = {};
  for (const l of layers) {
    energyJ += l.energyJ;
    delayS += l.delayS;
    pipelinedDelayS = Math.max(pipelinedDelayS, l.delayS);
    layersAreaMm2 += l.areaMm2;
    crossbars += l.crossbars;
    adcs += l.adcs;
    mvmus += l.mvmus;
    componentLeakagePowerW += l.componentLeakagePowerW;
    gatedLeakageJ += l.energyBreakdownJ.leakage ?? 0;
    // crossbars · rows · cols, from the per-row DAC and per-column S&H counts.
    const cells = l.crossbars > 0 ? (l.dacs * l.sampleHolds) / l.crossbars : 0;
    allCells += cells;
    usedCells += cells * l.utilisation;
    addInto(energyBreakdownJ, l.energyBreakdownJ);
    addInto(areaBreakdownMm2, l.areaBreakdownMm2);
  }
  const tiles = Math.ceil(mvmus / (org.mvmusPerCore * org.coresPerTile));
  const tileParts = {
    edram: tiles * edram.areaMm2,
    bus: tiles * bus.areaMm2,
    router: tiles * (router.areaMm2 / router.sharedByTiles),
  };
  addInto(areaBreakdownMm2, tileParts);
  const tileSharedAreaMm2 = tileParts.edram + tileParts.bus + tileParts.router;
  if (opts.model.leakage === 'alwaysOn') {
    const tileLeakagePowerW = edram.leakagePowerW + bus.leakagePowerW + router.leakagePowerW / router.sharedByTiles;
    // Never negative: a layer's own tiles are at most the network's (nested ceilings), so gated ≤ always on.
    const idleLeakage = Math.max(0, (componentLeakagePowerW + tiles * tileLeakagePowerW) * delayS - gatedLeakageJ);
    addInto(energyBreakdownJ, { idleLeakage });
    energyJ += idleLeakage;
  }
  const areaMm2 = layersAreaMm2 + tileSharedAreaMm2;
  return Object.freeze({
    energyJ,
    delayS,
    pipelinedDelayS,
    areaMm2,
    edap: energyJ * delayS * areaMm2,
    crossbars,
    tiles,
    adcs,
    mvmus,
    utilisation: allCells > 0 ? usedCells / allCells : 0,
    layersAreaMm2,
    tileSharedAreaMm2,
    energyBreakdownJ: Object.freeze(energyBreakdownJ),
    areaBreakdownMm2: Object.freeze(areaBreakdownMm2),
  });
}

function addInto(acc: Record<string, number>, add: Readonly<Record<string, number>>): void {
  // for…in over own plain-object keys: the search calls this per layer per candidate network.
  for (const k in add) acc[k] = (acc[k] ?? 0) + add[k];
}

/** Per-layer costs and network totals of a mapped model, in layer order. */
export function costReport(
  layers: readonly MappedLayer[],
  components: ComponentCosts,
  opts: CostOptions = DEFAULT_COST_OPTIONS,
): CostReport {
  const costs = layers.map((l) => layerCost(l, components, opts));
  return Object.freeze({ costModel: opts.model, layers: Object.freeze(costs), totals: costTotals(costs, components, opts) });
}
