/**
 * `npm run bench`: the speed targets of the issues, printed as numbers and ratios (never as timed tests).
 *   simulator   — time per Monte Carlo sample ÷ the bit-plane bound (target ≤ 1.5); `npm start` (≤ 120 s)
 *   IR drop     — exact 128×128 effective matrix (≤ 1 s), fast model speed and error
 *   cost model  — costOf evaluations of a 20-layer network per second (≥ 10,000)
 *   check       — the full base + head check on the fixture, bundled CLI, 2 cores (≤ 180 s)
 * Run `npm run build` first: the npm start and check rows time the committed bundle.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { benchCost } from './cost.js';
import { benchIrDrop } from './irdrop.js';
import { benchSimulate, printRows } from './simulate.js';

function benchCheck() {
  // Base = HEAD: both sides are the committed fixture, so this is the cost of a check with a baseline.
  const t = performance.now();
  const r = spawnSync(process.execPath, ['dist/cli/index.js', 'check', '--config', 'fixtures/nax.yml', '--base', 'HEAD', '--quiet'], { encoding: 'utf8' });
  const s = (performance.now() - t) / 1000;
  return [{ name: `full check, base + head (fixtures/nax.yml: 300 images, 3 samples each${r.status === 0 ? '' : `, exit ${r.status}`})`, value: s, unit: 's', target: '≤ 180' }];
}

printRows('IR drop', await benchIrDrop());
printRows('cost model', await benchCost());
printRows('simulator', await benchSimulate());
printRows('GitHub check', benchCheck());
