/** The pull request lookup `mode: comment` uses to check an artifact against the live PR. */
import type { Octokit } from './sticky-comment.js';

export interface PullRequestState {
  readonly number: number;
  readonly headSha: string;
  readonly state: string;
  readonly labels: readonly string[];
}

/** GET /repos/{owner}/{repo}/pulls/{n}. */
export async function getPullRequest(
  client: Octokit,
  pr: { readonly owner: string; readonly repo: string; readonly pullNumber: number },
): Promise<PullRequestState> {
  const r = await client.rest.pulls.get({ owner: pr.owner, repo: pr.repo, pull_number: pr.pullNumber });
  return {
    number: r.data.number,
    headSha: r.data.head.sha,
    state: r.data.state,
    labels: r.data.labels.map((l) => l.name),
  };
}
