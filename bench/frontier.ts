/**
 * `npm run bench:frontier` (issue 12): how much accuracy the simulator lets a mapping buy back from the cost-only
 * optimum within an EDAP budget, with no search — an estimate of what any search could reach under a cost-model
 * setting. The weights are the committed model's (no fine-tuning), every layer keeps its committed kernel, and
 * only crossbar sizes move.
 *
 * From the cost-only optimum (multi-start coordinate descent on the exact cost model, as `nax search` finds it),
 * every single-layer crossbar move that keeps the network within the budget is simulated (non-ideal accuracy on
 * the validation split: --select-images × --select-chips, inputs calibrated on those images as the search's checks
 * do). The budget is EDAP ≤ --budget × the lowest-EDAP homogeneous mapping's (default 0.83: the issue's −17 %).
 * The moves that gained are then added, best gain per EDAP first, while the network stays within the budget, and
 * each cumulative mapping is measured. Last, the cost-only optimum, the most accurate cumulative mapping, the last
 * one and every homogeneous mapping are simulated once more on the evaluation set (--eval-images × --chips, the
 * same images and chips), with paired 95 % intervals against the cost-only optimum: whether a mapping inside the
 * budget is more accurate than it.
 *
 * Greedy and noisy, so it bounds what is reachable from below; the most accurate cumulative mapping is the best of
 * several estimates on the selection images, which flatters it there — the evaluation-set column does not.
 * Options: --budget 0.83, --select-images 200, --select-chips 2, --eval-images 300, --chips 4, and the cost-model
 * switches of the CLI (--delay-model pumaAdc, --leakage alwaysOn, …). Run `npm run build` first: the chip forwards run on
 * worker threads started from dist/cli/index.js.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { arg, costModelArgs } from './args.js';
import { parseSearchSpace } from '../src/config/search-space.js';
import { createCostLookup } from '../src/cost/lut.js';
import { costOptionsOf } from '../src/cost/options.js';
import { dirSource } from '../src/io/files.js';
import type { NaxReport } from '../src/report.js';
import { initBackend } from '../src/runtime/tfjs.js';
import { workerSampleRunner } from '../src/runtime/workers.js';
import { loadSearchInputs, simulatorEvaluator } from '../src/search-project.js';
import { costOnlyOptimum, networkCost } from '../src/search/cost-descent.js';
import { deriveMappings, homogeneousMappings } from '../src/search/derive.js';
import { type EvalImages, candidateFromReport } from '../src/search/evaluate.js';
import { compareCandidates } from '../src/search/protocol.js';
import { resolveSearchPlan } from '../src/search/plan.js';
import { simulatorNonIdeal } from '../src/search/run.js';
import { top1Correct } from '../src/search/forward.js';
import { deriveSeed } from '../src/xbar/rng.js';
import { type LayerMapping, withCrossbarSize } from '../src/config/mapping.js';

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const signed = (x: number, d = 1) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(d)}`;

async function main(): Promise<void> {
  const positive = (name: string, fallback: number, integer: boolean) => {
    const v = Number(arg(name) ?? fallback);
    if (!Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v))) throw new Error(`--${name}: expected a positive ${integer ? 'integer' : 'number'}, found ${arg(name)}`);
    return v;
  };
  const budget = positive('budget', 0.83, false);
  const selectImages = positive('select-images', 200, true);
  const selectChips = positive('select-chips', 2, true);
  const evalImages = positive('eval-images', 300, true);
  const chips = positive('chips', 4, true);
  const costModel = costModelArgs();
  await initBackend('wasm');
  const runner = workerSampleRunner({ entry: new URL('../dist/cli/index.js', import.meta.url), workers: Math.min(2, availableParallelism()) });
  const t0 = performance.now();
  const log = (l: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(5)} s] ${l}`);
  try {
    // The search's space and splits as bench:search sets them, so the cost-only optimum is the one it compares with.
    const space = parseSearchSpace({
      trainSet: { images: 'data/train-images.npy.gz', labels: 'data/train-labels.npy.gz', scale: 1 / 255 },
      validationSet: { images: 'data/val-images.npy.gz', labels: 'data/val-labels.npy', scale: 1 / 255 },
      validationImages: 1000, kernels: [3, 5], objective: 'edap', evaluationImages: evalImages, evaluationChips: chips,
    }, 'nax.yml', 'search');
    const inp = await loadSearchInputs(dirSource('fixtures'), 'nax.yml', space, costModel);
    if (!inp.validation) throw new Error('the fixture has no validation split');
    const lookup = createCostLookup(inp.technology.components, costOptionsOf(inp.technology));
    const plan = resolveSearchPlan({ graph: inp.graph, committed: inp.committed, space, file: 'nax.yml' });
    const costOnly = costOnlyOptimum(lookup, plan, { objective: 'edap', seed: space.seed });
    plan.layers.forEach((l, i) => {
      const op = l.ops[costOnly.choice[i]!]!;
      if (op.kind !== 'path' || op.kernel !== l.committedKernel) throw new Error(`the cost-only optimum changes ${l.name}'s kernel: the committed weights do not serve it`);
    });
    const start = deriveMappings(plan, costOnly.choice);
    const edapOf = (m: ReadonlyMap<string, LayerMapping>) => networkCost(lookup, inp.graph, m).edap;
    const homogeneous = space.crossbars.map((n) => ({ n, mappings: homogeneousMappings(inp.committed, n) }));
    const cheapest = homogeneous.reduce((a, b) => (edapOf(b.mappings) < edapOf(a.mappings) ? b : a));
    const limit = budget * edapOf(cheapest.mappings);
    const startTotals = networkCost(lookup, inp.graph, start);
    log(`cost model ${JSON.stringify(inp.technology.costModel)}; lowest-EDAP homogeneous ${cheapest.n}×${cheapest.n}; budget EDAP ≤ ${budget} × that = ${limit.toExponential(3)}; ` +
      `cost-only optimum ${signed(100 * (edapOf(start) / edapOf(cheapest.mappings) - 1))} % against it, ${startTotals.tiles} tiles, ${startTotals.mvmus} MVMUs, ` +
      `${signed(100 * (limit / startTotals.edap - 1))} % EDAP left to the budget`);

    const per = inp.validation.shape[0] * inp.validation.shape[1] * inp.validation.shape[2];
    const k = Math.min(selectImages, inp.validation.n);
    const selection: EvalImages = { ...inp.validation, images: inp.validation.images.subarray(0, k * per), labels: inp.validation.labels.subarray(0, k), n: k };
    const evaluate = simulatorEvaluator(inp, { runner });
    // The single moves and cumulative mappings use the search's own chip forward (as its checks do): non-ideal only, chips side by side.
    const forward = simulatorNonIdeal(inp, runner.logits);
    const seeds = Array.from({ length: selectChips }, (_, c) => deriveSeed(space.seed, 'frontier', c));
    const accuracyOn = async (m: ReadonlyMap<string, LayerMapping>) => {
      const outs = await Promise.all(seeds.map((seed) => forward({ graph: inp.graph, mappings: m, images: selection.images, n: k, seed })));
      return outs.reduce((a, o) => a + top1Correct(o, selection.labels, k).reduce((x, y) => x + y, 0), 0) / (k * seeds.length);
    };
    const describe = (m: ReadonlyMap<string, LayerMapping>) => plan.layers.filter((l) => m.get(l.name)!.rows !== start.get(l.name)!.rows)
      .map((l) => `${l.name} ${start.get(l.name)!.rows}→${m.get(l.name)!.rows}`).join(', ') || 'none';

    // 1. Every single-layer crossbar move from the cost-only optimum that keeps the network within the budget.
    const acc0 = await accuracyOn(start);
    const edap0 = edapOf(start);
    log(`cost-only optimum: selection ${pct(acc0)}`);
    const moves: Array<{ name: string; to: number; gainPerCost: number }> = [];
    for (const l of plan.layers) {
      for (const n of space.crossbars) {
        if (n === start.get(l.name)!.rows) continue;
        const m = new Map(start);
        m.set(l.name, withCrossbarSize(inp.committed.get(l.name)!, n));
        const cost = edapOf(m) / edap0 - 1;
        if (edapOf(m) > limit) {
          log(`  ${l.name} ${start.get(l.name)!.rows}→${n}: outside the budget, EDAP ${signed(100 * cost)} % vs cost-only, ${networkCost(lookup, inp.graph, m).tiles} tiles`);
          continue;
        }
        const acc = await accuracyOn(m);
        log(`  ${l.name} ${start.get(l.name)!.rows}→${n}: selection ${pct(acc)} (${signed(100 * (acc - acc0), 2)} pp), EDAP ${signed(100 * cost)} % vs cost-only`);
        if (acc > acc0) moves.push({ name: l.name, to: n, gainPerCost: cost > 0 ? (acc - acc0) / cost : Infinity });
      }
    }
    // 2. The moves that gained, best gain per EDAP first (one per layer), added while the network stays within the
    // budget; each cumulative mapping measured (gains do not add: the layers share the chip's noise and the tiles).
    moves.sort((x, y) => y.gainPerCost - x.gainPerCost);
    const steps: Array<{ label: string; mappings: Map<string, LayerMapping>; selection: number }> = [{ label: 'cost-only optimum', mappings: start, selection: acc0 }];
    let current = start;
    const moved = new Set<string>();
    for (const mv of moves) {
      if (moved.has(mv.name)) continue;
      const m = new Map(current);
      m.set(mv.name, withCrossbarSize(inp.committed.get(mv.name)!, mv.to));
      if (edapOf(m) > limit) continue;
      moved.add(mv.name);
      current = m;
      const acc = await accuracyOn(m);
      steps.push({ label: `+ ${describe(m)}`, mappings: m, selection: acc });
      log(`cumulative ${steps.length - 1}: ${describe(m)}: selection ${pct(acc)}, EDAP ${signed(100 * (edapOf(m) / edap0 - 1))} % vs cost-only`);
    }
    // Ties keep the earlier (cheaper) mapping.
    const bestStep = steps.reduce((a, b) => (b.selection > a.selection ? b : a));
    const shown = [...new Set([steps[0]!, bestStep, steps[steps.length - 1]!])];

    // Every mapping once on the evaluation set, paired against the cost-only optimum.
    const final: Array<{ label: string; report: NaxReport; selection?: number }> = [];
    for (const s of shown) final.push({ label: s.label, report: await evaluate({ graph: inp.graph, mappings: s.mappings, label: s.label, samples: chips }), selection: s.selection });
    for (const h of homogeneous) final.push({ label: `homogeneous ${h.n}×${h.n}`, report: await evaluate({ graph: inp.graph, mappings: h.mappings, label: `${h.n}`, samples: chips }) });
    const asCandidate = (f: (typeof final)[number], i: number) => candidateFromReport(f.report, { id: `c${i}`, kind: 'searched', label: f.label });
    const base = { candidate: asCandidate(final[0]!, 0), report: final[0]!.report };
    const cheapestEdap = final.find((f) => f.label === `homogeneous ${cheapest.n}×${cheapest.n}`)!.report.totals.edap;
    console.log(`\n| mapping | selection (${k} × ${selectChips}) | evaluation (${inp.evalSet.n} × ${chips}) | vs cost-only optimum | EDAP vs cost-only | EDAP vs ${cheapest.n}×${cheapest.n} |`);
    console.log('|---|---|---|---|---|---|');
    final.forEach((f, i) => {
      const c = i === 0 ? undefined : compareCandidates({ candidate: asCandidate(f, i), report: f.report }, base, 'edap');
      const vs = c ? `${signed(c.deltaPp, 2)} pp [${signed(c.ciLowPp, 2)}, ${signed(c.ciHighPp, 2)}], ${c.verdict}` : '—';
      console.log(`| ${f.label} | ${f.selection === undefined ? '—' : pct(f.selection)} | ${pct(f.report.accuracy!.nonIdeal.mean)} | ${vs} | ` +
        `${signed(100 * (f.report.totals.edap / base.report.totals.edap - 1))} % | ${signed(100 * (f.report.totals.edap / cheapestEdap - 1))} % |`);
    });
    log('done');
  } finally {
    await runner.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
