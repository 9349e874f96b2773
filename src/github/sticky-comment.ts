/**
 * One sticky comment per pull request: found by the hidden marker at the start of the body AND our own
 * author, then updated in place, otherwise created. Matching the author too means a comment in which
 * someone pasted the marker is never taken over (marocchino/sticky-pull-request-comment PR #332). The
 * lookup pages through every comment (per_page 100), so a long discussion does not hide ours.
 * One REST operation per function, client first.
 */
import type { GitHub } from '@actions/github/lib/utils';

export type Octokit = InstanceType<typeof GitHub>;

export interface IssueRef {
  readonly owner: string;
  readonly repo: string;
  /** Pull request (issue) number. */
  readonly issueNumber: number;
}

export interface IssueComment {
  readonly id: number;
  readonly body?: string;
  readonly user: { readonly login: string; readonly type?: string } | null;
  readonly html_url?: string;
}

/** GET /repos/{owner}/{repo}/issues/{n}/comments, all pages. */
export async function listIssueComments(client: Octokit, issue: IssueRef): Promise<IssueComment[]> {
  return client.paginate(client.rest.issues.listComments, {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.issueNumber,
    per_page: 100,
  });
}

/** POST /repos/{owner}/{repo}/issues/{n}/comments. */
export async function createIssueComment(client: Octokit, issue: IssueRef, body: string): Promise<IssueComment> {
  const r = await client.rest.issues.createComment({ owner: issue.owner, repo: issue.repo, issue_number: issue.issueNumber, body });
  return r.data;
}

/** PATCH /repos/{owner}/{repo}/issues/comments/{id}. */
export async function updateIssueComment(
  client: Octokit,
  comment: { readonly owner: string; readonly repo: string; readonly commentId: number },
  body: string,
): Promise<IssueComment> {
  const r = await client.rest.issues.updateComment({ owner: comment.owner, repo: comment.repo, comment_id: comment.commentId, body });
  return r.data;
}

export interface StickyMatch {
  /** The hidden marker the body starts with, e.g. '<!-- nax-report -->'. */
  readonly marker: string;
  /** Login the comments are posted as, e.g. 'github-actions[bot]'. */
  readonly author: string;
}

/** Our earlier comment: body starts with the marker and the author is ours (oldest first if several). */
export function findStickyComment(comments: readonly IssueComment[], match: StickyMatch): IssueComment | undefined {
  return comments.find((c) => c.user?.login === match.author && (c.body ?? '').trimStart().startsWith(match.marker));
}

export interface UpsertResult {
  readonly id: number;
  readonly action: 'created' | 'updated';
  readonly url?: string;
}

/** Creates the sticky comment, or updates ours in place. */
export async function upsertStickyComment(
  client: Octokit,
  issue: IssueRef,
  opts: StickyMatch & { readonly body: string },
): Promise<UpsertResult> {
  const existing = findStickyComment(await listIssueComments(client, issue), opts);
  if (existing) {
    const c = await updateIssueComment(client, { owner: issue.owner, repo: issue.repo, commentId: existing.id }, opts.body);
    return { id: c.id, action: 'updated', ...(c.html_url ? { url: c.html_url } : {}) };
  }
  const c = await createIssueComment(client, issue, opts.body);
  return { id: c.id, action: 'created', ...(c.html_url ? { url: c.html_url } : {}) };
}
