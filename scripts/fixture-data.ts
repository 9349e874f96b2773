/**
 * The fixture's data: Fashion-MNIST (Xiao, Rasul & Vollgraf 2017, © Zalando SE, MIT) as installed by the
 * Debian package `dataset-fashion-mnist` (gzip-compressed idx files under /usr/share/datasets/fashion-mnist/).
 * The script installs nothing; when the files are missing the error names the package.
 *
 * Splits (all seeded, mulberry32):
 *   evaluation   class-balanced subset of the official test split
 *   train / calibration / validation   disjoint subsets of the official train split (class-balanced)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export const IMAGE_SIDE = 28;
const PIXELS = IMAGE_SIDE * IMAGE_SIDE;
export const N_CLASSES = 10;

export const FASHION_PACKAGE = 'dataset-fashion-mnist';
export const FASHION_DIR = '/usr/share/datasets/fashion-mnist';

/** Fashion-MNIST's class names, label 0…9 (the upstream README's table). */
export const CLASS_NAMES = [
  'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
] as const;

export interface ImageSet {
  /** Pixels 0…255, [n, 28, 28, 1] flat. */
  readonly images: Uint8Array;
  /** Class 0…9 per image, [n]. */
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

/** The installed package's version (`dpkg` status), for the README's provenance line. */
export function fashionPackageVersion(): string {
  const status = readFileSync('/var/lib/dpkg/status', 'utf8');
  const block = status.split('\n\n').find((b) => b.startsWith(`Package: ${FASHION_PACKAGE}\n`));
  const version = block?.match(/^Version: (.+)$/m)?.[1];
  if (!version) throw new Error(`${FASHION_PACKAGE} is not registered in /var/lib/dpkg/status; install it: apt-get install ${FASHION_PACKAGE}`);
  return version;
}

function readIdxGz(file: string, magic: number, dims: number): { shape: number[]; data: Uint8Array } {
  const full = path.join(FASHION_DIR, file);
  if (!existsSync(full)) throw new Error(`${full} is missing; install the Debian package: apt-get install ${FASHION_PACKAGE}`);
  const bytes = gunzipSync(readFileSync(full));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // idx: big-endian magic 0x00000803 (uint8, 3 dims) or 0x00000801 (1 dim), then one uint32 per dimension.
  if (view.getUint32(0, false) !== magic) throw new Error(`${full}: idx magic ${view.getUint32(0, false).toString(16)}, expected ${magic.toString(16)}`);
  const shape = Array.from({ length: dims }, (_, i) => view.getUint32(4 + 4 * i, false));
  const start = 4 + 4 * dims;
  const count = shape.reduce((a, b) => a * b, 1);
  if (bytes.length - start !== count) throw new Error(`${full}: ${bytes.length - start} data bytes, shape ${shape.join('×')} needs ${count}`);
  return { shape, data: bytes.subarray(start) };
}

/** One official split, `train` (60,000 images) or `t10k` (10,000), in file order. */
export function readFashionSplit(split: 'train' | 't10k'): ImageSet {
  const images = readIdxGz(`${split}-images-idx3-ubyte.gz`, 0x803, 3);
  const labels = readIdxGz(`${split}-labels-idx1-ubyte.gz`, 0x801, 1);
  const n = labels.shape[0];
  if (images.shape[0] !== n || images.shape[1] !== IMAGE_SIDE || images.shape[2] !== IMAGE_SIDE) {
    throw new Error(`${split}: images ${images.shape.join('×')} do not match ${n} labels of 28×28`);
  }
  for (const l of labels.data) if (l >= N_CLASSES) throw new Error(`${split}: label ${l} is not a class 0…9`);
  return { images: images.data, labels: labels.data, n };
}

/** The images at `idx` (in that order). */
export function subset(set: ImageSet, idx: ArrayLike<number>): ImageSet {
  const images = new Uint8Array(idx.length * PIXELS);
  const labels = new Uint8Array(idx.length);
  for (let i = 0; i < idx.length; i++) {
    images.set(set.images.subarray(idx[i] * PIXELS, (idx[i] + 1) * PIXELS), i * PIXELS);
    labels[i] = set.labels[idx[i]];
  }
  return { images, labels, n: idx.length };
}

/**
 * Class-balanced disjoint draws: the set is shuffled once with `seed`, then each request of `perClass[k]`
 * images per class takes the next unused images of every class in shuffled order. The result of each draw is
 * in shuffled order (classes interleaved), so any prefix is roughly balanced too.
 */
export function balancedSplits(set: ImageSet, perClass: readonly number[], seed: number): ImageSet[] {
  const order = permutation(set.n, seededRandom(seed));
  const byClass: number[][] = Array.from({ length: N_CLASSES }, () => []);
  for (const i of order) byClass[set.labels[i]].push(i);
  const rank = new Int32Array(set.n);
  order.forEach((i, r) => { rank[i] = r; });
  const next = new Array<number>(N_CLASSES).fill(0);
  return perClass.map((k) => {
    const picked: number[] = [];
    for (let c = 0; c < N_CLASSES; c++) {
      if (next[c] + k > byClass[c].length) throw new Error(`class ${c} has ${byClass[c].length} images, ${next[c] + k} asked`);
      picked.push(...byClass[c].slice(next[c], next[c] + k));
      next[c] += k;
    }
    picked.sort((a, b) => rank[a] - rank[b]);
    return subset(set, picked);
  });
}

/** Images per class, for the README. */
export function classCounts(labels: Uint8Array): number[] {
  const c = new Array<number>(N_CLASSES).fill(0);
  for (const l of labels) c[l]++;
  return c;
}
