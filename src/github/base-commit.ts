/**
 * Which commit is the baseline. On a pull request: the first parent of the PR merge commit the job checked
 * out — the base tip GitHub merged the PR into — so the comparison isolates exactly what merging this PR
 * changes (comparing with the live base tip would blame the PR for what was merged meanwhile;
 * reference/github-action-conventions.md §3.1). The `base-ref` input overrides it. The commit must be in
 * the clone: actions/checkout needs `fetch-depth: 2` (or 0).
 */
import type { BaselineInfo } from '../compare/baseline.js';
import { NaxUserError } from '../errors.js';
import { type PullRequestInfo, pushBeforeOf } from './event.js';
import { commitParents, resolveCommit } from '../io/git.js';
import { INPUTS_FILE } from './inputs.js';

export interface BaseCommitOptions {
  readonly repoDir: string;
  /** The `base-ref` input (or `nax check --base`), when given. */
  readonly baseRef?: string;
  readonly pullRequest?: PullRequestInfo;
  readonly eventName: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

const FETCH_HINT = 'check out with actions/checkout and fetch-depth: 2 (the merge commit and its parents) or 0';

/** Resolves the base commit; a commit that should exist but is not in the clone is an error. */
export async function resolveBaseCommit(opts: BaseCommitOptions): Promise<BaselineInfo> {
  const { repoDir, pullRequest: pr } = opts;
  if (opts.baseRef) {
    const commit = await resolveCommit(repoDir, opts.baseRef);
    if (!commit) {
      throw new NaxUserError(INPUTS_FILE, 'base-ref', `'${opts.baseRef}' is not a commit in this clone`, FETCH_HINT);
    }
    return { commit, ref: opts.baseRef, resolvedBy: `set by the base-ref input '${opts.baseRef}'` };
  }
  if (pr) {
    const head = await resolveCommit(repoDir, 'HEAD');
    const parents = head ? await commitParents(repoDir, head) : undefined;
    if (parents && parents.length === 2 && parents[1] === pr.headSha) {
      return { commit: parents[0], ref: pr.baseRef || undefined, resolvedBy: 'first parent of the PR merge commit' };
    }
    const commit = await resolveCommit(repoDir, pr.baseSha);
    if (!commit) {
      throw new NaxUserError('checkout', '', `the PR base commit ${pr.baseSha.slice(0, 7)} is not in the clone`, FETCH_HINT);
    }
    return {
      commit,
      ref: pr.baseRef || undefined,
      resolvedBy: 'pull_request.base.sha (the checked-out HEAD is not the PR merge commit)',
    };
  }
  const before = opts.eventName === 'push' ? pushBeforeOf(opts.payload) : undefined;
  if (before) {
    const commit = await resolveCommit(repoDir, before);
    if (!commit) throw new NaxUserError('checkout', '', `the pushed-over commit ${before.slice(0, 7)} is not in the clone`, FETCH_HINT);
    return { commit, resolvedBy: 'the commit before the push' };
  }
  return {
    resolvedBy: `no base for a '${opts.eventName || 'unknown'}' event`,
    missingReason: `not a pull request and no base-ref input, so there is no base commit to compare with`,
  };
}
