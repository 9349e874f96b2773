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

/** The acknowledgement in force: the `acknowledge` input, or the acknowledge label on the PR. */
export function acknowledgementOf(inputs: ActionInputs, labels: readonly string[]): Acknowledgement | undefined {
  if (inputs.acknowledge) return { by: 'the acknowledge input' };
  if (labels.includes(inputs.acknowledgeLabel)) return { by: `label '${inputs.acknowledgeLabel}'` };
  return undefined;
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
