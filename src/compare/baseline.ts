/**
 * Where the base numbers came from. The comment always says it, because a wrong or silently replaced
 * baseline is the most common complaint about regression checkers (reference/github-action-conventions.md §3).
 */
export interface BaselineInfo {
  /** Full SHA of the base commit, when one was resolved. */
  readonly commit?: string;
  /** Branch or ref name the base commit belongs to, e.g. 'main' (for display only). */
  readonly ref?: string;
  /**
   * How the commit was chosen, e.g. 'first parent of the PR merge commit', 'pull_request.base.sha',
   * "input base-ref 'v1.2'", "--base main".
   */
  readonly resolvedBy: string;
  /** Why there is no base report (no nax.yml or model at the base, not a pull request, …); absent when there is one. */
  readonly missingReason?: string;
}
