/**
 * Options several commands share, parsed once into typed records, and the edge helpers around a command's
 * work: where nax.yml is, where the report JSON goes (a file, or stdout with `--json -`), progress on stderr,
 * and the Monte Carlo worker pool. Modules that load tfjs are imported inside the helpers, not at the top.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { type NumberRule, describe, readNumber } from '../config/fields.js';
import { NaxUserError } from '../errors.js';
import { dirSource } from '../io/files.js';
import { checkReportPath, writeReportFile } from '../io/report-file.js';
import type { Progress } from '../progress.js';
import { type ProgressReporter, progressReporter } from '../runtime/progress.js';
import type { SampleRunner } from '../xbar/simulate.js';
import type { CliIo } from './context.js';

export type BackendName = 'wasm' | 'cpu';

/** Where a command's JSON goes: a file, or stdout (`--json -`), which then carries nothing else. */
export type JsonTarget = { readonly to: 'stdout' } | { readonly to: 'file'; readonly path: string };

/** The options of every command that reads nax.yml and simulates or costs. */
export interface CommonOptions {
  /** nax.yml, relative to the working directory. Default 'nax.yml'. */
  readonly configPath: string;
  /** Also write the report JSON; absent: no JSON. */
  readonly json?: JsonTarget;
  /** Replace a --json file that is not an earlier nax report. Default false. */
  readonly force: boolean;
  /** tfjs backend. Default 'wasm'. */
  readonly backend: BackendName;
  /** No progress on stderr. Default false. */
  readonly quiet: boolean;
}

/** What commander hands a command's action for the common options. */
export interface RawCommonOptions {
  config: string;
  json?: string;
  force?: boolean;
  backend: BackendName;
  quiet?: boolean;
}

export function addCommonOptions(c: Command): Command {
  return c
    .option('-c, --config <file>', 'path to nax.yml', 'nax.yml')
    .option('--json <file>', "also write the report JSON to this file ('-': to stdout, and nothing else goes to stdout)")
    .option('--force', 'overwrite --json even if it is not an earlier nax report', false)
    .addOption(new Option('--backend <name>', 'tfjs backend').choices(['wasm', 'cpu']).default('wasm'))
    .option('-q, --quiet', 'no progress on stderr');
}

export function commonOptions(o: RawCommonOptions): CommonOptions {
  return {
    configPath: o.config,
    ...(o.json === undefined ? {} : { json: o.json === '-' ? { to: 'stdout' as const } : { to: 'file' as const, path: o.json } }),
    force: o.force === true,
    backend: o.backend,
    quiet: o.quiet === true,
  };
}

/**
 * An integer flag with nax.yml's bounds for the same setting. The error is a NaxUserError (one line,
 * exit 2), not commander's usage text.
 */
export function intArg(name: string, rule: NumberRule) {
  return (v: string) => {
    if (!/^\s*[+-]?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(v)) throw new NaxUserError(name, '', `expected an integer, found ${describe(v)}`);
    return readNumber(Number(v), name, '', { ...rule, integer: true });
  };
}

/** Worker threads: at most this many (nax assumption: more than any runner's cores gains nothing). */
export const WORKERS_RULE: NumberRule = { min: 1, max: 64 };

/** `i/n` with 1 ≤ i ≤ n → 0-based { index, count }. */
export function parseShard(v: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(v.trim());
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || i < 1 || n < 1 || i > n) throw new InvalidArgumentError(`expected i/n with 1 ≤ i ≤ n, e.g. 2/4; got '${v}'`);
  return { index: i - 1, count: n };
}

/** Comma-separated crossbar sizes N (N×N), 16…512. */
export function parseCrossbarSizes(v: string, flag = '--crossbar'): number[] {
  return v.split(',').map((s) => readNumber(Number(s.trim()), flag, s.trim(), { integer: true, min: 16, max: 512 }));
}

/** nax.yml's folder is the root its paths may not leave; the config is read relative to it. */
export function project(io: CliIo, config: string) {
  const abs = path.resolve(io.cwd, config);
  return { source: dirSource(path.dirname(abs)), configPath: path.basename(abs) };
}

const FORCE_HINT = 'pass --force to overwrite it';

/** Fails before any work when the --json file cannot be written (or would replace a user's file). */
export async function checkJsonTarget(io: CliIo, o: Pick<CommonOptions, 'json' | 'force'>): Promise<void> {
  if (o.json?.to !== 'file') return;
  await checkReportPath(path.resolve(io.cwd, o.json.path), { overwrite: o.force, shownAs: o.json.path, overwriteHint: FORCE_HINT });
}

/** Fails before any work when `file` cannot be written as a report (or would replace a user's file). */
export async function checkReportFile(io: CliIo, file: string | undefined, force: boolean): Promise<void> {
  if (file === undefined) return;
  await checkReportPath(path.resolve(io.cwd, file), { overwrite: force, shownAs: file, overwriteHint: FORCE_HINT });
}

/** Writes a report; a file that is not an earlier nax report is kept unless --force. */
export function writeReport(io: CliIo, file: string, report: unknown, force: boolean): Promise<void> {
  return writeReportFile(path.resolve(io.cwd, file), report, { overwrite: force, shownAs: file, overwriteHint: FORCE_HINT });
}

/**
 * A command's result: the text for a person and the JSON document. With `--json -` the JSON alone goes to
 * stdout and the text to stderr (unless --quiet); otherwise the text to stdout and the JSON to its file.
 */
export async function emit(io: CliIo, o: Pick<CommonOptions, 'json' | 'force' | 'quiet'>, text: string, doc: () => unknown): Promise<void> {
  if (o.json?.to === 'stdout') {
    if (!o.quiet) io.err(text);
    io.out(`${JSON.stringify(doc(), null, 2)}\n`);
    return;
  }
  io.out(text);
  if (o.json?.to === 'file') await writeReport(io, o.json.path, doc(), o.force);
}

/**
 * Progress on stderr: a bar on a terminal, a line about every 10 % otherwise, nothing with --quiet.
 * `runs`: simulations the command will run (e.g. 2 for check).
 */
export function progressFor(io: CliIo, quiet: boolean, runs = 1): ProgressReporter {
  return progressReporter({
    mode: quiet ? 'off' : io.stderrTty ? 'bar' : 'lines',
    line: io.err,
    ...(io.errRaw ? { raw: io.errRaw } : {}),
    ...(io.columns ? { columns: io.columns } : {}),
    now: () => performance.now() / 1000,
    runs,
  });
}

/** Runs `work` with a progress reporter and always clears the bar afterwards. */
export async function withProgress<T>(io: CliIo, quiet: boolean, runs: number, work: (p: Progress) => Promise<T>): Promise<T> {
  const r = progressFor(io, quiet, runs);
  try {
    return await work(r.progress);
  } finally {
    r.finish();
  }
}

/** Loads and initialises tfjs (the first moment a command needs it). */
export async function startBackend(backend: BackendName): Promise<void> {
  const { initBackend } = await import('../runtime/tfjs.js');
  await initBackend(backend);
}

/** Worker threads for Monte Carlo samples when the entry is known and the backend is wasm. */
export async function sampleRunner(io: CliIo, backend: BackendName, workers: number | undefined): Promise<SampleRunner | undefined> {
  // From TypeScript sources (npm run nax, under tsx) a worker could not load the entry: Node 20 does not
  // pass loader hooks on to worker threads. The bundles (npm start, the action) use workers.
  if (!io.workerEntry || io.workerEntry.endsWith('.ts') || backend !== 'wasm') return undefined;
  const { workerSampleRunner } = await import('../runtime/workers.js');
  const n = workers ?? Math.min(4, availableParallelism());
  return workerSampleRunner({ entry: new URL(io.workerEntry), workers: n });
}
