/** `nax cost`: the EDAP cost model alone, per layer and in total. */
import type { Command } from 'commander';
import { renderCostTable } from '../../render/cost-table.js';
import type { CostModelSwitches } from '../../config/cost-model.js';
import { type CliIo, EXIT_OK } from '../context.js';
import { addCostModelOptions, costModelOverride } from '../cost-model-options.js';
import { type CommonOptions, type RawCommonOptions, addCommonOptions, checkJsonTarget, commonOptions, emit, project, startBackend } from '../options.js';

export interface CostOptions extends CommonOptions {
  /** A mapping file instead of nax.yml's (relative to nax.yml); absent: nax.yml's. */
  readonly mappingPath?: string;
  /** Cost-model switches given on the command line, over technology.json's. */
  readonly costModel?: Partial<CostModelSwitches>;
}

export async function costCommand(o: CostOptions, io: CliIo): Promise<number> {
  await checkJsonTarget(io, o);
  await startBackend(o.backend);
  const { costOnly } = await import('../../pipeline.js');
  const report = await costOnly({ ...project(io, o.configPath), mappingPath: o.mappingPath, costModel: o.costModel });
  await emit(io, o, renderCostTable(report.cost), () => report);
  return EXIT_OK;
}

export function registerCost(program: Command, io: CliIo, done: (code: number) => void): void {
  addCostModelOptions(addCommonOptions(program.command('cost')))
    .description('EDAP cost model only: per-layer crossbars, ADCs, energy, delay, area and totals')
    .option('--mapping <file>', 'use this mapping instead of the one in nax.yml (relative to nax.yml)')
    .action(async (r: RawCommonOptions & { mapping?: string }) => {
      done(await costCommand({ ...commonOptions(r), ...(r.mapping ? { mappingPath: r.mapping } : {}), costModel: costModelOverride(r) }, io));
    });
}
