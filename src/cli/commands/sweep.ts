/** `nax sweep`: every layer on N×N crossbars for each N, accuracy and EDAP side by side. */
import type { Command } from 'commander';
import { type ResolvedLayerMapping, withCrossbarSize } from '../../config/mapping.js';
import { SIMULATION_RULES } from '../../config/simulation-rules.js';
import { type SweepRow, renderSweep } from '../../render/sweep-table.js';
import type { CostModelSwitches } from '../../config/cost-model.js';
import { type CliIo, EXIT_OK } from '../context.js';
import { addCostModelOptions, costModelOverride } from '../cost-model-options.js';
import {
  type CommonOptions, type RawCommonOptions, addCommonOptions, checkJsonTarget, commonOptions, emit, intArg, parseCrossbarSizes,
  project, sampleRunner, startBackend, withProgress,
} from '../options.js';

export interface SweepOptions extends CommonOptions {
  /** Crossbar sizes N, each 16…512. Default 16, 32, 64, 128, 256. */
  readonly sizes: readonly number[];
  readonly samples?: number;
  readonly images?: number;
  /** Cost-model switches given on the command line, over technology.json's. */
  readonly costModel?: Partial<CostModelSwitches>;
}

/** Every layer of a mapping moved to N×N crossbars, the ADC re-derived where it was 'auto'. */
export function homogeneous(m: ReadonlyMap<string, ResolvedLayerMapping>, n: number): Map<string, ResolvedLayerMapping> {
  return new Map([...m].map(([name, l]) => [name, withCrossbarSize(l, n)]));
}

export async function sweepCommand(o: SweepOptions, io: CliIo): Promise<number> {
  await checkJsonTarget(io, o);
  await startBackend(o.backend);
  const { loadProject, simulate } = await import('../../pipeline.js');
  const where = project(io, o.configPath);
  const base = await loadProject(where.source, where.configPath);
  const runner = await sampleRunner(io, o.backend, undefined);
  const rows = await withProgress(io, o.quiet, o.sizes.length, async (progress) => {
    const out: SweepRow[] = [];
    for (const n of o.sizes) {
      progress(`sweep ${n}×${n}`);
      const report = await simulate({
        ...where, mappingOverride: homogeneous(base.mappings, n), overrides: { monteCarloSamples: o.samples, evalImages: o.images },
        costModel: o.costModel, progress, runner,
      });
      out.push({ size: n, report });
    }
    return out;
  });
  await emit(io, o, renderSweep(rows), () => ({ schema: 'nax-sweep/1', rows: rows.map((r) => ({ crossbar: r.size, report: r.report })) }));
  return EXIT_OK;
}

export function registerSweep(program: Command, io: CliIo, done: (code: number) => void): void {
  addCostModelOptions(addCommonOptions(program.command('sweep')))
    .description('homogeneous-mapping sweep: every layer on N×N crossbars for each N, accuracy and EDAP side by side')
    .option('--crossbar <sizes>', 'comma-separated crossbar sizes', '16,32,64,128,256')
    .option('--samples <n>', 'Monte Carlo samples (overrides nax.yml)', intArg('--samples', SIMULATION_RULES.monteCarloSamples))
    .option('--images <n>', 'evaluation images (overrides nax.yml)', intArg('--images', SIMULATION_RULES.evalImages))
    .action(async (r: RawCommonOptions & { crossbar: string; samples?: number; images?: number }) => {
      const sizes = parseCrossbarSizes(r.crossbar);
      done(await sweepCommand({ ...commonOptions(r), sizes, samples: r.samples, images: r.images, costModel: costModelOverride(r) }, io));
    });
}
