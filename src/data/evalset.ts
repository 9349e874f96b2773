/**
 * The evaluation set named in nax.yml: images and integer labels as `.npy` (or gzip-compressed `.npy.gz`)
 * files, read through a FileSource so the base commit's set is read the same way as the head's.
 */
import { sha256 } from '../io/json.js';
import type { EvalSetConfig } from '../config/nax-config.js';
import { NaxUserError } from '../errors.js';
import type { FileSource } from '../io/files.js';
import { parseNpy } from './npy.js';

export interface EvalSet {
  /** Model input, images × `scale`, [n, H, W, C] flat (NHWC). */
  readonly images: Float32Array;
  /** Class index per image, [n]. */
  readonly labels: Int32Array;
  /** Images used: min(limit, available). */
  readonly n: number;
  /** Image shape [H, W, C] (C = 1 for a rank-3 image file). */
  readonly shape: readonly [number, number, number];
  /** Images in the files. */
  readonly available: number;
  /** Set when fewer images were available than asked for. */
  readonly note?: string;
  /** `sha256:<hex>` over the images file then the labels file, as stored: one hash for the report. */
  readonly sha256: string;
  readonly imagesSha256: string;
  readonly labelsSha256: string;
}

/**
 * Loads the first `limit` images and labels of an evaluation set. Paths in `cfg` are relative to the
 * source root. `file` is the config that named the set (nax.yml), for errors about the pair as a whole;
 * errors about one file's contents name that file. Checks: images rank 3 [N, H, W] or 4 [N, H, W, C];
 * labels [N] (or [N, 1]) of integers ≥ 0; as many labels as images.
 */
export async function loadEvalSet(source: FileSource, cfg: EvalSetConfig, limit: number, file: string): Promise<EvalSet> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`internal error: evaluation limit ${limit}`);
  const imageBytes = await source.read(cfg.images, 'dataset');
  const labelBytes = await source.read(cfg.labels, 'dataset');
  const images = parseNpy(imageBytes, cfg.images);
  const labels = parseNpy(labelBytes, cfg.labels);

  if (images.shape.length !== 3 && images.shape.length !== 4) {
    throw new NaxUserError(cfg.images, 'shape', `images have shape (${images.shape.join(', ')})`, 'expected [N, H, W] or [N, H, W, C]');
  }
  const [available, h, w] = images.shape;
  const c = images.shape.length === 4 ? images.shape[3] : 1;
  if (h < 1 || w < 1 || c < 1) throw new NaxUserError(cfg.images, 'shape', `images have shape (${images.shape.join(', ')})`);
  if (!(labels.shape.length === 1 || (labels.shape.length === 2 && labels.shape[1] === 1))) {
    throw new NaxUserError(cfg.labels, 'shape', `labels have shape (${labels.shape.join(', ')})`, 'expected [N]');
  }
  if (labels.shape[0] !== available) {
    throw new NaxUserError(file, 'evalSet.labels', `${labels.shape[0]} labels in ${cfg.labels} for ${available} images in ${cfg.images}`,
      'the two files must hold the same number of entries');
  }
  if (available === 0) throw new NaxUserError(cfg.images, 'shape', 'the evaluation set is empty');

  const n = Math.min(limit, available);
  const per = h * w * c;
  const scaled = new Float32Array(n * per);
  const src = images.data;
  for (let i = 0; i < n * per; i++) {
    // As float32, the model's input type: a finite float64 beyond ±3.4e38 overflows to ±Inf there.
    const v = Math.fround(src[i] * cfg.scale);
    if (!Number.isFinite(v)) throw new NaxUserError(cfg.images, `[${Math.floor(i / per)}]`, `image ${Math.floor(i / per)} holds a pixel (${src[i]}) that is not finite as float32 after scaling`);
    scaled[i] = v;
  }
  const outLabels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = labels.data[i];
    if (!Number.isInteger(v) || v < 0 || v > 0x7fffffff) {
      throw new NaxUserError(cfg.labels, `[${i}]`, `label ${v} is not a class index`, 'labels are integers ≥ 0');
    }
    outLabels[i] = v;
  }
  const both = new Uint8Array(imageBytes.length + labelBytes.length);
  both.set(imageBytes, 0);
  both.set(labelBytes, imageBytes.length);
  return {
    images: scaled,
    labels: outLabels,
    n,
    shape: [h, w, c],
    available,
    ...(limit > available ? { note: `asked for ${limit} images, the evaluation set has ${available}: using all ${available}` } : {}),
    sha256: sha256(both),
    imagesSha256: sha256(imageBytes),
    labelsSha256: sha256(labelBytes),
  };
}
