/** loadEvalSet over an in-memory FileSource: shapes, scaling, limits, hashes and the errors it names. */
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { loadEvalSet } from '../../src/data/evalset.js';
import { encodeNpy, type NpyArray } from '../../src/data/npy.js';
import { dirSource } from '../../src/io/files.js';
import { parseNaxConfig } from '../../src/config/nax-config.js';
import { userErrorOf as userError } from '../support/user-error.js';
import { memorySource } from '../support/memory-source.js';

const npy = (a: NpyArray): Uint8Array => encodeNpy(a);
const CFG = { images: 'data/x.npy', labels: 'data/y.npy', scale: 0.5 };


describe('loadEvalSet', () => {
  const images = npy({ dtype: 'uint8', shape: [3, 2, 2], data: Uint8Array.from({ length: 12 }, (_, i) => i) });
  const labels = npy({ dtype: 'int64', shape: [3], data: Float64Array.from([2, 0, 1]) });

  test('rank-3 uint8 images [3,2,2] gain C = 1, are scaled, and the first `limit` are kept', async () => {
    const set = await loadEvalSet(memorySource({ [CFG.images]: images, [CFG.labels]: labels }), CFG, 2, 'nax.yml');
    expect(set.n).toBe(2);
    expect(set.available).toBe(3);
    expect(set.shape).toEqual([2, 2, 1]);
    expect(Array.from(set.images)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5]);
    expect(Array.from(set.labels)).toEqual([2, 0]);
    expect(set.note).toBeUndefined();
  });

  test('a limit above the set size uses all images and says so', async () => {
    const set = await loadEvalSet(memorySource({ [CFG.images]: images, [CFG.labels]: labels }), CFG, 1000, 'nax.yml');
    expect(set.n).toBe(3);
    expect(set.note).toMatch(/1000.*3/);
  });

  test('hashes: one per file as stored, and one over both', async () => {
    const gzImages = gzipSync(images);
    const set = await loadEvalSet(memorySource({ [CFG.images]: gzImages, [CFG.labels]: labels }), CFG, 3, 'nax.yml');
    const hex = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
    expect(set.imagesSha256).toBe(hex(gzImages));
    expect(set.labelsSha256).toBe(hex(labels));
    expect(set.sha256).toBe(hex(Buffer.concat([gzImages, labels])));
    expect(set.images[11]).toBe(5.5);
  });

  test('rank-4 float32 images [2,1,1,3] keep their channels', async () => {
    const x = npy({ dtype: 'float32', shape: [2, 1, 1, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) });
    const y = npy({ dtype: 'uint8', shape: [2], data: Uint8Array.from([1, 0]) });
    const set = await loadEvalSet(memorySource({ [CFG.images]: x, [CFG.labels]: y }), { ...CFG, scale: 1 }, 5, 'nax.yml');
    expect(set.shape).toEqual([1, 1, 3]);
    expect(Array.from(set.images)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('label count ≠ image count names nax.yml evalSet.labels', async () => {
    const y = npy({ dtype: 'int32', shape: [2], data: Int32Array.from([0, 1]) });
    const e = await userError(loadEvalSet(memorySource({ [CFG.images]: images, [CFG.labels]: y }), CFG, 3, 'nax.yml'));
    expect([e.file, e.field]).toEqual(['nax.yml', 'evalSet.labels']);
    expect(e.message).toMatch(/2 labels .* 3 images/);
  });

  test('a negative label names the labels file and index', async () => {
    const y = npy({ dtype: 'int32', shape: [3], data: Int32Array.from([0, -1, 1]) });
    const e = await userError(loadEvalSet(memorySource({ [CFG.images]: images, [CFG.labels]: y }), CFG, 3, 'nax.yml'));
    expect([e.file, e.field]).toEqual([CFG.labels, '[1]']);
  });

  test('a fractional float label is refused', async () => {
    const y = npy({ dtype: 'float32', shape: [3], data: Float32Array.from([0, 1.5, 1]) });
    const e = await userError(loadEvalSet(memorySource({ [CFG.images]: images, [CFG.labels]: y }), CFG, 3, 'nax.yml'));
    expect([e.file, e.field]).toEqual([CFG.labels, '[1]']);
  });

  test('images of rank 2 are refused', async () => {
    const x = npy({ dtype: 'uint8', shape: [3, 4], data: new Uint8Array(12) });
    const e = await userError(loadEvalSet(memorySource({ [CFG.images]: x, [CFG.labels]: labels }), CFG, 3, 'nax.yml'));
    expect([e.file, e.field]).toEqual([CFG.images, 'shape']);
  });

  test('a missing file is a user error naming it', async () => {
    const e = await userError(loadEvalSet(memorySource({ [CFG.images]: images }), CFG, 3, 'nax.yml'));
    expect(e.file).toBe(CFG.labels);
  });
});

describe('the committed fixture data', () => {
  const fixtures = dirSource('fixtures');
  const imageKeys = (set: { images: Float32Array; n: number }) => {
    const per = set.images.length / set.n;
    return new Set(Array.from({ length: set.n }, (_, i) => {
      const img = set.images.subarray(i * per, (i + 1) * per);
      return Buffer.from(img.buffer, img.byteOffset, img.byteLength).toString('base64');
    }));
  };

  const counts = (labels: ArrayLike<number>) => {
    const c = new Array<number>(10).fill(0);
    for (const l of Array.from(labels)) c[l]++;
    return c;
  };
  const scale = 1 / 255;
  const split = (name: string, images: string, labels: string, n: number) =>
    loadEvalSet(fixtures, { images: `data/${images}`, labels: `data/${labels}`, scale }, n, `fixtures/data/${name}`);

  test('nax.yml names 2,000 class-balanced evaluation images and the committed training set for the search', async () => {
    const config = parseNaxConfig(new TextDecoder().decode(await fixtures.read('nax.yml')), 'nax.yml');
    const evalSet = await loadEvalSet(fixtures, config.evalSet!, 5000, 'nax.yml');
    expect([evalSet.available, evalSet.n]).toEqual([2000, 2000]);
    expect(evalSet.shape).toEqual([28, 28, 1]);
    expect(evalSet.images.reduce((m, v) => Math.max(m, v), 0)).toBeCloseTo(1, 6);
    expect(counts(evalSet.labels)).toEqual(Array(10).fill(200));
    expect(config.search.trainSet).toEqual({ images: 'data/train-images.npy.gz', labels: 'data/train-labels.npy.gz', scale });
  });

  test('evaluation, training, calibration and validation images are pairwise disjoint and class-balanced', async () => {
    const sets = {
      evaluation: await split('eval', 'eval-images.npy', 'eval-labels.npy', 2000),
      train: await split('train', 'train-images.npy.gz', 'train-labels.npy.gz', 12000),
      calibration: await split('calib', 'calib-images.npy', 'calib-labels.npy', 1000),
      validation: await split('val', 'val-images.npy.gz', 'val-labels.npy', 2000),
    };
    expect([sets.train.available, sets.calibration.n, sets.validation.n]).toEqual([12000, 500, 1000]);
    expect(counts(sets.train.labels)).toEqual(Array(10).fill(1200));
    expect(counts(sets.calibration.labels)).toEqual(Array(10).fill(50));
    expect(counts(sets.validation.labels)).toEqual(Array(10).fill(100));
    const keys = Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, imageKeys(v)]));
    const names = Object.keys(keys);
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const shared = [...keys[names[i]]].filter((k) => keys[names[j]].has(k)).length;
        expect(`${names[i]}∩${names[j]}: ${shared}`).toBe(`${names[i]}∩${names[j]}: 0`);
      }
    }
  }, 300_000); // 15,500 images decoded and keyed: ~20 s alone, more on a shared machine
});
