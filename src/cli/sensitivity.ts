/**
 * `nax sensitivity`: arguments → typed options → runSensitivity (sensitivity.ts) → table and JSON. The
 * command's shared options (--config, --json, --force, --backend, --quiet) and the edge helpers come from
 * cli.ts.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { COST_MODEL_SWITCHES, type CostModelSwitchName } from '../config/cost-model.js';
import { readNumber } from '../config/fields.js';
import { addCostModelOptions, costModelOverride } from './cost-model-options.js';
import type { FileSource } from '../io/files.js';
import { type SensitivityFormat, renderSensitivity } from '../render/sensitivity-table.js';
import { initBackend } from '../runtime/tfjs.js';
import { DEFAULT_ACCURACY_TOLERANCE, runSensitivity } from '../sensitivity.js';
import type { SampleRunner } from '../xbar/simulate.js';

/** What the command needs from the CLI around it. */
export interface SensitivityCliDeps {
  readonly out: (text: string) => void;
  readonly project: (config: string) => { source: FileSource; configPath: string };
  readonly progress: (quiet: boolean | undefined) => ((line: string) => void) | undefined;
  readonly runner: (backend: 'wasm' | 'cpu', workers: number | undefined) => SampleRunner | undefined;
  readonly writeJson: (file: string, doc: unknown, force: boolean | undefined) => Promise<void>;
}

interface SensitivityOpts {
  config: string;
  json?: string;
  force?: boolean;
  backend: 'wasm' | 'cpu';
  quiet?: boolean;
  crossbar: string;
  samples?: number;
  images?: number;
  seed?: number;
  workers?: number;
  vary: CostModelSwitchName[];
  accuracyTolerance: number;
  format: SensitivityFormat;
}

function intArg(name: string, min: number) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}`);
    return n;
  };
}

function ppArg(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('--accuracy-tolerance must be 0…100 percentage points');
  return n;
}

/** `a,b` → switch names; each must be a cost-model switch. */
export function parseSwitchList(v: string): CostModelSwitchName[] {
  const names = v.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  for (const n of names) {
    if (!(COST_MODEL_SWITCHES as string[]).includes(n)) {
      throw new InvalidArgumentError(`'${n}' is not a cost-model switch; expected some of ${COST_MODEL_SWITCHES.join(', ')}`);
    }
  }
  return [...new Set(names)] as CostModelSwitchName[];
}

/** Adds the sensitivity options and action to `cmd` (which already has the shared options). */
export function sensitivityCommand(cmd: Command, deps: SensitivityCliDeps): Command {
  return addCostModelOptions(cmd)
    .description('which cost-model assumption decides the answer: homogeneous crossbar sizes, accuracy and EDAP under every combination of the cost-model switches')
    .option('--crossbar <sizes>', 'comma-separated crossbar sizes', '16,32,64,128')
    .option('--samples <n>', 'Monte Carlo samples (overrides nax.yml)', intArg('--samples', 1))
    .option('--images <n>', 'evaluation images (overrides nax.yml)', intArg('--images', 1))
    .option('--seed <n>', 'seed (overrides nax.yml)', intArg('--seed', 0))
    .option('--workers <n>', 'worker threads for Monte Carlo samples', intArg('--workers', 1))
    .option('--vary <switches>', `comma-separated switches to vary (${COST_MODEL_SWITCHES.join(', ')})`, parseSwitchList, [...COST_MODEL_SWITCHES])
    .option('--accuracy-tolerance <pp>', 'sizes within this many percentage points of the most accurate one are acceptable', ppArg, DEFAULT_ACCURACY_TOLERANCE * 100)
    .addOption(new Option('--format <format>', 'table format').choices(['markdown', 'text']).default('markdown'))
    .action(async (o: SensitivityOpts) => {
      const sizes = o.crossbar.split(',').map((s) => readNumber(Number(s.trim()), '--crossbar', s.trim(), { integer: true, min: 16, max: 512 }));
      await initBackend(o.backend);
      const doc = await runSensitivity({
        ...deps.project(o.config),
        sizes,
        varied: o.vary,
        accuracyTolerance: o.accuracyTolerance / 100,
        costModel: costModelOverride(o),
        overrides: { monteCarloSamples: o.samples, evalImages: o.images, seed: o.seed },
        progress: deps.progress(o.quiet),
        runner: deps.runner(o.backend, o.workers),
      });
      deps.out(renderSensitivity(doc, o.format));
      if (o.json) await deps.writeJson(o.json, doc, o.force);
    });
}
