/** What every action mode gets from the entry point: inputs, environment, and how to publish. */
import type { Acknowledgement } from '../compare/comparison.js';
import type { SampleRunner } from '../xbar/simulate.js';
import type { ActionEnv, PullRequestInfo } from './event.js';
import type { ActionInputs } from './inputs.js';
import type { Publisher } from './publisher.js';
import type { IssueRef, Octokit } from './sticky-comment.js';

export interface ModeContext {
  readonly inputs: ActionInputs;
  readonly env: ActionEnv;
  /** The checked-out repository (the step's working directory). */
  readonly repoDir: string;
  /** API client, absent without a token. */
  readonly client?: Octokit;
  /** A publisher commenting on `issue` (none: outside pull requests). */
  readonly publisherFor: (issue?: IssueRef) => Publisher;
  readonly progress: (line: string) => void;
  readonly runner?: SampleRunner;
}

/** Events whose workflow file is the PR's own: an input there is the PR's word, not a maintainer's. */
const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'workflow_run']);

/**
 * The acknowledgement in force: the acknowledge label on the PR (applying a label needs triage rights),
 * or the `acknowledge` input outside pull requests. On pull_request events the input is ignored: the PR
 * controls its own workflow file, so it could acknowledge itself.
 */
export function acknowledgementOf(inputs: ActionInputs, labels: readonly string[], eventName: string): Acknowledgement | undefined {
  if (labels.includes(inputs.acknowledgeLabel)) return { by: `label '${inputs.acknowledgeLabel}'` };
  if (inputs.acknowledge && !PR_EVENTS.has(eventName)) return { by: 'the acknowledge input' };
  return undefined;
}

/** Why the acknowledge input was not used, when it was set (for the log). */
export function ignoredAcknowledgeInput(inputs: ActionInputs, eventName: string): string | undefined {
  return inputs.acknowledge && PR_EVENTS.has(eventName)
    ? `the acknowledge input is ignored on '${eventName}' events (the PR controls its workflow file); a maintainer applies the label '${inputs.acknowledgeLabel}' instead`
    : undefined;
}

/** The issue to comment on for a PR in this repository, or undefined. */
export function issueOf(ctx: ModeContext, pr: Pick<PullRequestInfo, 'number'> | undefined): IssueRef | undefined {
  if (!pr || !ctx.env.repository) return undefined;
  return { owner: ctx.env.repository.owner, repo: ctx.env.repository.repo, issueNumber: pr.number };
}

/** Whether to post, and why not. */
export function commentDecision(ctx: ModeContext, issue: IssueRef | undefined): { post: boolean; reason?: string } {
  if (!ctx.inputs.comment) return { post: false, reason: 'the comment input is false' };
  if (!issue) return { post: false, reason: `not a pull request (event '${ctx.env.eventName}')` };
  if (!ctx.client) return { post: false, reason: 'no github-token' };
  return { post: true };
}
