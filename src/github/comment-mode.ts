/**
 * `mode: comment`: post the sticky comment from a report artifact, for a `workflow_run` workflow that
 * never checks out or runs PR code (fork PRs: the pull_request job has a read-only token). The artifact
 * is untrusted; it is validated, and the pull request and head SHA it claims are cross-checked against
 * the triggering run: the run's head SHA must match, and the PR must be the run's (or, for forks, where
 * GitHub leaves workflow_run.pull_requests empty, the live PR's head must still be that SHA). The
 * check job gated already, so this mode never fails on the verdict.
 *
 * Everything in the artifact is the PR's word (its run executed the PR's code): strings are rendered
 * as code spans, numbers are range-checked, the acknowledge label is re-read from the API and the run
 * link is built from the workflow_run event.
 */
import path from 'node:path';
import { compareReports } from '../compare/compare-reports.js';
import { tightenBudgets } from '../config/gate.js';
import { NaxUserError } from '../errors.js';
import { type CheckArtifact, headOf, parseCheckArtifact } from './check-artifact.js';
import { pullRequestOf, runUrlOf, workflowRunOf } from './event.js';
import { inputTierLocator } from './inputs.js';
import { acknowledgementOf, commentDecision, issueOf, type ModeContext } from './mode-context.js';
import { getPullRequest } from './pull-request.js';
import { publishResult } from './publish.js';
import { readJsonFile } from '../io/report-file.js';

type CrossCheck = { ok: true; labels?: readonly string[] } | { ok: false; reason: string };

/** Checks the artifact's PR and head SHA against the event (errors for contradictions, a skip for a stale result). */
async function crossCheck(ctx: ModeContext, a: CheckArtifact, file: string): Promise<CrossCheck> {
  const pr = a.check.pullRequest;
  if (!pr) throw new NaxUserError(file, 'check.pullRequest', 'the report names no pull request (it was not made by a pull_request run)');
  const repo = ctx.env.repository;
  if (a.check.repository && repo && a.check.repository !== `${repo.owner}/${repo.repo}`) {
    throw new NaxUserError(file, 'check.repository', `report of ${a.check.repository}, this run is in ${repo.owner}/${repo.repo}`);
  }
  if (ctx.env.eventName === 'workflow_run') {
    const run = workflowRunOf(ctx.env.payload);
    if (!run) throw new NaxUserError('environment', 'GITHUB_EVENT_PATH', 'the workflow_run payload has no workflow_run.head_sha');
    if (run.headSha !== pr.headSha) {
      throw new NaxUserError(file, 'check.pullRequest.headSha',
        `the report is for head ${pr.headSha.slice(0, 7)}, the triggering run was for ${run.headSha.slice(0, 7)}`,
        'download the artifact of the triggering run (run-id: github.event.workflow_run.id)');
    }
    if (run.pullRequests.length > 0 && !run.pullRequests.some((p) => p.number === pr.number)) {
      throw new NaxUserError(file, 'check.pullRequest.number',
        `the report names PR #${pr.number}, the triggering run belongs to ${run.pullRequests.map((p) => `#${p.number}`).join(', ')}`);
    }
    // The live PR: its labels (an acknowledgement is never taken from the artifact) and, for forks, where
    // workflow_run.pull_requests is empty, whether its head is still this SHA.
    if (!ctx.client || !repo) {
      if (run.pullRequests.length > 0) return { ok: true };
      throw new NaxUserError('action inputs', 'github-token', 'needed to look up the pull request of a fork run');
    }
    const live = await getPullRequest(ctx.client, { owner: repo.owner, repo: repo.repo, pullNumber: pr.number });
    if (live.headSha !== run.headSha) {
      return { ok: false, reason: `PR #${pr.number} has moved on to ${live.headSha.slice(0, 7)}; the result for ${run.headSha.slice(0, 7)} is stale and not posted` };
    }
    return { ok: true, labels: live.labels };
  }
  const event = pullRequestOf(ctx.env.payload);
  if (event) {
    if (event.number !== pr.number || event.headSha !== pr.headSha) {
      throw new NaxUserError(file, 'check.pullRequest',
        `the report is for PR #${pr.number} at ${pr.headSha.slice(0, 7)}, this event is PR #${event.number} at ${event.headSha.slice(0, 7)}`);
    }
    return { ok: true, labels: event.labels };
  }
  throw new NaxUserError('action inputs', 'mode',
    `mode: comment runs on workflow_run (or pull_request) events, not '${ctx.env.eventName}'`);
}

export async function commentMode(ctx: ModeContext): Promise<void> {
  const { inputs } = ctx;
  const file = inputs.reportPath;
  const artifact = parseCheckArtifact(await readJsonFile(path.resolve(ctx.repoDir, file), file), file);
  const checked = await crossCheck(ctx, artifact, file);
  const pr = artifact.check.pullRequest;
  const issue = issueOf(ctx, pr);
  if (!checked.ok) {
    const p = ctx.publisherFor(undefined);
    p.warning(checked.reason);
    p.setOutputs({ report: file, verdict: artifact.check.verdict, 'comment-id': '' });
    return;
  }
  const budgets = tightenBudgets(artifact.check.budgets, { overrides: inputs.budgetOverrides, where: inputTierLocator });
  // The label as GitHub says now, never the artifact's word; the input does not count on PR events.
  const acknowledgement = acknowledgementOf(inputs, checked.labels ?? [], ctx.env.eventName);
  const comparison = compareReports(artifact.check.base, headOf(artifact), budgets, acknowledgement ? { acknowledgement } : {});
  if (comparison.verdict !== artifact.check.verdict) {
    ctx.progress(`note: the report says ${artifact.check.verdict}, recomputed ${comparison.verdict} (budget inputs of this workflow)`);
  }
  const decision = commentDecision(ctx, issue);
  // The link to the run that made the artifact is built from the event, never read from the artifact.
  const triggering = workflowRunOf(ctx.env.payload);
  const repo = ctx.env.repository;
  const runUrl = triggering && repo
    ? `${ctx.env.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${triggering.id}`
    : runUrlOf(ctx.env);
  await publishResult(ctx.publisherFor(issue), {
    render: {
      comparison,
      baseline: artifact.check.baseline,
      ...(artifact.check.headSha ? { headSha: artifact.check.headSha } : {}),
      toolVersion: artifact.tool.version,
      origin: 'check-job',
      ...(artifact.check.gate ? { gate: artifact.check.gate } : {}),
      ...(runUrl ? { runUrl } : {}),
      reportName: file,
    },
    postComment: decision.post,
    ...(decision.reason ? { noCommentReason: decision.reason } : {}),
    annotations: [],
    reportPath: file,
    gate: 'none',
    failOnMissingBaseline: false,
  });
}
