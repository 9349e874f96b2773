/**
 * `npx tsx bench/supernet-lr.ts [--lr 3e-5,1e-4,5e-4] [--paths uniform|committed] [--steps 100] [--every 25]`: what
 * supernet weight training does to the committed network. Weight steps (batch 64, Adam, ideal forward) on
 * paths sampled as the warm-up samples them (uniform kernels) or on the committed path only; after every
 * `--every` steps, the committed path's ideal accuracy and cross-entropy on the search's 1,000 held-out
 * architecture-step images. The search's `weightLr` default comes from this measurement.
 */
import * as tf from '@tensorflow/tfjs-core';
import { dirSource } from '../src/io/files.js';
import { initBackend } from '../src/runtime/tfjs.js';
import { uniformArch } from '../src/search/arch.js';
import { committedChoice, resolveSearchPlan } from '../src/search/plan.js';
import { Supernet } from '../src/search/supernet.js';
import { loadSearchInputs } from '../src/search-project.js';
import { Rng } from '../src/xbar/rng.js';

function arg(name: string, d: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : d;
}

async function main(): Promise<void> {
  await initBackend('wasm');
  const lrs = arg('lr', '3e-5,1e-4,5e-4').split(',').map(Number);
  const paths = arg('paths', 'uniform');
  const steps = Number(arg('steps', '100'));
  const every = Number(arg('every', '25'));
  const inp = await loadSearchInputs(dirSource('fixtures'), 'nax.yml');
  const plan = resolveSearchPlan({ graph: inp.graph, committed: inp.committed, space: inp.space, file: inp.file });
  const [h, w, c] = inp.train.shape;
  const per = h * w * c;
  const nVal = inp.space.validationImages;
  const nTrain = inp.train.n - nVal;
  const committed = committedChoice(plan);
  console.log('| lr | paths | step | train CE | committed path: val accuracy | val CE |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const lr of lrs) {
    const net = new Supernet(plan, lr);
    const evaluate = (): { acc: number; ce: number } => {
      let correct = 0;
      let ce = 0;
      for (let s = 0; s < nVal; s += 250) {
        const n = Math.min(250, nVal - s);
        tf.tidy(() => {
          const x = tf.tensor4d(inp.train.images.subarray((nTrain + s) * per, (nTrain + s + n) * per), [n, h, w, c]);
          const labels = inp.train.labels.subarray(nTrain + s, nTrain + s + n);
          const y = net.logits(x, committed);
          const pred = tf.argMax(y, 1).dataSync();
          for (let i = 0; i < n; i++) if (pred[i] === labels[i]) correct += 1;
          ce += tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(labels, 'int32'), 10), y).dataSync()[0]! * n;
        });
      }
      return { acc: correct / nVal, ce: ce / nVal };
    };
    const row = (step: number, loss: number) => {
      const e = evaluate();
      console.log(`| ${lr} | ${paths} | ${step} | ${Number.isNaN(loss) ? '—' : loss.toFixed(3)} | ${(100 * e.acc).toFixed(1)} % | ${e.ce.toFixed(3)} |`);
    };
    row(0, NaN);
    const rng = Rng.derive(1, 'supernet-lr');
    let losses: number[] = [];
    for (let s = 1; s <= steps; s++) {
      const idx = Array.from({ length: 64 }, () => Math.floor(rng.uniform() * nTrain));
      const x = new Float32Array(idx.length * per);
      const y = new Int32Array(idx.length);
      idx.forEach((k, i) => {
        x.set(inp.train.images.subarray(k * per, (k + 1) * per), i * per);
        y[i] = inp.train.labels[k]!;
      });
      const arch = paths === 'committed' ? committed : uniformArch(plan, rng, false);
      const xt = tf.tensor4d(x, [idx.length, h, w, c]);
      const yt = tf.tensor1d(y, 'int32');
      losses.push(net.weightStep(xt, yt, 10, arch));
      xt.dispose();
      yt.dispose();
      if (s % every === 0) {
        row(s, losses.reduce((a, b) => a + b, 0) / losses.length);
        losses = [];
      }
    }
    net.dispose();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
