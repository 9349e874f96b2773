/**
 * `nax search`: the bounded NAX re-search of one project and its protocol (issue 12), on loaded inputs
 * (src/search-project.ts loads them). Pure apart from the injected clock, evaluator and output sink.
 *
 *   1. resolve the search space against the model (every impossible choice fails here, before any work);
 *      the cost-only optimum (multi-start coordinate descent on the cost LUT) needs no training;
 *   2. warm up the supernet; the measured step time sizes the equal fine-tuning (schedule.ts);
 *   3. per λ: search, argmax, F fine-tune steps from the weights at the argmax, then a selection evaluation on
 *      the validation split;
 *   4. λ chosen on validation only;
 *   5. baselines with the same F steps from the same weights: the committed kernels (one float network serves
 *      the committed mapping and every homogeneous N×N), the cost-only optimum, and the winner of a random
 *      search given the wall time of one search phase;
 *   6. the evaluation set, touched once: every candidate on the same images and chips;
 *   7. paired 95 % intervals of Δ accuracy against each baseline; "better" only when the interval excludes 0;
 *   8. Pareto front and notes, each candidate's files, the proposed one at the folder root (the caller renders
 *      summary.md and the Pareto page: io/search-folder.ts writeSearchPages).
 *
 * Time: the budget bounds training and selection (steps 1–5; every phase checks the clock between steps);
 * the final evaluation (step 6) comes after it and its cost is set by search.evaluationImages/Chips.
 */
import { COST_MODEL_SWITCHES, type CostModelSwitchName } from '../config/cost-model.js';
import * as tf from '@tensorflow/tfjs-core';
import type { LayerMapping } from '../config/mapping.js';
import { mappingToJson } from '../config/mapping.js';
import type { SearchSpace } from '../config/search-space.js';
import type { Technology } from '../config/technology.js';
import { createCostLookup } from '../cost/lut.js';
import { costOptionsOf } from '../cost/options.js';
import { NaxUserError } from '../errors.js';
import { type NetworkGraph, matrixNodes } from '../model/graph.js';
import type { NaxReport, SimulationSettings } from '../report.js';
import { type LogitsJob, nonIdealLogits } from '../xbar/simulate.js';
import { buildLayersModel, homogeneousMappings } from './derive.js';
import { type NonIdealFn, type LambdaResult, PAIRED_CHECK_CHIPS, SearchEngine, type SearchData, Ticker, engineSettingsOf } from './engine.js';
import { warmStartPrior } from './cost-descent.js';
import { type EvalImages, type Evaluator, candidateFromReport } from './evaluate.js';
import type { OutputSink } from './output-sink.js';
import { buildHardwareTable, exactHardwarePrice } from './hardware.js';
import { type Candidate, type CandidateKind, type LambdaRecord, type ParetoDocument, type ProtocolInfo, type SelectionReference, objectiveValue, paretoDocument, reachesReference } from './pareto.js';
import { compareCandidates, homogeneousChoice, selectOnValidation } from './protocol.js';
import { uniformArch } from './arch.js';
import { Rng, deriveSeed } from '../xbar/rng.js';
import { type SearchPlan, describeChoice, resolveSearchPlan } from './plan.js';
import type { Progress } from '../progress.js';
import { type Budget, deadlineOf, pairedCheckImages, pairedCheckS, protocolAllocation, reserveS, saveAllowanceS, warmUpDeadline } from './schedule.js';

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
  /** The evaluation set (already cut to search.evaluationImages). */
  readonly evalSet: EvalImages;
  /** Images the evaluation set file holds (for the summary when a subset is used). */
  readonly evaluationSetImages?: number;
  /** search.validationSet, the split on which λ and the final candidate are chosen. */
  readonly validation?: EvalImages;
  /** The calibration split (nax.yml `calibrationSet`), used by evaluations like `nax simulate` uses it. */
  readonly calibration?: { readonly images: Float32Array; readonly n: number; readonly shape: readonly [number, number, number] };
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
  /** Wall-time budget, s (overrides search.budget). */
  readonly budgetS?: number;
  /** Where results are written and models read back; nothing is written without it. */
  readonly sink?: OutputSink;
  readonly shard?: SearchShard;
  /** Lines, each with the elapsed share of the budget as its step. */
  readonly progress: Progress;
  /** Clock, seconds (e.g. `() => performance.now() / 1000`). */
  readonly now: () => number;
  /** Seconds between progress lines. Default 5. */
  readonly progressIntervalS?: number;
  /** The architecture steps' and checks' chip forward; default the simulator in this thread (simulatorNonIdeal). */
  readonly nonIdeal?: NonIdealFn;
  /** Full evaluation of a candidate (the simulator and cost model in production: search-project.ts). */
  readonly evaluate: Evaluator;
  readonly limits?: StepLimits;
  /** Skip the baselines (committed, homogeneous, cost-only, random): tests of the search alone. */
  readonly skipBaselines?: boolean;
}

/**
 * The simulator as the search's chip forward, on the inputs' technology and IR-drop setting. `run` executes one
 * chip's job: in this thread by default, side by side on a worker pool's `logits`.
 */
export function simulatorNonIdeal(inp: Pick<SearchInputs, 'technology' | 'simulation'>,
  run: (job: LogitsJob) => Float32Array | Promise<Float32Array> = nonIdealLogits): NonIdealFn {
  return (o) => run({ ...o, technology: inp.technology, irDrop: inp.simulation.irDrop });
}

/** One λ's search in full (pareto.json `lambdas[]`): the record a merge keeps, and the search's state. */
export interface LambdaSummary extends LambdaRecord {
  readonly choice: readonly number[];
  readonly alphas: readonly (readonly number[])[];
  readonly probabilities: readonly (readonly number[])[];
  readonly searchWeightSteps: number;
  readonly fineTuneSteps: number;
  readonly hardware: number;
  readonly valCe: number;
}

export interface SearchResult {
  readonly pareto: ParetoDocument;
  /** Reports by candidate id. */
  readonly reports: ReadonlyMap<string, NaxReport>;
  readonly lambdas: readonly LambdaSummary[];
  /** Raw per-λ results (α trajectories, derived graphs). */
  readonly runs: readonly LambdaResult[];
  readonly warmupSteps: number;
  /** Training and selection time (what the budget bounds), s. */
  readonly trainingS: number;
  /** Everything, the final evaluation included, s. */
  readonly elapsedS: number;
  readonly budgetS: number;
  /** Things the user should know (skipped λ and baselines, how λ was chosen, the reference), for summary.md's notes. */
  readonly notes: readonly string[];
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

/**
 * The λ values and search seed of one shard: with at least as many λ as shards, shard i takes λ i, i + n, …
 * (seed unchanged); with fewer, shards cycle through the λ list and each further round uses the next seed
 * (shard i: λ[i mod L], seed + ⌊i / L⌋), so a nightly with 3 shards and one λ runs 3 search seeds.
 */
export function shardSlice(lambdas: readonly number[], seed: number, shard: SearchShard): { lambdas: number[]; seed: number } {
  if (lambdas.length >= shard.count) return { lambdas: lambdas.filter((_, i) => i % shard.count === shard.index), seed };
  return { lambdas: [lambdas[shard.index % lambdas.length]!], seed: seed + Math.floor(shard.index / lambdas.length) };
}

/** One network + mapping the protocol evaluates. */
interface Pending {
  readonly id: string;
  readonly kind: CandidateKind;
  readonly label: string;
  readonly graph: NetworkGraph;
  readonly mappings: ReadonlyMap<string, LayerMapping>;
  readonly fineTuneSteps: number;
  readonly lambda?: number;
  readonly architecture?: string;
  readonly validation?: NaxReport;
  readonly validationImages?: number;
}

/** The search and its protocol on loaded inputs. */
export async function runSearchOn(inp: SearchInputs, opts: RunSearchOptions): Promise<SearchResult> {
  const now = opts.now;
  const t0 = now();
  const space = inp.space;
  const budgetS = opts.budgetS ?? space.budgetS;
  const budget: Budget = { startS: t0, budgetS };
  // The search is bounded by wall time, so its progress is the elapsed share of the budget.
  const log = (l: string) => opts.progress(l, { done: Math.min(budgetS, now() - t0), total: budgetS, unit: 's' });
  const ticker = new Ticker({ now }, log, opts.progressIntervalS ?? 5);
  const notes: string[] = [];
  const sink = opts.sink;

  // 1. Everything that can be wrong with the space fails here.
  const plan: SearchPlan = resolveSearchPlan({ graph: inp.graph, committed: inp.committed, space, file: inp.file });
  const data = splitData(inp);
  const shard = opts.shard ?? { index: 0, count: 1 };
  if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count) {
    throw new NaxUserError('--shard', '', `shard ${shard.index + 1}/${shard.count} does not exist`);
  }
  const { lambdas, seed } = shardSlice(space.lambdas, space.seed, shard);
  // Every candidate of a sharded run is this shard's (baselines are fine-tuned from its own search), so ids carry the shard.
  const sfx = shard.count > 1 ? `-shard${shard.index + 1}` : '';
  const lsfx = shard.count > 1 ? ` (shard ${shard.index + 1}, seed ${seed})` : '';
  const lookup = createCostLookup(inp.technology.components, costOptionsOf(inp.technology));
  const table = buildHardwareTable(plan, lookup, space);
  // The derivation rules price single moves on the exact cost model (whole tiles), as the cost-only optimum is found.
  const priceOf = exactHardwarePrice(plan, lookup, table);
  // The cost-only optimum needs no training (exact cost, multi-start coordinate descent): a baseline and a warm start.
  const warm = warmStartPrior(lookup, plan, space, seed);
  const costOnly = warm.costOnly;
  const evaluate = opts.evaluate;
  const nonIdeal: NonIdealFn = opts.nonIdeal ?? simulatorNonIdeal(inp);
  const selection = selectionSplit(inp, data);
  opts.progress(`search: ${plan.layers.length} mixed layers (${plan.layers.filter((l) => l.kernelSearched).length} with kernel choice), ` +
    `${space.kernels.length} kernels × ${space.crossbars.length} crossbars, λ ${lambdas.join(', ')}, objective ${space.objective}${space.objective === 'edap' && space.hardwareLoss === 'additive' ? ' (additive)' : ''}, budget ${budgetS.toFixed(0)} s; ` +
    `selection on ${selection.name} (${selection.images.n} images × ${space.selectionChips} chips), evaluation on ${inp.evalSet.n} images × ${space.evaluationChips} chips`);

  ticker.tick(() => `search: cost-only optimum ${describeChoice(plan, costOnly.choice, true) || 'the committed architecture'} (${costOnly.starts} starts, ${costOnly.evaluations} cost evaluations)`, true);

  const saveS = saveAllowanceS(budget, sink !== undefined);
  let evalS = 0;
  const validate = async (g: NetworkGraph, m: ReadonlyMap<string, LayerMapping>, label: string) => {
    const t = now();
    ticker.tick(() => `search: validating ${label}`, true);
    const r = await evaluate({ graph: g, mappings: m, label, images: selection.images, samples: space.selectionChips });
    evalS = Math.max(evalS, now() - t);
    return r;
  };
  // The committed model as committed, on the selection split: a reference, and the measured time of one
  // selection evaluation (the schedule keeps that much per λ in reserve).
  const committedValidation = await validate(inp.graph, inp.committed, 'committed model (as committed)');
  // selectionReference: homogeneous — the committed network on every homogeneous size, on the same split; the size
  // one would choose without a search sets the accuracy a proposed λ candidate must reach there.
  let reference: SelectionReference | undefined;
  let referenceCrossbar: number | undefined;
  if (space.selectionReference === 'homogeneous') {
    const sizes: Array<SelectionReference['sizes'][number]> = [];
    for (const n of space.crossbars) {
      const m = homogeneousMappings(inp.committed, n);
      const same = [...m].every(([k, v]) => JSON.stringify(v) === JSON.stringify(inp.committed.get(k)));
      const label = `homogeneous ${n}×${n} (as committed)`;
      const r = same ? committedValidation : await validate(inp.graph, m, label);
      const c = candidateFromReport(r, { id: `homogeneous-${n}`, kind: 'homogeneous', label });
      sizes.push({ id: c.id, label, validationAccuracy: c.accuracy, objective: objectiveValue(c, space.objective) });
    }
    const k = homogeneousChoice(sizes.map((h) => ({ accuracy: h.validationAccuracy, objective: h.objective })));
    reference = { id: sizes[k]!.id, validationAccuracy: sizes[k]!.validationAccuracy, sizes };
    referenceCrossbar = space.crossbars[k];
    ticker.tick(() => `search: selection reference ${sizes[k]!.label}: validation non-ideal ${pct(sizes[k]!.validationAccuracy)} ` +
      `(the size one would choose among ${sizes.map((h) => `${h.id} ${pct(h.validationAccuracy)}`).join(', ')})`, true);
  }
  const reserve = () => reserveS(budget, lambdas.length, evalS, saveS);

  const spe = Math.ceil(data.nTrain / space.batchSize);
  const caps: StepLimits = opts.limits ?? (space.epochs !== undefined
    ? { warmupSteps: Math.round(0.2 * space.epochs * spe), searchSteps: Math.round(0.5 * space.epochs * spe), fineTuneSteps: Math.round(0.3 * space.epochs * spe / (lambdas.length + 3)) }
    : { warmupSteps: Infinity, searchSteps: Infinity, fineTuneSteps: Infinity });
  // The shard's own seed: each shard of a sharded run is a different search (shardSlice).
  // smallerCrossbars: toReference (which needs the reference, search-space.ts): units above its crossbar are tested against it.
  const engine = new SearchEngine(plan, data, { ...engineSettingsOf(space, data.nVal, { alphas: warm.alphas, costOnly: costOnly.choice }, referenceCrossbar), seed }, { now }, ticker);
  const runs: LambdaResult[] = [];
  const summaries: LambdaSummary[] = [];
  const pending: Pending[] = [];
  let warmupSteps = 0;
  let protocol: ProtocolInfo | undefined;
  try {
    // 2. Warm-up; it measures the time of one weight step, which sizes the equal fine-tuning.
    const tw = now();
    const w = engine.warmUp({ deadlineS: warmUpDeadline(budget, tw, reserve()), maxSteps: caps.warmupSteps });
    warmupSteps = w.steps;
    const stepS = w.steps > 0 ? (now() - tw) / w.steps : 0.05 * budgetS;
    const alloc = protocolAllocation({ trainingS: deadlineOf(budget) - now() - reserve(), lambdas: lambdas.length, stepS, maxFineTuneSteps: caps.fineTuneSteps });
    const F = alloc.fineTuneSteps;
    ticker.tick(() => `search: warm-up done, ${w.steps} steps (${(stepS * 1000).toFixed(0)} ms/step); every candidate gets ${F} fine-tune steps, each search phase ${alloc.searchS.toFixed(0)} s`, true);
    // A fine-tune may overrun its share only up to the end of the budget; the steps it got are recorded.
    const ftLimit = { deadlineS: deadlineOf(budget), maxSteps: F };

    // 3. Per λ: search, argmax, the equal fine-tuning, then the selection evaluation on validation.
    // The derivation rules' check images, fixed for the run: all held-out ones unless their group comparisons
    // would take more than the largest share of a phase (the image count is the checks' power; later tests run
    // in the time the phase keeps beyond the groups'; without a group, the smaller-crossbar tests size it). Until a check has run, a check forward's cost is
    // estimated from the committed model's selection evaluation (which also runs the ideal and quantised forwards).
    const estimateS = evalS / (selection.images.n * space.selectionChips);
    const reservedForwards = engine.reservedForwards;
    engine.useCheckImages(pairedCheckImages({ searchS: alloc.searchS, forwards: engine.groupForwards || reservedForwards, images: engine.heldOutImages, chips: PAIRED_CHECK_CHIPS, secondsPerImageChip: estimateS }), estimateS);
    if (engine.checkImageCount < engine.heldOutImages) {
      notes.push(engine.checkImageCount === 0
        ? `the derivation rules did not test: their comparisons on ${engine.heldOutImages} held-out images would not fit in a search phase (larger kernels fell back, other ops stood)`
        : `the derivation rules' checks ran on ${engine.checkImageCount} of the ${engine.heldOutImages} held-out images: all would not fit in a search phase`);
    }
    const searched: Array<Pending & { run: LambdaResult }> = [];
    for (const lambda of lambdas) {
      const ts = now();
      // The derivation rules' paired checks (engine, `largerKernels` / `costlierOps` / `smallerCrossbars: paired | toReference`)
      // run after the argmax within the same phase, so the protocol's split of the budget is unchanged: the
      // architecture steps stop early by the reserved forwards' time. The engine's own fine-tune is off (maxSteps 0): every candidate's
      // equal fine-tuning follows below.
      const checkS = pairedCheckS({
        searchS: alloc.searchS, forwards: reservedForwards, images: engine.checkImageCount, chips: PAIRED_CHECK_CHIPS, secondsPerImageChip: engine.checkImageSeconds,
      });
      const res = await engine.searchLambda({
        lambda, table, priceOf, nonIdeal,
        search: { deadlineS: ts + alloc.searchS - checkS, maxSteps: caps.searchSteps },
        fineTune: { deadlineS: ts + alloc.searchS, maxSteps: 0 },
      });
      runs.push(res);
      if (res.archSteps === 0) notes.push(`λ=${lambda}: no architecture step fit the budget, so its argmax is not a search result`);
      const id = lambdaId(lambda) + sfx;
      const label = `searched λ=${lambda}${lsfx}`;
      const ft = engine.fineTuneChoice(res.choice, res.weightsAfterSearch, ftLimit, label);
      const architecture = describeChoice(plan, res.choice, true);
      const saved = await saveCandidate(sink, `candidates/${id}`, ft.graph, ft.mappings, inp.file);
      const validation = await validate(saved, ft.mappings, label);
      searched.push({ id, kind: 'searched', label, graph: saved, mappings: ft.mappings, fineTuneSteps: ft.steps, lambda, architecture, validation, validationImages: selection.images.n, run: res });
      summaries.push({
        id, lambda, choice: res.choice, architecture,
        alphas: res.alphas.map((a) => [...a]),
        probabilities: engine.probabilitiesOf(res.alphas).map((p) => [...p]),
        archSteps: res.archSteps, searchWeightSteps: res.searchWeightSteps, fineTuneSteps: ft.steps,
        hardware: res.hardware, valCe: res.valCe, evaluated: false,
        validationAccuracy: validation.accuracy!.nonIdeal.mean,
        argmax: describeChoice(plan, res.argmax, true), pairedChecks: res.pairedChecks,
      });
      ticker.tick(() => `search: ${label}: ${architecture || 'the committed architecture'}; validation non-ideal ${pct(validation.accuracy!.nonIdeal.mean)}`, true);
    }

    // 4. λ chosen on validation only.
    const asCandidate = (p: Pending, r: NaxReport) => candidateFromReport(r, { id: p.id, kind: p.kind, label: p.label });
    const pick = selectOnValidation(searched.map((p) => ({ candidate: asCandidate(p, p.validation!), report: p.validation! })), space.objective, reference?.validationAccuracy);
    const chosen = searched[pick]!;
    summaries[pick] = { ...summaries[pick]!, evaluated: true };
    if (reference) {
      const floor = pct(reference.validationAccuracy);
      const reached = reachesReference(chosen.validation!.accuracy!.nonIdeal.mean, reference.validationAccuracy);
      notes.push(reached
        ? `λ=${chosen.lambda} chosen on ${selection.name}: the lowest ${space.objective} among the λ candidates not worse there than the most accurate and at least ${floor} (the selection reference, ${reference.id} as committed)`
        : `no λ candidate reached ${floor} on ${selection.name} (the selection reference, ${reference.id} as committed): the most accurate, λ=${chosen.lambda}, is proposed`);
    } else if (searched.length > 1) {
      notes.push(`λ=${chosen.lambda} chosen on ${selection.name}: the lowest ${space.objective} among the λ candidates not worse there than the most accurate`);
    }
    const from = chosen.run.weightsAfterSearch;

    // 5. Baselines with the same fine-tuning from the same weights.
    let randomS = 0;
    let randomSamples = 0;
    if (!opts.skipBaselines) {
      // Random search with the wall time of one search phase, scored by the search's own loss (non-ideal
      // validation CE + λ·hardware) on the same images and chip for every sample; hardware at the derivation rules'
      // exact price, as the searched candidate's final moves were priced.
      engine.net.restore(from, space.weightLr);
      const rng = Rng.derive(seed, 'random-search');
      const chip = deriveSeed(seed, 'random-search-chip');
      const tr = now();
      let bestArch: number[] | undefined;
      let bestScore = Infinity;
      const withZero = space.zeroOp !== false;
      // As many samples as the search had architecture steps when it is step-capped (tests), else its wall time.
      const maxSamples = Math.max(1, Math.ceil(caps.searchSteps / space.archEvery));
      while (randomSamples < maxSamples && now() - tr < alloc.searchS) {
        const arch = uniformArch(plan, rng, withZero);
        const score = (await engine.validationLoss(arch, nonIdeal, chip)) + chosen.lambda! * priceOf(arch);
        randomSamples += 1;
        if (score < bestScore) {
          bestScore = score;
          bestArch = arch;
        }
        ticker.tick(() => `search: random search sample ${randomSamples}, best loss ${bestScore.toFixed(3)}`);
      }
      randomS = now() - tr;
      if (!bestArch) {
        // No time for a single score: one uniform draw, as a random search of one sample would keep.
        bestArch = uniformArch(plan, rng, withZero);
        notes.push('the random search had no time to score a sample: its candidate is one unscored uniform draw');
      }

      const cArch = committedWeightsChoice(plan);
      const cFt = engine.fineTuneChoice(cArch, from, ftLimit, 'committed kernels');
      const cGraph = await saveCandidate(sink, `candidates/committed${sfx}`, cFt.graph, inp.committed, inp.file);
      pending.push({ id: `committed${sfx}`, kind: 'committed', label: `committed mapping${lsfx}`, graph: cGraph, mappings: inp.committed, fineTuneSteps: cFt.steps });
      for (const n of space.crossbars) {
        pending.push({ id: `homogeneous-${n}${sfx}`, kind: 'homogeneous', label: `homogeneous ${n}×${n}${lsfx}`, graph: cGraph, mappings: homogeneousMappings(inp.committed, n), fineTuneSteps: cFt.steps });
      }
      const coFt = engine.fineTuneChoice(costOnly.choice, from, ftLimit, 'cost-only optimum');
      const coGraph = await saveCandidate(sink, `candidates/cost-only${sfx}`, coFt.graph, coFt.mappings, inp.file);
      pending.push({ id: `cost-only${sfx}`, kind: 'costOnly', label: `cost-only optimum${lsfx}`, graph: coGraph, mappings: coFt.mappings, fineTuneSteps: coFt.steps,
        architecture: describeChoice(plan, costOnly.choice, true) });
      const rFt = engine.fineTuneChoice(bestArch!, from, ftLimit, 'random search');
      const rGraph = await saveCandidate(sink, `candidates/random${sfx}`, rFt.graph, rFt.mappings, inp.file);
      pending.push({ id: `random${sfx}`, kind: 'random', label: `random search${lsfx}`, graph: rGraph, mappings: rFt.mappings, fineTuneSteps: rFt.steps,
        architecture: describeChoice(plan, bestArch!, true) });
    }
    pending.push(chosen);
    const steps = new Set(pending.map((p) => p.fineTuneSteps));
    if (steps.size > 1) notes.push(`fine-tuning was cut by the budget: candidates got ${[...steps].sort((a, b) => a - b).join(', ')} steps (planned ${F})`);
    protocol = {
      fineTuneSteps: Math.min(...steps), weightLr: space.weightLr,
      selectionSplit: selection.name, selectionImages: selection.images.n, selectionChips: space.selectionChips,
      evaluationImages: inp.evalSet.n, evaluationSetImages: inp.evaluationSetImages ?? inp.evalSet.n, evaluationChips: space.evaluationChips,
      randomSearchS: randomS, randomSamples, costOnlyStarts: costOnly.starts,
      costModel: Object.fromEntries(COST_MODEL_SWITCHES.map((n) => [n, inp.technology.costModel[n]])) as Record<CostModelSwitchName, string>,
      hardwarePrice: 'exact',
      ...(reference ? { selectionReference: reference } : {}),
      derivationRules: { largerKernels: space.largerKernels, costlierOps: space.costlierOps, smallerCrossbars: space.smallerCrossbars },
      ...(space.objective === 'edap' ? { hardwareLoss: table.additive ? 'additive' as const : 'product' as const } : {}),
      ...(table.additive ? { additiveWeights: table.additive.weights } : {}),
    };
  } finally {
    engine.dispose();
  }
  const trainingS = now() - t0;
  ticker.tick(() => `search: training done in ${trainingS.toFixed(1)} s of ${budgetS.toFixed(0)} s; the evaluation set is used now, once`, true);

  // 6. The evaluation set, touched once: every candidate on the same images and chips.
  const reports = new Map<string, NaxReport>();
  const candidates: Candidate[] = [];
  for (const p of pending) {
    ticker.tick(() => `search: evaluating ${p.label}`, true);
    const r = await evaluate({ graph: p.graph, mappings: p.mappings, label: p.label, samples: space.evaluationChips });
    reports.set(p.id, r);
    candidates.push({
      ...candidateFromReport(r, {
        id: p.id, kind: p.kind, label: p.label,
        ...(p.lambda !== undefined ? { lambda: p.lambda } : {}),
        ...(p.architecture !== undefined ? { architecture: p.architecture } : {}),
        ...(sink ? { folder: `candidates/${p.id}` } : {}),
      }),
      fineTuneSteps: p.fineTuneSteps,
      ...(p.validation ? { validationAccuracy: p.validation.accuracy!.nonIdeal.mean, validationTolerance: 1 / p.validationImages! } : {}),
    });
    ticker.tick(() => `search: ${p.label}: non-ideal ${pct(r.accuracy!.nonIdeal.mean)}, EDAP ${r.totals.edap.toExponential(3)}`, true);
  }
  // 7. Paired comparisons: every non-baseline candidate against every baseline (and searched against the others).
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const compared = candidates.map((c) => {
    if (c.kind === 'committed' || c.kind === 'homogeneous') return c;
    const against = candidates.filter((b) => b.id !== c.id && (b.kind === 'committed' || b.kind === 'homogeneous' ||
      (c.kind === 'searched' && (b.kind === 'costOnly' || b.kind === 'random')) || (c.kind === 'random' && b.kind === 'costOnly')));
    const comparisons = against.flatMap((b) => {
      const x = compareCandidates({ candidate: c, report: reports.get(c.id)! }, { candidate: byId.get(b.id)!, report: reports.get(b.id)! }, space.objective);
      return x ? [x] : [];
    });
    return { ...c, comparisons };
  });

  // 8. Front, table, every candidate's files, the proposed one at the root.
  const pareto = paretoDocument(compared, space.objective, protocol, summaries);
  notes.push(`reference: the committed model as committed (no fine-tuning) scores ${pct(committedValidation.accuracy!.nonIdeal.mean)} non-ideal on ${selection.name}`);
  if (sink) {
    for (const p of pending) {
      const folder = `candidates/${p.id}`;
      if (p.kind === 'homogeneous') await saveCandidate(sink, folder, p.graph, p.mappings, inp.file);
      await sink.writeText(`${folder}/report.json`, JSON.stringify(reports.get(p.id), null, 2) + '\n');
    }
    await sink.writeText('pareto.json', JSON.stringify(pareto, null, 2) + '\n');
    const best = pareto.best ? pending.find((p) => p.id === pareto.best) : undefined;
    if (best) {
      await saveCandidate(sink, '.', best.graph, best.mappings, inp.file);
      await sink.writeText('report.json', JSON.stringify(reports.get(best.id), null, 2) + '\n');
    }
  }
  const elapsedS = now() - t0;
  opts.progress(`search: done in ${elapsedS.toFixed(1)} s (training budget ${budgetS.toFixed(0)} s); ${candidates.length} candidates, front: ${pareto.front.join(', ')}`,
    { done: budgetS, total: budgetS, unit: 's' });
  return { pareto, reports, lambdas: summaries, runs, warmupSteps, trainingS, elapsedS, budgetS, notes };
}

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

/**
 * Writes a candidate's model and mapping into `folder` of the sink and reads the model back exactly as a
 * user's model is read, so that what is evaluated is what was written. Without a sink, the graph as is.
 */
async function saveCandidate(sink: OutputSink | undefined, folder: string, graph: NetworkGraph, mappings: ReadonlyMap<string, LayerMapping>, file: string): Promise<NetworkGraph> {
  if (!sink) return graph;
  const model = buildLayersModel(graph, file);
  try {
    await sink.saveModel(folder, model);
  } finally {
    model.dispose();
  }
  await sink.writeText(`${folder}/mapping.json`, JSON.stringify(mappingToJson(mappings), null, 2) + '\n');
  return sink.loadGraph(folder === '.' ? 'model.json' : `${folder}/model.json`);
}

/** An architecture with the committed kernel on every mixed layer (its crossbar choice does not affect weights). */
function committedWeightsChoice(plan: SearchPlan): number[] {
  return plan.layers.map((l) => {
    const j = l.ops.findIndex((o) => o.kind === 'path' && o.kernel === l.committedKernel);
    if (j < 0) throw new Error(`internal error: layer '${l.name}' has no op with its committed kernel`);
    return j;
  });
}

/** The split on which λ and the final candidate are chosen: search.validationSet, else the architecture-step split. */
function selectionSplit(inp: SearchInputs, data: SearchData): { name: string; images: EvalImages } {
  const n = inp.space.selectionImages;
  if (inp.validation) {
    const k = Math.min(n, inp.validation.n);
    const per = inp.validation.shape[0] * inp.validation.shape[1] * inp.validation.shape[2];
    return { name: 'the validation split', images: { ...inp.validation, images: inp.validation.images.subarray(0, k * per), labels: inp.validation.labels.subarray(0, k), n: k } };
  }
  const k = Math.min(n, data.nVal);
  const per = data.shape[0] * data.shape[1] * data.shape[2];
  return { name: 'the architecture-step split', images: { images: data.valImages.subarray(0, k * per), labels: data.valLabels.subarray(0, k), n: k, shape: data.shape } };
}

/** Releases tfjs memory the caller no longer needs (the search keeps none after returning). */
export function searchTensorCount(): number {
  return tf.memory().numTensors;
}
