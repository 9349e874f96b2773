/**
 * `npm run bench`: the speed targets of the issues, printed as numbers and ratios (never as timed tests).
 *   simulator   — CPU time per Monte Carlo sample ÷ the bit-plane bound (≤ 1.5); `npm start` (≤ 90 s) and its
 *                 peak RSS (≤ 2 GB)
 *   IR drop     — exact 256×256 effective matrix (≤ 1 s), 128×128, fast model speed and error
 *   cost model  — costOf evaluations of a 20-layer network per second (≥ 10,000)
 *   check       — the full base + head check on the fixture, bundled CLI, 2 cores (≤ 180 s)
 * Run `npm run build` first: the npm start and check rows time the committed bundle.
 *
 * Flags: `--json FILE` also writes the target rows as { "rows": [{ name, key, value, unit, target }] } with the
 * stable keys sampleOverBitPlaneBound, npmStartS, checkS, peakRssMb, irdropExact256S (value null, with a
 * `reason`, when a row was not measured); `--quick` skips the rows that run the bundle (npm start, check).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { benchCost } from './cost.js';
import { benchIrDrop } from './irdrop.js';
import { type BenchRow, benchSimulate, benchStart, printRows } from './simulate.js';

/** The target table, in its order. */
const KEYS = ['sampleOverBitPlaneBound', 'npmStartS', 'checkS', 'peakRssMb', 'irdropExact256S'] as const;

function benchCheck(quick: boolean): BenchRow[] {
  const name = 'full check, base + head (fixtures/nax.yml, bundled CLI, 2 cores)';
  const row = { name, unit: 's', target: '≤ 180', key: 'checkS' };
  if (quick) return [{ ...row, value: null, reason: 'skipped in --quick mode' }];
  if (!existsSync('dist/cli/index.js')) return [{ ...row, value: null, reason: 'no bundle: run npm run build first' }];
  // Base = HEAD: both sides are the committed fixture, so this is the cost of a check with a baseline.
  const t = performance.now();
  const r = spawnSync(process.execPath, ['dist/cli/index.js', 'check', '--config', 'fixtures/nax.yml', '--base', 'HEAD', '--quiet'], { encoding: 'utf8' });
  const s = (performance.now() - t) / 1000;
  if (r.status !== 0) return [{ ...row, value: null, reason: `check failed (exit ${r.status})` }];
  return [{ ...row, value: s }];
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const quick = process.argv.includes('--quick');
const jsonFile = argValue('--json');
if (process.argv.includes('--json') && !jsonFile) {
  console.error('bench: --json: needs a file name');
  process.exit(2);
}

const sections: [string, readonly BenchRow[]][] = [];
const irdrop = await benchIrDrop();
sections.push(['IR drop', irdrop]);
printRows('IR drop', irdrop);
const cost = (await benchCost()).map((r) => ({ ...r, target: r.target === undefined ? undefined : `≥ ${r.target}` }));
printRows('cost model', cost);
const simulator = [...(await benchSimulate()), ...benchStart(quick)];
sections.push(['simulator', simulator]);
printRows('simulator', simulator);
const check = benchCheck(quick);
sections.push(['GitHub check', check]);
printRows('GitHub check', check);

if (jsonFile) {
  const byKey = new Map(sections.flatMap(([, rows]) => rows).filter((r) => r.key).map((r) => [r.key!, r]));
  const rows = KEYS.map((key) => {
    const r = byKey.get(key)!;
    return { name: r.name, key, value: r.value, unit: r.unit, target: r.target ?? null, ...(r.value === null ? { reason: r.reason ?? 'not measured' } : {}) };
  });
  writeFileSync(jsonFile, `${JSON.stringify({ rows }, null, 2)}\n`);
  console.log(`\nwrote ${jsonFile}`);
}
