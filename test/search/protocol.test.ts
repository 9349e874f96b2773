/**
 * The protocol's comparison rules: a paired Δ against a baseline equals the difference computed directly
 * from the two correctness grids, identical candidates are "equal within noise" with a zero-width interval,
 * a verdict needs an interval that excludes 0, unpaired reports give no comparison, and selection on
 * validation takes the cheapest candidate not worse than the most accurate.
 */
import { describe, expect, test } from '@jest/globals';
import type { NaxReport } from '../../src/report.js';
import { accuracyStats } from '../../src/stats/accuracy-stats.js';
import { packCorrectness } from '../../src/stats/correctness-bits.js';
import type { Candidate } from '../../src/search/pareto.js';
import { bestCandidate } from '../../src/search/pareto.js';
import { compareCandidates, homogeneousChoice, selectOnValidation, verdictOf } from '../../src/search/protocol.js';
import { Rng } from '../../src/xbar/rng.js';

/** A report whose chips × images correctness is `grid[c][i]`, with chip seeds `seeds`. */
function report(grid: number[][], seeds = grid.map((_, k) => k)): NaxReport {
  const images = grid[0]!.length;
  const acc = grid.map((r) => r.reduce((a, b) => a + b, 0) / images);
  return {
    schema: 'nax-report/1', tool: { name: 'nax', version: 'test' },
    inputs: { model: { path: 'm', sha256: 'x' }, mapping: { path: 'm', sha256: 'x' }, technology: { path: 't', sha256: 'x' } },
    backend: 'cpu',
    settings: { seed: 1, monteCarloSamples: grid.length, evalImages: images, irDrop: 'fast' },
    accuracy: { ideal: 1, quantised: 1, nonIdeal: accuracyStats(acc, seeds, { bits: grid.map((r) => packCorrectness(Uint8Array.from(r))), images }) },
    layers: [], cost: {} as NaxReport['cost'], totals: {} as NaxReport['totals'],
  } as NaxReport;
}

function cand(id: string, edap: number, kind: Candidate['kind'] = 'searched', extra: Partial<Candidate> = {}): Candidate {
  return { id, kind, label: id, accuracy: 0.9, accuracyStd: 0, idealAccuracy: 0.95, energyJ: 1, delayS: 1, areaMm2: 1, edap, ...extra };
}

function randomGrid(rng: Rng, chips: number, images: number, p: number): number[][] {
  return Array.from({ length: chips }, () => Array.from({ length: images }, () => (rng.uniform() < p ? 1 : 0)));
}

describe('protocol comparisons', () => {
  test('Δ equals the mean cell difference of the two grids; ΔEDAP is the ratio − 1', () => {
    const rng = new Rng(5);
    const a = randomGrid(rng, 10, 200, 0.8);
    const b = randomGrid(rng, 10, 200, 0.85);
    let diff = 0;
    for (let c = 0; c < 10; c++) for (let i = 0; i < 200; i++) diff += b[c]![i]! - a[c]![i]!;
    const x = compareCandidates({ candidate: cand('h', 2), report: report(b) }, { candidate: cand('b', 4, 'homogeneous'), report: report(a) }, 'edap')!;
    expect(x.deltaPp).toBeCloseTo((diff / 2000) * 100, 10);
    expect(x.ciLowPp).toBeLessThan(x.deltaPp);
    expect(x.ciHighPp).toBeGreaterThan(x.deltaPp);
    expect(x.deltaObjective).toBeCloseTo(-0.5, 12);
    expect(x.against).toBe('b');
  });

  test('identical candidates: Δ 0 with a zero-width interval, "equal within noise"', () => {
    const g = randomGrid(new Rng(2), 10, 100, 0.7);
    const x = compareCandidates({ candidate: cand('h', 1), report: report(g) }, { candidate: cand('b', 1), report: report(g) }, 'edap')!;
    expect([x.deltaPp, x.ciLowPp, x.ciHighPp, x.verdict]).toEqual([0, 0, 0, 'equal within noise']);
  });

  test('a clear gain is "better", a clear loss "worse", a small one "equal within noise"', () => {
    const rng = new Rng(9);
    const base = randomGrid(rng, 10, 500, 0.6);
    const up = base.map((r) => r.map(() => 1));
    expect(compareCandidates({ candidate: cand('h', 1), report: report(up) }, { candidate: cand('b', 1), report: report(base) }, 'edap')!.verdict).toBe('better');
    expect(compareCandidates({ candidate: cand('b', 1), report: report(base) }, { candidate: cand('h', 1), report: report(up) }, 'edap')!.verdict).toBe('worse');
    // One image flipped on one chip out of 5,000 cells: within noise.
    const near = base.map((r, c) => r.map((v, i) => (c === 0 && i === 0 ? 1 - v : v)));
    expect(compareCandidates({ candidate: cand('h', 1), report: report(near) }, { candidate: cand('b', 1), report: report(base) }, 'edap')!.verdict).toBe('equal within noise');
    expect(verdictOf(0.1, 2)).toBe('better');
    expect(verdictOf(-2, -0.1)).toBe('worse');
    expect(verdictOf(-0.1, 0.1)).toBe('equal within noise');
    expect(verdictOf(0, 1)).toBe('equal within noise');
  });

  test('reports on other chips or other images are not compared', () => {
    const g = randomGrid(new Rng(3), 4, 50, 0.7);
    const other = report(g, [10, 11, 12, 13]);
    expect(compareCandidates({ candidate: cand('h', 1), report: report(g) }, { candidate: cand('b', 1), report: other }, 'edap')).toBeUndefined();
    const fewer = report(g.map((r) => r.slice(0, 40)));
    expect(compareCandidates({ candidate: cand('h', 1), report: report(g) }, { candidate: cand('b', 1), report: fewer }, 'edap')).toBeUndefined();
  });
});

describe('selection on validation', () => {
  test('the cheapest candidate not worse than the most accurate; a clearly worse cheap one is passed over', () => {
    const rng = new Rng(4);
    const top = randomGrid(rng, 4, 400, 0.9);
    const same = top.map((r, c) => r.map((v, i) => (c === 0 && i < 2 ? 1 - v : v)));
    const bad = top.map((r) => r.map((v, i) => (i % 3 === 0 ? 0 : v)));
    const cs = [
      { candidate: cand('accurate', 10), report: report(top) },
      { candidate: cand('cheap-same', 5), report: report(same) },
      { candidate: cand('cheapest-bad', 1), report: report(bad) },
    ];
    expect(selectOnValidation(cs, 'edap')).toBe(1);
    expect(selectOnValidation([cs[0]!, cs[2]!], 'edap')).toBe(0);
  });

  test('with a reference accuracy: only candidates reaching it, with no tolerance below, else the most accurate', () => {
    // 400 images × 1 chip, right on images [from, to): accuracies 0.90 (objective 10), 0.885 (5), 0.8825 (1). Each
    // differs from the top on tens of images both ways, so neither is "worse" than it by the paired interval.
    const grid = (from: number, to: number) => [Array.from({ length: 400 }, (_, i) => (i >= from && i < to ? 1 : 0))];
    const cs = [
      { candidate: cand('accurate', 10), report: report(grid(0, 360)) },
      { candidate: cand('near', 5), report: report(grid(20, 374)) },
      { candidate: cand('cheap', 1), report: report(grid(30, 383)) },
    ];
    expect(cs.map((c) => c.report.accuracy!.nonIdeal.mean)).toEqual([0.9, 0.885, 0.8825]);
    // Without a reference the cheapest not worse than the top (all three within noise of it).
    expect(selectOnValidation(cs, 'edap')).toBe(2);
    // Reference 0.885: 'near' (0.885) reaches it exactly, 'cheap' (0.8825) does not.
    expect(selectOnValidation(cs, 'edap', 0.885)).toBe(1);
    // Reference 0.8875: only 'accurate' reaches it; 'near' 0.25 pp short is not let through (no 1 pp tolerance).
    expect(selectOnValidation(cs, 'edap', 0.8875)).toBe(0);
    // Reference 0.92: nobody reaches it, so the most accurate.
    expect(selectOnValidation(cs, 'edap', 0.92)).toBe(0);
    // Two equally accurate at the top and nobody reaching: the lower objective, as bestCandidate breaks the tie.
    const twin = [cs[0]!, { candidate: cand('twin', 7), report: report(grid(40, 400)) }];
    expect(twin.map((c) => c.report.accuracy!.nonIdeal.mean)).toEqual([0.9, 0.9]);
    expect(selectOnValidation(twin, 'edap', 0.95)).toBe(1);
    expect(bestCandidate(twin.map((c) => ({ ...c.candidate, kind: 'searched' as const, validationAccuracy: 0.9 })), 'edap', 0.95).best?.id).toBe('twin');
    // A low reference changes nothing.
    expect(selectOnValidation(cs, 'edap', 0.5)).toBe(2);
  });

  test('homogeneousChoice: the lowest objective within 1 pp of the most accurate size', () => {
    expect(homogeneousChoice([{ accuracy: 0.93, objective: 5 }, { accuracy: 0.935, objective: 2 }, { accuracy: 0.90, objective: 1 }])).toBe(1);
    expect(homogeneousChoice([{ accuracy: 0.935, objective: 5 }, { accuracy: 0.926, objective: 2 }, { accuracy: 0.924, objective: 1 }])).toBe(1);
    expect(homogeneousChoice([{ accuracy: 0.5, objective: 3 }, { accuracy: 0.5, objective: 3 }])).toBe(0);
    // Exactly 1 pp apart as counts (14 and 12 of 200), although 14/200 − 0.01 rounds above 12/200.
    expect(12 / 200 >= 14 / 200 - 0.01).toBe(false);
    expect(homogeneousChoice([{ accuracy: 14 / 200, objective: 5 }, { accuracy: 12 / 200, objective: 1 }])).toBe(1);
    expect(() => homogeneousChoice([])).toThrow(/no homogeneous size/);
  });

  test('bestCandidate with a reference (merges): among the shards\' choices reaching it, else the most accurate', () => {
    const committed = cand('committed', 10, 'committed');
    const a = cand('a', 5, 'searched', { validationAccuracy: 0.90, validationTolerance: 0.01 });
    const b = cand('b', 3, 'searched', { validationAccuracy: 0.89, validationTolerance: 0.01 });
    const c = cand('c', 1, 'searched', { validationAccuracy: 0.85, validationTolerance: 0.01 });
    expect(bestCandidate([committed, a, b, c], 'edap').best).toBe(b);
    expect(bestCandidate([committed, a, b, c], 'edap', 0.905).best).toBe(a);
    // No tolerance below the reference: b (0.89) is 0.9 pp short of 0.899, and only a reaches it.
    expect(bestCandidate([committed, a, b, c], 'edap', 0.899).best).toBe(a);
    expect(bestCandidate([committed, a, b, c], 'edap', 0.89).best).toBe(b);
    expect(bestCandidate([committed, a, b, c], 'edap', 0.95).best).toBe(a);
    expect(bestCandidate([committed, c, b], 'edap', 0.95).best).toBe(b);
    // Reaching the reference is not enough: b (0.89) reaches 0.88 but is more than one tolerance below a.
    const top = cand('top', 5, 'searched', { validationAccuracy: 0.95, validationTolerance: 0.01 });
    expect(bestCandidate([committed, top, b], 'edap', 0.88).best).toBe(top);
  });

  test('bestCandidate: proposes by validation accuracy and the objective; beats the committed only when not worse against it', () => {
    const committed = cand('committed', 10, 'committed');
    const cmp = (verdict: 'better' | 'worse' | 'equal within noise') => [{ against: 'committed', deltaPp: 0, ciLowPp: -1, ciHighPp: 1, verdict, deltaObjective: -0.5 }];
    const a = cand('a', 5, 'searched', { validationAccuracy: 0.9, validationTolerance: 0.01, comparisons: cmp('equal within noise') });
    const b = cand('b', 3, 'searched', { validationAccuracy: 0.8, validationTolerance: 0.01, comparisons: cmp('equal within noise') });
    expect(bestCandidate([committed, a, b], 'edap')).toEqual({ best: a, beats: true });
    const worse = { ...a, comparisons: cmp('worse') };
    expect(bestCandidate([committed, worse], 'edap')).toEqual({ best: worse, beats: false });
    const dearer = { ...a, edap: 20 };
    expect(bestCandidate([committed, dearer], 'edap').beats).toBe(false);
  });
});
