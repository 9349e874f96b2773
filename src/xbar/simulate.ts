/**
 * The full non-ideal simulation of a network on an evaluation set: ideal float accuracy, quantised
 * accuracy on ideal devices and wires, and non-ideal accuracy over Monte Carlo chip instances (one seed
 * per sample), with each layer's NF. Pure computation on typed arrays and the tfjs backend; no I/O.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerMapping } from '../config/mapping.js';
import type { IrDropModel } from '../config/nax-config.js';
import type { Technology } from '../config/technology.js';
import { type NetworkGraph, inputSize, matrixNodes } from '../model/graph.js';
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
import { deriveSeed } from './rng.js';
import type { Progress } from '../progress.js';

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
  /**
   * The evaluation batches to run, [start, end) in batch indices (default all). Batch b always holds images
   * b·batchSize… and keys its noise streams by b, so a chip's result on an image does not depend on the split.
   */
  readonly batches?: BatchRange;
  /**
   * Run the quantised reference instead of Monte Carlo chips: ideal devices and wires, programmed with `seed`
   * (samples must be [0]). A job like any other, so a pool runs it beside the samples.
   */
  readonly reference?: boolean;
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

/** A range of evaluation batches, [start, end) in batch indices. */
export interface BatchRange {
  readonly start: number;
  readonly end: number;
}

/** One chip's NF over a layer: the sum over its columns, their count and the largest column NF. */
export interface NfSum {
  readonly sum: number;
  readonly n: number;
  readonly max: number;
}

/** One Monte Carlo sample's chip run on one range of batches (a whole sample is one or more parts). */
export interface SamplePart {
  readonly index: number;
  readonly seed: number;
  /** Evaluation-set index of the part's first image. */
  readonly firstImage: number;
  /** Per image of the part: 1 when this chip classified it right. */
  readonly correct: Uint8Array;
  /** Per matrix layer, this chip's NF (the chip is the same in every part of a sample). */
  readonly nf: ReadonlyMap<string, NfSum>;
}

export interface SampleResult {
  readonly index: number;
  readonly seed: number;
  /** Right images ÷ images simulated. */
  readonly accuracy: number;
  /** Per simulated image, in evaluation-set order: 1 when this chip classified it right (for paired intervals). */
  readonly correct: Uint8Array;
  /** Per matrix layer, this chip's NF sum, column count and max (shard reports carry them for an exact merge). */
  readonly nf: ReadonlyMap<string, NfSum>;
}

export interface SimulationResult {
  readonly ideal: number;
  readonly quantised: number;
  /** Right images of the float and the quantised model (ideal = idealCorrect ÷ images). */
  readonly idealCorrect: number;
  readonly quantisedCorrect: number;
  /** The evaluation images simulated, [start, end). */
  readonly images: { readonly start: number; readonly end: number };
  readonly samples: readonly SampleResult[];
  /** Per matrix layer: NF mean and max over samples, columns and crossbars. */
  readonly nf: ReadonlyMap<string, { mean: number; max: number }>;
}

/** Seed of Monte Carlo sample k's chip instance. */
export function sampleSeed(seed: number, k: number): number {
  return deriveSeed(seed, 'sample', k);
}

/** Batches of `size` images over n images. */
export function batchCount(n: number, size: number): number {
  return Math.ceil(n / size);
}

/** Image range [start, end) of a batch range. */
export function imageRange(n: number, size: number, r: BatchRange): { start: number; end: number } {
  return { start: Math.min(n, r.start * size), end: Math.min(n, r.end * size) };
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

/**
 * Right images and per-image correctness of one way of computing the matrix layers over a range of evaluation
 * batches (global batch indices, so noise streams and batch contents match the unsplit run).
 */
function correctOver(
  o: { data: EvalData; batchSize: number; graph: NetworkGraph },
  range: BatchRange,
  fw: FloatWeights,
  mode: MatrixMode,
): { right: number; correct: Uint8Array; firstImage: number } {
  const { start, end } = imageRange(o.data.n, o.batchSize, range);
  const all = new Uint8Array(o.data.n);
  let right = 0;
  for (let bi = range.start; bi < range.end; bi++) {
    const s = bi * o.batchSize;
    const e = Math.min(o.data.n, s + o.batchSize);
    const x = imageBatch(o.data, s, e);
    const y = forward(o.graph, fw, mode, x, bi);
    right += markCorrect(y, o.data.labels, s, all);
    x.dispose();
    y.dispose();
  }
  return { right, correct: all.slice(start, end), firstImage: start };
}

function allBatches(o: { data: ImageData; batchSize: number }): BatchRange {
  return { start: 0, end: batchCount(o.data.n, o.batchSize) };
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


export interface SampleJobResult {
  /** One part per sample and batch range run, in any order. */
  readonly parts: readonly SamplePart[];
}

/** Runs Monte Carlo samples somewhere (this thread, or a pool of worker threads). */
export interface SampleRunner {
  (job: SampleJob, progress?: Progress): Promise<SampleJobResult>;
  /**
   * One chip's non-ideal output (nonIdealLogits) where this runner runs its work: the search's architecture
   * steps and derivation checks issue several at once (paths, chips), which a pool runs side by side.
   */
  readonly logits?: (job: LogitsJob) => Promise<Float32Array>;
}

/** Runs the samples of a job in this thread. Sample k's result depends only on k and the inputs. */
export async function runSamples(job: SampleJob, progress?: Progress): Promise<SampleJobResult> {
  const fw = new FloatWeights(job.graph);
  const range = job.batches ?? allBatches(job);
  const whole = range.start === 0 && range.end === batchCount(job.data.n, job.batchSize);
  try {
    const prepared = prepareLayers(job.graph, job.mappings, job.calibration);
    const parts: SamplePart[] = [];
    for (const k of job.samples) {
      const seed = job.reference ? job.seed : sampleSeed(job.seed, k);
      let chip = job.reference
        ? programChip(prepared, { technology: job.technology, irDrop: 'ideal', deviceEffects: 'off', seed })
        : programChip(prepared, { technology: job.technology, irDrop: job.irDrop, deviceEffects: 'on', seed });
      if (!job.reference && needsColumnCalibration(job.mappings)) {
        assert(job.calibrationImages, () => 'column calibration without calibration images');
        const calX = imageBatch(job.calibrationImages, 0, Math.min(job.calibrationImages.n, job.batchSize));
        chip = calibrateChip(job.graph, fw, chip, job.technology, calX);
        calX.dispose();
      }
      const nf = new Map<string, NfSum>();
      for (const [name, l] of chip) nf.set(name, { sum: l.nfMean * l.nfColumns, n: l.nfColumns, max: l.nfMax });
      const r = correctOver(job, range, fw, { kind: 'crossbar', layers: chip, technology: job.technology });
      disposeChip(chip);
      parts.push({ index: k, seed, firstImage: r.firstImage, correct: r.correct, nf });
      const images = r.correct.length;
      // Steps count within this job: the runner (or a worker pool) adds them up over jobs.
      if (!job.reference) progress?.(whole
        ? `Monte Carlo sample ${k + 1}: non-ideal accuracy ${(r.right / images * 100).toFixed(2)} %`
        : `Monte Carlo sample ${k + 1}, images ${r.firstImage + 1}–${r.firstImage + images}: ${r.right} right`,
      { done: parts.length, total: job.samples.length, unit: 'steps' });
      await new Promise((res) => setImmediate(res)); // let progress output and timers run between samples
    }
    return { parts };
  } finally {
    fw.dispose();
  }
}

/**
 * Whole samples from their parts: each sample's parts, in image order, must tile `images` exactly. The
 * result is sorted by sample index, whatever order and split the parts came in.
 */
export function assembleSamples(parts: readonly SamplePart[], images: { start: number; end: number }): SampleResult[] {
  const byIndex = new Map<number, SamplePart[]>();
  for (const p of parts) {
    const list = byIndex.get(p.index) ?? [];
    list.push(p);
    byIndex.set(p.index, list);
  }
  const n = images.end - images.start;
  return [...byIndex.keys()].sort((a, b) => a - b).map((index) => {
    const list = byIndex.get(index)!.sort((a, b) => a.firstImage - b.firstImage);
    const correct = new Uint8Array(n);
    let at = images.start;
    for (const p of list) {
      assert(p.firstImage === at, () => `sample ${index}: part at image ${p.firstImage}, expected ${at}`);
      correct.set(p.correct, at - images.start);
      at += p.correct.length;
    }
    assert(at === images.end, () => `sample ${index}: parts end at image ${at}, expected ${images.end}`);
    let right = 0;
    for (let i = 0; i < n; i++) right += correct[i];
    return { index, seed: list[0].seed, accuracy: right / n, correct, nf: list[0].nf };
  });
}

/**
 * Per layer NF mean and max over samples: sums added in sample order from 0, so the same samples give the
 * same bits however they were split across workers or shards.
 */
export function nfOverSamples(
  layers: readonly string[],
  samples: readonly { readonly nf: ReadonlyMap<string, NfSum> }[],
): Map<string, { mean: number; max: number }> {
  const acc = new Map<string, { sum: number; n: number; max: number }>(layers.map((name) => [name, { sum: 0, n: 0, max: 0 }]));
  for (const s of samples) {
    for (const [name, a] of s.nf) {
      const t = acc.get(name) ?? { sum: 0, n: 0, max: 0 };
      acc.set(name, { sum: t.sum + a.sum, n: t.n + a.n, max: Math.max(t.max, a.max) });
    }
  }
  const out = new Map<string, { mean: number; max: number }>();
  for (const [name, a] of acc) out.set(name, { mean: a.n > 0 ? a.sum / a.n : 0, max: a.max });
  return out;
}

export async function simulateNetwork(o: SimulationOptions): Promise<SimulationResult> {
  const fw = new FloatWeights(o.graph);
  const range = o.batches ?? allBatches(o);
  assert(range.start >= 0 && range.start < range.end && range.end <= batchCount(o.data.n, o.batchSize), () => `batches ${range.start}…${range.end}`);
  const images = imageRange(o.data.n, o.batchSize, range);
  let calibration: Map<string, InputCalibration>;
  let idealCorrect: number;
  const share = (right: number) => right / (images.end - images.start);
  try {
    // Input ranges (and 'calibrated' ADC ranges) from the calibration split when there is one, else from the
    // first evaluation batch (the NAX-era behaviour) — the whole set's first batch, whatever range runs here.
    const calData = o.calibrationImages ?? o.data;
    const calX = imageBatch(calData, 0, Math.min(calData.n, o.batchSize));
    calibration = calibrateInputsAndAdc(o.graph, fw, o.mappings, o.technology, calX);
    calX.dispose();
    idealCorrect = correctOver(o, range, fw, { kind: 'float' }).right;
    o.progress?.(`ideal float accuracy ${(share(idealCorrect) * 100).toFixed(2)} %`, { done: 1, total: 2 + o.samples.length, unit: 'steps' });
  } finally {
    fw.dispose();
  }
  const job: SampleJob = {
    graph: o.graph, mappings: o.mappings, technology: o.technology, data: o.data, seed: o.seed,
    samples: o.samples, irDrop: o.irDrop, batchSize: o.batchSize, batches: range, calibration,
    ...(o.calibrationImages ? { calibrationImages: o.calibrationImages } : {}),
  };
  // The quantised reference costs as much as one sample: on a pool it runs beside the samples (both cores
  // busy even with one sample); in this thread, first.
  const reference: SampleJob = { ...job, samples: [0], reference: true };
  // A run's steps: the float evaluation, one per Monte Carlo sample, then the quantised reference.
  const progress: Progress | undefined = o.progress && ((l, st) => o.progress!(l, st && { ...st, done: 1 + st.done, total: 2 + st.total }));
  const [q, r] = o.runner
    ? await Promise.all([o.runner(reference), o.runner(job, progress)])
    : [await runSamples(reference), await runSamples(job, progress)];
  const quantisedCorrect = assembleSamples(q.parts, images)[0].correct.reduce((a, b) => a + b, 0);
  o.progress?.(`quantised (ideal devices) accuracy ${(share(quantisedCorrect) * 100).toFixed(2)} %`, { done: 2 + o.samples.length, total: 2 + o.samples.length, unit: 'steps' });
  const samples = assembleSamples(r.parts, images);
  assert(samples.length === o.samples.length, () => `${samples.length} samples came back for ${o.samples.length}`);
  const nf = nfOverSamples(matrixNodes(o.graph).map((n) => n.name), samples);
  return { ideal: share(idealCorrect), quantised: share(quantisedCorrect), idealCorrect, quantisedCorrect, images, samples, nf };
}

/** One network on a batch of images on one chip instance (nonIdealLogits). */
export interface LogitsJob {
  readonly graph: NetworkGraph;
  readonly mappings: ReadonlyMap<string, LayerMapping>;
  readonly technology: Technology;
  /** n images, row-major (at least n · the input size values). */
  readonly images: Float32Array;
  readonly n: number;
  readonly seed: number;
  readonly irDrop: IrDropModel;
  /** Layers that stay ideal float. */
  readonly floatLayers?: ReadonlySet<string>;
}

/**
 * Non-ideal output of a network on a batch (for the search): calibrates input ranges (and, when a mapping
 * asks for it, the chip's per-channel correction) on the images themselves — the search's training images,
 * never the evaluation set — programs one chip instance and runs it. Layers in `floatLayers` stay ideal float.
 */
export function nonIdealLogits(o: LogitsJob): Float32Array {
  const fw = new FloatWeights(o.graph);
  const x = tf.tensor4d(o.images.subarray(0, o.n * inputSize(o.graph)), [o.n, ...o.graph.inputShape]);
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
