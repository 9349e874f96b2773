/** `nax search`: bounded NAX re-search of kernel and crossbar size per layer; writes model, mapping, report and Pareto front. */
import type { Command } from 'commander';
import path from 'node:path';
import { parseDuration, parseEvaluationImages } from '../../config/search-space.js';
import type { CostModelSwitches } from '../../config/cost-model.js';
import { refuseNonEmptyFolder } from '../../io/report-file.js';
import { addCostModelOptions, costModelOverride } from '../cost-model-options.js';
import { type CliIo, EXIT_OK } from '../context.js';
import { type CommonOptions, type RawCommonOptions, addCommonOptions, commonOptions, parseShard, project, sampleRunner, startBackend, withProgress } from '../options.js';

export interface SearchCommandOptions extends Omit<CommonOptions, 'json'> {
  /** Wall-time budget, s; absent: nax.yml's search.budget. */
  readonly budgetS?: number;
  /** Output folder, relative to the working directory. Default 'nax-search'. */
  readonly outDir: string;
  readonly shard?: { readonly index: number; readonly count: number };
  /** Cost-model switches over technology.json's: the search optimises and reports under them. */
  readonly costModel?: Partial<CostModelSwitches>;
  /** Images of the final evaluation over nax.yml's search.evaluationImages. */
  readonly evaluationImages?: number | 'all';
}

export async function searchCommand(o: SearchCommandOptions, io: CliIo): Promise<number> {
  const outDir = path.resolve(io.cwd, o.outDir);
  await refuseNonEmptyFolder(outDir, { force: o.force, shownAs: o.outDir, hint: 'choose an empty --out folder, or pass --force to write into it' });
  await startBackend(o.backend);
  const { runSearch } = await import('../../search-project.js');
  const runner = await sampleRunner(io, o.backend, undefined);
  const result = await withProgress(io, o.quiet, 1, (progress) => runSearch({
    ...project(io, o.configPath), budgetS: o.budgetS, outDir, shard: o.shard, costModel: o.costModel, evaluationImages: o.evaluationImages, progress, now: () => performance.now() / 1000, runner,
  }));
  io.out(result.summary);
  io.out(`\nwritten to ${path.relative(io.cwd, outDir) || '.'}/ (model.json, weights.bin, mapping.json, report.json, pareto.json, summary.md, pareto.html)`);
  return EXIT_OK;
}

export function registerSearch(program: Command, io: CliIo, done: (code: number) => void): void {
  addCostModelOptions(addCommonOptions(program.command('search')))
    .description('bounded NAX re-search of kernel and crossbar size per layer; writes model, mapping, report and Pareto front')
    .option('--budget <duration>', "wall-time budget, e.g. 15m, 900s (overrides nax.yml's search.budget)")
    .option('--out <dir>', 'output folder (must be empty or new, unless --force)', 'nax-search')
    .option('--shard <i/n>', 'run only shard i of n of the λ sweep', parseShard)
    .option('--eval-images <all|N>', "images of the final, once-only evaluation (overrides nax.yml's search.evaluationImages)")
    .action(async (r: RawCommonOptions & { budget?: string; out: string; shard?: { index: number; count: number }; evalImages?: string }) => {
      const budgetS = r.budget === undefined ? undefined : parseDuration(r.budget, '--budget', '');
      const evaluationImages = r.evalImages === undefined ? undefined : parseEvaluationImages(r.evalImages, '--eval-images', '');
      const { json: _ignored, ...common } = commonOptions(r);
      const costModel = costModelOverride(r);
      done(await searchCommand({
        ...common, ...(budgetS === undefined ? {} : { budgetS }), outDir: r.out, ...(r.shard ? { shard: r.shard } : {}), ...(costModel ? { costModel } : {}),
        ...(evaluationImages === undefined ? {} : { evaluationImages }),
      }, io));
    });
}
