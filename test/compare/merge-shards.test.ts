import { describe, expect, test } from '@jest/globals';
import { mergeShards } from '../../src/compare/merge-shards.js';
import { accuracyStats } from '../../src/stats/accuracy-stats.js';
import type { NaxReport } from '../../src/report.js';
import { loadReport, mutable } from './reports.js';
import { userError } from '../support/user-error.js';

const head = loadReport('head');

/** Shard k of n of a 6-sample run: samples k, k+n, … (the pipeline's round-robin split). */
function shard(k: number, n: number, all: number[] = [0.96, 0.95, 0.97, 0.94, 0.965, 0.955]): NaxReport {
  const idx = all.map((_, i) => i).filter((i) => i % n === k);
  const samples = idx.map((i) => all[i]);
  const r = mutable(head);
  r.settings!.monteCarloSamples = all.length;
  const stats = accuracyStats(samples, idx.map((i) => 100 + i));
  r.accuracy!.nonIdeal = JSON.parse(JSON.stringify(stats)) as NonNullable<typeof r.accuracy>['nonIdeal'];
  r.shard = { index: k, count: n };
  r.layers.forEach((l, j) => (l.nf = { mean: 0.01 * (j + 1) * (k + 1), max: 0.05 * (k + 1) }));
  return r as NaxReport;
}


describe('mergeShards', () => {
  test('puts samples back in sample order (shard s holds s, s + n, …) and recomputes the statistics', () => {
    const m = mergeShards([shard(1, 2), shard(0, 2)]);
    expect(m.shard).toBeUndefined();
    expect(m.accuracy?.nonIdeal.samples).toEqual([0.96, 0.95, 0.97, 0.94, 0.965, 0.955]);
    expect(m.accuracy?.nonIdeal.sampleSeeds).toEqual([100, 101, 102, 103, 104, 105]);
    const s = [0.96, 0.95, 0.97, 0.94, 0.965, 0.955];
    const mean = s.reduce((a, b) => a + b) / 6;
    expect(m.accuracy?.nonIdeal.mean).toBeCloseTo(mean, 12);
    expect(m.accuracy?.nonIdeal.std).toBeCloseTo(Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / 6), 12);
    expect(m.accuracy?.nonIdeal.min).toBe(0.94);
    expect(m.accuracy?.nonIdeal.max).toBe(0.97);
    expect(m.settings?.monteCarloSamples).toBe(6);
  });

  test('NF means weighted by sample count, NF max the largest', () => {
    const m = mergeShards([shard(0, 2), shard(1, 2)]);
    expect(m.layers[0].nf?.mean).toBeCloseTo((0.01 * 3 + 0.02 * 3) / 6, 12);
    expect(m.layers[0].nf?.max).toBeCloseTo(0.1, 12);
  });

  test('one shard of one is the report itself (statistics unchanged)', () => {
    const one = shard(0, 1);
    expect(mergeShards([one]).accuracy?.nonIdeal).toEqual(one.accuracy?.nonIdeal);
  });

  test('a missing shard is an error, never a smaller sample', () => {
    const e = userError(() => mergeShards([shard(0, 3), shard(2, 3)], { labels: ['a.json', 'c.json'] }));
    expect(e.format()).toBe('shard reports: shard: shard 2/3 missing (every matrix leg must upload its report; a smaller sample is never used)');
  });

  test('a duplicated shard names both files', () => {
    const e = userError(() => mergeShards([shard(0, 2), shard(0, 2)], { labels: ['a.json', 'b.json'] }));
    expect(e.format()).toBe('b.json: shard.index: shard 1/2 also in a.json');
  });

  test('mismatched inputs hashes are an error', () => {
    const other = mutable(shard(1, 2));
    other.inputs.model.sha256 = 'sha256:0000';
    const e = userError(() => mergeShards([shard(0, 2), other as NaxReport], { labels: ['a.json', 'b.json'] }));
    expect(e.file).toBe('b.json');
    expect(e.field).toBe('inputs.model.sha256');
    expect(e.hint).toBe('all shards must simulate the same commit');
  });

  test('different shard counts, settings, or a report without shard are errors', () => {
    expect(userError(() => mergeShards([shard(0, 2), shard(1, 3)])).field).toBe('shard.count');
    const seed = mutable(shard(1, 2));
    seed.settings!.seed = 9;
    expect(userError(() => mergeShards([shard(0, 2), seed as NaxReport])).field).toBe('settings.seed');
    expect(userError(() => mergeShards([head])).field).toBe('shard');
    expect(userError(() => mergeShards([])).message).toMatch(/no shard reports/);
  });

  test('samples that do not add up to the run are an error', () => {
    const short = mutable(shard(1, 2));
    short.accuracy!.nonIdeal = { mean: 0.9, std: 0, min: 0.9, max: 0.9, samples: [0.9], sampleSeeds: [101] };
    expect(userError(() => mergeShards([shard(0, 2), short as NaxReport])).field).toBe('settings.monteCarloSamples');
  });
});
