/**
 * Simulator speed on the fixture (issue 2): time per Monte Carlo sample against the bit-plane bound —
 * the ideal float inference time × input DAC cycles × weight slices × sign arrays (MAC-weighted over the
 * layers) — and the wall time of `npm start` (the bundled CLI, fixtures/nax.yml: 300 images, 3 samples, 2 cores).
 * Run directly: `npx tsx bench/simulate.ts`.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { dirSource } from '../src/io/files.js';
import { loadEvalSet } from '../src/data/evalset.js';
import { matrixNodes } from '../src/model/graph.js';
import { tileGeometry } from '../src/mapping/tiling.js';
import { loadProject } from '../src/pipeline.js';
import { initBackend } from '../src/runtime/tfjs.js';
import { FloatWeights, calibrate, forward } from '../src/xbar/network.js';
import { runSamples } from '../src/xbar/simulate.js';

export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
}

const IMAGES = 200;

export async function benchSimulate(): Promise<BenchRow[]> {
  await initBackend('wasm');
  const source = dirSource('fixtures');
  const p = await loadProject(source, 'nax.yml');
  const ev = await loadEvalSet(source, p.config.evalSet!, IMAGES, 'nax.yml');
  const data = { images: ev.images, labels: ev.labels, n: ev.n, shape: ev.shape };
  const fw = new FloatWeights(p.graph);
  const x = tf.tensor4d(ev.images, [ev.n, ...ev.shape]);
  forward(p.graph, fw, { kind: 'float' }, x, 0).dispose(); // warm-up
  let t = performance.now();
  const reps = 5;
  for (let r = 0; r < reps; r++) forward(p.graph, fw, { kind: 'float' }, x, 0).dispose();
  const idealS = (performance.now() - t) / 1000 / reps;
  const calibration = calibrate(p.graph, fw, x);
  x.dispose();
  fw.dispose();

  // Bit-plane factor per layer, weighted by the layer's MACs.
  let macs = 0;
  let weighted = 0;
  for (const n of matrixNodes(p.graph)) {
    const g = tileGeometry(n.shape, p.mappings.get(n.name)!);
    const m = g.rowsNeeded * g.colsNeeded * g.mvms;
    macs += m;
    weighted += m * g.inputCycles * g.slices * g.signArrays;
  }
  const factor = weighted / macs;
  const bound = idealS * factor;

  const job = {
    graph: p.graph, mappings: p.mappings, technology: p.technology, data, seed: 1, samples: [0],
    irDrop: 'fast' as const, batchSize: 100, calibration,
  };
  t = performance.now();
  await runSamples(job);
  const sampleS = (performance.now() - t) / 1000;

  const rows: BenchRow[] = [
    { name: `ideal float inference, ${IMAGES} images`, value: idealS, unit: 's' },
    { name: 'bit-plane factor (cycles × slices × signs, MAC-weighted)', value: factor, unit: '×' },
    { name: `non-ideal Monte Carlo sample (fast IR drop), ${IMAGES} images`, value: sampleS, unit: 's' },
    { name: 'sample time ÷ bit-plane bound', value: sampleS / bound, unit: '×', target: '≤ 1.5' },
  ];
  t = performance.now();
  const r = spawnSync(process.execPath, ['dist/cli/index.js', 'simulate', '--config', 'fixtures/nax.yml', '--quiet'], { encoding: 'utf8' });
  const startS = (performance.now() - t) / 1000;
  rows.push({ name: `npm start (bundle; fixtures/nax.yml: 300 images, 3 samples${r.status === 0 ? '' : ', FAILED'})`, value: startS, unit: 's', target: '≤ 90' });
  return rows;
}

export function printRows(title: string, rows: readonly { name: string; value: number; unit: string; target?: string | number }[]): void {
  console.log(`\n${title}`);
  const w = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const v = Math.abs(r.value) >= 1e4 || (Math.abs(r.value) < 1e-2 && r.value !== 0) ? r.value.toExponential(3) : r.value.toFixed(3);
    console.log(`  ${r.name.padEnd(w)}  ${v.padStart(10)} ${r.unit}${r.target !== undefined ? `   (target ${r.target})` : ''}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  printRows('simulator', await benchSimulate());
}
