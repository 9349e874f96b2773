/**
 * `mode: merge`: one report from the shard reports of a Monte Carlo run split across a matrix
 * (`shard: i/n`). Samples are concatenated in shard order and the statistics recomputed. A missing or
 * duplicated shard, or shards computed from different inputs or settings, is an error: a smaller sample
 * would silently weaken the accuracy check.
 */
import { NaxUserError } from '../errors.js';
import type { LayerReport, NaxReport, NfStats } from '../report.js';
import { accuracyStats } from '../stats/accuracy-stats.js';

export interface MergeOptions {
  /** Names of the shard reports (file names), in the order of `reports`, for error messages. */
  readonly labels?: readonly string[];
}

const INPUT_NAMES = ['config', 'model', 'mapping', 'technology', 'evalSet', 'calibrationSet'] as const;

/** Combines shard reports into the report of the whole run. */
export function mergeShards(reports: readonly NaxReport[], options: MergeOptions = {}): NaxReport {
  const label = (i: number) => options.labels?.[i] ?? `shard report ${i + 1}`;
  if (reports.length === 0) throw new NaxUserError('shard reports', '', 'no shard reports to merge', 'download the shard artifacts first');
  const count = reports[0].shard?.count;
  reports.forEach((r, i) => {
    if (!r.shard) throw new NaxUserError(label(i), 'shard', 'not a shard report (no "shard" field)', 'run the matrix legs with the shard input');
    if (r.shard.count !== count) {
      throw new NaxUserError(label(i), 'shard.count', `found ${r.shard.count} shards, the first report says ${count}`);
    }
    if (!r.accuracy) throw new NaxUserError(label(i), 'accuracy', 'a shard report has no accuracy (cost-only)');
  });
  const n = count as number;
  // Messages number shards 1…n, as the `shard: i/n` input does; reports store 0-based indices.
  const byIndex = new Map<number, number>();
  reports.forEach((r, i) => {
    const idx = (r.shard as { index: number }).index;
    const prev = byIndex.get(idx);
    if (prev !== undefined) throw new NaxUserError(label(i), 'shard.index', `shard ${idx + 1}/${n} also in ${label(prev)}`);
    byIndex.set(idx, i);
  });
  const missing = [...Array(n).keys()].filter((k) => !byIndex.has(k));
  if (missing.length > 0 || reports.length !== n) {
    throw new NaxUserError('shard reports', 'shard',
      missing.length > 0
        ? `shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k + 1}/${n}`).join(', ')} missing`
        : `expected ${n} shards, found ${reports.length}`,
      'every matrix leg must upload its report; a smaller sample is never used');
  }
  const ordered = [...Array(n).keys()].map((k) => byIndex.get(k) as number);
  const first = reports[ordered[0]];
  for (const i of ordered) checkSameRun(first, reports[i], label(i));

  const samples = ordered.flatMap((i) => reports[i].accuracy?.nonIdeal.samples ?? []);
  const seeds = ordered.flatMap((i) => reports[i].accuracy?.nonIdeal.sampleSeeds ?? []);
  const seen = new Set<number>();
  seeds.forEach((s) => {
    if (seen.has(s)) throw new NaxUserError('shard reports', 'accuracy.nonIdeal.sampleSeeds', `sample seed ${s} appears in two shards`);
    seen.add(s);
  });
  const total = first.settings?.monteCarloSamples;
  const perShard = ordered.every((i) => reports[i].settings?.monteCarloSamples === reports[i].accuracy?.nonIdeal.samples.length);
  if (total !== undefined && total !== samples.length && !perShard) {
    throw new NaxUserError('shard reports', 'settings.monteCarloSamples', `the shards hold ${samples.length} samples, the run asked for ${total}`);
  }
  const bits = ordered.map((i) => reports[i].accuracy?.nonIdeal.correct);
  const allBits = bits.every((b) => b !== undefined) ? bits.flat() as string[] : undefined;
  const images = first.settings?.evalImages;
  const acc = first.accuracy as NonNullable<NaxReport['accuracy']>;
  const { shard: _shard, timings: _timings, ...rest } = first;
  return {
    ...rest,
    ...(first.settings ? { settings: { ...first.settings, monteCarloSamples: samples.length } } : {}),
    accuracy: { ideal: acc.ideal, quantised: acc.quantised, nonIdeal: accuracyStats(samples, seeds, allBits && images !== undefined ? { bits: allBits, images } : undefined) },
    layers: first.layers.map((l, k) => mergeLayerNf(l, ordered.map((i) => reports[i].layers[k]), ordered.map((i) => reports[i]))),
  };
}

/** Deterministic parts (inputs, settings but the sample count, float accuracy, costs) must agree. */
function checkSameRun(a: NaxReport, b: NaxReport, name: string): void {
  for (const k of INPUT_NAMES) {
    if (a.inputs[k]?.sha256 !== b.inputs[k]?.sha256) {
      throw new NaxUserError(name, `inputs.${k}.sha256`, `differs from the other shards (${b.inputs[k]?.sha256 ?? 'none'} vs ${a.inputs[k]?.sha256 ?? 'none'})`,
        'all shards must simulate the same commit');
    }
  }
  if (a.backend !== b.backend) throw new NaxUserError(name, 'backend', `'${b.backend}' vs '${a.backend}' in the other shards`);
  for (const k of ['seed', 'evalImages', 'irDrop'] as const) {
    if (a.settings?.[k] !== b.settings?.[k]) {
      throw new NaxUserError(name, `settings.${k}`, `${String(b.settings?.[k])} vs ${String(a.settings?.[k])} in the other shards`);
    }
  }
  if (a.accuracy?.ideal !== b.accuracy?.ideal || a.accuracy?.quantised !== b.accuracy?.quantised) {
    throw new NaxUserError(name, 'accuracy.ideal', 'the deterministic accuracies differ between shards');
  }
  if (a.totals.edap !== b.totals.edap || a.layers.length !== b.layers.length ||
    a.layers.some((l, k) => l.name !== b.layers[k].name)) {
    throw new NaxUserError(name, 'totals', 'the layers or costs differ between shards');
  }
}

/** NF mean weighted by each shard's sample count; NF max is the largest seen. */
function mergeLayerNf(l: LayerReport, parts: readonly LayerReport[], reports: readonly NaxReport[]): LayerReport {
  const nfs = parts.map((p, i) => ({ nf: p.nf, n: reports[i].accuracy?.nonIdeal.samples.length ?? 0 }));
  if (nfs.some((x) => !x.nf)) return l;
  const n = nfs.reduce((s, x) => s + x.n, 0);
  const nf: NfStats = {
    mean: n === 0 ? (nfs[0].nf as NfStats).mean : nfs.reduce((s, x) => s + (x.nf as NfStats).mean * x.n, 0) / n,
    max: Math.max(...nfs.map((x) => (x.nf as NfStats).max)),
  };
  return { ...l, nf };
}
