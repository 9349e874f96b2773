/**
 * The core every edge shares (CLI, action, workers, shards): read one commit's nax.yml, model, mapping,
 * technology and evaluation set through a FileSource, simulate and cost them, and return the report.
 * No process.env, no @actions/*, no printing: progress goes through a callback.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { type LayerMapping, type ResolvedLayerMapping, parseMapping, resolveMapping } from './config/mapping.js';
import { type CalibrationSetConfig, type EvalSetConfig, type NaxConfig, type IrDropModel, parseNaxConfig } from './config/nax-config.js';
import type { CostModelSwitches } from './config/cost-model.js';
import { DEFAULT_TECHNOLOGY, type Technology, parseTechnology, technologyHash } from './config/technology.js';
import { costReport } from './cost/network.js';
import { costOptionsOf } from './cost/options.js';
import { loadEvalSet } from './data/evalset.js';
import { parseNpy } from './data/npy.js';
import { NaxUserError } from './errors.js';
import type { FileSource } from './io/files.js';
import { readJson, sha256 } from './io/json.js';
import { tileGeometry } from './mapping/tiling.js';
import { graphFromModel } from './model/from-tfjs.js';
import { type NetworkGraph, matrixNodes } from './model/graph.js';
import { loadLayersModel } from './model/load.js';
import { isOnnxPath, loadOnnxModel } from './model/onnx/load.js';
import { type InputRef, type LayerReport, type NaxReport, REPORT_SCHEMA, type ShardInfo, type SimulationSettings } from './report.js';
import { accuracyStats } from './stats/accuracy-stats.js';
import { packCorrectness } from './stats/correctness-bits.js';
import { NAX_VERSION } from './version.js';
import { type BatchRange, type EvalData, type ImageData, type SampleRunner, type SimulationResult, batchCount, simulateNetwork } from './xbar/simulate.js';
import { splitBatches } from './xbar/split-job.js';
import type { Progress } from './progress.js';

/** Settings that a command line or an action input may override over nax.yml. */
export interface SimulationOverrides {
  readonly seed?: number;
  readonly monteCarloSamples?: number;
  readonly evalImages?: number;
  readonly irDrop?: IrDropModel;
  /** Run only this shard's slice of the Monte Carlo samples (0-based index of count). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Run only this shard's slice of the evaluation images: whole batches, contiguous (0-based index of count). */
  readonly imageShard?: { readonly index: number; readonly count: number };
}

export interface SimulateOptions {
  readonly source: FileSource;
  /** nax.yml path relative to the source root. */
  readonly configPath: string;
  readonly overrides?: SimulationOverrides;
  readonly progress?: Progress;
  /** Add wall-clock timings to the report (makes it non-reproducible). Default false. */
  readonly withTimings?: boolean;
  /** Replace the mapping file named in nax.yml (e.g. `nax sweep`), relative to the source root. */
  readonly mappingPath?: string;
  /** Use these mappings instead of any file (homogeneous sweeps, search candidates). */
  readonly mappingOverride?: ReadonlyMap<string, ResolvedLayerMapping>;
  /** Where Monte Carlo samples run (default: this thread). */
  readonly runner?: SampleRunner;
  /** Cost-model switches set over the technology file's (command-line overrides). */
  readonly costModel?: Partial<CostModelSwitches>;
  /** This commit's nax.yml, already read (check.ts reads each side's once); default: read configPath. */
  readonly loaded?: LoadedConfig;
  /**
   * Where the evaluation and calibration splits come from, instead of this commit's nax.yml: a check measures
   * the PR head on the base's data, so a PR cannot relabel or swap the images it is judged on.
   */
  readonly data?: {
    readonly source: FileSource;
    readonly evalSet?: EvalSetConfig;
    readonly calibrationSet?: CalibrationSetConfig;
  };
}

/** One commit's nax.yml, read and validated once, with the hash its report records. */
export interface LoadedConfig {
  readonly config: NaxConfig;
  readonly sha256: string;
}

/** Everything a commit's inputs resolve to. */
export interface Project {
  readonly config: NaxConfig;
  /** The tfjs model; absent for an ONNX model. */
  readonly model?: LayersModel;
  readonly graph: NetworkGraph;
  readonly mappings: ReadonlyMap<string, ResolvedLayerMapping>;
  readonly technology: Technology;
  readonly inputs: NaxReport['inputs'];
}

export async function loadConfig(source: FileSource, configPath: string): Promise<LoadedConfig> {
  const bytes = await source.read(configPath);
  return Object.freeze({ config: parseNaxConfig(new TextDecoder().decode(bytes), configPath), sha256: sha256(bytes) });
}

async function modelHash(source: FileSource, modelPath: string): Promise<string> {
  // model.json plus every shard, in manifest order (loadLayersModel has validated the paths).
  const json = await source.read(modelPath);
  const manifest = (JSON.parse(new TextDecoder().decode(json)) as { weightsManifest?: Array<{ paths: string[] }> }).weightsManifest ?? [];
  const dir = modelPath.includes('/') ? modelPath.slice(0, modelPath.lastIndexOf('/') + 1) : '';
  const parts: Uint8Array[] = [json];
  for (const g of manifest) for (const p of g.paths) parts.push(await source.read(dir + p, 'weights'));
  return sha256(Buffer.concat(parts));
}

/** A model file as nax computes it: its layer graph and content hash (tfjs layers model or ONNX, by extension). */
export interface LoadedModel {
  readonly graph: NetworkGraph;
  readonly sha256: string;
  /** The tfjs model, for a tfjs layers model; absent for ONNX. */
  readonly model?: LayersModel;
}

/**
 * Loads the model nax.yml names: a path ending in `.onnx` is read as ONNX (model/onnx/load.ts), anything
 * else as a tfjs layers model.json. Needs an initialised tfjs backend for tfjs models.
 */
export async function loadModel(source: FileSource, modelPath: string): Promise<LoadedModel> {
  if (isOnnxPath(modelPath)) return loadOnnxModel(source, modelPath);
  const model = await loadLayersModel(source, modelPath);
  return { model, graph: graphFromModel(model, modelPath), sha256: await modelHash(source, modelPath) };
}

export async function loadProject(
  source: FileSource,
  configPath: string,
  opts: {
    mappingPath?: string;
    mappingOverride?: ReadonlyMap<string, ResolvedLayerMapping>;
    costModel?: Partial<CostModelSwitches>;
    loaded?: LoadedConfig;
  } = {},
): Promise<Project> {
  const loaded = opts.loaded ?? await loadConfig(source, configPath);
  const config = loaded.config;
  const { model, graph, sha256: modelSha } = await loadModel(source, config.model);
  const names = matrixNodes(graph).map((n) => n.name);
  const mappingPath = opts.mappingPath ?? config.mapping;
  let mappings: ReadonlyMap<string, ResolvedLayerMapping>;
  let mappingRef: InputRef;
  if (opts.mappingOverride) {
    mappings = opts.mappingOverride;
    mappingRef = { path: 'generated', sha256: sha256(Buffer.from(JSON.stringify([...mappings]))) };
  } else {
    const doc = await readJson(source, mappingPath);
    mappings = resolveMapping(parseMapping(doc.value, mappingPath), names, mappingPath);
    mappingRef = { path: mappingPath, sha256: doc.sha256 };
  }
  let technology = DEFAULT_TECHNOLOGY;
  if (config.technology) technology = parseTechnology((await readJson(source, config.technology)).value, config.technology);
  if (opts.costModel) technology = { ...technology, costModel: { ...technology.costModel, ...opts.costModel } };
  return {
    config,
    model,
    graph,
    mappings,
    technology,
    inputs: {
      config: { path: configPath, sha256: loaded.sha256 },
      model: { path: config.model, sha256: modelSha },
      mapping: mappingRef,
      technology: { path: config.technology ?? 'built-in', sha256: technologyHash(technology) },
    },
  };
}

function layerReports(
  graph: NetworkGraph,
  mappings: ReadonlyMap<string, LayerMapping & { origin?: 'defaults' | 'layer' }>,
  sim?: SimulationResult,
): LayerReport[] {
  return matrixNodes(graph).map((n) => {
    const m = mappings.get(n.name)!;
    const nf = sim?.nf.get(n.name);
    return {
      name: n.name, shape: n.shape, mapping: { ...m, origin: m.origin ?? 'layer' }, tiling: tileGeometry(n.shape, m),
      ...(nf ? { nf } : {}),
    };
  });
}

function costOf(graph: NetworkGraph, mappings: ReadonlyMap<string, LayerMapping>, technology: Technology) {
  return costReport(
    matrixNodes(graph).map((n) => ({ shape: n.shape, mapping: mappings.get(n.name)! })), technology.components, costOptionsOf(technology),
  );
}

/** The cost-only report (`nax cost`): no evaluation set, no simulation. */
export async function costOnly(opts: SimulateOptions): Promise<NaxReport> {
  const p = await loadProject(opts.source, opts.configPath, opts);
  const cost = costOf(p.graph, p.mappings, p.technology);
  return {
    schema: REPORT_SCHEMA,
    tool: { name: 'nax', version: NAX_VERSION },
    ...(opts.source.commit ? { commit: opts.source.commit } : {}),
    inputs: p.inputs,
    backend: tf.getBackend(),
    layers: layerReports(p.graph, p.mappings),
    cost,
    totals: cost.totals,
  };
}

function shardSamples(total: number, shard?: { index: number; count: number }): number[] {
  const all = Array.from({ length: total }, (_, k) => k);
  if (!shard) return all;
  if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count) {
    throw new NaxUserError('shard', '', `shard ${shard.index + 1}/${shard.count} does not exist`);
  }
  if (shard.count > total) {
    throw new NaxUserError('shard', '', `${shard.count} shards for ${total} Monte Carlo samples`, 'use at most one shard per sample');
  }
  return all.filter((k) => k % shard.count === shard.index);
}

/** The evaluation batches of image shard i of n: contiguous, whole batches, sizes differing by at most one. */
function shardBatches(images: number, batchSize: number, shard?: { index: number; count: number }): BatchRange | undefined {
  if (!shard) return undefined;
  const batches = batchCount(images, batchSize);
  if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count) {
    throw new NaxUserError('image shard', '', `image shard ${shard.index + 1}/${shard.count} does not exist`);
  }
  if (shard.count > batches) {
    throw new NaxUserError('image shard', '', `${shard.count} image shards for ${batches} batch${batches === 1 ? '' : 'es'} of ${batchSize} images`,
      'use at most one image shard per batch (nax.yml simulation.batchSize)');
  }
  return splitBatches({ start: 0, end: batches }, shard.count)[shard.index];
}

/**
 * The first `limit` images of the calibration split, scaled to model input, with the hash of the images file.
 * Checks: images [N, H, W] or [N, H, W, C], the model's input shape, finite pixels; labels, when named, are
 * hashed but not read (calibration fits against the chip's own ideal outputs, not against labels).
 */
export async function loadCalibrationImages(
  source: FileSource,
  cfg: CalibrationSetConfig,
  limit: number,
  inputShape: readonly number[],
): Promise<ImageData & { sha256: string }> {
  const bytes = await source.read(cfg.images, 'dataset');
  const arr = parseNpy(bytes, cfg.images);
  if (arr.shape.length !== 3 && arr.shape.length !== 4) {
    throw new NaxUserError(cfg.images, 'shape', `images have shape (${arr.shape.join(', ')})`, 'expected [N, H, W] or [N, H, W, C]');
  }
  const [available, h, w] = arr.shape;
  const c = arr.shape.length === 4 ? arr.shape[3] : 1;
  if (available < 1) throw new NaxUserError(cfg.images, 'shape', 'the calibration set is empty');
  if (h !== inputShape[0] || w !== inputShape[1] || c !== inputShape[2]) {
    throw new NaxUserError(cfg.images, '', `images are ${h}×${w}×${c}, the model expects ${inputShape.join('×')}`);
  }
  const n = Math.min(limit, available);
  const per = h * w * c;
  const images = new Float32Array(n * per);
  for (let i = 0; i < n * per; i++) {
    const v = arr.data[i] * cfg.scale;
    if (!Number.isFinite(v)) throw new NaxUserError(cfg.images, `[${Math.floor(i / per)}]`, `image ${Math.floor(i / per)} holds a non-finite pixel (${arr.data[i]})`);
    images[i] = v;
  }
  const hashed = cfg.labels ? Buffer.concat([bytes, await source.read(cfg.labels, 'dataset')]) : bytes;
  return { images, n, shape: [h, w, c], sha256: sha256(hashed) };
}

/** A config error when a mapping asks for per-chip calibration and nax.yml names no calibration split. */
function requireCalibrationSet(
  mappings: ReadonlyMap<string, LayerMapping>,
  config: { readonly file: string; readonly calibrationSet?: CalibrationSetConfig },
  mappingFile: string,
): void {
  if (config.calibrationSet) return;
  for (const [name, m] of mappings) {
    if ((m.calibration ?? 'none') !== 'none' || m.adcFullScale === 'calibrated') {
      const what = m.adcFullScale === 'calibrated' ? `adcFullScale 'calibrated'` : `calibration '${m.calibration}'`;
      throw new NaxUserError(config.file, 'calibrationSet', `${mappingFile} asks for ${what} (layer '${name}') but no calibration split is configured`,
        'add calibrationSet: { images, labels } (images disjoint from the evaluation set)');
    }
  }
}

/** Outputs of the network (its classes): the last matrix layer's, through activations, pooling and adds. */
function outputClasses(g: NetworkGraph): number | undefined {
  const byName = new Map(g.nodes.map((n) => [n.name, n] as const));
  let node = byName.get(g.output);
  for (let hops = 0; node && hops < g.nodes.length; hops++) {
    if (node.op === 'matrix') return node.shape.outChannels;
    node = byName.get('input' in node ? node.input : 'inputs' in node ? node.inputs[0] : '');
  }
  return undefined;
}

/** The full report for one commit: accuracy under non-idealities plus cost. */
export async function simulate(opts: SimulateOptions): Promise<NaxReport> {
  const t0 = performance.now();
  const p = await loadProject(opts.source, opts.configPath, opts);
  const o = opts.overrides ?? {};
  const settings = {
    seed: o.seed ?? p.config.simulation.seed,
    monteCarloSamples: o.monteCarloSamples ?? p.config.simulation.monteCarloSamples,
    evalImages: o.evalImages ?? p.config.simulation.evalImages,
    irDrop: o.irDrop ?? p.config.simulation.irDrop,
  };
  const dataSource = opts.data?.source ?? opts.source;
  const evalCfg = opts.data ? opts.data.evalSet : p.config.evalSet;
  const calibCfg = opts.data ? opts.data.calibrationSet : p.config.calibrationSet;
  if (!evalCfg) {
    throw new NaxUserError(p.config.file, 'evalSet', 'no evaluation set configured', 'simulation needs evalSet.images and evalSet.labels');
  }
  const evalSet = await loadEvalSet(dataSource, evalCfg, settings.evalImages, p.config.file);
  const [h, w, c] = p.graph.inputShape;
  if (evalSet.shape[0] !== h || evalSet.shape[1] !== w || evalSet.shape[2] !== c) {
    throw new NaxUserError(evalCfg.images, '', `images are ${evalSet.shape.join('×')}, the model expects ${h}×${w}×${c}`);
  }
  const classes = outputClasses(p.graph);
  const tooLarge = classes === undefined ? -1 : evalSet.labels.findIndex((l) => l >= classes);
  if (tooLarge >= 0) {
    throw new NaxUserError(evalCfg.labels, `[${tooLarge}]`,
      `label ${evalSet.labels[tooLarge]} is not one of the model's ${classes} outputs`, 'labels are class indices 0…classes−1');
  }
  requireCalibrationSet(p.mappings, { file: p.config.file, calibrationSet: calibCfg }, p.inputs.mapping.path);
  const calib = calibCfg
    ? await loadCalibrationImages(dataSource, calibCfg, p.config.simulation.batchSize, p.graph.inputShape)
    : undefined;
  const tLoad = performance.now();
  const report = await simulateInMemory({
    graph: p.graph,
    mappings: p.mappings,
    technology: p.technology,
    evalSet,
    settings: { ...settings, evalImages: evalSet.n },
    batchSize: p.config.simulation.batchSize,
    inputs: {
      ...p.inputs,
      evalSet: { path: evalCfg.images, sha256: evalSet.sha256 },
      ...(calib && calibCfg ? { calibrationSet: { path: calibCfg.images, sha256: calib.sha256 } } : {}),
    },
    ...(calib ? { calibrationImages: { images: calib.images, n: calib.n, shape: calib.shape } } : {}),
    samples: shardSamples(settings.monteCarloSamples, o.shard),
    progress: opts.progress,
    runner: opts.runner,
    ...(o.shard || o.imageShard ? { shard: { samples: o.shard ?? { index: 0, count: 1 }, ...(o.imageShard ? { images: o.imageShard } : {}) } } : {}),
  });
  const tSim = performance.now();
  return {
    ...report,
    ...(opts.source.commit ? { commit: opts.source.commit } : {}),
    ...(opts.withTimings
      ? { timings: { loadS: (tLoad - t0) / 1000, simulateS: (tSim - tLoad) / 1000, totalS: (performance.now() - t0) / 1000 } }
      : {}),
  };
}

/** What `simulateInMemory` needs: a network and its hardware already in memory. */
export interface InMemorySimulation {
  readonly graph: NetworkGraph;
  readonly mappings: ReadonlyMap<string, LayerMapping & { origin?: 'defaults' | 'layer' }>;
  readonly technology: Technology;
  readonly evalSet: EvalData;
  /** Calibration split (at most one batch used); required when a mapping asks for column calibration. */
  readonly calibrationImages?: ImageData;
  readonly settings: SimulationSettings;
  readonly batchSize: number;
  /** The content hashes the report records. */
  readonly inputs: NaxReport['inputs'];
  /** Monte Carlo sample indices; default all of settings.monteCarloSamples. */
  readonly samples?: readonly number[];
  readonly progress?: Progress;
  readonly runner?: SampleRunner;
  /**
   * A shard of the run (Monte Carlo samples and/or evaluation images): the report then covers only its images
   * and carries the sums `nax merge` needs (report.ts ShardInfo). `samples` should be that shard's indices.
   */
  readonly shard?: {
    readonly samples: { readonly index: number; readonly count: number };
    readonly images?: { readonly index: number; readonly count: number };
  };
}

/**
 * Simulates and costs a network held in memory (a loaded commit, or a search candidate) into a report:
 * the one place reports are built from a simulation.
 */
export async function simulateInMemory(o: InMemorySimulation): Promise<NaxReport> {
  for (const [name, m] of o.mappings) {
    if (!o.calibrationImages && ((m.calibration ?? 'none') !== 'none' || m.adcFullScale === 'calibrated')) {
      throw new NaxUserError('nax.yml', 'calibrationSet', `layer '${name}' asks for calibration but no calibration split is configured`,
        'add calibrationSet: { images, labels } to nax.yml');
    }
  }
  const batches = shardBatches(o.evalSet.n, o.batchSize, o.shard?.images);
  const sim = await simulateNetwork({
    ...(batches ? { batches } : {}),
    graph: o.graph,
    mappings: o.mappings,
    technology: o.technology,
    data: o.evalSet,
    seed: o.settings.seed,
    samples: o.samples ?? Array.from({ length: o.settings.monteCarloSamples }, (_, k) => k),
    irDrop: o.settings.irDrop,
    batchSize: o.batchSize,
    progress: o.progress,
    runner: o.runner,
    ...(o.calibrationImages ? { calibrationImages: o.calibrationImages } : {}),
  });
  const cost = costOf(o.graph, o.mappings, o.technology);
  const images = sim.images.end - sim.images.start;
  return {
    schema: REPORT_SCHEMA,
    tool: { name: 'nax', version: NAX_VERSION },
    inputs: o.inputs,
    backend: tf.getBackend(),
    settings: { ...o.settings, evalImages: images },
    accuracy: {
      ideal: sim.ideal,
      quantised: sim.quantised,
      nonIdeal: accuracyStats(sim.samples.map((s) => s.accuracy), sim.samples.map((s) => s.seed), {
        bits: sim.samples.map((s) => packCorrectness(s.correct)),
        images,
      }),
    },
    layers: layerReports(o.graph, o.mappings, sim),
    cost,
    totals: cost.totals,
    ...(o.shard ? { shard: shardInfo(o.graph, o.shard, sim, o.evalSet.n) } : {}),
  };
}

/** What a shard report carries for an exact merge: its place in the run, right-image counts and NF sums. */
function shardInfo(
  graph: NetworkGraph,
  shard: NonNullable<InMemorySimulation['shard']>,
  sim: SimulationResult,
  total: number,
): ShardInfo {
  return {
    index: shard.samples.index,
    count: shard.samples.count,
    ...(shard.images
      ? {
        images: {
          index: shard.images.index, count: shard.images.count, start: sim.images.start, total,
          idealCorrect: sim.idealCorrect, quantisedCorrect: sim.quantisedCorrect,
        },
      }
      : {}),
    nf: matrixNodes(graph).map((n) => ({
      sum: sim.samples.map((s) => s.nf.get(n.name)?.sum ?? 0),
      columns: sim.samples.map((s) => s.nf.get(n.name)?.n ?? 0),
    })),
  };
}
