/**
 * The `nax` command line. Gathers arguments into typed options, calls the core (pipeline.ts), prints.
 * Exit codes: 0 ok, 1 budget exceeded, 2 bad input or usage. A NaxUserError prints one line
 * `file: field: message`; anything else is a bug and prints its stack.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { type ResolvedLayerMapping, withCrossbarSize } from './config/mapping.js';
import { type NumberRule, describe, readNumber, requireObject, rejectUnknownKeys } from './config/fields.js';
import { SIMULATION_RULES } from './config/nax-config.js';
import { checkRenderInput, runCheck } from './check.js';
import { registerReportCommand } from './cli/report.js';
import { registerMappingInit } from './cli/mapping-init.js';
import { mergeShards } from './compare/merge-shards.js';
import { parseReport } from './io/parse-report.js';
import { runGit } from './io/git.js';
import { checkReportPath, readJsonFile, refuseNonEmptyFolder, refuseOverwrite, writeReportFile } from './io/report-file.js';
import { COMMENT_LIMIT, renderMarkdown } from './render/markdown.js';
import { renderText } from './render/text.js';
import { parseDuration } from './config/search-space.js';
import { NaxUserError } from './errors.js';
import { runSearch } from './search-project.js';
import { mergeSearchFolders } from './io/search-folder.js';
import { dirSource } from './io/files.js';
import { jsonSyntaxMessage } from './io/json.js';
import { type SimulationOverrides, costOnly, loadProject, simulate } from './pipeline.js';
import type { NaxReport } from './report.js';
import { renderCostTable } from './render/cost-table.js';
import { renderSimulateText } from './render/simulate-text.js';
import { formatPctInterval } from './render/format.js';
import { sensitivityCommand } from './cli/sensitivity.js';
import { addCostModelOptions, costModelOverride } from './cli/cost-model-options.js';
import { initBackend } from './runtime/tfjs.js';
import { workerSampleRunner } from './runtime/workers.js';
import type { SampleRunner } from './xbar/simulate.js';
import { NAX_VERSION } from './version.js';
import { solveCurrents } from './xbar/irdrop/index.js';

export const EXIT_OK = 0;
export const EXIT_BUDGET = 1;
export const EXIT_USAGE = 2;

/** Where the CLI writes: injectable for tests. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  /** The running entry file, for Monte Carlo worker threads; absent: samples run in this thread. */
  readonly workerEntry?: string;
}

const defaultIo: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  cwd: process.cwd(),
};

/**
 * An integer flag with nax.yml's bounds for the same setting. The error is a NaxUserError (one line,
 * exit 2), not commander's usage text.
 */
function intArg(name: string, rule: NumberRule) {
  return (v: string) => {
    if (!/^\s*[+-]?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(v)) throw new NaxUserError(name, '', `expected an integer, found ${describe(v)}`);
    return readNumber(Number(v), name, '', { ...rule, integer: true });
  };
}

/** Worker threads: at most this many (nax assumption: more than any runner's cores gains nothing). */
const WORKERS_RULE: NumberRule = { min: 1, max: 64 };

/** `i/n` with 1 ≤ i ≤ n → 0-based { index, count }. */
export function parseShard(v: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(v.trim());
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || i < 1 || n < 1 || i > n) throw new InvalidArgumentError(`expected i/n with 1 ≤ i ≤ n, e.g. 2/4; got '${v}'`);
  return { index: i - 1, count: n };
}

/** Fails before any work when --json/--out cannot be written (or would replace a user's file). */
async function checkReport(io: CliIo, file: string | undefined, force: boolean | undefined): Promise<void> {
  if (file === undefined) return;
  await checkReportPath(path.resolve(io.cwd, file), { overwrite: force === true, shownAs: file, overwriteHint: 'pass --force to overwrite it' });
}

/** Writes a report; a file that is not an earlier nax report is kept unless --force. */
function writeReport(io: CliIo, file: string, report: unknown, force: boolean | undefined): Promise<void> {
  return writeReportFile(path.resolve(io.cwd, file), report, { overwrite: force === true, shownAs: file, overwriteHint: 'pass --force to overwrite it' });
}

interface CommonOpts {
  config: string;
  json?: string;
  force?: boolean;
  backend: 'wasm' | 'cpu';
}

function project(io: CliIo, config: string) {
  // nax.yml's folder is the root its paths may not leave; the config is read relative to it.
  const abs = path.resolve(io.cwd, config);
  return { source: dirSource(path.dirname(abs)), configPath: path.basename(abs) };
}

function progressTo(io: CliIo, quiet: boolean | undefined) {
  return quiet ? undefined : (line: string) => io.err(`nax: ${line}`);
}

/** Worker threads for Monte Carlo samples when the entry is known and the backend is wasm. */
function sampleRunner(io: CliIo, backend: 'wasm' | 'cpu', workers: number | undefined): SampleRunner | undefined {
  // From TypeScript sources (npm run nax, under tsx) a worker could not load the entry: Node 20 does not
  // pass loader hooks on to worker threads. The bundles (npm start, the action) use workers.
  if (!io.workerEntry || io.workerEntry.endsWith('.ts') || backend !== 'wasm') return undefined;
  const n = workers ?? Math.min(4, availableParallelism());
  return workerSampleRunner({ entry: new URL(io.workerEntry), workers: n });
}

/** Set by a command that ran but found a budget exceeded. */
let exitCode = EXIT_OK;

async function gitTopLevel(dir: string): Promise<string | undefined> {
  const r = await runGit(dir, ['rev-parse', '--show-toplevel']);
  return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

export function buildProgram(io: CliIo = defaultIo): Command {
  const program = new Command('nax')
    .description('Accuracy under crossbar non-idealities and EDAP cost of neural networks on memristive crossbars.')
    .version(NAX_VERSION)
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  const common = (c: Command) =>
    c
      .option('-c, --config <file>', 'path to nax.yml', 'nax.yml')
      .option('--json <file>', 'also write the report JSON to this file')
      .option('--force', 'overwrite --json even if it is not an earlier nax report', false)
      .addOption(new Option('--backend <name>', 'tfjs backend').choices(['wasm', 'cpu']).default('wasm'))
      .option('-q, --quiet', 'no progress lines on stderr');

  addCostModelOptions(common(program.command('simulate')))
    .description('simulate one commit: ideal, quantised and non-ideal accuracy (Monte Carlo), NF and EDAP')
    .option('--samples <n>', 'Monte Carlo samples (overrides nax.yml)', intArg('--samples', SIMULATION_RULES.monteCarloSamples))
    .option('--images <n>', 'evaluation images (overrides nax.yml)', intArg('--images', SIMULATION_RULES.evalImages))
    .option('--seed <n>', 'seed (overrides nax.yml)', intArg('--seed', SIMULATION_RULES.seed))
    .addOption(new Option('--ir-drop <model>', 'IR-drop model (overrides nax.yml)').choices(['exact', 'fast', 'ideal']))
    .option('--shard <i/n>', 'run only shard i of n of the Monte Carlo samples', parseShard)
    .option('--timings', 'add wall-clock timings to the report (not reproducible)', false)
    .option('--workers <n>', 'worker threads for Monte Carlo samples (default: CPU count, at most 4)', intArg('--workers', WORKERS_RULE))
    .action(async (o: CommonOpts & { workers?: number; samples?: number; images?: number; seed?: number; irDrop?: 'exact' | 'fast' | 'ideal'; shard?: { index: number; count: number }; timings: boolean; quiet?: boolean }) => {
      await checkReport(io, o.json, o.force);
      await initBackend(o.backend);
      const overrides: SimulationOverrides = {
        seed: o.seed, monteCarloSamples: o.samples, evalImages: o.images, irDrop: o.irDrop, shard: o.shard,
      };
      const report = await simulate({
        ...project(io, o.config), overrides, progress: progressTo(io, o.quiet), withTimings: o.timings,
        runner: sampleRunner(io, o.backend, o.workers), costModel: costModelOverride(o),
      });
      io.out(renderSimulateText(report));
      if (o.json) await writeReport(io, o.json, report, o.force);
    });

  addCostModelOptions(common(program.command('cost')))
    .description('EDAP cost model only: per-layer crossbars, ADCs, energy, delay, area and totals')
    .option('--mapping <file>', 'use this mapping instead of the one in nax.yml (relative to nax.yml)')
    .action(async (o: CommonOpts & { mapping?: string }) => {
      await checkReport(io, o.json, o.force);
      await initBackend(o.backend);
      const report = await costOnly({ ...project(io, o.config), mappingPath: o.mapping, costModel: costModelOverride(o) });
      io.out(renderCostTable(report.cost));
      if (o.json) await writeReport(io, o.json, report, o.force);
    });

  addCostModelOptions(common(program.command('sweep')))
    .description('homogeneous-mapping sweep: every layer on N×N crossbars for each N, accuracy and EDAP side by side')
    .option('--crossbar <sizes>', 'comma-separated crossbar sizes', '16,32,64,128,256')
    .option('--samples <n>', 'Monte Carlo samples (overrides nax.yml)', intArg('--samples', SIMULATION_RULES.monteCarloSamples))
    .option('--images <n>', 'evaluation images (overrides nax.yml)', intArg('--images', SIMULATION_RULES.evalImages))
    .action(async (o: CommonOpts & { crossbar: string; samples?: number; images?: number; quiet?: boolean }) => {
      const sizes = o.crossbar.split(',').map((s) => readNumber(Number(s.trim()), '--crossbar', s.trim(), { integer: true, min: 16, max: 512 }));
      await checkReport(io, o.json, o.force);
      await initBackend(o.backend);
      const where = project(io, o.config);
      const base = await loadProject(where.source, where.configPath);
      const rows: Array<{ size: number; report: NaxReport }> = [];
      for (const n of sizes) {
        const mappingOverride = homogeneous(base.mappings, n);
        io.err(`nax: sweep ${n}×${n}`);
        const report = await simulate({
          ...where, mappingOverride, overrides: { monteCarloSamples: o.samples, evalImages: o.images }, costModel: costModelOverride(o),
          progress: progressTo(io, o.quiet), runner: sampleRunner(io, o.backend, undefined),
        });
        rows.push({ size: n, report });
      }
      io.out(renderSweep(rows));
      if (o.json) await writeReport(io, o.json, { schema: 'nax-sweep/1', rows: rows.map((r) => ({ crossbar: r.size, report: r.report })) }, o.force);
    });

  sensitivityCommand(common(program.command('sensitivity')), {
    out: io.out, project: (c) => project(io, c), progress: (q) => progressTo(io, q),
    runner: (b, w) => sampleRunner(io, b, w), writeJson: (f, doc, force) => writeReport(io, f, doc, force),
  });

  common(program.command('check'))
    .description('what the action does on a pull request, locally: simulate base and head with the same seeds, compare, apply budgets')
    .option('--base <ref>', 'base commit or ref (default HEAD: your uncommitted changes against the last commit)')
    .option('--samples <n>', 'Monte Carlo samples (overrides nax.yml, both sides)', intArg('--samples', SIMULATION_RULES.monteCarloSamples))
    .option('--images <n>', 'evaluation images (overrides nax.yml, both sides)', intArg('--images', SIMULATION_RULES.evalImages))
    .option('--workers <n>', 'worker threads for Monte Carlo samples', intArg('--workers', WORKERS_RULE))
    .option('--markdown', 'print the PR comment (markdown) instead of the terminal table', false)
    .action(async (o: CommonOpts & { base?: string; samples?: number; images?: number; workers?: number; markdown: boolean; quiet?: boolean }) => {
      await checkReport(io, o.json, o.force);
      await initBackend(o.backend);
      const configAbs = path.resolve(io.cwd, o.config);
      const repoDir = (await gitTopLevel(path.dirname(configAbs))) ?? path.dirname(configAbs);
      const result = await runCheck({
        repoDir,
        configPath: path.relative(repoDir, configAbs).split(path.sep).join('/'),
        baseRef: o.base,
        overrides: { monteCarloSamples: o.samples, evalImages: o.images },
        progress: progressTo(io, o.quiet),
        runner: sampleRunner(io, o.backend, o.workers),
      });
      const input = checkRenderInput(result);
      io.out(o.markdown ? renderMarkdown(input, COMMENT_LIMIT).markdown : renderText(input));
      if (o.json) await writeReport(io, o.json, result.head, o.force);
      if (result.comparison.verdict === 'fail') exitCode = EXIT_BUDGET;
    });

  common(program.command('search'))
    .description('bounded NAX re-search of kernel and crossbar size per layer; writes model, mapping, report and Pareto front')
    .option('--budget <duration>', "wall-time budget, e.g. 15m, 900s (overrides nax.yml's search.budget)")
    .option('--out <dir>', 'output folder (must be empty or new, unless --force)', 'nax-search')
    .option('--shard <i/n>', 'run only shard i of n of the λ sweep', parseShard)
    .action(async (o: CommonOpts & { budget?: string; out: string; shard?: { index: number; count: number }; quiet?: boolean }) => {
      const budgetS = o.budget === undefined ? undefined : parseDuration(o.budget, '--budget', '');
      const outDir = path.resolve(io.cwd, o.out);
      await refuseNonEmptyFolder(outDir, { force: o.force === true, shownAs: o.out, hint: 'choose an empty --out folder, or pass --force to write into it' });
      await initBackend(o.backend);
      const bar = progressBar(io, o.quiet, budgetS);
      const result = await runSearch({
        ...project(io, o.config), budgetS, outDir, shard: o.shard, progress: bar, now: () => performance.now() / 1000,
        runner: sampleRunner(io, o.backend, undefined),
      });
      io.out(result.summary);
      io.out(`\nwritten to ${path.relative(io.cwd, outDir) || '.'}/ (model.json, weights.bin, mapping.json, report.json, pareto.json, summary.md)`);
    });

  program
    .command('merge')
    .description('merge shard outputs: Monte Carlo shard reports (JSON files) or search shard folders (with pareto.json)')
    .argument('<inputs...>', 'shard report files, or search output folders')
    .option('--out <path>', 'merged report file (reports) or folder (search)')
    .option('--force', 'overwrite --out even if it is not an earlier nax report', false)
    .action(async (inputs: string[], o: { out?: string; force: boolean }) => {
      const abs = inputs.map((i) => path.resolve(io.cwd, i));
      const folders = abs.filter((a) => existsSync(path.join(a, 'pareto.json')));
      if (folders.length === abs.length) {
        const outDir = path.resolve(io.cwd, o.out ?? 'nax-search');
        await refuseOverwrite([path.join(outDir, 'pareto.json'), path.join(outDir, 'summary.md')], {
          force: o.force, shownAs: (f) => path.relative(io.cwd, f), hint: 'choose another --out, or pass --force to replace it',
        });
        const { summary } = await mergeSearchFolders(folders, outDir, folders.map((d) => inputs[abs.indexOf(d)]!));
        io.out(summary);
        return;
      }
      if (folders.length > 0) throw new NaxUserError(inputs[abs.indexOf(abs.find((a) => !folders.includes(a))!)], '', 'mixes search folders and report files');
      await checkReport(io, o.out, o.force);
      const reports = await Promise.all(abs.map(async (f, i) => parseReport(await readJsonFile(f, inputs[i]), inputs[i])));
      const merged = mergeShards(reports, { labels: inputs });
      io.out(renderSimulateText(merged));
      if (o.out) await writeReport(io, o.out, merged, o.force);
    });

  program
    .command('xbar')
    .description('solve one crossbar: {conductances[rows][cols] (S), voltages[rows] (V), rWire, rSource, rSink (Ω)} → {currents[cols] (A)}')
    .requiredOption('--input <file>', 'JSON input file')
    .addOption(new Option('--model <model>', 'circuit model').choices(['exact', 'fast', 'ideal']).default('exact'))
    .action((o: { input: string; model: 'exact' | 'fast' | 'ideal' }) => {
      const file = o.input;
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(path.resolve(io.cwd, file), 'utf8'));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new NaxUserError(file, '', code === 'ENOENT' ? 'file not found' : jsonSyntaxMessage(e));
      }
      const x = parseXbarInput(raw, file);
      let solution;
      try {
        solution = solveCurrents({ g: x.g, rows: x.rows, cols: x.cols, voltages: x.v, wires: x.wires, model: o.model });
      } catch (e) {
        // The solver names the technology's wires; here they come from this file.
        if (e instanceof NaxUserError) throw new NaxUserError(file, 'rSource, rSink', e.message, e.hint);
        throw e;
      }
      const currents = Array.from(solution.columnCurrentsA);
      const bad = currents.findIndex((c) => !Number.isFinite(c));
      if (bad >= 0) throw new NaxUserError(file, '', `column ${bad} has no finite current for these values`, 'check conductances and resistances');
      io.out(JSON.stringify({ currents }));
    });

  registerReportCommand(program, io);
  registerMappingInit(program, io);

  return program;
}

/**
 * Progress lines on stderr; in a terminal with a known budget, a bar of elapsed time over the budget
 * redrawn in place, with the latest line beside it.
 */
function progressBar(io: CliIo, quiet: boolean | undefined, budgetS: number | undefined): (line: string) => void {
  if (quiet) return () => undefined;
  const tty = process.stderr.isTTY && io.err === defaultIo.err;
  if (!tty || !budgetS) return (line) => io.err(`nax: ${line}`);
  const t0 = performance.now();
  return (line) => {
    const f = Math.min(1, (performance.now() - t0) / 1000 / budgetS);
    const width = 24;
    const done = Math.round(f * width);
    const cols = process.stderr.columns ?? 100;
    const text = `[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${(f * 100).toFixed(0).padStart(3)} % ${line}`;
    process.stderr.write(`\r${text.slice(0, cols - 1).padEnd(cols - 1)}`);
  };
}

/** Every layer of a mapping moved to N×N crossbars, the ADC re-derived where it was 'auto'. */
export function homogeneous(m: ReadonlyMap<string, ResolvedLayerMapping>, n: number): Map<string, ResolvedLayerMapping> {
  return new Map([...m].map(([name, l]) => [name, withCrossbarSize(l, n)]));
}

function renderSweep(rows: Array<{ size: number; report: NaxReport }>): string {
  const head = 'crossbar  ideal     quantised  non-ideal [95 % CI]             energy µJ   delay µs   area mm²   EDAP J·s·mm²';
  const lines = [head];
  for (const { size, report: r } of rows) {
    const a = r.accuracy!;
    const t = r.totals;
    lines.push(
      `${`${size}×${size}`.padEnd(8)}  ${(a.ideal * 100).toFixed(2).padStart(6)} %  ${(a.quantised * 100).toFixed(2).padStart(6)} %  ` +
        `${(a.nonIdeal.mean * 100).toFixed(2).padStart(6)} % ${formatPctInterval(a.nonIdeal.ci95 && a.nonIdeal.ci95.low * 100, a.nonIdeal.ci95 && a.nonIdeal.ci95.high * 100).padEnd(20)}  ` +
        `${(t.energyJ * 1e6).toFixed(3).padStart(9)}  ${(t.delayS * 1e6).toFixed(2).padStart(9)}  ${t.areaMm2.toFixed(3).padStart(9)}   ${t.edap.toExponential(3)}`,
    );
  }
  return lines.join('\n');
}

interface XbarInput {
  g: Float64Array;
  v: Float64Array;
  rows: number;
  cols: number;
  wires: { rWireOhm: number; rSourceOhm: number; rSinkOhm: number };
}

/**
 * Device conductances, S: at most 0.01 S (R_on ≥ 100 Ω, the technology file's bound, config/technology.ts).
 * Voltages within ±10 V and wire resistances as in a technology file.
 */
const XBAR_CONDUCTANCE_RULE: NumberRule = { min: 0, max: 0.01 };

export function parseXbarInput(raw: unknown, file: string): XbarInput {
  const o = requireObject(raw, file, '');
  rejectUnknownKeys(o, ['conductances', 'voltages', 'rWire', 'rSource', 'rSink'], file, '');
  if (!Array.isArray(o.conductances) || o.conductances.length === 0) {
    throw new NaxUserError(file, 'conductances', 'expected a non-empty array of rows');
  }
  const rows = o.conductances.length;
  const first = o.conductances[0];
  if (!Array.isArray(first) || first.length === 0) throw new NaxUserError(file, 'conductances[0]', 'expected a non-empty array');
  const cols = first.length;
  if (rows > 4096 || cols > 4096) throw new NaxUserError(file, 'conductances', `${rows}×${cols} is larger than 4096×4096`);
  const g = new Float64Array(rows * cols);
  o.conductances.forEach((row: unknown, i: number) => {
    if (!Array.isArray(row) || row.length !== cols) {
      throw new NaxUserError(file, `conductances[${i}]`, `expected ${cols} values like row 0`);
    }
    row.forEach((x: unknown, j: number) => {
      g[i * cols + j] = readNumber(x, file, `conductances[${i}][${j}]`, XBAR_CONDUCTANCE_RULE);
    });
  });
  if (!Array.isArray(o.voltages) || o.voltages.length !== rows) {
    throw new NaxUserError(file, 'voltages', `expected an array of ${rows} voltages (one per row)`);
  }
  const v = Float64Array.from(o.voltages, (x: unknown, i: number) => readNumber(x, file, `voltages[${i}]`, { min: -10, max: 10 }));
  const r = (k: 'rWire' | 'rSource' | 'rSink') => readNumber(o[k], file, k, { min: 0, max: k === 'rWire' ? 1e3 : 1e6 });
  return { g, v, rows, cols, wires: { rWireOhm: r('rWire'), rSourceOhm: r('rSource'), rSinkOhm: r('rSink') } };
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  return run(argv, { ...defaultIo, ...io });
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  exitCode = EXIT_OK;
  try {
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof NaxUserError) {
      io.err(`nax: ${e.format()}`);
      return EXIT_USAGE;
    }
    io.err(`nax: internal error (a bug, please report it):\n${(e as Error).stack ?? String(e)}`);
    return 70;
  }
}
