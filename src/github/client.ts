/**
 * The GitHub API client of the action: @actions/github's Octokit with @octokit/plugin-retry, so a
 * transient failure (5xx, a network error, a secondary rate limit) is retried instead of losing the
 * comment. plugin-retry retries statuses ≥ 400 except its doNotRetry list, which holds 403; GitHub
 * answers a secondary rate limit with 403 (or 429) and a message saying so, and that one must be
 * retried, so a small plugin ahead of plugin-retry re-labels it 429.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import type { Octokit } from './sticky-comment.js';

/** Retries after the first attempt (plugin-retry's default; waits 1, 4, 9 s). */
export const RETRIES = 3;

/** GitHub's words for a secondary rate limit (REST docs, "About secondary rate limits"). */
const SECONDARY_LIMIT = /secondary rate limit/i;

type OctokitLike = { hook: { error: (name: 'request', fn: (e: unknown) => never | Promise<never>) => void } };

/** Makes a secondary-rate-limit 403 look like the 429 it is, so plugin-retry retries it. */
function secondaryLimitAs429(octokit: OctokitLike): void {
  octokit.hook.error('request', (e: unknown) => {
    const err = e as { status?: number; message?: string };
    if (err.status === 403 && SECONDARY_LIMIT.test(err.message ?? '')) err.status = 429;
    throw e;
  });
}

export interface ClientOptions {
  readonly baseUrl: string;
  /** Base of plugin-retry's quadratic back-off, ms (tests shorten it). Default 1000. */
  readonly retryAfterBaseMs?: number;
}

export function githubClient(token: string, opts: ClientOptions): Octokit {
  return getOctokit(token, {
    baseUrl: opts.baseUrl,
    retry: { retries: RETRIES, ...(opts.retryAfterBaseMs !== undefined ? { retryAfterBaseValue: opts.retryAfterBaseMs } : {}) },
  }, secondaryLimitAs429 as never, retry as never);
}

/**
 * A request that never got an HTTP answer (DNS, refused connection, reset): @octokit/request reports it
 * as status 500 without a response, which is not what happened.
 */
export function isNetworkFailure(e: unknown): boolean {
  const err = e as { status?: number; response?: unknown } | null;
  return err?.status === 500 && err.response === undefined;
}
