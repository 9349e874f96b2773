/**
 * `npx tsx bench/arch-gradient.ts [--repeats 8] [--images 32]`: the accuracy-term gradient estimators on
 * the fixture at a fixed α (uniform, supernet = the committed weights), the real non-ideal simulator, one
 * fixed validation batch. For each estimator — REINFORCE with and without common random numbers, binary
 * gates with them — R repeated architecture-step estimates (fresh path samples; fresh chip per repeat) and:
 *   var(ΔL): variance of the loss difference of the step's two paths (what the estimate is made of);
 *   total variance of the gradient vector and its mean squared norm;
 *   agreement: mean cosine between one estimate and the mean of the others (scale-free; 1 = noiseless).
 * Prints one JSON object. Slow by nature (each estimate runs the simulator twice). `--fixed-paths 1` holds
 * the two paths fixed across repeats (only the chip varies); `--only reinforce+crn,reinforce` picks configs.
 */
import { performance } from 'node:perf_hooks';
import { dirSource } from '../src/io/files.js';
import { initBackend } from '../src/runtime/tfjs.js';
import { SearchEngine, Ticker, engineSettingsOf } from '../src/search/engine.js';
import { resolveSearchPlan } from '../src/search/plan.js';
import { loadSearchInputs } from '../src/search-project.js';
import { Rng } from '../src/xbar/rng.js';
import { simulatorNonIdeal } from '../src/search/run.js';
import type { ArchGradient } from '../src/config/search-space.js';

function arg(name: string, d: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : d;
}

async function main(): Promise<void> {
  await initBackend('wasm');
  const R = arg('repeats', 8);
  const B = arg('images', 32);
  // --fixed-paths 1: the same two paths (and non-ideal subsets) in every repeat, so only the chip varies —
  // the part of the noise common random numbers address.
  const fixedPaths = arg('fixed-paths', 0) === 1;
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]!.split(',') : undefined;
  const inp = await loadSearchInputs(dirSource('fixtures'), 'nax.yml');
  const space = inp.space;
  const plan = resolveSearchPlan({ graph: inp.graph, committed: inp.committed, space, file: inp.file });
  const nVal = space.validationImages;
  const per = inp.train.shape[0] * inp.train.shape[1] * inp.train.shape[2];
  const nTrain = inp.train.n - nVal;
  const data = {
    trainImages: inp.train.images.subarray(0, nTrain * per), trainLabels: inp.train.labels.subarray(0, nTrain), nTrain,
    valImages: inp.train.images.subarray(nTrain * per), valLabels: inp.train.labels.subarray(nTrain), nVal,
    shape: inp.train.shape, classes: 10,
  };
  const now = () => performance.now() / 1000;
  const x = data.valImages.subarray(0, B * per);
  const y = data.valLabels.subarray(0, B);
  const alphas = plan.layers.map((l) => new Float64Array(l.ops.length));
  const nonIdeal = simulatorNonIdeal(inp);
  const configs: Array<{ name: string; gradient: ArchGradient; crn: boolean }> = [
    { name: 'reinforce+crn', gradient: 'reinforce', crn: true },
    { name: 'reinforce, chip and subset per sample', gradient: 'reinforce', crn: false },
    { name: 'binaryGate+crn', gradient: 'binaryGate', crn: true },
  ];
  const out: Record<string, unknown> = { repeats: R, images: B, layers: plan.layers.length, fixedPaths };
  for (const c of configs) {
    if (only && !only.includes(c.name.split(/[ ,+]/)[0]! + (c.crn ? '+crn' : ''))) continue;
    const engine = new SearchEngine(plan, data, { ...engineSettingsOf(space, nVal), gradient: c.gradient, commonRandomNumbers: c.crn },
      { now }, new Ticker({ now }, () => {}, 1e9));
    const grads: Float64Array[] = [];
    const dl: number[] = [];
    const t0 = now();
    for (let r = 0; r < R; r++) {
      const res = await engine.accuracyGradient({ alphas, rng: Rng.derive(space.seed, 'measure', c.gradient, fixedPaths ? 0 : r), x, y, key: ['measure', r], nonIdeal });
      grads.push(Float64Array.from(res.grad.flatMap((g) => [...g])));
      dl.push(res.ces[0]! - res.ces[1]!);
      process.stderr.write(`${c.name}: ${r + 1}/${R} (${(now() - t0).toFixed(0)} s) ΔL ${dl[dl.length - 1]!.toFixed(4)}\n`);
    }
    engine.dispose();
    const n = grads[0]!.length;
    const mean = new Float64Array(n);
    for (const g of grads) for (let j = 0; j < n; j++) mean[j]! += g[j]! / R;
    let totalVar = 0;
    let sq = 0;
    for (const g of grads) for (let j = 0; j < n; j++) {
      totalVar += (g[j]! - mean[j]!) ** 2 / (R - 1);
      sq += g[j]! ** 2 / R;
    }
    let agree = 0;
    grads.forEach((g, r) => {
      let dot = 0, na = 0, nb = 0;
      for (let j = 0; j < n; j++) {
        const o = (mean[j]! * R - g[j]!) / (R - 1);
        dot += g[j]! * o;
        na += g[j]! ** 2;
        nb += o ** 2;
      }
      agree += na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) / R : 0;
    });
    const mdl = dl.reduce((a, b) => a + b, 0) / R;
    out[c.name] = {
      varDeltaL: dl.reduce((a, b) => a + (b - mdl) ** 2, 0) / (R - 1),
      meanAbsDeltaL: dl.reduce((a, b) => a + Math.abs(b), 0) / R,
      gradTotalVariance: totalVar, gradMeanSquaredNorm: sq, agreement: agree, secondsPerStep: (now() - t0) / R,
    };
  }
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
