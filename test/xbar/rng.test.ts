import { describe, expect, test } from '@jest/globals';
import { Rng, deriveSeed } from '../../src/xbar/rng.js';

const N_DRAWS = 100_000;

function draws(rng: Rng, n: number, f: (r: Rng) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(rng);
  return out;
}

function meanStd(x: Float64Array): { mean: number; std: number } {
  let s = 0;
  for (const v of x) s += v;
  const mean = s / x.length;
  let ss = 0;
  for (const v of x) ss += (v - mean) ** 2;
  return { mean, std: Math.sqrt(ss / (x.length - 1)) };
}

describe('Rng (xoshiro128**)', () => {
  test('matches the reference C implementation from state {1, 2, 3, 4}', () => {
    // Blackman & Vigna's xoshiro128plusplus/starstar reference code (prng.di.unimi.it), compiled with gcc.
    const rng = Rng.fromState([1, 2, 3, 4]);
    const got = Array.from({ length: 8 }, () => rng.nextU32());
    expect(got).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
  });

  test('seeding through splitmix32 is pinned (reports and shards depend on it)', () => {
    const rng = new Rng(42);
    expect(Array.from({ length: 4 }, () => rng.nextU32())).toEqual([2837322924, 544945897, 479756282, 3500138142]);
    expect(deriveSeed(42, 'mc', 3, 'conv1', 17)).toBe(262365604);
  });

  test('same seed gives the same sequence, a different seed a different one', () => {
    const a = draws(new Rng(7), 1000, (r) => r.nextU32());
    const b = draws(new Rng(7), 1000, (r) => r.nextU32());
    const c = draws(new Rng(8), 1000, (r) => r.nextU32());
    expect(a).toEqual(b);
    let same = 0;
    for (let i = 0; i < a.length; i++) if (a[i] === c[i]) same++;
    expect(same).toBeLessThan(3);
  });

  test('state() resumes a stream, including after normals', () => {
    const a = new Rng(3);
    a.normal();
    a.normal(); // consumes the cached spare: the state alone now determines the stream
    const b = Rng.fromState(a.state());
    expect(draws(a, 10, (r) => r.nextU32())).toEqual(draws(b, 10, (r) => r.nextU32()));
  });

  test(`uniform() lies in [0, 1) with mean 0.5 ± 0.005 over ${N_DRAWS} draws (≈ 5σ)`, () => {
    const x = draws(new Rng(11), N_DRAWS, (r) => r.uniform());
    expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...x)).toBeLessThan(1);
    const { mean, std } = meanStd(x);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(std - Math.sqrt(1 / 12))).toBeLessThan(0.003);
  });

  test(`normal() has mean 0 ± 0.02 and std 1 ± 0.01 over ${N_DRAWS} draws (≈ 6σ and 4.5σ)`, () => {
    const x = draws(new Rng(12), N_DRAWS, (r) => r.normal());
    const { mean, std } = meanStd(x);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(std - 1)).toBeLessThan(0.01);
    // Tail mass beyond 2σ: 4.55 % for a Gaussian; ± 0.4 % is ≈ 6σ of a binomial count.
    let tail = 0;
    for (const v of x) if (Math.abs(v) > 2) tail++;
    expect(Math.abs(tail / N_DRAWS - 0.0455)).toBeLessThan(0.004);
  });
});

describe('deriveSeed', () => {
  test('same labels give the same seed', () => {
    expect(deriveSeed(1, 'mc', 0, 'conv1', 5)).toBe(deriveSeed(1, 'mc', 0, 'conv1', 5));
  });

  test('any change of parent, label, order, split, type or count changes the seed', () => {
    const seeds = [
      deriveSeed(1, 'mc', 0, 'conv1', 5),
      deriveSeed(2, 'mc', 0, 'conv1', 5),
      deriveSeed(1, 'mc', 1, 'conv1', 5),
      deriveSeed(1, 'mc', 0, 'conv2', 5),
      deriveSeed(1, 0, 'mc', 'conv1', 5),
      deriveSeed(1, 'mc0', 'conv1', 5),
      deriveSeed(1, 'mc', '0', 'conv1', 5),
      deriveSeed(1, 'mc', 0, 'conv1'),
      deriveSeed(1, 'mc', -0.5, 'conv1', 5),
      deriveSeed(1, 'mc', 0.5, 'conv1', 5),
      deriveSeed(1),
      deriveSeed(1, 'ab', 'c'),
      deriveSeed(1, 'a', 'bc'),
      deriveSeed(1, 'abc'),
    ];
    expect(new Set(seeds).size).toBe(seeds.length);
    for (const s of seeds) expect(s).toBe(s >>> 0);
  });

  test(`streams of neighbouring labels are uncorrelated: |corr| < 0.02 over ${N_DRAWS} uniforms (≈ 6σ)`, () => {
    const a = draws(Rng.derive(5, 'crossbar', 0), N_DRAWS, (r) => r.uniform());
    const b = draws(Rng.derive(5, 'crossbar', 1), N_DRAWS, (r) => r.uniform());
    const ma = meanStd(a);
    const mb = meanStd(b);
    let cov = 0;
    for (let i = 0; i < N_DRAWS; i++) cov += (a[i] - ma.mean) * (b[i] - mb.mean);
    const corr = cov / (N_DRAWS - 1) / (ma.std * mb.std);
    expect(Math.abs(corr)).toBeLessThan(0.02);
  });
});
