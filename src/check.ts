/**
 * Base vs head: the core `nax check --base <ref>` and the action share. Head is read from the working tree,
 * base straight from git at the base commit (no second checkout). Both are simulated with the head's
 * simulation settings — same seed, Monte Carlo samples, images and IR-drop model — so the comparison is
 * paired: the same chip instances and images on both sides, and accuracy differences are the PR's, not
 * sampling noise.
 *
 * A base without nax.yml, without the model, or whose inputs do not load gives no base report: the
 * verdict is then 'no-baseline' with the reason, never a silent pass. The caller initialises the tfjs
 * backend (runtime/tfjs.ts initBackend) first.
 */
import type { BaselineInfo } from './compare/baseline.js';
import type { Acknowledgement, Comparison } from './compare/comparison.js';
import { compareReports } from './compare/compare-reports.js';
import { type BudgetOverrides, type Budgets, type TierLocator, withBudgetOverrides } from './config/budgets.js';
import type { NaxConfig } from './config/nax-config.js';
import { NaxUserError } from './errors.js';
import { dirSource } from './io/files.js';
import { gitSource } from './io/git-source.js';
import { isGitRepo, resolveCommit } from './io/git.js';
import { type SimulationOverrides, loadConfig, simulate } from './pipeline.js';
import type { RenderInput } from './render/render-input.js';
import type { NaxReport } from './report.js';
import type { SampleRunner } from './xbar/simulate.js';

export interface CheckOptions {
  /** Repository working tree (the head); git runs here. */
  readonly repoDir: string;
  /** nax.yml relative to repoDir. */
  readonly configPath: string;
  /**
   * Base commit or ref for git (`nax check --base main`). Ignored when `baseline` is given. Default 'HEAD'
   * (uncommitted changes against the last commit).
   */
  readonly baseRef?: string;
  /** An already resolved baseline (the action resolves it from the event); its missingReason means no base. */
  readonly baseline?: BaselineInfo;
  /** Settings over nax.yml (the shard of a matrix leg, CLI flags); applied to base and head alike. */
  readonly overrides?: SimulationOverrides;
  /** Budget tiers over nax.yml's, and where each came from (for error messages). */
  readonly budgetOverrides?: BudgetOverrides;
  readonly budgetOverrideLocator?: TierLocator;
  readonly acknowledgement?: Acknowledgement;
  readonly progress?: (line: string) => void;
  /** Where Monte Carlo samples run (worker threads); default this thread. */
  readonly runner?: SampleRunner;
}

export interface CheckResult {
  readonly head: NaxReport;
  readonly base?: NaxReport;
  readonly baseInfo: BaselineInfo;
  readonly comparison: Comparison;
  /** The budgets applied (head's nax.yml with overrides). */
  readonly budgets: Budgets;
  /** Head's validated nax.yml (paths in it are relative to repoDir). */
  readonly headConfig: NaxConfig;
  /** Commit checked out in repoDir, when it is a git repository. */
  readonly headCommit?: string;
}

/** Resolves `ref` to a baseline description (CLI use). */
async function baselineFromRef(repoDir: string, ref: string, explicit: boolean): Promise<BaselineInfo> {
  if (!(await isGitRepo(repoDir))) {
    return { resolvedBy: `--base ${ref}`, missingReason: `${repoDir} is not a git repository` };
  }
  const commit = await resolveCommit(repoDir, ref);
  if (!commit) {
    if (explicit) throw new NaxUserError('--base', '', `'${ref}' is not a commit in this repository`);
    return { resolvedBy: ref, missingReason: `'${ref}' does not name a commit (a repository without commits?)` };
  }
  return { commit, ref, resolvedBy: explicit ? `--base ${ref}` : 'HEAD (the last commit; choose another with --base)' };
}

/**
 * Looks for the base's nax.yml and model; returns the reason there is no baseline, or undefined when the
 * base can be simulated.
 */
async function baseMissing(opts: { repoDir: string; commit: string; configPath: string }): Promise<string | undefined> {
  const source = gitSource(opts.repoDir, opts.commit);
  const short = opts.commit.slice(0, 7);
  if (!(await source.exists(opts.configPath))) return `the base commit ${short} has no ${opts.configPath}`;
  let config: NaxConfig;
  try {
    config = await loadConfig(source, opts.configPath);
  } catch (e) {
    if (e instanceof NaxUserError) return `the base's ${opts.configPath} is invalid (${e.format()})`;
    throw e;
  }
  if (!(await source.exists(config.model))) return `the base commit ${short} has no model at ${config.model}`;
  return undefined;
}

/** Simulates head and base and compares them. */
export async function runCheck(opts: CheckOptions): Promise<CheckResult> {
  const log = opts.progress ?? (() => undefined);
  const headSource = dirSource(opts.repoDir);
  const headConfig = await loadConfig(headSource, opts.configPath);
  const budgets = opts.budgetOverrides
    ? withBudgetOverrides(headConfig.budgets, {
      overrides: opts.budgetOverrides,
      where: opts.budgetOverrideLocator ?? ((id, tier) => ({ file: 'budget overrides', field: `${id}.${tier}` })),
    })
    : headConfig.budgets;
  // Paired comparison: the head's settings (and any overrides) on both sides.
  const s = headConfig.simulation;
  const overrides: SimulationOverrides = {
    seed: s.seed,
    monteCarloSamples: s.monteCarloSamples,
    evalImages: s.evalImages,
    irDrop: s.irDrop,
    ...stripUndefined(opts.overrides ?? {}),
  };
  const isRepo = await isGitRepo(opts.repoDir);
  const headCommit = isRepo ? await resolveCommit(opts.repoDir, 'HEAD') : undefined;
  let baseInfo = opts.baseline ?? await baselineFromRef(opts.repoDir, opts.baseRef ?? 'HEAD', opts.baseRef !== undefined);

  log(`head: simulating ${opts.configPath} from the working tree`);
  const headReport = await simulate({ source: headSource, configPath: opts.configPath, overrides, progress: opts.progress, runner: opts.runner });
  const head: NaxReport = headCommit && !headReport.commit ? { ...headReport, commit: headCommit } : headReport;

  let base: NaxReport | undefined;
  if (baseInfo.commit && !baseInfo.missingReason) {
    const missing = await baseMissing({ repoDir: opts.repoDir, commit: baseInfo.commit, configPath: opts.configPath });
    if (missing) {
      baseInfo = { ...baseInfo, missingReason: missing };
    } else {
      log(`base: simulating ${opts.configPath} from commit ${baseInfo.commit.slice(0, 7)} (${baseInfo.resolvedBy})`);
      try {
        base = await simulate({
          source: gitSource(opts.repoDir, baseInfo.commit), configPath: opts.configPath, overrides, progress: opts.progress,
          runner: opts.runner,
        });
      } catch (e) {
        if (!(e instanceof NaxUserError)) throw e;
        baseInfo = { ...baseInfo, missingReason: `the base could not be simulated (${e.format()})` };
      }
    }
  }
  if (baseInfo.missingReason) log(`no baseline: ${baseInfo.missingReason}`);
  const comparison = compareReports(base, head, budgets, opts.acknowledgement ? { acknowledgement: opts.acknowledgement } : {});
  return {
    head,
    ...(base ? { base } : {}),
    baseInfo,
    comparison,
    budgets,
    headConfig,
    ...(headCommit ? { headCommit } : {}),
  };
}

/**
 * What the renderers need from a check (`nax check` prints `renderText(checkRenderInput(result))`).
 * `headSha` overrides the commit shown as head (the action shows the PR head, not the merge commit).
 */
export function checkRenderInput(result: CheckResult, opts: { readonly headSha?: string; readonly reportName?: string } = {}): RenderInput {
  const headSha = opts.headSha ?? result.headCommit;
  return {
    comparison: result.comparison,
    baseline: result.baseInfo,
    ...(headSha ? { headSha } : {}),
    toolVersion: result.head.tool.version,
    origin: 'this-job',
    ...(opts.reportName ? { reportName: opts.reportName } : {}),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
