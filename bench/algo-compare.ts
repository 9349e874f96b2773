/**
 * `npx tsx bench/algo-compare.ts [--configs before,after] [--warmup 30] [--search 24] [--finetune 30]
 * [--images 200] [--chips 2] [--archBatch 32] [--checkImages 200]`: the search algorithm before and after the algo branch's changes on the fixture,
 * with step caps instead of a wall clock (the machine is shared; steps keep the comparison fair), then
 * EDAP (exact cost model) and non-ideal accuracy (real simulator, the first N evaluation images, the same
 * chips for every candidate) of: the committed model, homogeneous 16/32/64/128, the cost-only optimum, and
 * each configuration's searched candidate. Only the searched candidates were trained (warm-up, search and
 * fine-tune steps); the others keep the committed weights (equal training is the protocol's job, issue 12 §1).
 *   before: REINFORCE, chip and non-ideal subset redrawn per sample, tile area frozen, α from zero, argmax kept;
 *   after:  nax.yml defaults of this branch (common random numbers, tile area in the gradient, warm start,
 *           larger kernels only when they pay); afterBinaryGate: the same with binary gates.
 */
import { performance } from 'node:perf_hooks';
import { parseSearchSpace, type SearchSpace } from '../src/config/search-space.js';
import type { LayerMapping } from '../src/config/mapping.js';
import { createCostLookup } from '../src/cost/lut.js';
import { costOptionsOf } from '../src/cost/options.js';
import { dirSource } from '../src/io/files.js';
import type { NetworkGraph } from '../src/model/graph.js';
import { matrixNodes } from '../src/model/graph.js';
import { initBackend } from '../src/runtime/tfjs.js';
import { choiceCost, costOnlyOptimum, networkCost, warmStartPrior } from '../src/search/cost-descent.js';
import { deriveGraph, deriveMappings, homogeneousMappings } from '../src/search/derive.js';
import { SearchEngine, Ticker, engineSettingsOf, meanInterval } from '../src/search/engine.js';
import { top1Correct } from '../src/search/forward.js';
import { buildHardwareTable, exactHardwarePrice } from '../src/search/hardware.js';
import { committedChoice, describeChoice, resolveSearchPlan } from '../src/search/plan.js';
import { loadSearchInputs } from '../src/search-project.js';
import { recentreKernel } from '../src/search/supernet.js';
import { deriveSeed } from '../src/xbar/rng.js';
import { simulatorNonIdeal } from '../src/search/run.js';

function arg(name: string, d: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : d;
}

async function main(): Promise<void> {
  await initBackend('wasm');
  const configs = arg('configs', 'before,after').split(',');
  const warmup = Number(arg('warmup', '30'));
  const searchSteps = Number(arg('search', '24'));
  const fineTune = Number(arg('finetune', '30'));
  const nImages = Number(arg('images', '200'));
  const chips = Number(arg('chips', '2'));
  const archBatch = Number(arg('archBatch', '32'));
  const checkImages = Number(arg('checkImages', '200'));
  const now = () => performance.now() / 1000;
  const log = (l: string) => process.stderr.write(`[${now().toFixed(0)}] ${l}\n`);
  const inp = await loadSearchInputs(dirSource('fixtures'), 'nax.yml');
  const base = inp.space;
  const plan = resolveSearchPlan({ graph: inp.graph, committed: inp.committed, space: base, file: inp.file });
  const lookup = createCostLookup(inp.technology.components, costOptionsOf(inp.technology));
  const nVal = base.validationImages;
  const per = inp.train.shape[0] * inp.train.shape[1] * inp.train.shape[2];
  const nTrain = inp.train.n - nVal;
  const data = {
    trainImages: inp.train.images.subarray(0, nTrain * per), trainLabels: inp.train.labels.subarray(0, nTrain), nTrain,
    valImages: inp.train.images.subarray(nTrain * per), valLabels: inp.train.labels.subarray(nTrain), nVal,
    shape: inp.train.shape, classes: 10,
  };
  const nonIdeal = simulatorNonIdeal(inp);
  const n = Math.min(nImages, inp.evalSet.n);
  const seeds = Array.from({ length: chips }, (_, c) => deriveSeed(inp.simulation.seed, 'algo-compare', c));
  const evaluate = async (graph: NetworkGraph, mappings: ReadonlyMap<string, LayerMapping>): Promise<Uint8Array[]> =>
    Promise.all(seeds.map(async (seed) => top1Correct(await nonIdeal({ graph, mappings, images: inp.evalSet.images, n, seed }), inp.evalSet.labels, n)));

  const originalWeights = (layer: string, k: number) => {
    const node = matrixNodes(inp.graph).find((m) => m.name === layer)!;
    const s = node.shape;
    return { weights: s.kind === 'conv2d' && k !== s.kernelH ? recentreKernel(node.weights, s.kernelH, k, s.inChannels, s.outChannels) : node.weights, bias: node.bias };
  };
  const rows: Array<{ id: string; edap: number; correct: Uint8Array[]; architecture?: string; note?: string }> = [];
  const add = async (id: string, graph: NetworkGraph, mappings: ReadonlyMap<string, LayerMapping>, edap: number, extra: object = {}) => {
    const t = now();
    rows.push({ id, edap, correct: await evaluate(graph, mappings), ...extra });
    log(`${id}: EDAP ${edap.toExponential(3)}, accuracy ${(mean(rows[rows.length - 1]!.correct) * 100).toFixed(2)} % (${(now() - t).toFixed(0)} s)`);
  };
  const co = costOnlyOptimum(lookup, plan, { objective: 'edap', seed: base.seed });
  log(`cost-only optimum: EDAP ${co.value.toExponential(3)} (committed ${co.committedValue.toExponential(3)}, ${co.evaluations} networks costed): ${describeChoice(plan, co.choice, true)}`);

  const searched: Array<{ id: string; graph: NetworkGraph; mappings: ReadonlyMap<string, LayerMapping>; choice: readonly number[]; info: object }> = [];
  for (const cfg of configs) {
    const space: SearchSpace = cfg === 'before'
      ? { ...base, gradient: 'reinforce', commonRandomNumbers: false, tileArea: 'frozen', warmStart: { committed: 0, costOnly: 0 }, largerKernels: 'keep', costlierOps: 'keep', smallerCrossbars: 'keep' }
      : cfg === 'afterBinaryGate' ? { ...base, gradient: 'binaryGate' } : base;
    const table = buildHardwareTable(plan, lookup, space);
    const warm = cfg === 'before' ? undefined : warmStartPrior(lookup, plan, space);
    const engine = new SearchEngine(plan, data, { ...engineSettingsOf(space, nVal, warm ? { alphas: warm.alphas, costOnly: warm.costOnly.choice } : undefined), archBatch, kernelCheckImages: Math.min(checkImages, nVal) }, { now }, new Ticker({ now }, log, 30));
    const t0 = now();
    engine.warmUp({ deadlineS: Infinity, maxSteps: warmup });
    const r = await engine.searchLambda({
      lambda: base.lambdas[0]!, table, priceOf: exactHardwarePrice(plan, lookup, table), nonIdeal,
      search: { deadlineS: Infinity, maxSteps: searchSteps }, fineTune: { deadlineS: Infinity, maxSteps: fineTune },
    });
    log(`${cfg}: searched in ${(now() - t0).toFixed(0)} s: ${describeChoice(plan, r.choice, true) || 'committed'}`);
    searched.push({
      id: `searched-${cfg}`, graph: r.graph, mappings: r.mappings, choice: r.choice,
      info: { argmax: describeChoice(plan, r.argmax, true), pairedChecks: r.pairedChecks, archSteps: r.archSteps, searchSeconds: now() - t0 },
    });
    engine.dispose();
  }

  await add('committed', inp.graph, inp.committed, networkCost(lookup, inp.graph, inp.committed).edap);
  for (const c of [16, 32, 64, 128]) {
    const m = homogeneousMappings(inp.committed, c);
    await add(`homogeneous-${c}`, inp.graph, m, networkCost(lookup, inp.graph, m).edap);
  }
  const coGraph = deriveGraph(plan, co.choice, originalWeights);
  await add('costOnly', coGraph, deriveMappings(plan, co.choice), co.value, { architecture: describeChoice(plan, co.choice, true) });
  for (const s of searched) await add(s.id, s.graph, s.mappings, choiceCost(lookup, plan, s.choice).edap, { architecture: describeChoice(plan, s.choice, true), ...s.info });

  const out = rows.map((r) => {
    const acc = mean(r.correct);
    const vs = (id: string) => {
      const b = rows.find((x) => x.id === id)!;
      const d = new Float64Array(n);
      for (let c = 0; c < chips; c++) for (let k = 0; k < n; k++) d[k]! += (r.correct[c]![k]! - b.correct[c]![k]!) / chips;
      const { mean: m, half } = meanInterval(d);
      return { deltaAccuracy: m, ci95: [m - half, m + half], deltaEdap: r.edap / b.edap - 1 };
    };
    return { id: r.id, edap: r.edap, accuracy: acc, architecture: r.architecture, vsCostOnly: vs('costOnly'), vsCommitted: vs('committed'), ...(r as object) , correct: undefined };
  });
  process.stdout.write(JSON.stringify({ images: n, chips, warmup, searchSteps, fineTune, committedChoice: committedChoice(plan), rows: out }, null, 2) + '\n');
}

function mean(c: Uint8Array[]): number {
  let s = 0;
  let n = 0;
  for (const a of c) for (const v of a) {
    s += v;
    n++;
  }
  return s / n;
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
