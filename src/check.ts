/**
 * Base vs head: the core `nax check --base <ref>` and the action share. Head is read from the working tree,
 * base straight from git at the base commit (no second checkout). Each side's nax.yml is read once; the
 * gate (budgets and simulation settings) is resolved once from them (config/gate.ts: the base's, the
 * stricter where the PR changes them). Both sides are simulated with the gate's settings — same seed,
 * Monte Carlo samples, images and IR-drop model — so the comparison is paired: the same chip instances and
 * images on both sides, and accuracy differences are the PR's, not sampling noise.
 *
 * A base without nax.yml, without the model, or whose inputs do not load gives no base report: the
 * verdict is then 'no-baseline' with the reason, never a silent pass. The caller initialises the tfjs
 * backend (runtime/tfjs.ts initBackend) first. */
import type { BaselineInfo } from './compare/baseline.js';
import type { Acknowledgement, Comparison } from './compare/comparison.js';
import { compareReports } from './compare/compare-reports.js';
import type { BudgetOverrides, Budgets, TierLocator } from './config/budgets.js';
import { type Gate, resolveGate } from './config/gate.js';
import type { NaxConfig } from './config/nax-config.js';
import { NaxUserError } from './errors.js';
import { type FileSource, dirSource } from './io/files.js';
import { gitSource } from './io/git-source.js';
import { isGitRepo, resolveCommit } from './io/git.js';
import { type LoadedConfig, type SimulationOverrides, loadConfig, simulate } from './pipeline.js';
import type { RenderInput } from './render/render-input.js';
import type { NaxReport } from './report.js';
import type { SampleRunner } from './xbar/simulate.js';
import type { Progress } from './progress.js';

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
  /** Budget tiers that may tighten nax.yml's (never loosen), and where each came from (for error messages). */
  readonly budgetOverrides?: BudgetOverrides;
  readonly budgetOverrideLocator?: TierLocator;
  readonly acknowledgement?: Acknowledgement;
  readonly progress?: Progress;
  /** Where Monte Carlo samples run (worker threads); default this thread. */
  readonly runner?: SampleRunner;
}

export interface CheckResult {
  readonly head: NaxReport;
  readonly base?: NaxReport;
  readonly baseInfo: BaselineInfo;
  readonly comparison: Comparison;
  /** How the head was judged: budgets and settings from the base (see config/gate.ts). */
  readonly gate: Gate;
  /** gate.budgets. */
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

/** The base's nax.yml, read once, or why there is none (then no gate comes from the base). */
async function loadBaseConfig(source: FileSource, configPath: string): Promise<{ loaded?: LoadedConfig; missing?: string }> {
  const short = source.commit?.slice(0, 7) ?? source.label;
  if (!(await source.exists(configPath))) return { missing: `the base commit ${short} has no ${configPath}` };
  try {
    return { loaded: await loadConfig(source, configPath) };
  } catch (e) {
    if (e instanceof NaxUserError) return { missing: `the base's ${configPath} is invalid (${e.format()})` };
    throw e;
  }
}

/** Simulates head and base and compares them. */
export async function runCheck(opts: CheckOptions): Promise<CheckResult> {
  const log = opts.progress ?? (() => undefined);
  const headSource = dirSource(opts.repoDir);
  const headLoaded = await loadConfig(headSource, opts.configPath);
  const isRepo = await isGitRepo(opts.repoDir);
  const headCommit = isRepo ? await resolveCommit(opts.repoDir, 'HEAD') : undefined;
  let baseInfo = opts.baseline ?? await baselineFromRef(opts.repoDir, opts.baseRef ?? 'HEAD', opts.baseRef !== undefined);

  // Each side's nax.yml is read once; the gate (budgets, settings) is resolved once, from the base.
  const baseSource = baseInfo.commit && !baseInfo.missingReason ? gitSource(opts.repoDir, baseInfo.commit) : undefined;
  const baseConfig = baseSource ? await loadBaseConfig(baseSource, opts.configPath) : {};
  if (baseConfig.missing) baseInfo = { ...baseInfo, missingReason: baseConfig.missing };
  const resolved = resolveGate({
    head: headLoaded.config,
    ...(baseConfig.loaded ? { base: baseConfig.loaded.config } : {}),
    ...(opts.budgetOverrides ? { budgetOverrides: opts.budgetOverrides } : {}),
    ...(opts.budgetOverrideLocator ? { budgetOverrideLocator: opts.budgetOverrideLocator } : {}),
  });
  // The data a model is judged on is part of the gate: with a base, both sides run on the base's evaluation
  // and calibration splits (read from the base commit), so a PR cannot relabel or swap its test images.
  const baseData = baseSource && baseConfig.loaded?.config.evalSet
    ? { source: baseSource, evalSet: baseConfig.loaded.config.evalSet, calibrationSet: baseConfig.loaded.config.calibrationSet }
    : undefined;
  const dataChanges = baseData ? dataSetChanges(headLoaded.config, baseConfig.loaded!.config) : [];
  const gate: Gate = Object.freeze({ ...resolved, changes: Object.freeze([...resolved.changes, ...dataChanges]) });
  for (const c of gate.changes) log(`this PR changes the gate: ${c}`);
  // Paired comparison: the gate's settings (and the command line's, locally) on both sides.
  const overrides: SimulationOverrides = { ...gate.simulation, ...stripUndefined(opts.overrides ?? {}) };

  log(`head: simulating ${opts.configPath} from the working tree`);
  const headReport = await simulate({
    source: headSource, configPath: opts.configPath, loaded: headLoaded, overrides, progress: opts.progress, runner: opts.runner,
    ...(baseData ? { data: baseData } : {}),
  });
  const head: NaxReport = headCommit && !headReport.commit ? { ...headReport, commit: headCommit } : headReport;

  let base: NaxReport | undefined;
  if (baseSource && baseConfig.loaded && !baseInfo.missingReason) {
    const model = baseConfig.loaded.config.model;
    if (!(await baseSource.exists(model))) {
      baseInfo = { ...baseInfo, missingReason: `the base commit ${baseSource.commit?.slice(0, 7)} has no model at ${model}` };
    } else {
      log(`base: simulating ${opts.configPath} from commit ${baseSource.commit?.slice(0, 7)} (${baseInfo.resolvedBy})`);
      try {
        base = await simulate({
          source: baseSource, configPath: opts.configPath, loaded: baseConfig.loaded, overrides, progress: opts.progress,
          runner: opts.runner,
        });
      } catch (e) {
        if (!(e instanceof NaxUserError)) throw e;
        baseInfo = { ...baseInfo, missingReason: `the base could not be simulated (${e.format()})` };
      }
    }
  }
  if (baseInfo.missingReason) log(`no baseline: ${baseInfo.missingReason}`);
  const comparison = compareReports(base, head, gate.budgets, opts.acknowledgement ? { acknowledgement: opts.acknowledgement } : {});
  const delta = comparison.totals.accuracyDelta;
  return {
    head: delta && head.accuracy ? { ...head, accuracy: { ...head.accuracy, delta } } : head,
    ...(base ? { base } : {}),
    baseInfo,
    comparison,
    gate,
    budgets: gate.budgets,
    headConfig: headLoaded.config,
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
    gate: { budgetsFrom: result.gate.budgetsFrom, changes: result.gate.changes },
    ...(opts.reportName ? { reportName: opts.reportName } : {}),
  };
}

/** What the head's nax.yml changes about the evaluation and calibration splits (not used: the base's are). */
function dataSetChanges(head: NaxConfig, base: NaxConfig): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (!same(head.evalSet, base.evalSet)) out.push('evalSet: the PR changes the evaluation set; both sides are measured on the base\'s');
  if (!same(head.calibrationSet, base.calibrationSet)) out.push('calibrationSet: the PR changes the calibration split; both sides use the base\'s');
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
