import { describe, expect, test } from '@jest/globals';
import { incompleteBeta, lnGamma, satterthwaiteDf, tCdf, tQuantile } from '../../src/stats/t-quantile.js';
import {
  type CorrectnessGrid, MDE_Z, accuracyInterval, designToResolve, minimumDetectableEffect, normalQuantile, pairedDeltaInterval, varianceComponents,
} from '../../src/stats/paired-interval.js';
import { Rng } from '../../src/xbar/rng.js';

/**
 * Synthetic crossed experiments with a known answer (logistic random-effects model): image i has a latent
 * easiness a_i ~ N(0, σa²), chip c a latent severity b_c ~ N(0, σb²); base classifies (i, c) right with
 * probability σ(μ + a_i − b_c), head with σ(μ + δ + a_i − b_c), and both sides share one uniform per cell,
 * as base and head share the image and the chip instance in a paired check. Head adds a per-image η_i.
 */
interface Model {
  mu: number;
  delta: number;
  sigmaImage: number;
  sigmaChip: number;
  /** Per-image effect of the change, η_i ~ N(0, τ²): a change helps some images and hurts others. */
  sigmaChange?: number;
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** E[σ(shift + z)] with z ~ N(0, s²), by trapezoidal quadrature over ±10 s (independent of the sampler). */
function meanLogistic(shift: number, s: number): number {
  const steps = 20000;
  const h = (20 * s) / steps;
  let acc = 0;
  for (let k = 0; k <= steps; k++) {
    const z = -10 * s + k * h;
    const w = (k === 0 || k === steps ? 0.5 : 1) * Math.exp((-z * z) / (2 * s * s)) / (s * Math.sqrt(2 * Math.PI));
    acc += w * logistic(shift + z);
  }
  return acc * h;
}

const trueDelta = (m: Model): number =>
  meanLogistic(m.mu + m.delta, Math.hypot(m.sigmaImage, m.sigmaChip, m.sigmaChange ?? 0)) - meanLogistic(m.mu, Math.hypot(m.sigmaImage, m.sigmaChip));

function experiment(m: Model, n: number, chips: number, seed: number): { base: CorrectnessGrid; head: CorrectnessGrid } {
  const rng = new Rng(seed);
  const a = Float64Array.from({ length: n }, () => m.sigmaImage * rng.normal());
  const b = Float64Array.from({ length: chips }, () => m.sigmaChip * rng.normal());
  const eta = Float64Array.from({ length: n }, () => (m.sigmaChange ?? 0) * rng.normal());
  const base = new Uint8Array(n * chips);
  const head = new Uint8Array(n * chips);
  for (let c = 0; c < chips; c++) {
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      base[c * n + i] = u < logistic(m.mu + a[i] - b[c]) ? 1 : 0;
      head[c * n + i] = u < logistic(m.mu + m.delta + eta[i] + a[i] - b[c]) ? 1 : 0;
    }
  }
  return { base: { images: n, chips, correct: base }, head: { images: n, chips, correct: head } };
}

function median(x: number[]): number {
  const s = [...x].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

describe('paired Δ accuracy interval (images × chips random effects)', () => {
  const TRIALS = 200;

  test.each([
    ['a real regression, chip spread small', { mu: 2, delta: -0.4, sigmaImage: 1.5, sigmaChip: 0.3 }, 200, 4],
    ['a change that helps some images and hurts others', { mu: 2, delta: 0.1, sigmaImage: 1.5, sigmaChip: 0.3, sigmaChange: 0.8 }, 200, 4],
    ['chip spread large, 10 chips', { mu: 1.5, delta: 0.3, sigmaImage: 1.2, sigmaChip: 0.6 }, 150, 10],
  ])('95 %% interval covers the true Δ in 93–98.5 %% of 200 seeded experiments: %s', (_name, model, n, chips) => {
    const truth = trueDelta(model);
    let covered = 0;
    for (let t = 0; t < TRIALS; t++) {
      const { base, head } = experiment(model, n, chips, 1000 + t);
      const ci = pairedDeltaInterval(base, head, {});
      if (ci.low <= truth && truth <= ci.high) covered++;
    }
    expect(covered / TRIALS).toBeGreaterThanOrEqual(0.93);
    // Not conservative by construction either (the pigeonhole bootstrap covered 99–100 % here).
    expect(covered / TRIALS).toBeLessThanOrEqual(0.985);
  });

  test('the interval narrows about as 1/√n when the images quadruple', () => {
    const model = { mu: 2, delta: -0.4, sigmaImage: 1.5, sigmaChip: 0.1 };
    const width = (n: number) => median(Array.from({ length: 40 }, (_, t) => {
      const { base, head } = experiment(model, n, 3, 50_000 + t);
      const ci = pairedDeltaInterval(base, head, {});
      return ci.high - ci.low;
    }));
    const ratio = width(200) / width(800);
    expect(ratio).toBeGreaterThan(1.6);
    expect(ratio).toBeLessThan(2.5);
  });

  test('a change with zero net effect: the interval contains 0 in ≥ 93 % of 200 experiments', () => {
    // η_i symmetric and δ = 0 at μ = 0: by symmetry of σ around 0, E[σ(z + η)] = E[σ(z)] = ½ exactly.
    const model = { mu: 0, delta: 0, sigmaImage: 1, sigmaChip: 0.3, sigmaChange: 1 };
    expect(trueDelta(model)).toBeCloseTo(0, 12);
    let containsZero = 0;
    for (let t = 0; t < 200; t++) {
      const { base, head } = experiment(model, 200, 4, 30_000 + t);
      const ci = pairedDeltaInterval(base, head);
      if (ci.low <= 0 && 0 <= ci.high) containsZero++;
    }
    expect(containsZero / 200).toBeGreaterThanOrEqual(0.93);
  });

  test('identical base and head give Δ exactly 0 with a zero-width interval', () => {
    const { base } = experiment({ mu: 1, delta: 0, sigmaImage: 1, sigmaChip: 0.5 }, 300, 5, 7);
    const ci = pairedDeltaInterval(base, base, {});
    expect([ci.estimate, ci.low, ci.high, ci.standardError]).toEqual([0, 0, 0, 0]);
  });

  test('Δ is the exact difference of the two accuracies; the interval is deterministic and widens with the level', () => {
    const { base, head } = experiment({ mu: 1, delta: 0.5, sigmaImage: 1, sigmaChip: 0.5 }, 250, 4, 9);
    const sum = (g: CorrectnessGrid) => g.correct.reduce((s, v) => s + v, 0);
    const ci = pairedDeltaInterval(base, head, {});
    expect(ci.estimate).toBe((sum(head) - sum(base)) / 1000);
    expect(pairedDeltaInterval(base, head, {})).toEqual(ci);
    expect(pairedDeltaInterval(base, head, { level: 0.99 }).high).toBeGreaterThan(ci.high);
    expect(ci.low).toBeLessThan(ci.estimate);
    expect(ci.high).toBeGreaterThan(ci.estimate);
  });

  test('the standard error matches the spread of Δ over 300 independent repetitions of the experiment', () => {
    const model = { mu: 2, delta: -0.5, sigmaImage: 1.5, sigmaChip: 0.4 };
    const deltas: number[] = [];
    const ses: number[] = [];
    for (let t = 0; t < 300; t++) {
      const { base, head } = experiment(model, 300, 6, 70_000 + t);
      const ci = pairedDeltaInterval(base, head);
      deltas.push(ci.estimate);
      ses.push(ci.standardError);
    }
    const mean = deltas.reduce((a, b) => a + b, 0) / deltas.length;
    const empiricalSd = Math.sqrt(deltas.reduce((a, b) => a + (b - mean) ** 2, 0) / (deltas.length - 1));
    expect(median(ses) / empiricalSd).toBeGreaterThan(0.85);
    expect(median(ses) / empiricalSd).toBeLessThan(1.15);
  });

  test('one chip: an interval over images only, and the method says the chip variance is unknown', () => {
    const { base, head } = experiment({ mu: 2, delta: -0.5, sigmaImage: 1.5, sigmaChip: 0.3 }, 400, 1, 12);
    const ci = pairedDeltaInterval(base, head, {});
    expect(ci.method).toMatch(/one chip/);
    expect(ci.high - ci.low).toBeGreaterThan(0);
  });

  test('intervals stay within the values an accuracy (0…1) and a difference (−1…1) can take', () => {
    const all = { images: 10, chips: 2, correct: Uint8Array.from({ length: 20 }, (_, k) => (k === 3 ? 0 : 1)) };
    const none = { images: 10, chips: 2, correct: new Uint8Array(20) };
    expect(accuracyInterval(all).high).toBe(1);
    expect(accuracyInterval(none).low).toBe(0);
    expect(pairedDeltaInterval(all, none).low).toBeGreaterThanOrEqual(-1);
    expect(accuracyInterval(all).low).toBeLessThan(0.95);
  });

  test('grids of different shapes are refused', () => {
    const a = experiment({ mu: 1, delta: 0, sigmaImage: 1, sigmaChip: 0 }, 10, 2, 1).base;
    const b = experiment({ mu: 1, delta: 0, sigmaImage: 1, sigmaChip: 0 }, 10, 3, 1).base;
    expect(() => pairedDeltaInterval(a, b, {})).toThrow(/same images × chips/);
  });
});

describe('accuracy interval', () => {
  test('covers the population accuracy in ≥ 93 % of 200 experiments, and is wider than an interval from the chip spread alone', () => {
    const model = { mu: 2, delta: 0, sigmaImage: 1.5, sigmaChip: 0.3 };
    const truth = meanLogistic(model.mu, Math.hypot(model.sigmaImage, model.sigmaChip));
    let covered = 0;
    let widerThanChips = 0;
    for (let t = 0; t < 200; t++) {
      const { base } = experiment(model, 200, 4, 9000 + t);
      const ci = accuracyInterval(base, {});
      if (ci.low <= truth && truth <= ci.high) covered++;
      const chipAcc = Array.from({ length: 4 }, (_, c) => base.correct.subarray(c * 200, (c + 1) * 200).reduce((s, v) => s + v, 0) / 200);
      const mean = chipAcc.reduce((s, v) => s + v, 0) / 4;
      const std = Math.sqrt(chipAcc.reduce((s, v) => s + (v - mean) ** 2, 0) / 3);
      if (ci.high - ci.low > (2 * 1.96 * std) / Math.sqrt(4)) widerThanChips++; // a chip-only interval of the mean
    }
    expect(covered / 200).toBeGreaterThanOrEqual(0.93);
    expect(widerThanChips / 200).toBeGreaterThan(0.9);
  });
});

describe('few chips: the t quantile with Welch–Satterthwaite degrees of freedom', () => {
  test('3 chips with a large chip spread: the normal interval under-covers, the t interval covers clearly more', () => {
    // Measured on these 400 seeded experiments: normal 75.3 %, t 84.3 % (still short of 95 % with ν ≈ 2.7).
    const model = { mu: 2, delta: 0, sigmaImage: 1.0, sigmaChip: 0.8 };
    const truth = meanLogistic(model.mu, Math.hypot(model.sigmaImage, model.sigmaChip));
    const covered = { normal: 0, t: 0 };
    for (let t = 0; t < 400; t++) {
      const { base } = experiment(model, 200, 3, 5000 + t);
      const z = accuracyInterval(base, { quantile: 'normal' });
      const tt = accuracyInterval(base);
      if (z.low <= truth && truth <= z.high) covered.normal++;
      if (tt.low <= truth && truth <= tt.high) covered.t++;
      expect(tt.high - tt.low).toBeGreaterThanOrEqual(z.high - z.low - 1e-12);
    }
    expect(covered.normal / 400).toBeLessThan(0.8);
    expect(covered.t / 400 - covered.normal / 400).toBeGreaterThanOrEqual(0.06);
  });

  test('t quantiles match published values (ν = 1, 2, 3, 10, 30) and tend to the normal one', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.3027, 4);
    expect(tQuantile(0.975, 3)).toBeCloseTo(3.1824, 4);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.2281, 4);
    expect(tQuantile(0.025, 30)).toBeCloseTo(-2.0423, 4);
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(normalQuantile(0.975), 4);
    expect(tCdf(1, 1)).toBeCloseTo(0.75, 12); // Cauchy: ½ + atan(1)/π
    expect(tQuantile(0.975, 2.5)).toBeGreaterThan(tQuantile(0.975, 3));
    expect(tQuantile(0.975, 2.5)).toBeLessThan(tQuantile(0.975, 2));
  });

  test('ln Γ, the incomplete beta function and Satterthwaite degrees of freedom on known answers', () => {
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 11);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 11);
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12); // uniform
    expect(incompleteBeta(0.3, 2, 1)).toBeCloseTo(0.09, 12); // x²
    // Two equal terms of 10 degrees of freedom each: 20; one term alone keeps its own.
    expect(satterthwaiteDf([{ coef: 1, meanSquare: 2, df: 10 }, { coef: 1, meanSquare: 2, df: 10 }])).toBeCloseTo(20, 12);
    expect(satterthwaiteDf([{ coef: 3, meanSquare: 2, df: 7 }, { coef: 1, meanSquare: 0, df: 1 }])).toBeCloseTo(7, 12);
    expect(satterthwaiteDf([{ coef: 1, meanSquare: 0, df: 3 }])).toBe(Infinity);
  });
});

describe('minimum detectable effect and the design that resolves a budget', () => {
  test('MDE = 2.80 × SE (α = 0.05 two-sided, 80 % power)', () => {
    expect(MDE_Z).toBeCloseTo(2.8016, 4);
    expect(minimumDetectableEffect(0.005)).toBeCloseTo(0.014, 3);
  });

  test('the proposed design reaches the target MDE, and the image-only case scales as 1/n', () => {
    const components = { imageVar: 0.04, chipVar: 0, residualVar: 0 };
    const d = designToResolve(0.003, components, { images: 1000, chips: 3 })!;
    expect(d.chips).toBe(3);
    expect(MDE_Z * Math.sqrt(components.imageVar / d.images)).toBeLessThanOrEqual(0.003);
    expect(MDE_Z * Math.sqrt(components.imageVar / (d.images - 1))).toBeGreaterThan(0.003);
  });

  test('chips are added when the chip term alone exceeds the target; a zero budget cannot be resolved', () => {
    const components = { imageVar: 0.01, chipVar: 0.0004, residualVar: 0.02 };
    const d = designToResolve(0.01, components, { images: 500, chips: 2 })!;
    expect(d.chips).toBeGreaterThan(2);
    const v = components.imageVar / d.images + components.chipVar / d.chips + components.residualVar / (d.images * d.chips);
    expect(MDE_Z * Math.sqrt(v)).toBeLessThanOrEqual(0.01);
    expect(designToResolve(0, components, { images: 500, chips: 2 })).toBeUndefined();
  });

  test('variance components recover known σ²: pure per-cell noise has no image or chip component', () => {
    // Independent fair coins per cell: σ²_a = σ²_b = 0, σ²_e = 0.25.
    const rng = new Rng(21);
    const n = 3000;
    const m = 20;
    const cells = Int8Array.from({ length: n * m }, () => (rng.uniform() < 0.5 ? 1 : 0));
    const c = varianceComponents(cells, n, m);
    expect(c.residualVar).toBeCloseTo(0.25, 2);
    expect(c.imageVar).toBeLessThan(0.005);
    expect(c.chipVar).toBeLessThan(0.0005);
  });

  test('variance components recover a planted image effect (half the images always right, half coin flips)', () => {
    const rng = new Rng(22);
    const n = 4000;
    const m = 10;
    const cells = new Int8Array(n * m);
    for (let c = 0; c < m; c++) for (let i = 0; i < n; i++) cells[c * n + i] = i % 2 === 0 ? 1 : rng.uniform() < 0.5 ? 1 : 0;
    // Per-image mean is 1 or 0.5 → σ²_a = 0.0625; per-cell noise only on the coin images → σ²_e = 0.125.
    const v = varianceComponents(cells, n, m);
    expect(v.imageVar).toBeCloseTo(0.0625, 2);
    expect(v.residualVar).toBeCloseTo(0.125, 2);
  });

  test('normal quantiles match published values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
    expect(normalQuantile(0.9999)).toBeCloseTo(3.719016, 6);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 6);
  });
});
