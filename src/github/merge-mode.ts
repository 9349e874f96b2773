/**
 * `mode: merge`: combine the shard reports of a matrix (each leg ran `shard: i/n` in check mode) into one
 * report for base and one for head, then compare, write, publish and gate like check mode. A missing
 * shard, a duplicate, or shards of different commits or budgets is an error, never a smaller sample.
 */
import path from 'node:path';
import { compareReports } from '../compare/compare-reports.js';
import { mergeShards } from '../compare/merge-shards.js';
import { tightenBudgets } from '../config/gate.js';
import { NaxUserError } from '../errors.js';
import { dirSource } from '../io/files.js';
import type { NaxReport } from '../report.js';
import { budgetAnnotations } from './annotations.js';
import { type CheckArtifact, headOf, parseCheckArtifact } from './check-artifact.js';
import { pullRequestOf, runUrlOf } from './event.js';
import { inputTierLocator } from './inputs.js';
import { acknowledgementOf, commentDecision, issueOf, type ModeContext } from './mode-context.js';
import { publishResult } from './publish.js';
import { mergeSearchMode } from './search-mode.js';
import { writeHtmlReport } from './html-report.js';
import { checkReportPath, jsonFilesBelow, readJsonFile, writeReportFile } from '../io/report-file.js';

/** Shards must agree on everything but their samples. */
function checkConsistent(shards: readonly CheckArtifact[], labels: readonly string[]): void {
  const first = shards[0].check;
  const key = (a: CheckArtifact) => JSON.stringify({
    pr: a.check.pullRequest ?? null, head: a.check.headSha ?? null, base: a.check.baseline.commit ?? null,
    budgets: a.check.budgets, config: a.check.configPath, hasBase: a.check.base !== undefined,
  });
  shards.forEach((s, i) => {
    if (key(s) !== key(shards[0])) {
      throw new NaxUserError(labels[i], 'check', `differs from ${labels[0]} in pull request, commits, budgets or baseline`,
        `all shards must come from one run (${first.headSha?.slice(0, 7) ?? 'unknown head'})`);
    }
  });
}

function withoutAcknowledgement(c: CheckArtifact['check']): CheckArtifact['check'] {
  const { acknowledgement: _ignored, ...rest } = c;
  return rest;
}

export async function mergeMode(ctx: ModeContext): Promise<void> {
  const { inputs, env, repoDir } = ctx;
  const dir = path.resolve(repoDir, inputs.mergeFrom);
  const files = await jsonFilesBelow(dir);
  // Search shards (nightly re-search legs) carry pareto.json; Monte Carlo check shards carry reports.
  const fronts = files.filter((f) => path.basename(f) === 'pareto.json');
  if (fronts.length > 0) {
    await mergeSearchMode(ctx, fronts);
    return;
  }
  await checkReportPath(path.resolve(repoDir, inputs.reportPath), { overwrite: inputs.overwriteReport, shownAs: inputs.reportPath });
  const labels = files.map((f) => path.relative(repoDir, f));
  if (files.length === 0) {
    throw new NaxUserError(inputs.mergeFrom, '', 'no shard reports (*.json) in this folder', 'download the shard artifacts into it first');
  }
  const shards = await Promise.all(files.map(async (f, i) => parseCheckArtifact(await readJsonFile(f, labels[i]), labels[i])));
  checkConsistent(shards, labels);
  ctx.progress(`merging ${shards.length} shard reports from ${inputs.mergeFrom}`);
  const head = mergeShards(shards.map(headOf), { labels });
  const base: NaxReport | undefined = shards[0].check.base
    ? mergeShards(shards.map((s) => s.check.base as NaxReport), { labels: labels.map((l) => `${l} (base)`) })
    : undefined;
  const first = shards[0].check;
  const pr = pullRequestOf(env.payload);
  // The label is read from this event, never taken from the shards (they are the PR's run's files).
  const acknowledgement = acknowledgementOf(inputs, pr?.labels ?? [], env.eventName);
  const budgets = tightenBudgets(first.budgets, { overrides: inputs.budgetOverrides, where: inputTierLocator });
  const comparison = compareReports(base, head, budgets, acknowledgement ? { acknowledgement } : {});
  const runUrl = runUrlOf(env) ?? first.runUrl;
  const merged: CheckArtifact = {
    ...head,
    check: {
      ...withoutAcknowledgement(first), ...(base ? { base } : {}), budgets, verdict: comparison.verdict, ...(runUrl ? { runUrl } : {}),
      ...(acknowledgement ? { acknowledgement } : {}),
    },
  };
  await writeReportFile(path.resolve(repoDir, inputs.reportPath), merged, { overwrite: inputs.overwriteReport, shownAs: inputs.reportPath });
  const htmlReportName = await writeHtmlReport(repoDir, inputs.reportPath, { head, ...(base ? { base } : {}) }, { overwrite: inputs.overwriteReport });

  // Annotations need the mapping file, present when the merge job checked out the repository.
  const mappingPath = head.inputs.mapping.path;
  let mappingText: string | undefined;
  try {
    mappingText = new TextDecoder().decode(await dirSource(repoDir).read(mappingPath));
  } catch {
    mappingText = undefined;
  }
  const issue = issueOf(ctx, first.pullRequest);
  const decision = commentDecision(ctx, issue);
  await publishResult(ctx.publisherFor(issue), {
    render: {
      comparison,
      baseline: first.baseline,
      ...(first.headSha ? { headSha: first.headSha } : {}),
      toolVersion: head.tool.version,
      origin: 'shard-jobs',
      ...(first.gate ? { gate: first.gate } : {}),
      ...(runUrl ? { runUrl } : {}),
      reportName: inputs.reportPath,
      htmlReportName,
    },
    postComment: decision.post,
    ...(decision.reason ? { noCommentReason: decision.reason } : {}),
    annotations: budgetAnnotations(comparison, mappingText === undefined ? {} : { mapping: { path: mappingPath, text: mappingText } }),
    reportPath: inputs.reportPath,
    gate: 'verdict',
    failOnMissingBaseline: inputs.failOnMissingBaseline,
  });
}
