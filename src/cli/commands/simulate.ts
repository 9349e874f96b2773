/** `nax simulate`: one commit's ideal, quantised and non-ideal accuracy (Monte Carlo), NF and EDAP. */
import { type Command, Option } from 'commander';
import { SIMULATION_RULES } from '../../config/simulation-rules.js';
import { renderSimulateText } from '../../render/simulate-text.js';
import type { CostModelSwitches } from '../../config/cost-model.js';
import { type CliIo, EXIT_OK } from '../context.js';
import { addCostModelOptions, costModelOverride } from '../cost-model-options.js';
import {
  type CommonOptions, type RawCommonOptions, WORKERS_RULE, addCommonOptions, checkJsonTarget, commonOptions, emit, intArg,
  parseShard, project, sampleRunner, startBackend, withProgress,
} from '../options.js';

export interface SimulateOptions extends CommonOptions {
  /** Monte Carlo samples (chips); absent: nax.yml's. */
  readonly samples?: number;
  /** Evaluation images; absent: nax.yml's. */
  readonly images?: number;
  readonly seed?: number;
  readonly irDrop?: 'exact' | 'fast' | 'ideal';
  /** Run only this shard of the samples (0-based index). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Run only this shard of the evaluation images, in whole batches (0-based index); `nax merge` joins them. */
  readonly imageShard?: { readonly index: number; readonly count: number };
  /** Add wall-clock timings to the report (not reproducible). Default false. */
  readonly timings: boolean;
  /** Worker threads; absent: CPU count, at most 4. */
  readonly workers?: number;
  /** Cost-model switches given on the command line, over technology.json's. */
  readonly costModel?: Partial<CostModelSwitches>;
}

type Raw = RawCommonOptions & {
  workers?: number; samples?: number; images?: number; seed?: number; irDrop?: 'exact' | 'fast' | 'ideal';
  shard?: { index: number; count: number }; imageShard?: { index: number; count: number }; timings?: boolean;
};

export async function simulateCommand(o: SimulateOptions, io: CliIo): Promise<number> {
  await checkJsonTarget(io, o);
  await startBackend(o.backend);
  const { loadConfig, simulate } = await import('../../pipeline.js');
  const where = project(io, o.configPath);
  const loaded = await loadConfig(where.source, where.configPath);
  const runner = await sampleRunner(io, o.backend, o.workers);
  const report = await withProgress(io, o.quiet, 1, (progress) => simulate({
    ...where, loaded,
    overrides: { seed: o.seed, monteCarloSamples: o.samples, evalImages: o.images, irDrop: o.irDrop, shard: o.shard, imageShard: o.imageShard },
    progress, withTimings: o.timings, runner, costModel: o.costModel,
  }));
  const target = loaded.config.simulation.targetCiPp;
  const { precisionSentence } = await import('../../render/precision.js');
  const advice = target === undefined ? undefined : precisionSentence(report, target);
  await emit(io, o, advice ? `${renderSimulateText(report)}\n${advice}` : renderSimulateText(report), () => report);
  return EXIT_OK;
}

export function registerSimulate(program: Command, io: CliIo, done: (code: number) => void): void {
  addCostModelOptions(addCommonOptions(program.command('simulate')))
    .description('simulate one commit: ideal, quantised and non-ideal accuracy (Monte Carlo), NF and EDAP')
    .option('--samples <n>', 'Monte Carlo samples (overrides nax.yml)', intArg('--samples', SIMULATION_RULES.monteCarloSamples))
    .option('--images <n>', 'evaluation images (overrides nax.yml)', intArg('--images', SIMULATION_RULES.evalImages))
    .option('--seed <n>', 'seed (overrides nax.yml)', intArg('--seed', SIMULATION_RULES.seed))
    .addOption(new Option('--ir-drop <model>', 'IR-drop model (overrides nax.yml)').choices(['exact', 'fast', 'ideal']))
    .option('--shard <i/n>', 'run only shard i of n of the Monte Carlo samples', parseShard)
    .option('--image-shard <i/n>', 'run only shard i of n of the evaluation images (whole batches); nax merge joins shards', parseShard)
    .option('--timings', 'add wall-clock timings to the report (not reproducible)', false)
    .option('--workers <n>', 'worker threads for Monte Carlo samples (default: CPU count, at most 4)', intArg('--workers', WORKERS_RULE))
    .action(async (r: Raw) => {
      done(await simulateCommand({
        ...commonOptions(r), samples: r.samples, images: r.images, seed: r.seed, irDrop: r.irDrop, shard: r.shard, imageShard: r.imageShard,
        timings: r.timings === true, workers: r.workers, costModel: costModelOverride(r),
      }, io));
    });
}
