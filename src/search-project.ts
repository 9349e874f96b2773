/**
 * The loader layer of `nax search`: reads the project of nax.yml (model, committed mapping, technology,
 * evaluation, calibration and training splits), builds the production evaluator (the simulator and cost
 * model, as `nax simulate` runs them) and the output folder, then hands plain data to the pure search
 * (src/search/run.ts).
 */
import { loadEvalSet } from './data/evalset.js';
import type { CostModelSwitches } from './config/cost-model.js';
import type { SearchSpace } from './config/search-space.js';
import { NaxUserError } from './errors.js';
import type { FileSource } from './io/files.js';
import { folderSink, writeSearchPages } from './io/search-folder.js';
import { searchSummaryMarkdown } from './render/search-summary.js';
import { isOnnxPath } from './model/onnx/load.js';
import { loadCalibrationImages, loadProject, simulateInMemory } from './pipeline.js';
import type { NaxReport } from './report.js';
import type { EvalImages, Evaluator } from './search/evaluate.js';
import { type RunSearchOptions, type SearchInputs, type SearchResult, runSearchOn, simulatorNonIdeal } from './search/run.js';
import type { SampleRunner } from './xbar/simulate.js';

/**
 * Loads the project of nax.yml. `space` replaces nax.yml's `search:` section (the bench sets its own);
 * `costModel` sets cost-model switches over the technology file's (command-line overrides): the search, its
 * cost-only optimum and every candidate's report are costed under them.
 */
export async function loadSearchInputs(
  source: FileSource, configPath: string, space?: SearchSpace, costModel?: Partial<CostModelSwitches>, evaluationImages?: number | 'all',
): Promise<SearchInputs> {
  const p = await loadProject(source, configPath, costModel ? { costModel } : {});
  if (isOnnxPath(p.config.model)) {
    throw new NaxUserError(p.config.file, 'model', `search supports TensorFlow.js layers models only; '${p.config.model}' is ONNX`,
      'simulate, cost, sweep and check work on ONNX models');
  }
  const given = space ?? p.config.search;
  const cfg = { ...p.config, search: evaluationImages === undefined ? given : Object.freeze({ ...given, evaluationImages }) };
  space = cfg.search;
  if (!cfg.evalSet) throw new NaxUserError(cfg.file, 'evalSet', 'no evaluation set configured', 'the search evaluates candidates on it');
  if (!space.trainSet) {
    throw new NaxUserError(cfg.file, 'search.trainSet', 'the search needs training data',
      'add search.trainSet { images, labels } (its last search.validationImages images are held out for architecture steps)');
  }
  // The protocol evaluates on all evaluation images unless search.evaluationImages says fewer.
  const all = await loadEvalSet(source, cfg.evalSet, 0x7fffffff, cfg.file);
  const evalSet = space.evaluationImages === 'all' || space.evaluationImages >= all.n ? all : cut(all, space.evaluationImages);
  const train = await loadEvalSet(source, space.trainSet, 0x7fffffff, cfg.file);
  const validation = space.validationSet ? await loadEvalSet(source, space.validationSet, space.selectionImages, cfg.file) : undefined;
  const [h, w, c] = p.graph.inputShape;
  const sets = [[evalSet, 'evalSet.images'], [train, 'search.trainSet.images'], ...(validation ? [[validation, 'search.validationSet.images'] as const] : [])] as const;
  for (const [set, field] of sets) {
    if (set.shape[0] !== h || set.shape[1] !== w || set.shape[2] !== c) {
      throw new NaxUserError(cfg.file, field, `images are ${set.shape.join('×')}, the model expects ${h}×${w}×${c}`);
    }
  }
  // Candidates are evaluated like `nax simulate`: with the calibration split when nax.yml names one.
  const calib = cfg.calibrationSet
    ? await loadCalibrationImages(source, cfg.calibrationSet, cfg.simulation.batchSize, p.graph.inputShape)
    : undefined;
  return {
    file: cfg.file,
    graph: p.graph,
    committed: p.mappings,
    technology: p.technology,
    space,
    train,
    evalSet,
    evaluationSetImages: all.n,
    ...(validation ? { validation } : {}),
    ...(calib ? { calibration: { images: calib.images, n: calib.n, shape: calib.shape } } : {}),
    simulation: { seed: cfg.simulation.seed, monteCarloSamples: cfg.simulation.monteCarloSamples, evalImages: evalSet.n, irDrop: cfg.simulation.irDrop },
    batchSize: cfg.simulation.batchSize,
    reportInputs: {
      ...p.inputs,
      evalSet: { path: cfg.evalSet.images, sha256: evalSet.sha256 },
      ...(calib && cfg.calibrationSet ? { calibrationSet: { path: cfg.calibrationSet.images, sha256: calib.sha256 } } : {}),
    },
  };
}

/** The first `n` images of a set (classes are interleaved in the fixture, so a prefix stays near-balanced). */
function cut(set: EvalImages & { sha256: string }, n: number): EvalImages & { sha256: string } {
  const per = set.shape[0] * set.shape[1] * set.shape[2];
  return { ...set, images: set.images.subarray(0, n * per), labels: set.labels.subarray(0, n), n };
}

/**
 * The production evaluator: the simulation and cost of `nax simulate` (pipeline.ts simulateInMemory) on
 * `images` (the evaluation set, or the validation split for selection), with the calibration split.
 */
export function simulatorEvaluator(inp: SearchInputs, o: { runner?: SampleRunner; progress?: (line: string) => void } = {}): Evaluator {
  return ({ graph, mappings, label, images, samples }) => {
    const set: EvalImages = images ?? inp.evalSet;
    const settings = { ...inp.simulation, evalImages: set.n, ...(samples !== undefined ? { monteCarloSamples: samples } : {}) };
    return simulateInMemory({
      graph,
      mappings,
      technology: inp.technology,
      evalSet: set,
      settings,
      batchSize: inp.batchSize,
      inputs: inp.reportInputs as NaxReport['inputs'],
      ...(inp.calibration ? { calibrationImages: inp.calibration } : {}),
      progress: o.progress ? (l) => o.progress!(`${label}: ${l}`) : undefined,
      runner: o.runner,
    });
  };
}

export interface SearchProjectOptions extends Omit<RunSearchOptions, 'evaluate' | 'sink'> {
  readonly source: FileSource;
  /** nax.yml relative to the source root. */
  readonly configPath: string;
  /** Output folder; nothing is written without it. */
  readonly outDir?: string;
  /** Where the Monte Carlo samples of candidate evaluations and the search's chip forwards run (worker threads); default this thread. */
  readonly runner?: SampleRunner;
  /** Cost-model switches over the technology file's (`--delay-model`, `--leakage`, …). */
  readonly costModel?: Partial<CostModelSwitches>;
  /** Images of the final evaluation over nax.yml's search.evaluationImages (`--eval-images`, the action's evaluation-images). */
  readonly evaluationImages?: number | 'all';
}

export interface ProjectSearchResult extends SearchResult {
  /** summary.md (markdown): the candidate table, comparisons, derivation checks and notes. */
  readonly summary: string;
}

/**
 * Loads nax.yml's project and runs the search on it with the production simulator; with an output folder, writes
 * summary.md and the Pareto page beside the search's files.
 */
export async function runSearch(opts: SearchProjectOptions): Promise<ProjectSearchResult> {
  const inputs = await loadSearchInputs(opts.source, opts.configPath, undefined, opts.costModel, opts.evaluationImages);
  const sink = opts.outDir ? folderSink(opts.outDir) : undefined;
  const result = await runSearchOn(inputs, {
    ...opts,
    evaluate: simulatorEvaluator(inputs, { runner: opts.runner, progress: opts.progress }),
    nonIdeal: opts.nonIdeal ?? simulatorNonIdeal(inputs, opts.runner?.logits),
    ...(sink ? { sink } : {}),
  });
  const summary = searchSummaryMarkdown(result.pareto, result.notes);
  if (sink) await writeSearchPages(sink, result.pareto, summary);
  return { ...result, summary };
}
