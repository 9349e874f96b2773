/**
 * `nax search`: the bounded NAX re-search of one project under a hard wall-time budget.
 *
 *   1. resolve the search space against the model (every impossible choice fails here, before any work);
 *   2. evaluate the committed model and the homogeneous baselines (every layer on N×N, each N) with the full
 *      simulator and cost model (shard 0 only, when sharded);
 *   3. warm up the supernet, then per λ: search, argmax, fine-tune (engine.ts);
 *   4. per λ: build the tfjs-layers model, save it, load it back through model/load.ts + graphFromModel
 *      (exactly as a user's model is read) and evaluate it into a `nax-report/1`;
 *   5. Pareto front over every evaluated candidate, side-by-side table, best candidate at the folder root.
 *
 * Time: the clock is injected (`now`, seconds). The budget is split as: baselines ≤ 35 %; then, keeping
 * per remaining λ the measured evaluation time × 1.25 in reserve, warm-up 15 % and per λ search 65 % /
 * fine-tune 35 % of the rest. Every phase checks the clock between steps and stops on time; a λ that no
 * longer fits is skipped and what was found so far is returned.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerMapping } from '../config/mapping.js';
import { mappingToJson } from '../config/mapping.js';
import type { SearchSpace } from '../config/search-space.js';
import type { Technology } from '../config/technology.js';
import { createCostLookup } from '../cost/lut.js';
import { costOptionsOf } from '../cost/options.js';
import { loadEvalSet } from '../data/evalset.js';
import { NaxUserError } from '../errors.js';
import { type FileSource, dirSource } from '../io/files.js';
import { graphFromModel } from '../model/from-tfjs.js';
import { type NetworkGraph, matrixNodes } from '../model/graph.js';
import { loadLayersModel } from '../model/load.js';
import { isOnnxPath } from '../model/onnx/load.js';
import { loadProject } from '../pipeline.js';
import type { NaxReport, SimulationSettings } from '../report.js';
import { nonIdealLogits } from '../xbar/simulate.js';
import { buildLayersModel, homogeneousMappings } from './derive.js';
import { type NonIdealFn, type LambdaResult, SearchEngine, type SearchData, Ticker, engineSettingsOf } from './engine.js';
import { warmStartPrior } from './cost-descent.js';
import { type EvalImages, type Evaluator, candidateFromReport, simulatorEvaluator } from './evaluate.js';
import type { SampleRunner } from '../xbar/simulate.js';
import { buildHardwareTable } from './hardware.js';
import { type OutputSink, folderSink } from './output-folder.js';
import { type Candidate, type ParetoDocument, paretoDocument, summaryMarkdown } from './pareto.js';
import { type SearchPlan, describeChoice, resolveSearchPlan } from './plan.js';

export interface SearchShard {
  /** 0-based. */
  readonly index: number;
  readonly count: number;
}

/** Everything the search works on, already loaded and validated. */
export interface SearchInputs {
  /** nax.yml as named by the user (errors about search.* name it). */
  readonly file: string;
  readonly graph: NetworkGraph;
  readonly committed: ReadonlyMap<string, LayerMapping>;
  readonly technology: Technology;
  readonly space: SearchSpace;
  /** The training set; its last `space.validationImages` images are the validation split. */
  readonly train: EvalImages;
  readonly evalSet: EvalImages;
  readonly simulation: SimulationSettings;
  readonly batchSize: number;
  readonly reportInputs: NaxReport['inputs'];
}

/** Step caps per phase (tests; otherwise derived from `search.epochs`, or time-bounded only). */
export interface StepLimits {
  readonly warmupSteps: number;
  readonly searchSteps: number;
  readonly fineTuneSteps: number;
}

export interface RunSearchOptions {
  /** Where the project's files are read from. */
  readonly source: FileSource;
  /** nax.yml relative to the source root. */
  readonly configPath: string;
  /** Wall-time budget, s (overrides search.budget). */
  readonly budgetS?: number;
  /** Output folder; nothing is written without it (and without `sink`). */
  readonly outDir?: string;
  readonly sink?: OutputSink;
  readonly shard?: SearchShard;
  readonly progress: (line: string) => void;
  /** Clock, seconds (e.g. `() => performance.now() / 1000`). */
  readonly now: () => number;
  /** Seconds between progress lines. Default 5. */
  readonly progressIntervalS?: number;
  /** Replace the simulator (tests). */
  readonly nonIdeal?: NonIdealFn;
  readonly evaluate?: Evaluator;
  /** Where the Monte Carlo samples of candidate evaluations run (worker threads); default this thread. */
  readonly runner?: SampleRunner;
  readonly limits?: StepLimits;
  /** Skip the committed/homogeneous evaluations (they are done by shard 0 only when sharded). */
  readonly skipBaselines?: boolean;
}

export interface LambdaSummary {
  readonly lambda: number;
  readonly choice: readonly number[];
  readonly architecture: string;
  readonly alphas: readonly (readonly number[])[];
  readonly probabilities: readonly (readonly number[])[];
  readonly archSteps: number;
  readonly searchWeightSteps: number;
  readonly fineTuneSteps: number;
  readonly hardware: number;
  readonly valCe: number;
  readonly evaluated: boolean;
}

export interface SearchResult {
  readonly pareto: ParetoDocument;
  /** Reports by candidate id. */
  readonly reports: ReadonlyMap<string, NaxReport>;
  readonly lambdas: readonly LambdaSummary[];
  /** Raw per-λ results (α trajectories, derived graphs). */
  readonly runs: readonly LambdaResult[];
  readonly warmupSteps: number;
  readonly elapsedS: number;
  readonly budgetS: number;
  /** Things the user should know (skipped λ, skipped baselines). */
  readonly notes: readonly string[];
  readonly summary: string;
}

/**
 * Loads the project of nax.yml (model, committed mapping, technology, evaluation set and training set).
 * `space` replaces nax.yml's `search:` section (the bench searches the fixture, whose nax.yml has none).
 */
export async function loadSearchInputs(source: FileSource, configPath: string, space?: SearchSpace): Promise<SearchInputs> {
  const p = await loadProject(source, configPath);
  if (isOnnxPath(p.config.model)) {
    throw new NaxUserError(p.config.file, 'model', `search supports TensorFlow.js layers models only; '${p.config.model}' is ONNX`,
      'simulate, cost, sweep and check work on ONNX models');
  }
  const cfg = { ...p.config, search: space ?? p.config.search };
  space = cfg.search;
  if (!cfg.evalSet) throw new NaxUserError(cfg.file, 'evalSet', 'no evaluation set configured', 'the search evaluates candidates on it');
  if (!space.trainSet) {
    throw new NaxUserError(cfg.file, 'search.trainSet', 'the search needs training data',
      'add search.trainSet { images, labels } (its last search.validationImages images are held out for architecture steps)');
  }
  const evalSet = await loadEvalSet(source, cfg.evalSet, cfg.simulation.evalImages, cfg.file);
  const train = await loadEvalSet(source, space.trainSet, 0x7fffffff, cfg.file);
  const [h, w, c] = p.graph.inputShape;
  for (const [set, field] of [[evalSet, 'evalSet.images'], [train, 'search.trainSet.images']] as const) {
    if (set.shape[0] !== h || set.shape[1] !== w || set.shape[2] !== c) {
      throw new NaxUserError(cfg.file, field, `images are ${set.shape.join('×')}, the model expects ${h}×${w}×${c}`);
    }
  }
  return {
    file: cfg.file,
    graph: p.graph,
    committed: p.mappings,
    technology: p.technology,
    space,
    train,
    evalSet,
    simulation: { seed: cfg.simulation.seed, monteCarloSamples: cfg.simulation.monteCarloSamples, evalImages: evalSet.n, irDrop: cfg.simulation.irDrop },
    batchSize: cfg.simulation.batchSize,
    reportInputs: { ...p.inputs, evalSet: { path: cfg.evalSet.images, sha256: evalSet.sha256 } },
  };
}

/** Runs the search for nax.yml in `source` (loads, then `runSearchOn`). */
export async function runSearch(opts: RunSearchOptions): Promise<SearchResult> {
  const inputs = await loadSearchInputs(opts.source, opts.configPath);
  return runSearchOn(inputs, opts);
}

function classesOf(g: NetworkGraph): number {
  const ms = matrixNodes(g);
  return ms[ms.length - 1]!.shape.outChannels;
}

function splitData(inp: SearchInputs): SearchData {
  const { train, space } = inp;
  const nVal = space.validationImages;
  if (train.n <= nVal) {
    throw new NaxUserError(inp.file, 'search.validationImages',
      `${nVal} validation images leave nothing to train on: the training set has ${train.n}`, 'hold out fewer images or add training data');
  }
  const per = train.shape[0] * train.shape[1] * train.shape[2];
  const nTrain = train.n - nVal;
  return {
    trainImages: train.images.subarray(0, nTrain * per),
    trainLabels: train.labels.subarray(0, nTrain),
    nTrain,
    valImages: train.images.subarray(nTrain * per, train.n * per),
    valLabels: train.labels.subarray(nTrain),
    nVal,
    shape: train.shape,
    classes: classesOf(inp.graph),
  };
}

function lambdaId(l: number): string {
  return `searched-lambda-${l}`;
}

/** The search on loaded inputs. */
export async function runSearchOn(inp: SearchInputs, opts: RunSearchOptions): Promise<SearchResult> {
  const now = opts.now;
  const t0 = now();
  const space = inp.space;
  const budgetS = opts.budgetS ?? space.budgetS;
  const deadline = t0 + budgetS;
  const ticker = new Ticker({ now }, opts.progress, opts.progressIntervalS ?? 5);
  const notes: string[] = [];
  const sink = opts.sink ?? (opts.outDir ? folderSink(opts.outDir) : undefined);

  // 1. Everything that can be wrong with the space fails here.
  const plan: SearchPlan = resolveSearchPlan({ graph: inp.graph, committed: inp.committed, space, file: inp.file });
  const data = splitData(inp);
  const shard = opts.shard ?? { index: 0, count: 1 };
  if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count) {
    throw new NaxUserError('--shard', '', `shard ${shard.index + 1}/${shard.count} does not exist`);
  }
  const lambdas = space.lambdas.filter((_, i) => i % shard.count === shard.index);
  if (lambdas.length === 0) notes.push(`shard ${shard.index + 1}/${shard.count} has no λ value (search.lambda lists ${space.lambdas.length})`);
  const lookup = createCostLookup(inp.technology.components, costOptionsOf(inp.technology));
  const table = buildHardwareTable(plan, lookup, space);
  const warm = warmStartPrior(lookup, plan, space);
  const evaluate = opts.evaluate ?? simulatorEvaluator({
    technology: inp.technology, evalSet: inp.evalSet, settings: inp.simulation, batchSize: inp.batchSize, inputs: inp.reportInputs,
    progress: (l) => ticker.tick(() => l),
    ...(opts.runner ? { runner: opts.runner } : {}),
  });
  const nonIdeal: NonIdealFn = opts.nonIdeal ?? ((o) => nonIdealLogits({ ...o, technology: inp.technology, irDrop: inp.simulation.irDrop }));
  opts.progress(`search: ${plan.layers.length} mixed layers (${plan.layers.filter((l) => l.kernelSearched).length} with kernel choice), ` +
    `${space.kernels.length} kernels × ${space.crossbars.length} crossbars, λ ${lambdas.join(', ') || '—'}, objective ${space.objective}, budget ${budgetS.toFixed(0)} s`);

  const candidates: Candidate[] = [];
  const reports = new Map<string, NaxReport>();
  let evalS = 0;
  const timedEval = async (o: { graph: NetworkGraph; mappings: ReadonlyMap<string, LayerMapping>; label: string }) => {
    const t = now();
    ticker.tick(() => `search: evaluating ${o.label}`, true);
    const r = await evaluate(o);
    evalS = Math.max(evalS, now() - t);
    return r;
  };

  // 2. Baselines.
  if (!opts.skipBaselines && shard.index === 0) {
    const baselineDeadline = t0 + 0.35 * budgetS;
    const list: Array<{ id: string; kind: 'committed' | 'homogeneous'; label: string; mappings: ReadonlyMap<string, LayerMapping> }> = [
      { id: 'committed', kind: 'committed', label: 'committed model', mappings: inp.committed },
      ...space.crossbars.map((n) => ({ id: `homogeneous-${n}`, kind: 'homogeneous' as const, label: `homogeneous ${n}×${n}`, mappings: homogeneousMappings(inp.committed, n) })),
    ];
    for (const b of list) {
      if (now() + evalS > baselineDeadline) {
        notes.push(`${b.label} not evaluated: baselines may use at most 35 % of the budget`);
        continue;
      }
      const r = await timedEval({ graph: inp.graph, mappings: b.mappings, label: b.label });
      reports.set(b.id, r);
      candidates.push(candidateFromReport(r, { id: b.id, kind: b.kind, label: b.label }));
      ticker.tick(() => `search: ${b.label}: non-ideal ${(r.accuracy!.nonIdeal.mean * 100).toFixed(2)} %, EDAP ${r.totals.edap.toExponential(3)}`, true);
    }
  }

  // 3.–4. Warm-up, then per λ search, fine-tune, save, reload, evaluate.
  const spe = Math.ceil(data.nTrain / space.batchSize);
  const caps: StepLimits = opts.limits ?? (space.epochs !== undefined
    ? { warmupSteps: Math.round(0.2 * space.epochs * spe), searchSteps: Math.round(0.5 * space.epochs * spe), fineTuneSteps: Math.round(0.3 * space.epochs * spe) }
    : { warmupSteps: Infinity, searchSteps: Infinity, fineTuneSteps: Infinity });
  // Saving and reloading a small model takes well under a second; scale the allowance down for tiny budgets.
  const saveS = sink ? Math.min(1, 0.02 * budgetS) : 0;
  // Per λ still to run: its evaluation (measured on the baselines) with margin, saving, and slack for the
  // step that is running when a phase deadline passes.
  const reserveFor = (k: number) => k * (evalS * 1.25 + saveS + 0.02 * budgetS);
  const engine = new SearchEngine(plan, data, engineSettingsOf(space, data.nVal, warm.alphas), { now }, ticker);
  const runs: LambdaResult[] = [];
  const summaries: LambdaSummary[] = [];
  const graphs = new Map<string, { graph: NetworkGraph; mappings: ReadonlyMap<string, LayerMapping> }>();
  let warmupSteps = 0;
  try {
    if (lambdas.length > 0) {
      const train0 = Math.max(0, deadline - now() - reserveFor(lambdas.length));
      const w = engine.warmUp({ deadlineS: now() + 0.15 * train0, maxSteps: caps.warmupSteps });
      warmupSteps = w.steps;
      ticker.tick(() => `search: warm-up done, ${w.steps} steps`, true);
    }
    for (let i = 0; i < lambdas.length; i++) {
      const lambda = lambdas[i]!;
      const left = lambdas.length - i;
      const share = (deadline - now() - reserveFor(left)) / left;
      if (share <= 0) {
        notes.push(`λ=${lambda} skipped: the budget ran out`);
        continue;
      }
      const t = now();
      const res = await engine.searchLambda({
        lambda, table, nonIdeal,
        search: { deadlineS: t + 0.65 * share, maxSteps: caps.searchSteps },
        fineTune: { deadlineS: t + share, maxSteps: caps.fineTuneSteps },
      });
      runs.push(res);
      const id = lambdaId(lambda);
      const architecture = describeChoice(plan, res.choice, true);
      let evaluated = false;
      // Evaluate only if it fits the budget (the evaluation itself cannot be interrupted).
      if (now() + evalS * 1.1 + saveS <= deadline) {
        const folder = `candidates/${id}`;
        let graph = res.graph;
        if (sink) {
          const model = buildLayersModel(res.graph, inp.file);
          try {
            await sink.saveModel(folder, model);
          } finally {
            model.dispose();
          }
          await sink.writeText(`${folder}/mapping.json`, JSON.stringify(mappingToJson(res.mappings), null, 2) + '\n');
          // Read back exactly as a user's model is read: what is evaluated is what was written.
          const loaded = await loadLayersModel(dirSource(sink.root), `${folder}/model.json`);
          graph = graphFromModel(loaded, `${folder}/model.json`);
          loaded.dispose();
        }
        const label = `searched λ=${lambda}`;
        const r = await timedEval({ graph, mappings: res.mappings, label });
        reports.set(id, r);
        graphs.set(id, { graph, mappings: res.mappings });
        candidates.push(candidateFromReport(r, { id, kind: 'searched', label, lambda, architecture, ...(sink ? { folder } : {}) }));
        if (sink) await sink.writeText(`${folder}/report.json`, JSON.stringify(r, null, 2) + '\n');
        evaluated = true;
        ticker.tick(() => `search: ${label}: non-ideal ${(r.accuracy!.nonIdeal.mean * 100).toFixed(2)} %, EDAP ${r.totals.edap.toExponential(3)}`, true);
      } else {
        notes.push(`λ=${lambda}: found ${architecture || 'the committed architecture'}, but no time was left to evaluate it`);
      }
      summaries.push({
        lambda,
        choice: res.choice,
        architecture,
        alphas: res.alphas.map((a) => [...a]),
        probabilities: engine.probabilitiesOf(res.alphas).map((p) => [...p]),
        archSteps: res.archSteps,
        searchWeightSteps: res.searchWeightSteps,
        fineTuneSteps: res.fineTuneSteps,
        hardware: res.hardware,
        valCe: res.valCe,
        evaluated,
      });
    }
  } finally {
    engine.dispose();
  }

  // 5. Front, table, best candidate at the root.
  const pareto = paretoDocument(candidates, space.objective);
  const summary = summaryMarkdown(pareto, notes);
  if (sink) {
    await sink.writeText('pareto.json', JSON.stringify({ ...pareto, lambdas: summaries }, null, 2) + '\n');
    await sink.writeText('summary.md', summary);
    const best = pareto.best ? graphs.get(pareto.best) : undefined;
    if (best && pareto.best) {
      const model = buildLayersModel(best.graph, inp.file);
      try {
        await sink.saveModel('.', model);
      } finally {
        model.dispose();
      }
      await sink.writeText('mapping.json', JSON.stringify(mappingToJson(best.mappings), null, 2) + '\n');
      await sink.writeText('report.json', JSON.stringify(reports.get(pareto.best), null, 2) + '\n');
    }
  }
  const elapsedS = now() - t0;
  opts.progress(`search: done in ${elapsedS.toFixed(1)} s of ${budgetS.toFixed(0)} s; ${candidates.length} candidates, front: ${pareto.front.join(', ')}`);
  return { pareto, reports, lambdas: summaries, runs, warmupSteps, elapsedS, budgetS, notes, summary };
}

/** Releases tfjs memory the caller no longer needs (the search keeps none after returning). */
export function searchTensorCount(): number {
  return tf.memory().numTensors;
}
