/**
 * Speed of the cost lookup the search uses: how many 20-layer networks per second `costOf` can cost
 * (one costOf per layer plus the network totals), each network a random pick among the NAX CIFAR-10
 * candidates (kernels 3, 5, 7 × crossbars 16…128) of ResNet-20 8-16-32 on 28×28. Target ≥ 10,000 / s.
 * Also the uncached per-layer cost, for reference. Run directly: `npx tsx bench/cost.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DEFAULT_COMPONENTS } from '../src/config/components.js';
import type { LayerMapping } from '../src/config/mapping.js';
import { layerCost } from '../src/cost/layer.js';
import { createCostLookup, withCrossbarSize, withKernelSize } from '../src/cost/lut.js';
import type { LayerCost } from '../src/cost/types.js';
import type { MatrixLayerShape } from '../src/mapping/tiling.js';
import { RESNET20_28, mapping } from '../test/cost/resnet.js';

export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** Minimum acceptable value, when there is one. */
  readonly target?: number;
}

const KERNEL_SIZES = [3, 5, 7];
const CROSSBAR_SIZES = [16, 32, 64, 128];
/** Wall time each measurement runs, ms. */
const MEASURE_MS = 1000;

/** Deterministic 32-bit generator (mulberry32), so every run costs the same networks. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Candidate {
  readonly shape: MatrixLayerShape;
  readonly mapping: LayerMapping;
}

function candidates(): Candidate[][] {
  const base = mapping(64);
  return RESNET20_28.map((shape) => {
    const kernels = shape.kind === 'conv2d' ? KERNEL_SIZES : [1];
    return kernels.flatMap((k) => CROSSBAR_SIZES.map((n) => ({
      shape: shape.kind === 'conv2d' ? withKernelSize(shape, k) : shape,
      mapping: withCrossbarSize(base, n),
    })));
  });
}

/** Runs `body` in batches until MEASURE_MS has passed; returns calls per second. */
function rate(body: () => void, batch: number): number {
  let calls = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < MEASURE_MS) {
    for (let i = 0; i < batch; i++) body();
    calls += batch;
    t = performance.now();
  }
  return (calls * 1000) / (t - t0);
}

export async function benchCost(): Promise<BenchResult[]> {
  const cands = candidates();
  const lookup = createCostLookup(DEFAULT_COMPONENTS);
  const pick = rng(1);
  const chosen: LayerCost[] = new Array(cands.length);
  let sink = 0;
  const network = () => {
    for (let l = 0; l < cands.length; l++) {
      const options = cands[l];
      const c = options[Math.floor(pick() * options.length)];
      chosen[l] = lookup.costOf(c.shape, c.mapping);
    }
    sink += lookup.totals(chosen).edap;
  };
  const networksPerS = rate(network, 100);

  const flat = cands.flat();
  let i = 0;
  const uncached = () => {
    const c = flat[i++ % flat.length];
    sink += layerCost(c, DEFAULT_COMPONENTS).energyJ;
  };
  const layersPerS = rate(uncached, 100);
  if (!Number.isFinite(sink)) throw new Error('cost bench produced a non-finite EDAP');

  return [
    { name: `costOf: ${cands.length}-layer network evaluations (memoised, + totals)`, value: networksPerS, unit: 'networks/s', target: 10_000 },
    { name: 'layerCost: uncached layer evaluations', value: layersPerS, unit: 'layers/s' },
    { name: 'costOf memo entries after the run', value: lookup.entries, unit: 'entries' },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchCost()) {
    const verdict = r.target === undefined ? '' : r.value >= r.target ? `  (target ≥ ${r.target}: ok)` : `  (target ≥ ${r.target}: BELOW)`;
    console.log(`${r.name}: ${Math.round(r.value).toLocaleString('en-US')} ${r.unit}${verdict}`);
  }
}
