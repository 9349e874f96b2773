/** The Publisher of a GitHub Actions step: @actions/core for the step, the REST API for the comment. */
import * as core from '@actions/core';
import { assert } from '../errors.js';
import type { Publisher } from './publisher.js';
import { type IssueRef, type Octokit, type StickyMatch, upsertStickyComment } from './sticky-comment.js';

export interface ActionsPublisherOptions {
  /** API client; absent when there is no token (commenting then fails with a clear message). */
  readonly client?: Octokit;
  /** The pull request to comment on; absent outside pull requests. */
  readonly issue?: IssueRef;
  readonly sticky: StickyMatch;
}

export function actionsPublisher(o: ActionsPublisherOptions): Publisher {
  return {
    async upsertComment(body) {
      assert(o.issue, () => 'upsertComment without a pull request');
      if (!o.client) throw new Error('no github-token: cannot call the GitHub API');
      return upsertStickyComment(o.client, o.issue, { ...o.sticky, body });
    },
    async writeSummary(markdown) {
      await core.summary.addRaw(markdown, true).write();
    },
    setOutputs(values) {
      for (const [k, v] of Object.entries(values)) core.setOutput(k, v);
    },
    annotate(a) {
      const props = { title: a.title, ...(a.file ? { file: a.file } : {}), ...(a.startLine ? { startLine: a.startLine } : {}) };
      if (a.level === 'error') core.error(a.message, props);
      else if (a.level === 'warning') core.warning(a.message, props);
      else core.notice(a.message, props);
    },
    info(line) {
      core.info(line);
    },
    warning(line) {
      core.warning(line);
    },
    fail(message, where) {
      if (where?.file) {
        core.error(message, { title: where.title ?? 'nax', file: where.file, ...(where.startLine ? { startLine: where.startLine } : {}) });
        // setFailed's effect without a second, unannotated error line; no process.exit, so pending writes finish.
        process.exitCode = core.ExitCode.Failure;
      } else {
        core.setFailed(message);
      }
    },
  };
}
