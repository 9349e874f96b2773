/**
 * The search algorithm's parts on the tiny model with the stand-in simulator (tiny.ts): common random
 * numbers within an architecture step, the binary-gate estimator and its rescaling, the additive objective
 * and tile area inside the exact hardware gradient (against finite differences and the exact cost model),
 * the cost-only descent (against brute force), the warm-start prior and the derivation rules (larger kernels,
 * ops costlier than the cost-only optimum's).
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { parseSearchSpace } from '../../src/config/search-space.js';
import { DEFAULT_TECHNOLOGY } from '../../src/config/technology.js';
import { createCostLookup } from '../../src/cost/lut.js';
import type { NetworkGraph } from '../../src/model/graph.js';
import { matrixNodes } from '../../src/model/graph.js';
import { initBackend } from '../../src/runtime/tfjs.js';
import {
  binaryGateGrad, hardwareOfChoice, hardwareTerm, initialAlphas, rescalePairs, sampleTwoPaths, softmax,
} from '../../src/search/arch.js';
import { choiceCost, costOnlyOptimum, networkCost, warmStartPrior } from '../../src/search/cost-descent.js';
import { type NonIdealFn, type RuleResult, SMALLER_CROSSBAR_TESTS, SearchEngine, type SearchData, Ticker, engineSettingsOf, meanInterval, smallerCrossbarOps } from '../../src/search/engine.js';
import { buildHardwareTable, exactHardwarePrice, tileAreaPerMvmuMm2 } from '../../src/search/hardware.js';
import { deriveGraph, deriveMappings } from '../../src/search/derive.js';
import { costReport } from '../../src/cost/network.js';
import { type CostOptions, DEFAULT_COST_OPTIONS } from '../../src/cost/options.js';
import { type SearchPlan, committedChoice, kernelsOf, resolveSearchPlan } from '../../src/search/plan.js';
import { Rng } from '../../src/xbar/rng.js';
import { idealLogits } from '../../src/search/forward.js';
import { userError } from '../support/user-error.js';
import { worstFiniteDifferenceError } from './hardware-fd.js';
import { H, committedMappings, quadrantData, standInNonIdeal, trainedTinyGraph } from './tiny.js';

let g: NetworkGraph;
let plan: SearchPlan;
let zeroPlan: SearchPlan;
const lookup = createCostLookup(DEFAULT_TECHNOLOGY.components);

beforeAll(async () => {
  await initBackend('wasm');
  g = await trainedTinyGraph();
  plan = resolveSearchPlan({ graph: g, committed: committedMappings(g), space: parseSearchSpace({ kernels: [3, 5] }, 'f', 'search'), file: 'f' });
  zeroPlan = resolveSearchPlan({ graph: g, committed: committedMappings(g), space: parseSearchSpace({ kernels: [3, 5], zeroOp: true }, 'f', 'search'), file: 'f' });
});

function tinyData(): SearchData {
  const t = quadrantData(256, 31);
  const v = quadrantData(200, 32);
  return { trainImages: t.images, trainLabels: t.labels, nTrain: 256, valImages: v.images, valLabels: v.labels, nVal: 200, shape: [H, H, 1], classes: 3 };
}

const now = () => performance.now() / 1000;
/** Names of the layers a choice skips (the zero op of their block). */
const kernelsOfNames = (p: SearchPlan, a: readonly number[]) => [...kernelsOf(p, a)].filter(([, k]) => k === 'zero').map(([n]) => n);
const quiet = () => new Ticker({ now }, () => {}, 1e9);

function engineWith(p: SearchPlan, settings: Partial<ReturnType<typeof engineSettingsOf>> = {}): SearchEngine {
  const space = parseSearchSpace({ archBatch: 64 }, 'f', 'search');
  return new SearchEngine(p, tinyData(), { ...engineSettingsOf(space, 200), ...settings }, { now }, quiet());
}

describe('common random numbers within an architecture step', () => {
  test('both samples of a step see the same chip and the same non-ideal layer subset; without CRN they differ', async () => {
    for (const crn of [true, false]) {
      const e = engineWith(plan, { commonRandomNumbers: crn, nonIdealFraction: 0.5 });
      const seen: Array<{ seed: number; float: string }> = [];
      const spy: NonIdealFn = (o) => {
        seen.push({ seed: o.seed, float: [...(o.floatLayers ?? [])].sort().join(',') });
        return standInNonIdeal(o);
      };
      const d = tinyData();
      const alphas = plan.layers.map((l) => new Float64Array(l.ops.length));
      const r = await e.accuracyGradient({ alphas, rng: new Rng(9), x: d.valImages.subarray(0, 64 * H * H), y: d.valLabels.subarray(0, 64), key: [1, 0], nonIdeal: spy });
      e.dispose();
      expect(seen).toHaveLength(2);
      expect(seen[0]!.float.length).toBeGreaterThan(0);
      if (crn) {
        expect(seen[1]).toEqual(seen[0]);
        expect(r.chips[0]).toBe(r.chips[1]);
      } else {
        expect(seen[1]!.seed).not.toBe(seen[0]!.seed);
      }
    }
  });

  test('two samples of the same architecture: with CRN their losses agree exactly (the step\'s noise is the architectures\' only); without, the chips differ', async () => {
    const d = tinyData();
    const x = d.valImages.subarray(0, 64 * H * H);
    const y = d.valLabels.subarray(0, 64);
    // α this peaked draws op 0 in every layer on both samples.
    const alphas = plan.layers.map((l) => Float64Array.from(l.ops, (_, j) => (j === 0 ? 60 : 0)));
    const deltas = async (crn: boolean) => {
      const e = engineWith(plan, { commonRandomNumbers: crn, nonIdealFraction: 0.5 });
      const out: number[] = [];
      for (let r = 0; r < 4; r++) {
        const res = await e.accuracyGradient({ alphas, rng: Rng.derive(4, 'paths', r), x, y, key: ['v', r], nonIdeal: standInNonIdeal });
        expect(res.paths[0]).toEqual(res.paths[1]);
        out.push(Math.abs(res.ces[0]! - res.ces[1]!));
      }
      e.dispose();
      return out;
    };
    expect(await deltas(true)).toEqual([0, 0, 0, 0]);
    expect((await deltas(false)).every((v) => v > 0)).toBe(true);
  });
});

describe('forwards that finish out of order (a worker pool runs an architecture step\'s paths side by side)', () => {
  /**
   * The stand-in chip; of the first two forwards in flight the second finishes first, later ones in order. (A paired
   * check needs no such test: it averages each image over the chips before differencing, so chip order cannot matter.)
   */
  const reversed = (): { fn: NonIdealFn; finishOrder: number[] } => {
    let calls = 0;
    const finishOrder: number[] = [];
    const fn: NonIdealFn = (o) => {
      const k = calls++;
      const out = standInNonIdeal(o);
      return new Promise((resolve) => setTimeout(() => {
        finishOrder.push(k);
        resolve(out);
      }, k < 2 ? 40 - 20 * k : 0));
    };
    return { fn, finishOrder };
  };

  test('an architecture step\'s gradient, losses and chips do not depend on which path finishes first', async () => {
    const d = tinyData();
    const x = d.valImages.subarray(0, 64 * H * H);
    const y = d.valLabels.subarray(0, 64);
    const alphas = plan.layers.map((l) => new Float64Array(l.ops.length));
    const run = async (nonIdeal: NonIdealFn) => {
      // Without CRN the two paths run on different chips, so a swap of their results would show.
      const e = engineWith(plan, { commonRandomNumbers: false, nonIdealFraction: 0.5 });
      const r = await e.accuracyGradient({ alphas, rng: new Rng(21), x, y, key: ['ooo', 0], nonIdeal });
      e.dispose();
      return r;
    };
    const late = reversed();
    const inOrder = await run(standInNonIdeal);
    const outOfOrder = await run(late.fn);
    expect(late.finishOrder).toEqual([1, 0]);
    expect(inOrder.ces[0]).not.toBe(inOrder.ces[1]);
    expect(outOfOrder).toEqual(inOrder);
  });
});

describe('binary gates (two-path sampling)', () => {
  test('two distinct ops per layer; the first draw follows softmax(α)', () => {
    const alphas = [Float64Array.from([0.5, -1, 2, 0]), Float64Array.from([3])];
    const rng = new Rng(3);
    const counts = new Float64Array(4);
    const N = 8000;
    let bad = 0;
    for (let k = 0; k < N; k++) {
      const [a, b] = sampleTwoPaths(alphas, rng);
      if (a[0] === b[0] || a[1] !== 0 || b[1] !== 0) bad++;
      counts[a[0]!]! += 1 / N;
    }
    expect(bad).toBe(0);
    const p = softmax(alphas[0]!);
    // 4.5 standard errors of a frequency at N = 8000: √(0.25/8000) ≈ 0.0056.
    for (let j = 0; j < 4; j++) expect(Math.abs(counts[j]! - p[j]!)).toBeLessThan(0.025);
  });

  test('gradient = ∂/∂α of the pair-restricted expected loss p̃_a·L_A + p̃_b·L_B (central differences); zero where the paths agree or a block is skipped', () => {
    const rng = new Rng(8);
    const alphas = zeroPlan.layers.map((l) => Float64Array.from(l.ops, () => rng.normal()));
    const [A, B] = sampleTwoPaths(alphas, rng);
    B[0] = A[0]!; // stem: same op on both paths
    const i1 = zeroPlan.layers.findIndex((l) => l.name === 'b1_conv1');
    const i2 = zeroPlan.layers.findIndex((l) => l.name === 'b1_conv2');
    A[i1] = zeroPlan.layers[i1]!.ops.length - 1; // path A skips block b1
    if (B[i1] === A[i1]) B[i1] = 0;
    const LA = 0.7;
    const LB = 0.4;
    const grad = binaryGateGrad(zeroPlan, alphas, A, B, LA, LB);
    expect([...grad[0]!].every((v) => v === 0)).toBe(true);
    expect([...grad[i2]!].every((v) => v === 0)).toBe(true);
    const h = 1e-6;
    zeroPlan.layers.forEach((_, i) => {
      if (i === 0 || i === i2) return;
      const f = (al: Float64Array) => {
        const ea = Math.exp(al[A[i]!]!);
        const eb = Math.exp(al[B[i]!]!);
        return (ea * LA + eb * LB) / (ea + eb);
      };
      for (const j of [A[i]!, B[i]!]) {
        const al = alphas[i]!.slice();
        al[j]! += h;
        const up = f(al);
        al[j]! -= 2 * h;
        const fd = (up - f(al)) / (2 * h);
        expect(grad[i]![j]!).toBeCloseTo(fd, 7);
      }
      const others = [...grad[i]!].filter((_, j) => j !== A[i] && j !== B[i]);
      expect(others.every((v) => v === 0)).toBe(true);
    });
  });

  test('rescaling keeps the pair\'s total probability, so every op not sampled keeps its probability', () => {
    const before = [Float64Array.from([0.1, 0.4, -0.3, 1.2])];
    const after = [Float64Array.from([0.9, 0.4, -1.0, 1.2])]; // ops 0 and 2 updated
    rescalePairs(before, after, [0], [2]);
    const p0 = softmax(before[0]!);
    const p1 = softmax(after[0]!);
    expect(p1[1]).toBeCloseTo(p0[1]!, 12);
    expect(p1[3]).toBeCloseTo(p0[3]!, 12);
    expect(p1[0]! + p1[2]!).toBeCloseTo(p0[0]! + p0[2]!, 12);
    expect(p1[0]! / p1[2]!).toBeCloseTo(Math.exp(1.9), 9);
  });
});

describe('hardware term from the real cost model', () => {
  const fdWorst = (p: SearchPlan, table: ReturnType<typeof buildHardwareTable>, seed: number) => worstFiniteDifferenceError(p, table, new Rng(seed), 1e-9);

  for (const hardwareLoss of ['product', 'additive'] as const) {
    for (const tileArea of ['gradient', 'frozen'] as const) {
      test(`${hardwareLoss}, tile area ${tileArea}: analytic gradient = central differences; committed network = 1 exactly`, () => {
        const table = buildHardwareTable(zeroPlan, lookup, { objective: 'edap', hardwareLoss, tileArea, additiveWeights: { energy: 1, latency: 2, area: 0.5 } });
        expect(fdWorst(zeroPlan, table, 11)).toBeLessThan(1e-5);
        expect(hardwareOfChoice(zeroPlan, table, committedChoice(zeroPlan))).toBeCloseTo(1, 12);
      });
    }
  }

  test('additive form = Σ w·X/X_committed / Σ w on a concrete choice (independent computation from the exact totals)', () => {
    const w = { energy: 1, latency: 2, area: 0.5 };
    const table = buildHardwareTable(plan, lookup, { objective: 'edap', hardwareLoss: 'additive', tileArea: 'frozen', additiveWeights: w });
    const arch = plan.layers.map((l) => l.ops.length - 1); // 5×5 on 128×128 everywhere it is offered
    const c = networkCost(lookup, g, committedMappings(g));
    const t = choiceCost(lookup, plan, arch);
    const layersOf = (x: typeof t) => x.areaMm2 - x.tileSharedAreaMm2;
    // Frozen tile area: the committed network's shared tile area stays.
    const area = layersOf(t) + c.tileSharedAreaMm2;
    const want = (w.energy * t.energyJ / c.energyJ + w.latency * t.delayS / c.delayS + w.area * area / c.areaMm2) / 3.5;
    // Layer energies only (no idle leakage under the default 'gated' leakage): the table's sums equal the totals'.
    expect(hardwareOfChoice(plan, table, arch)).toBeCloseTo(want, 10);
  });

  test('the derivation rules\' price: the exact cost model (whole tiles, idle leakage), relative to the committed network, unlike the relaxed term (independent computation from the derived network\'s cost report)', () => {
    const alwaysOn: CostOptions = { ...DEFAULT_COST_OPTIONS, model: { ...DEFAULT_COST_OPTIONS.model, leakage: 'alwaysOn' } };
    const reportOf = (opts: CostOptions, arch: readonly number[]) => {
      const dg = deriveGraph(plan, arch, () => ({ weights: new Float32Array(0), bias: new Float32Array(0) })); // costs need shapes only
      const maps = deriveMappings(plan, arch);
      return costReport(matrixNodes(dg).map((n) => ({ shape: n.shape, mapping: maps.get(n.name)! })), DEFAULT_TECHNOLOGY.components, opts).totals;
    };
    const committed = committedChoice(plan);
    const rng = new Rng(5);
    for (const opts of [DEFAULT_COST_OPTIONS, alwaysOn]) {
      const lk = createCostLookup(DEFAULT_TECHNOLOGY.components, opts);
      const table = buildHardwareTable(plan, lk, { objective: 'edap', tileArea: 'gradient' });
      const price = exactHardwarePrice(plan, lk, table);
      expect(price(committed)).toBeCloseTo(1, 12);
      const c0 = reportOf(opts, committed);
      let differs = 0;
      for (let k = 0; k < 12; k++) {
        const arch = plan.layers.map((l) => Math.floor(rng.uniform() * l.ops.length));
        const t = reportOf(opts, arch);
        expect(price(arch)).toBeCloseTo(t.edap / c0.edap, 10);
        if (Math.abs(hardwareOfChoice(plan, table, arch) - price(arch)) > 1e-6) differs += 1;
      }
      // Fractional tiles (and, under always-on leakage, no idle leakage) make the relaxed term another number.
      expect(differs).toBeGreaterThan(0);
      // The additive form: each term relative to the committed network's exact totals.
      const w = { energy: 1, latency: 2, area: 0.5 };
      const additive = exactHardwarePrice(plan, lk, buildHardwareTable(plan, lk, { objective: 'edap', hardwareLoss: 'additive', additiveWeights: w }));
      const arch = plan.layers.map((l) => l.ops.length - 1);
      const t = reportOf(opts, arch);
      expect(additive(committed)).toBeCloseTo(1, 12);
      expect(additive(arch)).toBeCloseTo((w.energy * t.energyJ / c0.energyJ + w.latency * t.delayS / c0.delayS + w.area * t.areaMm2 / c0.areaMm2) / 3.5, 10);
    }
  });

  test('the price\'s reference is the committed network as committed, also when its crossbar is not in the space (a PR head may map a layer on any size)', () => {
    const narrow = resolveSearchPlan({ graph: g, committed: committedMappings(g), space: parseSearchSpace({ kernels: [3, 5], crossbars: [16, 32] }, 'f', 'search'), file: 'f' });
    expect(committedChoice(narrow).every((j) => j < 0)).toBe(true);
    const price = exactHardwarePrice(narrow, lookup, buildHardwareTable(narrow, lookup, { objective: 'edap' }));
    const committedEdap = costReport(matrixNodes(g).map((n) => ({ shape: n.shape, mapping: committedMappings(g).get(n.name)! })), DEFAULT_TECHNOLOGY.components).totals.edap;
    const arch = narrow.layers.map((l) => l.ops.findIndex((o) => o.kind === 'path' && o.kernel === l.committedKernel && o.crossbar === 32));
    const maps = deriveMappings(narrow, arch);
    const archEdap = costReport(matrixNodes(g).map((n) => ({ shape: n.shape, mapping: maps.get(n.name)! })), DEFAULT_TECHNOLOGY.components).totals.edap;
    expect(price(arch)).toBeCloseTo(archEdap / committedEdap, 10);
  });

  test('tile area in the gradient: a choice\'s relaxed area is within one tile of its exact area, and moves with its MVMUs', () => {
    const table = buildHardwareTable(plan, lookup, { objective: 'edap', tileArea: 'gradient' });
    const frozen = buildHardwareTable(plan, lookup, { objective: 'edap', tileArea: 'frozen' });
    const perTile = tileAreaPerMvmuMm2(lookup) * DEFAULT_TECHNOLOGY.components.organisation.mvmusPerCore * DEFAULT_TECHNOLOGY.components.organisation.coresPerTile;
    const areaOf = (t: typeof table, arch: number[]) => {
      const probs = plan.layers.map((l, i) => Float64Array.from(l.ops, (_, j) => (j === arch[i] ? 1 : 0)));
      let s = t.constant.areaMm2;
      probs.forEach((p, i) => p.forEach((v, j) => (s += v * t.ops[i]!.areaMm2[j]!)));
      return s;
    };
    const rng = new Rng(2);
    let moved = 0;
    for (let k = 0; k < 20; k++) {
      const arch = plan.layers.map((l) => Math.floor(rng.uniform() * l.ops.length));
      const exact = choiceCost(lookup, plan, arch).areaMm2;
      expect(Math.abs(areaOf(table, arch) - exact)).toBeLessThanOrEqual(perTile + 1e-12);
      if (Math.abs(areaOf(table, arch) - areaOf(frozen, arch)) > 1e-9) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });
});

describe('cost-only optimum (coordinate descent)', () => {
  test('finds the brute-force optimum of a 4-layer space; never worse than committed; exact cost of the committed choice = the network\'s', () => {
    const small = resolveSearchPlan({
      graph: g, committed: committedMappings(g),
      space: parseSearchSpace({ kernels: [3, 5], crossbars: [16, 32, 64], otherLayers: 'committed' }, 'f', 'search'), file: 'f',
    });
    expect(small.layers).toHaveLength(4);
    let bestBrute = Infinity;
    const n = small.layers[0]!.ops.length;
    for (let code = 0; code < n ** 4; code++) {
      const arch = [0, 1, 2, 3].map((i) => Math.floor(code / n ** i) % n);
      bestBrute = Math.min(bestBrute, choiceCost(lookup, small, arch).edap);
    }
    const r = costOnlyOptimum(lookup, small, { objective: 'edap', starts: 8, seed: 1 });
    expect(r.value).toBeCloseTo(bestBrute, 20);
    expect(r.value / bestBrute).toBeCloseTo(1, 12);
    expect(r.value).toBeLessThanOrEqual(r.committedValue);
    expect(choiceCost(lookup, small, committedChoice(small)).edap).toBe(networkCost(lookup, g, committedMappings(g)).edap);
  });

  test('the end point is a coordinate-wise minimum of the exact EDAP over the path ops (the zero op is never chosen), and seeded', () => {
    const r = costOnlyOptimum(lookup, zeroPlan, { starts: 4, seed: 3 });
    const arch = [...r.choice];
    zeroPlan.layers.forEach((l, i) => {
      expect(l.ops[arch[i]!]!.kind).not.toBe('zero');
      // Skipping a block would always cost less: the optimum exists only because the zero op is left out.
      if (l.ops.some((o) => o.kind === 'zero')) {
        const skipped = [...arch];
        skipped[i] = l.ops.findIndex((o) => o.kind === 'zero');
        expect(choiceCost(lookup, zeroPlan, skipped).edap).toBeLessThan(r.value);
      }
      for (let j = 0; j < l.ops.length; j++) {
        if (l.ops[j]!.kind === 'zero') continue;
        const b = [...arch];
        b[i] = j;
        expect(choiceCost(lookup, zeroPlan, b).edap).toBeGreaterThanOrEqual(r.value);
      }
    });
    expect(costOnlyOptimum(lookup, zeroPlan, { starts: 4, seed: 3 })).toEqual(r);
  });

  test('warm-start prior: the bonuses sit on the committed op and the cost-only op; the search starts from it', async () => {
    const space = parseSearchSpace({ kernels: [3, 5], warmStart: { committed: 1.5, costOnly: 0.5 } }, 'f', 'search');
    const { alphas, costOnly } = warmStartPrior(lookup, plan, space);
    const c = committedChoice(plan);
    plan.layers.forEach((l, i) => {
      const want = new Float64Array(l.ops.length);
      want[c[i]!]! += 1.5;
      want[costOnly.choice[i]!]! += 0.5;
      expect([...alphas[i]!]).toEqual([...want]);
    });
    expect(initialAlphas(plan, [{ choice: plan.layers.map(() => -1), bonus: 3 }]).every((a) => a.every((v) => v === 0))).toBe(true);
    const e = engineWith(plan, { prior: alphas, largerKernels: 'keep' });
    const table = buildHardwareTable(plan, lookup, space);
    const r = await e.searchLambda({ lambda: 1, table, nonIdeal: standInNonIdeal, search: { deadlineS: Infinity, maxSteps: 0 }, fineTune: { deadlineS: Infinity, maxSteps: 0 } });
    e.dispose();
    r.alphas.forEach((a, i) => expect([...a]).toEqual([...alphas[i]!]));
  });
});

describe('derivation rules: larger kernels and costlier ops must pay (paired comparison on the validation split)', () => {
  const i5 = () => plan.layers.findIndex((l) => l.name === 'b1_conv1');
  const withBig = () => {
    const arch = committedChoice(plan);
    const l = plan.layers[i5()]!;
    arch[i5()] = l.ops.findIndex((o) => o.kind === 'path' && o.kernel === 5 && o.crossbar === 16);
    return arch;
  };

  test('a 5×5 kernel that computes what the 3×3 does (fresh supernet: centre-embedded) reverts to 3×3 and keeps its 16×16 crossbar', async () => {
    const e = engineWith(plan);
    const arch = withBig();
    // An ideal chip: the centre-embedded 5×5 computes exactly what the 3×3 does.
    const ideal: NonIdealFn = (o) => idealLogits(o.graph, o.images, o.n);
    const r = await e.checkLargerKernels(arch, ideal, 1, Infinity);
    e.dispose();
    expect(r.checks).toHaveLength(1);
    expect(r.checks[0]!.deltaAccuracy).toBe(0);
    expect(r.checks[0]!.kept).toBe(false);
    const op = plan.layers[i5()]!.ops[r.choice[i5()]!]!;
    expect(op).toEqual({ kind: 'path', kernel: 3, crossbar: 16 });
    r.choice.forEach((c, i) => i !== i5() && expect(c).toBe(arch[i]));
  });

  test('a 5×5 kernel that wins on the validation images is kept', async () => {
    const d = tinyData();
    // Stand-in chip: the 5×5 network answers every image right, the 3×3 one says class 0 (the checks run on the split's held-out last 100 images).
    const oracle: NonIdealFn = (o) => {
      const big = matrixNodes(o.graph).find((n) => n.name === 'b1_conv1')!.shape.kernelH === 5;
      const out = new Float32Array(o.n * 3);
      for (let k = 0; k < o.n; k++) out[k * 3 + (big ? d.valLabels[100 + k]! : 0)] = 1;
      return out;
    };
    const e = engineWith(plan, { kernelCheckImages: 100 });
    const arch = withBig();
    const r = await e.checkLargerKernels(arch, oracle, 1, Infinity);
    e.dispose();
    expect(r.checks[0]!.kept).toBe(true);
    expect(r.checks[0]!.images).toBe(100);
    expect(r.checks[0]!.ci95[0]).toBeGreaterThan(0);
    expect(r.choice).toEqual(arch);
    // Out of time after the first forward: not shown to pay, so the committed kernel (same crossbar).
    const e2 = engineWith(plan, { kernelCheckImages: 100 });
    const late = await e2.checkLargerKernels(arch, oracle, 1, now() - 1);
    e2.dispose();
    expect(late.checks).toHaveLength(0);
    expect(plan.layers[i5()]!.ops[late.choice[i5()]!]).toEqual({ kind: 'path', kernel: 3, crossbar: 16 });
  });

  test('costlier-op rule: on an ideal chip the crossbar changes nothing, so the argmax falls back to the cost-only optimum', async () => {
    const space = parseSearchSpace({ kernels: [3, 5] }, 'f', 'search');
    const table = buildHardwareTable(plan, lookup, space);
    const co = costOnlyOptimum(lookup, plan).choice;
    const arch = committedChoice(plan);
    const differing = plan.layers.map((_, i) => i).filter((i) => arch[i] !== co[i]);
    expect(differing.length).toBeGreaterThan(0);
    const e = engineWith(plan, { kernelCheckImages: 100 });
    const ideal: NonIdealFn = (o) => idealLogits(o.graph, o.images, o.n);
    const r = await e.checkCostlierOps(arch, co, table, ideal, 1, Infinity);
    e.dispose();
    expect(r.checks).toHaveLength(1);
    expect(r.checks[0]).toMatchObject({ rule: 'costlierOps', deltaAccuracy: 0, deltaCe: 0, kept: false, images: 100, chips: 2 });
    // Same outputs, so the objective's difference is λ × the hardware difference, which the committed choice loses.
    const dHw = hardwareOfChoice(plan, table, arch) - hardwareOfChoice(plan, table, co);
    expect(dHw).toBeGreaterThan(0);
    expect(r.checks[0]!.deltaHardware).toBeCloseTo(dHw, 12);
    expect(r.checks[0]!.deltaObjective).toBeCloseTo(dHw, 12);
    expect(r.checks[0]!.layers).toEqual(differing.map((i) => plan.layers[i]!.name));
    expect(r.choice).toEqual(co);
  });

  /** Two layers moved off the cost-only optimum: A's costlier op carries the accuracy on a stand-in chip, B's is pure cost. */
  const twoMoves = () => {
    const space = parseSearchSpace({ kernels: [3, 5] }, 'f', 'search');
    const table = buildHardwareTable(plan, lookup, space);
    const co = costOnlyOptimum(lookup, plan).choice;
    const hw = (a: readonly number[]) => hardwareOfChoice(plan, table, a);
    // Two layers moved off the cost-only optimum to costlier ops at the same kernel: A carries the accuracy,
    // B is pure cost (moving B back alone lowers the hardware term, so the rule tests it).
    const moves = plan.layers.flatMap((l, i) => l.ops.flatMap((op, j) => {
      const cur = l.ops[co[i]!]!;
      if (j === co[i] || op.kind !== 'path' || cur.kind !== 'path' || op.kernel !== cur.kernel) return [];
      const a = [...co];
      a[i] = j;
      return hw(a) > hw(co) ? [{ i, j }] : [];
    }));
    const a = moves[0]!;
    const b = moves.find((m) => m.i !== a.i && (() => {
      const both = [...co];
      both[a.i] = a.j;
      both[m.i] = m.j;
      const back = [...both];
      back[m.i] = co[m.i]!;
      return hw(back) < hw(both);
    })())!;
    expect(b).toBeDefined();
    const arch = [...co];
    arch[a.i] = a.j;
    arch[b.i] = b.j;
    const nameA = plan.layers[a.i]!.name;
    const opA = plan.layers[a.i]!.ops[a.j]!;
    const d = tinyData();
    // Stand-in chip: every image is answered right when layer A sits on A's costlier crossbar, else class 0.
    const oracle: NonIdealFn = (o) => {
      const right = opA.kind === 'path' && o.mappings.get(nameA)!.rows === opA.crossbar;
      const out = new Float32Array(o.n * 3);
      for (let k = 0; k < o.n; k++) out[k * 3 + (right ? d.valLabels[100 + k]! : 0)] = 1;
      return out;
    };
    return { space, table, co, a, b, arch, nameA, d, oracle };
  };

  test('costlier-op rule: at small λ the layer whose costlier op carries the accuracy keeps it, a costlier op that does not pay falls back; at large λ the cost-only optimum wins', async () => {
    const { table, co, a, b, arch, nameA, d, oracle } = twoMoves();
    const e = engineWith(plan, { kernelCheckImages: 100 });
    const r = await e.checkCostlierOps(arch, co, table, oracle, 1e-3, Infinity);
    e.dispose();
    expect(r.checks[0]!.kept).toBe(true); // the pair together against the cost-only optimum
    expect(r.checks[0]!.deltaCe).toBeLessThan(0);
    // Right on every image, against right only where the label is class 0.
    expect(r.checks[0]!.deltaAccuracy).toBeCloseTo([...d.valLabels.subarray(100, 200)].filter((l) => l !== 0).length / 100, 12);
    const want = [...co];
    want[a.i] = a.j;
    expect(r.choice).toEqual(want);
    expect(r.checks.find((c) => c.layers.length === 1 && c.layers[0] === nameA)!.kept).toBe(true);
    expect(r.checks.find((c) => c.layers.length === 1 && c.layers[0] === plan.layers[b.i]!.name)!.kept).toBe(false);
    // λ large enough that the hardware saving outweighs every image's CE: the cost-only optimum.
    const e3 = engineWith(plan, { kernelCheckImages: 100 });
    const heavy = await e3.checkCostlierOps(arch, co, table, oracle, 1e3, Infinity);
    e3.dispose();
    expect(heavy.checks).toHaveLength(1);
    expect(heavy.checks[0]!.kept).toBe(false);
    expect(heavy.choice).toEqual(co);
    // Out of time: nothing is known against the argmax (the cost-only optimum is not known to work), so it stands.
    const e2 = engineWith(plan, { kernelCheckImages: 100 });
    const late = await e2.checkCostlierOps(arch, co, table, oracle, 1e-3, now() - 1);
    e2.dispose();
    expect(late.checks).toHaveLength(0);
    expect(late.choice).toEqual(arch);
  });

  test('on the clock: the group comparison starts only when its two forwards fit, single-layer tests only while one more fits', async () => {
    const { table, co, arch, oracle } = twoMoves();
    const run = async (deadlineAfterS: number) => {
      let t = 1000;
      // Every chip forward takes 1 s on the stand-in clock: a check forward (2 chips) 2 s.
      const slow: NonIdealFn = (o) => {
        t += 1;
        return oracle(o);
      };
      const space = parseSearchSpace({ archBatch: 64 }, 'f', 'search');
      const e = new SearchEngine(plan, tinyData(), { ...engineSettingsOf(space, 200), kernelCheckImages: 100, costOnly: co }, { now: () => t }, quiet());
      e.useCheckImages(100, 0.01); // estimated 0.01 s × 100 images × 2 chips = 2 s per forward
      const r = await e.checkCostlierOps(arch, co, table, slow, 1e-3, t + deadlineAfterS);
      e.dispose();
      return r;
    };
    // 3 s: the group (4 s) does not fit, so nothing is tested and the argmax stands.
    const none = await run(3);
    expect(none.checks).toHaveLength(0);
    expect(none.choice).toEqual(arch);
    // 5 s: the group runs (and pays); a single-layer test (2 s more) would end at 6 s: none runs, both ops stand.
    const group = await run(5);
    expect(group.checks.map((c) => c.layers.length)).toEqual([2]);
    expect(group.checks[0]!.kept).toBe(true);
    expect(group.choice).toEqual(arch);
    // 8 s: the group and both single-layer tests (4 + 2 + 2).
    const all = await run(8);
    expect(all.checks.map((c) => c.layers.length)).toEqual([2, 1, 1]);
  });

  test('smaller-crossbar alternatives: the same kernel on the next-smaller crossbar of the space; none below the smallest or for the zero op', () => {
    for (const l of zeroPlan.layers) {
      const alt = smallerCrossbarOps(l);
      l.ops.forEach((op, j) => {
        if (op.kind !== 'path' || op.crossbar === 16) return expect(alt[j]).toBe(-1);
        expect(l.ops[alt[j]!]).toEqual({ kind: 'path', kernel: op.kernel, crossbar: op.crossbar / 2 });
      });
    }
    expect(zeroPlan.layers.some((l) => l.ops.some((op) => op.kind === 'zero'))).toBe(true);
  });

  /** A stand-in chip on which layer `name` answers every check image right on crossbars ≤ `crossbar`, else says class 0. */
  const rightAtOrBelow = (name: string, crossbar: number, d: SearchData): NonIdealFn => (o) => {
    const right = o.mappings.get(name)!.rows <= crossbar;
    const out = new Float32Array(o.n * 3);
    for (let k = 0; k < o.n; k++) out[k * 3 + (right ? d.valLabels[100 + k]! : 0)] = 1;
    return out;
  };

  /**
   * A stand-in chip on which layer `name` answers the first `rightOf(rows)` of 100 check images right (the rest,
   * and every image when another layer decides, say class 0).
   */
  const graded = (name: string, rightOf: (rows: number) => number, d: SearchData): NonIdealFn => (o) => {
    const right = rightOf(o.mappings.get(name)!.rows);
    const out = new Float32Array(o.n * 3);
    for (let k = 0; k < o.n; k++) out[k * 3 + (k < right ? d.valLabels[100 + k]! : 0)] = 1;
    return out;
  };

  test('smaller-crossbar rule: layers of one shape move as a unit, largest crossbar first, then cheapest; each test priced as CE + λ·hardware; a unit that moved is tested again one size down while it pays; at large λ only moves that save hardware', async () => {
    const space = parseSearchSpace({ kernels: [3, 5] }, 'f', 'search');
    const table = buildHardwareTable(plan, lookup, space);
    const hw = (a: readonly number[]) => hardwareOfChoice(plan, table, a);
    const smaller = (a: readonly number[], i: number) => smallerCrossbarOps(plan.layers[i]!)[a[i]!]!;
    const moved = (a: readonly number[], unit: readonly number[]) => {
      const b = [...a];
      for (const i of unit) b[i] = smaller(a, i);
      return b;
    };
    const crossbarOf = (a: readonly number[], i: number) => (plan.layers[i]!.ops[a[i]!] as { crossbar: number }).crossbar;
    // Units from the graph: the layers whose matrix has the same shape (all start on the committed 64×64).
    const shapeOf = (i: number) => JSON.stringify({ ...matrixNodes(g).find((m) => m.name === plan.layers[i]!.name)!.shape, name: undefined });
    const byShape = new Map<string, number[]>();
    plan.layers.forEach((_, i) => byShape.set(shapeOf(i), [...(byShape.get(shapeOf(i)) ?? []), i]));
    const units = [...byShape.values()];
    expect(units.some((u) => u.length > 1)).toBe(true);
    const committed = committedChoice(plan);
    const dHw = (a: readonly number[], u: readonly number[]) => hw(moved(a, u)) - hw(a);
    // The unit tested last among the 64×64 ones (cheapest first) carries the accuracy; it starts on 128×128.
    const target = [...units].sort((x, y) => dHw(committed, x) - dHw(committed, y) || x[0]! - y[0]!).at(-1)!;
    const arch = [...committed];
    for (const i of target) arch[i] = plan.layers[i]!.ops.findIndex((op) => op.kind === 'path' && op.kernel === plan.layers[i]!.committedKernel && op.crossbar === 128);
    expect(target.every((i) => crossbarOf(arch, i) === 128)).toBe(true);
    const name = plan.layers[target[0]!]!.name;
    const d = tinyData();
    // IR drop and clipping in miniature: 128×128 gets no image right, 64×64 half, 32×32 and 16×16 all.
    const rightOf = (rows: number) => (rows >= 128 ? 0 : rows === 64 ? 50 : 100);
    const chip = graded(name, rightOf, d);
    const e = engineWith(plan, { kernelCheckImages: 100 });
    const r = await e.checkSmallerCrossbars(arch, table, chip, 1e-3, Infinity);
    e.dispose();
    expect(r.checks.every((c) => c.rule === 'smallerCrossbars' && c.images === 100 && c.chips === 2)).toBe(true);
    // Replayed independently: round 1 tests every unit in the order largest crossbar first, then the smallest
    // Δhardware; each later round tests the units that moved, from where they are; a unit moves when staying
    // does not lower CE + λ·hardware.
    const nonZero = (from: number, to: number) => [...d.valLabels.subarray(100 + from, 100 + to)].filter((l) => l !== 0).length;
    const expected: string[][] = [];
    let cur = [...arch];
    let open = units;
    while (open.length > 0) {
      const round = open.filter((u) => smaller(cur, u[0]!) >= 0)
        .sort((x, y) => crossbarOf(cur, y[0]!) - crossbarOf(cur, x[0]!) || dHw(cur, x) - dHw(cur, y) || x[0]! - y[0]!);
      const next: number[][] = [];
      for (const u of round) {
        expected.push(u.map((i) => plan.layers[i]!.name));
        const c = r.checks[expected.length - 1]!;
        const alt = moved(cur, u);
        expect(c.deltaHardware).toBeCloseTo(hw(cur) - hw(alt), 12);
        expect(c.alternativeCrossbar).toBe(crossbarOf(alt, u[0]!));
        if (u === target) {
          const here = rightOf(crossbarOf(cur, u[0]!));
          const there = rightOf(crossbarOf(alt, u[0]!));
          expect(c.deltaAccuracy).toBeCloseTo((nonZero(0, here) - nonZero(0, there)) / 100, 12);
        } else {
          expect(c.deltaCe).toBe(0);
          expect(c.deltaObjective).toBeCloseTo(1e-3 * (hw(cur) - hw(alt)), 15);
        }
        expect(c.kept).toBe(!(c.deltaObjective! > 0));
        if (!c.kept) {
          cur = alt;
          next.push(u);
        }
      }
      open = next;
    }
    expect(r.checks.map((c) => c.layers)).toEqual(expected);
    expect(r.choice).toEqual(cur);
    // The 128×128 unit first although its move costs the most, then down to where it gets every image right.
    expect(r.checks[0]!.layers).toEqual(target.map((i) => plan.layers[i]!.name));
    expect(r.checks.filter((c) => c.layers[0] === name).length).toBeGreaterThanOrEqual(2);
    for (const i of target) expect(crossbarOf(r.choice, i)).toBeLessThanOrEqual(32);
    // λ large enough that no CE outweighs the hardware: only moves that lower the hardware term are taken.
    const e2 = engineWith(plan, { kernelCheckImages: 100 });
    const heavy = await e2.checkSmallerCrossbars(arch, table, chip, 1e3, Infinity);
    e2.dispose();
    heavy.checks.forEach((c) => expect(c.kept).toBe(c.deltaHardware! <= 0));
    // Layers the costlier-op rule already measured leave their unit; and with no time at all nothing is tested.
    const e3 = engineWith(plan, { kernelCheckImages: 100 });
    const skip = await e3.checkSmallerCrossbars(arch, table, chip, 1e-3, Infinity, { measured: new Set([name]) });
    expect(skip.checks.flatMap((c) => c.layers)).not.toContain(name);
    expect(new Set(skip.checks.flatMap((c) => c.layers)).size).toBe(plan.layers.length - 1);
    const late = await e3.checkSmallerCrossbars(arch, table, chip, 1e-3, now() - 1);
    e3.dispose();
    expect(late).toEqual({ choice: arch, checks: [] });
  });

  test('smaller-crossbar alternatives toward a target crossbar: from above it, the same kernel on the target; from it and below, the next-smaller size', () => {
    for (const l of zeroPlan.layers) {
      const alt = smallerCrossbarOps(l, 32);
      l.ops.forEach((op, j) => {
        if (op.kind !== 'path' || op.crossbar === 16) return expect(alt[j]).toBe(-1);
        expect(l.ops[alt[j]!]).toEqual({ kind: 'path', kernel: op.kernel, crossbar: op.crossbar > 32 ? 32 : op.crossbar / 2 });
      });
    }
  });

  test('smaller-crossbar rule toward the selection reference (smallerCrossbars: toReference): a 128×128 unit is tested against 32×32 in one test and moves there; units then go on one size at a time', async () => {
    const space = parseSearchSpace({ kernels: [3, 5], smallerCrossbars: 'toReference', selectionReference: 'homogeneous' }, 'f', 'search');
    expect(() => engineSettingsOf(space, 200)).toThrow(/without a selection reference crossbar/);
    const table = buildHardwareTable(plan, lookup, space);
    const crossbarOf = (a: readonly number[], i: number) => (plan.layers[i]!.ops[a[i]!] as { crossbar: number }).crossbar;
    const committed = committedChoice(plan);
    const i0 = 0;
    const name = plan.layers[i0]!.name;
    const arch = [...committed];
    arch[i0] = plan.layers[i0]!.ops.findIndex((op) => op.kind === 'path' && op.kernel === plan.layers[i0]!.committedKernel && op.crossbar === 128);
    expect(arch[i0]).toBeGreaterThanOrEqual(0);
    const d = tinyData();
    const rightOf = (rows: number) => (rows >= 128 ? 0 : rows === 64 ? 50 : 100);
    const chip = graded(name, rightOf, d);
    const settings = { ...engineSettingsOf(space, 200, undefined, 32), kernelCheckImages: 100 };
    expect(settings.smallerCrossbars).toBe('paired');
    expect(settings.smallerCrossbarTarget).toBe(32);
    const e = new SearchEngine(plan, tinyData(), settings, { now }, quiet());
    const r = await e.checkSmallerCrossbars(arch, table, chip, 1e-3, Infinity);
    e.dispose();
    // The 128×128 unit first, against 32×32 directly: 0 right against every image right.
    const first = r.checks[0]!;
    expect(first.layers).toEqual([name]);
    expect(first.alternativeCrossbar).toBe(32);
    const nonZero = [...d.valLabels.subarray(100, 200)].filter((l) => l !== 0).length;
    expect(first.deltaAccuracy).toBeCloseTo(-nonZero / 100, 12);
    expect(first.kept).toBe(false);
    // Round 1: every unit on 64×64 is also compared with 32×32; later rounds go one size down (32 → 16).
    const round1 = r.checks.filter((c) => c.alternativeCrossbar === 32);
    expect(new Set(round1.flatMap((c) => c.layers)).size).toBe(plan.layers.length);
    expect(r.checks.slice(round1.length).every((c) => c.alternativeCrossbar === 16)).toBe(true);
    // The unit never stops on 64×64; with one size at a time it needs a test there first.
    expect(r.checks.filter((c) => c.layers.includes(name)).map((c) => c.alternativeCrossbar)).toEqual([32, 16]);
    expect(crossbarOf(r.choice, i0)).toBeLessThanOrEqual(32);
    const e2 = engineWith(plan, { kernelCheckImages: 100 });
    const step = await e2.checkSmallerCrossbars(arch, table, chip, 1e-3, Infinity);
    e2.dispose();
    expect(step.checks.filter((c) => c.layers.includes(name)).map((c) => c.alternativeCrossbar).slice(0, 2)).toEqual([64, 32]);
    // A unit the jump keeps is tried on the size between: here 32×32 is worse than 128×128 (the jump stays) but
    // 64×64 better than both (it moves there, and 64 → 32 then stays).
    const peaked = graded(name, (rows) => (rows >= 128 ? 50 : rows === 64 ? 100 : 0), d);
    const e3 = new SearchEngine(plan, tinyData(), settings, { now }, quiet());
    const between = await e3.checkSmallerCrossbars(arch, table, peaked, 1e-3, Infinity);
    e3.dispose();
    const mine = between.checks.filter((c) => c.layers.includes(name));
    expect(mine.map((c) => [c.alternativeCrossbar, c.kept])).toEqual([[32, true], [64, false], [32, true]]);
    const half = [...d.valLabels.subarray(100, 150)].filter((l) => l !== 0).length;
    expect(mine[1]!.deltaAccuracy).toBeCloseTo((half - nonZero) / 100, 12);
    expect(crossbarOf(between.choice, i0)).toBe(64);
    // After a kept jump the unit stays on one size at a time: toward 16×16 every unit is above the target, so
    // first all together against 16×16 (stays), then 128 → 16 alone stays, 128 → 64 and 64 → 32 move (a rule that
    // jumped again from 64×64 would test 64 → 16 next), 32 → 16 stays.
    const sloped = graded(name, (rows) => (rows >= 128 ? 50 : rows === 64 ? 80 : rows === 32 ? 100 : 0), d);
    const e4 = new SearchEngine(plan, tinyData(), { ...settings, smallerCrossbarTarget: 16 }, { now }, quiet());
    const steps = await e4.checkSmallerCrossbars(arch, table, sloped, 1e-3, Infinity);
    e4.dispose();
    expect(steps.checks.filter((c) => c.layers.includes(name)).map((c) => [c.alternativeCrossbar, c.kept])).toEqual([[16, true], [16, true], [64, false], [32, false], [16, true]]);
    expect(steps.checks[0]!.layers).toHaveLength(plan.layers.length);
    expect(crossbarOf(steps.choice, i0)).toBe(32);
  });

  test('toReference with two units above the target: first both against it in one test, then each; a unit the union moved is not tested again against the target', async () => {
    const space = parseSearchSpace({ kernels: [3, 5], smallerCrossbars: 'toReference', selectionReference: 'homogeneous' }, 'f', 'search');
    const table = buildHardwareTable(plan, lookup, space);
    const settings = { ...engineSettingsOf(space, 200, undefined, 32), kernelCheckImages: 100 };
    const crossbarOf = (a: readonly number[], i: number) => (plan.layers[i]!.ops[a[i]!] as { crossbar: number }).crossbar;
    const on128 = (i: number) => plan.layers[i]!.ops.findIndex((op) => op.kind === 'path' && op.kernel === plan.layers[i]!.committedKernel && op.crossbar === 128);
    const costOf = (i: number, j: number) => `${table.ops[i]!.energyJ[j]},${table.ops[i]!.delayS[j]},${table.ops[i]!.areaMm2[j]}`;
    // Two layers whose 128×128 ops cost differently: two units.
    const i0 = 0;
    const i1 = plan.layers.findIndex((_, i) => i !== i0 && costOf(i, on128(i)) !== costOf(i0, on128(i0)));
    expect(i1).toBeGreaterThan(0);
    const arch = [...committedChoice(plan)];
    arch[i0] = on128(i0);
    arch[i1] = on128(i1);
    const names = [i0, i1].map((i) => plan.layers[i]!.name);
    const d = tinyData();
    const run = async (chip: NonIdealFn) => {
      const e = new SearchEngine(plan, tinyData(), settings, { now }, quiet());
      try {
        return await e.checkSmallerCrossbars(arch, table, chip, 1e-3, Infinity);
      } finally {
        e.dispose();
      }
    };
    // 128×128 loses every image on layer i0: the union moves both to 32×32 at once; neither is tested alone
    // against 32×32 after it, and each goes on from there (32 → 16).
    const moved = await run(graded(names[0]!, (rows) => (rows >= 128 ? 0 : 100), d));
    expect(moved.checks[0]).toMatchObject({ layers: names, alternativeCrossbar: 32, kept: false });
    const nonZero = [...d.valLabels.subarray(100, 200)].filter((l) => l !== 0).length;
    expect(moved.checks[0]!.deltaAccuracy).toBeCloseTo(-nonZero / 100, 12);
    const later = moved.checks.slice(1).filter((c) => c.layers.some((n) => names.includes(n)));
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((c) => c.alternativeCrossbar === 16)).toBe(true);
    for (const i of [i0, i1]) expect(crossbarOf(moved.choice, i)).toBeLessThanOrEqual(32);
    // 32×32 worse than 128×128 on layer i0: the union stays, then each unit is tested alone against 32×32
    // (i0 stays; i1, which decides nothing, moves where the hardware says), and i0 goes on to 64×64.
    const stays = await run(graded(names[0]!, (rows) => (rows >= 128 ? 50 : rows === 64 ? 100 : 0), d));
    expect(stays.checks[0]).toMatchObject({ layers: names, alternativeCrossbar: 32, kept: true });
    expect(stays.checks.filter((c) => c.layers.length === 1 && names.includes(c.layers[0]!) && c.alternativeCrossbar === 32).map((c) => c.layers[0])).toEqual(
      expect.arrayContaining(names));
    expect(stays.checks.filter((c) => c.layers.includes(names[0]!)).map((c) => [c.alternativeCrossbar, c.kept]).slice(0, 3)).toEqual([[32, true], [32, true], [64, false]]);
    expect(crossbarOf(stays.choice, i0)).toBe(64);
  });

  test('toReference where the size a jump skipped costs less than the target (64×64 under pumaAdc delay and always-on leakage): a unit a jump moved tries it next, the larger saving first, once; one that stays goes on down; where it costs more none does, and the union\'s units go down among the rest', async () => {
    const space = parseSearchSpace({ kernels: [3, 5], smallerCrossbars: 'toReference', selectionReference: 'homogeneous' }, 'f', 'search');
    const table = buildHardwareTable(plan, lookup, space);
    const settings = { ...engineSettingsOf(space, 200, undefined, 32), kernelCheckImages: 100 };
    const crossbarOf = (a: readonly number[], i: number) => {
      const op = plan.layers[i]!.ops[a[i]!]!;
      return op.kind === 'path' ? op.crossbar : 0;
    };
    const on128 = (i: number) => plan.layers[i]!.ops.findIndex((op) => op.kind === 'path' && op.kernel === plan.layers[i]!.committedKernel && op.crossbar === 128);
    const costOf = (i: number, j: number) => `${table.ops[i]!.energyJ[j]},${table.ops[i]!.delayS[j]},${table.ops[i]!.areaMm2[j]}`;
    const i0 = 0;
    const i1 = plan.layers.findIndex((_, i) => i !== i0 && costOf(i, on128(i)) !== costOf(i0, on128(i0)));
    const both = [...committedChoice(plan)];
    both[i0] = on128(i0);
    both[i1] = on128(i1);
    const names = [i0, i1].map((i) => plan.layers[i]!.name);
    // A price in which each size down costs more: 128×128 cheapest, then 64×64, 32×32, 16×16; a size step of i1
    // twice one of any other layer.
    const rank = new Map([[128, 0], [64, 1], [32, 2], [16, 3]]);
    const priceOf = (a: readonly number[]) => a.reduce((sum, _, i) => sum + (i === i1 ? 2 : 1) * (rank.get(crossbarOf(a, i)) ?? 0), 0);
    const d = tinyData();
    const run = async (arch: readonly number[], chip: NonIdealFn, price?: (a: readonly number[]) => number) => {
      const e = new SearchEngine(plan, tinyData(), settings, { now }, quiet());
      try {
        return await e.checkSmallerCrossbars(arch, table, chip, 1e-3, Infinity, price ? { priceOf: price } : {});
      } finally {
        e.dispose();
      }
    };
    const mine = (r: RuleResult) => r.checks.filter((c) => c.layers.some((n) => names.includes(n))).map((c) => [c.layers, c.alternativeCrossbar, c.kept]);
    // 128×128 loses every image on i0, 64×64 none: the union moves both to 32×32, then each unit moves back to
    // 64×64 before any other test, i1 (the larger saving) first; neither is tested again.
    const flat = await run(both, graded(names[0]!, (rows) => (rows >= 128 ? 0 : 100), d), priceOf);
    expect(mine(flat)).toEqual([[names, 32, false], [[names[1]], 64, false], [[names[0]], 64, false]]);
    expect(flat.checks.slice(1, 3).map((c) => c.layers)).toEqual([[names[1]], [names[0]]]);
    expect(flat.checks[1]!.deltaCe).toBe(0);
    expect(flat.checks[1]!.deltaObjective).toBeCloseTo(2e-3, 15); // its price step at λ = 1e-3
    expect(flat.checks[2]!.deltaObjective).toBeCloseTo(1e-3, 15);
    for (const i of [i0, i1]) expect(crossbarOf(flat.choice, i)).toBe(64);
    // 64×64 loses half the images on i0: its unit stays on 32×32 and goes on one size down (16×16 gets every
    // image right but costs more: it stays); i1, which decides nothing, moves to 64×64.
    const peaked = await run(both, graded(names[0]!, (rows) => (rows >= 128 ? 0 : rows === 64 ? 50 : 100), d), priceOf);
    expect(mine(peaked)).toEqual([[names, 32, false], [[names[1]], 64, false], [[names[0]], 64, true], [[names[0]], 16, true]]);
    const half = [...d.valLabels.subarray(150, 200)].filter((l) => l !== 0).length;
    expect(peaked.checks[2]!.deltaAccuracy).toBeCloseTo(half / 100, 12);
    expect([crossbarOf(peaked.choice, i0), crossbarOf(peaked.choice, i1)]).toEqual([32, 64]);
    // One jump unit alone (no union): the same, in the round after its jump.
    const one = [...committedChoice(plan)];
    one[i0] = on128(i0);
    const single = await run(one, graded(names[0]!, (rows) => (rows >= 128 ? 0 : 100), d), priceOf);
    expect(single.checks.filter((c) => c.layers.includes(names[0]!)).map((c) => [c.alternativeCrossbar, c.kept])).toEqual([[32, false], [64, false]]);
    expect(crossbarOf(single.choice, i0)).toBe(64);
    // Where 64×64 costs more than 32×32 (the fixture's cost table, relaxed or whole-tile) no unit goes back up. The
    // union is a round of its own; then every other unit against 32×32, each once; then one size down, the union's
    // units among the rest (not ahead of them), in the rule's order: cheapest first, priced where that round starts.
    const onSize = (i: number, j: number, size: number) => plan.layers[i]!.ops.findIndex((op) => {
      const at = plan.layers[i]!.ops[j]!;
      return op.kind === 'path' && at.kind === 'path' && op.kernel === at.kernel && op.crossbar === size;
    });
    for (const price of [(a: readonly number[]) => hardwareOfChoice(plan, table, a), exactHardwarePrice(plan, lookup, table)]) {
      const r = await run(both, graded(names[0]!, (rows) => (rows >= 128 ? 0 : 100), d), price);
      expect(r.checks.some((c) => c.alternativeCrossbar === 64)).toBe(false);
      expect(r.checks[0]).toMatchObject({ layers: names, alternativeCrossbar: 32, kept: false });
      const k = r.checks.findIndex((c) => c.alternativeCrossbar === 16);
      const others = r.checks.slice(1, k).flatMap((c) => c.layers);
      expect(r.checks.slice(1, k).every((c) => c.alternativeCrossbar === 32)).toBe(true);
      expect(new Set(others).size).toBe(others.length);
      expect(others.length).toBe(plan.layers.length - 2);
      // The state where the round one size down starts, replayed from the checks' outcomes.
      const state = [...both];
      const layerOf = (n: string) => plan.layers.findIndex((l) => l.name === n);
      for (const c of r.checks.slice(0, k)) {
        if (!c.kept) for (const n of c.layers) state[layerOf(n)] = onSize(layerOf(n), state[layerOf(n)]!, c.alternativeCrossbar!);
      }
      const down = r.checks.slice(k);
      const rise = down.map((c) => {
        const moved = [...state];
        for (const n of c.layers) moved[layerOf(n)] = onSize(layerOf(n), state[layerOf(n)]!, 16);
        return price(moved) - price(state);
      });
      for (let j = 1; j < rise.length; j++) expect(rise[j]!).toBeGreaterThanOrEqual(rise[j - 1]! - 1e-12);
      expect(down.flatMap((c) => c.layers)).toEqual(expect.arrayContaining(names));
    }
  });

  test('smaller-crossbar rule on the clock and the cache: an architecture is simulated once per λ, weights and simulator; a tie keeps the op; skipped blocks and untested units stand', async () => {
    const space = parseSearchSpace({ kernels: [3, 5] }, 'f', 'search');
    const table = buildHardwareTable(plan, lookup, space);
    const arch = committedChoice(plan);
    let t = 1000;
    let forwards = 0;
    // Every chip forward takes 1 s on the stand-in clock: a check forward (2 chips) 2 s.
    const timed = (f: NonIdealFn): NonIdealFn => (o) => {
      t += 1;
      forwards += 1;
      return f(o);
    };
    const ideal: NonIdealFn = timed((o) => idealLogits(o.graph, o.images, o.n));
    const e = new SearchEngine(plan, tinyData(), { ...engineSettingsOf(parseSearchSpace({ archBatch: 64 }, 'f', 'search'), 200), kernelCheckImages: 100 }, { now: () => t }, quiet());
    e.useCheckImages(100, 0.01); // estimated 2 s per check forward
    // Base and one unit fit (4 s), the second unit's test does not.
    const first = await e.checkSmallerCrossbars(arch, table, ideal, 0, t + 5);
    expect(first.checks).toHaveLength(1);
    expect(forwards).toBe(4);
    // λ = 0 on an ideal chip: the crossbar changes nothing, Δobjective is exactly 0, and the op stays (the
    // costlier-op rule's fallback would win the tie; here the alternative is not known to be worth anything).
    expect(first.checks[0]!.deltaObjective === 0).toBe(true);
    expect(first.checks[0]!.kept).toBe(true);
    expect(first.choice).toEqual(arch); // the untested units stand
    // Again, same λ, weights and simulator: the base and the first unit are known, so 2.5 s hold two tests' worth
    // of checks, of which only the second unit's costs a forward.
    const again = await e.checkSmallerCrossbars(arch, table, ideal, 0, t + 2.5);
    expect(again.checks.slice(0, 1)).toEqual(first.checks);
    expect(again.checks).toHaveLength(2);
    expect(forwards).toBe(6);
    // Another λ, a restore of the weights, or another simulator: measured again.
    for (const change of ['lambda', 'restore', 'simulator'] as const) {
      const before = forwards;
      if (change === 'restore') e.net.restore(e.net.snapshot(), 3e-5);
      const chip = change === 'simulator' ? timed((o) => idealLogits(o.graph, o.images, o.n)) : ideal;
      await e.checkSmallerCrossbars(arch, table, chip, change === 'lambda' ? 1e-9 : 0, t + 4.5);
      expect(forwards - before).toBe(4);
    }
    e.dispose();
    // A skipped block is not tested.
    const skipOp = (l: SearchPlan['layers'][number]) => l.ops.findIndex((o) => o.kind === 'zero');
    const zi = zeroPlan.layers.findIndex((l) => skipOp(l) >= 0);
    const za = committedChoice(zeroPlan);
    za[zi] = skipOp(zeroPlan.layers[zi]!);
    const skipped = [...kernelsOfNames(zeroPlan, za)];
    expect(skipped.length).toBeGreaterThan(0);
    const zt = buildHardwareTable(zeroPlan, lookup, space);
    const ez = engineWith(zeroPlan, { kernelCheckImages: 100 });
    const z = await ez.checkSmallerCrossbars(za, zt, (o) => idealLogits(o.graph, o.images, o.n), 1e-3, Infinity);
    ez.dispose();
    expect(z.checks.length).toBeGreaterThan(0);
    for (const name of skipped) expect(z.checks.flatMap((c) => c.layers)).not.toContain(name);
    for (const i of zeroPlan.layers.keys()) if (skipped.includes(zeroPlan.layers[i]!.name)) expect(z.choice[i]).toBe(za[i]);
  });

  test('the rules share their chips and measured outcomes: after a λ\'s argmax every check forward is a new architecture, and the smaller-crossbar rule has its tests\' time kept', async () => {
    const space = parseSearchSpace({ kernels: [3, 5] }, 'f', 'search');
    const table = buildHardwareTable(plan, lookup, space);
    const co = costOnlyOptimum(lookup, plan).choice;
    const d = tinyData();
    const seen = new Map<string, Set<number>>();
    let forwards = 0;
    const chip: NonIdealFn = (o) => {
      if (o.n === 100) {
        forwards += 1;
        const key = [...o.mappings.entries()].map(([k, m]) => `${k}:${m.rows}`).join(',') + matrixNodes(o.graph).map((m) => m.shape.kind === 'conv2d' ? m.shape.kernelH : 0).join('');
        const s = seen.get(key) ?? new Set<number>();
        expect(s.has(o.seed)).toBe(false); // no architecture is measured twice on a chip
        s.add(o.seed);
        seen.set(key, s);
      }
      return rightAtOrBelow(plan.layers[0]!.name, 32, d)(o);
    };
    const prior = plan.layers.map((l, i) => {
      const a = new Float64Array(l.ops.length);
      a[committedChoice(plan)[i]!] = 20;
      return a;
    });
    const e = engineWith(plan, { kernelCheckImages: 100, costOnly: co, prior, smallerCrossbars: 'paired' });
    expect(e.reservedForwards).toBe(2 + 2 + SMALLER_CROSSBAR_TESTS); // both groups (5×5 ops exist, a cost-only optimum is given) and the smaller rule's first tests
    const r = await e.searchLambda({ lambda: 1e-3, table, nonIdeal: chip, search: { deadlineS: Infinity, maxSteps: 0 }, fineTune: { deadlineS: Infinity, maxSteps: 0 } });
    e.dispose();
    const rules = r.pairedChecks.map((c) => c.rule);
    expect(rules).toContain('costlierOps');
    expect(rules).toContain('smallerCrossbars');
    // Every architecture measured is measured on both chips, once; at most the argmax and one alternative per comparison.
    expect(forwards).toBe(2 * seen.size);
    expect(seen.size).toBeLessThanOrEqual(1 + r.pairedChecks.length);
    expect(seen.size).toBeGreaterThan(2);
    // The same chip seeds for every rule.
    expect(new Set([...seen.values()].flatMap((s) => [...s])).size).toBe(2);
  });

  test('searchLambda prices the costlier-op and smaller-crossbar moves, and reports its choice, at the price it is given (nax search: the exact cost model), not the relaxed term', async () => {
    const space = parseSearchSpace({ kernels: [3, 5] }, 'f', 'search');
    const table = buildHardwareTable(plan, lookup, space);
    const co = costOnlyOptimum(lookup, plan).choice;
    const chip = rightAtOrBelow(plan.layers[0]!.name, 32, tinyData());
    const prior = plan.layers.map((l, i) => {
      const a = new Float64Array(l.ops.length);
      a[committedChoice(plan)[i]!] = 20;
      return a;
    });
    const priced: string[] = [];
    const flat = (a: readonly number[]) => {
      priced.push(a.join(','));
      return 0.5;
    };
    const e = engineWith(plan, { kernelCheckImages: 100, costOnly: co, prior, smallerCrossbars: 'paired' });
    const r = await e.searchLambda({ lambda: 1e-3, table, priceOf: flat, nonIdeal: chip, search: { deadlineS: Infinity, maxSteps: 0 }, fineTune: { deadlineS: Infinity, maxSteps: 0 } });
    e.dispose();
    const priceChecks = r.pairedChecks.filter((c) => c.rule !== 'largerKernels');
    expect(new Set(priceChecks.map((c) => c.rule))).toEqual(new Set(['costlierOps', 'smallerCrossbars']));
    // A flat price: no move changes the hardware side, so CE alone decides (the relaxed term differs between any two of these).
    for (const c of priceChecks) {
      expect(c.deltaHardware).toBe(0);
      expect(c.deltaObjective).toBe(c.deltaCe);
    }
    expect(priced.length).toBeGreaterThan(0);
    // The result reports its choice at the same price (the "(hw …)" after "chose", pareto.json lambdas[].hardware).
    expect(r.hardware).toBe(0.5);
    expect(hardwareOfChoice(plan, table, r.choice)).not.toBe(0.5);
  });

  test('the checks run on the held-out end of the architecture-step split, which no architecture step draws', async () => {
    const d = tinyData();
    const per = H * H;
    const key = (img: Float32Array) => Array.from(img, (v) => v.toFixed(6)).join(',');
    const heldOut = new Set(Array.from({ length: 100 }, (_, k) => key(d.valImages.subarray((100 + k) * per, (101 + k) * per))));
    expect(heldOut.size).toBe(100);
    const calls: Array<{ n: number; inHeldOut: number }> = [];
    const spy: NonIdealFn = (o) => {
      let inHeldOut = 0;
      for (let k = 0; k < o.n; k++) if (heldOut.has(key(o.images.subarray(k * per, (k + 1) * per)))) inHeldOut += 1;
      calls.push({ n: o.n, inHeldOut });
      return standInNonIdeal(o);
    };
    const space = parseSearchSpace({ kernels: [3, 5] }, 'f', 'search');
    const table = buildHardwareTable(plan, lookup, space);
    const co = costOnlyOptimum(lookup, plan).choice;
    // Eight architecture steps of 64 images: more than the 100 images left to them, so they cycle through those.
    const e = engineWith(plan, { kernelCheckImages: 100, archEvery: 1, costOnly: co, prior: plan.layers.map((l, i) => {
      const a = new Float64Array(l.ops.length);
      a[committedChoice(plan)[i]!] = 20; // the committed argmax, which differs from the cost-only optimum
      return a;
    }) });
    expect(e.heldOutImages).toBe(100);
    expect(e.checkImageCount).toBe(100);
    const r = await e.searchLambda({ lambda: 1, table, nonIdeal: spy, search: { deadlineS: Infinity, maxSteps: 8 }, fineTune: { deadlineS: Infinity, maxSteps: 0 } });
    e.dispose();
    expect(r.archSteps).toBe(8);
    const checks = calls.filter((c) => c.inHeldOut > 0);
    expect(checks.length).toBeGreaterThanOrEqual(2 * 2); // a group comparison: two architectures × two chips
    checks.forEach((c) => expect(c).toEqual({ n: 100, inHeldOut: 100 }));
    expect(calls.length - checks.length).toBe(8 * 2); // every architecture step: two samples, none on a held-out image
    expect(r.pairedChecks.length).toBeGreaterThan(0);
    r.pairedChecks.forEach((c) => expect(c.images).toBe(100));
  });

  test('paired interval: mean and 1.96·s/√n of the differences', () => {
    const { mean, half } = meanInterval([1, 0, 0, 1]);
    expect(mean).toBe(0.5);
    expect(half).toBeCloseTo(1.96 * Math.sqrt(1 / 3) / 2, 12);
  });
});

describe('nax.yml search switches', () => {
  test('defaults and parsed values; bad values name the field', () => {
    const d = parseSearchSpace(undefined, 'f', 'search');
    expect([d.gradient, d.commonRandomNumbers, d.hardwareLoss, d.tileArea, d.largerKernels, d.costlierOps, d.smallerCrossbars]).toEqual(['reinforce', true, 'product', 'gradient', 'paired', 'paired', 'paired']);
    expect(d.weightLr).toBe(3e-5);
    expect(parseSearchSpace({ costlierOps: 'keep' }, 'f', 'search').costlierOps).toBe('keep');
    expect(parseSearchSpace({ smallerCrossbars: 'keep' }, 'f', 'search').smallerCrossbars).toBe('keep');
    const s = parseSearchSpace({ gradient: 'binaryGate', hardwareLoss: 'additive', additiveWeights: { latency: 3 }, warmStart: { costOnly: 0 } }, 'f', 'search');
    expect(s.additiveWeights).toEqual({ energy: 1, latency: 3, area: 1 });
    expect(s.warmStart).toEqual({ committed: 1, costOnly: 0 });
    const err = (v: object) => userError(() => parseSearchSpace(v, 'nax.yml', 'search')).format();
    expect(err({ gradient: 'gumbel' })).toMatch(/^nax.yml: search.gradient: /);
    expect(err({ additiveWeights: { energy: 0, latency: 0, area: 0 } })).toMatch(/^nax.yml: search.additiveWeights: at least one/);
    expect(err({ warmStart: { committed: 50 } })).toMatch(/^nax.yml: search.warmStart.committed: /);
    expect(err({ costlierOps: 'always' })).toMatch(/^nax.yml: search.costlierOps: /);
    expect(err({ smallerCrossbars: 'always' })).toMatch(/^nax.yml: search.smallerCrossbars: /);
    expect(parseSearchSpace({ smallerCrossbars: 'toReference', selectionReference: 'homogeneous' }, 'f', 'search').smallerCrossbars).toBe('toReference');
    expect(err({ smallerCrossbars: 'toReference' })).toBe('nax.yml: search.smallerCrossbars: toReference needs a selection reference (set search.selectionReference: homogeneous, or search.smallerCrossbars: paired)');
    expect(err({ kernelCheckImages: 0 })).toMatch(/^nax.yml: search.kernelCheckImages: /);
  });
});
