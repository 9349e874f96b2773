/**
 * The project files the end-to-end tests commit into their temporary PR checkouts: the fixture model, mapping,
 * technology and evaluation set as bundled, and the head mapping most of them change.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './harness.js';

/** A file of the bundled fixture (fixtures/<rel>). */
export const fixture = (rel: string): Buffer => readFileSync(path.join(REPO_ROOT, 'fixtures', rel));

/** The fixture on 10 images and 1 chip instance, with budgets a one-layer change passes (EDAP warn 20 %, fail 50 %). */
export const E2E_NAX_YML = `# e2e: the fixture model on 10 images, 1 chip instance
model: model/model.json
mapping: mapping.json
technology: technology.json
evalSet: { images: data/eval-images.npy, labels: data/eval-labels.npy, scale: 0.00392156862745098 }
simulation: { seed: 1, monteCarloSamples: 1, evalImages: 10, irDrop: fast, batchSize: 10 }
budgets:
  maxEdapIncreasePct: { warn: 20, fail: 50 }
  maxAccuracyDropPp: { warn: 50, fail: 100 }
`;

/**
 * A small search section for the fixture (kernel 3, crossbars 32 and 64, `lambda`; 10 selection images on 1 chip,
 * 10 evaluation images on 2 chips): the runs test the action's plumbing, not the search's quality. Needs the
 * training split as `data/train-*.npy.gz` (searchFiles).
 */
export function e2eSearchSection(lambda: readonly number[]): string {
  return `search:
  kernels: [3]
  crossbars: [32, 64]
  lambda: [${lambda.join(', ')}]
  budget: 15m
  trainSet: { images: data/train-images.npy.gz, labels: data/train-labels.npy.gz, scale: 0.00392156862745098 }
  validationImages: 200
  selectionImages: 10
  selectionChips: 1
  evaluationImages: 10
  evaluationChips: 2
`;
}

/** The training split a search section names. */
export function searchFiles(): Record<string, Buffer> {
  return Object.fromEntries(['data/train-images.npy.gz', 'data/train-labels.npy.gz'].map((rel) => [rel, fixture(rel)]));
}

/** Everything a nax.yml of the fixture refers to, without the nax.yml. */
export function projectFiles(): Record<string, Buffer> {
  return Object.fromEntries(['mapping.json', 'technology.json', 'model/model.json', 'model/weights.bin', 'data/eval-images.npy', 'data/eval-labels.npy']
    .map((rel) => [rel, fixture(rel)]));
}

/** Head: one layer moved from 64×64 to 128×128 crossbars (EDAP +18.6 % on the fixture). */
export const HEAD_MAPPING = `{
  "schema": "nax-mapping/1",
  "defaults": {
    "rows": 64, "cols": 64, "weightBits": 8, "bitsPerCell": 2, "inputBits": 8, "dacBits": 1,
    "adcBits": "auto", "signMapping": "differential"
  },
  "layers": {
    "s1b1_conv1": { "rows": 128, "cols": 128 }
  }
}
`;
