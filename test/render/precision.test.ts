/** simulation.targetCiPp: whether a run's interval is as narrow as asked, and the design that would make it so. */
import { describe, expect, test } from '@jest/globals';
import type { NaxReport } from '../../src/report.js';
import { precisionSentence } from '../../src/render/precision.js';
import { accuracyStats, gridOf } from '../../src/stats/accuracy-stats.js';
import { packCorrectness } from '../../src/stats/correctness-bits.js';
import { accuracyInterval } from '../../src/stats/paired-interval.js';
import { Rng } from '../../src/xbar/rng.js';
import { loadReport, mutable } from '../compare/reports.js';

/** Chip-independent correctness: image i right with probability 0.4 (every tenth image) or 0.95. */
function reportOf(images: number, chips: number, seed: number): NaxReport {
  const rng = new Rng(seed);
  const p = Array.from({ length: images }, (_, i) => (i % 10 === 0 ? 0.4 : 0.95));
  const rows = Array.from({ length: chips }, () => Uint8Array.from(p, (pi) => (rng.uniform() < pi ? 1 : 0)));
  const m = mutable(loadReport('head'));
  m.settings!.evalImages = images;
  m.settings!.monteCarloSamples = chips;
  const stats = accuracyStats(rows.map((r) => r.reduce((s, v) => s + v, 0) / images), rows.map((_, k) => k), { bits: rows.map(packCorrectness), images });
  m.accuracy!.nonIdeal = JSON.parse(JSON.stringify(stats)) as NonNullable<typeof m.accuracy>['nonIdeal'];
  return m as NaxReport;
}

const halfWidthPp = (r: NaxReport) => {
  const ci = accuracyInterval(gridOf(r.accuracy!.nonIdeal.correct!, r.settings!.evalImages, 'x'));
  return ((ci.high - ci.low) / 2) * 100;
};

describe('precisionSentence', () => {
  const r = reportOf(1000, 3, 7);

  test('a target wider than the interval is reached', () => {
    expect(precisionSentence(r, halfWidthPp(r) + 0.01)).toMatch(/: reached, the 95 % interval is ±\d+\.\d\d pp$/);
  });

  test('a narrower target names a design, and a run of that design reaches it', () => {
    const target = halfWidthPp(r) / 2;
    const text = precisionSentence(r, target)!;
    const m = /about ([\d,]+) images × (\d+) chips would reach it/.exec(text);
    expect(m).not.toBeNull();
    const images = Number(m![1].replace(/,/g, ''));
    const chips = Number(m![2]);
    // Halving the half-width takes about four times the cells (a 1/√n law), give or take the chip term.
    expect(images * chips).toBeGreaterThan(2.5 * 1000 * 3);
    // Runs of that design (three seeds) reach the target up to the noise of the pilot's variance estimates.
    const mean = [8, 9, 10].reduce((s, seed) => s + halfWidthPp(reportOf(images, chips, seed)), 0) / 3;
    expect(mean).toBeLessThanOrEqual(target * 1.1);
    expect(mean).toBeGreaterThan(target * 0.8);
  });

  test('no bitsets: nothing to say', () => {
    const m = mutable(r);
    delete (m.accuracy!.nonIdeal as { correct?: unknown }).correct;
    expect(precisionSentence(m as NaxReport, 0.5)).toBeUndefined();
  });
});
