/**
 * `npm run train:fixture`: regenerates everything under fixtures/ that the product demos on, reproducibly
 * (seeded splits, seeded initializers, seeded per-epoch shuffles and augmentation, single-threaded wasm).
 * Reads Fashion-MNIST from the Debian package `dataset-fashion-mnist` (installs nothing) and writes:
 *
 *   fixtures/data/eval-images.npy        uint8 [2000, 28, 28, 1]  from the official test split, 200 per class
 *   fixtures/data/eval-labels.npy        uint8 [2000]
 *   fixtures/data/train-images.npy.gz    uint8 [12000, 28, 28, 1] from the train split, 1,200 per class (gzip)
 *   fixtures/data/train-labels.npy.gz    uint8 [12000]
 *   fixtures/data/calib-images.npy       uint8 [500, 28, 28, 1]   calibration split (train split, 50 per class)
 *   fixtures/data/calib-labels.npy       uint8 [500]
 *   fixtures/data/val-images.npy.gz      uint8 [1000, 28, 28, 1]  validation split (train split, 100 per class)
 *   fixtures/data/val-labels.npy         uint8 [1000]
 *   fixtures/data/README.md              provenance, licence, seeds, class counts
 *   fixtures/model/model.json, weights.bin, README.md   ResNet-20 16-32-64 (scripts/fixture-model.ts)
 *   fixtures/mapping.json, mapping-128.json, technology.json, technology-harsh.json, nax.yml
 *
 * The model trains on the committed training images plus 1,800 more per class from the train split (kept out
 * of the repository for size; the same seed reproduces them). Train, calibration and validation images are
 * disjoint; the evaluation images come from the test split. Prints the training time and the ideal accuracy.
 * Options: --epochs N (default 12), --out DIR (default fixtures), --configs-only (rewrite the config files and the
 * data README only, without training).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { encodeNpy } from '../src/data/npy.js';
import { saveModelToFolder } from '../src/runtime/fs-io.js';
import { initBackend } from '../src/runtime/tfjs.js';
import { augmentImages } from './fixture-augment.js';
import { writeFixtureConfigs, PIXEL_SCALE } from './fixture-configs.js';
import {
  CLASS_NAMES, FASHION_DIR, FASHION_PACKAGE, type ImageSet, balancedSplits, classCounts, fashionPackageVersion, permutation,
  readFashionSplit, seededRandom, subset,
} from './fixture-data.js';
import { buildFixtureModel } from './fixture-model.js';

/** Seed of the class-balanced draw from the official test split (evaluation images). */
const EVAL_SEED = 20251201;
/** Seed of the class-balanced draws from the official train split (train, calibration, validation). */
const TRAIN_SPLIT_SEED = 20251202;
const INIT_SEED = 1;
const SHUFFLE_SEED = 7;
const AUGMENT_SEED = 11;
const EVAL_PER_CLASS = 200;
/** Committed training images per class (the search's training set). */
const TRAIN_COMMITTED_PER_CLASS = 1200;
/** Further training images per class, used by this script only. */
const TRAIN_EXTRA_PER_CLASS = 1800;
const CALIB_PER_CLASS = 50;
const VAL_PER_CLASS = 100;
const BATCH = 64;
/** Adam peak learning rate; a short linear warm-up, then a cosine decay to 0 over all steps. */
const PEAK_LR = 2e-3;
const WARMUP_STEPS = 100;
/** Augmentation: shifts of up to ±2 px and horizontal flips (scripts/fixture-augment.ts). */
const MAX_SHIFT = 2;

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '12' },
    out: { type: 'string', default: 'fixtures' },
    'configs-only': { type: 'boolean', default: false },
  },
});
const epochs = Number(args.epochs);
if (!Number.isInteger(epochs) || epochs < 1 || epochs > 100) throw new Error('--epochs must be an integer 1…100');
const out = args.out;

/** Adam whose learning rate the loop sets per step (tfjs keeps it protected); moments carry over. */
class ScheduledAdam extends tf.AdamOptimizer {
  constructor(learningRate: number) {
    super(learningRate, 0.9, 0.999);
  }

  setLearningRate(lr: number): void {
    this.learningRate = lr;
  }
}

function learningRate(step: number, totalSteps: number): number {
  if (step < WARMUP_STEPS) return PEAK_LR * (step + 1) / WARMUP_STEPS;
  return PEAK_LR * 0.5 * (1 + Math.cos(Math.PI * (step - WARMUP_STEPS) / Math.max(1, totalSteps - WARMUP_STEPS)));
}

function imagesTensor(images: Uint8Array, n: number): tf.Tensor4D {
  return tf.tidy(() => tf.mul(tf.cast(tf.tensor4d(images, [n, 28, 28, 1], 'int32'), 'float32'), PIXEL_SCALE) as tf.Tensor4D);
}

function accuracy(model: tfl.LayersModel, x: tf.Tensor4D, labels: Uint8Array): number {
  const pred = tf.tidy(() => tf.argMax(model.predict(x, { batchSize: 250 }) as tf.Tensor, -1).dataSync());
  let ok = 0;
  for (let i = 0; i < labels.length; i++) if (pred[i] === labels[i]) ok++;
  return ok / labels.length;
}

function concat(a: ImageSet, b: ImageSet): ImageSet {
  const images = new Uint8Array(a.images.length + b.images.length);
  images.set(a.images);
  images.set(b.images, a.images.length);
  const labels = new Uint8Array(a.n + b.n);
  labels.set(a.labels);
  labels.set(b.labels, a.n);
  return { images, labels, n: a.n + b.n };
}

const npyImages = (s: ImageSet) => encodeNpy({ dtype: 'uint8', shape: [s.n, 28, 28, 1], data: s.images });
const npyLabels = (s: ImageSet) => encodeNpy({ dtype: 'uint8', shape: [s.n], data: s.labels });
const gz = (b: Uint8Array) => gzipSync(b, { level: 9 });

interface Splits {
  evaluation: ImageSet;
  trainCommitted: ImageSet;
  trainExtra: ImageSet;
  calib: ImageSet;
  val: ImageSet;
}

function makeSplits(): Splits {
  const test = readFashionSplit('t10k');
  const trainSplit = readFashionSplit('train');
  const [evaluation] = balancedSplits(test, [EVAL_PER_CLASS], EVAL_SEED);
  const [trainCommitted, trainExtra, calib, val] = balancedSplits(
    trainSplit, [TRAIN_COMMITTED_PER_CLASS, TRAIN_EXTRA_PER_CLASS, CALIB_PER_CLASS, VAL_PER_CLASS], TRAIN_SPLIT_SEED);
  return { evaluation, trainCommitted, trainExtra, calib, val };
}

async function writeData(dataDir: string, s: Splits): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const files: Array<[string, Uint8Array]> = [
    ['eval-images.npy', npyImages(s.evaluation)],
    ['eval-labels.npy', npyLabels(s.evaluation)],
    ['train-images.npy.gz', gz(npyImages(s.trainCommitted))],
    ['train-labels.npy.gz', gz(npyLabels(s.trainCommitted))],
    ['calib-images.npy', npyImages(s.calib)],
    ['calib-labels.npy', npyLabels(s.calib)],
    ['val-images.npy.gz', gz(npyImages(s.val))],
    ['val-labels.npy', npyLabels(s.val)],
  ];
  for (const [name, bytes] of files) {
    await writeFile(path.join(dataDir, name), bytes);
    console.log(`  data/${name}: ${bytes.length} bytes`);
  }
  await writeFile(path.join(dataDir, 'README.md'), dataReadme(s, fashionPackageVersion()));
}

async function main(): Promise<void> {
  if (args['configs-only']) {
    await writeFixtureConfigs(out);
    await writeFile(path.join(out, 'data', 'README.md'), dataReadme(makeSplits(), fashionPackageVersion()));
    return;
  }
  const backend = await initBackend('wasm');
  const splits = makeSplits();
  const train = concat(splits.trainCommitted, splits.trainExtra);
  console.log(`data: ${FASHION_PACKAGE} ${fashionPackageVersion()}: ${train.n} train (${splits.trainCommitted.n} committed), `
    + `${splits.calib.n} calibration, ${splits.val.n} validation from the train split; ${splits.evaluation.n} evaluation from the test split`);
  await writeData(path.join(out, 'data'), splits);

  const yTrainAll = tf.tidy(() => tf.oneHot(tf.tensor1d(train.labels, 'int32'), 10));
  const xEval = imagesTensor(splits.evaluation.images, splits.evaluation.n);

  const model = buildFixtureModel(INIT_SEED);
  const optimizer = new ScheduledAdam(PEAK_LR);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const stepsPerEpoch = Math.ceil(train.n / BATCH);
  const totalSteps = epochs * stepsPerEpoch;
  console.log(`model: ${model.countParams()} parameters, backend ${backend}, ${epochs} epochs of ${train.n} images, batch ${BATCH}, `
    + `Adam peak lr ${PEAK_LR}, warm-up ${WARMUP_STEPS} steps, cosine decay; shifts ±${MAX_SHIFT} px and flips`);

  const shuffle = seededRandom(SHUFFLE_SEED);
  const augment = seededRandom(AUGMENT_SEED);
  const t0 = performance.now();
  let acc = 0;
  for (let e = 0; e < epochs; e++) {
    const te = performance.now();
    // tfjs' own shuffle uses Math.random; a seeded permutation and seeded augmentation keep training reproducible.
    const order = permutation(train.n, shuffle);
    const shuffled = subset(train, order);
    const x = imagesTensor(augmentImages(shuffled.images, shuffled.n, MAX_SHIFT, augment), shuffled.n);
    const idx = tf.tensor1d(order, 'int32');
    const y = tf.gather(yTrainAll, idx);
    let step = e * stepsPerEpoch;
    const h = await model.fit(x, y, {
      epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0,
      callbacks: {
        onBatchBegin: async () => { optimizer.setLearningRate(learningRate(step, totalSteps)); },
        onBatchEnd: async (batch) => {
          step++;
          if ((batch + 1) % 100 === 0) console.log(`  epoch ${e + 1} step ${batch + 1}/${stepsPerEpoch}, ${((performance.now() - te) / 1000).toFixed(0)} s`);
        },
      },
    });
    tf.dispose([idx, x, y]);
    acc = accuracy(model, xEval, splits.evaluation.labels);
    const loss = (h.history.loss[0] as number).toFixed(4);
    const trainAcc = ((h.history.acc ?? h.history.accuracy)?.[0] as number | undefined)?.toFixed(4);
    console.log(`epoch ${e + 1}/${epochs}: loss ${loss}, train acc ${trainAcc}, eval acc ${(acc * 100).toFixed(2)} %, ${((performance.now() - te) / 1000).toFixed(1)} s`);
  }
  const trainS = (performance.now() - t0) / 1000;
  console.log(`training: ${trainS.toFixed(1)} s (${(trainS / 60).toFixed(1)} min); ideal accuracy ${(acc * 100).toFixed(2)} % on ${splits.evaluation.n} evaluation images`);

  const modelDir = path.join(out, 'model');
  await saveModelToFolder(model, modelDir);
  await writeFile(path.join(modelDir, 'README.md'), modelReadme(model.countParams(), train.n, epochs, acc, splits.evaluation.n));
  await writeFixtureConfigs(out);
  for (const f of ['model/model.json', 'model/weights.bin']) console.log(`  ${f}: ${(await readFile(path.join(out, f))).length} bytes`);
  tf.dispose([yTrainAll, xEval]);
}

function dataReadme(s: Splits, version: string): string {
  const counts = (set: ImageSet) => classCounts(set.labels).join(', ');
  const upstream = /git\d{8}\.([0-9a-f]+)/.exec(version)?.[1];
  return `# Fixture data: Fashion-MNIST

Generated by \`npm run train:fixture\` (scripts/train-fixture.ts, scripts/fixture-data.ts); do not edit by hand.
Pixels are 0…255 (model input = pixel × 1/255); labels are the class 0…9:
${CLASS_NAMES.map((c, i) => `${i} ${c}`).join(', ')}.

| file | content | from | per class |
|---|---|---|---|
| \`eval-images.npy\`, \`eval-labels.npy\` | uint8 [${s.evaluation.n}, 28, 28, 1], [${s.evaluation.n}] — evaluation set | official test split | ${counts(s.evaluation)} |
| \`train-images.npy.gz\`, \`train-labels.npy.gz\` | uint8 [${s.trainCommitted.n}, 28, 28, 1], [${s.trainCommitted.n}], gzip — training set | official train split | ${counts(s.trainCommitted)} |
| \`calib-images.npy\`, \`calib-labels.npy\` | uint8 [${s.calib.n}, 28, 28, 1], [${s.calib.n}] — calibration split | official train split | ${counts(s.calib)} |
| \`val-images.npy.gz\`, \`val-labels.npy\` | uint8 [${s.val.n}, 28, 28, 1] (gzip), [${s.val.n}] — validation split | official train split | ${counts(s.val)} |

## Splits and seeds

- Evaluation: the 10,000 test images are shuffled with a seeded generator (mulberry32, seed ${EVAL_SEED});
  the first ${EVAL_PER_CLASS} images of each class in that order are kept, stored in shuffled order (classes
  interleaved). No model, calibration or selection step may use them for anything but evaluation.
- Train, calibration, validation: the 60,000 train images are shuffled (mulberry32, seed ${TRAIN_SPLIT_SEED});
  per class, the first ${TRAIN_COMMITTED_PER_CLASS} in that order form the committed training set, the next ${TRAIN_EXTRA_PER_CLASS} the
  uncommitted rest of the model's training set, the next ${CALIB_PER_CLASS} the calibration split and the next ${VAL_PER_CLASS} the validation
  split. The four sets share no image; each is stored in shuffled order.
- Use: \`nax.yml\` simulates a prefix of the evaluation set (\`simulation.evalImages\`; classes are interleaved,
  so a prefix is near-balanced); \`nax search\` trains on the committed training set and, today, takes its last
  1,000 images as the architecture-step split (\`search.validationImages\`). The calibration and validation
  splits are for per-chip calibration and for the search's model selection; no config field names them yet.
- The fixture model trained on ${s.trainCommitted.n + s.trainExtra.n} images: the committed ${s.trainCommitted.n} plus ${s.trainExtra.n} more (${TRAIN_EXTRA_PER_CLASS} per class), left
  out of the repository for size and reproduced from the package by the same seed. It never saw the
  calibration, validation or evaluation images.

## Provenance

- Source: the Debian package \`${FASHION_PACKAGE}\`, version \`${version}\` (upstream
  https://github.com/zalandoresearch/fashion-mnist${upstream ? `, commit ${upstream}` : ''}), the gzip-compressed idx
  files in \`${FASHION_DIR}/\` (\`train-*-idx*-ubyte.gz\`, \`t10k-*-idx*-ubyte.gz\`). Install it with
  \`apt-get install ${FASHION_PACKAGE}\`; the training script never downloads anything.
- Data set: Han Xiao, Kashif Rasul and Roland Vollgraf, *Fashion-MNIST: a Novel Image Dataset for
  Benchmarking Machine Learning Algorithms*, arXiv:1708.07747 (2017).

## Licence

Fashion-MNIST is © 2017 Zalando SE, released under the MIT (Expat) licence, as stated in
\`/usr/share/doc/${FASHION_PACKAGE}/copyright\` of the Debian package. These files are a re-encoded (uint8 .npy)
subset, redistributed under the same licence:

> Copyright (c) 2017 Zalando SE
>
> Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
> associated documentation files (the "Software"), to deal in the Software without restriction, including
> without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
> copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
> following conditions:
>
> The above copyright notice and this permission notice shall be included in all copies or substantial
> portions of the Software.
>
> THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
> LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
> EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN
> AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE
> OR OTHER DEALINGS IN THE SOFTWARE.
`;
}

function modelReadme(params: number, nTrain: number, nEpochs: number, acc: number, nEval: number): string {
  return `# Fixture model

Generated by \`npm run train:fixture\`; do not edit by hand. ResNet-20 at its real widths (He et al. 2016, the
CIFAR variant; scripts/fixture-model.ts) for 28×28×1 images: stem conv 3×3 stride 2 (16 ch), 3 stages × 3
basic blocks with 16, 32, 64 channels, BN, residual adds, 1×1 stride-2 projection shortcuts, global average
pooling, dense 10 softmax; ${params} parameters.

Trained on ${nTrain} Fashion-MNIST training images (\`../data/README.md\`; input = pixel/255) with Adam, batch
${BATCH}, ${nEpochs} epochs, peak learning rate ${PEAK_LR} (linear warm-up over ${WARMUP_STEPS} steps, cosine decay to 0),
seeded random shifts (±${MAX_SHIFT} px) and horizontal flips (seed ${AUGMENT_SEED}), seeded initializers (seed ${INIT_SEED}) and
seeded per-epoch shuffles (seed ${SHUFFLE_SEED}), on the tfjs wasm backend.

Ideal (float) accuracy on the ${nEval} evaluation images (official test split): ${(acc * 100).toFixed(2)} %.

Files: \`model.json\` (TensorFlow.js layers format) and \`weights.bin\`, the layout of tfjs-node's \`model.save('file://…')\`.
`;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
