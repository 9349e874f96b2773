/**
 * Architecture gradient and the Pareto front, on hand-checkable inputs: the exact hardware gradient against
 * central finite differences (sums and the E·D·A product, with a zero op), the REINFORCE term's form, and
 * the front / best candidate / merge on hand-made points.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { parseSearchSpace } from '../../src/config/search-space.js';
import { graphFromModel } from '../../src/model/from-tfjs.js';
import { initBackend } from '../../src/runtime/tfjs.js';
import { type HardwareTable, hardwareTerm, reinforceGrad, softmax } from '../../src/search/arch.js';
import { type Candidate, bestCandidate, mergeSearchResults, paretoDocument, paretoFront } from '../../src/search/pareto.js';
import { type SearchPlan, resolveSearchPlan } from '../../src/search/plan.js';
import { Rng } from '../../src/xbar/rng.js';
import { worstFiniteDifferenceError } from './hardware-fd.js';
import { committedMappings, tinyModel } from './tiny.js';

describe('hardware term gradient (exact, vs finite differences)', () => {
  let plan: SearchPlan;
  beforeAll(async () => {
    await initBackend('wasm');
    const m = tinyModel();
    const g = graphFromModel(m, 'tiny/model.json');
    m.dispose();
    plan = resolveSearchPlan({ graph: g, committed: committedMappings(g), space: parseSearchSpace({ zeroOp: true }, 'f', 'search'), file: 'f' });
  });

  for (const objective of ['energy', 'latency', 'edap'] as const) {
    test(`${objective}: ∂Ĉ/∂α matches central differences within 1e-6 relative`, () => {
      const rng = new Rng(5);
      const table: HardwareTable = {
        ops: plan.layers.map((l) => ({
          energyJ: Float64Array.from(l.ops, (o) => (o.kind === 'zero' ? 0 : 1 + rng.uniform())),
          delayS: Float64Array.from(l.ops, (o) => (o.kind === 'zero' ? 0 : 1 + rng.uniform())),
          areaMm2: Float64Array.from(l.ops, (o) => (o.kind === 'zero' ? 0 : 1 + rng.uniform())),
        })),
        constant: { energyJ: 0.5, delayS: 0.3, areaMm2: 2 },
        committedValue: 7,
        objective,
      };
      const worst = worstFiniteDifferenceError(plan, table, rng, 1e-6);
      expect(worst).toBeLessThan(1e-5);
    });
  }

  test('REINFORCE: advantage·(onehot − p), nothing for the layers of a skipped block', () => {
    const alphas = plan.layers.map((l) => new Float64Array(l.ops.length));
    const arch = plan.layers.map((l) => l.ops.length - 1); // b1_conv1: zero op
    const g = reinforceGrad(plan, alphas, arch, 0.5);
    const i1 = plan.layers.findIndex((l) => l.name === 'b1_conv1');
    const i2 = plan.layers.findIndex((l) => l.name === 'b1_conv2');
    const p = softmax(alphas[i1]!);
    expect(g[i1]![arch[i1]!]).toBeCloseTo(0.5 * (1 - p[arch[i1]!]!), 12);
    expect(g[i1]![0]).toBeCloseTo(-0.5 * p[0]!, 12);
    expect([...g[i2]!].every((v) => v === 0)).toBe(true);
  });
});

const pt = (id: string, kind: Candidate['kind'], accuracy: number, edap: number): Candidate =>
  ({ id, kind, label: id, accuracy, accuracyStd: 0, idealAccuracy: accuracy, energyJ: edap, delayS: 1, areaMm2: 1, edap });

describe('Pareto front on hand-made points', () => {
  const cs = [
    pt('committed', 'committed', 0.90, 10),
    pt('homogeneous-16', 'homogeneous', 0.92, 20),
    pt('homogeneous-32', 'homogeneous', 0.91, 12),
    pt('homogeneous-64', 'homogeneous', 0.90, 10), // same point as committed: only the first is kept
    pt('homogeneous-128', 'homogeneous', 0.80, 9),
    pt('searched-lambda-0.5', 'searched', 0.91, 8),
    pt('searched-lambda-2', 'searched', 0.85, 8.5), // dominated by λ=0.5
  ];

  test('front = non-dominated, by ascending EDAP', () => {
    expect(paretoFront(cs).map((c) => c.id)).toEqual(['searched-lambda-0.5', 'homogeneous-16']);
    expect(paretoFront([...cs, pt('x', 'searched', 0.5, 1)]).map((c) => c.id)).toEqual(['x', 'searched-lambda-0.5', 'homogeneous-16']);
  });

  test('best: lowest objective among searched at ≥ committed accuracy', () => {
    const b = bestCandidate(cs, 'edap');
    expect(b.best?.id).toBe('searched-lambda-0.5');
    expect(b.beats).toBe(true);
    expect(bestCandidate([cs[0]!, pt('s', 'searched', 0.89, 1)], 'edap')).toEqual({ best: undefined, beats: false });
  });

  test('merge of shards: union by id, front and best over all', () => {
    const a = paretoDocument(cs.slice(0, 6), 'edap');
    const b = paretoDocument([cs[6]!, pt('searched-lambda-4', 'searched', 0.93, 9)], 'edap');
    const m = mergeSearchResults([a, b]);
    expect(m.candidates).toHaveLength(8);
    expect(m.front).toEqual(['searched-lambda-0.5', 'searched-lambda-4']);
    expect(m.best).toBe('searched-lambda-0.5');
  });
});
