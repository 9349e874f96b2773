/**
 * The lookup table F(op, crossbar) the search uses for its hardware loss (reference §1.5, §5.8): the cost of a
 * layer for each candidate (kernel size × crossbar size), memoised so a network of 20 layers can be costed
 * tens of thousands of times per second.
 */
import type { ComponentCosts } from '../config/components.js';
import { type LayerMapping, withCrossbarSize } from '../config/mapping.js';
import { assert } from '../errors.js';
import type { MatrixLayerShape } from '../mapping/tiling.js';
import { layerCost } from './layer.js';
import { costTotals } from './network.js';
import { type CostOptions, DEFAULT_COST_OPTIONS } from './options.js';
import type { CostTotals, LayerCost } from './types.js';

/** Memoised cost model bound to one technology. */
export interface CostLookup {
  /**
   * Cost of `shape` on the crossbars described by `crossbarChoice` (a full layer mapping). The first call
   * for a (shape, mapping) pair computes it; later calls with equal values return the same frozen object.
   * The arguments are treated as immutable: mutating one after the call would return a stale cost.
   */
  costOf(shape: MatrixLayerShape, crossbarChoice: LayerMapping): LayerCost;
  /** Network totals (EDAP, tiles, …) of layer costs, e.g. one per layer from costOf. */
  totals(layers: readonly LayerCost[]): CostTotals;
  /** Distinct (shape, mapping) pairs computed so far. */
  readonly entries: number;
  /** The component constants the lookup is bound to (the search's tile-area term reads the organisation). */
  readonly components: ComponentCosts;
}

function keyOf(s: MatrixLayerShape, m: LayerMapping): string {
  return `${s.name}|${s.kind}|${s.kernelH}|${s.kernelW}|${s.inChannels}|${s.outChannels}|${s.outH}|${s.outW}|` +
    `${m.rows}|${m.cols}|${m.weightBits}|${m.bitsPerCell}|${m.inputBits}|${m.dacBits}|${m.adcBits}|` +
    `${m.signMapping}|${m.sliceLayout}|${m.adcsPerCrossbar}|${m.baseline ?? 'ideal'}`;
}

/**
 * A cost model bound to `components` and the cost-model switches `opts`, memoising every (shape, mapping) it
 * is asked about. The memo grows with the distinct pairs seen (a search space of L layers × K candidates
 * holds at most L·K entries).
 */
export function createCostLookup(components: ComponentCosts, opts: CostOptions = DEFAULT_COST_OPTIONS): CostLookup {
  const memo = new Map<string, LayerCost>();
  // Fast path for the search, which passes the same candidate objects again and again: by identity first,
  // then by value (equal shapes and mappings built afresh still share one entry).
  const byIdentity = new WeakMap<MatrixLayerShape, WeakMap<LayerMapping, LayerCost>>();
  return {
    costOf(shape, crossbarChoice) {
      let perShape = byIdentity.get(shape);
      const known = perShape?.get(crossbarChoice);
      if (known !== undefined) return known;
      const key = keyOf(shape, crossbarChoice);
      let cost = memo.get(key);
      if (cost === undefined) {
        cost = layerCost({ shape, mapping: crossbarChoice }, components, opts);
        memo.set(key, cost);
      }
      if (perShape === undefined) {
        perShape = new WeakMap();
        byIdentity.set(shape, perShape);
      }
      perShape.set(crossbarChoice, cost);
      return cost;
    },
    totals(layers) {
      return costTotals(layers, components, opts);
    },
    get entries() {
      return memo.size;
    },
    components,
  };
}

// Where a search or sweep changes a layer's crossbar size (defined with the mapping rules).
export { withCrossbarSize };

/** A conv layer with a k×k kernel instead of its own; the output map is unchanged ('same' padding). */
export function withKernelSize(shape: MatrixLayerShape, kernelSize: number): MatrixLayerShape {
  assert(shape.kind === 'conv2d', () => `kernel candidates need a conv2d layer, '${shape.name}' is ${shape.kind}`);
  return { ...shape, kernelH: kernelSize, kernelW: kernelSize };
}

/** Options of buildLayerLut. */
export interface LayerLutOptions {
  /** The layer (conv2d); each candidate replaces its kernel size, keeping the output map size. */
  readonly shape: MatrixLayerShape;
  /** The layer's mapping; each candidate replaces rows and cols (see withCrossbarSize). */
  readonly mapping: LayerMapping;
  /** Candidate kernel sizes, e.g. [3, 5, 7] (NAX CIFAR-10 space). */
  readonly kernelSizes: readonly number[];
  /** Candidate square crossbar sizes, e.g. [16, 32, 64, 128] (NAX CIFAR-10 space). */
  readonly crossbarSizes: readonly number[];
}

/** One candidate op of a layer and its cost. */
export interface LutEntry {
  readonly kernelSize: number;
  readonly crossbarSize: number;
  readonly shape: MatrixLayerShape;
  readonly mapping: LayerMapping;
  readonly cost: LayerCost;
}

/** The LUT of one layer: every kernel size × crossbar size, kernel-major, in the order given. */
export function buildLayerLut(lookup: CostLookup, options: LayerLutOptions): LutEntry[] {
  const out: LutEntry[] = [];
  for (const kernelSize of options.kernelSizes) {
    const shape = withKernelSize(options.shape, kernelSize);
    for (const crossbarSize of options.crossbarSizes) {
      const mapping = withCrossbarSize(options.mapping, crossbarSize);
      out.push({ kernelSize, crossbarSize, shape, mapping, cost: lookup.costOf(shape, mapping) });
    }
  }
  return out;
}
