/**
 * The cost-only baseline: coordinate descent on the cost table never ends above its start, ends where no
 * single layer can improve, and on a space small enough to enumerate the multi-start result is compared
 * with the exhaustive optimum.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { parseSearchSpace } from '../../src/config/search-space.js';
import { DEFAULT_TECHNOLOGY } from '../../src/config/technology.js';
import { createCostLookup } from '../../src/cost/lut.js';
import type { NetworkGraph } from '../../src/model/graph.js';
import { initBackend } from '../../src/runtime/tfjs.js';
import { coordinateDescent, costOfChoice, costOnlyOptimum } from '../../src/search/cost-only.js';
import { resolveSearchPlan } from '../../src/search/plan.js';
import { committedMappings, tinyModel } from './tiny.js';
import { graphFromModel } from '../../src/model/from-tfjs.js';

let g: NetworkGraph;
beforeAll(async () => {
  await initBackend('cpu');
  const m = tinyModel();
  g = graphFromModel(m, 'tiny/model.json');
  m.dispose();
});

describe('cost-only optimum', () => {
  test('multi-start descent: a coordinate-wise optimum, no worse than any homogeneous or committed start, equal to the exhaustive optimum here', () => {
    const space = parseSearchSpace({ kernels: [3], crossbars: [16, 64, 128] }, 'f', 'search');
    const plan = resolveSearchPlan({ graph: g, committed: committedMappings(g), space, file: 'f' });
    const lookup = createCostLookup(DEFAULT_TECHNOLOGY.components);
    const cost = (c: readonly number[]) => costOfChoice(plan, lookup, 'edap', c);
    const r = costOnlyOptimum(plan, lookup, 'edap', { seed: 1 });
    expect(r.value).toBe(cost(r.choice));
    // No single-layer change lowers it.
    r.choice.forEach((j, i) => {
      plan.layers[i]!.ops.forEach((_, k) => {
        const c = [...r.choice];
        c[i] = k;
        expect(cost(c)).toBeGreaterThanOrEqual(r.value);
      });
    });
    for (let n = 0; n < 3; n++) expect(r.value).toBeLessThanOrEqual(cost(plan.layers.map(() => n)));
    // Exhaustive: 3^7 architectures.
    const L = plan.layers.length;
    expect(L).toBe(7);
    let min = Infinity;
    const c = new Array<number>(L).fill(0);
    for (let code = 0; code < 3 ** L; code++) {
      for (let i = 0, x = code; i < L; i++, x = Math.floor(x / 3)) c[i] = x % 3;
      min = Math.min(min, cost(c));
    }
    expect(r.value).toBe(min);
  });

  test('a single descent only goes down and stops on a plateau (ties keep the earlier op)', () => {
    const space = parseSearchSpace({ kernels: [3], crossbars: [16, 32] }, 'f', 'search');
    const plan = resolveSearchPlan({ graph: g, committed: committedMappings(g), space, file: 'f' });
    // A synthetic cost: the number of layers on op 1, so the optimum is all-0 and every path descends to it.
    const calls: number[] = [];
    const r = coordinateDescent(plan, (ch) => {
      const v = ch.filter((j) => j === 1).length;
      calls.push(v);
      return v;
    }, plan.layers.map(() => 1));
    expect(r.value).toBe(0);
    expect(r.choice.every((j) => j === 0)).toBe(true);
    // A flat cost changes nothing.
    const flat = coordinateDescent(plan, () => 1, plan.layers.map(() => 1));
    expect(flat.choice.every((j) => j === 1)).toBe(true);
    expect(calls.length).toBeGreaterThan(plan.layers.length);
  });
});
