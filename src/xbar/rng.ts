/**
 * Seeded, reproducible random numbers for the crossbar simulator.
 *
 * Why not `Math.random`: every Monte Carlo sample, layer and crossbar must be re-creatable from the run seed
 * alone, on any machine, so that shards of a run merge into the same report and a failing sample can be
 * replayed. The generator is xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021), 128-bit state, period 2^128 − 1, seeded through splitmix32. All state
 * arithmetic is 32-bit integer (`Math.imul`, `>>> 0`), so the integer stream is bit-identical everywhere.
 * `normal()` uses the Marsaglia polar method, which needs only `Math.log` and `Math.sqrt`: `sqrt` is
 * correctly rounded by IEEE 754, and V8's `Math.log` is its own fdlibm port, identical on every platform for
 * a given Node version.
 *
 * Independent streams come from `deriveSeed(seed, ...labels)`: e.g. `deriveSeed(runSeed, 'mc', 3, 'conv1', 17)`
 * for Monte Carlo sample 3, layer conv1, crossbar 17. The same labels always give the same seed; any change
 * to a label (or to their order or count) gives an unrelated one.
 */

// Math functions bound once: hot loops call them per cell or per conversion, and under jest (a vm
// context) every lookup of a global such as `Math` is slow.
const { imul, sqrt, log } = Math;

/** splitmix32 step (a 32-bit variant of Steele, Lea & Flood's SplitMix): returns [output, next state]. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) >>> 0;
  let z = next;
  z = imul(z ^ (z >>> 16), 0x85ebca6b);
  z = imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [(z ^ (z >>> 16)) >>> 0, next];
}

/** MurmurHash3's 32-bit finaliser: a bijection on u32 with full avalanche. */
function fmix32(h: number): number {
  h = imul(h ^ (h >>> 16), 0x85ebca6b);
  h = imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Mixes one 32-bit word into a running hash (MurmurHash3 body step). */
function mixWord(h: number, k: number): number {
  k = imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (imul(h, 5) + 0xe6546b64) >>> 0;
}

const F64 = new Float64Array(1);
const F64_WORDS = new Uint32Array(F64.buffer);

/**
 * A seed for an independent stream, derived from a parent seed and a path of labels.
 * Each label is hashed with a type tag and its length, so `('ab', 'c')`, `('a', 'bc')` and `('abc')` differ,
 * and the number `1` differs from the string `'1'`. Non-integer numbers are hashed by their float64 bits.
 * @param seed parent seed; any number (it is reduced to 32 bits with `>>> 0`, so pass integers).
 * @returns an unsigned 32-bit seed.
 */
export function deriveSeed(seed: number, ...labels: ReadonlyArray<string | number>): number {
  let h = mixWord(0x6a09e667, seed >>> 0);
  for (const label of labels) {
    if (typeof label === 'string') {
      h = mixWord(h, 0x53545200 ^ label.length); // tag 'STR'
      for (let i = 0; i < label.length; i++) h = mixWord(h, label.charCodeAt(i));
    } else if (Number.isInteger(label) && Math.abs(label) <= 0xffffffff) {
      h = mixWord(h, label < 0 ? 0x4e454700 : 0x494e5400); // tags 'NEG' / 'INT'
      h = mixWord(h, Math.abs(label) >>> 0);
    } else {
      F64[0] = label;
      h = mixWord(h, 0x46363400); // tag 'F64'
      h = mixWord(h, F64_WORDS[0]);
      h = mixWord(h, F64_WORDS[1]);
    }
  }
  return fmix32(h ^ labels.length);
}

/** 2^-53: turns a 53-bit integer into a double in [0, 1). */
const TWO_POW_MINUS_53 = 1 / 9007199254740992;

/** xoshiro128** generator. Not cryptographic; for simulation only. */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Second value of the last polar pair, used by the next `normal()` call. */
  private spare = 0;
  private hasSpare = false;

  /** @param seed any number; reduced to 32 bits with `>>> 0`. Use `deriveSeed` for sub-streams. */
  constructor(seed: number) {
    let st = seed >>> 0;
    let out: number;
    [out, st] = splitmix32(st);
    this.s0 = out;
    [out, st] = splitmix32(st);
    this.s1 = out;
    [out, st] = splitmix32(st);
    this.s2 = out;
    [out, st] = splitmix32(st);
    this.s3 = out;
    // The all-zero state is the one fixed point of xoshiro; splitmix32 makes it practically impossible,
    // but guard it anyway so every seed gives a full-period stream.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 0x9e3779b9;
  }

  /**
   * A generator started from an explicit 128-bit state (four 32-bit words, not all zero): for known-answer
   * tests against the reference C implementation, and to resume a stream saved with `state()`.
   */
  static fromState(state: readonly [number, number, number, number]): Rng {
    const rng = new Rng(0);
    [rng.s0, rng.s1, rng.s2, rng.s3] = state.map((v) => v >>> 0);
    if ((rng.s0 | rng.s1 | rng.s2 | rng.s3) === 0) throw new Error('internal error: xoshiro128** state must not be all zero');
    return rng;
  }

  /** The current 128-bit state as four unsigned 32-bit words (a cached normal() spare is not included). */
  state(): [number, number, number, number] {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }

  /** A generator for the stream `deriveSeed(seed, ...labels)`. */
  static derive(seed: number, ...labels: ReadonlyArray<string | number>): Rng {
    return new Rng(deriveSeed(seed, ...labels));
  }

  /** Next unsigned 32-bit integer in [0, 2^32). */
  nextU32(): number {
    const s1 = this.s1;
    let r = imul(s1, 5);
    r = (r << 7) | (r >>> 25);
    r = imul(r, 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return r;
  }

  /** Uniform double in [0, 1) with 53 random bits (two `nextU32` draws). */
  uniform(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) * TWO_POW_MINUS_53;
  }

  /**
   * Standard normal N(0, 1) by the Marsaglia polar method; each accepted pair gives two values and the second
   * is cached for the next call, so the stream of normals depends only on the seed and the call order.
   */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let x: number;
    let y: number;
    let s: number;
    do {
      x = 2 * this.uniform() - 1;
      y = 2 * this.uniform() - 1;
      s = x * x + y * y;
    } while (s >= 1 || s === 0);
    const f = sqrt((-2 * log(s)) / s);
    this.spare = y * f;
    this.hasSpare = true;
    return x * f;
  }
}
