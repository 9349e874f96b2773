/**
 * `npm run bench:search` (issue 5): the bounded NAX re-search on the fixture (ResNet-20 16-32-64, Fashion-MNIST)
 * within a wall-time budget (default 15 min; `-- --budget 5m` to change it), then the side-by-side table:
 * committed model, homogeneous baselines (16/32/64/128), searched candidate(s) — non-ideal accuracy, EDAP,
 * and ΔEDAP against the best homogeneous baseline at equal or lower accuracy. Target: ≥ 17 % lower EDAP
 * at equal or better non-ideal accuracy. Results land in .nax-out/bench-search/.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseDuration, parseSearchSpace } from '../src/config/search-space.js';
import { dirSource } from '../src/io/files.js';
import { initBackend } from '../src/runtime/tfjs.js';
import { workerSampleRunner } from '../src/runtime/workers.js';
import { meanEntropy } from '../src/search/arch.js';
import { deltaVsBaseline } from '../src/search/pareto.js';
import { folderSink } from '../src/io/search-folder.js';
import { loadSearchInputs, simulatorEvaluator } from '../src/search-project.js';
import { runSearchOn } from '../src/search/run.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const budgetS = parseDuration(arg('budget') ?? '15m', 'bench', '--budget');
  const outDir = arg('out') ?? '.nax-out/bench-search';
  await initBackend('wasm');
  const space = parseSearchSpace({
    trainSet: { images: 'data/train-images.npy.gz', labels: 'data/train-labels.npy.gz', scale: 1 / 255 },
    validationImages: 1000,
    lambda: (arg('lambda') ?? '1').split(',').map(Number),
    objective: 'edap',
    seed: 1,
  }, 'nax.yml', 'search');
  const t0 = performance.now();
  const inputs = await loadSearchInputs(dirSource('fixtures'), 'nax.yml', space);
  // Candidate evaluations spread their Monte Carlo samples over worker threads started from the built CLI
  // bundle (a worker only needs plain data and the bundle's worker entry; run `npm run build` first).
  const runner = workerSampleRunner({ entry: new URL('../dist/cli/index.js', import.meta.url), workers: Math.min(2, availableParallelism()) });
  const r = await runSearchOn(inputs, {
    budgetS, sink: folderSink(outDir), evaluate: simulatorEvaluator(inputs, { runner }),
    progress: (l) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${l}`),
    now: () => performance.now() / 1000,
  });
  const wallS = (performance.now() - t0) / 1000;
  console.log(`\n${r.summary}`);
  console.log(`search wall time ${wallS.toFixed(0)} s (budget ${budgetS} s, warm-up ${r.warmupSteps} weight steps)`);
  for (const l of r.lambdas) {
    const run = r.runs.find((x) => x.lambda === l.lambda)!;
    const first = run.trajectory[0];
    console.log(`λ=${l.lambda}: ${l.archSteps} architecture steps, ${l.searchWeightSteps} search + ${l.fineTuneSteps} fine-tune weight steps; ` +
      `mean α entropy ${meanEntropy(run.alphas).toFixed(3)} nats (uniform ${meanEntropy(run.alphas.map((a) => new Float64Array(a.length))).toFixed(3)}), ` +
      `max p ${Math.max(...l.probabilities.map((p) => Math.max(...p))).toFixed(3)}, hw term ${l.hardware.toFixed(3)}${first ? '' : ' (no arch step)'}`);
  }
  for (const c of r.pareto.candidates.filter((x) => x.kind === 'searched')) {
    const d = deltaVsBaseline(c, r.pareto.candidates);
    const target = d && d.deltaEdap <= -0.17 ? 'meets' : 'misses';
    console.log(`${c.label}: non-ideal ${(c.accuracy * 100).toFixed(2)} %, EDAP ${c.edap.toExponential(3)}; ` +
      (d ? `ΔEDAP ${(d.deltaEdap * 100).toFixed(1)} % vs ${d.baseline.label} (${(d.baseline.accuracy * 100).toFixed(2)} %) — ${target} the −17 % target` : 'every baseline is more accurate'));
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? (e as Error & { format?: () => string }).format?.() ?? e.stack : e);
  process.exit(1);
});
