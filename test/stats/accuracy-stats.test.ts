import { describe, expect, test } from '@jest/globals';
import { compareReports } from '../../src/compare/compare-reports.js';
import { mergeShards } from '../../src/compare/merge-shards.js';
import { NO_BUDGETS } from '../../src/config/budgets.js';
import type { NaxReport } from '../../src/report.js';
import { resolutionSentences } from '../../src/render/resolution.js';
import { accuracyStats } from '../../src/stats/accuracy-stats.js';
import { packCorrectness, unpackCorrectness } from '../../src/stats/correctness-bits.js';
import { Rng } from '../../src/xbar/rng.js';
import { loadReport, mutable } from '../compare/reports.js';
import { userError } from '../support/user-error.js';

/** Per-chip correctness rows: image i is right with probability p_i (easy and hard images), chip-independent. */
function rows(images: number, chips: number, seed: number, shift = 0): Uint8Array[] {
  const rng = new Rng(seed);
  const p = Array.from({ length: images }, (_, i) => Math.min(1, Math.max(0, (i % 10 === 0 ? 0.4 : 0.95) + shift)));
  return Array.from({ length: chips }, () => Uint8Array.from(p, (pi) => (rng.uniform() < pi ? 1 : 0)));
}

/** A report whose non-ideal accuracy comes from correctness rows (as the pipeline builds it). */
function reportFrom(r: NaxReport, correct: Uint8Array[], seeds = correct.map((_, k) => 100 + k)): NaxReport {
  const m = mutable(r);
  const images = correct[0].length;
  m.settings!.evalImages = images;
  m.settings!.monteCarloSamples = correct.length;
  const stats = accuracyStats(correct.map((c) => c.reduce((s, v) => s + v, 0) / images), seeds, { bits: correct.map(packCorrectness), images });
  m.accuracy!.nonIdeal = JSON.parse(JSON.stringify(stats)) as NonNullable<typeof m.accuracy>['nonIdeal'];
  return m as NaxReport;
}

describe('correctness bitsets', () => {
  test('round trip for every length mod 8, and 2,000 images take 336 characters', () => {
    for (const n of [1, 7, 8, 9, 15, 16, 17, 2000]) {
      const c = rows(n, 1, n)[0];
      expect(unpackCorrectness(packCorrectness(c), n)).toEqual(c);
    }
    expect(packCorrectness(new Uint8Array(2000)).length).toBe(336);
  });

  test('a bitset of the wrong length, non-canonical base64 or with padding bits set is refused', () => {
    const ok = packCorrectness(Uint8Array.from([1, 0, 1]));
    expect(unpackCorrectness(ok, 3)).toEqual(Uint8Array.from([1, 0, 1]));
    expect(unpackCorrectness(ok, 9)).toBeUndefined();
    expect(unpackCorrectness('/w==', 3)).toBeUndefined(); // bits 3…7 set beyond 3 images
    expect(unpackCorrectness('BQ=', 3)).toBeUndefined();
    expect(unpackCorrectness('B\u0000==', 3)).toBeUndefined();
    expect(unpackCorrectness('BR==', 3)).toBeUndefined(); // decodes to 0x05 but is not the canonical text
  });
});

describe('accuracy statistics from per-image correctness', () => {
  test('one sample: std is absent (unknown), not 0; the interval is over images only', () => {
    const s = accuracyStats([0.9], [1], { bits: [packCorrectness(rows(200, 1, 1)[0])], images: 200 });
    expect(s.std).toBeUndefined();
    expect(s.ci95?.chips).toBe(1);
    expect(s.ci95?.method).toMatch(/one chip/);
  });

  test('a malformed bitset in a report is a user error naming the field', () => {
    const err = userError(() => accuracyStats([0.9], [1], { bits: ['AAAA'], images: 200 }));
    expect(err.format()).toMatch(/accuracy\.nonIdeal\.correct\[0\]: not a base64 bitset of 200 images/);
  });
});

describe('paired Δ in a comparison', () => {
  const head = loadReport('head');

  test('identical base and head: Δ exactly 0 with a zero-width interval', () => {
    const r = reportFrom(head, rows(500, 3, 5));
    const c = compareReports(r, r, NO_BUDGETS);
    expect(c.totals.accuracyDelta).toMatchObject({ pp: 0, ciLowPp: 0, ciHighPp: 0, images: 500, chips: 3 });
  });

  test('Δ is head − base in pp, its interval contains it, and the head report row carries a 95 % interval', () => {
    const b = reportFrom(head, rows(800, 4, 6));
    const h = reportFrom(head, rows(800, 4, 7, -0.05));
    const c = compareReports(b, h, NO_BUDGETS);
    const d = c.totals.accuracyDelta!;
    expect(d.pp).toBeCloseTo(c.totals.accuracyNonIdealPct!.diff!, 10);
    expect(d.ciLowPp).toBeLessThan(d.pp);
    expect(d.ciHighPp).toBeGreaterThan(d.pp);
    // MDE = 2.80 × SE, and the half-width is t × SE with 2 ≤ ν ≤ ∞ degrees of freedom (4 chips: ν ≥ 2 … z).
    const tOverSe = ((d.ciHighPp - d.ciLowPp) / 2) / (d.mdePp / 2.8016);
    expect(tOverSe).toBeGreaterThanOrEqual(1.959964 - 1e-9);
    expect(tOverSe).toBeLessThanOrEqual(4.302653);
    expect(c.totals.nonIdealHead?.ci95Pct?.low).toBeLessThan(c.totals.nonIdealHead!.meanPct);
  });

  test('no paired Δ when the chips differ (other seeds) or the reports lack bitsets', () => {
    const b = reportFrom(head, rows(300, 2, 6));
    const h = reportFrom(head, rows(300, 2, 7), [200, 201]);
    expect(compareReports(b, h, NO_BUDGETS).totals.accuracyDelta).toBeUndefined();
    expect(compareReports(head, head, NO_BUDGETS).totals.accuracyDelta).toBeUndefined();
  });

  test('statistics are recomputed from the data: a forged ci95 in a report is ignored', () => {
    const r = mutable(reportFrom(head, rows(400, 3, 8)));
    const honest = compareReports(undefined, r as NaxReport, NO_BUDGETS).totals.nonIdealHead!;
    r.accuracy!.nonIdeal.ci95 = { low: 0.999, high: 1, level: 0.95, method: 'trust me', images: 400, chips: 3 };
    expect(compareReports(undefined, r as NaxReport, NO_BUDGETS).totals.nonIdealHead).toEqual(honest);
  });

  test('a budget inside the interval is inconclusive; a budget below the MDE names the design that resolves it', () => {
    const b = reportFrom(head, rows(200, 2, 6));
    const h = reportFrom(head, rows(200, 2, 7, -0.02));
    const budgets = { ...NO_BUDGETS, maxAccuracyDropPp: { warn: 0.3, fail: 50 } };
    const c = compareReports(b, h, budgets);
    const res = c.budgets.find((x) => x.id === 'maxAccuracyDropPp')!.resolution!;
    const d = c.totals.accuracyDelta!;
    expect([res.low, res.high]).toEqual([-d.ciHighPp, -d.ciLowPp]);
    expect(res.belowMde).toEqual(['warn']);
    expect(res.resolvingDesign!.images).toBeGreaterThan(200);
    const sentences = resolutionSentences(c);
    expect(sentences.join('\n')).toMatch(/below the minimum detectable effect .* about [\d,]+ images × \d+ chips would resolve it/);
    expect(res.inconclusive).not.toContain('fail'); // 50 pp lies far outside any interval here
  });

  test('a minimum-accuracy limit inside the head interval is reported inconclusive', () => {
    const h = reportFrom(head, rows(300, 2, 9));
    const mean = compareReports(undefined, h, NO_BUDGETS).totals.nonIdealHead!.meanPct;
    const c = compareReports(undefined, h, { ...NO_BUDGETS, minAccuracyPct: { fail: mean - 0.1 } });
    expect(c.budgets.find((x) => x.id === 'minAccuracyPct')!.resolution!.inconclusive).toEqual(['fail']);
    expect(resolutionSentences(c)[0]).toMatch(/straddles the fail limit of the minimum-accuracy budget .*: inconclusive at this sample size/);
  });
});

describe('merged shards', () => {
  test('merging the shards of a run gives the interval of the whole run', () => {
    const all = rows(600, 4, 10);
    const whole = reportFrom(loadReport('head'), all);
    const shard = (k: number): NaxReport => {
      const idx = [0, 1, 2, 3].filter((i) => i % 2 === k);
      const r = mutable(reportFrom(loadReport('head'), idx.map((i) => all[i]), idx.map((i) => 100 + i)));
      r.settings!.monteCarloSamples = 4;
      r.shard = { index: k, count: 2 };
      return r as NaxReport;
    };
    const merged = mergeShards([shard(0), shard(1)]);
    expect(merged.accuracy?.nonIdeal.correct).toHaveLength(4);
    expect(merged.accuracy?.nonIdeal.ci95?.low).toBeCloseTo(whole.accuracy!.nonIdeal.ci95!.low, 12);
    expect(merged.accuracy?.nonIdeal.ci95?.high).toBeCloseTo(whole.accuracy!.nonIdeal.ci95!.high, 12);
  });
});
