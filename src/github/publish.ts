/**
 * Publishing a comparison, in an order that keeps the verdict independent of the comment: log, comment,
 * summary, outputs, annotations, gate. A comment that cannot be posted (a fork's read-only token: 403)
 * becomes a warning with the way out; the table still goes to the log and the summary, and the verdict
 * and exit code are those of the budgets.
 */
import type { Annotation } from './annotations.js';
import { outputValues } from './outputs.js';
import type { Publisher } from './publisher.js';
import { COMMENT_LIMIT, SUMMARY_LIMIT, renderMarkdown } from '../render/markdown.js';
import type { RenderInput } from '../render/render-input.js';
import { breachSentence } from '../render/tables.js';
import { renderText } from '../render/text.js';

export interface PublishPlan {
  readonly render: RenderInput;
  /** Post the sticky comment (commenting enabled and a pull request known). */
  readonly postComment: boolean;
  /** Why no comment is posted, logged when postComment is false. */
  readonly noCommentReason?: string;
  readonly annotations: readonly Annotation[];
  /** report-path as given, for the `report` output. */
  readonly reportPath: string;
  /** 'verdict': fail the step on a fail verdict (check, merge); 'none': the check job gates (comment mode). */
  readonly gate: 'verdict' | 'none';
  /** Fail on 'no-baseline' too. */
  readonly failOnMissingBaseline: boolean;
}

export interface PublishOutcome {
  readonly commentId?: number;
  /** Why the comment failed, when it did. */
  readonly commentError?: string;
}

import { RETRIES, isNetworkFailure } from './client.js';

function httpStatus(e: unknown): number | undefined {
  const s = (e as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

/** A warning that says what failed, why it likely did, and what to do. */
export function commentFailureMessage(e: unknown): string {
  const status = httpStatus(e);
  const detail = e instanceof Error ? e.message : String(e);
  const tail = 'The verdict is unchanged; the table is in the job summary and the log.';
  if (status === 403) {
    return `Could not post the PR comment (403: ${detail}). A pull request from a fork gets a read-only token: ` +
      'upload the report with actions/upload-artifact and post it from a workflow_run workflow with mode: comment ' +
      `(see .github/workflows/pr-comment.yml), or grant permissions: pull-requests: write. ${tail}`;
  }
  if (status === 404) return `Could not post the PR comment (404: ${detail}): the token cannot see this pull request. ${tail}`;
  if (status === 422) return `Could not post the PR comment (422: ${detail}). ${tail}`;
  if (isNetworkFailure(e)) {
    const cause = (e as { cause?: { message?: string; code?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? detail;
    return `Could not post the PR comment: a network failure reaching the GitHub API (${why}), retried ${RETRIES} times. ${tail}`;
  }
  return `Could not post the PR comment (${status ? `HTTP ${status}: ` : ''}${detail}). ${tail}`;
}

export async function publishResult(p: Publisher, plan: PublishPlan): Promise<PublishOutcome> {
  const c = plan.render.comparison;
  p.info(renderText(plan.render));

  let commentId: number | undefined;
  let commentError: string | undefined;
  if (plan.postComment) {
    const body = renderMarkdown(plan.render, COMMENT_LIMIT);
    if (body.omitted.length > 0) p.info(`comment shortened to fit GitHub's limit: left out ${body.omitted.join('; ')}`);
    try {
      const r = await p.upsertComment(body.markdown);
      commentId = r.id;
      p.info(`PR comment ${r.action}${r.url ? `: ${r.url}` : ` (id ${r.id})`}`);
    } catch (e) {
      commentError = commentFailureMessage(e);
      p.warning(commentError);
    }
  } else if (plan.noCommentReason) {
    p.info(`no PR comment: ${plan.noCommentReason}`);
  }

  const notes = [...(plan.render.notes ?? []), ...(commentError ? [commentError] : [])];
  const summary = renderMarkdown({ ...plan.render, notes }, SUMMARY_LIMIT);
  try {
    await p.writeSummary(summary.markdown);
  } catch (e) {
    p.warning(`Could not write the job summary (${e instanceof Error ? e.message : String(e)}); the table is in the log above.`);
  }

  p.setOutputs({ ...outputValues(c, { reportPath: plan.reportPath, ...(commentId === undefined ? {} : { commentId }) }) });
  for (const a of plan.annotations) p.annotate(a);

  if (plan.gate === 'verdict') {
    if (c.verdict === 'fail') {
      const why = c.budgets.filter((b) => b.status === 'fail').map(breachSentence).join('; ');
      p.fail(`nax: over budget: ${why}`);
    } else if (c.verdict === 'no-baseline' && plan.failOnMissingBaseline) {
      p.fail(`nax: no baseline (${plan.render.baseline.missingReason ?? 'no base report'}) and fail-on-missing-baseline is set`);
    }
  }
  return { ...(commentId === undefined ? {} : { commentId }), ...(commentError ? { commentError } : {}) };
}
