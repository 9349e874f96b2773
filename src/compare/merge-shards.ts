/**
 * `nax merge` / `mode: merge`: one report from the shard reports of a run split across a matrix, over Monte
 * Carlo samples (`shard: i/n`: samples k ≡ i mod n) and over evaluation images (`--image-shard j/m`:
 * contiguous whole batches). The merged report is the unsharded run's, byte for byte: samples are put back
 * in sample order, each chip's per-image bitsets joined across image shards and its accuracy recounted from
 * them, ideal and quantised accuracies rebuilt from right-image counts, and NF means from per-sample sums
 * added in sample order (a mean of shard means differs in the last digit). A missing, duplicated or
 * overlapping shard, or shards computed from different inputs or settings, is an error: a smaller sample
 * would silently weaken the accuracy check.
 */
import { NaxUserError } from '../errors.js';
import type { LayerReport, NaxReport, NfStats, ShardInfo } from '../report.js';
import { accuracyStats } from '../stats/accuracy-stats.js';
import { packCorrectness, unpackCorrectness } from '../stats/correctness-bits.js';

export interface MergeOptions {
  /** Names of the shard reports (file names), in the order of `reports`, for error messages. */
  readonly labels?: readonly string[];
}

const INPUT_NAMES = ['config', 'model', 'mapping', 'technology', 'evalSet', 'calibrationSet'] as const;

type Accuracy = NonNullable<NaxReport['accuracy']>;

/** One shard report with where it sits in the run. */
interface Cell {
  readonly report: NaxReport;
  readonly label: string;
  /** Monte Carlo shard and image shard, 0-based. */
  readonly s: number;
  readonly i: number;
}

/** Combines shard reports into the report of the whole run. */
export function mergeShards(reports: readonly NaxReport[], options: MergeOptions = {}): NaxReport {
  const label = (k: number) => options.labels?.[k] ?? `shard report ${k + 1}`;
  if (reports.length === 0) throw new NaxUserError('shard reports', '', 'no shard reports to merge', 'download the shard artifacts first');
  const count = reports[0].shard?.count;
  const imageCount = reports[0].shard?.images?.count ?? 1;
  reports.forEach((r, k) => {
    if (!r.shard) throw new NaxUserError(label(k), 'shard', 'not a shard report (no "shard" field)', 'run the matrix legs with the shard input');
    if (r.shard.count !== count) {
      throw new NaxUserError(label(k), 'shard.count', `found ${r.shard.count} shards, the first report says ${count}`);
    }
    if ((r.shard.images?.count ?? 1) !== imageCount) {
      throw new NaxUserError(label(k), 'shard.images.count', `found ${r.shard.images?.count ?? 1} image shards, the first report says ${imageCount}`);
    }
    if (!r.accuracy) throw new NaxUserError(label(k), 'accuracy', 'a shard report has no accuracy (cost-only)');
  });
  const n = count as number;
  // Messages number shards 1…n, as the `shard: i/n` input does; reports store 0-based indices.
  const name = (s: number, i: number) => [
    ...(n > 1 || imageCount === 1 ? [`shard ${s + 1}/${n}`] : []), ...(imageCount > 1 ? [`image shard ${i + 1}/${imageCount}`] : []),
  ].join(', ');
  const grid = new Map<string, Cell>();
  reports.forEach((r, k) => {
    const s = (r.shard as ShardInfo).index;
    const i = r.shard?.images?.index ?? 0;
    const prev = grid.get(`${s}/${i}`);
    if (prev) throw new NaxUserError(label(k), imageCount > 1 ? 'shard' : 'shard.index', `${name(s, i)} also in ${prev.label}`);
    grid.set(`${s}/${i}`, { report: r, label: label(k), s, i });
  });
  const missing: string[] = [];
  for (let s = 0; s < n; s++) for (let i = 0; i < imageCount; i++) if (!grid.has(`${s}/${i}`)) missing.push(name(s, i));
  if (missing.length > 0 || reports.length !== n * imageCount) {
    throw new NaxUserError('shard reports', 'shard',
      missing.length > 0
        ? `${missing.length === 1 || imageCount > 1 ? missing.join('; ') : `shards ${missing.map((m) => m.replace(/^shard /, '')).join(', ')}`} missing`
        : `expected ${n * imageCount} shards, found ${reports.length}`,
      'every matrix leg must upload its report; a smaller sample is never used');
  }
  const cell = (s: number, i: number) => grid.get(`${s}/${i}`) as Cell;
  const first = cell(0, 0).report;
  for (let s = 0; s < n; s++) for (let i = 0; i < imageCount; i++) checkSameRun(first, cell(s, i), cell(0, i).report);
  const images = imageLayout(Array.from({ length: imageCount }, (_, i) => cell(0, i)));

  // Samples back in sample order: shard s's j-th sample is sample s + j·n (pipeline.ts shardSamples).
  const chips: Array<{ index: number; seed: number; accuracy: number; bits?: string; nf?: Array<{ sum: number; columns: number }> }> = [];
  for (let s = 0; s < n; s++) {
    const row = Array.from({ length: imageCount }, (_, i) => cell(s, i));
    const nonIdeal = (c: Cell) => (c.report.accuracy as Accuracy).nonIdeal;
    const seeds = nonIdeal(row[0]).sampleSeeds;
    for (const c of row) {
      if (JSON.stringify(nonIdeal(c).sampleSeeds) !== JSON.stringify(seeds)) {
        throw new NaxUserError(c.label, 'accuracy.nonIdeal.sampleSeeds', `differ from ${row[0].label}'s (the same Monte Carlo shard)`);
      }
      if (JSON.stringify(c.report.shard?.nf ?? null) !== JSON.stringify(row[0].report.shard?.nf ?? null)) {
        throw new NaxUserError(c.label, 'shard.nf', `differs from ${row[0].label}'s (the same chips must give the same NF)`);
      }
    }
    const nf = row[0].report.shard?.nf;
    seeds.forEach((seed, j) => {
      const parts = row.map((c) => nonIdeal(c).correct?.[j]);
      const bits = parts.every((b) => b !== undefined) ? joinBits(parts as string[], row, images.sizes) : undefined;
      chips.push({
        index: s + j * n,
        seed,
        accuracy: bits ? bits.right / images.total : nonIdeal(row[0]).samples[j],
        ...(bits ? { bits: bits.text } : {}),
        ...(nf ? { nf: nf.map((l) => ({ sum: l.sum[j], columns: l.columns[j] })) } : {}),
      });
    });
  }
  chips.sort((a, b) => a.index - b.index);
  const seen = new Set<number>();
  chips.forEach((c) => {
    if (seen.has(c.seed)) throw new NaxUserError('shard reports', 'accuracy.nonIdeal.sampleSeeds', `sample seed ${c.seed} appears in two shards`);
    seen.add(c.seed);
  });
  const total = first.settings?.monteCarloSamples;
  const perShard = [...grid.values()].every((c) => c.report.settings?.monteCarloSamples === c.report.accuracy?.nonIdeal.samples.length);
  if (total !== undefined && total !== chips.length && !perShard) {
    throw new NaxUserError('shard reports', 'settings.monteCarloSamples', `the shards hold ${chips.length} samples, the run asked for ${total}`);
  }
  const allBits = chips.every((c) => c.bits !== undefined) ? chips.map((c) => c.bits as string) : undefined;
  const acc = first.accuracy as Accuracy;
  const { shard: _shard, timings: _timings, ...rest } = first;
  const rows = Array.from({ length: imageCount }, (_, i) => cell(0, i));
  const exactNf = chips.every((c) => c.nf !== undefined && c.nf.length === first.layers.length);
  return {
    ...rest,
    ...(first.settings ? { settings: { ...first.settings, monteCarloSamples: chips.length, evalImages: images.total } } : {}),
    accuracy: {
      ideal: imageCount > 1 ? rows.reduce((t, c) => t + (c.report.shard?.images?.idealCorrect ?? 0), 0) / images.total : acc.ideal,
      quantised: imageCount > 1 ? rows.reduce((t, c) => t + (c.report.shard?.images?.quantisedCorrect ?? 0), 0) / images.total : acc.quantised,
      nonIdeal: accuracyStats(chips.map((c) => c.accuracy), chips.map((c) => c.seed), allBits ? { bits: allBits, images: images.total } : undefined),
    },
    layers: first.layers.map((l, k) => exactNf
      ? exactLayerNf(l, k, chips as Array<{ nf: Array<{ sum: number; columns: number }> }>, [...grid.values()].map((c) => c.report.layers[k]))
      : weightedLayerNf(l, k, Array.from({ length: n }, (_, s) => cell(s, 0).report))),
  };
}

/**
 * The image shards' ranges must tile the evaluation set: image shard i starts where i − 1 ended, the last
 * ends at the total. Each image shard's report holds `settings.evalImages` images from `shard.images.start`.
 */
function imageLayout(row: readonly Cell[]): { total: number; sizes: number[] } {
  const sizes = row.map((c) => c.report.settings?.evalImages ?? 0);
  if (row.length === 1 && !row[0].report.shard?.images) return { total: sizes[0], sizes };
  const total = row[0].report.shard?.images?.total ?? 0;
  let at = 0;
  row.forEach((c, i) => {
    const im = c.report.shard?.images;
    if (!im) throw new NaxUserError(c.label, 'shard.images', 'not an image shard report, the others are');
    if (im.total !== total) throw new NaxUserError(c.label, 'shard.images.total', `${im.total} images in the run, ${row[0].label} says ${total}`);
    if (im.start !== at) {
      throw new NaxUserError(c.label, 'shard.images.start',
        `image shard ${i + 1}/${row.length} starts at image ${im.start}, the previous shard ended at ${at} (${im.start < at ? 'overlap' : 'gap'})`,
        'all image shards must come from one run with the same images and batch size');
    }
    const acc = c.report.accuracy as Accuracy;
    if (acc.ideal !== im.idealCorrect / sizes[i] || acc.quantised !== im.quantisedCorrect / sizes[i]) {
      throw new NaxUserError(c.label, 'shard.images.idealCorrect', 'right-image counts disagree with the accuracies');
    }
    at += sizes[i];
  });
  if (at !== total) {
    throw new NaxUserError(row[row.length - 1].label, 'shard.images', `the image shards end at image ${at} of ${total}`,
      'all image shards must come from one run with the same images and batch size');
  }
  return { total, sizes };
}

/** One chip's bitsets over consecutive image shards, joined into one bitset over all images. */
function joinBits(parts: readonly string[], row: readonly Cell[], sizes: readonly number[]): { text: string; right: number } {
  const all: Uint8Array[] = parts.map((p, i) => {
    const bits = unpackCorrectness(p, sizes[i]);
    if (!bits) throw new NaxUserError(row[i].label, 'accuracy.nonIdeal.correct', `not a base64 bitset of ${sizes[i]} images`);
    return bits;
  });
  const joined = new Uint8Array(sizes.reduce((a, b) => a + b, 0));
  let at = 0;
  let right = 0;
  for (const b of all) {
    joined.set(b, at);
    at += b.length;
    for (const v of b) right += v;
  }
  return { text: packCorrectness(joined), right };
}

/**
 * Deterministic parts (inputs, settings but the sample count, costs) must agree with the first report; the
 * image count and float accuracies with the first report of the same image shard.
 */
function checkSameRun(a: NaxReport, cell: Cell, sameImages: NaxReport): void {
  const b = cell.report;
  const name = cell.label;
  for (const k of INPUT_NAMES) {
    if (a.inputs[k]?.sha256 !== b.inputs[k]?.sha256) {
      throw new NaxUserError(name, `inputs.${k}.sha256`, `differs from the other shards (${b.inputs[k]?.sha256 ?? 'none'} vs ${a.inputs[k]?.sha256 ?? 'none'})`,
        'all shards must simulate the same commit');
    }
  }
  if (a.backend !== b.backend) throw new NaxUserError(name, 'backend', `'${b.backend}' vs '${a.backend}' in the other shards`);
  for (const k of ['seed', 'irDrop'] as const) {
    if (a.settings?.[k] !== b.settings?.[k]) {
      throw new NaxUserError(name, `settings.${k}`, `${String(b.settings?.[k])} vs ${String(a.settings?.[k])} in the other shards`);
    }
  }
  if (sameImages.settings?.evalImages !== b.settings?.evalImages) {
    throw new NaxUserError(name, 'settings.evalImages', `${String(b.settings?.evalImages)} vs ${String(sameImages.settings?.evalImages)} in the other shards`);
  }
  if (sameImages.shard?.images?.start !== b.shard?.images?.start) {
    throw new NaxUserError(name, 'shard.images.start', `${String(b.shard?.images?.start)} vs ${String(sameImages.shard?.images?.start)} in the other shards`);
  }
  if (sameImages.accuracy?.ideal !== b.accuracy?.ideal || sameImages.accuracy?.quantised !== b.accuracy?.quantised) {
    throw new NaxUserError(name, 'accuracy.ideal', 'the deterministic accuracies differ between shards');
  }
  if (a.totals.edap !== b.totals.edap || a.layers.length !== b.layers.length ||
    a.layers.some((l, k) => l.name !== b.layers[k].name)) {
    throw new NaxUserError(name, 'totals', 'the layers or costs differ between shards');
  }
}

/** NF mean from per-sample sums added in sample order from 0 (as simulate.ts nfOverSamples); max the largest. */
function exactLayerNf(
  l: LayerReport,
  k: number,
  chips: ReadonlyArray<{ nf: ReadonlyArray<{ sum: number; columns: number }> }>,
  parts: readonly LayerReport[],
): LayerReport {
  if (parts.some((p) => !p.nf)) return l;
  let sum = 0;
  let columns = 0;
  for (const c of chips) {
    sum += c.nf[k].sum;
    columns += c.nf[k].columns;
  }
  const max = parts.reduce((m, p) => Math.max(m, (p.nf as NfStats).max), 0);
  return { ...l, nf: { mean: columns > 0 ? sum / columns : 0, max } };
}

/** Shard reports without NF sums (nax before 0.2): NF mean weighted by each shard's sample count. */
function weightedLayerNf(l: LayerReport, k: number, reports: readonly NaxReport[]): LayerReport {
  const nfs = reports.map((r) => ({ nf: r.layers[k].nf, n: r.accuracy?.nonIdeal.samples.length ?? 0 }));
  if (nfs.some((x) => !x.nf)) return l;
  const n = nfs.reduce((s, x) => s + x.n, 0);
  const nf: NfStats = {
    mean: n === 0 ? (nfs[0].nf as NfStats).mean : nfs.reduce((s, x) => s + (x.nf as NfStats).mean * x.n, 0) / n,
    max: Math.max(...nfs.map((x) => (x.nf as NfStats).max)),
  };
  return { ...l, nf };
}
