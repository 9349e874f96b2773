/**
 * `nax sensitivity`: arguments → typed options → runSensitivity (sensitivity.ts) → table and JSON.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { COST_MODEL_SWITCHES, type CostModelSwitchName, type CostModelSwitches } from '../../config/cost-model.js';
import { type SensitivityFormat, renderSensitivity } from '../../render/sensitivity-table.js';
import { type CliIo, EXIT_OK } from '../context.js';
import { addCostModelOptions, costModelOverride } from '../cost-model-options.js';
import {
  type CommonOptions, type RawCommonOptions, addCommonOptions, checkJsonTarget, commonOptions, emit, parseCrossbarSizes, project,
  sampleRunner, startBackend, withProgress,
} from '../options.js';

export interface SensitivityOptions extends CommonOptions {
  /** Crossbar sizes N. Default 16, 32, 64, 128. */
  readonly sizes: readonly number[];
  readonly samples?: number;
  readonly images?: number;
  readonly seed?: number;
  readonly workers?: number;
  /** Switches to vary. Default: all. */
  readonly vary: readonly CostModelSwitchName[];
  /** Sizes within this many percentage points of the most accurate one are acceptable; absent: sensitivity.ts's default. */
  readonly accuracyTolerancePp?: number;
  /** Table format. Default 'markdown'. */
  readonly format: SensitivityFormat;
  /** Cost-model switches given on the command line, over technology.json's. */
  readonly costModel?: Partial<CostModelSwitches>;
}

type Raw = RawCommonOptions & {
  crossbar: string; samples?: number; images?: number; seed?: number; workers?: number; vary: CostModelSwitchName[];
  accuracyTolerance?: number; format: SensitivityFormat;
};

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

export async function sensitivityCommand(o: SensitivityOptions, io: CliIo): Promise<number> {
  await checkJsonTarget(io, o);
  await startBackend(o.backend);
  const { ACCURACY_VARIANTS, runSensitivity } = await import('../../sensitivity.js');
  const { loadConfig } = await import('../../pipeline.js');
  const where = project(io, o.configPath);
  // One simulation per size and accuracy variant; the calibrated variants need a calibration split.
  const { config } = await loadConfig(where.source, where.configPath);
  const runs = o.sizes.length * (config.calibrationSet ? ACCURACY_VARIANTS.length : 1);
  const runner = await sampleRunner(io, o.backend, o.workers);
  const doc = await withProgress(io, o.quiet, runs, (progress) => runSensitivity({
    ...where,
    sizes: [...o.sizes],
    varied: [...o.vary],
    ...(o.accuracyTolerancePp === undefined ? {} : { accuracyTolerance: o.accuracyTolerancePp / 100 }),
    costModel: o.costModel,
    overrides: { monteCarloSamples: o.samples, evalImages: o.images, seed: o.seed },
    progress,
    runner,
  }));
  await emit(io, o, renderSensitivity(doc, o.format), () => doc);
  return EXIT_OK;
}

export function registerSensitivity(program: Command, io: CliIo, done: (code: number) => void): void {
  addCostModelOptions(addCommonOptions(program.command('sensitivity')))
    .description('which cost-model assumption decides the answer: homogeneous crossbar sizes, accuracy and EDAP under every combination of the cost-model switches')
    .option('--crossbar <sizes>', 'comma-separated crossbar sizes', '16,32,64,128')
    .option('--samples <n>', 'Monte Carlo samples (overrides nax.yml)', intArg('--samples', 1))
    .option('--images <n>', 'evaluation images (overrides nax.yml)', intArg('--images', 1))
    .option('--seed <n>', 'seed (overrides nax.yml)', intArg('--seed', 0))
    .option('--workers <n>', 'worker threads for Monte Carlo samples', intArg('--workers', 1))
    .option('--vary <switches>', `comma-separated switches to vary (${COST_MODEL_SWITCHES.join(', ')})`, parseSwitchList, [...COST_MODEL_SWITCHES])
    .option('--accuracy-tolerance <pp>', 'sizes within this many percentage points of the most accurate one are acceptable (default 1)', ppArg)
    .addOption(new Option('--format <format>', 'table format').choices(['markdown', 'text']).default('markdown'))
    .action(async (r: Raw) => {
      done(await sensitivityCommand({
        ...commonOptions(r), sizes: parseCrossbarSizes(r.crossbar), samples: r.samples, images: r.images, seed: r.seed,
        workers: r.workers, vary: r.vary, accuracyTolerancePp: r.accuracyTolerance, format: r.format, costModel: costModelOverride(r),
      }, io));
    });
}
