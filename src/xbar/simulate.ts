/**
 * The full non-ideal simulation of a network on an evaluation set: ideal float accuracy, quantised
 * accuracy on ideal devices and wires, and non-ideal accuracy over Monte Carlo chip instances (one seed
 * per sample), with each layer's NF. Pure computation on typed arrays and the tfjs backend; no I/O.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerMapping } from '../config/mapping.js';
import type { IrDropModel } from '../config/nax-config.js';
import type { Technology } from '../config/technology.js';
import { type NetworkGraph, matrixNodes } from '../model/graph.js';
import { type ChipOptions, type InputCalibration, type PreparedLayer, type ProgrammedLayer, disposeLayer, programLayer } from './crossbar-layer.js';
import {
  FloatWeights,
  type MatrixMode,
  calibrateChip,
  calibrateInputsAndAdc,
  forward,
  needsColumnCalibration,
  prepareLayers,
} from './network.js';
import { assert } from '../errors.js';
import type { Progress } from '../progress.js';
import { deriveSeed } from './rng.js';

export interface ImageData {
  /** Images [n, H, W, C], already scaled to model input. */
  readonly images: Float32Array;
  readonly n: number;
  readonly shape: readonly [number, number, number];
}

export interface EvalData extends ImageData {
  /** Labels [n]. */
  readonly labels: Int32Array;
}

/** What one Monte Carlo job needs; plain data, so it can be sent to a worker thread. */
export interface SampleJob {
  readonly graph: NetworkGraph;
  readonly mappings: ReadonlyMap<string, LayerMapping>;
  readonly technology: Technology;
  readonly data: EvalData;
  readonly seed: number;
  /** Monte Carlo sample indices to run (a shard runs a slice of 0…N−1; sample k's seed depends on k only). */
  readonly samples: readonly number[];
  readonly irDrop: IrDropModel;
  /** Images per batch. */
  readonly batchSize: number;
  readonly calibration: ReadonlyMap<string, InputCalibration>;
  /**
   * Calibration images (at most one batch) on which each chip fits its per-channel correction; required when
   * a mapping asks for `calibration` ≠ 'none'. Never the evaluation set.
   */
  readonly calibrationImages?: ImageData;
}

export interface SimulationOptions extends Omit<SampleJob, 'calibration'> {
  readonly progress?: Progress;
  /** Where the Monte Carlo samples run (default: this thread). */
  readonly runner?: SampleRunner;
}

export interface SampleResult {
  readonly index: number;
  readonly seed: number;
  readonly accuracy: number;
  /** Per image, in evaluation-set order: 1 when this chip classified it right (for paired intervals). */
  readonly correct: Uint8Array;
}

export interface SimulationResult {
  readonly ideal: number;
  readonly quantised: number;
  readonly samples: readonly SampleResult[];
  /** Per matrix layer: NF mean and max over samples, columns and crossbars. */
  readonly nf: ReadonlyMap<string, { mean: number; max: number }>;
}

/** Seed of Monte Carlo sample k's chip instance. */
export function sampleSeed(seed: number, k: number): number {
  return deriveSeed(seed, 'sample', k);
}

function batches(n: number, size: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let s = 0; s < n; s += size) out.push([s, Math.min(n, s + size)]);
  return out;
}

function imageBatch(d: ImageData, s: number, e: number): tf.Tensor4D {
  const px = d.shape[0] * d.shape[1] * d.shape[2];
  return tf.tensor4d(d.images.subarray(s * px, e * px), [e - s, ...d.shape]);
}

/** Marks top-1 correct predictions of a [batch, classes] output for images s… in `out`; returns their count. */
function markCorrect(y: tf.Tensor, labels: Int32Array, s: number, out: Uint8Array): number {
  const predT = tf.argMax(y, 1);
  const pred = predT.dataSync();
  predT.dispose();
  let c = 0;
  for (let i = 0; i < pred.length; i++) {
    const ok = pred[i] === labels[s + i] ? 1 : 0;
    out[s + i] = ok;
    c += ok;
  }
  return c;
}

/** Accuracy and per-image correctness of one way of computing the matrix layers over the evaluation set. */
function accuracyOf(
  o: { data: EvalData; batchSize: number; graph: NetworkGraph },
  fw: FloatWeights,
  mode: MatrixMode,
): { accuracy: number; correct: Uint8Array } {
  const correct = new Uint8Array(o.data.n);
  let ok = 0;
  batches(o.data.n, o.batchSize).forEach(([s, e], bi) => {
    const x = imageBatch(o.data, s, e);
    const y = forward(o.graph, fw, mode, x, bi);
    ok += markCorrect(y, o.data.labels, s, correct);
    x.dispose();
    y.dispose();
  });
  return { accuracy: ok / o.data.n, correct };
}

/** Programs every layer of a chip instance. */
export function programChip(prepared: ReadonlyMap<string, PreparedLayer>, o: ChipOptions): Map<string, ProgrammedLayer> {
  const out = new Map<string, ProgrammedLayer>();
  for (const p of prepared.values()) out.set(p.node.name, programLayer(p, o));
  return out;
}

export function disposeChip(chip: ReadonlyMap<string, ProgrammedLayer>): void {
  for (const l of chip.values()) disposeLayer(l);
}


/** NF sums of a set of samples, per layer (mergeable across workers). */
export type NfSums = Map<string, { sum: number; n: number; max: number }>;

export interface SampleJobResult {
  readonly samples: readonly SampleResult[];
  readonly nf: NfSums;
}

/** Runs Monte Carlo samples somewhere (this thread, or a pool of worker threads). */
export type SampleRunner = (job: SampleJob, progress?: Progress) => Promise<SampleJobResult>;

/** Runs the samples of a job in this thread. Sample k's result depends only on k and the inputs. */
export async function runSamples(job: SampleJob, progress?: Progress): Promise<SampleJobResult> {
  const fw = new FloatWeights(job.graph);
  try {
    const prepared = prepareLayers(job.graph, job.mappings, job.calibration);
    const nf: NfSums = new Map();
    for (const n of matrixNodes(job.graph)) nf.set(n.name, { sum: 0, n: 0, max: 0 });
    const samples: SampleResult[] = [];
    // Steps count within this job: the runner (or a worker pool) adds them up over jobs.
    const total = job.samples.length;
    for (const k of job.samples) {
      const seed = sampleSeed(job.seed, k);
      let chip = programChip(prepared, { technology: job.technology, irDrop: job.irDrop, deviceEffects: 'on', seed });
      if (needsColumnCalibration(job.mappings)) {
        assert(job.calibrationImages, () => 'column calibration without calibration images');
        const calX = imageBatch(job.calibrationImages, 0, Math.min(job.calibrationImages.n, job.batchSize));
        chip = calibrateChip(job.graph, fw, chip, job.technology, calX);
        calX.dispose();
      }
      for (const [name, l] of chip) {
        const a = nf.get(name)!;
        a.sum += l.nfMean * l.nfColumns;
        a.n += l.nfColumns;
        a.max = Math.max(a.max, l.nfMax);
      }
      const { accuracy, correct } = accuracyOf(job, fw, { kind: 'crossbar', layers: chip, technology: job.technology });
      disposeChip(chip);
      samples.push({ index: k, seed, accuracy, correct });
      progress?.(`Monte Carlo sample ${k + 1}: non-ideal accuracy ${(accuracy * 100).toFixed(2)} %`, { done: samples.length, total, unit: 'steps' });
      await new Promise((r) => setImmediate(r)); // let progress output and timers run between samples
    }
    return { samples, nf };
  } finally {
    fw.dispose();
  }
}

export async function simulateNetwork(o: SimulationOptions): Promise<SimulationResult> {
  const fw = new FloatWeights(o.graph);
  let calibration: Map<string, InputCalibration>;
  let ideal: number;
  let quantised: number;
  try {
    // Input ranges (and 'calibrated' ADC ranges) from the calibration split when there is one, else from the
    // first evaluation batch (the NAX-era behaviour).
    const calData = o.calibrationImages ?? o.data;
    const calX = imageBatch(calData, 0, Math.min(calData.n, o.batchSize));
    calibration = calibrateInputsAndAdc(o.graph, fw, o.mappings, o.technology, calX);
    calX.dispose();
    const prepared = prepareLayers(o.graph, o.mappings, calibration);

    ideal = accuracyOf(o, fw, { kind: 'float' }).accuracy;
    o.progress?.(`ideal float accuracy ${(ideal * 100).toFixed(2)} %`, { done: 1, total: 2 + o.samples.length, unit: 'steps' });

    const qChip = programChip(prepared, { technology: o.technology, irDrop: 'ideal', deviceEffects: 'off', seed: o.seed });
    quantised = accuracyOf(o, fw, { kind: 'crossbar', layers: qChip, technology: o.technology }).accuracy;
    disposeChip(qChip);
    o.progress?.(`quantised (ideal devices) accuracy ${(quantised * 100).toFixed(2)} %`, { done: 2, total: 2 + o.samples.length, unit: 'steps' });
  } finally {
    fw.dispose();
  }
  const job: SampleJob = {
    graph: o.graph, mappings: o.mappings, technology: o.technology, data: o.data, seed: o.seed,
    samples: o.samples, irDrop: o.irDrop, batchSize: o.batchSize, calibration,
    ...(o.calibrationImages ? { calibrationImages: o.calibrationImages } : {}),
  };
  // A run's steps: the float and quantised evaluations, then one per Monte Carlo sample.
  const progress: Progress | undefined = o.progress && ((l, st) => o.progress!(l, st && { ...st, done: 2 + st.done, total: 2 + st.total }));
  const r = await (o.runner ?? runSamples)(job, progress);
  const samples = [...r.samples].sort((a, b) => a.index - b.index);
  const nf = new Map<string, { mean: number; max: number }>();
  for (const [name, a] of r.nf) nf.set(name, { mean: a.n > 0 ? a.sum / a.n : 0, max: a.max });
  return { ideal, quantised, samples, nf };
}

/**
 * Non-ideal output of a network on a batch (for the search): calibrates input ranges (and, when a mapping
 * asks for it, the chip's per-channel correction) on the images themselves — the search's training images,
 * never the evaluation set — programs one chip instance and runs it. Layers in `floatLayers` stay ideal float.
 */
export function nonIdealLogits(o: {
  graph: NetworkGraph;
  mappings: ReadonlyMap<string, LayerMapping>;
  technology: Technology;
  images: Float32Array;
  n: number;
  seed: number;
  irDrop: IrDropModel;
  floatLayers?: ReadonlySet<string>;
}): Float32Array {
  const fw = new FloatWeights(o.graph);
  const x = tf.tensor4d(o.images.subarray(0, o.n * o.graph.inputShape.reduce((a, b) => a * b, 1)), [o.n, ...o.graph.inputShape]);
  try {
    const calibration = calibrateInputsAndAdc(o.graph, fw, o.mappings, o.technology, x);
    const all = prepareLayers(o.graph, o.mappings, calibration);
    const prepared = new Map([...all].filter(([name]) => !o.floatLayers?.has(name)));
    let chip = programChip(prepared, { technology: o.technology, irDrop: o.irDrop, deviceEffects: 'on', seed: o.seed });
    if (needsColumnCalibration(o.mappings)) chip = calibrateChip(o.graph, fw, chip, o.technology, x, o.floatLayers);
    const y = forward(o.graph, fw, { kind: 'crossbar', layers: chip, technology: o.technology, floatLayers: o.floatLayers }, x, 0);
    const out = y.dataSync() as Float32Array;
    y.dispose();
    disposeChip(chip);
    return out;
  } finally {
    x.dispose();
    fw.dispose();
  }
}
