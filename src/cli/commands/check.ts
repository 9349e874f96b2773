/**
 * `nax check`: what the action does on a pull request, locally: simulate base and head with the same seeds,
 * compare, apply the budgets. Exit 1 when a budget fails.
 */
import type { Command } from 'commander';
import path from 'node:path';
import { SIMULATION_RULES } from '../../config/simulation-rules.js';
import { runGit } from '../../io/git.js';
import { type CliIo, EXIT_BUDGET, EXIT_OK } from '../context.js';
import { terminalStyle } from '../style.js';
import {
  type CommonOptions, type RawCommonOptions, WORKERS_RULE, addCommonOptions, checkJsonTarget, commonOptions, emit, intArg,
  sampleRunner, startBackend, withProgress,
} from '../options.js';

export interface CheckCommandOptions extends CommonOptions {
  /** Base commit or ref; absent: HEAD (uncommitted changes against the last commit). */
  readonly baseRef?: string;
  readonly samples?: number;
  readonly images?: number;
  readonly workers?: number;
  /** Print the PR comment (markdown) instead of the terminal table. Default false. */
  readonly markdown: boolean;
}

async function gitTopLevel(dir: string): Promise<string | undefined> {
  const r = await runGit(dir, ['rev-parse', '--show-toplevel']);
  return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

export async function checkCommand(o: CheckCommandOptions, io: CliIo): Promise<number> {
  await checkJsonTarget(io, o);
  await startBackend(o.backend);
  const { checkRenderInput, runCheck } = await import('../../check.js');
  const configAbs = path.resolve(io.cwd, o.configPath);
  const repoDir = (await gitTopLevel(path.dirname(configAbs))) ?? path.dirname(configAbs);
  const runner = await sampleRunner(io, o.backend, o.workers);
  // Two runs: the head, then the base.
  const result = await withProgress(io, o.quiet, 2, (progress) => runCheck({
    repoDir,
    configPath: path.relative(repoDir, configAbs).split(path.sep).join('/'),
    baseRef: o.baseRef,
    overrides: { monteCarloSamples: o.samples, evalImages: o.images },
    progress,
    runner,
  }));
  const input = checkRenderInput(result);
  const { COMMENT_LIMIT, renderMarkdown } = await import('../../render/markdown.js');
  const { renderText } = await import('../../render/text.js');
  const text = o.markdown ? renderMarkdown(input, COMMENT_LIMIT).markdown : renderText(input, terminalStyle(io));
  await emit(io, o, text, () => result.head);
  return result.comparison.verdict === 'fail' ? EXIT_BUDGET : EXIT_OK;
}

export function registerCheck(program: Command, io: CliIo, done: (code: number) => void): void {
  addCommonOptions(program.command('check'))
    .description('what the action does on a pull request, locally: simulate base and head with the same seeds, compare, apply budgets')
    .option('--base <ref>', 'base commit or ref (default HEAD: your uncommitted changes against the last commit)')
    .option('--samples <n>', 'Monte Carlo samples (overrides nax.yml, both sides)', intArg('--samples', SIMULATION_RULES.monteCarloSamples))
    .option('--images <n>', 'evaluation images (overrides nax.yml, both sides)', intArg('--images', SIMULATION_RULES.evalImages))
    .option('--workers <n>', 'worker threads for Monte Carlo samples', intArg('--workers', WORKERS_RULE))
    .option('--markdown', 'print the PR comment (markdown) instead of the terminal table', false)
    .action(async (r: RawCommonOptions & { base?: string; samples?: number; images?: number; workers?: number; markdown?: boolean }) => {
      done(await checkCommand({
        ...commonOptions(r), ...(r.base ? { baseRef: r.base } : {}), samples: r.samples, images: r.images, workers: r.workers,
        markdown: r.markdown === true,
      }, io));
    });
}
