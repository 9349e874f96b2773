/**
 * The GitHub Action's entry: gathers inputs and environment, picks the mode, and turns errors into a
 * failed step. The work lives in github/*-mode.ts and check.ts; this file only wires them.
 *
 * Exit: 1 when a fail-tier budget is exceeded (not acknowledged) or an input or file is invalid
 * (`file: field: message`, annotated on the file). A failed comment never changes it.
 * The bundle (dist/index.js) is also the entry of the Monte Carlo worker threads, as cli-main.ts is for
 * the CLI: run() in a worker only runs its samples.
 */
import * as core from '@actions/core';
import { availableParallelism } from 'node:os';
import { NaxUserError } from './errors.js';
import { actionsPublisher } from './github/actions-publisher.js';
import { githubClient } from './github/client.js';
import { checkMode } from './github/check-mode.js';
import { commentMode } from './github/comment-mode.js';
import { ENV_FILE, readActionEnv } from './github/event.js';
import { INPUTS_FILE, readInputs } from './github/inputs.js';
import { mergeMode } from './github/merge-mode.js';
import { searchMode } from './github/search-mode.js';
import type { ModeContext } from './github/mode-context.js';
import { COMMENT_MARKER } from './render/markdown.js';
import { initBackend } from './runtime/tfjs.js';
import { isNaxWorker, workerMain, workerSampleRunner } from './runtime/workers.js';
import { type ProgressReporter, progressReporter } from './runtime/progress.js';

/** Worker threads for Monte Carlo samples (hosted runners have 2–4 cores; nax assumption: 4 at most). */
const MAX_WORKERS = 4;

/** Error "files" that are not repository files: no file annotation for them. */
const NOT_FILES = new Set([INPUTS_FILE, ENV_FILE, 'git', 'checkout', 'shard', 'shard reports', 'budget overrides']);

function reportError(e: unknown): void {
  if (e instanceof NaxUserError) {
    const message = e.format();
    if (e.file && !NOT_FILES.has(e.file) && !e.file.startsWith('/')) {
      core.error(message, { title: 'nax', file: e.file });
      process.exitCode = core.ExitCode.Failure;
    } else {
      core.setFailed(message);
    }
    return;
  }
  // Anything else is a bug in nax: show the stack.
  core.setFailed(e instanceof Error ? (e.stack ?? e.message) : String(e));
}

/**
 * NAX_TEST_RETRY_BASE_MS shortens plugin-retry's back-off in the end-to-end tests; it is read only when
 * the API is on the loopback address, so it cannot weaken a real run.
 */
function retryBase(env: NodeJS.ProcessEnv): { retryAfterBaseMs?: number } {
  const ms = Number(env.NAX_TEST_RETRY_BASE_MS);
  const loopback = /^http:\/\/127\.0\.0\.1:\d+$/.test(env.GITHUB_API_URL ?? '');
  return loopback && Number.isInteger(ms) && ms >= 0 ? { retryAfterBaseMs: ms } : {};
}

/** Runs the action in the current step (or, in a worker thread, its Monte Carlo samples). */
export async function run(): Promise<void> {
  if (isNaxWorker()) {
    await workerMain();
    return;
  }
  let reporter: ProgressReporter | undefined;
  try {
    const env = process.env;
    if (env.GITHUB_ACTIONS !== 'true') {
      throw new NaxUserError(ENV_FILE, 'GITHUB_ACTIONS', 'not running inside GitHub Actions',
        'locally, use the CLI: nax check --base <ref>');
    }
    const inputs = readInputs((name) => core.getInput(name));
    const actionEnv = readActionEnv(env);
    if (inputs.githubToken) core.setSecret(inputs.githubToken);
    // baseUrl explicitly: @actions/github computes its default when the module loads.
    const client = inputs.githubToken ? githubClient(inputs.githubToken, { baseUrl: actionEnv.apiUrl, ...retryBase(env) }) : undefined;
    const workers = Math.min(MAX_WORKERS, availableParallelism());
    // One collapsible log group per simulation (check: head, then base) or search, with the ETA on each line.
    reporter = progressReporter({
      mode: 'groups', line: (l) => core.info(l), now: () => performance.now() / 1000, runs: inputs.mode === 'check' ? 2 : 1,
      group: { start: (title) => core.startGroup(title), end: () => core.endGroup() },
    });
    const ctx: ModeContext = {
      inputs,
      env: actionEnv,
      // The checkout is GITHUB_WORKSPACE; a step's working-directory may differ from it.
      repoDir: env.GITHUB_WORKSPACE || process.cwd(),
      ...(client ? { client } : {}),
      publisherFor: (issue) => actionsPublisher({
        ...(client ? { client } : {}),
        ...(issue ? { issue } : {}),
        sticky: { marker: COMMENT_MARKER, author: inputs.commentAuthor },
      }),
      progress: reporter.progress,
      ...(workers > 1 ? { runner: workerSampleRunner({ entry: new URL(import.meta.url), workers }) } : {}),
    };
    switch (inputs.mode) {
      case 'check':
        await initBackend('wasm');
        await checkMode(ctx);
        break;
      case 'merge':
        await mergeMode(ctx);
        break;
      case 'comment':
        await commentMode(ctx);
        break;
      case 'search':
        await initBackend('wasm');
        await searchMode(ctx);
        break;
    }
  } catch (e) {
    reporter?.finish();
    reportError(e);
  } finally {
    reporter?.finish();
  }
}
